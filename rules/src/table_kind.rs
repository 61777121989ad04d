//! Every code + description table under "Tabelas" (R-COMPANY-2): the five a customer's
//! commercial profile points to (`LookupKind`) and the commercial tables the sales defaults
//! point to (`CommercialKind`, issue 11). One shape, one screen, one store.

use serde::{Deserialize, Serialize};

use crate::lookup::LookupKind;
use crate::permission::Permission;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CommercialKind {
    BillingType,
    Currency,
    Bearer,
    FreightTable,
    Incoterm,
    CommissionTable,
    FinancialClass,
    Insurance,
    ChargeMessage,
    InvoiceMessage,
    /// The customer's carrier (seed 003): one entry of the carriers and drivers, whose screen
    /// is `LinkedKind::Carrier`'s (with the document), not this generic one.
    Carrier,
}

impl CommercialKind {
    pub const ALL: [CommercialKind; 11] = [
        CommercialKind::BillingType,
        CommercialKind::Currency,
        CommercialKind::Bearer,
        CommercialKind::FreightTable,
        CommercialKind::Incoterm,
        // Beside the freight, where the sales tab shows it.
        CommercialKind::Carrier,
        CommercialKind::CommissionTable,
        CommercialKind::FinancialClass,
        CommercialKind::Insurance,
        CommercialKind::ChargeMessage,
        CommercialKind::InvoiceMessage,
    ];

    /// The kinds with the generic code + description screen under "Tabelas".
    pub fn has_generic_screen(self) -> bool {
        self != CommercialKind::Carrier
    }

    /// Stored in the database (`lookup_entries.kind`) and in forms; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            CommercialKind::BillingType => "billing_type",
            CommercialKind::Currency => "currency",
            CommercialKind::Bearer => "bearer",
            CommercialKind::FreightTable => "freight_table",
            CommercialKind::Incoterm => "incoterm",
            CommercialKind::CommissionTable => "commission_table",
            CommercialKind::FinancialClass => "financial_class",
            CommercialKind::Insurance => "insurance",
            CommercialKind::ChargeMessage => "charge_message",
            CommercialKind::InvoiceMessage => "invoice_message",
            CommercialKind::Carrier => "carrier",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            CommercialKind::BillingType => "tipos-de-cobranca",
            CommercialKind::Currency => "moedas",
            CommercialKind::Bearer => "portadores",
            CommercialKind::FreightTable => "tabelas-de-frete",
            CommercialKind::Incoterm => "incoterms",
            CommercialKind::CommissionTable => "tabelas-de-comissao",
            CommercialKind::FinancialClass => "classes-financeiras",
            CommercialKind::Insurance => "seguros",
            CommercialKind::ChargeMessage => "mensagens-de-cobranca",
            CommercialKind::InvoiceMessage => "mensagens-da-nota",
            CommercialKind::Carrier => LinkedKind::Carrier.slug(),
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            CommercialKind::BillingType => "Tipos de cobrança",
            CommercialKind::Currency => "Moedas",
            CommercialKind::Bearer => "Portadores",
            CommercialKind::FreightTable => "Tabelas de frete",
            CommercialKind::Incoterm => "Incoterms",
            CommercialKind::CommissionTable => "Tabelas de comissão",
            CommercialKind::FinancialClass => "Classes financeiras",
            CommercialKind::Insurance => "Seguros",
            CommercialKind::ChargeMessage => "Mensagens de cobrança",
            CommercialKind::InvoiceMessage => "Mensagens da nota fiscal",
            CommercialKind::Carrier => LinkedKind::Carrier.title(),
        }
    }

    /// A company's default of this table for its new customers (R-SALES-1): its label on the
    /// company settings form and in their history.
    pub fn company_default_label(self) -> String {
        format!("{} (cliente novo)", self.field_name())
    }

    /// The customer's field that points to this table: its label on the sales tab and in the
    /// history (never renamed once shipped).
    pub fn field_name(self) -> &'static str {
        match self {
            CommercialKind::BillingType => "Tipo de cobrança",
            CommercialKind::Currency => "Moeda",
            CommercialKind::Bearer => "Portador",
            CommercialKind::FreightTable => "Tabela de frete",
            CommercialKind::Incoterm => "Incoterm",
            CommercialKind::CommissionTable => "Tabela de comissão",
            CommercialKind::FinancialClass => "Classe financeira",
            CommercialKind::Insurance => "Seguro",
            CommercialKind::ChargeMessage => "Mensagem de cobrança",
            CommercialKind::InvoiceMessage => "Mensagem da nota fiscal",
            CommercialKind::Carrier => "Transportadora",
        }
    }

    /// The column of `customer_sales_defaults` holding the customer's entry.
    pub fn column(self) -> &'static str {
        match self {
            CommercialKind::BillingType => "billing_type_id",
            CommercialKind::Currency => "currency_id",
            CommercialKind::Bearer => "bearer_id",
            CommercialKind::FreightTable => "freight_table_id",
            CommercialKind::Incoterm => "incoterm_id",
            CommercialKind::CommissionTable => "commission_table_id",
            CommercialKind::FinancialClass => "financial_class_id",
            CommercialKind::Insurance => "insurance_id",
            CommercialKind::ChargeMessage => "charge_message_id",
            CommercialKind::InvoiceMessage => "invoice_message_id",
            CommercialKind::Carrier => "carrier_id",
        }
    }

    /// R-SALES-1: the tables whose entry a new customer takes from the company's settings.
    pub fn company_default(self) -> bool {
        matches!(
            self,
            CommercialKind::BillingType
                | CommercialKind::Currency
                | CommercialKind::Bearer
                | CommercialKind::Carrier
        )
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The tables a customer holds several entries of (R-SALES-4/5): code + description like the
/// others, plus terms of their own (`sales::table_terms`), linked to the customer through a
/// table of their own rather than one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LinkedKind {
    PriceList,
    PaymentPlan,
    /// Carriers and drivers a pickup order may use for the customer (R-SALES-10).
    Carrier,
    /// Fleet vehicles a pickup order may use for the customer (R-SALES-10).
    FleetVehicle,
}

