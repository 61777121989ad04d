pub mod customer_list;
pub mod home;
pub mod not_found;
pub mod sign_in;
