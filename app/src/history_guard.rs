//! A say before Back or Forward moves within the app: a screen holding unsaved changes sets a
//! check that may keep the user where they are. Listened to from the start of the page, before
//! the router's own listener, so that the router never sees a move the user chose not to make.

/// From the start of the page (`hydrate`), before the router listens.
pub fn listen() {
    imp::listen();
}

/// While set, `check` sees every Back or Forward first; it returns whether the move goes on.
pub fn set(check: impl Fn() -> bool + 'static) {
    imp::set(Box::new(check));
}

pub fn clear() {
    imp::clear();
}

#[cfg(feature = "hydrate")]
mod imp {
    use std::cell::RefCell;

    use leptos::prelude::window_event_listener;

    type Check = Box<dyn Fn() -> bool>;

    thread_local! {
        static CHECK: RefCell<Option<Check>> = const { RefCell::new(None) };
    }

    pub fn listen() {
        let _ = window_event_listener(leptos::ev::popstate, |ev| {
            let goes_on = CHECK.with_borrow(|check| check.as_ref().is_none_or(|check| check()));
            if !goes_on {
                ev.stop_immediate_propagation();
            }
        });
    }

    pub fn set(check: Check) {
        CHECK.set(Some(check));
    }

    pub fn clear() {
        CHECK.set(None);
    }
}

#[cfg(not(feature = "hydrate"))]
mod imp {
    pub fn listen() {}
    pub fn set(_check: Box<dyn Fn() -> bool>) {}
    pub fn clear() {}
}