impl LinkedKind {
    pub const ALL: [LinkedKind; 4] = [
        LinkedKind::PriceList,
        LinkedKind::PaymentPlan,
        LinkedKind::Carrier,
        LinkedKind::FleetVehicle,
    ];

    /// The sets a company names a default of for new customers (R-SALES-1) and the list
    /// filters by (R-BULK-2).
    pub const COMMERCIAL: [LinkedKind; 2] = [LinkedKind::PriceList, LinkedKind::PaymentPlan];

    pub fn is_commercial(self) -> bool {
        Self::COMMERCIAL.contains(&self)
    }

    /// R-PERM-1: who may change the customer's set.
    pub fn permission(self) -> Permission {
        match self {
            LinkedKind::PriceList | LinkedKind::PaymentPlan => Permission::AlterSalesDefaults,
            LinkedKind::Carrier => Permission::RegisterAllowedCarriers,
            LinkedKind::FleetVehicle => Permission::RegisterAllowedFleet,
        }
    }

    /// Stored in `lookup_entries.kind`; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            LinkedKind::PriceList => "price_list",
            LinkedKind::PaymentPlan => "payment_plan",
            LinkedKind::Carrier => "carrier",
            LinkedKind::FleetVehicle => "fleet_vehicle",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            LinkedKind::PriceList => "listas-de-preco",
            LinkedKind::PaymentPlan => "planos-de-pagamento",
            LinkedKind::Carrier => "transportadoras",
            LinkedKind::FleetVehicle => "frota",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            LinkedKind::PriceList => "Listas de preço",
            LinkedKind::PaymentPlan => "Planos de pagamento",
            LinkedKind::Carrier => "Transportadoras e motoristas",
            LinkedKind::FleetVehicle => "Frota (veículos)",
        }
    }

    /// A company's one default entry for its new customers (R-SALES-1): its label on the
    /// company settings form and in their history.
    pub fn company_default_label(self) -> &'static str {
        match self {
            LinkedKind::PriceList => "Lista de preço (cliente novo)",
            LinkedKind::PaymentPlan => "Plano de pagamento (cliente novo)",
            LinkedKind::Carrier => "Transportadora (cliente novo)",
            LinkedKind::FleetVehicle => "Veículo da frota (cliente novo)",
        }
    }

    /// The customer's field (the set) on the sales tab and in the history; never renamed
    /// once shipped.
    pub fn field_name(self) -> &'static str {
        match self {
            LinkedKind::Carrier => "Transportadoras e motoristas permitidos (retira)",
            LinkedKind::FleetVehicle => "Frota permitida (retira)",
            kind => kind.title(),
        }
    }

    /// The table linking customers to entries, per company.
    pub fn link_table(self) -> &'static str {
        match self {
            LinkedKind::PriceList => "customer_price_lists",
            LinkedKind::PaymentPlan => "customer_payment_plans",
            LinkedKind::Carrier => "customer_allowed_carriers",
            LinkedKind::FleetVehicle => "customer_allowed_fleet",
        }
    }

    /// The column naming an entry, in the link table and, for the commercial sets, in the
    /// company settings (the entry new customers start with, R-SALES-1).
    pub fn entry_column(self) -> &'static str {
        match self {
            LinkedKind::PriceList => "price_list_id",
            LinkedKind::PaymentPlan => "payment_plan_id",
            LinkedKind::Carrier => "carrier_id",
            LinkedKind::FleetVehicle => "vehicle_id",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The company's chart of accounts (seed 003, R-SALES-12): the managerial chart the
/// customer's and doubtful-debt accounts belong to, and the real (fiscal) chart a managerial
/// account may be linked to. An account is synthetic (groups others) or analytic (takes
/// entries): its terms (`sales::table_terms`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LedgerChart {
    Managerial,
    Real,
}

