//! The company's sales settings (issue 11): the defaults a customer used for the first time in
//! the company starts from (R-SALES-1) and what applies where a customer has none of their own
//! (R-CREDIT-1 pre-approved limit, R-SALES-9 late fee, R-SALES-3 the establishment's maximum
//! discount, R-SALES-6 credit use and order).

use serde::{Deserialize, Serialize};

use super::credit_limit::parse_credit_limit;
use super::credit_use::{CreditOrder, CreditUse};
use super::defaults::{parse_daily_interest, CompanySalesSettings};
use super::late_fee::parse_late_fee;
use super::max_discount::{parse_max_discount, MAX_DISCOUNT_FIELD};
use super::percent;
use crate::customer::FieldError;
use crate::customer_audit::FieldChange;
use crate::money::format_brl;

/// What the settings form sends, as typed; the field names are the customer tab's, so one
/// message reads the same in both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CompanySettingsInput {
    pub credit_limit: String,
    pub daily_interest: String,
    pub late_fee: String,
    pub max_discount: String,
    pub credit_use: String,
    pub credit_order: String,
}

fn required_choice<T>(
    field: &'static str,
    typed: &str,
    from_code: fn(&str) -> Option<T>,
) -> Result<T, FieldError> {
    from_code(typed.trim()).ok_or_else(|| FieldError {
        field,
        message: "Escolha uma opção da lista.".to_string(),
    })
}

/// The value read, or `None` with its error kept.
fn kept<T>(read: Result<T, FieldError>, errors: &mut Vec<FieldError>) -> Option<T> {
    read.map_err(|error| errors.push(error)).ok()
}

impl CompanySettingsInput {
    pub fn parse(&self) -> Result<CompanySalesSettings, Vec<FieldError>> {
        let mut errors = Vec::new();
        let limit = kept(parse_credit_limit(&self.credit_limit), &mut errors);
        let interest = kept(parse_daily_interest(&self.daily_interest), &mut errors);
        let late_fee = kept(parse_late_fee(&self.late_fee), &mut errors);
        let max_discount = kept(
            parse_max_discount(MAX_DISCOUNT_FIELD, &self.max_discount),
            &mut errors,
        );
        let credit_use = kept(
            required_choice("credit_use", &self.credit_use, CreditUse::from_code),
            &mut errors,
        );
        let credit_order = kept(
            required_choice("credit_order", &self.credit_order, CreditOrder::from_code),
            &mut errors,
        );
        match (
            limit,
            interest,
            late_fee,
            max_discount,
            credit_use,
            credit_order,
        ) {
            (Some(limit), Some(interest), Some(fee), Some(max), Some(usage), Some(order)) => {
                Ok(CompanySalesSettings {
                    pre_approved_credit_limit: limit,
                    daily_interest: interest,
                    late_fee: fee,
                    max_discount: max,
                    credit_use: usage,
                    credit_order: order,
                })
            }
            _ => Err(errors),
        }
    }
}

impl CompanySalesSettings {
    pub fn input(&self) -> CompanySettingsInput {
        let percent = |value: Option<_>| value.map(percent::format_plain).unwrap_or_default();
        CompanySettingsInput {
            credit_limit: self
                .pre_approved_credit_limit
                .map(crate::money::format_plain)
                .unwrap_or_default(),
            daily_interest: percent(self.daily_interest),
            late_fee: percent(self.late_fee),
            max_discount: percent(self.max_discount),
            credit_use: self.credit_use.code().to_string(),
            credit_order: self.credit_order.code().to_string(),
        }
    }

    /// (label, shown value) of each setting, in the form's order, for its history.
    pub fn audited_fields(&self) -> [(&'static str, String); 6] {
        let percent = |value: Option<_>| value.map(percent::format).unwrap_or_default();
        [
            (
                "Limite de crédito pré-aprovado",
                self.pre_approved_credit_limit
                    .map(format_brl)
                    .unwrap_or_default(),
            ),
            ("Juros diários", percent(self.daily_interest)),
            ("Multa", percent(self.late_fee)),
            ("Desconto máximo", percent(self.max_discount)),
            ("Uso do crédito", self.credit_use.label().to_string()),
            (
                "Ordem de aplicação do crédito",
                self.credit_order.label().to_string(),
            ),
        ]
    }
}

/// The audited differences between two states of the settings.
pub fn settings_changes(
    before: &CompanySalesSettings,
    after: &CompanySalesSettings,
) -> Vec<FieldChange> {
    before
        .audited_fields()
        .into_iter()
        .zip(after.audited_fields())
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, old_value), (_, new_value))| FieldChange {
            field: field.to_string(),
            old_value,
            new_value,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    #[test]
    fn the_settings_read_what_brazilians_type_and_empty_means_none() {
        let input = CompanySettingsInput {
            credit_limit: "5.000,00".into(),
            daily_interest: "0,0333".into(),
            late_fee: "2".into(),
            max_discount: String::new(),
            credit_use: "optional".into(),
            credit_order: "split".into(),
        };
        let read = input.parse().unwrap();
        assert_eq!(read.pre_approved_credit_limit, Some(Decimal::new(5000, 0)));
        assert_eq!(read.daily_interest, Some(Decimal::new(333, 4)));
        assert_eq!(read.max_discount, None);
        assert_eq!(read.credit_order, CreditOrder::Split);
        assert_eq!(read.input().parse(), Ok(read));
    }

    #[test]
    fn every_wrong_setting_is_named_and_the_credit_use_must_be_chosen() {
        let input = CompanySettingsInput {
            credit_limit: "abc".into(),
            late_fee: "101".into(),
            credit_use: String::new(),
            credit_order: "ascending".into(),
            ..Default::default()
        };
        let fields: Vec<_> = input
            .parse()
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["credit_limit", "late_fee", "credit_use"]);
    }

    #[test]
    fn r_company_2_each_changed_setting_is_one_history_line() {
        let before = CompanySalesSettings::default();
        let after = CompanySalesSettings {
            pre_approved_credit_limit: Some(Decimal::new(250000, 2)),
            credit_use: CreditUse::Always,
            ..before.clone()
        };
        let found = settings_changes(&before, &after);
        let shown: Vec<_> = found
            .iter()
            .map(|c| (c.field.as_str(), c.old_value.as_str(), c.new_value.as_str()))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("Limite de crédito pré-aprovado", "", "R$ 2.500,00"),
                ("Uso do crédito", "Opcional", "Sempre utilizar"),
            ]
        );
    }

    proptest! {
        #[test]
        fn settings_shown_read_back_as_stored(
            limit in prop::option::of(0i64..1_000_000_000),
            interest in prop::option::of(0i64..=100_000),
            fee in prop::option::of(0i64..=10_000),
            max in prop::option::of(0i64..=10_000),
            usage in prop::sample::select(CreditUse::ALL),
            order in prop::sample::select(CreditOrder::ALL),
        ) {
            let settings = CompanySalesSettings {
                pre_approved_credit_limit: limit.map(|c| Decimal::new(c, 2)),
                daily_interest: interest.map(|c| Decimal::new(c, 4)),
                late_fee: fee.map(|c| Decimal::new(c, 2)),
                max_discount: max.map(|c| Decimal::new(c, 2)),
                credit_use: usage,
                credit_order: order,
            };
            prop_assert_eq!(settings.input().parse(), Ok(settings));
        }
    }
}
