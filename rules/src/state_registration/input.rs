//! What the user typed, reduced to what the state routines read.
//!
//! IEs are copied from invoices, SINTEGRA printouts and registration cards, each with its own
//! mask ("01.004.823/001-12", "P-01100424.3/002", "224/3658792"), so the punctuation carries
//! no meaning and is dropped. Typographic dashes count as dashes (pasted text has them).

/// The typed value after punctuation is dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cleaned {
    /// "ISENTO" in any case, with any surrounding spaces.
    Exempt,
    /// Nothing but punctuation or spaces.
    Empty,
    /// A letter or symbol where only digits may be (a leading `P` is allowed here; the caller
    /// decides whether the state takes it).
    NotDigits,
    /// Digit values 0–9, and whether a leading `P` (SP rural producer) preceded them.
    Number { rural: bool, digits: Vec<u8> },
}

pub(super) fn clean(input: &str) -> Cleaned {
    let trimmed = input.trim();
    if trimmed.eq_ignore_ascii_case("ISENTO") {
        return Cleaned::Exempt;
    }
    let kept: Vec<char> = trimmed
        .chars()
        .map(crate::city::ascii_punctuation)
        .filter(|c| !matches!(c, '.' | '-' | '/') && !c.is_whitespace())
        .collect();
    let (rural, rest) = match kept.split_first() {
        None => return Cleaned::Empty,
        Some((&('P' | 'p'), rest)) => (true, rest),
        Some(_) => (false, kept.as_slice()),
    };
    let digits: Option<Vec<u8>> = rest
        .iter()
        .map(|c| c.to_digit(10).and_then(|d| u8::try_from(d).ok()))
        .collect();
    match digits {
        Some(digits) if !digits.is_empty() => Cleaned::Number { rural, digits },
        _ => Cleaned::NotDigits,
    }
}
