//! City identification (R-CUST-4): upper case, accents and cedilla removed, "NAME - UF".

use unicode_normalization::UnicodeNormalization;

/// Identification of a Brazilian municipality: `Santa Bárbara d'Oeste`, `SP` →
/// `SANTA BARBARA D'OESTE - SP`.
pub fn brazilian_city_identification(name: &str, uf: &str) -> String {
    format!("{} - {}", fold(name), fold(uf))
}

/// Identification of a city abroad: `Miami`, `FL`, `Estados Unidos` →
/// `MIAMI - FL - ESTADOS UNIDOS`.
pub fn foreign_city_identification(name: &str, state: &str, country: &str) -> String {
    format!("{} - {} - {}", fold(name), fold(state), fold(country))
}

/// Upper case without diacritics and with single spaces, so that "São Paulo" and
/// "SAO  PAULO" collide in the unique identification and cannot both be registered.
pub fn fold(text: &str) -> String {
    let stripped: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect();
    stripped
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn r_cust_4_brazilian_city_is_upper_case_without_accents() {
        assert_eq!(
            brazilian_city_identification("Santa Bárbara d'Oeste", "SP"),
            "SANTA BARBARA D'OESTE - SP"
        );
        assert_eq!(
            brazilian_city_identification("São Leopoldo", "RS"),
            "SAO LEOPOLDO - RS"
        );
        assert_eq!(
            brazilian_city_identification("Mogi Guaçu", "sp"),
            "MOGI GUACU - SP"
        );
    }

    #[test]
    fn r_cust_4_foreign_city_names_state_and_country() {
        assert_eq!(
            foreign_city_identification("Miami", "FL", "Estados Unidos"),
            "MIAMI - FL - ESTADOS UNIDOS"
        );
    }

    #[test]
    fn r_cust_4_same_city_with_and_without_accents_collides() {
        assert_eq!(
            brazilian_city_identification("Jaraguá do Sul", "SC"),
            brazilian_city_identification("JARAGUA  DO SUL", "sc")
        );
    }

    proptest! {
        #[test]
        fn r_cust_4_identification_is_upper_case_trimmed_and_stable(name in "[a-zA-ZÀ-ÿ' ]{1,40}") {
            let id = fold(&name);
            prop_assert_eq!(id.to_uppercase(), id.clone());
            prop_assert!(!id.starts_with(' ') && !id.ends_with(' ') && !id.contains("  "));
            prop_assert_eq!(fold(&id), id);
        }
    }
}
