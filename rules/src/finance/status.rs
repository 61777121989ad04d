//! The status a receivable shows (R-HIST-1, seed 002): open, overdue, cancelled, received,
//! negative-listed (sent to a credit bureau), in collection. Only the facts are stored — the
//! cancelled flag, the balance, the due date, the bureau and collection flags — and the status
//! is derived from them and `today`; "overdue" in particular is never stored, it happens when
//! the due date passes.
//!
//! One status per receivable, first match wins: cancelled; received (nothing left to pay);
//! negative-listed; in collection; overdue (due date before today); open. A receivable is
//! still open on its due date. A negative-listed or in-collection receivable that is paid off
//! shows as received.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The stored facts of a receivable that its status depends on. `balance` is what is left of
/// the principal after settlements (R$ 0,00 once received).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivableFacts<D> {
    pub due: D,
    pub balance: Decimal,
    pub cancelled: bool,
    pub sent_to_credit_bureau: bool,
    pub in_collection: bool,
}

impl<D> ReceivableFacts<D> {
    /// A receivable nobody has cancelled, listed or sent to collection.
    pub fn new(due: D, balance: Decimal) -> Self {
        ReceivableFacts {
            due,
            balance,
            cancelled: false,
            sent_to_credit_bureau: false,
            in_collection: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReceivableStatus {
    Overdue,
    Open,
    Cancelled,
    Received,
    NegativeListed,
    InCollection,
}

impl ReceivableStatus {
    /// In the order of the history screen's filter (seed 002).
    pub const ALL: &'static [ReceivableStatus] = &[
        ReceivableStatus::Overdue,
        ReceivableStatus::Open,
        ReceivableStatus::Cancelled,
        ReceivableStatus::Received,
        ReceivableStatus::NegativeListed,
        ReceivableStatus::InCollection,
    ];

    /// Sent to the browser and used in filters; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            ReceivableStatus::Overdue => "overdue",
            ReceivableStatus::Open => "open",
            ReceivableStatus::Cancelled => "cancelled",
            ReceivableStatus::Received => "received",
            ReceivableStatus::NegativeListed => "negative_listed",
            ReceivableStatus::InCollection => "in_collection",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.code() == code)
    }

    /// What the history screen shows (seed 002).
    pub fn label(self) -> &'static str {
        match self {
            ReceivableStatus::Overdue => "Vencido",
            ReceivableStatus::Open => "Em aberto",
            ReceivableStatus::Cancelled => "Cancelado",
            ReceivableStatus::Received => "Recebido",
            ReceivableStatus::NegativeListed => "Negativado",
            ReceivableStatus::InCollection => "Cobrança",
        }
    }

    /// Whether the customer still owes it: everything but cancelled and received. These are
    /// the "open receivables" of R-CREDIT-2 and the "total a receber" of the history screen.
    pub fn is_outstanding(self) -> bool {
        !matches!(
            self,
            ReceivableStatus::Cancelled | ReceivableStatus::Received
        )
    }

    /// Whether a receivable in this status, of `amount` with `balance` left, may be cancelled:
    /// one still owed and never paid in part. Every settlement takes some principal, so a
    /// balance below the amount means a standing settlement, to be reversed first (the server
    /// checks the settlements themselves; this is what the screens offer).
    pub fn may_cancel(self, amount: Decimal, balance: Decimal) -> bool {
        self.is_outstanding() && balance == amount
    }

    /// The "Saldo" a receivable in this status shows and adds to totals: what is left to
    /// receive. A cancelled one owes nothing, whatever was left when it was cancelled (its row
    /// keeps that balance as it stood, for the record).
    pub fn balance_due(self, balance: Decimal) -> Decimal {
        match self {
            ReceivableStatus::Cancelled => Decimal::ZERO,
            _ => balance,
        }
    }
}

/// The status the receivable shows on `today`.
pub fn status<D: Ord>(facts: &ReceivableFacts<D>, today: &D) -> ReceivableStatus {
    if facts.cancelled {
        ReceivableStatus::Cancelled
    } else if facts.balance <= Decimal::ZERO {
        ReceivableStatus::Received
    } else if facts.sent_to_credit_bureau {
        ReceivableStatus::NegativeListed
    } else if facts.in_collection {
        ReceivableStatus::InCollection
    } else if facts.due < *today {
        ReceivableStatus::Overdue
    } else {
        ReceivableStatus::Open
    }
}

/// Whether the customer still owes it, whatever `today` is (see `is_outstanding`).
pub fn is_outstanding<D>(facts: &ReceivableFacts<D>) -> bool {
    !facts.cancelled && facts.balance > Decimal::ZERO
}

