//! The price lists and payment plans a customer holds in a company (R-SALES-4/5): sets of
//! table entries, ticked on the sales tab, saved with replace semantics (`selection::replace`)
//! and written into the history as the lists before and after.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::selection::replace;
use crate::customer::FieldError;
use crate::customer_audit::FieldChange;
use crate::table_kind::LinkedKind;

/// Each set ascending, once each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnEntries {
    pub price_lists: Vec<i64>,
    pub payment_plans: Vec<i64>,
    /// Allowed carriers and drivers, and fleet vehicles, of pickup orders (R-SALES-10).
    #[serde(default)]
    pub carriers: Vec<i64>,
    #[serde(default)]
    pub fleet: Vec<i64>,
}

/// What the form sends: per table code, the ticked entries' ids (`own[price_list][12]=on`).
pub type OwnEntriesInput = BTreeMap<String, BTreeMap<String, String>>;

/// The form field a set's error is shown beside.
pub fn own_field(kind: LinkedKind) -> &'static str {
    match kind {
        LinkedKind::PriceList => "own.price_list",
        LinkedKind::PaymentPlan => "own.payment_plan",
        LinkedKind::Carrier => "own.carrier",
        LinkedKind::FleetVehicle => "own.fleet_vehicle",
    }
}

impl OwnEntries {
    pub fn get(&self, kind: LinkedKind) -> &[i64] {
        match kind {
            LinkedKind::PriceList => &self.price_lists,
            LinkedKind::PaymentPlan => &self.payment_plans,
            LinkedKind::Carrier => &self.carriers,
            LinkedKind::FleetVehicle => &self.fleet,
        }
    }

    /// Replaces the set of `kind` by `ids` (sorted, repeats dropped).
    pub fn set(&mut self, kind: LinkedKind, ids: impl IntoIterator<Item = i64>) {
        let ids: Vec<i64> = ids
            .into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        match kind {
            LinkedKind::PriceList => self.price_lists = ids,
            LinkedKind::PaymentPlan => self.payment_plans = ids,
            LinkedKind::Carrier => self.carriers = ids,
            LinkedKind::FleetVehicle => self.fleet = ids,
        }
    }

    pub fn all_ids(&self) -> impl Iterator<Item = i64> + '_ {
        LinkedKind::ALL
            .into_iter()
            .flat_map(|kind| self.get(kind).iter().copied())
    }

    pub fn input(&self) -> OwnEntriesInput {
        LinkedKind::ALL
            .into_iter()
            .filter(|kind| !self.get(*kind).is_empty())
            .map(|kind| {
                let ticked = self
                    .get(kind)
                    .iter()
                    .map(|id| (id.to_string(), "on".to_string()))
                    .collect();
                (kind.code().to_string(), ticked)
            })
            .collect()
    }

    /// Reads the ticked boxes; an unknown table or an id that is not a number is a field error
    /// (a malformed request), never a crash. Whether each id is an entry of the company is the
    /// store's check.
    pub fn parse(typed: &OwnEntriesInput) -> Result<Self, Vec<FieldError>> {
        let mut own = OwnEntries::default();
        let mut errors = Vec::new();
        for (code, ticked) in typed {
            let Some(kind) = LinkedKind::from_code(code) else {
                errors.push(FieldError {
                    field: "own",
                    message: "Escolha uma opção da lista.".to_string(),
                });
                continue;
            };
            let mut ids = Vec::new();
            for (id, value) in ticked {
                if !matches!(value.trim(), "on" | "true") {
                    continue;
                }
                match id.trim().parse::<i64>() {
                    Ok(id) => ids.push(id),
                    Err(_) => errors.push(FieldError {
                        field: own_field(kind),
                        message: "Escolha uma opção da lista.".to_string(),
                    }),
                }
            }
            own.set(kind, ids);
        }
        if errors.is_empty() {
            Ok(own)
        } else {
            Err(errors)
        }
    }
}

impl OwnEntries {
    /// At most one entry per set, as the company settings' selects send them (`price_list` →
    /// `12`, empty for none): the entry a new customer starts with (R-SALES-1).
    pub fn parse_single(typed: &BTreeMap<String, String>) -> Result<Self, Vec<FieldError>> {
        let as_sets: OwnEntriesInput = typed
            .iter()
            .filter(|(_, id)| !id.trim().is_empty())
            .map(|(kind, id)| {
                let ticked = BTreeMap::from([(id.trim().to_string(), "on".to_string())]);
                (kind.clone(), ticked)
            })
            .collect();
        Self::parse(&as_sets)
    }

    /// What `parse_single` reads back: each set's first entry.
    pub fn single_input(&self) -> BTreeMap<String, String> {
        LinkedKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let first = self.get(kind).first()?;
                Some((kind.code().to_string(), first.to_string()))
            })
            .collect()
    }
}

