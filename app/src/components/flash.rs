//! A message that outlives the page that says it: "Cliente 2004 - … excluído." is said by the
//! customer's page, which the navigation to the list then removes. The message is therefore
//! mounted beside the app (not inside a route), shown once the browser is on the path it was
//! meant for, and gone when the user leaves that path, sends a form or presses Escape.

/// Shows `message` in a status line once the browser is on `path`; call it just before
/// navigating there.
pub fn flash_on_arrival(path: &str, message: String) {
    #[cfg(feature = "hydrate")]
    browser::show(path.to_string(), message);
    #[cfg(not(feature = "hydrate"))]
    let _ = (path, message);
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use std::cell::OnceCell;

    #[derive(Clone, PartialEq)]
    struct Flash {
        path: String,
        message: String,
        /// The browser has been on `path` since the message was given.
        arrived: bool,
    }

    thread_local! {
        /// The one message line, made on the first flash and kept for the life of the app.
        static SLOT: OnceCell<RwSignal<Option<Flash>>> = const { OnceCell::new() };
    }

    pub fn show(path: String, message: String) {
        let slot = SLOT.with(|slot| *slot.get_or_init(mount));
        slot.set(Some(Flash {
            path,
            message,
            arrived: false,
        }));
    }

    /// Mounts the message line at the end of `<body>` under an owner of its own, so that the
    /// page calling it may be disposed without taking the line along.
    fn mount() -> RwSignal<Option<Flash>> {
        // The router's location lives as long as the app; read it here, in the caller's scope.
        let pathname = leptos_router::hooks::use_location().pathname;
        let caller = Owner::current();
        let root = Owner::new_root(None);
        let slot = root.with(|| {
            let slot = RwSignal::new(None::<Flash>);
            Effect::new(move |_| {
                let here = pathname.get();
                let Some(flash) = slot.get_untracked() else {
                    return;
                };
                if here == flash.path && !flash.arrived {
                    slot.set(Some(Flash {
                        arrived: true,
                        ..flash
                    }));
                } else if here != flash.path && flash.arrived {
                    slot.set(None);
                }
            });
            // Said once: the next thing the user does on the page (a form sent, Escape) takes
            // it away, so it never stands beside that answer's own message.
            let dismiss = move || {
                if slot.with_untracked(Option::is_some) {
                    slot.set(None);
                }
            };
            let on_submit = window_event_listener(leptos::ev::submit, move |_| dismiss());
            let on_escape = window_event_listener(leptos::ev::keydown, move |ev| {
                if ev.key() == "Escape" {
                    dismiss();
                }
            });
            // Both live as long as the app, like the line.
            std::mem::forget((on_submit, on_escape));
            let shown = move || slot.get().filter(|f| f.arrived);
            let Some(body) = document().body() else {
                return slot;
            };
            leptos::mount::mount_to(body, move || {
                view! {
                    <div class="flash" class:shown=move || shown().is_some()>
                        <p role="status">{move || shown().map(|f| f.message)}</p>
                        <Show when=move || shown().is_some()>
                            <button type="button" class="link-button" on:click=move |_| slot.set(None)>
                                "Fechar aviso"
                            </button>
                        </Show>
                    </div>
                }
            })
            .forget();
            slot
        });
        // The line's owner must outlive this call: dropping it would dispose the line.
        std::mem::forget(root);
        if let Some(caller) = caller {
            caller.set();
        }
        slot
    }
}
