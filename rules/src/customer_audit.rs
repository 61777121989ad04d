//! What a customer's history records (R-CUST): the audited fields of a record as the form
//! shows them, of a stored record read back without validating it again, and the differences
//! between the two that a save writes.

use serde::{Deserialize, Serialize};

use crate::customer::{CustomerInput, ValidCustomer};
use crate::display;
use crate::document::unmask;
use crate::money::format_brl;

/// One audited difference: field, old value, new value (empty for none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old_value: String,
    pub new_value: String,
}

/// The history lines between two states given as (label, shown value) in the same order:
/// one per label whose shown value differs.
pub fn audited_differences(
    before: Vec<(&'static str, String)>,
    after: Vec<(&'static str, String)>,
) -> Vec<FieldChange> {
    before
        .into_iter()
        .zip(after)
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, old_value), (_, new_value))| FieldChange {
            field: field.to_string(),
            old_value,
            new_value,
        })
        .collect()
}

impl ValidCustomer {
    /// The audited fields, by the name the history shows, each value as the form shows it
    /// (`Jurídica`, `12.ABC.345/01DE-35`, `Ativo`, `31/12/2027`), never a stored code.
    pub fn audited_fields(&self) -> Vec<(&'static str, String)> {
        vec![
            ("Código", self.code.to_string()),
            ("Tipo", self.kind.label().to_string()),
            ("CPF/CNPJ", display::document(&self.document)),
            (
                "Inscrição estadual",
                self.state_registration.clone().unwrap_or_default(),
            ),
            ("Razão social", self.legal_name.clone()),
            ("Nome fantasia", self.trade_name.clone()),
            ("Situação", self.status.label().to_string()),
            ("E-mail", self.email.clone().unwrap_or_default()),
            ("Telefone", self.phone.clone().unwrap_or_default()),
            (
                "Cadastro válido até",
                self.valid_until
                    .as_deref()
                    .map(display::date)
                    .unwrap_or_default(),
            ),
            (
                "Renda mensal",
                self.monthly_income.map(format_brl).unwrap_or_default(),
            ),
        ]
    }
}

/// The audited fields of a record as stored, read as they are and not validated again: a
/// record saved under older rules (an invalid legacy document, say) must still be correctable
/// with valid input, and its history must show what it held. `stored` holds the columns as
/// text (`monthly_income` plain, `1234.50`); a valid record gives what `audited_fields` gives.
/// A stored value the display functions cannot read (a document that fails today's check
/// digits) shows as it is stored.
pub fn stored_audited_fields(stored: &CustomerInput) -> Vec<(&'static str, String)> {
    let text = |value: &str| value.trim().to_string();
    let income = stored.monthly_income.trim();
    vec![
        ("Código", text(&stored.code)),
        ("Tipo", display::kind_label(stored.kind.trim()).to_string()),
        ("CPF/CNPJ", stored_document(stored.document.trim())),
        ("Inscrição estadual", text(&stored.state_registration)),
        ("Razão social", text(&stored.legal_name)),
        ("Nome fantasia", text(&stored.trade_name)),
        (
            "Situação",
            display::status_label(stored.status.trim()).to_string(),
        ),
        ("E-mail", text(&stored.email)),
        ("Telefone", text(&stored.phone)),
        (
            "Cadastro válido até",
            display::date(stored.valid_until.trim()),
        ),
        (
            "Renda mensal",
            match income {
                "" => String::new(),
                typed => crate::money::parse_brl(typed)
                    .map(format_brl)
                    .unwrap_or_else(|_| typed.to_string()),
            },
        ),
    ]
}

/// A stored document masked only when it is stored as a valid one is (bare, upper case): a
/// legacy `12abc34501de35` shows as it is, so correcting it to `12ABC34501DE35` is a change
/// that is saved and recorded, not a no-op.
fn stored_document(document: &str) -> String {
    let shown = display::document(document);
    if unmask(&shown) == document {
        shown
    } else {
        document.to_string()
    }
}

/// The fields that differ between the stored record (`before`, from `stored_audited_fields`)
/// and the one being saved.
pub fn changes(before: Vec<(&'static str, String)>, after: &ValidCustomer) -> Vec<FieldChange> {
    before
        .into_iter()
        .zip(after.audited_fields())
        .filter(|((_, old), (_, new))| old != new)
        .map(|((field, old), (_, new))| FieldChange {
            field: field.to_string(),
            old_value: old,
            new_value: new,
        })
        .collect()
}
