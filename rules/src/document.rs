//! CPF and CNPJ (R-CUST-2): masks accepted on input, stored bare, check digits verified,
//! repeated-character numbers refused. The CNPJ may be alphanumeric (in force since July 2026).

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("CPF deve ter 11 dígitos")]
    CpfLength,
    #[error("CNPJ deve ter 14 caracteres")]
    CnpjLength,
    #[error("caractere inválido no documento")]
    InvalidCharacter,
    #[error("número com todos os caracteres iguais não é válido")]
    Repeated,
    #[error("dígito verificador não confere")]
    CheckDigits,
}

/// A valid CPF, stored as its 11 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cpf(String);

/// A valid CNPJ, stored as its 14 characters (12 in `[0-9A-Z]`, 2 check digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Cnpj(String);

/// Drops the mask characters a user may type (`.`, `/`, `-`, spaces) and upper-cases
/// letters; keeps everything else for validation. A typographic dash (`–`, as a phone or a
/// pasted document writes it) is a `-` and goes too.
pub fn unmask(input: &str) -> String {
    input
        .chars()
        .map(crate::city::ascii_punctuation)
        .filter(|c| !matches!(c, '.' | '/' | '-' | ' '))
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn all_same(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => chars.all(|c| c == first),
        None => true,
    }
}

/// Mod-11 check digit over character values with weights 2..=max_weight cycling from the right.
fn mod11_digit(values: &[u32], max_weight: u32) -> u32 {
    let sum: u32 = values
        .iter()
        .rev()
        .zip((2..=max_weight).cycle())
        .map(|(v, w)| v * w)
        .sum();
    match sum % 11 {
        0 | 1 => 0,
        r => 11 - r,
    }
}

/// The two check digits of a CPF from its first nine digits.
pub fn cpf_check_digits(base: &[u32; 9]) -> [u32; 2] {
    // CPF weights go 10..2 then 11..2: without cycling, i.e. an unbounded maximum weight.
    let first = mod11_digit(base, 11);
    let mut with_first = base.to_vec();
    with_first.push(first);
    [first, mod11_digit(&with_first, 11)]
}

/// The two check digits of a CNPJ from its first twelve characters (`0-9`, `A-Z`).
/// Each character's value is its ASCII code − 48, so digits keep their value.
pub fn cnpj_check_digits(base: &[u8; 12]) -> Result<[u32; 2], DocumentError> {
    let mut values = Vec::with_capacity(13);
    for c in base {
        if !(c.is_ascii_digit() || c.is_ascii_uppercase()) {
            return Err(DocumentError::InvalidCharacter);
        }
        values.push(u32::from(*c) - 48);
    }
    let first = mod11_digit(&values, 9);
    values.push(first);
    Ok([first, mod11_digit(&values, 9)])
}

