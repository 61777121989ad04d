//! The company settings screen as the browser receives it.

use rules::sales::company_settings::CompanySettingsInput;
use serde::{Deserialize, Serialize};

use crate::customers::record_types::ChangeView;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySettingsView {
    /// "1 - Gaúcha Combustíveis": the company these settings are of.
    pub company: String,
    /// Bumped by every save; a save naming an older version is refused.
    pub version: i32,
    pub input: CompanySettingsInput,
    /// Who changed what, newest first.
    pub history: Vec<ChangeView>,
    /// The choices of the tables a new customer takes from the company (R-SALES-1).
    pub tables: Vec<crate::customers::sales_types::TableChoices>,
    /// The company's price lists and payment plans, for the ones new customers start with.
    pub own: Vec<crate::customers::sales_types::TableChoices>,
}
