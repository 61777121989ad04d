//! A vehicle's licence plate (R-SALES-10's fleet): the Mercosul format `ABC1D23` or the older
//! Brazilian `ABC-1234`, typed with or without the hyphen, in any case; stored bare and
//! upper-case, shown as each format is written.

/// The plate as stored (`ABC1D23`, `ABC1234`), or why it is refused.
pub fn parse_plate(typed: &str) -> Result<String, &'static str> {
    let plate: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' ' | '.'))
        .flat_map(char::to_uppercase)
        .collect();
    let chars: Vec<char> = plate.chars().collect();
    let letter = |i: usize| chars[i].is_ascii_uppercase();
    let digit = |i: usize| chars[i].is_ascii_digit();
    let valid = chars.len() == 7
        && (0..3).all(letter)
        && digit(3)
        && (digit(4) || letter(4))
        && digit(5)
        && digit(6);
    if plate.is_empty() {
        Err("Informe a placa.")
    } else if valid {
        Ok(plate)
    } else {
        Err("Placa inválida: use o padrão Mercosul (ABC1D23) ou o antigo (ABC-1234).")
    }
}

/// A stored plate as written: the older format with its hyphen.
pub fn format_plate(stored: &str) -> String {
    let old = stored.len() == 7 && stored[3..].chars().all(|c| c.is_ascii_digit());
    if old {
        format!("{}-{}", &stored[..3], &stored[3..])
    } else {
        stored.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn r_sales_10_mercosul_and_older_plates_are_read_and_shown() {
        assert_eq!(parse_plate("abc1d23"), Ok("ABC1D23".into()));
        assert_eq!(parse_plate(" IAB-1234 "), Ok("IAB1234".into()));
        assert_eq!(format_plate("IAB1234"), "IAB-1234");
        assert_eq!(format_plate("ABC1D23"), "ABC1D23");
        for wrong in [
            "", "AB1234", "ABCD123", "ABC12345", "1BC1D23", "ABC1DD3", "ABÇ1D23",
        ] {
            assert!(parse_plate(wrong).is_err(), "{wrong}");
        }
    }

    proptest! {
        #[test]
        fn r_sales_10_a_plate_reads_back_from_what_is_shown(
            letters in "[A-Z]{3}", first in 0u8..10, middle in "[A-Z0-9]", rest in 0u8..100
        ) {
            let plate = format!("{letters}{first}{middle}{rest:02}");
            prop_assert_eq!(parse_plate(&format_plate(&plate)), Ok(plate));
        }
    }
}
