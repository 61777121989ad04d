//! R-CREDIT-1: the credit limit that applies to a customer — their own when informed (zero is
//! informed: a customer with no credit at all), else the company's pre-approved limit, else
//! none: credit is unlimited and not checked. The source travels with the amount so the screen
//! can say where a limit comes from.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::customer::FieldError;
use crate::money::{format_brl, parse_brl};

pub const CREDIT_LIMIT_FIELD: &str = "credit_limit";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "source", content = "amount", rename_all = "snake_case")]
pub enum CreditLimit {
    Customer(Decimal),
    CompanyPreApproved(Decimal),
    /// Neither the customer nor the company sets a limit.
    #[default]
    Unlimited,
}

impl CreditLimit {
    pub fn effective(customer: Option<Decimal>, company_pre_approved: Option<Decimal>) -> Self {
        match (customer, company_pre_approved) {
            (Some(limit), _) => CreditLimit::Customer(limit),
            (None, Some(limit)) => CreditLimit::CompanyPreApproved(limit),
            (None, None) => CreditLimit::Unlimited,
        }
    }

    /// `None` when unlimited.
    pub fn amount(self) -> Option<Decimal> {
        match self {
            CreditLimit::Customer(limit) | CreditLimit::CompanyPreApproved(limit) => Some(limit),
            CreditLimit::Unlimited => None,
        }
    }

    /// Whether credit is checked at all.
    pub fn is_checked(self) -> bool {
        self != CreditLimit::Unlimited
    }

    /// `R$ 5.000,00 (do cliente)`, `R$ 2.000,00 (pré-aprovado da empresa)`, `Ilimitado`.
    pub fn label(self) -> String {
        match self {
            CreditLimit::Customer(limit) => format!("{} (do cliente)", format_brl(limit)),
            CreditLimit::CompanyPreApproved(limit) => {
                format!("{} (pré-aprovado da empresa)", format_brl(limit))
            }
            CreditLimit::Unlimited => "Ilimitado".to_string(),
        }
    }
}

/// The customer's limit as typed: empty is "not informed" (the company's applies), `0` is a
/// limit of zero.
pub fn parse_credit_limit(typed: &str) -> Result<Option<Decimal>, FieldError> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    parse_brl(typed).map(Some).map_err(|message| FieldError {
        field: CREDIT_LIMIT_FIELD,
        message: capitalized(message),
    })
}

/// `money::parse_brl` speaks in lower case ("informe um valor"); a field's message is a sentence.
fn capitalized(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn r_credit_1_the_customers_limit_wins_when_informed_even_zero() {
        assert_eq!(
            CreditLimit::effective(Some(d("5000")), Some(d("2000"))),
            CreditLimit::Customer(d("5000"))
        );
        let zero = CreditLimit::effective(Some(Decimal::ZERO), Some(d("2000")));
        assert_eq!(zero.amount(), Some(Decimal::ZERO));
        assert!(zero.is_checked());
    }

    #[test]
    fn r_credit_1_without_the_customers_limit_the_company_pre_approved_applies() {
        let limit = CreditLimit::effective(None, Some(d("2000")));
        assert_eq!(limit, CreditLimit::CompanyPreApproved(d("2000")));
        assert_eq!(limit.label(), "R$ 2.000,00 (pré-aprovado da empresa)");
    }

    #[test]
    fn r_credit_1_with_neither_credit_is_unlimited_and_not_checked() {
        let limit = CreditLimit::effective(None, None);
        assert_eq!(limit, CreditLimit::Unlimited);
        assert!(!limit.is_checked());
        assert_eq!(limit.amount(), None);
        assert_eq!(limit.label(), "Ilimitado");
        assert_eq!(
            CreditLimit::Customer(d("5000")).label(),
            "R$ 5.000,00 (do cliente)"
        );
    }

    #[test]
    fn r_credit_1_the_typed_limit_is_money_and_empty_is_not_informed() {
        assert_eq!(parse_credit_limit(""), Ok(None));
        assert_eq!(parse_credit_limit("0"), Ok(Some(Decimal::ZERO)));
        assert_eq!(parse_credit_limit("1.234,56"), Ok(Some(d("1234.56"))));
        let error = parse_credit_limit("-10").unwrap_err();
        assert_eq!(error.field, CREDIT_LIMIT_FIELD);
        assert_eq!(error.message, "O valor não pode ser negativo.");
    }
}
