//! North region: AC, AM, AP, PA, RO, RR, TO.
//!
//! Each routine follows its state's SINTEGRA "roteiro de crítica"; the comments say where a
//! state departs from the common mod-11 rule, since that is where a reader would go wrong.

use super::weights::{
    as_number, descending_sum, digit, eleven_minus_remainder, eleven_minus_remainder_less_ten,
    then, weighted_sum,
};
use super::{require_length, require_start, CheckDigits, Refusal};

/// Acre: 13 digits "01" + 9 + two check digits, the second one covering the first.
pub(super) fn ac(n: &[u8]) -> Result<CheckDigits, Refusal> {
    thirteen_with_two_digits(n, &[0, 1], "01")
}

/// Acre's layout, which the Distrito Federal shares with its own leading "07": 13 digits, two
/// mod-11 check digits, the second one covering the first.
pub(super) fn thirteen_with_two_digits(
    n: &[u8],
    start: &[u8],
    start_label: &'static str,
) -> Result<CheckDigits, Refusal> {
    require_length(n, &[13], "13 dígitos")?;
    require_start(n, &[start], start_label)?;
    let body = &n[..11];
    let first = eleven_minus_remainder(weighted_sum(body, &[4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]));
    let second = eleven_minus_remainder(weighted_sum(
        &then(body, first),
        &[5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2],
    ));
    Ok(vec![(11, first), (12, second)])
}

/// Amazonas: 9 digits, weights 9..2. SINTEGRA words it as "a sum below 11 gives 11 − sum",
/// which is the common rule for every sum but 0 and 1 (bodies that are all zeros, or zeros and
/// a final 1, never issued).
pub(super) fn am(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    Ok(vec![(8, eleven_minus_remainder(descending_sum(&n[..8])))])
}

/// Amapá: 9 digits starting "03". Two constants, `p` added to the sum and `d` used when the
/// result is 11, depend on the range the first eight digits fall in (the state changed its
/// rule twice and kept the numbers already issued valid).
pub(super) fn ap(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    require_start(n, &[&[0, 3]], "03")?;
    let body = &n[..8];
    let (p, d) = match as_number(body) {
        3_000_001..=3_017_000 => (5, 0),
        3_017_001..=3_019_022 => (9, 1),
        _ => (0, 0),
    };
    let check = match 11 - (p + descending_sum(body)) % 11 {
        10 => 0,
        11 => d,
        value => digit(value),
    };
    Ok(vec![(8, check)])
}

/// Pará: 9 digits starting "15", weights 9..2.
pub(super) fn pa(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    require_start(n, &[&[1, 5]], "15")?;
    Ok(vec![(8, eleven_minus_remainder(descending_sum(&n[..8])))])
}

/// Rondônia: 14 digits (the form in use since August 2000; older numbers were converted by
/// left-padding and kept their check digit). 10 and 11 lose ten instead of becoming 0.
pub(super) fn ro(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[14], "14 dígitos")?;
    let sum = weighted_sum(&n[..13], &[6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    Ok(vec![(13, eleven_minus_remainder_less_ten(sum))])
}

/// Roraima: 9 digits starting "24"; the only state using modulo 9, with ascending weights.
pub(super) fn rr(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    require_start(n, &[&[2, 4]], "24")?;
    let sum = weighted_sum(&n[..8], &[1, 2, 3, 4, 5, 6, 7, 8]);
    Ok(vec![(8, digit(sum % 9))])
}

/// Tocantins: 9 digits today; the older 11-digit form has a type code in positions 3–4
/// (01 rural producer, 02 industry and commerce, 03 rudimentary, 99 old register) that the
/// check digit skips, so both forms of one registration share their check digit.
pub(super) fn to(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9, 11], "9 ou 11 dígitos")?;
    if n.len() == 9 {
        return Ok(vec![(8, eleven_minus_remainder(descending_sum(&n[..8])))]);
    }
    if !matches!(n[2..4], [0, 1] | [0, 2] | [0, 3] | [9, 9]) {
        return Err(Refusal::Form("3º e 4º dígitos devem ser 01, 02, 03 ou 99"));
    }
    let body: Vec<u8> = n[..2].iter().chain(&n[4..10]).copied().collect();
    Ok(vec![(10, eleven_minus_remainder(descending_sum(&body)))])
}
