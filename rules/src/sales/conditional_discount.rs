//! R-SALES-8: the conditional discount a customer earns on a receivable paid early enough —
//! days before due (0 = on the due date, ≥1 = that many days before, empty = none) and a
//! percentage. It is copied onto the customer's receivables, and only when the customer
//! "allows conditional discount" (seed 003). Days and percentage go together: one without the
//! other would put half a condition on every receivable, so the form asks for the missing one.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::percent;
use super::rounding::{commercial, MONEY_DECIMALS};
use crate::customer::FieldError;

pub const DAYS_FIELD: &str = "conditional_discount_days";
pub const PERCENT_FIELD: &str = "conditional_discount_percent";

/// More days than this is a typo, not a term (three digits in the original form).
pub const MAX_DAYS_BEFORE_DUE: u32 = 999;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionalDiscount {
    pub days_before_due: u32,
    pub percent: Decimal,
}

/// What the form sends: text as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConditionalDiscountInput {
    pub days_before_due: String,
    pub percent: String,
}

impl ConditionalDiscountInput {
    /// `None` when both are empty.
    pub fn parse(&self) -> Result<Option<ConditionalDiscount>, Vec<FieldError>> {
        let mut errors = Vec::new();
        let days = parse_days(&self.days_before_due).unwrap_or_else(|error| {
            errors.push(error);
            None
        });
        let percent = percent::parse_field(
            PERCENT_FIELD,
            &self.percent,
            Decimal::new(1, 2),
            Decimal::ONE_HUNDRED,
        )
        .unwrap_or_else(|error| {
            errors.push(error);
            None
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        match (days, percent) {
            (Some(days_before_due), Some(percent)) => Ok(Some(ConditionalDiscount {
                days_before_due,
                percent,
            })),
            (None, None) => Ok(None),
            (Some(_), None) => Err(vec![FieldError {
                field: PERCENT_FIELD,
                message: "Informe o percentual do desconto condicional.".to_string(),
            }]),
            (None, Some(_)) => Err(vec![FieldError {
                field: DAYS_FIELD,
                message: "Informe quantos dias antes do vencimento (0 = no dia).".to_string(),
            }]),
        }
    }
}

fn parse_days(typed: &str) -> Result<Option<u32>, FieldError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    match typed.parse::<u32>() {
        Ok(days) if typed.bytes().all(|b| b.is_ascii_digit()) && days <= MAX_DAYS_BEFORE_DUE => {
            Ok(Some(days))
        }
        _ => Err(FieldError {
            field: DAYS_FIELD,
            message: format!("Informe um número de dias entre 0 e {MAX_DAYS_BEFORE_DUE}."),
        }),
    }
}

impl ConditionalDiscount {
    /// Whether a payment made `days_early` days before the due date (0 = on it, negative =
    /// late) earns the discount: at least the agreed days early.
    pub fn earned_by(&self, days_early: i64) -> bool {
        days_early >= i64::from(self.days_before_due)
    }

