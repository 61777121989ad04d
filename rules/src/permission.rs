//! The permissions a profile grants (R-PERM-1). The server checks them on every call; the
//! screens only use them to decide what to offer.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Permission {
    IncludeCustomer,
    AlterCustomer,
    DeleteCustomer,
    AlterSalesDefaults,
    AlterCreditLimit,
    ModifyLedgerAccounts,
    RegisterAllowedCarriers,
    RegisterAllowedFleet,
    AlterMortgageAndBail,
    UnblockCustomer,
    BulkUpdate,
    AlterCompanySettings,
    /// The auxiliary and commercial tables under "Tabelas" (R-PERM-1).
    MaintainTables,
    /// Register receivables by hand (issue 12).
    RegisterReceivables,
    /// Settle receivables and reverse settlements.
    SettleReceivables,
    CancelReceivables,
    /// Register customer advances and settle receivables with them (R-ADV-2).
    RegisterAdvances,
    RefundAdvances,
}

impl Permission {
    pub const ALL: [Permission; 18] = [
        Permission::IncludeCustomer,
        Permission::AlterCustomer,
        Permission::DeleteCustomer,
        Permission::AlterSalesDefaults,
        Permission::AlterCreditLimit,
        Permission::ModifyLedgerAccounts,
        Permission::RegisterAllowedCarriers,
        Permission::RegisterAllowedFleet,
        Permission::AlterMortgageAndBail,
        Permission::UnblockCustomer,
        Permission::BulkUpdate,
        Permission::AlterCompanySettings,
        Permission::MaintainTables,
        Permission::RegisterReceivables,
        Permission::SettleReceivables,
        Permission::CancelReceivables,
        Permission::RegisterAdvances,
        Permission::RefundAdvances,
    ];

    /// The stable code stored in the database; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            Permission::IncludeCustomer => "customer.include",
            Permission::AlterCustomer => "customer.alter",
            Permission::DeleteCustomer => "customer.delete",
            Permission::AlterSalesDefaults => "customer.sales_defaults",
            Permission::AlterCreditLimit => "customer.credit_limit",
            Permission::ModifyLedgerAccounts => "customer.ledger_accounts",
            Permission::RegisterAllowedCarriers => "customer.allowed_carriers",
            Permission::RegisterAllowedFleet => "customer.allowed_fleet",
            Permission::AlterMortgageAndBail => "customer.mortgage_bail",
            Permission::UnblockCustomer => "customer.unblock",
            Permission::BulkUpdate => "customer.bulk_update",
            Permission::AlterCompanySettings => "company.settings",
            Permission::MaintainTables => "tables.maintain",
            Permission::RegisterReceivables => "finance.register",
            Permission::SettleReceivables => "finance.settle",
            Permission::CancelReceivables => "finance.cancel",
            Permission::RegisterAdvances => "finance.advance",
            Permission::RefundAdvances => "finance.refund",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }

    /// What the screens call it.
    pub fn label(self) -> &'static str {
        match self {
            Permission::IncludeCustomer => "Incluir clientes",
            Permission::AlterCustomer => "Alterar clientes",
            Permission::DeleteCustomer => "Excluir clientes",
            Permission::AlterSalesDefaults => "Alterar padrões de venda",
            Permission::AlterCreditLimit => "Alterar limite de crédito",
            Permission::ModifyLedgerAccounts => "Modificar contas contábeis",
            Permission::RegisterAllowedCarriers => {
                "Cadastrar transportadoras/motoristas permitidos"
            }
            Permission::RegisterAllowedFleet => "Cadastrar frota permitida",
            Permission::AlterMortgageAndBail => "Alterar hipoteca e fiança",
            Permission::UnblockCustomer => "Desbloquear clientes",
            Permission::BulkUpdate => "Manutenção em lote (alterar todos)",
            Permission::AlterCompanySettings => "Alterar configurações da empresa",
            Permission::MaintainTables => "Manter tabelas auxiliares e comerciais",
            Permission::RegisterReceivables => "Lançar títulos a receber",
            Permission::SettleReceivables => "Baixar títulos a receber",
            Permission::CancelReceivables => "Cancelar títulos a receber",
            Permission::RegisterAdvances => "Lançar adiantamentos de clientes",
            Permission::RefundAdvances => "Devolver adiantamentos de clientes",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn r_perm_1_every_permission_has_a_distinct_code_that_round_trips() {
        let codes: HashSet<_> = Permission::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(codes.len(), Permission::ALL.len());
        for p in Permission::ALL {
            assert_eq!(Permission::from_code(p.code()), Some(p));
        }
        assert_eq!(Permission::from_code("customer.fly"), None);
    }
}
