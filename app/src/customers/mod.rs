//! The customer registry: list, record, history.

pub mod address_types;
pub mod advance_types;
pub mod bulk_types;
pub mod company_settings_types;
pub mod credit_types;
pub mod filter_conditions;
pub mod ledger_types;
pub mod list_types;
pub mod receivable_list_types;
pub mod record_types;
pub mod sales_types;
pub mod set_filter;
