//! The company's chart of accounts under "Tabelas" (seed 003, R-SALES-12): what an account's
//! code may be in each chart, and how the chart constrains the accounts that point into it —
//! a managerial account's linked real account, the company's doubtful-debt synthetics and the
//! customer's own accounts. The store looks the codes up; these functions decide.

use super::ledger_accounts::parse_account;
use crate::table_kind::LedgerChart;

/// What the chart holds under one code: `None` when no account has it.
pub type Found = Option<AccountNature>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountNature {
    /// Groups other accounts; takes no entries.
    Synthetic,
    /// Takes entries.
    Analytic,
}

impl AccountNature {
    pub fn from_synthetic(synthetic: bool) -> Self {
        if synthetic {
            AccountNature::Synthetic
        } else {
            AccountNature::Analytic
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AccountNature::Synthetic => "Sintética",
            AccountNature::Analytic => "Analítica",
        }
    }
}

/// An account's code as typed, in `chart`: required; the real chart's codes are numbers
/// separated by dots (`1.1.01.02.00005`), the managerial chart's those of any customer
/// account (letters, digits, dots and dashes: `0100053`, `DD00005`, `0101.00042`).
pub fn parse_code(chart: LedgerChart, typed: &str) -> Result<String, String> {
    let code = parse_account("code", typed)
        .map_err(|e| e.message)?
        .ok_or_else(|| "Informe o código da conta.".to_string())?;
    if chart == LedgerChart::Real && !is_real_code(&code) {
        return Err(REAL_CODE_MESSAGE.into());
    }
    Ok(code)
}

pub const REAL_CODE_MESSAGE: &str =
    "Conta real: números separados por pontos, como 1.1.01.02.00005.";

/// The real chart's codes are numbers separated by dots.
pub fn is_real_code(code: &str) -> bool {
    code.split('.')
        .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}

/// A managerial account linked to the real account `code`: it must exist in the real chart
/// and be of the same nature (a synthetic groups under a synthetic).
pub fn link_refusal(nature: AccountNature, code: &str, real: Found) -> Option<String> {
    match real {
        None => Some(format!(
            "A conta {code} não está em Contas contábeis reais desta empresa."
        )),
        Some(found) if found != nature => Some(format!(
            "A conta real {code} é {}: vincule uma conta {}.",
            found.label().to_lowercase(),
            nature.label().to_lowercase()
        )),
        Some(_) => None,
    }
}

/// The company's doubtful-debt synthetic `code` of `chart` (its settings): a synthetic
/// account of that chart, since the customers' doubtful-debt accounts are created under it.
pub fn synthetic_refusal(chart: LedgerChart, code: &str, found: Found) -> Option<String> {
    match found {
        None => Some(format!(
            "A conta {code} não está em {}: inclua-a lá como sintética.",
            chart.title()
        )),
        Some(AccountNature::Analytic) => Some(format!(
            "A conta {code} é analítica: informe uma conta sintética."
        )),
        Some(AccountNature::Synthetic) => None,
    }
}

/// A customer's account `code`: a synthetic account takes no entries, so it is nobody's
/// account. A code the chart does not hold yet is the customer's own (R-SALES-12 suggests it
/// from the prefix and the customer's code).
pub fn customer_account_refusal(code: &str, found: Found) -> Option<String> {
    (found == Some(AccountNature::Synthetic))
        .then(|| format!("A conta {code} é sintética: informe a conta analítica do cliente."))
}

/// What holds a chart account: customers' accounts, its company's settings, managerial
/// accounts linked to it (a real one).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Uses {
    pub customers: i64,
    pub settings: i64,
    pub links: i64,
}

/// An account something holds stays: refuse, naming what holds it.
pub fn deletion_refusal(uses: Uses) -> Option<String> {
    let mut holders = Vec::new();
    match uses.customers {
        0 => {}
        1 => holders.push("1 cliente".to_string()),
        n => holders.push(format!("{n} clientes")),
    }
    if uses.settings > 0 {
        holders.push("configurações da empresa".to_string());
    }
    match uses.links {
        0 => {}
        1 => holders.push("1 conta gerencial vinculada".to_string()),
        n => holders.push(format!("{n} contas gerenciais vinculadas")),
    }
    let last = holders.pop()?;
    let named = if holders.is_empty() {
        last
    } else {
        format!("{} e {last}", holders.join(", "))
    };
    Some(format!(
        "Não pode ser excluída, está em uso: {named}. Desative-a."
    ))
}