impl Cpf {
    pub fn parse(input: &str) -> Result<Self, DocumentError> {
        let bare = unmask(input);
        if !bare.chars().all(|c| c.is_ascii_digit()) {
            return Err(DocumentError::InvalidCharacter);
        }
        if bare.len() != 11 {
            return Err(DocumentError::CpfLength);
        }
        if all_same(&bare) {
            return Err(DocumentError::Repeated);
        }
        let digits: Vec<u32> = bare.chars().filter_map(|c| c.to_digit(10)).collect();
        let mut base = [0u32; 9];
        base.copy_from_slice(&digits[..9]);
        if cpf_check_digits(&base) != [digits[9], digits[10]] {
            return Err(DocumentError::CheckDigits);
        }
        Ok(Self(bare))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `000.000.000-00`
    pub fn masked(&self) -> String {
        let s = &self.0;
        format!("{}.{}.{}-{}", &s[0..3], &s[3..6], &s[6..9], &s[9..11])
    }
}

impl Cnpj {
    pub fn parse(input: &str) -> Result<Self, DocumentError> {
        let bare = unmask(input);
        if !bare
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        {
            return Err(DocumentError::InvalidCharacter);
        }
        if bare.len() != 14 {
            return Err(DocumentError::CnpjLength);
        }
        if all_same(&bare) {
            return Err(DocumentError::Repeated);
        }
        let bytes = bare.as_bytes();
        let mut base = [0u8; 12];
        base.copy_from_slice(&bytes[..12]);
        let check: Vec<u32> = bare[12..].chars().filter_map(|c| c.to_digit(10)).collect();
        if check.len() != 2 {
            return Err(DocumentError::InvalidCharacter);
        }
        if cnpj_check_digits(&base)? != [check[0], check[1]] {
            return Err(DocumentError::CheckDigits);
        }
        Ok(Self(bare))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `00.000.000/0000-00`
    pub fn masked(&self) -> String {
        let s = &self.0;
        format!(
            "{}.{}.{}/{}-{}",
            &s[0..2],
            &s[2..5],
            &s[5..8],
            &s[8..12],
            &s[12..14]
        )
    }
}

/// A stored CPF (11) or CNPJ (14) as people read it; anything else as it is.
pub fn mask_stored(document: &str) -> String {
    match document.len() {
        11 => Cpf::parse(document).map(|d| d.masked()),
        14 => Cnpj::parse(document).map(|d| d.masked()),
        _ => Err(DocumentError::InvalidCharacter),
    }
    .unwrap_or_else(|_| document.to_string())
}

/// Applies the CPF or CNPJ mask to what has been typed so far, dropping what cannot belong:
/// `5299822` → `529.982.2`, `12abc3` (CNPJ) → `12.ABC.3`.
pub fn mask_as_typed(is_cnpj: bool, typed: &str) -> String {
    let kept: Vec<char> = typed
        .chars()
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| {
            if is_cnpj {
                c.is_ascii_alphanumeric()
            } else {
                c.is_ascii_digit()
            }
        })
        .take(if is_cnpj { 14 } else { 11 })
        .collect();
    // Separator placed before the character at each position.
    let separators: &[(usize, char)] = if is_cnpj {
        &[(2, '.'), (5, '.'), (8, '/'), (12, '-')]
    } else {
        &[(3, '.'), (6, '.'), (9, '-')]
    };
    let mut out = String::with_capacity(kept.len() + 4);
    for (i, c) in kept.into_iter().enumerate() {
        if let Some((_, sep)) = separators.iter().find(|(at, _)| *at == i) {
            out.push(*sep);
        }
        out.push(c);
    }
    out
}

impl fmt::Display for Cpf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Display for Cnpj {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn r_cust_2_known_cpf_is_valid_with_or_without_mask() {
        assert_eq!(
            Cpf::parse("529.982.247-25").unwrap().as_str(),
            "52998224725"
        );
        assert_eq!(
            Cpf::parse("52998224725").unwrap().masked(),
            "529.982.247-25"
        );
    }

    #[test]
    fn r_cust_2_cpf_with_wrong_check_digit_is_refused() {
        assert_eq!(
            Cpf::parse("529.982.247-24"),
            Err(DocumentError::CheckDigits)
        );
        assert_eq!(
            Cpf::parse("529.982.247-35"),
            Err(DocumentError::CheckDigits)
        );
    }

    #[test]
    fn r_cust_2_repeated_digits_are_refused() {
        assert_eq!(Cpf::parse("111.111.111-11"), Err(DocumentError::Repeated));
        assert_eq!(
            Cnpj::parse("00.000.000/0000-00"),
            Err(DocumentError::Repeated)
        );
    }

    #[test]
    fn r_cust_2_wrong_lengths_are_refused() {
        assert_eq!(Cpf::parse("123"), Err(DocumentError::CpfLength));
        assert_eq!(Cnpj::parse("12.345"), Err(DocumentError::CnpjLength));
        assert_eq!(
            Cpf::parse("529.982.247-2X"),
            Err(DocumentError::InvalidCharacter)
        );
    }

    #[test]
    fn r_cust_2_numeric_cnpj_stays_valid() {
        assert_eq!(
            Cnpj::parse("11.222.333/0001-81").unwrap().as_str(),
            "11222333000181"
        );
        assert_eq!(
            Cnpj::parse("11.222.333/0001-82"),
            Err(DocumentError::CheckDigits)
        );
    }

    #[test]
    fn r_cust_2_alphanumeric_cnpj_is_valid_and_its_neighbours_are_not() {
        let valid = Cnpj::parse("12.ABC.345/01DE-35").unwrap();
        assert_eq!(valid.as_str(), "12ABC34501DE35");
        assert_eq!(valid.masked(), "12.ABC.345/01DE-35");
        assert_eq!(Cnpj::parse("12abc34501de35").unwrap(), valid);
        for neighbour in [
            "12.ABC.345/01DE-34",
            "12.ABC.345/01DE-36",
            "12.ABD.345/01DE-35",
            "12.ABC.345/01DF-35",
        ] {
            assert!(
                Cnpj::parse(neighbour).is_err(),
                "{neighbour} should be invalid"
            );
        }
    }

