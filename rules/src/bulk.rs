//! Batch maintenance (R-BULK): the one declared list of fields that "alter all" may set, and
//! the check of a requested batch against it. A field that later issues make bulk-editable
//! (price lists, payment plans, concepts, credit limit, blocks…) joins by adding an entry to
//! `BULK_FIELDS`; the screen, the server check and the store read this list.

use serde::{Deserialize, Serialize};

use crate::customer::Status;
use crate::lookup::LookupKind;
use crate::permission::Permission;
use crate::profile::field_name;
use crate::sales::bulk_numbers::SalesNumber;
use crate::table_kind::{CommercialKind, LinkedKind};

/// Where a bulk-editable field's value lives and what kind of value it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkTarget {
    /// A column of the customer's commercial profile in the current company (R-COMPANY-1),
    /// holding an entry of the auxiliary table of that kind.
    Profile(LookupKind),
    /// The customer's status (R-CUST-3).
    Status,
    /// The customer's city: the city of its preferred main address, which the customer's own
    /// city follows (R-CUST-5); customers without one get the city on the record only.
    City,
    /// The district of the customer's preferred main address; customers without one keep none.
    District,
    /// An entry of a commercial table in the customer's sales defaults in the current company
    /// (customers not used in the company have none to change).
    SalesTable(CommercialKind),
    /// The customer's set of price lists or payment plans in the current company, replaced by
    /// the chosen one as the sales tab does (R-SALES-4, R-BULK-3).
    OwnSet(LinkedKind),
    /// A number of the customer's sales defaults in the current company (limit, interest,
    /// discounts), read, stored and recorded as the tab does.
    SalesNumber(SalesNumber),
}

impl BulkTarget {
    /// Whether the value lives in the current company's rows (profile, sales defaults): its
    /// history rows are the company's (R-COMPANY-1, R-COMPANY-3).
    pub fn company_scoped(self) -> bool {
        matches!(
            self,
            BulkTarget::Profile(_)
                | BulkTarget::SalesTable(_)
                | BulkTarget::OwnSet(_)
                | BulkTarget::SalesNumber(_)
        )
    }

