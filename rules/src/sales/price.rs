//! R-SALES-2: the customer's discount (positive) or surcharge (negative) percentage applied to
//! the list unit price of each order item: R$ 100,00 with 10 gives R$ 90,00, with −10 gives
//! R$ 110,00.
//!
//! The seed computes the adjustment first ("R$ 100,00 − 10% R$ 10,00"), so this does too: the
//! adjustment is rounded (half away from zero, `rounding::commercial`) and then subtracted.
//! Rounding the adjustment rather than the result keeps a discount and the same surcharge
//! exactly symmetric around the list price, and the price never negative for a discount up to
//! 100 %. Prices have two decimals unless the caller's price list keeps more (fuel is priced
//! per litre with three or four): `unit_price_at` takes the scale.

use rust_decimal::Decimal;

use super::percent;
use super::rounding::{commercial, MONEY_DECIMALS};
use crate::customer::FieldError;

/// The form field of the customer's discount/surcharge percentage.
pub const DISCOUNT_FIELD: &str = "discount";

/// The customer's discount (`10`) or surcharge (`-10`) as typed; `None` when empty. Within
/// −100..=100: a discount above 100 % would price the item below zero, and a surcharge is
/// held to the same bound.
pub fn parse_discount(typed: &str) -> Result<Option<Decimal>, FieldError> {
    percent::parse_field(
        DISCOUNT_FIELD,
        typed,
        -Decimal::ONE_HUNDRED,
        Decimal::ONE_HUNDRED,
    )
}

/// The amount taken off (positive) or added (negative) on a list price of `decimals` places.
pub fn adjustment(list_price: Decimal, percent: Decimal, decimals: u32) -> Decimal {
    commercial(
        commercial(list_price, decimals) * percent / Decimal::ONE_HUNDRED,
        decimals,
    )
}

/// The item's unit price for a list price kept with `decimals` places.
pub fn unit_price_at(list_price: Decimal, percent: Decimal, decimals: u32) -> Decimal {
    commercial(list_price, decimals) - adjustment(list_price, percent, decimals)
}

/// The item's unit price, in centavos: `unit_price(100, 10)` is 90, `unit_price(100, -10)` is
/// 110.
pub fn unit_price(list_price: Decimal, percent: Decimal) -> Decimal {
    unit_price_at(list_price, percent, MONEY_DECIMALS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn r_sales_2_a_discount_of_10_takes_100_to_90_and_a_surcharge_to_110() {
        assert_eq!(unit_price(d("100.00"), d("10")), d("90.00"));
        assert_eq!(unit_price(d("100.00"), d("-10")), d("110.00"));
        assert_eq!(adjustment(d("100.00"), d("10"), 2), d("10.00"));
    }

    #[test]
    fn r_sales_2_the_adjustment_rounds_half_away_from_zero() {
        // 2,5 % of R$ 0,50 is R$ 0,0125 → R$ 0,01; 5 % of R$ 0,50 is R$ 0,025 → R$ 0,03.
        assert_eq!(unit_price(d("0.50"), d("2.5")), d("0.49"));
        assert_eq!(unit_price(d("0.50"), d("5")), d("0.47"));
        assert_eq!(unit_price(d("0.50"), d("-5")), d("0.53"));
    }

    #[test]
    fn r_sales_2_a_price_per_litre_keeps_its_four_decimals() {
        // 3 % of R$ 5,8790 is R$ 0,17637 → R$ 0,1764.
        assert_eq!(unit_price_at(d("5.8790"), d("3"), 4), d("5.7026"));
    }

    #[test]
    fn r_sales_2_the_discount_field_takes_minus_100_to_100() {
        assert_eq!(parse_discount("10"), Ok(Some(d("10"))));
        assert_eq!(parse_discount("-10,5"), Ok(Some(d("-10.5"))));
        assert_eq!(parse_discount(""), Ok(None));
        let error = parse_discount("100,01").unwrap_err();
        assert_eq!(error.field, DISCOUNT_FIELD);
        assert_eq!(error.message, "Informe um percentual entre -100 e 100.");
        assert!(parse_discount("-101").is_err());
    }

    fn price() -> impl Strategy<Value = Decimal> {
        (0i64..10_000_000_000).prop_map(|cents| Decimal::new(cents, 2))
    }

    fn discount() -> impl Strategy<Value = Decimal> {
        (-10_000i64..=10_000).prop_map(|hundredths| Decimal::new(hundredths, 2))
    }

    proptest! {
        #[test]
        fn r_sales_2_a_discount_of_zero_is_the_list_price(list in price()) {
            prop_assert_eq!(unit_price(list, Decimal::ZERO), list);
        }

        #[test]
        fn r_sales_2_a_discount_and_the_same_surcharge_are_symmetric(
            list in price(),
            percent in discount(),
        ) {
            prop_assert_eq!(
                list - unit_price(list, percent),
                unit_price(list, -percent) - list
            );
        }

        #[test]
        fn r_sales_2_a_discount_up_to_100_never_goes_below_zero_nor_above_the_list(
            list in price(),
            percent in (0i64..=10_000).prop_map(|h| Decimal::new(h, 2)),
        ) {
            let price = unit_price(list, percent);
            prop_assert!(price >= Decimal::ZERO && price <= list);
            prop_assert!(unit_price(list, -percent) >= list);
        }

        #[test]
        fn r_sales_2_the_price_has_the_list_scale(list in price(), percent in discount()) {
            prop_assert!(unit_price(list, percent).scale() <= MONEY_DECIMALS);
        }
    }
}
