//! Server functions, one per file. Each one authorises, loads, calls `rules`, stores.

pub mod advance_ledger;
pub mod advances;
pub mod bulk;
pub mod client;
pub mod company_settings;
pub mod customer_addresses;
pub mod customer_credit;
pub mod customer_record;
pub mod get_session;
pub mod ledger_accounts;
pub mod list_customers;
pub mod lookups;
pub mod receivables;
pub mod receivables_screen;
pub mod resource;
pub mod sales_defaults;
pub mod sign_in;
pub mod sign_out;
pub mod switch_company;

pub use advance_ledger::{
    advance_statement, customer_advances, receivable_settlements, AdvanceStatement,
    CustomerAdvances, ReceivableSettlements,
};
pub use advances::{
    refund_advance, register_advance, settle_with_advance, RefundAdvance, RegisterAdvance,
    SettleWithAdvance,
};
pub use bulk::{
    apply_bulk, bulk_fields, bulk_progress, list_batches, preview_bulk, preview_undo, undo_batch,
    ApplyBulk, BulkFields, ListBatches, PreviewBulk, PreviewUndo, UndoBatch,
};
pub use company_settings::{
    get_company_settings, save_company_settings, GetCompanySettings, SaveCompanySettings,
};
pub use customer_addresses::{
    delete_address, list_addresses, save_address, search_cities, DeleteAddress, ListAddresses,
    SaveAddress, SearchCities,
};
pub use customer_credit::{
    customer_credit, customer_receivables, CustomerCredit, CustomerReceivables,
};
pub use customer_record::{
    customer_history, delete_customer, find_customer_by_code, get_customer, get_customer_by_code,
    next_customer_code, profile_options, salesperson_history, save_customer, CustomerHistory,
    DeleteCustomer, FindCustomerByCode, GetCustomer, GetCustomerByCode, NextCustomerCode,
    ProfileOptions, SalespersonHistory, SaveCustomer,
};
pub use get_session::{get_session, GetSession};
pub use ledger_accounts::{
    generate_doubtful_debt_account, get_ledger_accounts, save_ledger_accounts,
    GenerateDoubtfulDebtAccount, GetLedgerAccounts, SaveLedgerAccounts,
};
pub use list_customers::{list_customers, ListCustomers};
pub use lookups::{
    check_lookup_deletion, delete_lookup, linked_options, list_lookup, lookup_history, save_lookup,
    CheckLookupDeletion, DeleteLookup, LinkedOptions, ListLookup, LookupHistory, SaveLookup,
};
pub use receivables::{
    cancel_receivable, register_receivable, reverse_settlement, settle_receivable,
    CancelReceivable, RegisterReceivable, ReverseSettlement, SettleReceivable,
};
pub use sales_defaults::{
    get_sales_defaults, save_sales_defaults, GetSalesDefaults, SaveSalesDefaults,
};
pub use sign_in::{sign_in, SignIn};
pub use sign_out::{sign_out, SignOut};
pub use switch_company::{switch_company, SwitchCompany};
