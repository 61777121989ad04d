//! Batch maintenance as the screen sees it: the fields it may offer, the preview, the batches.

use serde::{Deserialize, Serialize};

/// One bulk-editable field this user may set, with its choices (entries of the current
/// company's table, or the statuses).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkFieldView {
    pub code: String,
    pub label: String,
    pub asks_for_notes: bool,
    pub input: BulkInput,
    /// (value, label) for `BulkInput::Choice`; the empty value clears a profile field.
    pub choices: Vec<(String, String)>,
}

/// How the screen asks for a field's new value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkInput {
    /// A select over `choices`.
    Choice,
    /// A city typed with suggestions from the IBGE table.
    City,
    /// Free text.
    Text,
    /// A number typed as on the sales tab (`5.000,00`, `2,5`); empty clears it.
    Number,
    /// Check boxes over `choices`: the set that replaces the customer's (R-SALES-4).
    Several,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BulkPreview {
    /// Every customer the filter matches (not only the loaded page).
    pub matching: i64,
    /// Per field: its label and how many matching customers it would change.
    pub changing: Vec<(String, i64)>,
    /// Matching customers no field would change: they already hold every value.
    pub unchanged: i64,
    /// Names the preview's moment, kept by the server: customers saved after it are reported
    /// on apply.
    pub preview_token: String,
}

/// A running batch's step, e.g. step 2 of 4, "Gravando Vendedor", 3 s in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchProgress {
    pub step: u32,
    pub steps: u32,
    pub label: String,
    pub seconds: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchView {
    pub id: i64,
    pub applied_at: String,
    pub user_name: String,
    pub summary: String,
    pub filter: String,
    pub customer_count: i32,
    /// "Desfeito por X em dd/mm/aaaa hh:mm", when undone.
    pub undone: Option<String>,
}

/// What undoing a batch would do now, for the confirmation: how many customers go back, and
/// which stay as they are (changed since, deleted) and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoPreview {
    pub batch_id: i64,
    /// The fields the batch wrote, as the screen names them: "Vendedor", "Situação".
    pub fields: Vec<String>,
    pub restorable: i64,
    pub kept: i64,
    /// Why the kept customers stay, in Portuguese; empty when none does.
    pub kept_reasons: String,
}

/// What an undo did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct UndoDone {
    pub restored: i64,
    pub kept: i64,
}
