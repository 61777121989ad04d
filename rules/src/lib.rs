//! Clientela's business rules: plain values in, decisions out.
//!
//! Nothing here touches a database, the network or a clock of its own; callers pass `now`.
//! Each public decision names the rule of `shared/DOMAIN.md` it implements.

pub mod address;
pub mod bulk;
pub mod bulk_history;
pub mod bulk_undo;
pub mod cep_range;
pub mod city;
pub mod city_meant;
pub mod contact;
pub mod customer;
pub mod customer_audit;
pub mod customer_search;
pub mod date_input;
pub mod display;
pub mod document;
pub mod finance;
pub mod kept_edits;
pub mod lookup;
pub mod money;
pub mod permission;
pub mod profile;
pub mod sales;
pub mod sign_in;
pub mod state_registration;
pub mod table_kind;
