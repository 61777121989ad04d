pub mod customer_list;
pub mod customer_record;
pub mod home;
pub mod lookup_table;
pub mod not_found;
pub mod sign_in;
