//! R-SALES-6: a credit amount applied over open installments in the customer's order —
//! ascending (oldest due first), descending (newest due first) or split (equal parts; the
//! rounding remainder on the last one). Whatever the order, no installment gets more than it
//! has open and the total applied is the credit or the total open, whichever is smaller, to the
//! centavo: the amounts become receivable settlements, which must add up exactly.
//!
//! The seed orders the *credits* (payables) by due date when consuming them; the allocation is
//! the same walk, so the caller passes the credits as `Installment`s to pick which ones pay.

use std::cmp::Ordering;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::credit_use::CreditOrder;
use super::rounding::{truncate, MONEY_DECIMALS};

/// One installment: when it falls due (any ordered value: an ordinal, a date) and what of it
/// is still open. A negative open amount counts as nothing open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installment<D> {
    pub due: D,
    pub open: Decimal,
}

/// What `credit` settles of each installment, in the order the installments were given.
pub fn apply_credit<D: Ord>(
    credit: Decimal,
    installments: &[Installment<D>],
    order: CreditOrder,
) -> Vec<Decimal> {
    let capacity: Vec<Decimal> = installments
        .iter()
        .map(|i| i.open.max(Decimal::ZERO))
        .collect();
    let total_open: Decimal = capacity.iter().sum();
    let amount = credit.max(Decimal::ZERO).min(total_open);
    // Ties on the due date keep the order given, in both directions.
    let by_due = |direction: fn(Ordering) -> Ordering| {
        let mut indexes: Vec<usize> = (0..installments.len()).collect();
        indexes.sort_by(|&a, &b| direction(installments[a].due.cmp(&installments[b].due)));
        indexes
    };
    match order {
        CreditOrder::Ascending => greedy(amount, &capacity, &by_due(|o| o)),
        CreditOrder::Descending => greedy(amount, &capacity, &by_due(Ordering::reverse)),
        CreditOrder::Split => split(amount, &capacity, &by_due(|o| o)),
    }
}

/// Fills each installment in turn until the amount runs out.
fn greedy(amount: Decimal, capacity: &[Decimal], sequence: &[usize]) -> Vec<Decimal> {
    let mut applied = vec![Decimal::ZERO; capacity.len()];
    let mut remaining = amount;
    for &i in sequence {
        let give = remaining.min(capacity[i]);
        applied[i] = give;
        remaining -= give;
    }
    applied
}

/// Equal shares in centavos over the installments still open; an installment smaller than its
/// share is settled and its unused share goes round again to the others. What cannot be split
/// in whole centavos goes to the last installment by due date (and, should that one be full,
/// to the one before it).
fn split(amount: Decimal, capacity: &[Decimal], by_due: &[usize]) -> Vec<Decimal> {
    let mut applied = vec![Decimal::ZERO; capacity.len()];
    let mut remaining = amount;
    let mut open: Vec<usize> = by_due
        .iter()
        .copied()
        .filter(|&i| capacity[i] > Decimal::ZERO)
        .collect();
    while remaining > Decimal::ZERO && !open.is_empty() {
        let share = truncate(remaining / Decimal::from(open.len()), MONEY_DECIMALS);
        if share.is_zero() {
            for &i in open.iter().rev() {
                let give = remaining.min(capacity[i] - applied[i]);
                applied[i] += give;
                remaining -= give;
            }
            break;
        }
        for &i in &open {
            let give = share.min(capacity[i] - applied[i]);
            applied[i] += give;
            remaining -= give;
        }
        open.retain(|&i| applied[i] < capacity[i]);
    }
    applied
}

#[cfg(test)]
mod tests;
