//! Available credit (R-CREDIT-1..2, seed 003: the limit "comparando-o com as suas pendências no
//! Contas a Receber (Pendências − Créditos de devolução de vendas e adiantamentos)") and the
//! refusal of credit to a customer whose registration has expired (R-CUST-7).
//!
//! available = limit − open receivables + credits, where open receivables are those the
//! customer still owes (open or overdue, also when negative-listed or in collection; not
//! cancelled, not received) and credits are sales-return credits plus the unsettled balance of
//! advances. The limit is the customer's, else the company's pre-approved one, else there is
//! none and credit is unlimited (`sales::credit_limit`). Available credit may be negative: the
//! customer is over the limit.

use std::fmt::Display;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::settlement::refusal;
use super::status::{total_receivable, ReceivableFacts};
use crate::customer::FieldError;
use crate::display;
use crate::money::format_brl;
use crate::sales::credit_limit::CreditLimit;
use crate::sales::validity::{Validity, ValidityState};

pub const CUSTOMER_FIELD: &str = "customer";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "amount", rename_all = "snake_case")]
pub enum Available {
    Unlimited,
    Amount(Decimal),
}

impl Available {
    /// `Ilimitado`, `R$ 1.234,56`, `-R$ 100,00` when over the limit.
    pub fn label(self) -> String {
        match self {
            Available::Unlimited => "Ilimitado".to_string(),
            Available::Amount(amount) if amount < Decimal::ZERO => {
                format!("-{}", format_brl(-amount))
            }
            Available::Amount(amount) => format_brl(amount),
        }
    }

    /// Whether a purchase of `amount` on credit fits.
    pub fn covers(self, amount: Decimal) -> bool {
        match self {
            Available::Unlimited => true,
            Available::Amount(available) => amount <= available,
        }
    }
}

/// What the company owes the customer and counts as credit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credits {
    pub sales_returns: Decimal,
    /// The summed balances of the customer's advances (`advance::balance`).
    pub advance_balance: Decimal,
}

impl Credits {
    pub fn total(self) -> Decimal {
        self.sales_returns + self.advance_balance
    }
}

/// R-CREDIT-2 with the limit already decided.
pub fn available(limit: CreditLimit, open_receivables: Decimal, credits: Credits) -> Available {
    match limit.amount() {
        None => Available::Unlimited,
        Some(limit) => Available::Amount(limit - open_receivables + credits.total()),
    }
}

/// R-CREDIT-1..2 from the stored values: the customer's limit (`None` when not informed), the
/// company's pre-approved limit, the customer's receivables in the company and their credits.
pub fn available_for<D>(
    customer_limit: Option<Decimal>,
    company_pre_approved: Option<Decimal>,
    receivables: &[ReceivableFacts<D>],
    credits: Credits,
) -> Available {
    available(
        CreditLimit::effective(customer_limit, company_pre_approved),
        total_receivable(receivables),
        credits,
    )
}

/// What a receivable is for, as far as credit goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceivableKind {
    /// From a sale on credit (fatura, duplicata): the customer takes credit.
    Invoice,
    /// Records a debt that already exists (a returned cheque, charges): no new credit.
    Other,
}

/// R-CUST-7: whether a customer whose registration is valid until `valid_until` (inclusive;
/// `None` when no date is set) may take credit on `today`.
pub fn may_take_credit<D: Ord>(valid_until: Option<&D>, today: &D) -> bool {
    let validity = Validity {
        from: None,
        to: valid_until,
    };
    validity.state(&today) != ValidityState::Expired
}

