//! Southeast region: ES, MG, RJ, SP (industry and commerce, and rural producers).

use super::weights::{
    descending_sum, digit, eleven_minus_remainder, ten_minus_remainder, then, weighted_sum,
};
use super::{require_length, CheckDigits, Refusal};

/// Espírito Santo: 9 digits, weights 9..2.
pub(super) fn es(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[9], "9 dígitos")?;
    Ok(vec![(8, eleven_minus_remainder(descending_sum(&n[..8])))])
}

/// Minas Gerais: 13 digits (municipality 3, number 6, order 2, check 2). The first check
/// digit is a Luhn-like mod 10 over the first eleven digits with a 0 put after the
/// municipality code (the page calls it "igualar as casas"): weights 1, 2, 1, 2… from the
/// left, adding the digits of each product. The second is mod 11 over the first twelve,
/// without the inserted 0.
pub(super) fn mg(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[13], "13 dígitos")?;
    let widened: Vec<u8> = n[..3]
        .iter()
        .chain(&[0])
        .chain(&n[3..11])
        .copied()
        .collect();
    let digit_sum: u32 = widened
        .iter()
        .zip([1, 2].into_iter().cycle())
        .map(|(&d, weight)| {
            let product = u32::from(d) * weight;
            product / 10 + product % 10
        })
        .sum();
    let first = ten_minus_remainder(digit_sum);
    let second = eleven_minus_remainder(weighted_sum(
        &then(&n[..11], first),
        &[3, 2, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2],
    ));
    Ok(vec![(11, first), (12, second)])
}

/// Rio de Janeiro: 8 digits, weights 2, 7..2.
pub(super) fn rj(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[8], "8 dígitos")?;
    let sum = weighted_sum(&n[..7], &[2, 7, 6, 5, 4, 3, 2]);
    Ok(vec![(7, eleven_minus_remainder(sum))])
}

const SP_LENGTH: &str = "12 dígitos (ou P e 12 dígitos, se produtor rural)";

/// São Paulo, industry and commerce: 12 digits with check digits in the 9th and 12th
/// positions. Each is the last digit of the remainder itself (not 11 minus it), so
/// remainder 10 gives 0.
pub(super) fn sp(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[12], SP_LENGTH)?;
    let first = sp_ninth_digit(n);
    let with_first: Vec<u8> = n[..8]
        .iter()
        .chain(&[first])
        .chain(&n[9..11])
        .copied()
        .collect();
    let sum = weighted_sum(&with_first, &[3, 2, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
    Ok(vec![(8, first), (11, digit(sum % 11 % 10))])
}

/// São Paulo, rural producer: "P" and 12 digits (the `P` is stripped before this), with one
/// check digit in the 9th position computed as the industrial number's first one; the last
/// three digits are a sequence, not a check.
pub(super) fn sp_rural(n: &[u8]) -> Result<CheckDigits, Refusal> {
    require_length(n, &[12], SP_LENGTH)?;
    Ok(vec![(8, sp_ninth_digit(n))])
}

fn sp_ninth_digit(n: &[u8]) -> u8 {
    let sum = weighted_sum(&n[..8], &[1, 3, 4, 5, 6, 7, 8, 10]);
    digit(sum % 11 % 10)
}
