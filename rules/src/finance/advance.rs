//! Customer advances (R-ADV-1..2): money received before the sale, kept as a balance the
//! customer may use to settle receivables or take back. The balance is the value registered
//! minus the settlements it paid and the refunds; a settlement reversed is left out of the
//! list (its money is back in the advance). The balance never goes below zero: neither a
//! settlement nor a refund may take more than it holds.
//!
//! Settling with an advance takes the receivables in the order the user gave them and fills
//! each in turn (partial allowed), never beyond the advance's balance nor a receivable's
//! balance — the ascending walk of `sales::credit_application` with the given order as the
//! due order. It draws principal only: no interest or late fee is charged on what an advance
//! pays (the money was already with the company).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::day::Day;
use super::settlement::{check_cents, check_settleable, refusal, Settlement, SettlementMeans};
use super::status::ReceivableFacts;
use crate::customer::FieldError;
use crate::money::format_brl;
use crate::sales::credit_application::{apply_credit, Installment};
use crate::sales::credit_use::CreditOrder;

pub const VALUE_FIELD: &str = "value";
pub const AMOUNT_FIELD: &str = "amount";
pub const RECEIVABLES_FIELD: &str = "receivables";

/// R-ADV-1: the company's advance settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdvanceSettings {
    pub enabled: bool,
    /// History code of advance entries.
    pub entry_history_code: Option<String>,
    /// History code of refunds.
    pub refund_history_code: Option<String>,
}

/// R-ADV-1..2: an advance may be registered when the company works with advances and has the
/// entry history code, for a value above zero in centavos.
pub fn check_registration(settings: &AdvanceSettings, value: Decimal) -> Result<(), FieldError> {
    check_enabled(settings)?;
    if blank(&settings.entry_history_code) {
        return Err(refusal(
            VALUE_FIELD,
            "Configure o código de histórico de entrada de adiantamentos da empresa.",
        ));
    }
    check_cents(VALUE_FIELD, value)?;
    if value <= Decimal::ZERO {
        return Err(refusal(
            VALUE_FIELD,
            "Informe o valor do adiantamento, maior que zero.",
        ));
    }
    Ok(())
}

/// R-ADV-2: what is left of an advance of `value` after the settlements it paid and the
/// refunds made of it.
pub fn balance(value: Decimal, settled: &[Decimal], refunded: &[Decimal]) -> Decimal {
    value - settled.iter().sum::<Decimal>() - refunded.iter().sum::<Decimal>()
}

/// R-ADV-2: what using an advance did: the advance's balance after, and how many of the
/// receivables chosen it paid something of (`split` fills the first one first, so a last one
/// may get nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdvanceUse {
    pub balance: Decimal,
    pub settled: usize,
}

impl AdvanceUse {
    /// The message once an advance's use is stored, e.g. "1 título baixado com o adiantamento
    /// nº 483; saldo do adiantamento: R$ 300,00."
    pub fn summary(&self, advance_id: i64) -> String {
        format!(
            "{} com o adiantamento nº {advance_id}; saldo do adiantamento: {}.",
            crate::display::count_of(self.settled as i64, "título baixado", "títulos baixados"),
            format_brl(self.balance)
        )
    }
}

/// R-ADV-2: how much of the advance settles each receivable, in the order given. `amount`
/// is what the user chose to use; `None` uses as much as the advance and the receivables
/// allow. Refused: an advance without balance, a cancelled or received receivable among those
/// chosen, an amount above the advance's balance or above what the receivables owe.
pub fn split<D>(
    advance_balance: Decimal,
    amount: Option<Decimal>,
    receivables: &[ReceivableFacts<D>],
) -> Result<Vec<Decimal>, FieldError> {
    if advance_balance <= Decimal::ZERO {
        return Err(refusal(AMOUNT_FIELD, "Este adiantamento não tem saldo."));
    }
    if receivables.is_empty() {
        return Err(refusal(RECEIVABLES_FIELD, "Escolha os títulos a baixar."));
    }
    for receivable in receivables {
        check_settleable(receivable).map_err(|e| refusal(RECEIVABLES_FIELD, e.message))?;
    }
    let owed: Decimal = receivables.iter().map(|r| r.balance).sum();
    let amount = match amount {
        None => advance_balance.min(owed),
        Some(amount) => {
            check_amount(amount)?;
            if amount > advance_balance {
                return Err(refusal(
                    AMOUNT_FIELD,
                    format!(
                        "O valor ({}) é maior que o saldo do adiantamento ({}).",
                        format_brl(amount),
                        format_brl(advance_balance)
                    ),
                ));
            }
            if amount > owed {
                return Err(refusal(
                    AMOUNT_FIELD,
                    format!(
                        "O valor ({}) é maior que o saldo dos títulos escolhidos ({}).",
                        format_brl(amount),
                        format_brl(owed)
                    ),
                ));
            }
            amount
        }
    };
    // The order given is the due order of the ascending walk.
    let installments: Vec<Installment<usize>> = receivables
        .iter()
        .enumerate()
        .map(|(due, r)| Installment {
            due,
            open: r.balance,
        })
        .collect();
    Ok(apply_credit(amount, &installments, CreditOrder::Ascending))
}

