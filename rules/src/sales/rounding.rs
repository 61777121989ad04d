//! How the sales rules round money: half away from zero (0,005 → 0,01; −0,005 → −0,01), the
//! commercial rounding Brazilian invoices and price tables use. `Decimal::round_dp` alone
//! rounds half to even (banker's), which would make R$ 0,125 read R$ 0,12 here and R$ 0,13 on
//! the customer's calculator, so every rule of this module rounds through here.

use rust_decimal::{Decimal, RoundingStrategy};

/// Money amounts (totals, installments, credit): centavos.
pub const MONEY_DECIMALS: u32 = 2;

/// `value` with at most `decimals` decimal places, half away from zero.
pub fn commercial(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// `value` cut to `decimals` places toward zero: the part of an amount that can be shared
/// equally without handing out more than there is.
pub(crate) fn truncate(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::ToZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn r_sales_2_half_a_centavo_rounds_away_from_zero_not_to_even() {
        assert_eq!(commercial(d("0.125"), 2), d("0.13"));
        assert_eq!(commercial(d("0.135"), 2), d("0.14"));
        assert_eq!(commercial(d("-0.125"), 2), d("-0.13"));
        assert_eq!(commercial(d("0.1249"), 2), d("0.12"));
        assert_eq!(commercial(d("5.87905"), 4), d("5.8791"));
    }

    #[test]
    fn truncation_never_hands_out_more_than_there_is() {
        assert_eq!(truncate(d("33.339"), 2), d("33.33"));
        assert_eq!(truncate(d("-33.339"), 2), d("-33.33"));
    }
}
