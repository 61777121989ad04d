//! R-SALES-9: the late fee (multa) charged on overdue receivables, besides the daily interest,
//! comes from the customer's own fee or from the company setting, as chosen on the customer. A
//! new customer follows the company, as every default of R-SALES-1 does.

use rust_decimal::Decimal;

use super::choice::choice;
use super::percent;
use crate::customer::FieldError;

pub const LATE_FEE_FIELD: &str = "late_fee";

choice! {
    #[derive(Default)]
    pub enum LateFeeSource {
        Customer = "customer" => "Conforme cadastro do cliente",
        #[default]
        Company = "company" => "Conforme configuração da empresa",
    }
}

/// The customer's late fee as typed: a percentage within 0..=100, `None` when empty.
pub fn parse_late_fee(typed: &str) -> Result<Option<Decimal>, FieldError> {
    percent::parse_field(LATE_FEE_FIELD, typed, Decimal::ZERO, Decimal::ONE_HUNDRED)
}

/// Choosing the customer's fee asks for one; choosing the company's keeps whatever the customer
/// had (it simply is not used).
pub fn check(source: LateFeeSource, customer_fee: Option<Decimal>) -> Result<(), FieldError> {
    match (source, customer_fee) {
        (LateFeeSource::Customer, None) => Err(FieldError {
            field: LATE_FEE_FIELD,
            message: "Informe a multa do cliente ou use a da empresa.".to_string(),
        }),
        _ => Ok(()),
    }
}

/// The fee that applies; `None` when the chosen side has none (no fee is charged).
pub fn effective_late_fee(
    source: LateFeeSource,
    customer_fee: Option<Decimal>,
    company_fee: Option<Decimal>,
) -> Option<Decimal> {
    match source {
        LateFeeSource::Customer => customer_fee,
        LateFeeSource::Company => company_fee,
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
    fn r_sales_9_the_late_fee_comes_from_the_side_the_customer_chose() {
        let (own, company) = (Some(d("2")), Some(d("10")));
        assert_eq!(
            effective_late_fee(LateFeeSource::Customer, own, company),
            own
        );
        assert_eq!(
            effective_late_fee(LateFeeSource::Company, own, company),
            company
        );
        assert_eq!(effective_late_fee(LateFeeSource::Company, own, None), None);
    }

    #[test]
    fn r_sales_9_a_new_customer_follows_the_company() {
        assert_eq!(LateFeeSource::default(), LateFeeSource::Company);
    }

    #[test]
    fn r_sales_9_choosing_the_customers_fee_requires_one() {
        let error = check(LateFeeSource::Customer, None).unwrap_err();
        assert_eq!(error.field, LATE_FEE_FIELD);
        assert!(check(LateFeeSource::Customer, Some(d("2"))).is_ok());
        assert!(check(LateFeeSource::Company, None).is_ok());
    }

    #[test]
    fn r_sales_9_the_late_fee_is_a_percentage_within_0_and_100() {
        assert_eq!(parse_late_fee("2,00"), Ok(Some(d("2"))));
        assert_eq!(parse_late_fee(""), Ok(None));
        assert_eq!(parse_late_fee("-1").unwrap_err().field, LATE_FEE_FIELD);
        assert!(parse_late_fee("101").is_err());
    }

    #[test]
    fn r_sales_9_late_fee_sources_keep_their_stored_codes_and_labels() {
        crate::sales::choice::assert_stable_codes(LateFeeSource::ALL, LateFeeSource::code);
        assert_eq!(
            LateFeeSource::Customer.label(),
            "Conforme cadastro do cliente"
        );
    }
}
