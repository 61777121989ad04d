//! The customer record as the form edits it, and its change history.

use rules::customer::CustomerInput;
use rules::profile::ProfileRefs;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRecord {
    pub id: i64,
    /// Bumped by every save; a save naming an older version is refused.
    pub version: i32,
    pub input: CustomerInput,
    /// The commercial profile in the company the user acts in.
    pub profile: ProfileRefs,
    /// "Ana Administradora em 22/11/2026 às 14:05", when it was ever edited.
    pub last_saved: Option<String>,
    /// The stored IE does not pass its main address's state (`rules::customer::
    /// state_registration_warning`): said beside it on opening.
    #[serde(default)]
    pub state_registration_warning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeView {
    /// dd/mm/aaaa HH:MM (Brasília).
    pub changed_at: String,
    pub user_name: String,
    pub field: String,
    pub old_value: String,
    pub new_value: String,
}

/// The choices of one profile field (group, branch, region, salesperson, category).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindOptions {
    pub kind: rules::lookup::LookupKind,
    /// The form field: `customer_group`, `region`, …
    pub field: String,
    pub label: String,
    pub options: Vec<OptionItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionItem {
    pub id: i64,
    pub code: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalespersonChangeView {
    pub changed_at: String,
    pub user_name: String,
    pub old_salesperson: String,
    pub new_salesperson: String,
    pub notes: String,
}
