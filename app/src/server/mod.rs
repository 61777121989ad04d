//! Server-only code of the app crate: what server functions share to authorise, load and store.

pub mod address_store;
pub mod auth;
pub mod brasilia_time;
pub mod bulk_progress;
pub mod bulk_store;
pub mod bulk_undo;
pub mod bulk_writes;
pub mod commercial_tables;
pub mod company_settings_store;
pub mod context;
pub mod cookie;
pub mod customer_list;
pub mod customer_store;
pub mod ledger_store;
pub mod lookup_store;
pub mod own_entries_store;
pub mod passwords;
pub mod profile_store;
pub mod purge;
pub mod respond;
pub mod sales_defaults_store;
pub mod sessions;
pub mod set_filters;
pub mod table_terms_store;
pub mod throttle;
pub mod timeouts;
