//! What a user typed in the customer search box, read the way they meant it: a code, the
//! start of a CPF/CNPJ with or without its mask, or part of a name without minding accents.

use crate::city::fold;
use crate::document::unmask;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    /// Folded (upper case, no accents) text to find inside legal or trade names.
    pub name_part: String,
    /// Bare document prefix, when the text looks like the start of a CPF or CNPJ.
    pub document_prefix: Option<String>,
    /// Exact customer code, when the text is a whole number.
    pub code: Option<i64>,
}

impl SearchText {
    /// `None` when there is nothing to search for.
    pub fn parse(input: &str) -> Option<Self> {
        let name_part = fold(input);
        if name_part.is_empty() {
            return None;
        }
        let bare = unmask(input);
        let looks_like_document = bare.len() >= 3
            && bare.chars().all(|c| c.is_ascii_alphanumeric())
            && bare.chars().filter(char::is_ascii_digit).count() >= 3;
        Some(Self {
            code: input.trim().parse().ok().filter(|code: &i64| *code > 0),
            document_prefix: looks_like_document.then_some(bare),
            name_part,
        })
    }
}

/// The text stored beside a customer for name search: both names, folded.
pub fn search_name(legal_name: &str, trade_name: &str) -> String {
    fold(&format!("{legal_name} {trade_name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_cpf_searches_its_digits() {
        let s = SearchText::parse("529.982.247").unwrap();
        assert_eq!(s.document_prefix.as_deref(), Some("529982247"));
        assert_eq!(s.code, None);
    }

    #[test]
    fn an_alphanumeric_cnpj_start_searches_its_characters() {
        let s = SearchText::parse("12.abc.345").unwrap();
        assert_eq!(s.document_prefix.as_deref(), Some("12ABC345"));
    }

    #[test]
    fn a_number_is_also_a_code() {
        let s = SearchText::parse(" 1234 ").unwrap();
        assert_eq!(s.code, Some(1234));
        assert_eq!(s.document_prefix.as_deref(), Some("1234"));
    }

    #[test]
    fn a_name_ignores_accents_and_case() {
        let s = SearchText::parse("joão  gonçalves").unwrap();
        assert_eq!(s.name_part, "JOAO GONCALVES");
        assert_eq!((s.code, s.document_prefix), (None, None));
        assert_eq!(
            search_name("Comercial Gonçalves", "Gonçalves"),
            "COMERCIAL GONCALVES GONCALVES"
        );
    }

    #[test]
    fn blank_text_searches_nothing() {
        assert_eq!(SearchText::parse("   "), None);
    }
}