/// One history line per set that changed: the entries before and after, each shown through
/// `label` ("ATACADO-SC - Atacado Santa Catarina"), in the labels' order (by code).
pub fn own_changes(
    before: &OwnEntries,
    after: &OwnEntries,
    label: impl Fn(i64) -> String,
) -> Vec<FieldChange> {
    named_own_changes(before, after, label, |kind| kind.field_name())
}

/// `own_changes` of a company's defaults for new customers, under the settings form's labels
/// ("Plano de pagamento (cliente novo)").
pub fn company_own_changes(
    before: &OwnEntries,
    after: &OwnEntries,
    label: impl Fn(i64) -> String,
) -> Vec<FieldChange> {
    named_own_changes(before, after, label, LinkedKind::company_default_label)
}

fn named_own_changes(
    before: &OwnEntries,
    after: &OwnEntries,
    label: impl Fn(i64) -> String,
    field: impl Fn(LinkedKind) -> &'static str,
) -> Vec<FieldChange> {
    let shown = |ids: &[i64]| {
        let mut labels: Vec<String> = ids.iter().map(|id| label(*id)).collect();
        labels.sort();
        labels.join(", ")
    };
    LinkedKind::ALL
        .into_iter()
        .filter(|kind| !replace(before.get(*kind), after.get(*kind)).is_empty())
        .map(|kind| FieldChange {
            field: field(kind).to_string(),
            old_value: shown(before.get(kind)),
            new_value: shown(after.get(kind)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn typed(pairs: &[(&str, &[&str])]) -> OwnEntriesInput {
        pairs
            .iter()
            .map(|(kind, ids)| {
                let ticked = ids.iter().map(|id| (id.to_string(), "on".into())).collect();
                (kind.to_string(), ticked)
            })
            .collect()
    }

    #[test]
    fn r_sales_4_the_ticked_lists_are_the_customers_set() {
        let own = OwnEntries::parse(&typed(&[
            ("price_list", &["12", "3"]),
            ("payment_plan", &["7"]),
        ]))
        .unwrap();
        assert_eq!(own.price_lists, vec![3, 12]);
        assert_eq!(own.payment_plans, vec![7]);
        assert_eq!(OwnEntries::parse(&own.input()), Ok(own));
        assert_eq!(
            OwnEntries::parse(&BTreeMap::new()),
            Ok(OwnEntries::default())
        );
    }

    #[test]
    fn r_sales_1_the_companys_defaults_are_one_entry_per_set_and_read_back() {
        let typed = BTreeMap::from([
            ("price_list".to_string(), "12".to_string()),
            ("payment_plan".to_string(), String::new()),
        ]);
        let own = OwnEntries::parse_single(&typed).unwrap();
        assert_eq!(own.price_lists, vec![12]);
        assert!(own.payment_plans.is_empty());
        assert_eq!(OwnEntries::parse_single(&own.single_input()), Ok(own));
    }

    #[test]
    fn a_malformed_set_is_a_field_error() {
        let errors =
            OwnEntries::parse(&typed(&[("price_list", &["x"]), ("boleto", &["1"])])).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["own", "own.price_list"]);
    }

    #[test]
    fn r_sales_4_a_changed_set_is_one_history_line_with_the_lists_before_and_after() {
        let before = OwnEntries {
            price_lists: vec![1, 2],
            payment_plans: vec![5],
            ..OwnEntries::default()
        };
        let after = OwnEntries {
            price_lists: vec![2, 3],
            payment_plans: vec![5],
            ..OwnEntries::default()
        };
        let label = |id: i64| format!("L{id}");
        assert_eq!(
            own_changes(&before, &after, label),
            vec![FieldChange {
                field: "Listas de preço".into(),
                old_value: "L1, L2".into(),
                new_value: "L2, L3".into(),
            }]
        );
        assert!(own_changes(&after, &after, label).is_empty());
        // A company's default is one entry for its new customers: the settings form's label.
        assert_eq!(
            company_own_changes(&before, &after, label)[0].field,
            "Lista de preço (cliente novo)"
        );
    }

    proptest! {
        #[test]
        fn r_sales_4_saving_a_selection_leaves_exactly_the_selection(
            current in proptest::collection::vec(1i64..20, 0..8),
            selected in proptest::collection::vec(1i64..20, 0..8),
        ) {
            let mut own = OwnEntries::default();
            own.set(LinkedKind::PriceList, current.clone());
            let mut after = own.clone();
            after.set(LinkedKind::PriceList, selected.clone());
            let mut expected: Vec<i64> = selected.clone();
            expected.sort();
            expected.dedup();
            prop_assert_eq!(after.get(LinkedKind::PriceList), &expected[..]);
            let changed = !own_changes(&own, &after, |id| id.to_string()).is_empty();
            prop_assert_eq!(changed, own.price_lists != expected);
        }
    }
}
