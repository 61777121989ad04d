//! The customer registry: list, record, history.

pub mod list_types;
pub mod record_types;
