//! The record's "Contas contábeis" tab (seed 003): the customer's ledger accounts in one
//! company, suggested from the company's settings (R-SALES-12), changed only by who may modify
//! ledger accounts (R-PERM-1), and the doubtful-debt accounts the company's sequence hands out.

use serde::{Deserialize, Serialize};

use super::ledger_account::suggested_account;
use crate::customer::FieldError;
use crate::customer_audit::{audited_differences, FieldChange};

/// Longest account code a chart of accounts uses here (`1.1.01.02.00005` is 15).
pub const MAX_ACCOUNT_LENGTH: usize = 30;

/// The company's chart settings the accounts are suggested and numbered from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerSettings {
    /// Managerial account prefix (`0101.`); the customer's code follows it.
    pub prefix: Option<String>,
    /// Real (fiscal chart) account prefix (`1.1.02.01.`).
    pub real_prefix: Option<String>,
    /// Digits of the customer's code in the account (`5`: customer 42 is `00042`).
    pub code_width: u8,
    /// The expense/revenue account every customer starts with (seed: "Desp. Fornec.").
    pub expense_revenue_account: Option<String>,
    /// The managerial synthetic account the doubtful-debt accounts hang under (`0100053`).
    pub doubtful_debt_synthetic: Option<String>,
    /// The real synthetic linked to it (`1.1.01.02.00000`), if any.
    pub doubtful_debt_real_synthetic: Option<String>,
    /// Whether the doubtful-debt process creates the accounts by itself.
    pub doubtful_debt_automatic: bool,
}

/// A customer's accounts in one company; `None` is "none".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerAccounts {
    pub ledger_account: Option<String>,
    pub real_ledger_account: Option<String>,
    pub expense_revenue_account: Option<String>,
    /// Created by the doubtful-debt numbering only, never typed.
    pub doubtful_debt_account: Option<String>,
    pub doubtful_debt_real_account: Option<String>,
}

/// What the tab's form sends: the three accounts a user may type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LedgerAccountsInput {
    pub ledger_account: String,
    pub real_ledger_account: String,
    pub expense_revenue_account: String,
}

/// An account code as typed: upper case, no spaces; digits, letters, dots and dashes.
pub fn parse_account(field: &'static str, typed: &str) -> Result<Option<String>, FieldError> {
    let code: String = typed.split_whitespace().collect::<String>().to_uppercase();
    if code.is_empty() {
        return Ok(None);
    }
    let error = |message: &str| FieldError {
        field,
        message: message.to_string(),
    };
    if code.chars().count() > MAX_ACCOUNT_LENGTH {
        return Err(error("Use no máximo 30 caracteres."));
    }
    if !code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
    {
        return Err(error(
            "Use só letras, números, ponto e hífen, como 1.1.02.01.00042.",
        ));
    }
    Ok(Some(code))
}

impl LedgerAccountsInput {
    /// The typed accounts over `stored`: the doubtful-debt accounts are kept as they are.
    pub fn parse(&self, stored: &LedgerAccounts) -> Result<LedgerAccounts, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut read = |field: &'static str, typed: &str| {
            parse_account(field, typed).unwrap_or_else(|error| {
                errors.push(error);
                None
            })
        };
        let ledger_account = read("ledger_account", &self.ledger_account);
        let real_ledger_account = read("real_ledger_account", &self.real_ledger_account);
        let expense_revenue_account =
            read("expense_revenue_account", &self.expense_revenue_account);
        // The real chart's codes are numbers separated by dots.
        if real_ledger_account
            .as_deref()
            .is_some_and(|code| !super::ledger_chart::is_real_code(code))
        {
            errors.push(FieldError {
                field: "real_ledger_account",
                message: super::ledger_chart::REAL_CODE_MESSAGE.to_string(),
            });
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(LedgerAccounts {
            ledger_account,
            real_ledger_account,
            expense_revenue_account,
            ..stored.clone()
        })
    }
}

impl LedgerAccounts {
    /// R-SALES-12: a customer's accounts where the company has its chart set; an account whose
    /// code would not fit the chart's width is left for the user to type.
    pub fn suggested(settings: &LedgerSettings, customer_code: i64) -> Self {
        let width = usize::from(settings.code_width.max(1));
        let account = |prefix: &Option<String>| {
            prefix
                .as_deref()
                .and_then(|prefix| suggested_account(prefix, customer_code, width).ok())
        };
        LedgerAccounts {
            ledger_account: account(&settings.prefix),
            real_ledger_account: account(&settings.real_prefix),
            expense_revenue_account: settings.expense_revenue_account.clone(),
            doubtful_debt_account: None,
            doubtful_debt_real_account: None,
        }
    }

    pub fn input(&self) -> LedgerAccountsInput {
        LedgerAccountsInput {
            ledger_account: self.ledger_account.clone().unwrap_or_default(),
            real_ledger_account: self.real_ledger_account.clone().unwrap_or_default(),
            expense_revenue_account: self.expense_revenue_account.clone().unwrap_or_default(),
        }
    }

