//! A settlement (baixa) of a receivable, full or partial, and its reversal (estorno).
//!
//! A settlement takes `principal` off the receivable's balance. When paid after the due date,
//! the receivable's terms add interest (daily rate × days late, simple interest) and the late
//! fee (multa, once), both on the principal settled: two partial settlements on the same day
//! cost what one full settlement costs, to the centavo's rounding. A discount comes off what is
//! due (principal + interest + late fee) and never exceeds it. The customer pays
//! `received() = principal + interest + late fee − discount`.
//!
//! Refused: a cancelled or received receivable, a principal above the balance (a balance never
//! goes negative), a negative discount or one above what is due, amounts in fractions of a
//! centavo. Reversing a settlement puts its principal back: the balance is exactly what it was.
//!
//! Rounding: interest and late fee are rounded to the centavo half away from zero, through
//! `sales::rounding::commercial` — the rounding of every other money rule of the crate and of
//! the customer's calculator (R$ 0,125 → R$ 0,13), not banker's (→ R$ 0,12). Each is rounded
//! once, from the exact product, never from a rounded daily amount.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::day::Day;
use super::status::ReceivableFacts;
use crate::customer::FieldError;
use crate::money::format_brl;
use crate::sales::late_fee::{effective_late_fee, LateFeeSource};
use crate::sales::rounding::{commercial, MONEY_DECIMALS};

pub const PRINCIPAL_FIELD: &str = "principal";
pub const DISCOUNT_FIELD: &str = "discount";
/// Refusals about the receivable itself, not a typed value.
pub const RECEIVABLE_FIELD: &str = "receivable";

/// How the money came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettlementMeans {
    Cash,
    Pix,
    Bank,
    Check,
    DebitCard,
    CreditCard,
    /// Paid with the customer's advance balance (`advance`).
    Advance,
}

impl SettlementMeans {
    pub const ALL: &'static [SettlementMeans] = &[
        SettlementMeans::Cash,
        SettlementMeans::Pix,
        SettlementMeans::Bank,
        SettlementMeans::Check,
        SettlementMeans::DebitCard,
        SettlementMeans::CreditCard,
        SettlementMeans::Advance,
    ];

    /// Stored and sent to the browser; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            SettlementMeans::Cash => "cash",
            SettlementMeans::Pix => "pix",
            SettlementMeans::Bank => "bank",
            SettlementMeans::Check => "check",
            SettlementMeans::DebitCard => "debit_card",
            SettlementMeans::CreditCard => "credit_card",
            SettlementMeans::Advance => "advance",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|m| m.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            SettlementMeans::Cash => "Dinheiro",
            SettlementMeans::Pix => "PIX",
            SettlementMeans::Bank => "Banco",
            SettlementMeans::Check => "Cheque",
            SettlementMeans::DebitCard => "Cartão de débito",
            SettlementMeans::CreditCard => "Cartão de crédito",
            SettlementMeans::Advance => "Adiantamento",
        }
    }
}

/// What a late payment costs: percentages, `2` meaning 2 %. The daily rate is the one stamped on
/// the receivable when it was issued (seed 003: the customer's rate "será lançada no Contas a
/// receber ... no momento do faturamento").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LateTerms {
    pub daily_interest_percent: Decimal,
    pub late_fee_percent: Decimal,
}

impl LateTerms {
    pub const NONE: LateTerms = LateTerms {
        daily_interest_percent: Decimal::ZERO,
        late_fee_percent: Decimal::ZERO,
    };

    /// The customer's daily rate and the late fee of the side the customer chose (R-SALES-9,
    /// `sales::late_fee`); nothing informed charges nothing.
    pub fn for_customer(
        daily_interest_percent: Option<Decimal>,
        late_fee_source: LateFeeSource,
        customer_late_fee: Option<Decimal>,
        company_late_fee: Option<Decimal>,
    ) -> Self {
        LateTerms {
            daily_interest_percent: daily_interest_percent.unwrap_or_default(),
            late_fee_percent: effective_late_fee(
                late_fee_source,
                customer_late_fee,
                company_late_fee,
            )
            .unwrap_or_default(),
        }
    }
}

/// What the user asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementRequest {
    pub paid_on: Day,
    pub means: SettlementMeans,
    /// Taken off the balance.
    pub principal: Decimal,
    pub discount: Decimal,
}

/// A settlement as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settlement {
    pub paid_on: Day,
    pub means: SettlementMeans,
    pub principal: Decimal,
    pub days_late: u32,
    pub interest: Decimal,
    pub late_fee: Decimal,
    pub discount: Decimal,
}

impl Settlement {
    /// Principal plus charges: what the customer owed for this settlement.
    pub fn due(&self) -> Decimal {
        self.principal + self.interest + self.late_fee
    }

    /// What the customer paid.
    pub fn received(&self) -> Decimal {
        self.due() - self.discount
    }

    /// What the screens say once it is recorded (`paid_on` as typed, `dd/mm/aaaa`): each part,
    /// and what the customer paid when charges or a discount make it differ from the principal
    /// (the discount comes off the principal and charges, it is not added to them).
    pub fn summary(&self, document: &str, paid_on: &str) -> String {
        let mut said = format!(
            "Baixa de {document} registrada em {paid_on}: {} de principal",
            format_brl(self.principal)
        );
        let charged = !(self.interest + self.late_fee).is_zero();
        if charged {
            said.push_str(&format!(
                ", {} de juros e {} de multa",
                format_brl(self.interest),
                format_brl(self.late_fee)
            ));
        }
        if !self.discount.is_zero() {
            said.push_str(&format!(", {} de desconto", format_brl(self.discount)));
        }
        if charged || !self.discount.is_zero() {
            said.push_str(&format!("; recebido {}", format_brl(self.received())));
        }
        said.push('.');
        said
    }
}

