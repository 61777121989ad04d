//! What a user typed in the customer search box, read the way they meant it: a code, the
//! start of a CPF/CNPJ with or without its mask, or the starts of words of a name in any
//! order, without minding accents or case.
//!
//! The database splits the stored folded names into words the same way (runs of `A-Z` and
//! `0-9`, migration `20261124000001`) and indexes every start of every word.

use crate::city::fold;
use crate::document::unmask;

/// A CPF has 11 characters and a CNPJ 14: a longer text is not the start of either.
const LONGEST_DOCUMENT: usize = 14;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchText {
    /// Folded words (upper case, no accents), each the start of a word of the legal or trade
    /// name, in any order. None is the start of another: "silva silvana" keeps SILVANA.
    /// Empty when only symbols were typed: that finds no name.
    pub words: Vec<String>,
    /// Bare document prefix (2+ letters or digits once the mask is dropped): the CNPJ may be
    /// alphanumeric, so `PX0OY` and `12.ABC` are starts of documents as much as `529.98`.
    pub document_prefix: Option<String>,
    /// Exact customer code, when the text is a whole number.
    pub code: Option<i64>,
}

impl SearchText {
    /// `None` when nothing was typed.
    pub fn parse(input: &str) -> Option<Self> {
        if input.trim().is_empty() {
            return None;
        }
        let words = distinct_words(search_words(input));
        let bare = unmask(input);
        let looks_like_document = (2..=LONGEST_DOCUMENT).contains(&bare.len())
            && bare.chars().all(|c| c.is_ascii_alphanumeric());
        Some(Self {
            code: input.trim().parse().ok().filter(|code: &i64| *code > 0),
            document_prefix: looks_like_document.then_some(bare),
            words,
        })
    }
}

/// The folded words of a text: runs of `A-Z` and `0-9` once folded. Spaces, punctuation and
/// symbols (emoji included) only separate words, so "🥖Ferreira" holds the word FERREIRA.
pub fn search_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(String::from)
        .collect()
}

/// Drops repeated words and words that start another one: they add no condition.
fn distinct_words(words: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let starts_another = words.iter().enumerate().any(|(j, other)| {
            other.len() > word.len() && other.starts_with(word.as_str()) || (other == word && j < i)
        });
        if !starts_another {
            kept.push(word.clone());
        }
    }
    kept
}

/// The text stored beside a customer for name search: both names, folded.
pub fn search_name(legal_name: &str, trade_name: &str) -> String {
    fold(&format!("{legal_name} {trade_name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &SearchText) -> Vec<&str> {
        s.words.iter().map(String::as_str).collect()
    }

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
    fn a_document_prefix_of_two_or_more_characters_letters_included_is_searched() {
        for (typed, prefix) in [
            ("12ABC", "12ABC"),
            ("12.ABC", "12ABC"),
            ("12.abc", "12ABC"),
            ("PX0OY", "PX0OY"),
            ("px", "PX"),
            ("52", "52"),
            ("12.ABC.345/01DE-35", "12ABC34501DE35"),
        ] {
            let s = SearchText::parse(typed).unwrap();
            assert_eq!(s.document_prefix.as_deref(), Some(prefix), "{typed}");
        }
    }

    #[test]
    fn one_character_or_more_than_a_cnpj_is_no_document_prefix() {
        assert_eq!(SearchText::parse("5").unwrap().document_prefix, None);
        assert_eq!(
            SearchText::parse("ferreira padaria")
                .unwrap()
                .document_prefix,
            None
        );
        assert_eq!(SearchText::parse("açaí").unwrap().document_prefix, None);
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
        assert_eq!(words(&s), ["JOAO", "GONCALVES"]);
        assert_eq!((s.code, s.document_prefix), (None, None));
        assert_eq!(
            search_name("Comercial Gonçalves", "Gonçalves"),
            "COMERCIAL GONCALVES GONCALVES"
        );
    }

    #[test]
    fn each_word_typed_is_searched_on_its_own_so_the_order_does_not_matter() {
        let s = SearchText::parse("ferreira padaria").unwrap();
        assert_eq!(words(&s), ["FERREIRA", "PADARIA"]);
    }

    #[test]
    fn a_word_after_an_emoji_or_punctuation_is_a_word() {
        assert_eq!(
            words(&SearchText::parse("🥖ferreira").unwrap()),
            ["FERREIRA"]
        );
        assert_eq!(
            words(&SearchText::parse("padaria🥖 ferreira").unwrap()),
            ["PADARIA", "FERREIRA"]
        );
        assert_eq!(
            words(&SearchText::parse("d’oeste,  sta.").unwrap()),
            ["D", "OESTE", "STA"]
        );
    }

    #[test]
    fn repeated_words_and_words_starting_another_add_no_condition() {
        let s = SearchText::parse("silva SILVANA silva ana").unwrap();
        assert_eq!(words(&s), ["SILVANA", "ANA"]);
    }

    #[test]
    fn blank_text_searches_nothing() {
        assert_eq!(SearchText::parse("   "), None);
    }

    #[test]
    fn only_symbols_search_for_no_word_document_or_code() {
        // Finds nobody rather than everybody: "%" is not a wildcard.
        let s = SearchText::parse(" 🥖 % ").unwrap();
        assert_eq!((s.words.len(), s.document_prefix, s.code), (0, None, None));
    }

    #[test]
    fn words_split_where_the_database_splits_stored_names() {
        // Letters that folding keeps outside A-Z separate words, as `[^A-Z0-9]+` does in SQL.
        assert_eq!(search_words("Jørgen O’Brien"), ["J", "RGEN", "O", "BRIEN"]);
    }
}