    /// The discount on `amount`, in centavos (half away from zero).
    pub fn amount_on(&self, amount: Decimal) -> Decimal {
        commercial(amount * self.percent / Decimal::ONE_HUNDRED, MONEY_DECIMALS)
    }
}

/// The percentage a payment `days_early` days before due earns, if any: the customer must
/// allow conditional discount and have one set.
pub fn earned_percent(
    allows_conditional_discount: bool,
    terms: Option<&ConditionalDiscount>,
    days_early: i64,
) -> Option<Decimal> {
    terms
        .filter(|terms| allows_conditional_discount && terms.earned_by(days_early))
        .map(|terms| terms.percent)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn input(days: &str, percent: &str) -> ConditionalDiscountInput {
        ConditionalDiscountInput {
            days_before_due: days.into(),
            percent: percent.into(),
        }
    }

    #[test]
    fn r_sales_8_days_and_percent_are_read_together_or_not_at_all() {
        assert_eq!(
            input("5", "2,5").parse(),
            Ok(Some(ConditionalDiscount {
                days_before_due: 5,
                percent: d("2.5")
            }))
        );
        assert_eq!(
            input("0", "1").parse(),
            Ok(Some(ConditionalDiscount {
                days_before_due: 0,
                percent: d("1")
            }))
        );
        assert_eq!(input(" ", "").parse(), Ok(None));
        assert_eq!(input("5", "").parse().unwrap_err()[0].field, PERCENT_FIELD);
        assert_eq!(input("", "2").parse().unwrap_err()[0].field, DAYS_FIELD);
    }

    #[test]
    fn r_sales_8_wrong_days_or_percent_get_a_message_beside_their_field() {
        for bad_days in ["-1", "1,5", "dez", "1000", "+3"] {
            let errors = input(bad_days, "2").parse().unwrap_err();
            assert_eq!(errors[0].field, DAYS_FIELD, "{bad_days}");
            assert_eq!(
                errors[0].message,
                "Informe um número de dias entre 0 e 999."
            );
        }
        for bad_percent in ["0", "-2", "100,01", "x"] {
            let errors = input("3", bad_percent).parse().unwrap_err();
            assert_eq!(errors[0].field, PERCENT_FIELD, "{bad_percent}");
        }
        assert_eq!(input("x", "y").parse().unwrap_err().len(), 2);
    }

    #[test]
    fn r_sales_8_zero_days_is_earned_on_the_due_date_and_not_after() {
        let on_due = ConditionalDiscount {
            days_before_due: 0,
            percent: d("2"),
        };
        assert!(on_due.earned_by(0));
        assert!(on_due.earned_by(3));
        assert!(!on_due.earned_by(-1));
    }

    #[test]
    fn r_sales_8_n_days_is_earned_paying_at_least_n_days_before_due() {
        let five = ConditionalDiscount {
            days_before_due: 5,
            percent: d("2"),
        };
        assert!(five.earned_by(5));
        assert!(five.earned_by(6));
        assert!(!five.earned_by(4));
        assert_eq!(earned_percent(true, Some(&five), 5), Some(d("2")));
        assert_eq!(earned_percent(true, Some(&five), 4), None);
    }

    #[test]
    fn r_sales_8_no_discount_unless_the_customer_allows_it_and_has_one() {
        let five = ConditionalDiscount {
            days_before_due: 5,
            percent: d("2"),
        };
        assert_eq!(earned_percent(false, Some(&five), 30), None);
        assert_eq!(earned_percent(true, None, 30), None);
    }

    #[test]
    fn r_sales_8_the_discount_amount_rounds_half_away_from_zero() {
        let terms = ConditionalDiscount {
            days_before_due: 0,
            percent: d("2.5"),
        };
        assert_eq!(terms.amount_on(d("1000.00")), d("25.00"));
        // 2,5 % of R$ 0,50 is R$ 0,0125 → R$ 0,01; of R$ 0,70, R$ 0,0175 → R$ 0,02.
        assert_eq!(terms.amount_on(d("0.50")), d("0.01"));
        assert_eq!(terms.amount_on(d("0.70")), d("0.02"));
    }

    proptest! {
        #[test]
        fn r_sales_8_paying_earlier_never_loses_the_discount(
            days in 0u32..=999, paid in -50i64..1_100, earlier in 0i64..100,
        ) {
            let terms = ConditionalDiscount { days_before_due: days, percent: Decimal::ONE };
            if terms.earned_by(paid) {
                prop_assert!(terms.earned_by(paid + earlier));
            }
        }

        #[test]
        fn r_sales_8_the_discount_never_exceeds_the_amount(
            cents in 0i64..10_000_000_000, hundredths in 1i64..=10_000,
        ) {
            let amount = Decimal::new(cents, 2);
            let terms = ConditionalDiscount { days_before_due: 0, percent: Decimal::new(hundredths, 2) };
            let discount = terms.amount_on(amount);
            prop_assert!(discount >= Decimal::ZERO && discount <= amount);
        }
    }
}