/// Days from the due date to the payment; 0 when paid on or before the due date.
pub fn days_late(due: Day, paid_on: Day) -> u32 {
    u32::try_from(paid_on.days_since(due).max(0)).unwrap_or(u32::MAX)
}

/// Interest and late fee on `principal` paid `days_late` days late, each rounded to centavos.
pub fn late_charges(principal: Decimal, days_late: u32, terms: &LateTerms) -> (Decimal, Decimal) {
    if days_late == 0 {
        return (Decimal::ZERO, Decimal::ZERO);
    }
    let hundred = Decimal::ONE_HUNDRED;
    let interest = principal * terms.daily_interest_percent * Decimal::from(days_late) / hundred;
    let fee = principal * terms.late_fee_percent / hundred;
    (
        commercial(interest, MONEY_DECIMALS),
        commercial(fee, MONEY_DECIMALS),
    )
}

/// Refuses a payment dated after `today` (Brasília): money not yet received is not settled,
/// nor charged interest for days still to come.
pub fn check_paid_on(paid_on: Day, today: Day) -> Result<(), FieldError> {
    if paid_on > today {
        let (y, m, d) = today.ymd();
        return Err(refusal(
            super::settlement_input::PAID_ON_FIELD,
            format!("A data do pagamento não pode ser posterior a hoje ({d:02}/{m:02}/{y:04})."),
        ));
    }
    Ok(())
}

/// Refuses a payment dated before the receivable was issued: nothing was owed yet.
pub fn check_paid_after_issue(paid_on: Day, issued: Day) -> Result<(), FieldError> {
    if paid_on < issued {
        let (y, m, d) = issued.ymd();
        return Err(refusal(
            super::settlement_input::PAID_ON_FIELD,
            format!(
                "A data do pagamento não pode ser anterior à emissão do título ({d:02}/{m:02}/{y:04})."
            ),
        ));
    }
    Ok(())
}

/// Refuses a cancelled or received receivable: nothing of it can be settled.
pub fn check_settleable<D>(receivable: &ReceivableFacts<D>) -> Result<(), FieldError> {
    if receivable.cancelled {
        return Err(refusal(
            RECEIVABLE_FIELD,
            "Este título está cancelado e não pode ser baixado.",
        ));
    }
    if receivable.balance <= Decimal::ZERO {
        return Err(refusal(
            RECEIVABLE_FIELD,
            "Este título já foi recebido: não há saldo a baixar.",
        ));
    }
    Ok(())
}

/// The settlement `request` makes of `receivable` under `terms`, or why it is refused.
pub fn settle(
    receivable: &ReceivableFacts<Day>,
    request: &SettlementRequest,
    terms: &LateTerms,
) -> Result<Settlement, FieldError> {
    check_settleable(receivable)?;
    let principal = request.principal;
    check_cents(PRINCIPAL_FIELD, principal)?;
    if principal <= Decimal::ZERO {
        return Err(refusal(
            PRINCIPAL_FIELD,
            "Informe um valor a baixar maior que zero.",
        ));
    }
    if principal > receivable.balance {
        return Err(refusal(
            PRINCIPAL_FIELD,
            format!(
                "O valor a baixar ({}) é maior que o saldo do título ({}).",
                format_brl(principal),
                format_brl(receivable.balance)
            ),
        ));
    }
    let days_late = days_late(receivable.due, request.paid_on);
    let (interest, late_fee) = late_charges(principal, days_late, terms);
    let settlement = Settlement {
        paid_on: request.paid_on,
        means: request.means,
        principal,
        days_late,
        interest,
        late_fee,
        discount: request.discount,
    };
    check_cents(DISCOUNT_FIELD, request.discount)?;
    if request.discount < Decimal::ZERO {
        return Err(refusal(DISCOUNT_FIELD, "O desconto não pode ser negativo."));
    }
    if request.discount > settlement.due() {
        return Err(refusal(
            DISCOUNT_FIELD,
            format!(
                "O desconto ({}) não pode ser maior que o valor devido ({}).",
                format_brl(request.discount),
                format_brl(settlement.due())
            ),
        ));
    }
    Ok(settlement)
}

/// The receivable's balance after `settlement` (never negative: `settle` checked it).
pub fn balance_after(balance: Decimal, settlement: &Settlement) -> Decimal {
    balance - settlement.principal
}

/// The receivable's balance once `settlement` is reversed: its principal goes back. A cancelled
/// receivable is refused (it is reopened, if ever, by undoing the cancellation first).
pub fn reverse<D>(
    receivable: &ReceivableFacts<D>,
    settlement: &Settlement,
) -> Result<Decimal, FieldError> {
    if receivable.cancelled {
        return Err(refusal(
            RECEIVABLE_FIELD,
            "Este título está cancelado: a baixa não pode ser estornada.",
        ));
    }
    Ok(receivable.balance + settlement.principal)
}

/// Money is typed and stored in centavos; a fraction of one is a mistake upstream.
pub(crate) fn check_cents(field: &'static str, amount: Decimal) -> Result<(), FieldError> {
    if amount.round_dp(MONEY_DECIMALS) != amount {
        return Err(refusal(field, "Use no máximo dois decimais."));
    }
    Ok(())
}

pub(crate) fn refusal(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

#[cfg(test)]
mod tests;
