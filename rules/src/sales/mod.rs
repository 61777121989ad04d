//! Sales defaults (R-SALES): pure decisions over a customer's commercial terms (issue 11).
//!
//! One file per rule; the screens and the server functions (form and batch path alike,
//! R-BULK-3) call these, so a rule is decided in one place. Fixed choices are declared with
//! `choice!`: a stable snake_case code (stored as text, sent to the browser) and a Portuguese
//! label. Money is `rust_decimal`, rounded half away from zero (`rounding`); dates are whatever
//! comparable value the caller passes, since `rules` keeps no calendar.

mod choice;

pub mod bulk_numbers;
pub mod commercial_refs;
pub mod company_advances;
pub mod company_settings;
pub mod conditional_discount;
pub mod credit_application;
pub mod credit_limit;
pub mod credit_use;
pub mod defaults;
pub mod defaults_audit;
pub mod delivery_block;
pub mod guarantees;
pub mod insurance;
pub mod late_fee;
pub mod ledger_account;
pub mod ledger_accounts;
pub mod ledger_chart;
pub mod max_discount;
pub mod own_entries;
pub mod payment_plans;
pub mod percent;
pub mod plate;
pub mod preferences;
pub mod price;
pub mod price_lists;
pub mod purpose;
pub mod rounding;
pub mod selection;
pub mod table_terms;
pub mod todays_offer;
pub mod validity;
