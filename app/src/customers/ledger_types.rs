//! The record's "Contas contábeis" tab as the browser receives it.

use rules::sales::ledger_accounts::LedgerAccountsInput;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerAccountsView {
    /// Bumped by every save of the tab; 0 before the first (the suggestion shown).
    pub version: i32,
    pub input: LedgerAccountsInput,
    /// What the company's chart suggests for this customer (R-SALES-12), to compare.
    pub suggested: LedgerAccountsInput,
    pub doubtful_debt_account: String,
    pub doubtful_debt_real_account: String,
    /// Why no doubtful-debt account can be generated now, if so (already has one, the company
    /// has no synthetic account set).
    pub cannot_generate: Option<String>,
    pub last_saved: Option<String>,
}