    /// (history label, value) of each account, in the tab's order.
    pub fn audited_fields(&self) -> [(&'static str, String); 5] {
        let shown = |value: &Option<String>| value.clone().unwrap_or_default();
        [
            ("Conta contábil", shown(&self.ledger_account)),
            ("Conta contábil real", shown(&self.real_ledger_account)),
            (
                "Conta despesa/receita",
                shown(&self.expense_revenue_account),
            ),
            (
                "Conta devedores duvidosos",
                shown(&self.doubtful_debt_account),
            ),
            (
                "Conta real devedores duvidosos",
                shown(&self.doubtful_debt_real_account),
            ),
        ]
    }
}

/// The audited differences between two states of the accounts.
pub fn ledger_changes(before: &LedgerAccounts, after: &LedgerAccounts) -> Vec<FieldChange> {
    audited_differences(
        before.audited_fields().to_vec(),
        after.audited_fields().to_vec(),
    )
}

/// Whether a history row is one of this tab's: per company (R-COMPANY-1, R-COMPANY-3).
pub fn is_field_label(label: &str) -> bool {
    LedgerAccounts::default()
        .audited_fields()
        .iter()
        .any(|(field, _)| *field == label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_sales_12_the_customers_real_account_is_a_real_charts_code() {
        let input = LedgerAccountsInput {
            real_ledger_account: "DD1".into(),
            ..LedgerAccountsInput::default()
        };
        let errors = input.parse(&LedgerAccounts::default()).unwrap_err();
        assert_eq!(errors[0].field, "real_ledger_account");
        assert!(errors[0].message.contains("números separados por pontos"));
        let fine = LedgerAccountsInput {
            real_ledger_account: "1.1.02.01.00042".into(),
            ..LedgerAccountsInput::default()
        };
        assert!(fine.parse(&LedgerAccounts::default()).is_ok());
    }

    fn settings() -> LedgerSettings {
        LedgerSettings {
            prefix: Some("0101.".into()),
            real_prefix: Some("1.1.02.01.".into()),
            code_width: 5,
            expense_revenue_account: Some("3.1.01.001".into()),
            doubtful_debt_synthetic: Some("0100053".into()),
            doubtful_debt_real_synthetic: Some("1.1.01.02.00000".into()),
            doubtful_debt_automatic: false,
        }
    }

    #[test]
    fn r_sales_12_the_accounts_are_suggested_from_the_company_prefix_and_the_customer_code() {
        let suggested = LedgerAccounts::suggested(&settings(), 42);
        assert_eq!(suggested.ledger_account.as_deref(), Some("0101.00042"));
        assert_eq!(
            suggested.real_ledger_account.as_deref(),
            Some("1.1.02.01.00042")
        );
        assert_eq!(
            suggested.expense_revenue_account.as_deref(),
            Some("3.1.01.001")
        );
        assert_eq!(suggested.doubtful_debt_account, None);
    }

    #[test]
    fn r_sales_12_without_a_prefix_or_when_the_code_does_not_fit_nothing_is_suggested() {
        let none = LedgerAccounts::suggested(&LedgerSettings::default(), 42);
        assert_eq!(none, LedgerAccounts::default());
        let too_long = LedgerAccounts::suggested(&settings(), 1_234_567);
        assert_eq!(too_long.ledger_account, None);
        assert_eq!(
            too_long.expense_revenue_account.as_deref(),
            Some("3.1.01.001")
        );
    }

    #[test]
    fn typed_accounts_are_tidied_and_odd_characters_refused() {
        assert_eq!(
            parse_account("ledger_account", " 1.1.02.01.00042 "),
            Ok(Some("1.1.02.01.00042".into()))
        );
        assert_eq!(
            parse_account("ledger_account", "dd 00005"),
            Ok(Some("DD00005".into()))
        );
        assert_eq!(parse_account("ledger_account", ""), Ok(None));
        assert!(parse_account("ledger_account", "1.1/02").is_err());
        assert!(parse_account("ledger_account", &"1".repeat(31)).is_err());
    }

    #[test]
    fn the_form_never_touches_the_doubtful_debt_accounts() {
        let stored = LedgerAccounts {
            doubtful_debt_account: Some("DD00005".into()),
            doubtful_debt_real_account: Some("1.1.01.02.00005".into()),
            ..LedgerAccounts::suggested(&settings(), 42)
        };
        let input = LedgerAccountsInput {
            ledger_account: "0101.00099".into(),
            ..stored.input()
        };
        let after = input.parse(&stored).unwrap();
        assert_eq!(after.doubtful_debt_account.as_deref(), Some("DD00005"));
        let found = ledger_changes(&stored, &after);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].field, "Conta contábil");
        assert_eq!(found[0].new_value, "0101.00099");
        assert!(is_field_label("Conta real devedores duvidosos"));
        assert!(!is_field_label("Limite de crédito"));
    }
}
