//! R-SALES-11: the guarantees a customer's credit stands on — a mortgage (due date, credit
//! limit it backs, value) and a bail (due date, issue date, property registry, guarantor).
//! Who may alter them is its own permission (R-PERM-1); `defaults_audit` names it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::customer::FieldError;
use crate::date_input;
use crate::display;
use crate::money::{format_brl, format_plain, parse_brl};

/// Longest property registry or guarantor name kept (a registry line, a full name).
pub const TEXT_MAX: usize = 100;

/// What the form sends, as typed; dates `dd/mm/aaaa`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GuaranteesInput {
    pub mortgage_due: String,
    pub mortgage_credit_limit: String,
    pub mortgage_value: String,
    pub bail_due: String,
    pub bail_issued: String,
    pub bail_property_registry: String,
    pub bail_guarantor: String,
}

/// As stored: dates `aaaa-mm-dd`, money in reais.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guarantees {
    pub mortgage_due: Option<String>,
    pub mortgage_credit_limit: Option<Decimal>,
    pub mortgage_value: Option<Decimal>,
    pub bail_due: Option<String>,
    pub bail_issued: Option<String>,
    pub bail_property_registry: Option<String>,
    pub bail_guarantor: Option<String>,
}

/// The history labels of the guarantees, in the form's order (never renamed once shipped).
pub const LABELS: [&str; 7] = [
    "Hipoteca: vencimento",
    "Hipoteca: limite de crédito",
    "Hipoteca: valor",
    "Fiança: vencimento",
    "Fiança: emissão",
    "Fiança: registro do imóvel",
    "Fiança: fiador",
];

fn date(field: &'static str, typed: &str) -> Result<Option<String>, FieldError> {
    date_input::parse(typed).map_err(|message| FieldError {
        field,
        message: message.to_string(),
    })
}

fn money(field: &'static str, typed: &str) -> Result<Option<Decimal>, FieldError> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    parse_brl(typed).map(Some).map_err(|message| {
        let mut chars = message.chars();
        let first = chars.next().map(|c| c.to_uppercase().to_string());
        FieldError {
            field,
            message: format!("{}{}.", first.unwrap_or_default(), chars.as_str()),
        }
    })
}

fn text(field: &'static str, typed: &str) -> Result<Option<String>, FieldError> {
    let tidy = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if tidy.chars().count() > TEXT_MAX {
        return Err(FieldError {
            field,
            message: format!("Use no máximo {TEXT_MAX} caracteres."),
        });
    }
    Ok((!tidy.is_empty()).then_some(tidy))
}

impl GuaranteesInput {
    pub fn parse(&self) -> Result<Guarantees, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut keep = |read: Result<Option<String>, FieldError>| {
            read.unwrap_or_else(|error| {
                errors.push(error);
                None
            })
        };
        let mortgage_due = keep(date("guarantees.mortgage_due", &self.mortgage_due));
        let bail_due = keep(date("guarantees.bail_due", &self.bail_due));
        let bail_issued = keep(date("guarantees.bail_issued", &self.bail_issued));
        let bail_property_registry = keep(text(
            "guarantees.bail_property_registry",
            &self.bail_property_registry,
        ));
        let bail_guarantor = keep(text("guarantees.bail_guarantor", &self.bail_guarantor));
        let mut keep_money = |read: Result<Option<Decimal>, FieldError>| {
            read.unwrap_or_else(|error| {
                errors.push(error);
                None
            })
        };
        let mortgage_credit_limit = keep_money(money(
            "guarantees.mortgage_credit_limit",
            &self.mortgage_credit_limit,
        ));
        let mortgage_value = keep_money(money("guarantees.mortgage_value", &self.mortgage_value));
        // ISO dates compare as dates.
        if let (Some(issued), Some(due)) = (&bail_issued, &bail_due) {
            if issued > due {
                errors.push(FieldError {
                    field: "guarantees.bail_issued",
                    message: "A emissão da fiança não pode ser depois do vencimento.".to_string(),
                });
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Guarantees {
            mortgage_due,
            mortgage_credit_limit,
            mortgage_value,
            bail_due,
            bail_issued,
            bail_property_registry,
            bail_guarantor,
        })
    }
}

