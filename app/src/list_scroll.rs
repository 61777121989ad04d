//! Back to the customer list lands where the user left it: on a phone the list is 50 cards
//! and ten thousand pixels long, and the list is drawn again (after its rows load) too late
//! for the browser's own scroll restoration, which finds a short page and stays at the top.
//!
//! A tap in the list notes the scroll position for that list's address (in the tab's session
//! storage: nothing leaves the browser); arriving at that address by Back or Forward, once the
//! rows are drawn, scrolls there. A link or the menu to the list still starts at the top.

/// Called once at start: notes that the next page comes from the history (Back, Forward).
pub fn watch_history_moves() {
    imp::watch_history_moves();
}

/// Notes where the list at `address` is scrolled to, before a tap leaves it.
pub fn remember(address: &str) {
    imp::remember(address);
}

/// Once the list at `address` is drawn: if Back or Forward brought the user here, scrolls to
/// where they left it.
pub fn restore_after_history_move(address: &str) {
    imp::restore_after_history_move(address);
}

#[cfg(feature = "hydrate")]
mod imp {
    use std::cell::Cell;

    use leptos::prelude::{request_animation_frame, window, window_event_listener};

    thread_local! {
        static MOVED_BY_HISTORY: Cell<bool> = const { Cell::new(false) };
    }

    fn key(address: &str) -> String {
        format!("clientela:list-scroll:{address}")
    }

    pub fn watch_history_moves() {
        // For the app's whole life: the handles are dropped, the listeners stay.
        let _ = window_event_listener(leptos::ev::popstate, |_| MOVED_BY_HISTORY.set(true));
        // A click (a link, the menu) is not a move in the history.
        let _ = window_event_listener(leptos::ev::click, |_| MOVED_BY_HISTORY.set(false));
    }

    pub fn remember(address: &str) {
        if let (Ok(Some(storage)), Ok(y)) = (window().session_storage(), window().scroll_y()) {
            let _ = storage.set_item(&key(address), &(y as i32).to_string());
        }
    }

    pub fn restore_after_history_move(address: &str) {
        if !MOVED_BY_HISTORY.replace(false) {
            return;
        }
        let Ok(Some(storage)) = window().session_storage() else {
            return;
        };
        let y = storage
            .get_item(&key(address))
            .ok()
            .flatten()
            // Whole pixels: parsing a float would bring its parser into the main part.
            .and_then(|y| y.parse::<i32>().ok());
        if let Some(y) = y {
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, f64::from(y)));
        }
    }
}

/// On the server there is no scrolling.
#[cfg(not(feature = "hydrate"))]
mod imp {
    pub fn watch_history_moves() {}
    pub fn remember(_address: &str) {}
    pub fn restore_after_history_move(_address: &str) {}
}