/// The settlement recording `principal` of a receivable paid by an advance on `paid_on`.
pub fn settlement(principal: Decimal, paid_on: Day) -> Settlement {
    Settlement {
        paid_on,
        means: SettlementMeans::Advance,
        principal,
        days_late: 0,
        interest: Decimal::ZERO,
        late_fee: Decimal::ZERO,
        discount: Decimal::ZERO,
    }
}

/// What the user is asked before a refund of `amount` (`None`: all of `balance`) of advance
/// nº `advance_id` is sent: money leaves the company.
pub fn refund_question(advance_id: i64, balance: Decimal, amount: Option<Decimal>) -> String {
    match amount {
        Some(amount) => format!(
            "Devolver {} do adiantamento nº {advance_id} ao cliente?",
            format_brl(amount)
        ),
        None => format!(
            "Devolver todo o saldo do adiantamento nº {advance_id} ({}) ao cliente?",
            format_brl(balance)
        ),
    }
}

/// R-ADV-2: refunds `amount` of an advance holding `balance`; `None` refunds all that is left.
/// Returns the balance after the refund. Needs the company's refund history code (R-ADV-1).
pub fn refund(
    settings: &AdvanceSettings,
    balance: Decimal,
    amount: Option<Decimal>,
) -> Result<Decimal, FieldError> {
    check_enabled(settings)?;
    if blank(&settings.refund_history_code) {
        return Err(refusal(
            AMOUNT_FIELD,
            "Configure o código de histórico de devolução de adiantamentos da empresa.",
        ));
    }
    if balance <= Decimal::ZERO {
        return Err(refusal(
            AMOUNT_FIELD,
            "Este adiantamento não tem saldo a devolver.",
        ));
    }
    let amount = amount.unwrap_or(balance);
    check_amount(amount)?;
    if amount > balance {
        return Err(refusal(
            AMOUNT_FIELD,
            format!(
                "A devolução ({}) é maior que o saldo do adiantamento ({}).",
                format_brl(amount),
                format_brl(balance)
            ),
        ));
    }
    Ok(balance - amount)
}

fn check_enabled(settings: &AdvanceSettings) -> Result<(), FieldError> {
    if settings.enabled {
        Ok(())
    } else {
        Err(refusal(
            VALUE_FIELD,
            "Esta empresa não trabalha com adiantamento de clientes.",
        ))
    }
}

fn check_amount(amount: Decimal) -> Result<(), FieldError> {
    check_cents(AMOUNT_FIELD, amount)?;
    if amount <= Decimal::ZERO {
        return Err(refusal(AMOUNT_FIELD, "Informe um valor maior que zero."));
    }
    Ok(())
}

