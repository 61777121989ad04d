mod customer_addresses;
pub mod customer_list;
mod customer_list_profile_filters;
pub mod customer_record;
pub mod home;
pub mod lookup_table;
pub mod not_found;
pub mod sign_in;