    /// Whether the value lives in the customer's sales defaults (their tab's version moves).
    pub fn in_sales_defaults(self) -> bool {
        matches!(
            self,
            BulkTarget::SalesTable(_) | BulkTarget::OwnSet(_) | BulkTarget::SalesNumber(_)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BulkFieldSpec {
    /// The form and URL name, stable: `salesperson`, `status`…
    pub code: &'static str,
    pub target: BulkTarget,
    /// The permission needed besides "bulk update" (R-PERM-1).
    pub permission: Permission,
    /// R-SELLER-1: a change to a different value asks for notes, recorded per customer.
    pub asks_for_notes: bool,
}

impl BulkFieldSpec {
    /// The name the screen and the customer's history use, the same as a single edit's.
    pub fn label(&self) -> &'static str {
        match self.target {
            BulkTarget::Profile(kind) => field_name(kind),
            BulkTarget::Status => "Situação",
            BulkTarget::City => "Cidade",
            BulkTarget::District => "Bairro",
            BulkTarget::SalesTable(kind) => kind.field_name(),
            BulkTarget::OwnSet(kind) => kind.field_name(),
            BulkTarget::SalesNumber(number) => number.label(),
        }
    }
}

const fn profile(code: &'static str, kind: LookupKind, asks_for_notes: bool) -> BulkFieldSpec {
    BulkFieldSpec {
        code,
        target: BulkTarget::Profile(kind),
        permission: Permission::AlterCustomer,
        asks_for_notes,
    }
}

pub const BULK_FIELDS: &[BulkFieldSpec] = &[
    profile("salesperson", LookupKind::Salesperson, true),
    profile("customer_group", LookupKind::CustomerGroup, false),
    profile("activity_branch", LookupKind::ActivityBranch, false),
    profile("region", LookupKind::Region, false),
    profile("category", LookupKind::Category, false),
    BulkFieldSpec {
        code: "status",
        target: BulkTarget::Status,
        permission: Permission::AlterCustomer,
        asks_for_notes: false,
    },
    BulkFieldSpec {
        code: "city",
        target: BulkTarget::City,
        permission: Permission::AlterCustomer,
        asks_for_notes: false,
    },
    BulkFieldSpec {
        code: "district",
        target: BulkTarget::District,
        permission: Permission::AlterCustomer,
        asks_for_notes: false,
    },
    number("credit_limit", SalesNumber::CreditLimit),
    number("daily_interest", SalesNumber::DailyInterest),
    number("discount", SalesNumber::Discount),
    number("max_discount", SalesNumber::MaxDiscount),
    sales("price_lists", BulkTarget::OwnSet(LinkedKind::PriceList)),
    sales("payment_plans", BulkTarget::OwnSet(LinkedKind::PaymentPlan)),
    sales(
        "billing_type",
        BulkTarget::SalesTable(CommercialKind::BillingType),
    ),
    sales("bearer", BulkTarget::SalesTable(CommercialKind::Bearer)),
    sales(
        "financial_class",
        BulkTarget::SalesTable(CommercialKind::FinancialClass),
    ),
    sales(
        "commission_table",
        BulkTarget::SalesTable(CommercialKind::CommissionTable),
    ),
    sales("carrier", BulkTarget::SalesTable(CommercialKind::Carrier)),
];

/// A number of the sales tab, under the tab's permission for it (R-PERM-1).
const fn number(code: &'static str, number: SalesNumber) -> BulkFieldSpec {
    BulkFieldSpec {
        code,
        target: BulkTarget::SalesNumber(number),
        permission: match number {
            SalesNumber::CreditLimit => Permission::AlterCreditLimit,
            _ => Permission::AlterSalesDefaults,
        },
        asks_for_notes: false,
    }
}

/// A field of the sales tab: "alter sales defaults", as on the tab (R-PERM-1).
const fn sales(code: &'static str, target: BulkTarget) -> BulkFieldSpec {
    BulkFieldSpec {
        code,
        target,
        permission: Permission::AlterSalesDefaults,
        asks_for_notes: false,
    }
}

/// The longest district a single edit accepts, the same in bulk.
pub const DISTRICT_MAX: usize = 60;

pub fn bulk_field(code: &str) -> Option<&'static BulkFieldSpec> {
    BULK_FIELDS.iter().find(|f| f.code == code)
}

/// The fields this user may set in bulk: none without "bulk update" (R-PERM-1).
pub fn offered_fields(permissions: &[Permission]) -> Vec<&'static BulkFieldSpec> {
    if !permissions.contains(&Permission::BulkUpdate) {
        return Vec::new();
    }
    BULK_FIELDS
        .iter()
        .filter(|f| permissions.contains(&f.permission))
        .collect()
}

/// What the form sends: a field code, the value as text (an entry id, a status code, or empty
/// to clear a profile field; a city identification; a district), and the notes of a
/// salesperson change.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BulkChangeInput {
    pub field: String,
    pub value: String,
    pub notes: String,
}

/// A checked change: the field and the value to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkChange {
    pub spec: &'static BulkFieldSpec,
    pub value: BulkValue,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkValue {
    /// An auxiliary-table entry, or `None` to clear the field.
    Entry(Option<i64>),
    Status(Status),
    /// A city identification as the IBGE table spells it (`SAO LEOPOLDO - RS`); the store
    /// checks that it exists.
    City(String),
    /// A district's name, as a single edit would store it.
    Text(String),
    /// A set of entries (price lists, payment plans), ascending, once each; empty clears.
    Entries(Vec<i64>),
    /// A number as its column stores it (`5000.00`), or `None` to clear it.
    Number(Option<String>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BulkRefusal {
    /// The user lacks "bulk update" or the field's own permission.
    Forbidden,
    /// Bad input, by form field, in Portuguese.
    Invalid(Vec<(String, String)>),
}

/// "12,3" → [3, 12]: the ids a set field's form sends, comma-separated; empty clears the set.
fn parse_entries(text: &str) -> Result<Vec<i64>, &'static str> {
    let mut ids = text
        .split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<i64>().map_err(|_| "Escolha valores da lista."))
        .collect::<Result<Vec<_>, _>>()?;
    ids.sort_unstable();
    ids.dedup();
    Ok(ids)
}

