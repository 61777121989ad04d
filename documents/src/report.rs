//! The data the receivables report template (`templates/receivables_report.typ`) reads.
//!
//! Every value is text the app has already formatted ("R$ 1.234,56", "dd/mm/aaaa"),
//! including the counts: the template only lays out. The field names are the template's
//! contract: renaming one here means renaming it there.

use serde::{Deserialize, Serialize};

/// Receivables listed by group (customer group or region), with subtotals and a total.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReceivablesReport {
    /// The issuing company's name, printed in the page header.
    pub company: String,
    /// The report's own title, e.g. "Títulos em aberto".
    pub title: String,
    /// One line describing the filters the user chose.
    pub filters: String,
    /// What the groups are: "Grupo de clientes" or "Região".
    pub grouped_by: String,
    /// One section each, in the order to print.
    pub groups: Vec<ReportGroup>,
    pub grand_total: ReportTotals,
    /// "Emitido em 06/12/2026 10:15 por Ana Souza", printed in every page's footer.
    pub generated: String,
}

/// One section of the report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportGroup {
    /// The group's or region's name.
    pub name: String,
    pub rows: Vec<ReportRow>,
    pub subtotal: ReportTotals,
}

/// One receivable.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportRow {
    /// Code and name, e.g. "2002 - Padaria Ferreira Ltda".
    pub customer: String,
    /// "NF 123/1".
    pub document: String,
    pub issue_date: String,
    pub due_date: String,
    /// "Em aberto", "Vencido", "Parcial", ...
    pub status: String,
    pub amount: String,
    /// What is still to be received.
    pub balance: String,
}

/// A count of receivables and their sums.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportTotals {
    /// How many receivables, e.g. "12".
    pub count: String,
    pub amount: String,
    pub balance: String,
}
