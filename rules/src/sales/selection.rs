//! R-SALES-4 (and the customer's own payment plans, the same kind of set): saving a selection
//! replaces the customer's set — what is selected is kept or added, everything else removed.
//! The added and removed ids feed the customer's history, so they are computed here, once,
//! for the form and the batch path alike (R-BULK-3).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// The set after a save and what changed, each list ascending and without duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelectionChange {
    /// The customer's set after the save: exactly the selection.
    pub result: Vec<i64>,
    pub added: Vec<i64>,
    pub removed: Vec<i64>,
}

impl SelectionChange {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// Replaces `current` by `selected`; repeated ids on either side count once.
pub fn replace(current: &[i64], selected: &[i64]) -> SelectionChange {
    let before: BTreeSet<i64> = current.iter().copied().collect();
    let after: BTreeSet<i64> = selected.iter().copied().collect();
    SelectionChange {
        added: after.difference(&before).copied().collect(),
        removed: before.difference(&after).copied().collect(),
        result: after.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn r_sales_4_saving_a_selection_keeps_adds_and_removes() {
        let change = replace(&[1, 2, 3], &[3, 4, 4, 1]);
        assert_eq!(change.result, vec![1, 3, 4]);
        assert_eq!(change.added, vec![4]);
        assert_eq!(change.removed, vec![2]);
        assert!(!change.is_empty());
    }

    #[test]
    fn r_sales_4_the_same_selection_again_changes_nothing() {
        let change = replace(&[2, 1], &[1, 2, 2]);
        assert!(change.is_empty());
        assert_eq!(change.result, vec![1, 2]);
    }

    #[test]
    fn r_sales_4_an_empty_selection_removes_every_list() {
        let change = replace(&[5, 6], &[]);
        assert_eq!(change.removed, vec![5, 6]);
        assert!(change.result.is_empty());
    }

    proptest! {
        #[test]
        fn r_sales_4_the_result_is_the_selection_and_the_change_explains_it(
            current in proptest::collection::vec(0i64..20, 0..12),
            selected in proptest::collection::vec(0i64..20, 0..12),
        ) {
            let change = replace(&current, &selected);
            let mut expected = selected.clone();
            expected.sort_unstable();
            expected.dedup();
            prop_assert_eq!(&change.result, &expected);
            for list in [&change.result, &change.added, &change.removed] {
                prop_assert!(list.windows(2).all(|w| w[0] < w[1]));
            }
            for id in &change.added {
                prop_assert!(!current.contains(id) && selected.contains(id));
            }
            for id in &change.removed {
                prop_assert!(current.contains(id) && !selected.contains(id));
            }
            // Before, plus added, minus removed, is the result.
            let mut rebuilt: BTreeSet<i64> = current.iter().copied().collect();
            rebuilt.extend(&change.added);
            for id in &change.removed {
                rebuilt.remove(id);
            }
            prop_assert_eq!(rebuilt.into_iter().collect::<Vec<_>>(), change.result);
        }
    }
}