/// "Total a receber" (seed 002): the balances the customer still owes.
pub fn total_receivable<D>(receivables: &[ReceivableFacts<D>]) -> Decimal {
    receivables
        .iter()
        .filter(|r| is_outstanding(r))
        .map(|r| r.balance)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::day::{day, Day};
    use crate::finance::test_values::*;
    use proptest::prelude::*;

    #[test]
    fn r_hist_1_a_receivable_is_open_until_its_due_date_and_overdue_the_day_after() {
        let r = receivable_due("2026-03-10", "1234.56");
        assert_eq!(status(&r, &day("2026-03-09")), ReceivableStatus::Open);
        assert_eq!(status(&r, &day("2026-03-10")), ReceivableStatus::Open);
        assert_eq!(status(&r, &day("2026-03-11")), ReceivableStatus::Overdue);
    }

    #[test]
    fn r_hist_1_overdue_is_computed_from_the_dates_whatever_date_type_the_caller_holds() {
        let stored = ReceivableFacts::new("2026-03-10", d("500.00"));
        assert_eq!(status(&stored, &"2026-04-01"), ReceivableStatus::Overdue);
        assert_eq!(status(&stored, &"2026-03-01"), ReceivableStatus::Open);
    }

    #[test]
    fn r_hist_1_a_paid_off_receivable_is_received_even_past_due_or_listed() {
        let mut r = receivable_due("2026-01-10", "0.00");
        r.sent_to_credit_bureau = true;
        r.in_collection = true;
        assert_eq!(status(&r, &day("2026-06-01")), ReceivableStatus::Received);
    }

    #[test]
    fn r_hist_1_a_cancelled_receivable_shows_no_balance_due_and_the_others_their_balance() {
        let left = Decimal::new(708_867, 2);
        assert_eq!(ReceivableStatus::Cancelled.balance_due(left), Decimal::ZERO);
        for status in ReceivableStatus::ALL
            .iter()
            .filter(|s| **s != ReceivableStatus::Cancelled)
        {
            assert_eq!(status.balance_due(left), left, "{status:?}");
        }
    }

    #[test]
    fn only_an_owed_receivable_never_paid_in_part_is_offered_for_cancellation() {
        let (amount, part) = (Decimal::new(100_000, 2), Decimal::new(40_000, 2));
        for status in ReceivableStatus::ALL {
            assert_eq!(
                status.may_cancel(amount, amount),
                status.is_outstanding(),
                "{status:?}"
            );
            assert!(!status.may_cancel(amount, part), "{status:?} paid in part");
        }
    }

    #[test]
    fn r_hist_1_cancelled_wins_over_every_other_fact() {
        let mut r = receivable_due("2026-01-10", "1234.56");
        r.cancelled = true;
        r.sent_to_credit_bureau = true;
        assert_eq!(status(&r, &day("2026-06-01")), ReceivableStatus::Cancelled);
        assert!(!is_outstanding(&r));
    }

    #[test]
    fn r_hist_1_negative_listed_wins_over_collection_and_overdue() {
        let mut r = receivable_due("2026-01-10", "1234.56");
        r.in_collection = true;
        assert_eq!(
            status(&r, &day("2026-06-01")),
            ReceivableStatus::InCollection
        );
        r.sent_to_credit_bureau = true;
        assert_eq!(
            status(&r, &day("2026-06-01")),
            ReceivableStatus::NegativeListed
        );
        assert!(status(&r, &day("2026-06-01")).is_outstanding());
    }

    #[test]
    fn r_hist_1_statuses_keep_their_codes_and_the_screens_labels() {
        let labels: Vec<&str> = ReceivableStatus::ALL.iter().map(|s| s.label()).collect();
        assert_eq!(
            labels,
            [
                "Vencido",
                "Em aberto",
                "Cancelado",
                "Recebido",
                "Negativado",
                "Cobrança"
            ]
        );
        for &s in ReceivableStatus::ALL {
            assert_eq!(ReceivableStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(ReceivableStatus::from_code("vencido"), None);
    }

    #[test]
    fn r_hist_1_total_receivable_adds_what_is_still_owed() {
        let mut cancelled = receivable_due("2026-02-10", "300.00");
        cancelled.cancelled = true;
        let rows = [
            receivable_due("2026-01-10", "1234.56"),
            receivable_due("2026-05-10", "765.44"),
            receivable_due("2026-02-10", "0.00"),
            cancelled,
        ];
        assert_eq!(total_receivable(&rows), d("2000.00"));
    }

    proptest! {
        #[test]
        fn r_hist_1_outstanding_is_the_same_whatever_today_is(
            due in 0i32..100, today in 0i32..100, cents in -10i64..10_000,
            cancelled: bool, bureau: bool, collection: bool,
        ) {
            let facts = ReceivableFacts {
                due: Day::from_days_from_ce(700_000 + due),
                balance: Decimal::new(cents, 2),
                cancelled,
                sent_to_credit_bureau: bureau,
                in_collection: collection,
            };
            let shown = status(&facts, &Day::from_days_from_ce(700_000 + today));
            prop_assert_eq!(shown.is_outstanding(), is_outstanding(&facts));
            prop_assert_eq!(shown == ReceivableStatus::Overdue,
                !cancelled && cents > 0 && !bureau && !collection && due < today);
        }
    }
}