impl LedgerChart {
    pub const ALL: [LedgerChart; 2] = [LedgerChart::Managerial, LedgerChart::Real];

    /// Stored in `lookup_entries.kind`; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            LedgerChart::Managerial => "ledger_managerial",
            LedgerChart::Real => "ledger_real",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            LedgerChart::Managerial => "contas-gerenciais",
            LedgerChart::Real => "contas-reais",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            LedgerChart::Managerial => "Contas contábeis gerenciais",
            LedgerChart::Real => "Contas contábeis reais",
        }
    }
}

/// The tables whose rows carry terms besides code and description.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TermsKind {
    Linked(LinkedKind),
    Ledger(LedgerChart),
}

impl From<LinkedKind> for TermsKind {
    fn from(kind: LinkedKind) -> Self {
        TermsKind::Linked(kind)
    }
}

impl From<LedgerChart> for TermsKind {
    fn from(chart: LedgerChart) -> Self {
        TermsKind::Ledger(chart)
    }
}

/// Any table of the "Tabelas" screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TableKind {
    Profile(LookupKind),
    Commercial(CommercialKind),
    Linked(LinkedKind),
    Ledger(LedgerChart),
}

impl TableKind {
    /// Every table, in the order the "Tabelas" screen lists them.
    pub fn all() -> impl Iterator<Item = TableKind> {
        LookupKind::ALL
            .into_iter()
            .map(TableKind::Profile)
            .chain(LinkedKind::ALL.into_iter().map(TableKind::Linked))
            .chain(
                CommercialKind::ALL
                    .into_iter()
                    .filter(|k| k.has_generic_screen())
                    .map(TableKind::Commercial),
            )
            .chain(LedgerChart::ALL.into_iter().map(TableKind::Ledger))
    }

    /// R-PERM-1: who keeps the table. The chart of accounts answers to "modify ledger account
    /// codes" (seed 003), like the customer's accounts do; every other table to "maintain
    /// tables".
    pub fn permission(self) -> Permission {
        match self {
            TableKind::Ledger(_) => Permission::ModifyLedgerAccounts,
            _ => Permission::MaintainTables,
        }
    }

    /// The terms its rows carry, if any.
    pub fn terms(self) -> Option<TermsKind> {
        match self {
            TableKind::Linked(kind) => Some(TermsKind::Linked(kind)),
            TableKind::Ledger(chart) => Some(TermsKind::Ledger(chart)),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            TableKind::Profile(kind) => kind.code(),
            TableKind::Commercial(kind) => kind.code(),
            TableKind::Linked(kind) => kind.code(),
            TableKind::Ledger(chart) => chart.code(),
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            TableKind::Profile(kind) => kind.slug(),
            TableKind::Commercial(kind) => kind.slug(),
            TableKind::Linked(kind) => kind.slug(),
            TableKind::Ledger(chart) => chart.slug(),
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            TableKind::Profile(kind) => kind.title(),
            TableKind::Commercial(kind) => kind.title(),
            TableKind::Linked(kind) => kind.title(),
            TableKind::Ledger(chart) => chart.title(),
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::all().find(|k| k.code() == code)
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::all().find(|k| k.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn r_company_2_every_table_has_a_distinct_code_slug_and_title_that_round_trip() {
        let all: Vec<TableKind> = TableKind::all().collect();
        assert_eq!(all.len(), 21);
        for pick in [TableKind::code, TableKind::slug, TableKind::title] {
            let distinct: HashSet<_> = all.iter().map(|k| pick(*k)).collect();
            assert_eq!(distinct.len(), all.len());
        }
        for kind in all {
            assert_eq!(TableKind::from_code(kind.code()), Some(kind));
            assert_eq!(TableKind::from_slug(kind.slug()), Some(kind));
        }
        let columns: HashSet<_> = CommercialKind::ALL.iter().map(|k| k.column()).collect();
        assert_eq!(columns.len(), CommercialKind::ALL.len());
    }

    #[test]
    fn r_perm_1_the_chart_of_accounts_is_kept_by_who_modifies_ledger_accounts() {
        for kind in TableKind::all() {
            let expected = if matches!(kind, TableKind::Ledger(_)) {
                Permission::ModifyLedgerAccounts
            } else {
                Permission::MaintainTables
            };
            assert_eq!(kind.permission(), expected, "{}", kind.code());
        }
    }

    #[test]
    fn r_sales_1_billing_type_currency_bearer_and_carrier_come_from_the_company() {
        let defaults: Vec<_> = CommercialKind::ALL
            .into_iter()
            .filter(|k| k.company_default())
            .map(CommercialKind::field_name)
            .collect();
        assert_eq!(
            defaults,
            vec!["Tipo de cobrança", "Moeda", "Portador", "Transportadora"]
        );
    }
}
