//! The record's general data after a stale save (rules::kept_edits): "Carregar a versão atual
//! com as minhas alterações" loads what the other person saved and types the user's changes
//! back on top, instead of asking for a reload that would throw them away.

use leptos::prelude::*;
use rules::kept_edits::KeptEdit;

use crate::components::form_values as dom;

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

impl Default for KeptEdits {
    fn default() -> Self {
        Self::new()
    }
}