    #[test]
    fn r_cust_2_letters_in_cnpj_check_digits_are_refused() {
        assert_eq!(
            Cnpj::parse("12.ABC.345/01DE-3A"),
            Err(DocumentError::InvalidCharacter)
        );
    }

    #[test]
    fn r_cust_2_stored_documents_are_shown_with_their_mask() {
        assert_eq!(mask_stored("52998224725"), "529.982.247-25");
        assert_eq!(mask_stored("12ABC34501DE35"), "12.ABC.345/01DE-35");
        assert_eq!(mask_stored("legacy-123"), "legacy-123");
    }

    #[test]
    fn r_cust_2_masks_are_applied_as_the_user_types() {
        assert_eq!(mask_as_typed(false, "5299822"), "529.982.2");
        assert_eq!(mask_as_typed(false, "529.982.247-25999"), "529.982.247-25");
        assert_eq!(mask_as_typed(true, "12abc3"), "12.ABC.3");
        assert_eq!(mask_as_typed(true, "12ABC34501DE35"), "12.ABC.345/01DE-35");
        assert_eq!(mask_as_typed(false, "abc"), "");
    }

    #[test]
    fn r_cust_2_typographic_dashes_in_a_document_are_mask_characters() {
        // Finding (issue 9, item 16): "529.982.247–25" (en dash) was refused as an invalid
        // character.
        assert_eq!(
            Cpf::parse("529.982.247–25").unwrap().as_str(),
            "52998224725"
        );
        assert_eq!(
            Cpf::parse("529.982.247—25").unwrap().as_str(),
            "52998224725"
        );
        assert_eq!(
            Cnpj::parse("12.ABC.345/01DE–35").unwrap().as_str(),
            "12ABC34501DE35"
        );
        assert_eq!(unmask("11.222.333/0001‐81"), "11222333000181");
        // An apostrophe is still no part of a document.
        assert_eq!(
            Cpf::parse("529.982.247’25"),
            Err(DocumentError::InvalidCharacter)
        );
    }

    fn cnpj_base() -> impl Strategy<Value = [u8; 12]> {
        proptest::array::uniform12(prop_oneof![b'0'..=b'9', b'A'..=b'Z'])
    }

    proptest! {
        #[test]
        fn r_cust_2_any_cpf_built_with_its_check_digits_parses(base in proptest::array::uniform9(0u32..10)) {
            prop_assume!(!base.iter().all(|d| *d == base[0]));
            let dv = cpf_check_digits(&base);
            let text: String = base.iter().chain(dv.iter()).map(|d| char::from_digit(*d, 10).unwrap()).collect();
            let cpf = Cpf::parse(&text).unwrap();
            prop_assert_eq!(Cpf::parse(&cpf.masked()).unwrap(), cpf);
        }

        #[test]
        fn r_cust_2_changing_one_cpf_check_digit_breaks_it(base in proptest::array::uniform9(0u32..10), bump in 1u32..10) {
            prop_assume!(!base.iter().all(|d| *d == base[0]));
            let mut dv = cpf_check_digits(&base);
            dv[1] = (dv[1] + bump) % 10;
            let text: String = base.iter().chain(dv.iter()).map(|d| char::from_digit(*d, 10).unwrap()).collect();
            prop_assert!(Cpf::parse(&text).is_err());
        }

        #[test]
        fn r_cust_2_any_cnpj_built_with_its_check_digits_parses(base in cnpj_base()) {
            prop_assume!(!base.iter().all(|c| *c == base[0]));
            let dv = cnpj_check_digits(&base).unwrap();
            let text = format!("{}{}{}", std::str::from_utf8(&base).unwrap(), dv[0], dv[1]);
            let cnpj = Cnpj::parse(&text).unwrap();
            prop_assert_eq!(Cnpj::parse(&cnpj.masked()).unwrap(), cnpj);
        }

        #[test]
        fn r_cust_2_changing_one_cnpj_check_digit_breaks_it(base in cnpj_base(), bump in 1u32..10) {
            prop_assume!(!base.iter().all(|c| *c == base[0]));
            let mut dv = cnpj_check_digits(&base).unwrap();
            dv[0] = (dv[0] + bump) % 10;
            let text = format!("{}{}{}", std::str::from_utf8(&base).unwrap(), dv[0], dv[1]);
            prop_assert!(Cnpj::parse(&text).is_err());
        }
    }
}
