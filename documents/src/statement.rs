//! The data the advance statement template (`templates/advance_statement.typ`) reads.
//!
//! Every value is text the app has already formatted ("R$ 1.234,56", "dd/mm/aaaa"):
//! the app owns number and date formatting, the template only lays out. The field
//! names are the template's contract: renaming one here means renaming it there.

use serde::{Deserialize, Serialize};

/// A customer's advances over a period: what came in, what was used or refunded.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AdvanceStatement {
    /// The issuing company's name, printed in the page header.
    pub company: String,
    /// Code and name, e.g. "2002 - Padaria Ferreira Ltda".
    pub customer: String,
    /// The customer's CPF or CNPJ, masked.
    pub document: String,
    /// "01/01/2026 a 31/12/2026".
    pub period: String,
    /// The balance before the period's first line.
    pub opening_balance: String,
    /// The period's movements, oldest first.
    pub lines: Vec<StatementLine>,
    pub total_credits: String,
    pub total_debits: String,
    pub closing_balance: String,
    /// "Emitido em 06/12/2026 10:15 por Ana Souza", printed in every page's footer.
    pub generated: String,
}

/// One movement on the statement.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StatementLine {
    pub date: String,
    /// "Adiantamento nº 12 — PIX", "Baixa NF 123/1", "Devolução — motivo".
    pub description: String,
    /// Empty when the line has no credit.
    pub credit: String,
    /// Empty when the line has no debit.
    pub debit: String,
    /// The running balance after this line.
    pub balance: String,
}
