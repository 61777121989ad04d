//! What a form shows of a refused request: each field's message beside it (`aria-invalid`,
//! `aria-describedby` pointing at the message) and anything else above the buttons. Built from
//! the action's last answer, so a new answer replaces the old messages; a field the user changes
//! since drops its message (the answer was about what it held before).

use leptos::prelude::*;

use crate::error::AppError;

#[derive(Clone, Copy)]
pub struct Refusal {
    failure: Signal<Option<AppError>>,
    /// The fields changed since the last answer.
    corrected: RwSignal<Vec<&'static str>>,
    /// Unique on the page: the message of field `f` has the id `{prefix}-{f}-error`.
    prefix: &'static str,
}

impl Refusal {
    /// `answer` is the action's `value()`.
    pub fn of<T>(
        answer: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
        prefix: &'static str,
    ) -> Self
    where
        T: Send + Sync + 'static,
    {
        let failure = Signal::derive(move || answer.get().and_then(Result::err));
        let corrected = RwSignal::new(Vec::new());
        // A new answer speaks of the fields as they are now.
        Effect::new(move |_| {
            failure.track();
            corrected.set(Vec::new());
        });
        Self {
            failure,
            corrected,
            prefix,
        }
    }

    /// The user changed `field`: its message goes.
    pub fn corrected(self, field: &'static str) {
        if !self.corrected.with_untracked(|c| c.contains(&field)) {
            self.corrected.update(|c| c.push(field));
        }
    }

    fn message_for(self, field: &'static str) -> Option<String> {
        if self.corrected.with(|c| c.contains(&field)) {
            return None;
        }
        self.failure
            .with(|f| f.as_ref().and_then(|e| e.message_for(field)))
    }

    /// Whether any of `fields` shows its message now.
    pub fn shown_beside(self, fields: &[&'static str]) -> bool {
        fields.iter().any(|field| self.message_for(field).is_some())
    }

    pub fn invalid(self, field: &'static str) -> Signal<Option<&'static str>> {
        Signal::derive(move || self.message_for(field).map(|_| "true"))
    }

    pub fn described(self, field: &'static str) -> Signal<Option<String>> {
        let prefix = self.prefix;
        Signal::derive(move || {
            self.message_for(field)
                .map(|_| format!("{prefix}-{field}-error"))
        })
    }

    /// The field's message, for beside it.
    pub fn beside(self, field: &'static str) -> impl Fn() -> Option<AnyView> + Copy {
        let prefix = self.prefix;
        move || {
            self.message_for(field).map(|message| {
                view! {
                    <span id=format!("{prefix}-{field}-error") class="field-error" role="alert">
                        {message}
                    </span>
                }
                .into_any()
            })
        }
    }

    /// A refusal that names no field (stale edit, no permission, a failure), or a field the
    /// form does not have.
    pub fn general(self, fields: &'static [&'static str]) -> impl Fn() -> Option<AnyView> + Copy {
        move || {
            self.failure.with(|failure| {
                let error = failure.as_ref()?;
                let message = match error {
                    AppError::Invalid(messages) => messages
                        .iter()
                        .find(|m| !fields.contains(&m.field.as_str()))?
                        .message
                        .clone(),
                    other => other.to_string(),
                };
                Some(view! { <p class="error" role="alert">{message}</p> }.into_any())
            })
        }
    }
}
