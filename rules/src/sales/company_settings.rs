//! The company's sales settings (issue 11): the defaults a customer used for the first time in
//! the company starts from (R-SALES-1) and what applies where a customer has none of their own
//! (R-CREDIT-1 pre-approved limit, R-SALES-9 late fee, R-SALES-3 the establishment's maximum
//! discount, R-SALES-6 credit use and order).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::credit_limit::parse_credit_limit;
use super::credit_use::{CreditOrder, CreditUse};
use super::defaults::{parse_daily_interest, CommercialRefs, CompanySalesSettings};
use super::late_fee::parse_late_fee;
use super::ledger_account::doubtful_debt_accounts;
use super::ledger_accounts::{parse_account, LedgerSettings};
use super::max_discount::{parse_max_discount, MAX_DISCOUNT_FIELD};
use super::own_entries::OwnEntries;
use super::percent;
use crate::customer::FieldError;
use crate::customer_audit::{audited_differences, FieldChange};
use crate::finance::advance::AdvanceSettings;
use crate::money::format_brl;
use crate::table_kind::CommercialKind;

/// What the settings form sends, as typed; the field names are the customer tab's, so one
/// message reads the same in both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanySettingsInput {
    pub credit_limit: String,
    pub daily_interest: String,
    pub late_fee: String,
    pub max_discount: String,
    pub credit_use: String,
    pub credit_order: String,
    pub ledger_prefix: String,
    pub real_ledger_prefix: String,
    pub ledger_code_width: String,
    pub expense_revenue_account: String,
    pub doubtful_debt_synthetic: String,
    pub doubtful_debt_real_synthetic: String,
    /// `"on"` when ticked.
    pub doubtful_debt_automatic: String,
    /// Billing type, currency and bearer entries (R-SALES-1), by table code.
    pub tables: BTreeMap<String, String>,
    /// `"on"` when the company works with cargo insurance (R-SALES-11).
    pub insurance_enabled: String,
    /// `"on"`: pickup orders only with the customer's allowed carriers / fleet (R-SALES-10).
    pub restricts_pickup_carriers: String,
    pub restricts_pickup_fleet: String,
    /// `"on"`: the commission table is chosen per customer.
    pub commission_per_customer: String,
    /// The price list and payment plan of new customers (R-SALES-1), by table code.
    pub own: BTreeMap<String, String>,
    /// `"on"`: the company works with customer advances (R-ADV-1), with these history codes.
    pub advances_enabled: String,
    pub advance_entry_history_code: String,
    pub advance_refund_history_code: String,
}

/// Everything the settings screen holds: the sales terms and the chart of accounts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySettings {
    pub sales: CompanySalesSettings,
    pub ledger: LedgerSettings,
    pub advances: AdvanceSettings,
}

/// Digits of the customer's code in a suggested account when the company sets none.
pub const DEFAULT_CODE_WIDTH: u8 = 5;

fn parse_code_width(typed: &str) -> Result<u8, FieldError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(DEFAULT_CODE_WIDTH);
    }
    typed
        .parse::<u8>()
        .ok()
        .filter(|width| (1..=10).contains(width) && typed.bytes().all(|b| b.is_ascii_digit()))
        .ok_or_else(|| FieldError {
            field: "ledger_code_width",
            message:
                "Informe um número de 1 a 10 (quantos dígitos tem o código do cliente na conta)."
                    .to_string(),
        })
}

/// The real synthetic must be one the numbering can extend (`1.1.01.02.00000`).
/// The start of every new customer's real account (`1.1.02.01.`): numbers and dots, as the real
/// chart's codes are.
fn parse_real_prefix(typed: &str) -> Result<Option<String>, FieldError> {
    const FIELD: &str = "real_ledger_prefix";
    let prefix = parse_account(FIELD, typed)?;
    let numbers_and_dots = |p: &String| {
        p.chars().any(|c| c.is_ascii_digit()) && p.chars().all(|c| c.is_ascii_digit() || c == '.')
    };
    if prefix.as_ref().is_some_and(|p| !numbers_and_dots(p)) {
        return Err(FieldError {
            field: FIELD,
            message: "Use números separados por pontos, como 1.1.02.01.".to_string(),
        });
    }
    Ok(prefix)
}

fn parse_real_synthetic(typed: &str) -> Result<Option<String>, FieldError> {
    const FIELD: &str = "doubtful_debt_real_synthetic";
    let account = parse_account(FIELD, typed)?;
    if let Some(account) = &account {
        doubtful_debt_accounts(Some(account), 0).map_err(|message| FieldError {
            field: FIELD,
            message,
        })?;
    }
    Ok(account)
}

