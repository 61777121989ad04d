//! Inscrição estadual: each state's own format and check digits (issue 11).
//!
//! Every UF issues its own numbers with its own length, fixed leading digits and check-digit
//! routine, as published in each state's SINTEGRA "roteiro de crítica". A customer's IE is
//! validated against the UF of the customer's address, so `validate` takes both; a number that
//! passes in one state usually fails in another.
//!
//! The caller gets a short pt-BR sentence to show beside the field, or the value to store:
//! digits only (SP's rural producers keep their leading `P`), or `Exempt` for "ISENTO".
//!
//! Layout: this file holds the public API and the UF dispatch; `input` cleans what was typed;
//! `weights` holds the arithmetic the states share; one file per region holds its states'
//! routines; `mask` puts the punctuation back for display.

mod center_west;
mod input;
mod mask;
mod north;
mod northeast;
mod south;
mod southeast;
mod weights;

#[cfg(test)]
mod input_tests;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

pub use mask::format;

use input::Cleaned;

/// What a customer's IE field holds once it passed validation.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum StateRegistration {
    /// "ISENTO": the customer has no state registration (individuals, service-only companies).
    Exempt,
    /// The number as stored: digits only, MT left-padded to 11, SP rural as `P` + 12 digits.
    Number(String),
}

/// Every UF, in the alphabetical order of the states' names. Public so that a caller can tell
/// a Brazilian address (checked here) from a foreign one (which has no IE rules).
pub const UFS: [&str; 27] = [
    "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR",
    "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO",
];

/// Validates an IE typed for a customer of `uf`.
///
/// Dots, dashes, slashes and spaces are dropped; "ISENTO" (any case) is accepted everywhere.
/// The error is the sentence to show beside the field.
pub fn validate(uf: &str, input: &str) -> Result<StateRegistration, String> {
    let uf = uf.trim().to_ascii_uppercase();
    if uf.is_empty() {
        return Err("Informe a UF para validar a inscrição estadual".into());
    }
    let Some(rule) = rule_for(&uf) else {
        return Err(format!("UF desconhecida: {uf}"));
    };
    let (rural, digits) = match input::clean(input) {
        Cleaned::Exempt => return Ok(StateRegistration::Exempt),
        Cleaned::Empty => return Err(format!("Informe a inscrição estadual de {uf} ou ISENTO")),
        Cleaned::NotDigits => return Err(not_digits(&uf)),
        Cleaned::Number { rural, digits } => (rural, digits),
    };
    // Only São Paulo's rural producers carry a letter.
    let (rule, prefix) = match (rural, uf.as_str()) {
        (false, _) => (rule, ""),
        (true, "SP") => (southeast::sp_rural as Rule, "P"),
        (true, _) => return Err(not_digits(&uf)),
    };
    let digits = if uf == "MT" {
        center_west::mt_padded(digits)
    } else {
        digits
    };
    let expected = rule(&digits).map_err(|refusal| refusal.message(&uf))?;
    if expected.iter().any(|&(at, digit)| digits[at] != digit) {
        return Err(format!(
            "Inscrição estadual inválida para {uf}: dígito verificador não confere"
        ));
    }
    let text: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    Ok(StateRegistration::Number(format!("{prefix}{text}")))
}

fn not_digits(uf: &str) -> String {
    if uf == "SP" {
        "Inscrição estadual de SP deve ter só números (ou P no início, se produtor rural)".into()
    } else {
        format!("Inscrição estadual de {uf} deve ter só números")
    }
}

/// A state's routine: given the whole number (digit values 0–9), either refuses its shape or
/// says which digit each check-digit position must hold. Check digits are computed from the
/// body alone, so one wrong check digit cannot hide another.
type Rule = fn(&[u8]) -> Result<CheckDigits, Refusal>;

/// `(position, expected digit)` for each check digit of a number.
type CheckDigits = Vec<(usize, u8)>;

/// Why a number has the wrong shape for its state, in words that complete the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// How many digits the state uses, e.g. "9 dígitos".
    Length(&'static str),
    /// The leading digits the state uses, e.g. "24".
    Start(&'static str),
    /// Any other rule of form, e.g. TO's type code.
    Form(&'static str),
}

impl Refusal {
    fn message(self, uf: &str) -> String {
        match self {
            Refusal::Length(count) => format!("Inscrição estadual de {uf} tem {count}"),
            Refusal::Start(start) => format!("Inscrição estadual de {uf} começa com {start}"),
            Refusal::Form(why) => format!("Inscrição estadual inválida para {uf}: {why}"),
        }
    }
}

/// Refuses a number whose length is not one of `lengths`.
fn require_length(n: &[u8], lengths: &[usize], words: &'static str) -> Result<(), Refusal> {
    if lengths.contains(&n.len()) {
        Ok(())
    } else {
        Err(Refusal::Length(words))
    }
}

/// Refuses a number that starts with none of `starts`.
fn require_start(n: &[u8], starts: &[&[u8]], words: &'static str) -> Result<(), Refusal> {
    if starts.iter().any(|start| n.starts_with(start)) {
        Ok(())
    } else {
        Err(Refusal::Start(words))
    }
}

fn rule_for(uf: &str) -> Option<Rule> {
    Some(match uf {
        "AC" => north::ac,
        "AM" => north::am,
        "AP" => north::ap,
        "PA" => north::pa,
        "RO" => north::ro,
        "RR" => north::rr,
        "TO" => north::to,
        "AL" => northeast::al,
        "BA" => northeast::ba,
        "CE" => northeast::ce,
        "MA" => northeast::ma,
        "PB" => northeast::pb,
        "PE" => northeast::pe,
        "PI" => northeast::pi,
        "RN" => northeast::rn,
        "SE" => northeast::se,
        "DF" => center_west::df,
        "GO" => center_west::go,
        "MS" => center_west::ms,
        "MT" => center_west::mt,
        "ES" => southeast::es,
        "MG" => southeast::mg,
        "RJ" => southeast::rj,
        "SP" => southeast::sp,
        "PR" => south::pr,
        "RS" => south::rs,
        "SC" => south::sc,
        _ => return None,
    })
}
