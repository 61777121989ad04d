use super::*;
use proptest::prelude::*;
use std::str::FromStr;

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

fn installments(rows: &[(u32, &str)]) -> Vec<Installment<u32>> {
    rows.iter()
        .map(|&(due, open)| Installment { due, open: d(open) })
        .collect()
}

fn amounts(values: &[&str]) -> Vec<Decimal> {
    values.iter().map(|v| d(v)).collect()
}

#[test]
fn r_sales_6_ascending_settles_the_oldest_due_first() {
    // Given out of order: the one due first (ordinal 1) is the second row.
    let rows = installments(&[(2, "100.00"), (1, "100.00"), (3, "100.00")]);
    assert_eq!(
        apply_credit(d("150.00"), &rows, CreditOrder::Ascending),
        amounts(&["50.00", "100.00", "0"])
    );
}

#[test]
fn r_sales_6_descending_settles_the_newest_due_first() {
    let rows = installments(&[(2, "100.00"), (1, "100.00"), (3, "100.00")]);
    assert_eq!(
        apply_credit(d("150.00"), &rows, CreditOrder::Descending),
        amounts(&["50.00", "0", "100.00"])
    );
}

#[test]
fn r_sales_6_split_puts_the_rounding_remainder_on_the_last_installment() {
    let rows = installments(&[(1, "500.00"), (2, "500.00"), (3, "500.00")]);
    assert_eq!(
        apply_credit(d("100.00"), &rows, CreditOrder::Split),
        amounts(&["33.33", "33.33", "33.34"])
    );
    // The last by due date, wherever it was given.
    let rows = installments(&[(3, "500.00"), (1, "500.00"), (2, "500.00")]);
    assert_eq!(
        apply_credit(d("100.00"), &rows, CreditOrder::Split),
        amounts(&["33.34", "33.33", "33.33"])
    );
}

#[test]
fn r_sales_6_split_never_gives_an_installment_more_than_it_has_open() {
    let rows = installments(&[(1, "10.00"), (2, "100.00"), (3, "100.00")]);
    assert_eq!(
        apply_credit(d("100.00"), &rows, CreditOrder::Split),
        amounts(&["10.00", "45.00", "45.00"])
    );
    let rows = installments(&[(1, "50.00"), (2, "50.00"), (3, "0.01")]);
    assert_eq!(
        apply_credit(d("0.05"), &rows, CreditOrder::Split),
        amounts(&["0.02", "0.02", "0.01"])
    );
    // Less than a centavo each: the last takes what it can, the one before it the rest.
    assert_eq!(
        apply_credit(d("0.02"), &rows, CreditOrder::Split),
        amounts(&["0", "0.01", "0.01"])
    );
}

#[test]
fn r_sales_6_credit_beyond_what_is_open_settles_everything_and_no_more() {
    let rows = installments(&[(1, "10.00"), (2, "20.00")]);
    for order in CreditOrder::ALL {
        assert_eq!(
            apply_credit(d("1000.00"), &rows, *order),
            amounts(&["10.00", "20.00"]),
            "{order:?}"
        );
    }
}

#[test]
fn r_sales_6_no_credit_or_nothing_open_applies_nothing() {
    let rows = installments(&[(1, "10.00"), (2, "-5.00")]);
    for order in CreditOrder::ALL {
        assert_eq!(
            apply_credit(Decimal::ZERO, &rows, *order),
            amounts(&["0", "0"])
        );
        assert_eq!(apply_credit(d("-3"), &rows, *order), amounts(&["0", "0"]));
        assert_eq!(
            apply_credit(d("3"), &[] as &[Installment<u32>], *order),
            Vec::<Decimal>::new()
        );
        assert_eq!(apply_credit(d("30"), &rows, *order)[1], Decimal::ZERO);
    }
}

fn cents(max: i64) -> impl Strategy<Value = Decimal> {
    (0i64..max).prop_map(|c| Decimal::new(c, 2))
}

fn rows() -> impl Strategy<Value = Vec<Installment<u32>>> {
    proptest::collection::vec(
        (0u32..6, cents(100_000)).prop_map(|(due, open)| Installment { due, open }),
        0..8,
    )
}

fn order() -> impl Strategy<Value = CreditOrder> {
    prop_oneof![
        Just(CreditOrder::Ascending),
        Just(CreditOrder::Descending),
        Just(CreditOrder::Split),
    ]
}

/// Indexes by due date, ties in the order given.
fn due_order(rows: &[Installment<u32>]) -> Vec<usize> {
    let mut indexes: Vec<usize> = (0..rows.len()).collect();
    indexes.sort_by_key(|&i| rows[i].due);
    indexes
}

proptest! {
    #[test]
    fn r_sales_6_every_order_applies_min_of_credit_and_open_within_each_installment(
        rows in rows(), credit in cents(500_000), order in order(),
    ) {
        let applied = apply_credit(credit, &rows, order);
        prop_assert_eq!(applied.len(), rows.len());
        let total_open: Decimal = rows.iter().map(|r| r.open).sum();
        prop_assert_eq!(applied.iter().sum::<Decimal>(), credit.min(total_open));
        for (amount, row) in applied.iter().zip(&rows) {
            prop_assert!(*amount >= Decimal::ZERO && *amount <= row.open);
            prop_assert!(amount.normalize().scale() <= 2);
        }
    }

    #[test]
    fn r_sales_6_ascending_touches_an_installment_only_when_the_older_ones_are_settled(
        rows in rows(), credit in cents(500_000),
    ) {
        let applied = apply_credit(credit, &rows, CreditOrder::Ascending);
        let sequence = due_order(&rows);
        for (k, &i) in sequence.iter().enumerate() {
            if applied[i] > Decimal::ZERO {
                for &earlier in &sequence[..k] {
                    if rows[earlier].due < rows[i].due {
                        prop_assert_eq!(applied[earlier], rows[earlier].open);
                    }
                }
            }
        }
    }

    #[test]
    fn r_sales_6_descending_touches_an_installment_only_when_the_newer_ones_are_settled(
        rows in rows(), credit in cents(500_000),
    ) {
        let applied = apply_credit(credit, &rows, CreditOrder::Descending);
        for (i, row) in rows.iter().enumerate() {
            if applied[i] > Decimal::ZERO {
                for (j, newer) in rows.iter().enumerate() {
                    if newer.due > row.due {
                        prop_assert_eq!(applied[j], newer.open);
                    }
                }
            }
        }
    }

    #[test]
    fn r_sales_6_split_gives_every_unsettled_installment_an_equal_part_to_the_centavos(
        rows in rows(), credit in cents(500_000),
    ) {
        let applied = apply_credit(credit, &rows, CreditOrder::Split);
        let slack = Decimal::new(rows.len() as i64, 2);
        for (i, row) in rows.iter().enumerate() {
            if applied[i] < row.open {
                for other in &applied {
                    prop_assert!(applied[i] + slack > *other);
                }
            }
        }
    }
}
