//! A form's values as the browser holds them, read and typed back by name: what a stale save
//! carries over (the record's kept edits) and what leaving would lose (the leave guard).

pub use imp::{fields, label_of, type_back};

#[cfg(feature = "hydrate")]
mod imp {
    use leptos::prelude::document;
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{
        Element, Event, EventInit, HtmlFormElement, HtmlInputElement, HtmlSelectElement,
        HtmlTextAreaElement,
    };

    fn controls(form_id: &str) -> Vec<Element> {
        let Some(form) = document()
            .get_element_by_id(form_id)
            .and_then(|e| e.dyn_into::<HtmlFormElement>().ok())
        else {
            return Vec::new();
        };
        let elements = form.elements();
        (0..elements.length())
            .filter_map(|i| elements.item(i))
            .collect()
    }

    /// The value a control submits, or `None` for what is not typed in (hidden, buttons,
    /// disabled ones).
    fn value(element: &Element) -> Option<(String, String)> {
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            let kind = input.type_();
            if input.disabled()
                || input.name().is_empty()
                || ["hidden", "submit", "button"].contains(&kind.as_str())
            {
                return None;
            }
            let value = if kind == "checkbox" {
                if input.checked() {
                    "on".to_string()
                } else {
                    String::new()
                }
            } else {
                input.value()
            };
            return Some((input.name(), value));
        }
        if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
            return (!select.disabled() && !select.name().is_empty())
                .then(|| (select.name(), select.value()));
        }
        let area = element.dyn_ref::<HtmlTextAreaElement>()?;
        (!area.disabled() && !area.name().is_empty()).then(|| (area.name(), area.value()))
    }

    pub fn fields(form_id: &str) -> Vec<(String, String)> {
        controls(form_id).iter().filter_map(value).collect()
    }

    /// Sets each value as if typed: the field's own handlers (masks, signals) see an `input`
    /// and a `change` event.
    pub fn type_back(form_id: &str, values: &[(String, String)]) {
        let controls = controls(form_id);
        for (name, typed) in values {
            let Some(element) = controls
                .iter()
                .find(|e| e.get_attribute("name").as_deref() == Some(name))
            else {
                continue;
            };
            if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
                if input.type_() == "checkbox" {
                    input.set_checked(!typed.is_empty());
                } else {
                    input.set_value(typed);
                }
            } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
                select.set_value(typed);
            } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
                area.set_value(typed);
            }
            for kind in ["input", "change"] {
                let init = EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
                    let _ = element.dispatch_event(&event);
                }
            }
        }
    }

    /// The field's label ("Telefones"), or its name where it has none.
    pub fn label_of(form_id: &str, name: &str) -> String {
        controls(form_id)
            .iter()
            .find(|e| e.get_attribute("name").as_deref() == Some(name))
            .map(|e| e.id())
            .filter(|id| !id.is_empty())
            .and_then(|id| {
                document()
                    .query_selector(&format!("#{form_id} label[for=\"{id}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|label| label.text_content())
            .map(|text| text.trim().to_string())
            .unwrap_or_else(|| name.to_string())
    }
}

/// On the server nothing is typed: the form is drawn afresh in the browser.
#[cfg(not(feature = "hydrate"))]
mod imp {
    pub fn fields(_form_id: &str) -> Vec<(String, String)> {
        Vec::new()
    }
    pub fn type_back(_form_id: &str, _values: &[(String, String)]) {}
    pub fn label_of(_form_id: &str, name: &str) -> String {
        name.to_string()
    }
}
