//! Receivables, settlements, customer advances and credit availability (issue 12): the
//! arithmetic and decisions of the financial ledger, plain values in, decisions out.
//!
//! One job per file. Money is `rust_decimal`, in centavos, rounded half away from zero through
//! `sales::rounding` like every other money rule of the crate. Dates are whatever ordered value
//! the caller holds (`chrono::NaiveDate`, an ISO `aaaa-mm-dd` string, `day::Day`); only the
//! settlement counts days, and takes `day::Day`, convertible from and to chrono's day number.
//! Nothing reads a clock: the caller passes `today`.

pub mod advance;
pub mod advance_input;
pub mod collection_route;
pub mod credit;
pub mod day;
pub mod last_purchase;
pub mod receivable;
pub mod receivable_filter;
pub mod report_export;
pub mod report_grouping;
pub mod settlement;
pub mod settlement_input;
pub mod settlement_preview;
pub mod statement;
pub mod status;

/// What the finance tests write money and receivables with.
#[cfg(test)]
pub(crate) mod test_values {
    use super::day::{day, Day};
    use super::status::ReceivableFacts;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    /// `d("1234.56")` is R$ 1.234,56.
    pub fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    /// A receivable due on `due` (`aaaa-mm-dd`) with `balance` left.
    pub fn receivable_due(due: &str, balance: &str) -> ReceivableFacts<Day> {
        ReceivableFacts::new(day(due), d(balance))
    }
}
