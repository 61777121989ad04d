//! Receivables, settlements, customer advances and credit availability (issue 12): the
//! arithmetic and decisions of the financial ledger, plain values in, decisions out.
//!
//! One job per file. Money is `rust_decimal`, in centavos, rounded half away from zero through
//! `sales::rounding` like every other money rule of the crate. Dates are whatever ordered value
//! the caller holds (`chrono::NaiveDate`, an ISO `aaaa-mm-dd` string, `day::Day`); only the
//! settlement counts days, and takes `day::Day`, convertible from and to chrono's day number.
//! Nothing reads a clock: the caller passes `today`.

pub mod advance;
pub mod credit;
pub mod day;
pub mod last_purchase;
pub mod settlement;
pub mod statement;
pub mod status;
