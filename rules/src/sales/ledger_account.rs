//! R-SALES-12: the customer's ledger accounts. The suggested account is the company's fixed
//! prefix followed by the customer's code, zero-padded to the width the company's chart uses
//! (prefix `1.1.02.01.` and width 5 make customer 42's account `1.1.02.01.00042`). The
//! doubtful-debt account is created under the configured synthetic account with the next
//! sequence: managerial `DD` + five digits (`DD00005`) and, when the managerial synthetic is
//! linked to a real one, the real synthetic with its last segment of zeros replaced by the same
//! sequence (`1.1.01.02.00000` → `1.1.01.02.00005`).
//!
//! The database hands out the sequence atomically (no two customers get one number); these
//! functions only format it and refuse what would not fit, rather than write a longer code
//! that breaks the chart's structure.

use serde::{Deserialize, Serialize};

/// The managerial doubtful-debt account's fixed start.
pub const DOUBTFUL_DEBT_PREFIX: &str = "DD";
/// Digits of the managerial doubtful-debt sequence (`DD00005`).
pub const DOUBTFUL_DEBT_DIGITS: usize = 5;

/// `prefix` + the customer's code padded with zeros to `code_width` digits.
pub fn suggested_account(
    prefix: &str,
    customer_code: i64,
    code_width: usize,
) -> Result<String, String> {
    if customer_code <= 0 {
        return Err("O código do cliente deve ser maior que zero.".to_string());
    }
    let code = customer_code.to_string();
    if code.len() > code_width {
        return Err(format!(
            "O código do cliente ({code}) não cabe nos {code_width} dígitos da conta contábil."
        ));
    }
    Ok(format!("{}{code:0>code_width$}", prefix.trim()))
}

/// The accounts created for one customer's doubtful debts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DoubtfulDebtAccounts {
    pub sequence: u64,
    pub managerial: String,
    /// `None` when the managerial synthetic account is not linked to a real one.
    pub real: Option<String>,
}

/// The accounts for the sequence after `last_used`, under `real_synthetic` when there is one.
pub fn doubtful_debt_accounts(
    real_synthetic: Option<&str>,
    last_used: u64,
) -> Result<DoubtfulDebtAccounts, String> {
    let sequence = last_used
        .checked_add(1)
        .filter(|next| fits(*next, DOUBTFUL_DEBT_DIGITS))
        .ok_or_else(|| exhausted(DOUBTFUL_DEBT_DIGITS))?;
    let real = match real_synthetic {
        Some(synthetic) => Some(real_account(synthetic, sequence)?),
        None => None,
    };
    Ok(DoubtfulDebtAccounts {
        sequence,
        managerial: format!(
            "{DOUBTFUL_DEBT_PREFIX}{sequence:0>width$}",
            width = DOUBTFUL_DEBT_DIGITS
        ),
        real,
    })
}

/// `1.1.01.02.00000` with `sequence` in its last segment.
fn real_account(synthetic: &str, sequence: u64) -> Result<String, String> {
    let synthetic = synthetic.trim();
    let (parent, zeros) = synthetic
        .rsplit_once('.')
        .filter(|(parent, zeros)| {
            !parent.is_empty() && !zeros.is_empty() && zeros.bytes().all(|b| b == b'0')
        })
        .ok_or_else(|| {
            format!(
                "A conta real sintética de devedores duvidosos ({synthetic}) deve terminar em \
                 um grupo de zeros, como 1.1.01.02.00000."
            )
        })?;
    let width = zeros.len();
    if !fits(sequence, width) {
        return Err(exhausted(width));
    }
    Ok(format!("{parent}.{sequence:0>width$}"))
}

fn fits(sequence: u64, digits: usize) -> bool {
    sequence.to_string().len() <= digits
}

fn exhausted(digits: usize) -> String {
    format!(
        "As contas de devedores duvidosos se esgotaram: a sequência não cabe em {digits} dígitos."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn r_sales_12_the_fifth_doubtful_debt_account_is_dd00005_and_1_1_01_02_00005() {
        let accounts = doubtful_debt_accounts(Some("1.1.01.02.00000"), 4).unwrap();
        assert_eq!(
            accounts,
            DoubtfulDebtAccounts {
                sequence: 5,
                managerial: "DD00005".to_string(),
                real: Some("1.1.01.02.00005".to_string()),
            }
        );
    }

    #[test]
    fn r_sales_12_without_a_linked_real_synthetic_only_the_managerial_is_created() {
        let accounts = doubtful_debt_accounts(None, 0).unwrap();
        assert_eq!(accounts.managerial, "DD00001");
        assert_eq!(accounts.real, None);
    }

    #[test]
    fn r_sales_12_a_sequence_that_overflows_its_digits_is_refused() {
        assert_eq!(
            doubtful_debt_accounts(None, 99_998).unwrap().managerial,
            "DD99999"
        );
        assert!(doubtful_debt_accounts(None, 99_999).is_err());
        assert!(doubtful_debt_accounts(None, u64::MAX).is_err());
        // A real segment shorter than the managerial one runs out first.
        assert_eq!(
            doubtful_debt_accounts(Some("1.1.01.02.000"), 999).unwrap_err(),
            "As contas de devedores duvidosos se esgotaram: a sequência não cabe em 3 dígitos."
        );
        assert_eq!(
            doubtful_debt_accounts(Some("1.1.01.02.000"), 998)
                .unwrap()
                .real
                .as_deref(),
            Some("1.1.01.02.999")
        );
    }

    #[test]
    fn r_sales_12_a_real_synthetic_must_end_in_a_segment_of_zeros() {
        for bad in ["1.1.01.02.00010", "1101020000", "1.1.01.02.", ".00000", ""] {
            assert!(doubtful_debt_accounts(Some(bad), 4).is_err(), "{bad}");
        }
    }

    #[test]
    fn r_sales_12_the_suggested_account_is_the_prefix_and_the_padded_customer_code() {
        assert_eq!(
            suggested_account("1.1.02.01.", 42, 5),
            Ok("1.1.02.01.00042".to_string())
        );
        assert_eq!(suggested_account("C", 7, 6), Ok("C000007".to_string()));
        assert_eq!(suggested_account("", 12345, 5), Ok("12345".to_string()));
        assert_eq!(
            suggested_account("1.1.02.01.", 123_456, 5).unwrap_err(),
            "O código do cliente (123456) não cabe nos 5 dígitos da conta contábil."
        );
        assert!(suggested_account("C", 0, 5).is_err());
        assert!(suggested_account("C", -3, 5).is_err());
    }

    proptest! {
        #[test]
        fn r_sales_12_managerial_and_real_share_the_next_sequence(last in 0u64..99_999) {
            let accounts = doubtful_debt_accounts(Some("1.1.01.02.00000"), last).unwrap();
            prop_assert_eq!(accounts.sequence, last + 1);
            let digits = &accounts.managerial[2..];
            prop_assert_eq!(digits.len(), 5);
            prop_assert_eq!(digits.parse::<u64>().unwrap(), last + 1);
            prop_assert_eq!(accounts.real.unwrap(), format!("1.1.01.02.{digits}"));
        }

        #[test]
        fn r_sales_12_a_suggested_account_reads_back_the_customer_code(code in 1i64..100_000) {
            let account = suggested_account("3.", code, 5).unwrap();
            prop_assert_eq!(account.len(), 7);
            prop_assert_eq!(account[2..].parse::<i64>().unwrap(), code);
        }
    }
}
