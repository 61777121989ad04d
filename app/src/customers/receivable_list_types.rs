//! The receivables screen ("Financeiro → Contas a receber", issue 12) as the browser receives
//! it: one page of receivables of the current company and the totals by status of everything
//! the filters match.

use rules::finance::status::ReceivableStatus;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivablesPage {
    pub rows: Vec<ReceivableListRow>,
    /// Where the next page starts (`aaaa-mm-dd.id`), when there is one.
    pub next: Option<String>,
    /// One per status present, in `ReceivableStatus::ALL`'s order.
    pub totals: Vec<StatusTotal>,
    /// `1 - Gaúcha Combustíveis`.
    pub company: String,
    /// Brasília's today, `dd/mm/aaaa`, where a settlement's date starts.
    pub today: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivableListRow {
    pub id: i64,
    pub customer_code: i64,
    /// The customer's trade name.
    pub customer: String,
    /// `NF 12345/2`.
    pub document: String,
    pub kind: String,
    /// `dd/mm/aaaa`.
    pub issue_date: String,
    pub due_date: String,
    pub amount: Decimal,
    pub balance: Decimal,
    pub status: ReceivableStatus,
    pub sale_code: Option<String>,
    /// Its collection route (LOP): `Banco · Cobrança descontada · BB`.
    pub collection: String,
    /// For the stale-edit check of a settlement or cancellation opened from the row.
    pub version: i32,
    /// When, by whom and why it was cancelled (see `ReceivableRow::cancellation`).
    #[serde(default)]
    pub cancellation: Option<String>,
    /// The interest and late fee stamped on it (see `ReceivableRow::terms`).
    pub terms: rules::finance::settlement::LateTerms,
}

impl ReceivableListRow {
    /// The row as the record's receivable forms take it.
    pub fn receivable(&self) -> crate::customers::credit_types::ReceivableRow {
        crate::customers::credit_types::ReceivableRow {
            id: self.id,
            document: self.document.clone(),
            kind: self.kind.clone(),
            issue_date: self.issue_date.clone(),
            due_date: self.due_date.clone(),
            amount: self.amount,
            balance: self.balance,
            status: self.status,
            sale_code: self.sale_code.clone(),
            version: self.version,
            collection: self.collection.clone(),
            cancellation: self.cancellation.clone(),
            terms: self.terms,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusTotal {
    pub status: ReceivableStatus,
    pub count: i64,
    pub amount: Decimal,
    pub balance: Decimal,
}

/// R-HIST-3: the receivables report — what the filters match, grouped by customer group or
/// region, each group with its subtotal, and the grand total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub company: String,
    /// `Grupo de clientes` or `Região`.
    pub grouped_by: String,
    pub groups: Vec<ReportGroupView>,
    pub total: rules::finance::report_grouping::ReportTotal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGroupView {
    /// `ATAC - Atacado`, or `Sem grupo`.
    pub name: String,
    pub total: rules::finance::report_grouping::ReportTotal,
    /// Empty in the on-screen summary; every receivable in the downloads.
    pub rows: Vec<ReceivableListRow>,
}
