//! Percentages as Brazilians type and read them (`12,5`, `-10`, `2,5%`): discounts, surcharges,
//! maximum discounts, conditional discounts and late fees all share this reading, so one field
//! never accepts what another refuses.

use rust_decimal::Decimal;

use crate::customer::FieldError;

/// Discounts, surcharges and fees: two decimals (`12,25%`), as the original ERP shows them.
pub const PERCENT_DECIMALS: u32 = 2;

/// `None` when nothing was typed. Reads `12,5`, `12.5`, `-10`, `2,5 %`; refuses more than
/// `max_decimals` decimals (rather than rounding what the user meant) and thousands separators
/// (no percentage of these rules reaches a thousand).
pub fn parse(typed: &str, max_decimals: u32) -> Result<Option<Decimal>, &'static str> {
    let text: String = typed
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Ok(None);
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let normalized = unsigned.replace(',', ".");
    let (whole, decimals) = normalized
        .split_once('.')
        .unwrap_or((normalized.as_str(), ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let dangling_point = normalized.contains('.') && decimals.is_empty();
    if whole.is_empty() || dangling_point || !digits(whole) || !digits(decimals) {
        return Err("Use só números e vírgula, como 12,5.");
    }
    if decimals.len() > max_decimals as usize {
        return Err(match max_decimals {
            0 => "Use um número inteiro.",
            1 => "Use no máximo um decimal.",
            2 => "Use no máximo dois decimais.",
            3 => "Use no máximo três decimais.",
            _ => "Use menos decimais.",
        });
    }
    if whole.trim_start_matches('0').len() > 6 {
        return Err("Percentual grande demais.");
    }
    let value = normalized
        .parse::<Decimal>()
        .map_err(|_| "Percentual inválido.")?;
    // `-0` is zero, not a surcharge of nothing.
    Ok(Some(if negative && !value.is_zero() {
        -value
    } else {
        value
    }))
}

/// `12,5` (no sign of percent, no trailing zeros), as typed back into a field.
pub fn format_plain(value: Decimal) -> String {
    let text = value.normalize().to_string();
    text.replace('.', ",")
}

/// `12,5%`, as lists and history show it.
pub fn format(value: Decimal) -> String {
    format!("{}%", format_plain(value))
}

/// The field's error when `value` lies outside `min..=max`, naming the bounds.
pub fn check_range(
    field: &'static str,
    value: Decimal,
    min: Decimal,
    max: Decimal,
) -> Result<(), FieldError> {
    if (min..=max).contains(&value) {
        return Ok(());
    }
    Err(FieldError {
        field,
        message: format!(
            "Informe um percentual entre {} e {}.",
            format_plain(min),
            format_plain(max)
        ),
    })
}

/// Reads a typed percentage for `field` and checks it lies in `min..=max`.
pub fn parse_field(
    field: &'static str,
    typed: &str,
    min: Decimal,
    max: Decimal,
) -> Result<Option<Decimal>, FieldError> {
    let value = parse(typed, PERCENT_DECIMALS).map_err(|message| FieldError {
        field,
        message: message.to_string(),
    })?;
    if let Some(value) = value {
        check_range(field, value, min, max)?;
    }
    Ok(value)
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
    fn reads_percentages_as_typed_with_comma_or_dot() {
        assert_eq!(parse("12,5", 2), Ok(Some(d("12.5"))));
        assert_eq!(parse("12.5", 2), Ok(Some(d("12.5"))));
        assert_eq!(parse(" 2,5 % ", 2), Ok(Some(d("2.5"))));
        assert_eq!(parse("-10", 2), Ok(Some(d("-10"))));
        assert_eq!(parse("100", 2), Ok(Some(d("100"))));
        assert_eq!(parse("", 2), Ok(None));
        assert_eq!(parse("  ", 2), Ok(None));
    }

    #[test]
    fn refuses_what_is_not_a_percentage() {
        for bad in ["dez", "1,2,3", "-", ",5", "12,", "1.000,5", "--1", "5-"] {
            assert!(parse(bad, 2).is_err(), "{bad}");
        }
        assert_eq!(parse("1,234", 2), Err("Use no máximo dois decimais."));
        assert_eq!(parse("1,5", 0), Err("Use um número inteiro."));
        assert_eq!(parse("99999999", 2), Err("Percentual grande demais."));
    }

    #[test]
    fn writes_percentages_with_a_comma() {
        assert_eq!(format(d("12.50")), "12,5%");
        assert_eq!(format(d("10.00")), "10%");
        assert_eq!(format(d("-10")), "-10%");
        assert_eq!(format_plain(d("0.25")), "0,25");
    }

    #[test]
    fn a_value_out_of_range_names_the_field_and_the_bounds() {
        let error = parse_field("max_discount", "150", d("0"), d("100")).unwrap_err();
        assert_eq!(error.field, "max_discount");
        assert_eq!(error.message, "Informe um percentual entre 0 e 100.");
        assert_eq!(
            parse_field("max_discount", "100", d("0"), d("100")),
            Ok(Some(d("100")))
        );
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(hundredths in -99_999i64..=99_999) {
            let value = Decimal::new(hundredths, 2);
            prop_assert_eq!(parse(&format_plain(value), 2), Ok(Some(value)));
            prop_assert_eq!(parse(&format(value), 2), Ok(Some(value)));
        }
    }
}