fn required_choice<T>(
    field: &'static str,
    typed: &str,
    from_code: fn(&str) -> Option<T>,
) -> Result<T, FieldError> {
    from_code(typed.trim()).ok_or_else(|| FieldError {
        field,
        message: "Escolha uma opção da lista.".to_string(),
    })
}

fn ticked(value: &str) -> bool {
    matches!(value.trim(), "on" | "true")
}

fn flag(on: bool) -> String {
    if on { "on" } else { "" }.to_string()
}

fn yes_no(on: bool) -> String {
    if on { "Sim" } else { "Não" }.to_string()
}

/// The value read, or `None` with its error kept.
fn kept<T>(read: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    read.map_err(|error| errors.push(error)).ok()
}

impl CompanySettingsInput {
    pub fn parse(&self) -> Result<CompanySettings, Vec<FieldError>> {
        let sales = self.parse_sales();
        let ledger = self.parse_ledger();
        let advances = super::company_advances::parse(
            ticked(&self.advances_enabled),
            &self.advance_entry_history_code,
            &self.advance_refund_history_code,
        );
        match (sales, ledger, advances) {
            (Ok(sales), Ok(ledger), Ok(advances)) => Ok(CompanySettings {
                sales,
                ledger,
                advances,
            }),
            (sales, ledger, advances) => Err(sales
                .err()
                .unwrap_or_default()
                .into_iter()
                .chain(ledger.err().unwrap_or_default())
                .chain(advances.err().unwrap_or_default())
                .collect()),
        }
    }

    fn parse_ledger(&self) -> Result<LedgerSettings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let prefix = kept(
            parse_account("ledger_prefix", &self.ledger_prefix),
            &mut errors,
        );
        let real_prefix = kept(parse_real_prefix(&self.real_ledger_prefix), &mut errors);
        let code_width = kept(parse_code_width(&self.ledger_code_width), &mut errors);
        let expense = kept(
            parse_account("expense_revenue_account", &self.expense_revenue_account),
            &mut errors,
        );
        let synthetic = kept(
            parse_account("doubtful_debt_synthetic", &self.doubtful_debt_synthetic),
            &mut errors,
        );
        let real_synthetic = kept(
            parse_real_synthetic(&self.doubtful_debt_real_synthetic),
            &mut errors,
        );
        match (
            prefix,
            real_prefix,
            code_width,
            expense,
            synthetic,
            real_synthetic,
        ) {
            (
                Some(prefix),
                Some(real_prefix),
                Some(code_width),
                Some(expense),
                Some(synthetic),
                Some(real_synthetic),
            ) => Ok(LedgerSettings {
                prefix,
                real_prefix,
                code_width,
                expense_revenue_account: expense,
                doubtful_debt_synthetic: synthetic,
                doubtful_debt_real_synthetic: real_synthetic,
                doubtful_debt_automatic: matches!(
                    self.doubtful_debt_automatic.trim(),
                    "on" | "true"
                ),
            }),
            _ => Err(errors),
        }
    }

    fn parse_sales(&self) -> Result<CompanySalesSettings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let limit = kept(parse_credit_limit(&self.credit_limit), &mut errors);
        let interest = kept(parse_daily_interest(&self.daily_interest), &mut errors);
        let late_fee = kept(parse_late_fee(&self.late_fee), &mut errors);
        let max_discount = kept(
            parse_max_discount(MAX_DISCOUNT_FIELD, &self.max_discount),
            &mut errors,
        );
        let credit_use = kept(
            required_choice("credit_use", &self.credit_use, CreditUse::from_code),
            &mut errors,
        );
        let credit_order = kept(
            required_choice("credit_order", &self.credit_order, CreditOrder::from_code),
            &mut errors,
        );
        let tables = match CommercialRefs::parse(&self.tables) {
            Ok(chosen) => {
                // Only the tables a new customer takes from the company (R-SALES-1).
                let mut tables = CommercialRefs::default();
                for kind in CommercialKind::ALL
                    .into_iter()
                    .filter(|k| k.company_default())
                {
                    tables.set(kind, chosen.get(kind));
                }
                Some(tables)
            }
            Err(found) => {
                errors.extend(found);
                None
            }
        };
        let own = OwnEntries::parse_single(&self.own).unwrap_or_else(|found| {
            errors.extend(found);
            OwnEntries::default()
        });
        match (
            limit,
            interest,
            late_fee,
            max_discount,
            credit_use,
            credit_order,
            tables,
        ) {
            (
                Some(limit),
                Some(interest),
                Some(fee),
                Some(max),
                Some(usage),
                Some(order),
                Some(tables),
            ) => Ok(CompanySalesSettings {
                pre_approved_credit_limit: limit,
                daily_interest: interest,
                late_fee: fee,
                max_discount: max,
                credit_use: usage,
                credit_order: order,
                tables,
                insurance_enabled: ticked(&self.insurance_enabled),
                restricts_pickup_carriers: ticked(&self.restricts_pickup_carriers),
                restricts_pickup_fleet: ticked(&self.restricts_pickup_fleet),
                commission_per_customer: ticked(&self.commission_per_customer),
                own,
            }),
            _ => Err(errors),
        }
    }
}

