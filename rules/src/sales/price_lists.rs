//! R-SALES-4: which price lists an order may take its prices from for a customer. Public lists
//! serve every customer, unless the customer "uses only own price lists" (the seed: "demais
//! listas de preços, mesmo que públicas, serão ignoradas"); the lists linked to the customer
//! always serve. Either way a list must be active and valid on the order's date.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::validity::Validity;

/// A price list of the order's company, as far as this choice needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceList<D> {
    pub id: i64,
    pub public: bool,
    pub active: bool,
    pub validity: Validity<D>,
}

/// The ids of `lists` the customer's orders may use on `today`, ascending, once each. `own`
/// holds the lists linked to the customer (R-SALES-4's selection).
pub fn applicable_lists<D: PartialOrd>(
    lists: &[PriceList<D>],
    uses_only_own: bool,
    own: &[i64],
    today: &D,
) -> Vec<i64> {
    lists
        .iter()
        .filter(|list| list.active && list.validity.contains(today))
        .filter(|list| own.contains(&list.id) || (list.public && !uses_only_own))
        .map(|list| list.id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn list(id: i64, public: bool) -> PriceList<u32> {
        PriceList {
            id,
            public,
            active: true,
            validity: Validity::default(),
        }
    }

    #[test]
    fn r_sales_4_a_customer_gets_the_public_lists_and_their_own() {
        let lists = [list(1, true), list(2, false), list(3, false)];
        assert_eq!(applicable_lists(&lists, false, &[3], &0), vec![1, 3]);
    }

    #[test]
    fn r_sales_4_uses_only_own_price_lists_ignores_the_public_ones() {
        let lists = [list(1, true), list(2, false), list(3, true)];
        assert_eq!(applicable_lists(&lists, true, &[2, 3], &0), vec![2, 3]);
        assert_eq!(applicable_lists(&lists, true, &[], &0), Vec::<i64>::new());
    }

    #[test]
    fn r_sales_4_inactive_or_expired_lists_never_apply_even_when_own() {
        let mut inactive = list(1, true);
        inactive.active = false;
        let mut expired = list(2, false);
        expired.validity = Validity {
            from: None,
            to: Some(9),
        };
        assert_eq!(
            applicable_lists(&[inactive, expired], false, &[1, 2], &10),
            Vec::<i64>::new()
        );
    }

    #[test]
    fn r_sales_4_a_list_repeated_in_the_input_appears_once() {
        let lists = [list(1, true), list(1, true)];
        assert_eq!(applicable_lists(&lists, false, &[1, 1], &0), vec![1]);
    }

    fn lists() -> impl Strategy<Value = Vec<PriceList<u32>>> {
        proptest::collection::vec(
            (0i64..12, any::<bool>(), any::<bool>()).prop_map(|(id, public, active)| PriceList {
                id,
                public,
                active,
                validity: Validity::default(),
            }),
            0..10,
        )
    }

    proptest! {
        #[test]
        fn r_sales_4_only_own_lists_is_a_subset_of_own_and_of_the_open_choice(
            lists in lists(),
            own in proptest::collection::vec(0i64..12, 0..6),
        ) {
            let only_own = applicable_lists(&lists, true, &own, &0);
            let open = applicable_lists(&lists, false, &own, &0);
            for id in &only_own {
                prop_assert!(own.contains(id));
                prop_assert!(open.contains(id));
            }
        }
    }
}
