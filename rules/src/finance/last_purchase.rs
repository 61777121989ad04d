//! R-CUST-6: the customer's last purchase date ignores cancelled orders. Deleted orders are
//! gone from what the caller reads, so they cannot count either.

use serde::{Deserialize, Serialize};

/// An order of the customer, as far as the last purchase goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purchase<D> {
    pub date: D,
    pub cancelled: bool,
}

/// The latest date among the orders not cancelled; `None` when there is none.
pub fn last_purchase<D: Ord + Clone>(purchases: &[Purchase<D>]) -> Option<D> {
    purchases
        .iter()
        .filter(|p| !p.cancelled)
        .map(|p| &p.date)
        .max()
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::day::{day, Day};
    use proptest::prelude::*;

    fn purchase(date: &str, cancelled: bool) -> Purchase<Day> {
        Purchase {
            date: day(date),
            cancelled,
        }
    }

    #[test]
    fn r_cust_6_the_last_purchase_ignores_a_later_cancelled_order() {
        let orders = [
            purchase("2026-01-15", false),
            purchase("2026-03-02", false),
            purchase("2026-03-20", true),
        ];
        assert_eq!(last_purchase(&orders), Some(day("2026-03-02")));
    }

    #[test]
    fn r_cust_6_a_customer_whose_orders_were_all_cancelled_has_no_last_purchase() {
        assert_eq!(last_purchase(&[purchase("2026-03-20", true)]), None);
        assert_eq!(last_purchase::<Day>(&[]), None);
    }

    #[test]
    fn r_cust_6_works_on_the_stored_date_text_as_well() {
        let orders = [
            Purchase {
                date: "2025-12-31",
                cancelled: false,
            },
            Purchase {
                date: "2026-01-02",
                cancelled: false,
            },
        ];
        assert_eq!(last_purchase(&orders), Some("2026-01-02"));
    }

    proptest! {
        #[test]
        fn r_cust_6_the_last_purchase_is_the_latest_order_not_cancelled(
            orders in proptest::collection::vec((0u32..1000, any::<bool>()), 0..20),
        ) {
            let purchases: Vec<Purchase<u32>> = orders
                .iter()
                .map(|&(date, cancelled)| Purchase { date, cancelled })
                .collect();
            let last = last_purchase(&purchases);
            match last {
                None => prop_assert!(purchases.iter().all(|p| p.cancelled)),
                Some(last) => {
                    prop_assert!(purchases.iter().any(|p| !p.cancelled && p.date == last));
                    prop_assert!(purchases.iter().all(|p| p.cancelled || p.date <= last));
                }
            }
        }
    }
}
