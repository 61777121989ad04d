//! Money as Brazilians type and read it: `1.234,56` in, `R$ 1.234,56` out. Always
//! `rust_decimal`, never floats; two decimal places.

use rust_decimal::Decimal;

/// Reads `1234,56`, `1.234,56`, `R$ 1.234,56` or `1234.56` (a lone dot followed by one or two
/// digits is a decimal point, as typed on a phone's numeric keyboard). Negative amounts and
/// more than two decimals are refused.
pub fn parse_brl(input: &str) -> Result<Decimal, &'static str> {
    let text: String = input
        .trim()
        .trim_start_matches("R$")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return Err("informe um valor");
    }
    if text.starts_with('-') {
        return Err("o valor não pode ser negativo");
    }
    let normalized = if text.contains(',') {
        let (whole, cents) = text.rsplit_once(',').unwrap_or((&text, ""));
        if !grouped_thousands(whole) {
            return Err("use o formato 1.234,56");
        }
        format!("{}.{cents}", whole.replace('.', ""))
    } else if let Some((whole, cents)) = text.rsplit_once('.') {
        if cents.len() <= 2 && !whole.contains('.') {
            text.clone()
        } else if grouped_thousands(&text) {
            text.replace('.', "")
        } else {
            return Err("use o formato 1.234,56");
        }
    } else {
        text.clone()
    };
    let (whole, cents) = normalized.split_once('.').unwrap_or((&normalized, ""));
    if whole.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !cents.chars().all(|c| c.is_ascii_digit())
    {
        return Err("use números no formato 1.234,56");
    }
    if cents.len() > 2 {
        return Err("use no máximo dois decimais");
    }
    if whole.trim_start_matches('0').len() > 13 {
        return Err("valor grande demais");
    }
    normalized
        .parse::<Decimal>()
        .map(|d| d.round_dp(2))
        .map_err(|_| "valor inválido")
}

/// `1.234.567` style: groups of three after the first, or no dots at all.
fn grouped_thousands(whole: &str) -> bool {
    let mut groups = whole.split('.');
    let first = groups.next().unwrap_or_default();
    if !whole.contains('.') {
        return true;
    }
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// `1.234,56` (no currency sign), as typed back into a field.
pub fn format_plain(amount: Decimal) -> String {
    let amount = amount.round_dp(2);
    let negative = amount.is_sign_negative() && !amount.is_zero();
    let text = format!("{:.2}", amount.abs());
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{}{grouped},{cents}", if negative { "-" } else { "" })
}

/// `R$ 1.234,56`.
pub fn format_brl(amount: Decimal) -> String {
    format!("R$ {}", format_plain(amount))
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
    fn reads_the_ways_people_type_amounts() {
        assert_eq!(parse_brl("1.234,56"), Ok(d("1234.56")));
        assert_eq!(parse_brl("R$ 1.234,56"), Ok(d("1234.56")));
        assert_eq!(parse_brl("1234,5"), Ok(d("1234.5")));
        assert_eq!(parse_brl("1234.56"), Ok(d("1234.56")));
        assert_eq!(parse_brl("1.234.567"), Ok(d("1234567")));
        assert_eq!(parse_brl("3500"), Ok(d("3500")));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert!(parse_brl("").is_err());
        assert!(parse_brl("-10,00").is_err());
        assert!(parse_brl("12,345").is_err());
        assert!(parse_brl("1.23,00").is_err());
        assert!(parse_brl("dez reais").is_err());
        assert!(parse_brl("99999999999999,00").is_err());
    }

    #[test]
    fn writes_reais_with_brazilian_separators() {
        assert_eq!(format_brl(d("1234.5")), "R$ 1.234,50");
        assert_eq!(format_brl(d("0")), "R$ 0,00");
        assert_eq!(format_brl(d("1234567.891")), "R$ 1.234.567,89");
        assert_eq!(format_plain(d("-10")), "-10,00");
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(cents in 0i64..1_000_000_000_000) {
            let amount = Decimal::new(cents, 2);
            prop_assert_eq!(parse_brl(&format_brl(amount)), Ok(amount));
            prop_assert_eq!(parse_brl(&format_plain(amount)), Ok(amount));
        }
    }
}
