//! What the record shows of a customer's credit in each company the user acts in (R-CREDIT-1..2,
//! R-COMPANY-3): the limit and where it comes from, what the customer owes (not yet due and
//! overdue), what the company owes them (credits) and what is left to buy on credit.

use rules::finance::credit::Available;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitSource {
    Customer,
    CompanyPreApproved,
    Unlimited,
}

impl LimitSource {
    pub fn label(self) -> &'static str {
        match self {
            LimitSource::Customer => "do cliente",
            LimitSource::CompanyPreApproved => "pré-aprovado da empresa",
            LimitSource::Unlimited => "sem limite",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyCreditView {
    pub company_id: i64,
    /// `1 - Gaúcha Combustíveis`.
    pub company: String,
    /// The company the user acts in now.
    pub current: bool,
    /// `None` when unlimited.
    pub limit: Option<Decimal>,
    pub limit_source: LimitSource,
    /// Owed and not yet due (open, also when listed or in collection).
    pub not_yet_due: Decimal,
    pub overdue: Decimal,
    /// Sales-return credits plus the unsettled balance of advances.
    pub credits: Decimal,
    pub available: Available,
}

/// One receivable of the customer in the current company, as the "Financeiro" tab lists it
/// (R-HIST-1). The status is the one `rules::finance::status` derives today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivableRow {
    pub id: i64,
    /// `NF 12345/2`.
    pub document: String,
    pub kind: String,
    /// `dd/mm/aaaa`.
    pub issue_date: String,
    pub due_date: String,
    pub amount: Decimal,
    pub balance: Decimal,
    pub status: rules::finance::status::ReceivableStatus,
    pub sale_code: Option<String>,
    pub version: i32,
    /// Its collection route (LOP): `Banco · Cobrança descontada · BB`.
    pub collection: String,
    /// `Cancelado em 06/12/2026 14:05 por Fernanda Financeiro: Renegociado`, once cancelled.
    #[serde(default)]
    pub cancellation: Option<String>,
    /// The interest and late fee stamped on it, for the settlement form's preview.
    pub terms: rules::finance::settlement::LateTerms,
}

/// Oldest due date first, as a collector works through what is owed (`due_date` is shown
/// `dd/mm/aaaa`, so it is read back to sort).
pub fn oldest_due_first(rows: &mut [ReceivableRow]) {
    rows.sort_by_cached_key(|r| rules::date_input::parse(&r.due_date).ok().flatten());
}
