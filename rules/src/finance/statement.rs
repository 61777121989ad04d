//! R-ADV-3: the statement (extrato) of a customer's advances over a period — opening balance,
//! each movement with the running balance, closing balance. Movements before the period fold
//! into the opening balance; movements after it are left out. Both ends are inclusive.
//!
//! The caller passes the movements of the customer's advances in one company (R-COMPANY-3),
//! amounts positive, the kind saying which way the money goes. Movements are listed by date;
//! on the same date they keep the order given (the order they were recorded in).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::settlement::refusal;
use crate::customer::FieldError;

pub const TO_FIELD: &str = "to";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MovementKind {
    /// An advance registered: money in.
    Advance,
    /// A receivable settled with the advance: money out.
    Settlement,
    /// A settlement paid by the advance reversed: its money back in.
    SettlementReversal,
    /// Money given back to the customer: out.
    Refund,
}

impl MovementKind {
    pub const ALL: &'static [MovementKind] = &[
        MovementKind::Advance,
        MovementKind::Settlement,
        MovementKind::SettlementReversal,
        MovementKind::Refund,
    ];

    /// Stored and sent to the browser; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            MovementKind::Advance => "advance",
            MovementKind::Settlement => "settlement",
            MovementKind::SettlementReversal => "settlement_reversal",
            MovementKind::Refund => "refund",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            MovementKind::Advance => "Adiantamento",
            MovementKind::Settlement => "Baixa de título",
            MovementKind::SettlementReversal => "Estorno de baixa",
            MovementKind::Refund => "Devolução",
        }
    }

    /// Whether it adds to the balance.
    pub fn is_in(self) -> bool {
        matches!(
            self,
            MovementKind::Advance | MovementKind::SettlementReversal
        )
    }

    /// `amount` with the sign it has on the balance.
    pub fn signed(self, amount: Decimal) -> Decimal {
        if self.is_in() {
            amount
        } else {
            -amount
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Movement<D> {
    pub date: D,
    pub kind: MovementKind,
    /// Positive; `kind` says which way.
    pub amount: Decimal,
    /// What the caller says of it (`NF 123/1`, the refund's reason), shown as given.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLine<D> {
    pub date: D,
    pub kind: MovementKind,
    pub amount: Decimal,
    pub detail: String,
    /// The balance after this movement.
    pub balance: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement<D> {
    pub opening: Decimal,
    pub lines: Vec<StatementLine<D>>,
    pub total_in: Decimal,
    pub total_out: Decimal,
    pub closing: Decimal,
}

/// The statement from `from` to `to`, both inclusive.
pub fn statement<D: Ord + Clone>(
    movements: &[Movement<D>],
    from: &D,
    to: &D,
) -> Result<Statement<D>, FieldError> {
    if to < from {
        return Err(refusal(
            TO_FIELD,
            "A data final não pode ser anterior à inicial.",
        ));
    }
    let opening: Decimal = movements
        .iter()
        .filter(|m| m.date < *from)
        .map(|m| m.kind.signed(m.amount))
        .sum();
    let mut in_period: Vec<&Movement<D>> = movements
        .iter()
        .filter(|m| *from <= m.date && m.date <= *to)
        .collect();
    in_period.sort_by(|a, b| a.date.cmp(&b.date));
    let (mut balance, mut total_in, mut total_out) = (opening, Decimal::ZERO, Decimal::ZERO);
    let lines = in_period
        .into_iter()
        .map(|m| {
            if m.kind.is_in() {
                total_in += m.amount;
            } else {
                total_out += m.amount;
            }
            balance += m.kind.signed(m.amount);
            StatementLine {
                date: m.date.clone(),
                kind: m.kind,
                amount: m.amount,
                detail: m.detail.clone(),
                balance,
            }
        })
        .collect();
    Ok(Statement {
        opening,
        lines,
        total_in,
        total_out,
        closing: balance,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::day::{day, Day};
    use crate::finance::test_values::*;
    use proptest::prelude::*;

    fn movement(date: &str, kind: MovementKind, amount: &str) -> Movement<Day> {
        Movement {
            date: day(date),
            kind,
            amount: d(amount),
            detail: String::new(),
        }
    }

    fn march() -> Vec<Movement<Day>> {
        use MovementKind::*;
        vec![
            movement("2026-03-20", Refund, "200.00"),
            movement("2026-02-10", Advance, "5000.00"),
            movement("2026-02-20", Settlement, "1234.56"),
            movement("2026-03-01", Advance, "1000.00"),
            movement("2026-03-15", Settlement, "765.44"),
            movement("2026-03-16", SettlementReversal, "765.44"),
            movement("2026-04-02", Refund, "100.00"),
        ]
    }

    #[test]
    fn r_adv_3_movements_before_the_period_fold_into_the_opening_balance() {
        let s = statement(&march(), &day("2026-03-01"), &day("2026-03-31")).unwrap();
        // 5.000,00 − 1.234,56
        assert_eq!(s.opening, d("3765.44"));
        let running: Vec<(Day, Decimal)> = s.lines.iter().map(|l| (l.date, l.balance)).collect();
        assert_eq!(
            running,
            [
                (day("2026-03-01"), d("4765.44")),
                (day("2026-03-15"), d("4000.00")),
                (day("2026-03-16"), d("4765.44")),
                (day("2026-03-20"), d("4565.44")),
            ]
        );
        assert_eq!((s.total_in, s.total_out), (d("1765.44"), d("965.44")));
        // The refund of April is not in March's statement.
        assert_eq!(s.closing, d("4565.44"));
    }

    #[test]
    fn r_adv_3_both_ends_of_the_period_are_inclusive() {
        let s = statement(&march(), &day("2026-03-15"), &day("2026-03-15")).unwrap();
        assert_eq!(s.lines.len(), 1);
        assert_eq!(s.lines[0].kind.label(), "Baixa de título");
    }

    #[test]
    fn r_adv_3_a_period_without_movements_shows_the_balance_it_had() {
        let s = statement(&march(), &day("2026-05-01"), &day("2026-05-31")).unwrap();
        assert!(s.lines.is_empty());
        assert_eq!(s.opening, d("4465.44"));
        assert_eq!(s.closing, s.opening);
    }

    #[test]
    fn r_adv_3_a_period_ending_before_it_starts_is_refused() {
        let error = statement(&march(), &day("2026-03-31"), &day("2026-03-01")).unwrap_err();
        assert_eq!(error.field, TO_FIELD);
        assert_eq!(
            error.message,
            "A data final não pode ser anterior à inicial."
        );
    }

    #[test]
    fn r_adv_3_movements_of_the_same_day_keep_the_order_they_were_recorded_in() {
        use MovementKind::*;
        let moves = [
            movement("2026-03-05", Advance, "300.00"),
            movement("2026-03-05", Settlement, "300.00"),
            movement("2026-03-01", Advance, "50.00"),
        ];
        let s = statement(&moves, &day("2026-03-01"), &day("2026-03-31")).unwrap();
        let kinds: Vec<MovementKind> = s.lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [Advance, Advance, Settlement]);
        assert_eq!(s.closing, d("50.00"));
    }

    #[test]
    fn r_adv_3_movement_kinds_keep_their_codes_and_labels() {
        for &k in MovementKind::ALL {
            assert_eq!(MovementKind::from_code(k.code()), Some(k));
        }
        assert_eq!(MovementKind::Refund.label(), "Devolução");
        assert!(!MovementKind::Refund.is_in());
    }

    fn arbitrary_movements() -> impl Strategy<Value = Vec<Movement<u32>>> {
        proptest::collection::vec(
            (
                0u32..60,
                proptest::sample::select(MovementKind::ALL),
                1i64..1_000_000,
            )
                .prop_map(|(date, kind, cents)| Movement {
                    date,
                    kind,
                    amount: Decimal::new(cents, 2),
                    detail: String::new(),
                }),
            0..30,
        )
    }

    proptest! {
        #[test]
        fn r_adv_3_closing_is_opening_plus_ins_minus_outs(
            moves in arbitrary_movements(), from in 0u32..60, length in 0u32..60,
        ) {
            let s = statement(&moves, &from, &(from + length)).unwrap();
            prop_assert_eq!(s.closing, s.opening + s.total_in - s.total_out);
            let last = s.lines.last().map_or(s.opening, |l| l.balance);
            prop_assert_eq!(s.closing, last);
            prop_assert!(s.lines.windows(2).all(|w| w[0].date <= w[1].date));
        }

        #[test]
        fn r_adv_3_consecutive_periods_chain_closing_to_opening(
            moves in arbitrary_movements(), from in 0u32..30, split in 0u32..30, end in 0u32..30,
        ) {
            let first = statement(&moves, &from, &(from + split)).unwrap();
            let second = statement(&moves, &(from + split + 1), &(from + split + 1 + end)).unwrap();
            prop_assert_eq!(first.closing, second.opening);
            let whole = statement(&moves, &from, &(from + split + 1 + end)).unwrap();
            prop_assert_eq!(whole.closing, second.closing);
            prop_assert_eq!(whole.lines.len(), first.lines.len() + second.lines.len());
        }
    }
}