/// R-CUST-7: refuses registering an invoice receivable for a customer whose registration has
/// expired. Dates display as their stored form `aaaa-mm-dd` (`NaiveDate`, `Day`, ISO text);
/// the message shows them as `dd/mm/aaaa`.
pub fn check_receivable_registration<D: Ord + Display>(
    kind: ReceivableKind,
    valid_until: Option<&D>,
    today: &D,
) -> Result<(), FieldError> {
    match (kind, valid_until) {
        (ReceivableKind::Invoice, Some(until)) if !may_take_credit(Some(until), today) => {
            Err(refusal(
                CUSTOMER_FIELD,
                format!(
                    "O cadastro do cliente venceu em {}: renove-o antes de lançar títulos a \
                     prazo para ele.",
                    display::date(&until.to_string())
                ),
            ))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::advance;
    use crate::finance::day::{day, Day};
    use crate::finance::settlement::balance_after;
    use crate::finance::test_values::*;
    use proptest::prelude::*;

    fn receivable(balance: &str) -> ReceivableFacts<Day> {
        receivable_due("2026-03-10", balance)
    }

    fn credits(returns: &str, advances: &str) -> Credits {
        Credits {
            sales_returns: d(returns),
            advance_balance: d(advances),
        }
    }

    #[test]
    fn r_credit_2_available_is_limit_minus_open_plus_credits() {
        // 5.000,00 − (1.234,56 + 765,44) + (300,00 + 200,00) = 3.500,00
        let rows = [receivable("1234.56"), receivable("765.44")];
        let shown = available_for(Some(d("5000.00")), None, &rows, credits("300.00", "200.00"));
        assert_eq!(shown, Available::Amount(d("3500.00")));
        assert_eq!(shown.label(), "R$ 3.500,00");
    }

    #[test]
    fn r_credit_2_cancelled_and_received_receivables_do_not_count_but_overdue_and_listed_do() {
        let mut cancelled = receivable("1000.00");
        cancelled.cancelled = true;
        let mut listed = receivable("100.00");
        listed.sent_to_credit_bureau = true;
        let mut collection = receivable("50.00");
        collection.in_collection = true;
        let overdue = ReceivableFacts::new(day("2020-01-01"), d("25.00"));
        let rows = [cancelled, receivable("0"), listed, collection, overdue];
        assert_eq!(
            available_for(Some(d("1000.00")), None, &rows, Credits::default()),
            Available::Amount(d("825.00"))
        );
    }

    #[test]
    fn r_credit_1_without_the_customers_limit_the_company_pre_approved_applies() {
        let rows = [receivable("500.00")];
        assert_eq!(
            available_for(None, Some(d("2000.00")), &rows, Credits::default()),
            Available::Amount(d("1500.00"))
        );
        // Zero is a limit: the customer has no credit beyond their credits.
        assert_eq!(
            available_for(Some(d("0")), Some(d("2000.00")), &rows, credits("0", "100")),
            Available::Amount(d("-400.00"))
        );
    }

    #[test]
    fn r_credit_1_with_no_limit_at_all_credit_is_unlimited() {
        let shown = available_for(None, None, &[receivable("99999.99")], Credits::default());
        assert_eq!(shown, Available::Unlimited);
        assert_eq!(shown.label(), "Ilimitado");
        assert!(shown.covers(d("1000000")));
    }

    #[test]
    fn r_credit_2_a_customer_over_the_limit_shows_a_negative_amount_and_nothing_fits() {
        let shown = available(
            CreditLimit::Customer(d("1000.00")),
            d("1234.56"),
            Credits::default(),
        );
        assert_eq!(shown, Available::Amount(d("-234.56")));
        assert_eq!(shown.label(), "-R$ 234,56");
        assert!(!shown.covers(d("0.01")));
        assert!(Available::Amount(d("100.00")).covers(d("100.00")));
    }

    #[test]
    fn r_cust_7_an_expired_registration_refuses_invoice_receivables() {
        let until = day("2025-12-31");
        assert!(check_receivable_registration(
            ReceivableKind::Invoice,
            Some(&until),
            &day("2025-12-31")
        )
        .is_ok());
        let error = check_receivable_registration(
            ReceivableKind::Invoice,
            Some(&until),
            &day("2026-01-01"),
        )
        .unwrap_err();
        assert_eq!(error.field, CUSTOMER_FIELD);
        assert_eq!(
            error.message,
            "O cadastro do cliente venceu em 31/12/2025: renove-o antes de lançar títulos a \
             prazo para ele."
        );
    }

    #[test]
    fn r_cust_7_other_receivables_and_customers_without_a_date_are_not_refused() {
        let today = day("2026-06-01");
        assert!(check_receivable_registration(
            ReceivableKind::Other,
            Some(&day("2025-12-31")),
            &today
        )
        .is_ok());
        assert!(check_receivable_registration(ReceivableKind::Invoice, None, &today).is_ok());
        // The customer record keeps the date as stored text; that works too.
        let stored = "2025-12-31".to_string();
        assert!(!may_take_credit(Some(&stored), &"2026-01-01".to_string()));
        assert!(check_receivable_registration(
            ReceivableKind::Invoice,
            Some(&stored),
            &"2026-01-01".to_string()
        )
        .is_err());
    }

    proptest! {
        #[test]
        fn r_credit_2_settling_a_receivable_with_an_advance_never_changes_available_credit(
            limit in proptest::option::of(0i64..10_000_000),
            balances in proptest::collection::vec(1i64..1_000_000, 1..6),
            advance in 1i64..2_000_000,
            returns in 0i64..100_000,
        ) {
            let limit = limit.map(|l| Decimal::new(l, 2));
            let rows: Vec<ReceivableFacts<Day>> = balances
                .iter()
                .map(|&b| ReceivableFacts::new(day("2026-03-10"), Decimal::new(b, 2)))
                .collect();
            let advance_value = Decimal::new(advance, 2);
            let before_credits = Credits {
                sales_returns: Decimal::new(returns, 2),
                advance_balance: advance_value,
            };
            let before = available_for(limit, None, &rows, before_credits);

            let parts = advance::split(advance_value, None, &rows).unwrap();
            let after_rows: Vec<ReceivableFacts<Day>> = rows
                .iter()
                .zip(&parts)
                .map(|(r, &part)| {
                    let s = advance::settlement(part, day("2026-04-01"));
                    ReceivableFacts::new(r.due, balance_after(r.balance, &s))
                })
                .collect();
            let after_credits = Credits {
                advance_balance: advance::balance(advance_value, &parts, &[]),
                ..before_credits
            };
            prop_assert!(after_credits.advance_balance >= Decimal::ZERO);
            prop_assert_eq!(available_for(limit, None, &after_rows, after_credits), before);
        }
    }
}
