//! The customer's commercial profile in one company (R-COMPANY-1) and what changing it means:
//! the audited differences, and whether the salesperson changed (R-SELLER-1).

use serde::{Deserialize, Serialize};

use crate::customer::FieldChange;
use crate::lookup::LookupKind;

/// Ids of the auxiliary-table rows the profile points to; `None` for "not informed".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRefs {
    pub customer_group: Option<i64>,
    pub activity_branch: Option<i64>,
    pub region: Option<i64>,
    pub salesperson: Option<i64>,
    pub category: Option<i64>,
}

impl ProfileRefs {
    pub fn by_kind(&self) -> [(LookupKind, Option<i64>); 5] {
        [
            (LookupKind::CustomerGroup, self.customer_group),
            (LookupKind::ActivityBranch, self.activity_branch),
            (LookupKind::Region, self.region),
            (LookupKind::Salesperson, self.salesperson),
            (LookupKind::Category, self.category),
        ]
    }
}

/// The profile as the form sends it: the chosen row's id as text, empty for none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileInput {
    pub customer_group: String,
    pub activity_branch: String,
    pub region: String,
    pub salesperson: String,
    pub category: String,
}

impl ProfileInput {
    pub fn parse(&self) -> Result<ProfileRefs, (&'static str, String)> {
        let read =
            |field: &'static str, text: &str| -> Result<Option<i64>, (&'static str, String)> {
                let text = text.trim();
                if text.is_empty() {
                    return Ok(None);
                }
                text.parse::<i64>()
                    .map(Some)
                    .map_err(|_| (field, "Escolha uma opção da lista.".to_string()))
            };
        Ok(ProfileRefs {
            customer_group: read("customer_group", &self.customer_group)?,
            activity_branch: read("activity_branch", &self.activity_branch)?,
            region: read("region", &self.region)?,
            salesperson: read("salesperson", &self.salesperson)?,
            category: read("category", &self.category)?,
        })
    }
}

/// The form field of each kind.
pub fn form_field(kind: LookupKind) -> &'static str {
    match kind {
        LookupKind::CustomerGroup => "customer_group",
        LookupKind::ActivityBranch => "activity_branch",
        LookupKind::Region => "region",
        LookupKind::Salesperson => "salesperson",
        LookupKind::Category => "category",
    }
}

/// The history's name for each field of the profile.
pub fn field_name(kind: LookupKind) -> &'static str {
    match kind {
        LookupKind::CustomerGroup => "Grupo",
        LookupKind::ActivityBranch => "Ramo de atividade",
        LookupKind::Region => "Região",
        LookupKind::Salesperson => "Vendedor",
        LookupKind::Category => "Categoria",
    }
}

/// True for the history's name of a profile field: such a change belongs to one company
/// (R-COMPANY-1) and is shown in that company only (R-COMPANY-3).
pub fn is_company_field(history_field: &str) -> bool {
    LookupKind::ALL
        .into_iter()
        .any(|kind| field_name(kind) == history_field)
        || crate::sales::defaults_audit::is_field_label(history_field)
        || crate::sales::ledger_accounts::is_field_label(history_field)
}

/// R-SELLER-1: only a change to a *different* salesperson is a salesperson change (choosing
/// the same one again, or nothing changing, records nothing).
pub fn salesperson_changed(before: &ProfileRefs, after: &ProfileRefs) -> bool {
    before.salesperson != after.salesperson
}

/// The audited differences, each value shown through `label` (e.g. "V01 - Carlos").
pub fn profile_changes(
    before: &ProfileRefs,
    after: &ProfileRefs,
    label: impl Fn(Option<i64>) -> String,
) -> Vec<FieldChange> {
    before
        .by_kind()
        .into_iter()
        .zip(after.by_kind())
        .filter(|((_, old), (_, new))| old != new)
        .map(|((kind, old), (_, new))| FieldChange {
            field: field_name(kind).to_string(),
            old_value: label(old),
            new_value: label(new),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(id: Option<i64>) -> String {
        id.map(|id| format!("#{id}")).unwrap_or_default()
    }

    #[test]
    fn r_seller_1_a_different_salesperson_is_a_change_the_same_one_is_not() {
        let before = ProfileRefs {
            salesperson: Some(1),
            ..Default::default()
        };
        assert!(salesperson_changed(
            &before,
            &ProfileRefs {
                salesperson: Some(2),
                ..before
            }
        ));
        assert!(salesperson_changed(
            &before,
            &ProfileRefs {
                salesperson: None,
                ..before
            }
        ));
        assert!(!salesperson_changed(
            &before,
            &ProfileRefs {
                region: Some(9),
                ..before
            }
        ));
    }

    #[test]
    fn the_form_profile_parses_empty_as_none_and_refuses_garbage() {
        let input = ProfileInput {
            region: "12".into(),
            salesperson: " ".into(),
            ..Default::default()
        };
        assert_eq!(
            input.parse().unwrap(),
            ProfileRefs {
                region: Some(12),
                ..Default::default()
            }
        );
        let bad = ProfileInput {
            category: "abc".into(),
            ..Default::default()
        };
        assert_eq!(bad.parse().unwrap_err().0, "category");
    }

    #[test]
    fn r_company_1_profile_changes_name_each_field_with_old_and_new_labels() {
        let before = ProfileRefs {
            region: Some(1),
            salesperson: Some(5),
            ..Default::default()
        };
        let after = ProfileRefs {
            region: Some(2),
            salesperson: Some(5),
            category: Some(7),
            ..Default::default()
        };
        let found = profile_changes(&before, &after, label);
        assert_eq!(
            found,
            vec![
                FieldChange {
                    field: "Região".into(),
                    old_value: "#1".into(),
                    new_value: "#2".into()
                },
                FieldChange {
                    field: "Categoria".into(),
                    old_value: "".into(),
                    new_value: "#7".into()
                },
            ]
        );
    }
}
