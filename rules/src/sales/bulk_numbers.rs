//! The sales tab's numbers that "alter all" may set (issue 11): credit limit, daily interest,
//! discount/surcharge and maximum discount. Read with the tab's own parsers, stored as the
//! database shows the column (`5000.00`, so a batch compares like with like) and written
//! into the history as the tab writes them (R-BULK-3).

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::credit_limit::parse_credit_limit;
use super::defaults::{parse_daily_interest, DAILY_INTEREST_DECIMALS};
use super::defaults_audit::CREDIT_LIMIT_LABEL;
use super::max_discount::{parse_max_discount, MAX_DISCOUNT_FIELD};
use super::percent;
use super::price::parse_discount;
use crate::money::format_brl;
use crate::permission::Permission;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SalesNumber {
    CreditLimit,
    DailyInterest,
    Discount,
    MaxDiscount,
}

impl SalesNumber {
    /// The column of `customer_sales_defaults`.
    pub fn column(self) -> &'static str {
        match self {
            SalesNumber::CreditLimit => "credit_limit",
            SalesNumber::DailyInterest => "daily_interest",
            SalesNumber::Discount => "discount",
            SalesNumber::MaxDiscount => "max_discount",
        }
    }

    /// The tab's history label for the field.
    pub fn label(self) -> &'static str {
        match self {
            SalesNumber::CreditLimit => CREDIT_LIMIT_LABEL,
            SalesNumber::DailyInterest => "Juros diários",
            SalesNumber::Discount => "Desconto/acréscimo",
            SalesNumber::MaxDiscount => "Desconto máximo",
        }
    }

    /// R-PERM-1: the credit limit has a permission of its own, as on the tab.
    pub fn permission(self) -> Permission {
        match self {
            SalesNumber::CreditLimit => Permission::AlterCreditLimit,
            _ => Permission::AlterSalesDefaults,
        }
    }

    /// The column's decimals.
    fn scale(self) -> u32 {
        match self {
            SalesNumber::DailyInterest => DAILY_INTEREST_DECIMALS,
            _ => 2,
        }
    }

    /// Reads what was typed as the tab reads the field; empty clears it (the company's limit,
    /// R-CREDIT-1; no discount…).
    pub fn parse(self, typed: &str) -> Result<Option<Decimal>, String> {
        let read = match self {
            SalesNumber::CreditLimit => parse_credit_limit(typed),
            SalesNumber::DailyInterest => parse_daily_interest(typed),
            SalesNumber::Discount => parse_discount(typed),
            SalesNumber::MaxDiscount => parse_max_discount(MAX_DISCOUNT_FIELD, typed),
        };
        read.map_err(|error| error.message)
    }

    /// The value as the column reads back as text: `5000.00`, `0.0333`.
    pub fn stored(self, value: Decimal) -> String {
        let mut value = value.round_dp(self.scale());
        value.rescale(self.scale());
        value.to_string()
    }

    /// A stored value as the tab's history shows it: `R$ 5.000,00`, `0,0333 %`.
    pub fn shown(self, stored: &str) -> String {
        match Decimal::from_str(stored) {
            Ok(value) if self == SalesNumber::CreditLimit => format_brl(value),
            Ok(value) => percent::format(value),
            Err(_) => stored.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sales::defaults::{SalesDefaults, SalesDefaultsInput};
    use crate::sales::defaults_audit::changes;

    #[test]
    fn r_bulk_3_a_number_is_read_stored_and_shown_as_the_tab_does() {
        let limit = SalesNumber::CreditLimit;
        let value = limit.parse("5.000").unwrap().unwrap();
        assert_eq!(limit.stored(value), "5000.00");
        assert_eq!(limit.shown("5000.00"), "R$ 5.000,00");
        let interest = SalesNumber::DailyInterest;
        let value = interest.parse("0,0333").unwrap().unwrap();
        assert_eq!(interest.stored(value), "0.0333");
        assert!(SalesNumber::MaxDiscount.parse("101").is_err());
        assert!(SalesNumber::Discount.parse("abc").is_err());
        assert_eq!(SalesNumber::Discount.parse(""), Ok(None));
    }

    #[test]
    fn r_bulk_3_the_history_value_is_the_tabs() {
        // The tab's history line for the same change, from the tab's own audit.
        let parsed = |limit: &str, discount: &str| -> SalesDefaults {
            SalesDefaultsInput {
                credit_limit: limit.into(),
                discount: discount.into(),
                allows_discount: "on".into(),
                late_fee_source: "company".into(),
                ..Default::default()
            }
            .parse()
            .unwrap()
        };
        let tab = changes(&parsed("", "2"), &parsed("5.000", "-2,5"));
        let limit = SalesNumber::CreditLimit;
        let discount = SalesNumber::Discount;
        let from_bulk = [
            (limit.label(), String::new(), limit.shown("5000.00")),
            (
                discount.label(),
                discount.shown(&discount.stored(Decimal::new(2, 0))),
                discount.shown(&discount.stored(Decimal::new(-25, 1))),
            ),
        ];
        let from_tab: Vec<_> = tab
            .iter()
            .map(|c| (c.field.as_str(), c.old_value.clone(), c.new_value.clone()))
            .collect();
        assert_eq!(
            from_tab,
            from_bulk
                .iter()
                .map(|(f, o, n)| (*f, o.clone(), n.clone()))
                .collect::<Vec<_>>()
        );
    }
}
