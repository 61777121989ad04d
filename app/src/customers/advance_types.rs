//! What the "Financeiro" tab shows of a customer's advances (R-ADV-2..3) and of a receivable's
//! settlements: plain values the server fills and the screen (and the statement PDF) lays out.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The customer's advances in the company the user acts in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdvancesView {
    /// The company works with advances (R-ADV-1); without it none can be registered.
    pub enabled: bool,
    pub rows: Vec<AdvanceRow>,
    /// Brasília's today, `dd/mm/aaaa`: what the forms' dates start at.
    pub today: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdvanceRow {
    pub id: i64,
    /// `dd/mm/aaaa`.
    pub date: String,
    pub amount: Decimal,
    /// What is left to use or refund.
    pub balance: Decimal,
    /// `PIX`, `Dinheiro`, `Banco`.
    pub means: String,
    pub notes: String,
}

/// The statement of the customer's advances over a period (R-ADV-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementView {
    /// `1 - Gaúcha Combustíveis`.
    pub company: String,
    /// `2002 - Padaria Ferreira Ltda`.
    pub customer: String,
    /// CPF/CNPJ as the form shows it.
    pub document: String,
    /// `dd/mm/aaaa`, both inclusive.
    pub from: String,
    pub to: String,
    pub opening: Decimal,
    pub lines: Vec<StatementLineView>,
    pub total_in: Decimal,
    pub total_out: Decimal,
    pub closing: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLineView {
    pub date: String,
    /// `Adiantamento`, `Baixa de título`, `Estorno de baixa`, `Devolução`.
    pub label: String,
    /// `nº 12 · PIX`, `NF 123/1`, the refund's reason.
    pub detail: String,
    /// Money in (`Some`) or out.
    pub credit: Option<Decimal>,
    pub debit: Option<Decimal>,
    pub balance: Decimal,
}

/// One settlement of a receivable, standing or reversed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementRow {
    pub id: i64,
    pub paid_on: String,
    pub principal: Decimal,
    pub interest: Decimal,
    pub late_fee: Decimal,
    pub discount: Decimal,
    /// `PIX`, `Adiantamento nº 12` …
    pub means: String,
    pub by: String,
    /// `Estornada em 05/12/2026 por Ana` once reversed.
    pub reversed: Option<String>,
}