impl Guarantees {
    pub fn input(&self) -> GuaranteesInput {
        let shown_date = |d: &Option<String>| d.as_deref().map(display::date).unwrap_or_default();
        let shown_money = |m: Option<Decimal>| m.map(format_plain).unwrap_or_default();
        GuaranteesInput {
            mortgage_due: shown_date(&self.mortgage_due),
            mortgage_credit_limit: shown_money(self.mortgage_credit_limit),
            mortgage_value: shown_money(self.mortgage_value),
            bail_due: shown_date(&self.bail_due),
            bail_issued: shown_date(&self.bail_issued),
            bail_property_registry: self.bail_property_registry.clone().unwrap_or_default(),
            bail_guarantor: self.bail_guarantor.clone().unwrap_or_default(),
        }
    }

    /// Each guarantee as the history shows it, in `LABELS` order.
    pub fn audited_fields(&self) -> Vec<(&'static str, String)> {
        let shown_date = |d: &Option<String>| d.as_deref().map(display::date).unwrap_or_default();
        let shown_money = |m: Option<Decimal>| m.map(format_brl).unwrap_or_default();
        let values = [
            shown_date(&self.mortgage_due),
            shown_money(self.mortgage_credit_limit),
            shown_money(self.mortgage_value),
            shown_date(&self.bail_due),
            shown_date(&self.bail_issued),
            self.bail_property_registry.clone().unwrap_or_default(),
            self.bail_guarantor.clone().unwrap_or_default(),
        ];
        LABELS.into_iter().zip(values).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn r_sales_11_mortgage_and_bail_read_as_typed_and_show_as_the_form_does() {
        let input = GuaranteesInput {
            mortgage_due: "31/12/2027".into(),
            mortgage_credit_limit: "150.000,00".into(),
            mortgage_value: "320.000,00".into(),
            bail_due: "30/06/2027".into(),
            bail_issued: "01/07/2026".into(),
            bail_property_registry: " Matrícula 12.345  - CRI Canoas ".into(),
            bail_guarantor: "Ana Zanella".into(),
        };
        let read = input.parse().unwrap();
        assert_eq!(read.mortgage_due.as_deref(), Some("2027-12-31"));
        assert_eq!(read.mortgage_credit_limit, Some(Decimal::new(150_000, 0)));
        assert_eq!(
            read.bail_property_registry.as_deref(),
            Some("Matrícula 12.345 - CRI Canoas")
        );
        assert_eq!(read.input().parse(), Ok(read.clone()));
        let shown = read.audited_fields();
        assert_eq!(shown[0], ("Hipoteca: vencimento", "31/12/2027".to_string()));
        assert_eq!(shown[2], ("Hipoteca: valor", "R$ 320.000,00".to_string()));
    }

    #[test]
    fn r_sales_11_wrong_dates_and_amounts_are_named_and_a_bail_issued_after_its_due_refused() {
        let input = GuaranteesInput {
            mortgage_due: "31/02/2027".into(),
            mortgage_value: "-5".into(),
            bail_due: "01/01/2027".into(),
            bail_issued: "02/01/2027".into(),
            ..Default::default()
        };
        let fields: Vec<_> = input
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(
            fields,
            vec![
                "guarantees.mortgage_due",
                "guarantees.mortgage_value",
                "guarantees.bail_issued"
            ]
        );
    }

    proptest! {
        #[test]
        fn guarantees_shown_read_back_as_stored(
            due in prop::option::of((2020i32..2040, 1u32..=12, 1u32..=28)),
            limit in prop::option::of(0i64..1_000_000_000),
            guarantor in prop::option::of("[A-Za-z]{1,20}( [A-Za-z]{1,20})?"),
        ) {
            let stored = Guarantees {
                mortgage_due: due.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
                mortgage_credit_limit: limit.map(|c| Decimal::new(c, 2)),
                bail_guarantor: guarantor,
                ..Default::default()
            };
            prop_assert_eq!(stored.input().parse(), Ok(stored));
        }
    }
}
