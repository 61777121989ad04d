//! A settlement as the form types it — date `dd/mm/aaaa`, means, amounts `1.234,56` — read into
//! a `SettlementRequest`, each wrong field named. Settling with an advance is the advance's own
//! step (R-ADV-2), not a means to pick here.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::day::Day;
use super::settlement::{SettlementMeans, SettlementRequest, DISCOUNT_FIELD, PRINCIPAL_FIELD};
use crate::customer::FieldError;
use crate::{date_input, money};

pub const PAID_ON_FIELD: &str = "paid_on";
pub const MEANS_FIELD: &str = "means";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettlementInput {
    pub paid_on: String,
    pub means: String,
    pub principal: String,
    /// Empty: no discount.
    pub discount: String,
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

pub fn read(input: &SettlementInput) -> Result<SettlementRequest, Vec<FieldError>> {
    let mut errors = Vec::new();
    let paid_on = match date_input::parse(&input.paid_on) {
        Ok(Some(date)) => Day::parse_iso(&date),
        Ok(None) => {
            errors.push(error(PAID_ON_FIELD, "Informe a data do pagamento."));
            None
        }
        Err(message) => {
            errors.push(error(PAID_ON_FIELD, message));
            None
        }
    };
    let means = match SettlementMeans::from_code(input.means.trim()) {
        Some(SettlementMeans::Advance) => {
            errors.push(error(
                MEANS_FIELD,
                "Para baixar com adiantamento, use o adiantamento do cliente.",
            ));
            None
        }
        Some(means) => Some(means),
        None => {
            errors.push(error(MEANS_FIELD, "Escolha como o valor foi recebido."));
            None
        }
    };
    let principal = match money::parse_brl(&input.principal) {
        Ok(amount) => Some(amount),
        Err(message) => {
            errors.push(error(
                PRINCIPAL_FIELD,
                format!("Valor inválido: {message}."),
            ));
            None
        }
    };
    let discount = match input.discount.trim() {
        "" => Some(Decimal::ZERO),
        typed => match money::parse_brl(typed) {
            Ok(amount) => Some(amount),
            Err(message) => {
                errors.push(error(
                    DISCOUNT_FIELD,
                    format!("Desconto inválido: {message}."),
                ));
                None
            }
        },
    };
    match (paid_on, means, principal, discount) {
        (Some(paid_on), Some(means), Some(principal), Some(discount)) if errors.is_empty() => {
            Ok(SettlementRequest {
                paid_on,
                means,
                principal,
                discount,
            })
        }
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_settlement_is_read_with_no_discount_when_none_is_typed() {
        let request = read(&SettlementInput {
            paid_on: "05/12/2026".into(),
            means: "pix".into(),
            principal: "1.000,50".into(),
            discount: String::new(),
        })
        .unwrap();
        assert_eq!(request.paid_on, Day::parse_iso("2026-12-05").unwrap());
        assert_eq!(request.means, SettlementMeans::Pix);
        assert_eq!(request.principal, Decimal::new(100050, 2));
        assert_eq!(request.discount, Decimal::ZERO);
    }

    #[test]
    fn each_wrong_field_is_named_and_an_advance_is_not_a_means_here() {
        let errors = read(&SettlementInput {
            paid_on: "32/12/2026".into(),
            means: "advance".into(),
            principal: "abc".into(),
            discount: "-1".into(),
        })
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [PAID_ON_FIELD, MEANS_FIELD, PRINCIPAL_FIELD, DISCOUNT_FIELD]
        );
    }
}
