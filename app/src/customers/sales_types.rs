//! The "Padrão para vendas" tab as the browser receives it: the customer's values as the form
//! shows them, and what applies where the customer has none (the company's settings, the
//! purpose derived from the documents).

use rules::sales::defaults::SalesDefaultsInput;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesDefaultsView {
    /// Bumped by every save of the tab; 0 before the first (the company's defaults shown).
    pub version: i32,
    pub input: SalesDefaultsInput,
    pub company: CompanyHints,
    /// "Revenda" or "Consumo": what an unset purpose means for this customer (R-SALES-7).
    pub derived_purpose: String,
    /// "Ana Administradora em 04/12/2026 às 14:05", once saved.
    pub last_saved: Option<String>,
    /// The choices of each commercial table in the company.
    pub tables: Vec<TableChoices>,
    /// The company's price lists and payment plans, ticked for the customer's own sets.
    pub own: Vec<TableChoices>,
    /// What the customer's orders get today from those sets (R-SALES-4/5), as last saved.
    pub today: TodaysOfferView,
}

/// The price lists that serve the customer's orders today and the payment plans offered,
/// each as "code - description", the plans not offered with the reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TodaysOfferView {
    /// dd/mm/aaaa, in Brasília.
    pub date: String,
    pub lists: Vec<String>,
    pub plans: Vec<String>,
    pub refused: Vec<RefusedPlanView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedPlanView {
    pub plan: String,
    pub reason: String,
}

/// The company's settings, shown beside the fields that follow them when left empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyHints {
    /// "R$ 5.000,00 (pré-aprovado da empresa)" or "Ilimitado" (R-CREDIT-1).
    pub credit_limit: String,
    pub daily_interest: String,
    pub late_fee: String,
    pub max_discount: String,
    pub credit_use: String,
    pub credit_order: String,
}

/// The entries of one commercial table the customer may point to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableChoices {
    /// The table's code, the key of the form's `tables[…]`.
    pub kind: String,
    /// "Tipo de cobrança", the field's label.
    pub label: String,
    pub options: Vec<crate::customers::record_types::OptionItem>,
}