/// Checks a requested batch: permissions first (a field the user may not alter is refused
/// whatever the client sends), then each value; at least one field, each at most once.
pub fn check_changes(
    permissions: &[Permission],
    requested: &[BulkChangeInput],
) -> Result<Vec<BulkChange>, BulkRefusal> {
    let offered = offered_fields(permissions);
    let mut errors = Vec::new();
    let mut changes: Vec<BulkChange> = Vec::new();
    for (index, input) in requested.iter().enumerate() {
        let form_field = format!("changes[{index}][value]");
        let Some(spec) = bulk_field(input.field.trim()) else {
            errors.push((
                format!("changes[{index}][field]"),
                "Escolha um campo da lista.".to_string(),
            ));
            continue;
        };
        if !offered.contains(&spec) {
            return Err(BulkRefusal::Forbidden);
        }
        if changes.iter().any(|c| c.spec == spec) {
            errors.push((
                format!("changes[{index}][field]"),
                format!("{} aparece mais de uma vez.", spec.label()),
            ));
            continue;
        }
        let text = input.value.trim();
        let value = match spec.target {
            BulkTarget::OwnSet(_) => parse_entries(text).map(BulkValue::Entries),
            BulkTarget::SalesNumber(number) => match number.parse(text) {
                Ok(value) => Ok(BulkValue::Number(value.map(|v| number.stored(v)))),
                Err(message) => {
                    errors.push((form_field, message));
                    continue;
                }
            },
            BulkTarget::Profile(_) | BulkTarget::SalesTable(_) if text.is_empty() => {
                Ok(BulkValue::Entry(None))
            }
            BulkTarget::Profile(_) | BulkTarget::SalesTable(_) => text
                .parse::<i64>()
                .map(|id| BulkValue::Entry(Some(id)))
                .map_err(|_| "Escolha um valor da lista."),
            BulkTarget::Status => Status::from_code(text)
                .map(BulkValue::Status)
                .ok_or("Escolha um valor da lista."),
            BulkTarget::City => match crate::city::fold(text) {
                city if city.is_empty() => Err("Informe a cidade."),
                city => Ok(BulkValue::City(city)),
            },
            BulkTarget::District if text.is_empty() => Err("Informe o bairro."),
            BulkTarget::District if text.chars().count() > DISTRICT_MAX => {
                Err("O bairro tem no máximo 60 caracteres.")
            }
            BulkTarget::District => Ok(BulkValue::Text(text.to_string())),
        };
        match value {
            Ok(value) => changes.push(BulkChange {
                spec,
                value,
                notes: if spec.asks_for_notes {
                    input.notes.trim().to_string()
                } else {
                    String::new()
                },
            }),
            Err(message) => errors.push((form_field, message.to_string())),
        }
    }
    if changes.is_empty() && errors.is_empty() {
        errors.push((
            "changes".to_string(),
            "Escolha ao menos um campo para alterar.".to_string(),
        ));
    }
    if errors.is_empty() {
        Ok(changes)
    } else {
        Err(BulkRefusal::Invalid(errors))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(field: &str, value: &str) -> BulkChangeInput {
        BulkChangeInput {
            field: field.into(),
            value: value.into(),
            notes: "Carteira redistribuída".into(),
        }
    }

    #[test]
    fn every_declared_field_has_a_unique_code_and_a_label() {
        for (i, field) in BULK_FIELDS.iter().enumerate() {
            assert!(!field.label().is_empty());
            assert!(BULK_FIELDS[i + 1..].iter().all(|f| f.code != field.code));
            assert_eq!(bulk_field(field.code), Some(field));
        }
    }

    #[test]
    fn r_perm_1_without_bulk_update_nothing_is_offered_or_accepted() {
        let clerk = [Permission::IncludeCustomer, Permission::AlterCustomer];
        assert!(offered_fields(&clerk).is_empty());
        assert_eq!(
            check_changes(&clerk, &[change("salesperson", "4")]),
            Err(BulkRefusal::Forbidden)
        );
    }

    #[test]
    fn r_perm_1_a_field_needs_its_own_permission_too() {
        let bulk_only = [Permission::BulkUpdate];
        assert!(offered_fields(&bulk_only).is_empty());
        assert_eq!(
            check_changes(&bulk_only, &[change("status", "inactive")]),
            Err(BulkRefusal::Forbidden)
        );
    }

    #[test]
    fn r_seller_1_salesperson_notes_travel_with_the_change_and_values_are_checked() {
        let manager = [Permission::AlterCustomer, Permission::BulkUpdate];
        let checked = check_changes(
            &manager,
            &[
                change("salesperson", "4"),
                change("status", "inactive"),
                change("region", ""),
            ],
        )
        .unwrap();
        assert_eq!(checked[0].value, BulkValue::Entry(Some(4)));
        assert_eq!(checked[0].notes, "Carteira redistribuída");
        assert_eq!(checked[1].value, BulkValue::Status(Status::Inactive));
        assert_eq!(checked[1].notes, "");
        assert_eq!(checked[2].value, BulkValue::Entry(None));

        let Err(BulkRefusal::Invalid(errors)) = check_changes(
            &manager,
            &[
                change("status", "sumido"),
                change("salesperson", "4"),
                change("salesperson", "5"),
            ],
        ) else {
            panic!("bad values are refused");
        };
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].0, "changes[0][value]");
        assert!(errors[1].1.contains("mais de uma vez"));
        assert!(matches!(
            check_changes(&manager, &[]),
            Err(BulkRefusal::Invalid(_))
        ));
    }

    #[test]
    fn r_sales_4_a_set_field_reads_its_ids_and_needs_alter_sales_defaults() {
        let manager = [
            Permission::AlterCustomer,
            Permission::AlterSalesDefaults,
            Permission::BulkUpdate,
        ];
        let checked = check_changes(
            &manager,
            &[
                change("price_lists", " 12, 3,12 "),
                change("payment_plans", ""),
                change("billing_type", "7"),
            ],
        )
        .unwrap();
        assert_eq!(checked[0].value, BulkValue::Entries(vec![3, 12]));
        assert_eq!(checked[1].value, BulkValue::Entries(vec![]));
        assert_eq!(checked[2].value, BulkValue::Entry(Some(7)));
        assert_eq!(checked[0].spec.label(), "Listas de preço");
        assert!(matches!(
            check_changes(&manager, &[change("price_lists", "3,x")]),
            Err(BulkRefusal::Invalid(_))
        ));
        let without = [Permission::AlterCustomer, Permission::BulkUpdate];
        assert_eq!(
            check_changes(&without, &[change("price_lists", "3")]),
            Err(BulkRefusal::Forbidden)
        );
    }

    #[test]
    fn r_perm_1_the_credit_limit_in_bulk_needs_its_own_permission_and_numbers_are_checked() {
        let sales = [Permission::AlterSalesDefaults, Permission::BulkUpdate];
        assert_eq!(
            check_changes(&sales, &[change("credit_limit", "5000")]),
            Err(BulkRefusal::Forbidden)
        );
        let checked = check_changes(
            &sales,
            &[change("discount", "2,5"), change("max_discount", "")],
        )
        .unwrap();
        assert_eq!(checked[0].value, BulkValue::Number(Some("2.50".into())));
        assert_eq!(checked[1].value, BulkValue::Number(None));
        let Err(BulkRefusal::Invalid(errors)) =
            check_changes(&sales, &[change("max_discount", "150")])
        else {
            panic!("a maximum discount over 100 is refused");
        };
        assert_eq!(errors[0].0, "changes[0][value]");
    }

    #[test]
    fn city_is_folded_to_its_identification_and_district_follows_the_single_edit_limits() {
        let manager = [Permission::AlterCustomer, Permission::BulkUpdate];
        let checked = check_changes(
            &manager,
            &[
                change("city", " São Leopoldo - rs "),
                change("district", " Centro "),
            ],
        )
        .unwrap();
        assert_eq!(
            checked[0].value,
            BulkValue::City("SAO LEOPOLDO - RS".into())
        );
        assert_eq!(checked[1].value, BulkValue::Text("Centro".into()));
        let long = "x".repeat(DISTRICT_MAX + 1);
        let Err(BulkRefusal::Invalid(errors)) =
            check_changes(&manager, &[change("city", "  "), change("district", &long)])
        else {
            panic!("an empty city and a long district are refused");
        };
        assert_eq!(errors[0].1, "Informe a cidade.");
        assert!(errors[1].1.contains("60 caracteres"));
    }
}
