//! An advance's steps as the forms type them (R-ADV-2): registering one (date, value, means,
//! notes), using it on receivables (date, an optional amount) and refunding it (date, an
//! optional amount, means, reason). Read here, each wrong field named; the decisions are
//! `advance`'s.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::advance::{AMOUNT_FIELD, VALUE_FIELD};
use super::settlement::SettlementMeans;
use crate::customer::FieldError;
use crate::{date_input, money};

pub const DATE_FIELD: &str = "date";
pub const MEANS_FIELD: &str = "means";
pub const REASON_FIELD: &str = "reason";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdvanceInput {
    pub date: String,
    pub value: String,
    pub means: String,
    pub notes: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundInput {
    pub date: String,
    /// Empty: all that is left.
    pub amount: String,
    pub means: String,
    pub reason: String,
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// `dd/mm/aaaa` → `aaaa-mm-dd`, required.
pub fn read_date(typed: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    match date_input::parse(typed) {
        Ok(Some(date)) => Some(date),
        Ok(None) => {
            errors.push(error(DATE_FIELD, "Informe a data (dd/mm/aaaa)."));
            None
        }
        Err(message) => {
            errors.push(error(DATE_FIELD, message));
            None
        }
    }
}

/// Refuses a date (`aaaa-mm-dd`) after `today` (also `aaaa-mm-dd`, Brasília's): money not yet
/// received or paid back is not on the books, and a statement up to today would leave it out.
pub fn check_not_after_today(date: &str, today: &str) -> Result<(), FieldError> {
    if date > today {
        return Err(error(
            DATE_FIELD,
            format!(
                "A data não pode ser posterior a hoje ({}).",
                crate::display::date(today)
            ),
        ));
    }
    Ok(())
}

/// Refuses a refund or a use of an advance dated before the advance itself (both `aaaa-mm-dd`):
/// money cannot leave an advance before it came in, and the statement would go below zero.
pub fn check_not_before_advance(date: &str, advance_date: &str) -> Result<(), FieldError> {
    if date < advance_date {
        return Err(error(
            DATE_FIELD,
            format!(
                "A data não pode ser anterior à do adiantamento ({}).",
                crate::display::date(advance_date)
            ),
        ));
    }
    Ok(())
}

/// An amount that may be left empty (`None`: as much as allowed).
pub fn read_optional_amount(typed: &str, errors: &mut Vec<FieldError>) -> Option<Option<Decimal>> {
    match typed.trim() {
        "" => Some(None),
        typed => match money::parse_brl(typed) {
            Ok(amount) => Some(Some(amount)),
            Err(message) => {
                errors.push(error(AMOUNT_FIELD, format!("Valor inválido: {message}.")));
                None
            }
        },
    }
}

/// How money came in or went back (an advance is no means of itself).
fn read_means(typed: &str, errors: &mut Vec<FieldError>) -> Option<SettlementMeans> {
    match SettlementMeans::from_code(typed.trim()) {
        Some(SettlementMeans::Advance) | None => {
            errors.push(error(MEANS_FIELD, "Escolha um meio da lista."));
            None
        }
        Some(means) => Some(means),
    }
}

/// A registration: date `aaaa-mm-dd`, value, means, notes.
pub fn read_advance(
    input: &AdvanceInput,
) -> Result<(String, Decimal, SettlementMeans, String), Vec<FieldError>> {
    let mut errors = Vec::new();
    let date = read_date(&input.date, &mut errors);
    let value = match money::parse_brl(&input.value) {
        Ok(value) => Some(value),
        Err(message) => {
            errors.push(error(VALUE_FIELD, format!("Valor inválido: {message}.")));
            None
        }
    };
    let means = read_means(&input.means, &mut errors);
    match (date, value, means) {
        (Some(date), Some(value), Some(means)) if errors.is_empty() => {
            Ok((date, value, means, input.notes.trim().to_string()))
        }
        _ => Err(errors),
    }
}

/// A refund: date `aaaa-mm-dd`, amount (`None`: all that is left), means, reason.
pub fn read_refund(
    input: &RefundInput,
) -> Result<(String, Option<Decimal>, SettlementMeans, String), Vec<FieldError>> {
    let mut errors = Vec::new();
    let date = read_date(&input.date, &mut errors);
    let amount = read_optional_amount(&input.amount, &mut errors);
    let means = read_means(&input.means, &mut errors);
    let reason = input.reason.trim().to_string();
    if reason.is_empty() {
        errors.push(error(REASON_FIELD, "Informe o motivo da devolução."));
    }
    match (date, amount, means) {
        (Some(date), Some(amount), Some(means)) if errors.is_empty() => {
            Ok((date, amount, means, reason))
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_adv_2_a_registration_is_read_as_typed() {
        let (date, value, means, notes) = read_advance(&AdvanceInput {
            date: "06/12/2026".into(),
            value: "2.500,00".into(),
            means: "pix".into(),
            notes: " safra ".into(),
        })
        .unwrap();
        assert_eq!(date, "2026-12-06");
        assert_eq!(value, Decimal::new(250000, 2));
        assert_eq!(means, SettlementMeans::Pix);
        assert_eq!(notes, "safra");
    }

    #[test]
    fn r_adv_2_a_refund_without_amount_returns_all_and_needs_a_reason() {
        let (_, amount, _, _) = read_refund(&RefundInput {
            date: "06/12/2026".into(),
            amount: String::new(),
            means: "bank".into(),
            reason: "Cliente desistiu".into(),
        })
        .unwrap();
        assert_eq!(amount, None);
        let errors = read_refund(&RefundInput {
            date: "xx".into(),
            amount: "1,2,3".into(),
            means: "advance".into(),
            reason: " ".into(),
        })
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [DATE_FIELD, AMOUNT_FIELD, MEANS_FIELD, REASON_FIELD]
        );
    }

    #[test]
    fn r_adv_2_an_advance_or_a_refund_is_not_dated_after_today() {
        assert!(check_not_after_today("2026-12-07", "2026-12-07").is_ok());
        assert!(check_not_after_today("2026-01-31", "2026-12-07").is_ok());
        let refused = check_not_after_today("2026-12-08", "2026-12-07").unwrap_err();
        assert_eq!(refused.field, DATE_FIELD);
        assert_eq!(
            refused.message,
            "A data não pode ser posterior a hoje (07/12/2026)."
        );
    }
}
