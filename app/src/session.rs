//! What the screens know about the signed-in user. Built by the server on every request;
//! the permissions here only decide what to offer, the server checks them again.

use rules::permission::Permission;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyOption {
    pub id: i64,
    pub code: i32,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub user_name: String,
    pub email: String,
    pub profile_name: String,
    pub permissions: Vec<Permission>,
    pub companies: Vec<CompanyOption>,
    pub current_company_id: i64,
}

impl SessionView {
    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }

    pub fn current_company(&self) -> Option<&CompanyOption> {
        self.companies
            .iter()
            .find(|company| company.id == self.current_company_id)
    }
}
