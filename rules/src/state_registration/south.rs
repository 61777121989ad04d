//! South region: PR, RS, SC.

use super::weights::{descending_sum, eleven_minus_remainder, then, weighted_sum};
use super::{require_length, CheckDigits, Refusal};

/// Paraná: 10 digits, two check digits, weights cycling 2..7 from the right.
pub(super) fn pr(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[10], "10 dígitos")?;
    let body = &n[..8];
    let first = eleven_minus_remainder(weighted_sum(body, &[3, 2, 7, 6, 5, 4, 3, 2]));
    let second = eleven_minus_remainder(weighted_sum(
        &then(body, first),
        &[4, 3, 2, 7, 6, 5, 4, 3, 2],
    ));
    Ok(vec![(8, first), (9, second)])
}

/// Rio Grande do Sul: 10 digits (municipality 3, number 6, check 1), weights 2, 9..2. The
/// municipality code is not checked against the state's list, which changes.
pub(super) fn rs(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[10], "10 dígitos")?;
    let sum = weighted_sum(&n[..9], &[2, 9, 8, 7, 6, 5, 4, 3, 2]);
    Ok(vec![(9, eleven_minus_remainder(sum))])
}

/// Santa Catarina: 9 digits, weights 9..2.
pub(super) fn sc(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    Ok(vec![(8, eleven_minus_remainder(descending_sum(&n[..8])))])
}
