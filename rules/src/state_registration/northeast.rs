//! Northeast region: AL, BA, CE, MA, PB, PE, PI, RN, SE.
//!
//! CE, PB, PI and SE share the plain nine-digit mod-11 routine; each still has its own
//! function so the dispatch reads as a list of states and a state can change alone.

use super::weights::{
    descending_sum, eleven_minus_remainder, eleven_minus_remainder_less_ten,
    remainder_of_ten_times, ten_minus_remainder, then, weighted_sum,
};
use super::{require_length, require_start, CheckDigits, Refusal};

/// The plain routine: 9 digits, weights 9..2, common mod-11 rule.
fn nine_digits(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    Ok(vec![(8, eleven_minus_remainder(descending_sum(&n[..8])))])
}

/// Alagoas: 9 digits starting "24"; the sum is multiplied by 10 before taking the remainder.
/// The third digit is a company type (0, 3, 5, 7, 8 on the SINTEGRA page); it is not
/// checked, so a type added later is not refused.
pub(super) fn al(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    require_start(n, &[&[2, 4]], "24")?;
    Ok(vec![(8, remainder_of_ten_times(descending_sum(&n[..8])))])
}

/// Bahia: 8 digits (older numbers) or 9. The digit that picks the modulus is the first one
/// for 8 digits and the second for 9: 6, 7 or 9 mean mod 11, anything else mod 10. The last
/// check digit is computed first and the one before it covers it.
pub(super) fn ba(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[8, 9], "8 ou 9 dígitos")?;
    let length = n.len();
    let key = if length == 8 { n[0] } else { n[1] };
    let rule: fn(u32) -> u8 = if matches!(key, 6 | 7 | 9) {
        eleven_minus_remainder
    } else {
        ten_minus_remainder
    };
    let body = &n[..length - 2];
    let last = rule(descending_sum(body));
    let first = rule(descending_sum(&then(body, last)));
    Ok(vec![(length - 2, first), (length - 1, last)])
}

/// Ceará: the plain routine.
pub(super) fn ce(n: &[u8]) -> Result<CheckDigits, Refusal> {
    nine_digits(n)
}

/// Maranhão: the plain routine, starting "12".
pub(super) fn ma(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    require_start(n, &[&[1, 2]], "12")?;
    nine_digits(n)
}

/// Paraíba: the plain routine.
pub(super) fn pb(n: &[u8]) -> Result<CheckDigits, Refusal> {
    nine_digits(n)
}

/// Pernambuco: 9 digits (eFisco, two check digits) or the older 14-digit form (one check
/// digit, where 10 and 11 lose ten), still found on old records.
pub(super) fn pe(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9, 14], "9 ou 14 dígitos")?;
    if n.len() == 14 {
        let sum = weighted_sum(&n[..13], &[5, 4, 3, 2, 1, 9, 8, 7, 6, 5, 4, 3, 2]);
        return Ok(vec![(13, eleven_minus_remainder_less_ten(sum))]);
    }
    let body = &n[..7];
    let first = eleven_minus_remainder(descending_sum(body));
    let second = eleven_minus_remainder(descending_sum(&then(body, first)));
    Ok(vec![(7, first), (8, second)])
}

/// Piauí: the plain routine.
pub(super) fn pi(n: &[u8]) -> Result<CheckDigits, Refusal> {
    nine_digits(n)
}

/// Rio Grande do Norte: 9 or 10 digits starting "20"; like Alagoas, the sum is multiplied
/// by 10 before taking the remainder.
pub(super) fn rn(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9, 10], "9 ou 10 dígitos")?;
    require_start(n, &[&[2, 0]], "20")?;
    let last = n.len() - 1;
    Ok(vec![(
        last,
        remainder_of_ten_times(descending_sum(&n[..last])),
    )])
}

/// Sergipe: the plain routine.
pub(super) fn se(n: &[u8]) -> Result<CheckDigits, Refusal> {
    nine_digits(n)
}
