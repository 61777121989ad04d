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
    if chart == LedgerChart::Real
        && !code
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err("Conta real: números separados por pontos, como 1.1.01.02.00005.".into());
    }
    Ok(code)
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

/// An account held by customers, by the company's settings or by the managerial accounts
/// linked to it stays: refuse, saying where to look.
pub fn deletion_refusal(uses: i64) -> Option<String> {
    (uses > 0).then(|| {
        format!(
            "Não pode ser excluída: a conta está em uso ({uses} {}: contas de clientes, configurações da empresa ou contas gerenciais vinculadas). Desative-a.",
            if uses == 1 { "uso" } else { "usos" }
        )
    })
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
    fn r_sales_12_an_account_in_use_is_not_deleted() {
        assert_eq!(deletion_refusal(0), None);
        assert!(deletion_refusal(1).unwrap().contains("(1 uso:"));
        assert!(deletion_refusal(3).unwrap().contains("(3 usos:"));
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