impl CompanySettings {
    pub fn input(&self) -> CompanySettingsInput {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let ledger = &self.ledger;
        CompanySettingsInput {
            ledger_prefix: text(&ledger.prefix),
            real_ledger_prefix: text(&ledger.real_prefix),
            ledger_code_width: ledger.code_width.to_string(),
            expense_revenue_account: text(&ledger.expense_revenue_account),
            doubtful_debt_synthetic: text(&ledger.doubtful_debt_synthetic),
            doubtful_debt_real_synthetic: text(&ledger.doubtful_debt_real_synthetic),
            doubtful_debt_automatic: if ledger.doubtful_debt_automatic {
                "on"
            } else {
                ""
            }
            .to_string(),
            advances_enabled: flag(self.advances.enabled),
            advance_entry_history_code: text(&self.advances.entry_history_code),
            advance_refund_history_code: text(&self.advances.refund_history_code),
            ..self.sales.input()
        }
    }

    /// (label, shown value) of each setting, in the form's order, for its history.
    pub fn audited_fields(&self) -> Vec<(&'static str, String)> {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let ledger = &self.ledger;
        let mut fields = self.sales.audited_fields().to_vec();
        fields.extend([
            ("Prefixo da conta contábil", text(&ledger.prefix)),
            ("Prefixo da conta contábil real", text(&ledger.real_prefix)),
            ("Dígitos do código na conta", ledger.code_width.to_string()),
            (
                "Conta despesa/receita",
                text(&ledger.expense_revenue_account),
            ),
            (
                "Sintética gerencial de devedores duvidosos",
                text(&ledger.doubtful_debt_synthetic),
            ),
            (
                "Sintética real de devedores duvidosos",
                text(&ledger.doubtful_debt_real_synthetic),
            ),
            (
                "Gera contas de devedores duvidosos automaticamente",
                if ledger.doubtful_debt_automatic {
                    "Sim"
                } else {
                    "Não"
                }
                .to_string(),
            ),
        ]);
        fields.extend(super::company_advances::audited_fields(&self.advances));
        fields
    }
}

impl CompanySalesSettings {
    fn input(&self) -> CompanySettingsInput {
        let percent = |value: Option<_>| value.map(percent::format_plain).unwrap_or_default();
        CompanySettingsInput {
            credit_limit: self
                .pre_approved_credit_limit
                .map(crate::money::format_plain)
                .unwrap_or_default(),
            daily_interest: percent(self.daily_interest),
            late_fee: percent(self.late_fee),
            max_discount: percent(self.max_discount),
            credit_use: self.credit_use.code().to_string(),
            credit_order: self.credit_order.code().to_string(),
            tables: self.tables.input(),
            insurance_enabled: flag(self.insurance_enabled),
            restricts_pickup_carriers: flag(self.restricts_pickup_carriers),
            restricts_pickup_fleet: flag(self.restricts_pickup_fleet),
            commission_per_customer: flag(self.commission_per_customer),
            own: self.own.single_input(),
            ..Default::default()
        }
    }

    /// (label, shown value) of each setting, in the form's order, for its history.
    pub fn audited_fields(&self) -> [(&'static str, String); 10] {
        let percent = |value: Option<_>| value.map(percent::format).unwrap_or_default();
        [
            (
                "Limite de crédito pré-aprovado",
                self.pre_approved_credit_limit
                    .map(format_brl)
                    .unwrap_or_default(),
            ),
            ("Juros diários", percent(self.daily_interest)),
            ("Multa", percent(self.late_fee)),
            ("Desconto máximo", percent(self.max_discount)),
            ("Uso do crédito", self.credit_use.label().to_string()),
            (
                "Ordem de aplicação do crédito",
                self.credit_order.label().to_string(),
            ),
            ("Trabalha com seguro", yes_no(self.insurance_enabled)),
            (
                "Restringe transportadoras em pedidos retira",
                yes_no(self.restricts_pickup_carriers),
            ),
            (
                "Restringe frotas em pedidos retira",
                yes_no(self.restricts_pickup_fleet),
            ),
            ("Comissão por cliente", yes_no(self.commission_per_customer)),
        ]
    }
}

/// The audited differences between two states of the settings.
pub fn settings_changes(before: &CompanySettings, after: &CompanySettings) -> Vec<FieldChange> {
    audited_differences(before.audited_fields(), after.audited_fields())
}

#[cfg(test)]
#[path = "company_settings_tests.rs"]
mod tests;
