//! Keeping the keyboard and screen-reader user where the answer is, when the control they used
//! goes away with it.

use leptos::prelude::*;

use crate::error::AppError;

/// Moves the focus to the element with this id (browser only; the element should carry
/// `tabindex="-1"` unless it is focusable itself).
pub fn focus_by_id(id: &str) {
    use leptos::wasm_bindgen::JsCast;
    if let Some(element) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// [`focus_by_id`] on the next frame: for an element that the same change is still rendering
/// (a refusal's message appears in a render effect that may run after the caller's effect).
pub fn focus_by_id_next_frame(id: &'static str) {
    request_animation_frame(move || focus_by_id(id));
}

/// A form drawn afresh by its own save: once drawn, the focus goes back to the button with this
/// id (its "Gravar"), where the user was, rather than to the top of the page.
pub fn refocus_when_drawn_after_save<T: 'static>(
    answer: impl WithUntracked<Value = Option<Result<T, AppError>>> + 'static,
    button_id: &'static str,
) {
    Effect::new(move |_| {
        if answer.with_untracked(|r| matches!(r, Some(Ok(_)))) {
            focus_by_id_next_frame(button_id);
        }
    });
}

/// [`focus_by_id`] on the next frame, for an id made at run time (a row's own button).
pub fn focus_by_id_later(id: String) {
    request_animation_frame(move || focus_by_id(&id));
}

/// On the next frame, focuses the first field the refusal marked (`aria-invalid="true"`) in
/// the form with this id; where none is marked (a refusal of the whole form: a stale edit, no
/// permission), the form's message (`role="alert"`), made focusable for it.
pub fn focus_first_invalid(form_id: &'static str) {
    use leptos::wasm_bindgen::JsCast;
    request_animation_frame(move || {
        let first = |selector: &str| {
            document()
                .query_selector(&format!("#{form_id} {selector}"))
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok())
        };
        if let Some(field) = first("[aria-invalid=\"true\"]") {
            let _ = field.focus();
        } else if let Some(message) = first("[role=\"alert\"]") {
            let _ = message.set_attribute("tabindex", "-1");
            let _ = message.focus();
        }
    });
}

/// Whenever `answer` (a form's action's value) is a refusal, [`focus_first_invalid`] in the
/// form with this id: on a long form, on a phone above all, the message beside a field or above
/// the buttons can be a screen away from where the user was typing.
pub fn focus_first_invalid_on_refusal<T: 'static>(
    answer: impl With<Value = Option<Result<T, AppError>>> + 'static,
    form_id: &'static str,
) {
    Effect::new(move |_| {
        if answer.with(|r| matches!(r, Some(Err(_)))) {
            focus_first_invalid(form_id);
        }
    });
}
