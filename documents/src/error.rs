//! What can go wrong while rendering, as one error type the app can log.
//!
//! The templates ship with the binary and are covered by tests, so a template error
//! should never reach production; if one does, the caller gets this error (never a panic)
//! carrying Typst's own messages, which is what is needed to fix the template.

use typst::diag::{Severity, SourceDiagnostic};

/// Rendering a document failed.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The data could not be serialised to JSON for the template.
    #[error("could not serialise the document's data: {0}")]
    Data(#[from] serde_json::Error),
    /// Typst rejected the template (compile or layout error).
    #[error("the {template} template failed: {}", .messages.join("; "))]
    Template {
        /// The template's file name, e.g. `advance_statement.typ`.
        template: &'static str,
        /// Each diagnostic's message, with its hints appended.
        messages: Vec<String>,
    },
    /// Typst laid the document out but could not write it as PDF.
    #[error("PDF export failed: {}", .messages.join("; "))]
    Pdf {
        /// Each diagnostic's message, with its hints appended.
        messages: Vec<String>,
    },
}

/// Turns Typst diagnostics into plain messages: the spans point into a template the
/// caller never sees, so the message and its hints are what is worth keeping.
pub(crate) fn messages(diagnostics: &[SourceDiagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|diagnostic| {
            let mut message = match diagnostic.severity {
                Severity::Error => diagnostic.message.to_string(),
                Severity::Warning => format!("warning: {}", diagnostic.message),
            };
            for hint in &diagnostic.hints {
                message.push_str(" (hint: ");
                message.push_str(&hint.v);
                message.push(')');
            }
            message
        })
        .collect()
}