fn blank(code: &Option<String>) -> bool {
    code.as_deref().is_none_or(|c| c.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::day::day;
    use crate::finance::settlement::balance_after;
    use crate::finance::test_values::*;
    use proptest::prelude::*;

    fn settings() -> AdvanceSettings {
        AdvanceSettings {
            enabled: true,
            entry_history_code: Some("120".to_string()),
            refund_history_code: Some("121".to_string()),
        }
    }

    fn receivables(balances: &[&str]) -> Vec<ReceivableFacts<Day>> {
        balances
            .iter()
            .map(|b| ReceivableFacts::new(day("2026-03-10"), d(b)))
            .collect()
    }

    fn amounts(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| d(v)).collect()
    }

    #[test]
    fn r_adv_1_advances_need_the_company_enabled_and_its_history_codes() {
        assert!(check_registration(&settings(), d("1234.56")).is_ok());
        let off = AdvanceSettings {
            enabled: false,
            ..settings()
        };
        assert_eq!(
            check_registration(&off, d("1234.56")).unwrap_err().message,
            "Esta empresa não trabalha com adiantamento de clientes."
        );
        let no_entry_code = AdvanceSettings {
            entry_history_code: Some(" ".to_string()),
            ..settings()
        };
        assert!(check_registration(&no_entry_code, d("10")).is_err());
        let no_refund_code = AdvanceSettings {
            refund_history_code: None,
            ..settings()
        };
        assert!(check_registration(&no_refund_code, d("10")).is_ok());
        assert!(refund(&no_refund_code, d("10"), None).is_err());
    }

    #[test]
    fn r_adv_2_an_advance_is_registered_for_a_value_above_zero_in_centavos() {
        assert_eq!(
            check_registration(&settings(), d("0")).unwrap_err().field,
            VALUE_FIELD
        );
        assert!(check_registration(&settings(), d("-5")).is_err());
        assert!(check_registration(&settings(), d("10.001")).is_err());
    }

    #[test]
    fn r_adv_2_the_balance_is_the_value_less_settlements_and_refunds() {
        assert_eq!(
            balance(
                d("5000.00"),
                &amounts(&["1234.56", "765.44"]),
                &amounts(&["500.00"])
            ),
            d("2500.00")
        );
        assert_eq!(balance(d("5000.00"), &[], &[]), d("5000.00"));
    }

    #[test]
    fn r_adv_2_settling_fills_the_receivables_in_the_order_given() {
        let rows = receivables(&["1234.56", "800.00", "300.00"]);
        assert_eq!(
            split(d("1500.00"), None, &rows).unwrap(),
            amounts(&["1234.56", "265.44", "0"])
        );
        // The user may use less than the balance; the last one touched is settled in part.
        assert_eq!(
            split(d("1500.00"), Some(d("1000.00")), &rows).unwrap(),
            amounts(&["1000.00", "0", "0"])
        );
        // A large advance settles everything and keeps the rest.
        assert_eq!(
            split(d("9000.00"), None, &rows).unwrap(),
            amounts(&["1234.56", "800.00", "300.00"])
        );
    }

    #[test]
    fn r_adv_2_settling_never_goes_beyond_the_advance_nor_the_receivables() {
        let rows = receivables(&["1234.56", "800.00"]);
        let error = split(d("1000.00"), Some(d("1000.01")), &rows).unwrap_err();
        assert_eq!(error.field, AMOUNT_FIELD);
        assert_eq!(
            error.message,
            "O valor (R$ 1.000,01) é maior que o saldo do adiantamento (R$ 1.000,00)."
        );
        let error = split(d("9000.00"), Some(d("2034.57")), &rows).unwrap_err();
        assert_eq!(
            error.message,
            "O valor (R$ 2.034,57) é maior que o saldo dos títulos escolhidos (R$ 2.034,56)."
        );
        assert_eq!(
            split(d("0"), None, &rows).unwrap_err().message,
            "Este adiantamento não tem saldo."
        );
        assert!(split(d("10"), Some(d("0")), &rows).is_err());
        assert!(split::<Day>(d("10"), None, &[]).is_err());
    }

    #[test]
    fn r_adv_2_an_advance_use_says_the_titles_it_settled_and_the_balance_left() {
        let one = AdvanceUse {
            balance: Decimal::new(30_000, 2),
            settled: 1,
        };
        assert_eq!(
            one.summary(483),
            "1 título baixado com o adiantamento nº 483; saldo do adiantamento: R$ 300,00."
        );
        let two = AdvanceUse {
            balance: Decimal::ZERO,
            settled: 2,
        };
        assert_eq!(
            two.summary(7),
            "2 títulos baixados com o adiantamento nº 7; saldo do adiantamento: R$ 0,00."
        );
    }

    #[test]
    fn r_adv_2_a_cancelled_or_received_receivable_cannot_be_settled_with_an_advance() {
        let mut rows = receivables(&["100.00", "0"]);
        let error = split(d("500.00"), None, &rows).unwrap_err();
        assert_eq!(error.field, RECEIVABLES_FIELD);
        rows[1].balance = d("50.00");
        rows[0].cancelled = true;
        assert_eq!(
            split(d("500.00"), None, &rows).unwrap_err().message,
            "Este título está cancelado e não pode ser baixado."
        );
    }

    #[test]
    fn r_adv_2_an_advance_settlement_draws_principal_only() {
        let s = settlement(d("265.44"), day("2026-04-01"));
        assert_eq!(s.means, SettlementMeans::Advance);
        assert_eq!(s.received(), d("265.44"));
        assert_eq!(balance_after(d("800.00"), &s), d("534.56"));
    }

    #[test]
    fn r_adv_2_a_refund_takes_part_or_all_of_the_balance_never_more() {
        assert_eq!(
            refund(&settings(), d("1234.56"), Some(d("234.56"))),
            Ok(d("1000.00"))
        );
        assert_eq!(refund(&settings(), d("1234.56"), None), Ok(d("0")));
        let error = refund(&settings(), d("1234.56"), Some(d("1234.57"))).unwrap_err();
        assert_eq!(
            error.message,
            "A devolução (R$ 1.234,57) é maior que o saldo do adiantamento (R$ 1.234,56)."
        );
        assert_eq!(
            refund(&settings(), d("0"), None).unwrap_err().message,
            "Este adiantamento não tem saldo a devolver."
        );
        assert!(refund(&settings(), d("10"), Some(d("-1"))).is_err());
    }

    proptest! {
        #[test]
        fn r_adv_2_splitting_an_advance_never_spends_more_than_its_balance(
            advance in 1i64..1_000_000,
            balances in proptest::collection::vec(1i64..500_000, 1..8),
            wanted in proptest::option::of(1i64..2_000_000),
        ) {
            let advance = Decimal::new(advance, 2);
            let rows: Vec<ReceivableFacts<u32>> = balances
                .iter()
                .map(|&b| ReceivableFacts::new(0, Decimal::new(b, 2)))
                .collect();
            let owed: Decimal = rows.iter().map(|r| r.balance).sum();
            let wanted = wanted.map(|w| Decimal::new(w, 2));
            match split(advance, wanted, &rows) {
                Ok(parts) => {
                    let spent: Decimal = parts.iter().sum();
                    prop_assert!(spent <= advance);
                    prop_assert_eq!(spent, wanted.unwrap_or(advance.min(owed)));
                    for (part, row) in parts.iter().zip(&rows) {
                        prop_assert!(*part >= Decimal::ZERO && *part <= row.balance);
                    }
                    // In the order given: a receivable is touched only once those before it
                    // are paid off.
                    for i in 1..parts.len() {
                        if parts[i] > Decimal::ZERO {
                            prop_assert_eq!(parts[i - 1], rows[i - 1].balance);
                        }
                    }
                }
                Err(_) => prop_assert!(wanted.is_some_and(|w| w > advance || w > owed)),
            }
        }

        #[test]
        fn r_adv_2_reversing_advance_settlements_restores_every_balance(
            advance in 1i64..1_000_000,
            balances in proptest::collection::vec(1i64..500_000, 1..6),
        ) {
            let value = Decimal::new(advance, 2);
            let rows: Vec<ReceivableFacts<Day>> = balances
                .iter()
                .map(|&b| ReceivableFacts::new(day("2026-03-10"), Decimal::new(b, 2)))
                .collect();
            let parts = split(value, None, &rows).unwrap();
            let settlements: Vec<Settlement> =
                parts.iter().map(|&p| settlement(p, day("2026-04-01"))).collect();
            prop_assert!(balance(value, &parts, &[]) >= Decimal::ZERO);
            for (row, s) in rows.iter().zip(&settlements) {
                let after = ReceivableFacts::new(row.due, balance_after(row.balance, s));
                prop_assert_eq!(crate::finance::settlement::reverse(&after, s), Ok(row.balance));
            }
            // Reversing gives each settlement's principal back: the advance is whole again.
            prop_assert_eq!(balance(value, &parts, &[]) + parts.iter().sum::<Decimal>(), value);
        }

        #[test]
        fn r_adv_2_a_refund_never_leaves_a_negative_balance(
            balance in -100i64..1_000_000, amount in proptest::option::of(-100i64..2_000_000),
        ) {
            let after = refund(&settings(), Decimal::new(balance, 2), amount.map(|a| Decimal::new(a, 2)));
            if let Ok(after) = after {
                prop_assert!(after >= Decimal::ZERO && after < Decimal::new(balance, 2));
            }
        }
    }

    #[test]
    fn r_adv_2_a_refund_is_asked_naming_the_amount_or_the_whole_balance() {
        assert_eq!(
            refund_question(12, Decimal::new(30000, 2), Some(Decimal::new(10000, 2))),
            "Devolver R$ 100,00 do adiantamento nº 12 ao cliente?"
        );
        assert_eq!(
            refund_question(12, Decimal::new(30000, 2), None),
            "Devolver todo o saldo do adiantamento nº 12 (R$ 300,00) ao cliente?"
        );
    }
}
