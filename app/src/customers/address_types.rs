//! A customer's addresses as the record screen shows and edits them.

use rules::address::AddressInput;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressView {
    pub id: i64,
    pub version: i32,
    pub role_label: String,
    /// The line shown in the list: street, number, complement, district, city, CEP.
    pub line: String,
    pub preferred: bool,
    /// The address as its form shows it, for editing.
    pub input: AddressInput,
}