/// The description of an account created for a customer: its name, cut to what the chart's
/// descriptions hold (60 characters).
pub fn customer_account_description(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(60)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use AccountNature::{Analytic, Synthetic};

    #[test]
    fn r_sales_12_real_codes_are_dotted_numbers_managerial_ones_any_account_code() {
        assert_eq!(
            parse_code(LedgerChart::Real, " 1.1.01.02.00000 ").as_deref(),
            Ok("1.1.01.02.00000")
        );
        assert!(parse_code(LedgerChart::Real, "1.1..02").is_err());
        assert!(parse_code(LedgerChart::Real, "DD00005").is_err());
        assert!(parse_code(LedgerChart::Real, "1.1.").is_err());
        assert_eq!(
            parse_code(LedgerChart::Managerial, "dd00005").as_deref(),
            Ok("DD00005")
        );
        assert_eq!(
            parse_code(LedgerChart::Managerial, "").unwrap_err(),
            "Informe o código da conta."
        );
        assert!(parse_code(LedgerChart::Managerial, "01/53").is_err());
        assert!(parse_code(LedgerChart::Managerial, &"9".repeat(31)).is_err());
    }

    #[test]
    fn r_sales_12_a_link_names_a_real_account_of_the_same_nature() {
        assert_eq!(
            link_refusal(Synthetic, "1.1.01.02.00000", Some(Synthetic)),
            None
        );
        assert_eq!(
            link_refusal(Analytic, "1.1.01.02.00005", Some(Analytic)),
            None
        );
        assert!(link_refusal(Synthetic, "1.1.01.02.00005", Some(Analytic))
            .unwrap()
            .contains("é analítica: vincule uma conta sintética"));
        assert!(link_refusal(Synthetic, "9.9", None)
            .unwrap()
            .contains("não está em Contas contábeis reais"));
    }

    #[test]
    fn r_sales_12_the_doubtful_debt_synthetics_are_synthetic_accounts_of_their_chart() {
        assert_eq!(
            synthetic_refusal(LedgerChart::Managerial, "0100053", Some(Synthetic)),
            None
        );
        assert!(
            synthetic_refusal(LedgerChart::Managerial, "DD00001", Some(Analytic))
                .unwrap()
                .contains("é analítica")
        );
        assert!(synthetic_refusal(LedgerChart::Real, "1.9", None)
            .unwrap()
            .contains("não está em Contas contábeis reais"));
    }

    #[test]
    fn r_sales_12_a_customer_account_is_never_a_synthetic_one() {
        assert!(customer_account_refusal("0101", Some(Synthetic)).is_some());
        assert_eq!(customer_account_refusal("0101.00042", Some(Analytic)), None);
        assert_eq!(customer_account_refusal("0101.00042", None), None);
    }

    #[test]
    fn r_sales_12_an_account_in_use_is_not_deleted_and_the_refusal_names_what_holds_it() {
        assert_eq!(deletion_refusal(Uses::default()), None);
        let settings = Uses {
            settings: 1,
            ..Uses::default()
        };
        assert_eq!(
            deletion_refusal(settings).unwrap(),
            "Não pode ser excluída, está em uso: configurações da empresa. Desative-a."
        );
        let all = Uses {
            customers: 3,
            settings: 1,
            links: 1,
        };
        assert!(deletion_refusal(all).unwrap().contains(
            "em uso: 3 clientes, configurações da empresa e 1 conta gerencial vinculada."
        ));
    }

    #[test]
    fn an_account_created_for_a_customer_is_named_after_it_within_60_characters() {
        assert_eq!(
            customer_account_description("  Posto   Zanella  Ltda "),
            "Posto Zanella Ltda"
        );
        assert_eq!(
            customer_account_description(&"Á".repeat(80))
                .chars()
                .count(),
            60
        );
    }
}
