//! The arithmetic most states share: a weighted sum of the digits, then a remainder rule.
//!
//! The routines differ mostly in their weights and in what they do with remainders 0 and 1
//! (which would give the two-digit results 11 and 10), so those choices are named here once
//! and each state file picks the one its SINTEGRA page prints.

/// Σ digit × weight, pairing from the left. State files write their weight tables out in
/// full, as the SINTEGRA pages print them, so a table can be checked against the page by eye.
pub(super) fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    debug_assert_eq!(digits.len(), weights.len(), "one weight per digit");
    digits
        .iter()
        .zip(weights)
        .map(|(&digit, &weight)| u32::from(digit) * weight)
        .sum()
}

/// Σ digit × weight with weights n+1, n, …, 2 for n digits: the table of most
/// nine-digit IEs ("pesos 9 8 7 6 5 4 3 2").
pub(super) fn descending_sum(digits: &[u8]) -> u32 {
    let count = u32::try_from(digits.len()).expect("an IE has a handful of digits");
    digits
        .iter()
        .zip((2..=count + 1).rev())
        .map(|(&digit, weight)| u32::from(digit) * weight)
        .sum()
}

/// The common mod-11 rule: 11 minus the remainder, where 10 and 11 become 0 (that is,
/// remainders 0 and 1 give 0).
pub(super) fn eleven_minus_remainder(sum: u32) -> u8 {
    match sum % 11 {
        0 | 1 => 0,
        remainder => digit(11 - remainder),
    }
}

/// RO and PE's old 14-digit form: 11 minus the remainder, and 10 or 11 lose ten (so
/// remainder 0 gives 1, not 0).
pub(super) fn eleven_minus_remainder_less_ten(sum: u32) -> u8 {
    digit((11 - sum % 11) % 10)
}

/// AL and RN: the remainder of ten times the sum, where 10 becomes 0.
pub(super) fn remainder_of_ten_times(sum: u32) -> u8 {
    digit((sum * 10) % 11 % 10)
}

/// BA's mod-10 numbers and MG's first digit: what the sum lacks to reach a multiple of ten.
pub(super) fn ten_minus_remainder(sum: u32) -> u8 {
    digit((10 - sum % 10) % 10)
}

/// `body` followed by `check`: the input of a second check digit that covers the first.
pub(super) fn then(body: &[u8], check: u8) -> Vec<u8> {
    let mut digits = body.to_vec();
    digits.push(check);
    digits
}

/// The digits read as one number, for states whose rules depend on number ranges.
pub(super) fn as_number(digits: &[u8]) -> u64 {
    digits
        .iter()
        .fold(0, |number, &digit| number * 10 + u64::from(digit))
}

/// A value already reduced below 10, as a digit.
pub(super) fn digit(value: u32) -> u8 {
    debug_assert!(value < 10, "{value} is not a digit");
    u8::try_from(value).expect("a value below 10")
}
