//! Center-West region: DF, GO, MS, MT.

use super::weights::{as_number, descending_sum, eleven_minus_remainder, weighted_sum};
use super::{require_length, require_start, CheckDigits, Refusal};

/// Distrito Federal: 13 digits starting "07", two check digits with the same weights as
/// Acre's.
pub(super) fn df(n: &[u8]) -> Result<CheckDigits, Refusal> {
    super::north::thirteen_with_two_digits(n, &[0, 7], "07")
}

/// Goiás: 9 digits starting 10, 11, 15 or 20–29, weights 9..2. Remainder 1 gives 1 instead
/// of 0 for the numbers 10103105–10119997, and 11094402 was issued with both 0 and 1, so
/// either is taken there.
pub(super) fn go(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    let starts_right = matches!(n[..2], [1, 0] | [1, 1] | [1, 5] | [2, _]);
    if !starts_right {
        return Err(Refusal::Start("10, 11, 15 ou de 20 a 29"));
    }
    let body = as_number(&n[..8]);
    if body == 11_094_402 && n[8] <= 1 {
        return Ok(vec![(8, n[8])]);
    }
    let sum = descending_sum(&n[..8]);
    let check = match sum % 11 {
        1 if (10_103_105..=10_119_997).contains(&body) => 1,
        _ => eleven_minus_remainder(sum),
    };
    Ok(vec![(8, check)])
}

/// Mato Grosso do Sul: 9 digits starting "28" (or "50", the newer range), weights 9..2.
pub(super) fn ms(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    require_start(n, &[&[2, 8], &[5, 0]], "28 ou 50")?;
    Ok(vec![(8, eleven_minus_remainder(descending_sum(&n[..8])))])
}

/// Mato Grosso: 11 digits, weights 3, 2, 9..2 over the first ten.
pub(super) fn mt(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[11], "11 dígitos")?;
    let sum = weighted_sum(&n[..10], &[3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
    Ok(vec![(10, eleven_minus_remainder(sum))])
}

/// MT numbers are 11 digits but usually written without their leading zeros
/// ("13.000.001-9" for 00130000019). Nine or ten digits are padded so both spellings store
/// the same value; fewer are left alone (and refused), since a number that short is more
/// likely a typing slip than a registration.
pub(super) fn mt_padded(digits: Vec<u8>) -> Vec<u8> {
    if matches!(digits.len(), 9 | 10) {
        let mut padded = vec![0; 11 - digits.len()];
        padded.extend(digits);
        padded
    } else {
        digits
    }
}
