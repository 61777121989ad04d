//! Auxiliary tables (Tabelas): groups, activity branches, regions, salespeople, categories.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupRow {
    pub id: i64,
    pub code: String,
    pub description: String,
    pub active: bool,
    /// Customers whose profile in the current company points to this row.
    pub customers: i64,
    /// Bumped by every save: the edit form sends it back, and a save of an older one is refused.
    pub version: i32,
    /// A price list's or a payment plan's terms; `None` for the other tables.
    pub terms: Option<rules::sales::table_terms::Terms>,
}

/// One change to a table row, as the table's history shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupChangeView {
    pub changed_at: String,
    pub user_name: String,
    pub code: String,
    pub field: String,
    pub old_value: String,
    pub new_value: String,
}
