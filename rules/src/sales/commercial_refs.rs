//! The entry a customer's sales defaults (or a company's, R-SALES-1) point to in each
//! commercial table: read from the form, written back, compared for the history.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::customer::FieldError;
use crate::table_kind::CommercialKind;

/// The entry a customer (or a company's defaults) points to in each commercial table, in
/// `CommercialKind::ALL` order; `None` is "not informed".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CommercialRefs(pub(crate) [Option<i64>; CommercialKind::ALL.len()]);

impl CommercialRefs {
    fn slot(kind: CommercialKind) -> usize {
        CommercialKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or_default()
    }

    pub fn get(&self, kind: CommercialKind) -> Option<i64> {
        self.0[Self::slot(kind)]
    }

    pub fn set(&mut self, kind: CommercialKind, entry: Option<i64>) {
        self.0[Self::slot(kind)] = entry;
    }

    /// Every table with its entry, in `CommercialKind::ALL` order.
    pub fn by_kind(&self) -> impl Iterator<Item = (CommercialKind, Option<i64>)> + '_ {
        CommercialKind::ALL
            .into_iter()
            .map(|kind| (kind, self.get(kind)))
    }

    /// The form's values: each table's entry id as text.
    pub fn input(&self) -> BTreeMap<String, String> {
        self.by_kind()
            .map(|(kind, entry)| {
                (
                    kind.code().to_string(),
                    entry.map(|id| id.to_string()).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// Reads the form's values; a value that is no entry id is the field's error. Whether the
    /// entry exists in the company, and is of its table, is the store's check.
    pub fn parse(typed: &BTreeMap<String, String>) -> Result<Self, Vec<FieldError>> {
        let mut refs = CommercialRefs::default();
        let mut errors = Vec::new();
        for kind in CommercialKind::ALL {
            let text = typed.get(kind.code()).map(|t| t.trim()).unwrap_or_default();
            if text.is_empty() {
                continue;
            }
            match text.parse::<i64>() {
                Ok(id) if id > 0 => refs.set(kind, Some(id)),
                _ => errors.push(FieldError {
                    field: table_field(kind),
                    message: "Escolha uma opção da lista.".to_string(),
                }),
            }
        }
        if errors.is_empty() {
            Ok(refs)
        } else {
            Err(errors)
        }
    }
}

/// The form field of one commercial table's select (`tables.billing_type`).
pub fn table_field(kind: CommercialKind) -> &'static str {
    match kind {
        CommercialKind::BillingType => "tables.billing_type",
        CommercialKind::Currency => "tables.currency",
        CommercialKind::Bearer => "tables.bearer",
        CommercialKind::FreightTable => "tables.freight_table",
        CommercialKind::Incoterm => "tables.incoterm",
        CommercialKind::CommissionTable => "tables.commission_table",
        CommercialKind::FinancialClass => "tables.financial_class",
        CommercialKind::Insurance => "tables.insurance",
        CommercialKind::ChargeMessage => "tables.charge_message",
        CommercialKind::InvoiceMessage => "tables.invoice_message",
        CommercialKind::Carrier => "tables.carrier",
    }
}
