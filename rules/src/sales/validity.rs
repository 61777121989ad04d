//! "Active and valid" for price lists and payment plans (R-SALES-4, R-SALES-5): a validity
//! period with optional ends, both inclusive (a plan valid until 31/12 is still offered on
//! 31/12). The dates are whatever comparable value the caller holds — `chrono::NaiveDate` on
//! the server, an ISO `aaaa-mm-dd` string, a day number — since `rules` keeps no calendar.

use serde::{Deserialize, Serialize};

use crate::customer::FieldError;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity<D> {
    pub from: Option<D>,
    pub to: Option<D>,
}

/// Where `today` stands against a validity period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValidityState {
    NotYet,
    Valid,
    Expired,
}

impl<D: PartialOrd> Validity<D> {
    pub fn state(&self, today: &D) -> ValidityState {
        match (&self.from, &self.to) {
            (Some(from), _) if today < from => ValidityState::NotYet,
            (_, Some(to)) if today > to => ValidityState::Expired,
            _ => ValidityState::Valid,
        }
    }

    pub fn contains(&self, today: &D) -> bool {
        self.state(today) == ValidityState::Valid
    }

    /// A period that ends before it starts is refused on the table's form (`valid_to`).
    pub fn check(&self) -> Result<(), FieldError> {
        match (&self.from, &self.to) {
            (Some(from), Some(to)) if to < from => Err(FieldError {
                field: "valid_to",
                message: "A validade final não pode ser anterior à inicial.".to_string(),
            }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_sales_5_both_ends_of_the_validity_are_inclusive() {
        let period = Validity {
            from: Some("2026-01-01"),
            to: Some("2026-12-31"),
        };
        assert_eq!(period.state(&"2025-12-31"), ValidityState::NotYet);
        assert!(period.contains(&"2026-01-01"));
        assert!(period.contains(&"2026-12-31"));
        assert_eq!(period.state(&"2027-01-01"), ValidityState::Expired);
    }

    #[test]
    fn r_sales_5_an_open_end_never_expires_nor_waits() {
        let open: Validity<u32> = Validity::default();
        assert!(open.contains(&0) && open.contains(&u32::MAX));
        assert!(Validity {
            from: None,
            to: Some(10)
        }
        .contains(&3));
        assert!(Validity {
            from: Some(10),
            to: None
        }
        .contains(&30));
    }

    #[test]
    fn r_sales_5_a_period_ending_before_it_starts_is_refused() {
        assert_eq!(
            Validity {
                from: Some(10),
                to: Some(9)
            }
            .check()
            .unwrap_err()
            .field,
            "valid_to"
        );
        assert!(Validity {
            from: Some(10),
            to: Some(10)
        }
        .check()
        .is_ok());
    }
}
