//! Leaving a form with changes not saved asks first: the browser's own question when the page is
//! closed or reloaded, ours when a link of the app leads elsewhere, when Back or Forward moves
//! within the app, or when a form outside the page (the company switch, signing out) is sent.
//! Another tab of the same record keeps its forms (they are only hidden): no question. Each form
//! on screen sets a check of its own; leaving asks once, in the words of the first form that
//! holds a change.

/// While the form is on screen, `unsaved` tells whether leaving would lose something; `question`
/// is what the user is asked then.
pub fn guard_while_mounted(question: &'static str, unsaved: impl Fn() -> bool + 'static) {
    use leptos::prelude::{on_cleanup, Effect, Track};
    // A form drawn afresh (after a save) may be set before the old one is cleaned up: each
    // removes only its own check.
    let mine = imp::set(question, Box::new(unsaved));
    // Where the form is (its tab included), to come back to when the user stays.
    let location = leptos_router::hooks::use_location();
    Effect::new(move |_| {
        location.pathname.track();
        location.search.track();
        imp::note_address();
    });
    on_cleanup(move || imp::clear_if(mine));
}

/// Guards the form with this id while it is on screen: leaving asks if its fields no longer hold
/// what they held when it was last drawn. A form drawn afresh after each save (a record's tab,
/// an address being edited) is noted once; one cleared or filled in place (a table's entry
/// form) is noted again whenever `redrawn`, which tracks what redraws it, changes.
pub fn guard_form_while_mounted(
    form_id: &'static str,
    question: &'static str,
    redrawn: impl Fn() + 'static,
) {
    use crate::components::form_values::fields;
    use leptos::prelude::*;
    let drawn = StoredValue::new(None::<Vec<(String, String)>>);
    Effect::new(move |_| {
        redrawn();
        request_animation_frame(move || {
            // The form may have been left within the frame.
            if !drawn.is_disposed() {
                drawn.set_value(Some(fields(form_id)));
            }
        });
    });
    guard_while_mounted(question, move || {
        drawn
            .try_with_value(|drawn| {
                drawn
                    .as_ref()
                    .is_some_and(|drawn| *drawn != fields(form_id))
            })
            .unwrap_or(false)
    });
}

#[cfg(feature = "hydrate")]
mod imp {
    use std::cell::{Cell, RefCell};

    use leptos::prelude::{window, window_event_listener};
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    use leptos::web_sys::{Element, Event, MouseEvent};

    type Unsaved = Box<dyn Fn() -> bool>;

    thread_local! {
        /// The form's address: `(path, path with query)`.
        static HERE: RefCell<(String, String)> = const { RefCell::new((String::new(), String::new())) };
        /// The checks of the forms on screen, each with the number it was set under.
        static UNSAVED: RefCell<Vec<(u64, &'static str, Unsaved)>> = const { RefCell::new(Vec::new()) };
        static SET: Cell<u64> = const { Cell::new(0) };
    }

    pub fn set(question: &'static str, unsaved: Unsaved) -> u64 {
        let mine = SET.get() + 1;
        SET.set(mine);
        if mine == 1 {
            listen();
        }
        UNSAVED.with_borrow_mut(|set| set.push((mine, question, unsaved)));
        crate::history_guard::set(stays_or_leaves);
        mine
    }

    /// Back or Forward has already changed the address: staying puts the form's back (the
    /// router, told nothing, never left the form). Whether the move goes on.
    fn stays_or_leaves() -> bool {
        let (path, address) = HERE.with_borrow(Clone::clone);
        let another_page = window().location().pathname().ok() != Some(path);
        if !another_page || leaves_anyway() {
            return true;
        }
        let _ = window().history().and_then(|h| {
            h.push_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(&address))
        });
        false
    }

    pub fn clear_if(mine: u64) {
        let none_left = UNSAVED.with_borrow_mut(|set| {
            set.retain(|(id, _, _)| *id != mine);
            set.is_empty()
        });
        if none_left {
            crate::history_guard::clear();
        }
    }

    pub fn note_address() {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        HERE.set((path.clone(), format!("{path}{search}")));
    }

    fn clear() {
        UNSAVED.with_borrow_mut(Vec::clear);
    }

    /// The question of the first form holding a change, if any does.
    fn unsaved() -> Option<&'static str> {
        UNSAVED.with_borrow(|set| {
            set.iter()
                .find(|(_, _, check)| check())
                .map(|(_, question, _)| *question)
        })
    }

    /// Whether leaving loses nothing or the user, asked, chose to leave (and the forms' checks
    /// go with it).
    fn leaves_anyway() -> bool {
        let Some(question) = unsaved() else {
            return true;
        };
        let leave = window().confirm_with_message(question).unwrap_or(true);
        if leave {
            clear();
        }
        leave
    }

    /// Listens on the window in the capture phase: before the router's click listener (on the
    /// window too, bubbling) and before the form's own submit handler. Back and Forward go through
    /// `history_guard`, which listens from the page's start.
    fn capture(kind: &str, handler: impl Fn(Event) + 'static) {
        let handler = Closure::<dyn Fn(Event)>::new(handler);
        let _ = window().add_event_listener_with_callback_and_bool(
            kind,
            handler.as_ref().unchecked_ref(),
            true,
        );
        handler.forget();
    }

    /// Once per page: the listeners outlive any one form and ask only while one is set.
    fn listen() {
        let _ = window_event_listener(leptos::ev::beforeunload, |ev| {
            if unsaved().is_some() {
                ev.prevent_default();
                ev.set_return_value("");
            }
        });
        capture("click", |ev: Event| {
            let follows_a_link = ev.dyn_ref::<MouseEvent>().is_some_and(leaves_the_page);
            if follows_a_link && !leaves_anyway() {
                ev.prevent_default();
                ev.stop_immediate_propagation();
            }
        });
        capture("submit", |ev: Event| {
            if sent_from_outside_the_page(&ev) && !leaves_anyway() {
                ev.prevent_default();
                ev.stop_immediate_propagation();
                // The company switch shows the company the page is still in, not the one the
                // user chose and then stayed away from.
                if let Some(form) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
                {
                    form.reset();
                }
            }
        });
    }

    /// A form outside `<main>`: the top bar's company switch or sign-out.
    fn sent_from_outside_the_page(ev: &Event) -> bool {
        ev.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|form| form.closest("main").ok().flatten().is_none())
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
    pub fn set(_question: &'static str, _unsaved: Box<dyn Fn() -> bool>) -> u64 {
        0
    }
    pub fn clear_if(_mine: u64) {}
    pub fn note_address() {}
}
