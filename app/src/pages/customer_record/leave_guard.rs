//! Leaving a customer form with changes not saved asks first: the browser's own question when
//! the page is closed or reloaded, ours when a link of the app leads elsewhere. Tabs of the same
//! record keep the form (it is only hidden), so they leave without asking.

/// While the form is on screen, `unsaved` tells whether leaving would lose something.
pub fn guard_while_mounted(unsaved: impl Fn() -> bool + 'static) {
    // A form drawn afresh (after a save) may be set before the old one is cleaned up: each
    // clears only its own check.
    let mine = imp::set(Box::new(unsaved));
    leptos::prelude::on_cleanup(move || imp::clear_if(mine));
}

#[cfg(feature = "hydrate")]
mod imp {
    use std::cell::{Cell, RefCell};

    use leptos::prelude::{window, window_event_listener};
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    use leptos::web_sys::{Element, MouseEvent};

    type Unsaved = Box<dyn Fn() -> bool>;

    /// Asked before a link leaves the form.
    const QUESTION: &str =
        "Há alterações não gravadas neste cliente. Sair sem gravar? As alterações serão perdidas.";

    thread_local! {
        static UNSAVED: RefCell<Option<(u64, Unsaved)>> = const { RefCell::new(None) };
        static SET: Cell<u64> = const { Cell::new(0) };
    }

    pub fn set(unsaved: Unsaved) -> u64 {
        let mine = SET.get() + 1;
        SET.set(mine);
        if mine == 1 {
            listen();
        }
        UNSAVED.set(Some((mine, unsaved)));
        mine
    }

    pub fn clear_if(mine: u64) {
        UNSAVED.with_borrow_mut(|set| {
            if set.as_ref().is_some_and(|(id, _)| *id == mine) {
                *set = None;
            }
        });
    }

    fn clear() {
        UNSAVED.set(None);
    }

    fn unsaved() -> bool {
        UNSAVED.with_borrow(|set| set.as_ref().is_some_and(|(_, check)| check()))
    }

    /// Once per page: the listeners outlive any one form and ask only while one is set.
    fn listen() {
        let _ = window_event_listener(leptos::ev::beforeunload, |ev| {
            if unsaved() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        // Capture, on the window: before the router's own click listener takes the link.
        let on_click = Closure::<dyn Fn(MouseEvent)>::new(|ev: MouseEvent| {
            if leaves_the_page(&ev) && unsaved() {
                if window().confirm_with_message(QUESTION).unwrap_or(true) {
                    clear();
                } else {
                    ev.prevent_default();
                    ev.stop_immediate_propagation();
                }
            }
        });
        let _ = window().add_event_listener_with_callback_and_bool(
            "click",
            on_click.as_ref().unchecked_ref(),
            true,
        );
        on_click.forget();
    }

    /// A plain click on a link to another path (another tab of the record only changes `?aba`).
    fn leaves_the_page(ev: &MouseEvent) -> bool {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
        {
            return false;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten());
        let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
            return false;
        };
        let here = window().location().pathname().unwrap_or_default();
        let path = href.split(['?', '#']).next().unwrap_or_default();
        !path.is_empty() && path != here
    }
}

#[cfg(not(feature = "hydrate"))]
mod imp {
    pub fn set(_unsaved: Box<dyn Fn() -> bool>) -> u64 {
        0
    }
    pub fn clear_if(_mine: u64) {}
}
