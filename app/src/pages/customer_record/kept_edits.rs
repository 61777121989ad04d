//! The record's general data after a stale save (rules::kept_edits): "Carregar a versão atual
//! com as minhas alterações" loads what the other person saved and types the user's changes
//! back on top, instead of asking for a reload that would throw them away.

use leptos::prelude::*;
use rules::kept_edits::KeptEdit;

/// A form's fields: `(name, value)`.
type Fields = Vec<(String, String)>;

/// The form's fields as it opened, and the user's edits carried over a reload.
#[derive(Clone, Copy)]
pub struct KeptEdits {
    opened: StoredValue<Fields>,
    /// The user's edits and the fields as they had opened, carried over a reload.
    carried: StoredValue<Option<(Vec<KeptEdit>, Fields)>>,
    /// Said above the buttons once the edits are typed back.
    pub notice: RwSignal<String>,
}

/// The notice's id: it takes the focus, where the button that asked for it was.
pub const NOTICE_ID: &str = "kept-edits-notice";

impl KeptEdits {
    pub fn new() -> Self {
        Self {
            opened: StoredValue::new(Vec::new()),
            carried: StoredValue::new(None),
            notice: RwSignal::new(String::new()),
        }
    }

    /// Once the form with this id is drawn: notes its fields as opened, then types back the
    /// edits carried over a reload, if any.
    pub fn on_drawn(self, form_id: &'static str) {
        request_animation_frame(move || {
            // The record may have been left within the frame.
            if self.opened.is_disposed() {
                return;
            }
            let fresh = dom::fields(form_id);
            let carried = self.carried.try_update_value(Option::take).flatten();
            self.opened.set_value(fresh.clone());
            let Some((kept, opened)) = carried else {
                return;
            };
            let again = rules::kept_edits::reapply(&opened, &kept, &fresh);
            dom::type_back(form_id, &again.set);
            let label = |name: &String| dom::label_of(form_id, name);
            let theirs: Vec<String> = again.theirs.iter().map(label).collect();
            let mine: Vec<String> = again.set.iter().map(|(name, _)| label(name)).collect();
            let both: Vec<(String, String)> = again
                .both
                .iter()
                .map(|(name, value)| (label(name), value.clone()))
                .collect();
            self.notice
                .set(rules::kept_edits::notice(&theirs, &mine, &both));
            crate::components::focus::focus_by_id_next_frame(NOTICE_ID);
        });
    }

    /// Whether the form holds changes since it was drawn (nothing is typed on a read-only one).
    pub fn has_unsaved(self, form_id: &'static str) -> bool {
        self.opened
            .try_with_value(|opened| {
                !opened.is_empty()
                    && !rules::kept_edits::kept_edits(opened, &dom::fields(form_id)).is_empty()
            })
            .unwrap_or(false)
    }

    /// Keeps what the user changed in the form since it opened, to type back once `reload`
    /// has drawn it again with the version saved meanwhile.
    pub fn carry_over(self, form_id: &'static str, reload: impl FnOnce()) {
        let now = dom::fields(form_id);
        let opened = self.opened.get_value();
        let kept = rules::kept_edits::kept_edits(&opened, &now);
        self.carried.set_value(Some((kept, opened)));
        reload();
    }
}

/// The values the form with this id would send, as its fields hold them now.
pub(crate) fn form_fields(form_id: &str) -> Fields {
    dom::fields(form_id)
}

impl Default for KeptEdits {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(feature = "hydrate")]
mod dom {
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
mod dom {
    pub fn fields(_form_id: &str) -> Vec<(String, String)> {
        Vec::new()
    }
    pub fn type_back(_form_id: &str, _values: &[(String, String)]) {}
    pub fn label_of(_form_id: &str, name: &str) -> String {
        name.to_string()
    }
}
