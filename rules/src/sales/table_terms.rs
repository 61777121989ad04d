//! The terms a price list or a payment plan carries besides its code and description: a list
//! is public or not (R-SALES-4); a plan has its installments in days, a minimum order value,
//! whether it sells on credit and whether it is for every customer or only those it is
//! linked to (R-SALES-5); both are valid from/to a date. Read here from the table's form,
//! shown back as the form shows them, and turned into the table's history lines.
//!
//! "For all establishments or selected" (R-SALES-5) is where the plan exists: a plan belongs
//! to a company and "copy to all companies" puts it in the others (R-COMPANY-2).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::plate::{format_plate, parse_plate};
use super::validity::Validity;
use crate::customer::FieldError;
use crate::date_input;
use crate::display;
use crate::document::{self, Cnpj, Cpf};
use crate::money::{format_brl, format_plain, parse_brl};
use crate::table_kind::{LedgerChart, LinkedKind, TermsKind};

/// The most installments a plan may have, and the longest term of one, in days.
pub const MAX_INSTALLMENTS: usize = 48;
pub const MAX_INSTALLMENT_DAYS: u16 = 999;

/// What the form sends, as typed; check boxes as `"on"` when ticked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TermsInput {
    pub public: String,
    pub valid_from: String,
    pub valid_to: String,
    pub installments: String,
    pub minimum_order_value: String,
    pub uses_credit: String,
    pub all_customers: String,
    /// A carrier's: `driver` for a driver (CPF), anything else a carrier company (CNPJ).
    pub carrier_kind: String,
    pub document: String,
    /// A fleet vehicle's licence plate.
    pub plate: String,
    /// A chart account's nature: `synthetic`, anything else analytic.
    pub account_kind: String,
    /// The real account a managerial one is linked to, as typed.
    pub real_account: String,
}

/// The checked terms; the fields of the other kind keep their defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    /// Dates as stored, `aaaa-mm-dd`.
    pub validity: Validity<String>,
    pub public: bool,
    pub installment_days: Vec<u16>,
    pub minimum_order_value: Option<Decimal>,
    pub uses_credit: bool,
    pub all_customers: bool,
    /// A carrier: a driver (CPF) rather than a carrier company (CNPJ).
    #[serde(default)]
    pub driver: bool,
    /// A carrier's CPF or CNPJ, stored bare.
    #[serde(default)]
    pub document: Option<String>,
    /// A vehicle's plate, stored bare (`ABC1D23`).
    #[serde(default)]
    pub plate: Option<String>,
    /// A chart account groups others rather than taking entries.
    #[serde(default)]
    pub synthetic: bool,
    /// A managerial account's linked real account (its code).
    #[serde(default)]
    pub real_account: Option<String>,
}

impl Default for Terms {
    fn default() -> Self {
        Terms {
            validity: Validity::default(),
            public: false,
            installment_days: Vec::new(),
            minimum_order_value: None,
            uses_credit: false,
            // A plan is for everyone unless restricted; a new list is not public until said.
            all_customers: true,
            driver: false,
            document: None,
            plate: None,
            synthetic: false,
            real_account: None,
        }
    }
}

fn ticked(value: &str) -> bool {
    !value.trim().is_empty()
}

/// A message as a sentence: capital first letter.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// "30/60/90" → [30, 60, 90]; "0" is cash (à vista). Days are separated by `/`, `,`, `;` or
/// spaces, each a whole number of days, strictly ascending.
pub fn parse_installments(typed: &str) -> Result<Vec<u16>, String> {
    let parts: Vec<&str> = typed
        .split(|c: char| c == '/' || c == ',' || c == ';' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return Err("Informe os dias das parcelas, como 30/60/90 (0 para à vista).".into());
    }
    if parts.len() > MAX_INSTALLMENTS {
        return Err(format!("No máximo {MAX_INSTALLMENTS} parcelas."));
    }
    let mut days = Vec::with_capacity(parts.len());
    for part in parts {
        let day: u16 = part
            .parse()
            .ok()
            .filter(|d| *d <= MAX_INSTALLMENT_DAYS)
            .ok_or_else(|| {
                format!("\"{part}\" não é um número de dias entre 0 e {MAX_INSTALLMENT_DAYS}.")
            })?;
        if days.last().is_some_and(|last| *last >= day) {
            return Err("Os dias das parcelas devem ser crescentes, como 30/60/90.".into());
        }
        days.push(day);
    }
    Ok(days)
}

/// A carrier company's CNPJ or a driver's CPF (R-CUST-2's checks).
fn parse_carrier_document(driver: bool, typed: &str) -> Result<String, String> {
    if typed.trim().is_empty() {
        return Err(if driver {
            "Informe o CPF do motorista."
        } else {
            "Informe o CNPJ da transportadora."
        }
        .into());
    }
    let read = if driver {
        Cpf::parse(typed).map(|cpf| cpf.as_str().to_string())
    } else {
        Cnpj::parse(typed).map(|cnpj| cnpj.as_str().to_string())
    };
    read.map_err(|e| format!("{} inválido: {e}.", if driver { "CPF" } else { "CNPJ" }))
}

/// [30, 60, 90] → "30/60/90".
pub fn format_installments(days: &[u16]) -> String {
    days.iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join("/")
}

impl TermsInput {
    /// Checks the terms of a row of `kind`; every wrong field is named, in Portuguese.
    pub fn parse(&self, kind: impl Into<TermsKind>) -> Result<Terms, Vec<FieldError>> {
        let kind = match kind.into() {
            TermsKind::Linked(kind) => kind,
            TermsKind::Ledger(chart) => return self.parse_account(chart),
        };
        let mut errors = Vec::new();
        let mut date = |field: &'static str, typed: &str| match date_input::parse(typed) {
            Ok(date) => date,
            Err(message) => {
                errors.push(error(field, message));
                None
            }
        };
        let validity = Validity {
            from: date("valid_from", &self.valid_from),
            to: date("valid_to", &self.valid_to),
        };
        if let Err(e) = validity.check() {
            errors.push(e);
        }
        let mut terms = Terms {
            validity,
            ..Terms::default()
        };
        match kind {
            LinkedKind::PriceList => terms.public = ticked(&self.public),
            LinkedKind::PaymentPlan => {
                match parse_installments(&self.installments) {
                    Ok(days) => terms.installment_days = days,
                    Err(message) => errors.push(error("installments", message)),
                }
                let minimum = self.minimum_order_value.trim();
                if !minimum.is_empty() {
                    match parse_brl(minimum) {
                        Ok(value) if value.is_sign_negative() => errors.push(error(
                            "minimum_order_value",
                            "O valor mínimo não pode ser negativo.",
                        )),
                        Ok(value) => terms.minimum_order_value = Some(value),
                        Err(message) => {
                            errors.push(error("minimum_order_value", sentence(message)))
                        }
                    }
                }
                terms.uses_credit = ticked(&self.uses_credit);
                terms.all_customers = ticked(&self.all_customers);
            }
            LinkedKind::Carrier => {
                terms.driver = self.carrier_kind.trim() == "driver";
                match parse_carrier_document(terms.driver, &self.document) {
                    Ok(document) => terms.document = Some(document),
                    Err(message) => errors.push(error("document", message)),
                }
            }
            LinkedKind::FleetVehicle => match parse_plate(&self.plate) {
                Ok(plate) => terms.plate = Some(plate),
                Err(message) => errors.push(error("plate", message)),
            },
        }
        if errors.is_empty() {
            Ok(terms)
        } else {
            Err(errors)
        }
    }
}

impl TermsInput {
    /// A chart account's nature and, for a managerial one, its linked real account.
    fn parse_account(&self, chart: LedgerChart) -> Result<Terms, Vec<FieldError>> {
        let mut terms = Terms {
            synthetic: self.account_kind.trim() == "synthetic",
            ..Terms::default()
        };
        if chart == LedgerChart::Managerial && !self.real_account.trim().is_empty() {
            match super::ledger_chart::parse_code(LedgerChart::Real, &self.real_account) {
                Ok(code) => terms.real_account = Some(code),
                Err(message) => return Err(vec![error("real_account", message)]),
            }
        }
        Ok(terms)
    }
}

fn shown_date(stored: &Option<String>) -> String {
    stored.as_deref().map(display::date).unwrap_or_default()
}

fn yes_no(value: bool) -> String {
    if value { "Sim" } else { "Não" }.to_string()
}

impl Terms {
    /// The terms as the form shows them, to edit a row.
    pub fn input(&self) -> TermsInput {
        let on = |value: bool| if value { "on" } else { "" }.to_string();
        TermsInput {
            public: on(self.public),
            valid_from: shown_date(&self.validity.from),
            valid_to: shown_date(&self.validity.to),
            installments: format_installments(&self.installment_days),
            minimum_order_value: self
                .minimum_order_value
                .map(format_plain)
                .unwrap_or_default(),
            uses_credit: on(self.uses_credit),
            all_customers: on(self.all_customers),
            carrier_kind: if self.driver { "driver" } else { "carrier" }.to_string(),
            document: self
                .document
                .as_deref()
                .map(document::mask_stored)
                .unwrap_or_default(),
            plate: self.plate.as_deref().map(format_plate).unwrap_or_default(),
            account_kind: if self.synthetic {
                "synthetic"
            } else {
                "analytic"
            }
            .to_string(),
            real_account: self.real_account.clone().unwrap_or_default(),
        }
    }

    pub fn nature_label(&self) -> &'static str {
        super::ledger_chart::AccountNature::from_synthetic(self.synthetic).label()
    }

    pub fn carrier_kind_label(&self) -> &'static str {
        if self.driver {
            "Motorista"
        } else {
            "Transportadora"
        }
    }

    /// "01/01/2026 a 31/12/2026", "a partir de 01/01/2026", "até 31/12/2026" or "Sem prazo".
    pub fn validity_label(&self) -> String {
        match (&self.validity.from, &self.validity.to) {
            (Some(_), Some(_)) => format!(
                "{} a {}",
                shown_date(&self.validity.from),
                shown_date(&self.validity.to)
            ),
            (Some(_), None) => format!("a partir de {}", shown_date(&self.validity.from)),
            (None, Some(_)) => format!("até {}", shown_date(&self.validity.to)),
            (None, None) => "Sem prazo".to_string(),
        }
    }

    /// Each term of `kind` as the table's history shows it, paired with its label.
    fn audited(&self, kind: TermsKind) -> Vec<(&'static str, String)> {
        let kind = match kind {
            TermsKind::Linked(kind) => kind,
            TermsKind::Ledger(chart) => {
                let mut fields = vec![("Tipo", self.nature_label().to_string())];
                if chart == LedgerChart::Managerial {
                    fields.push((
                        "Conta real vinculada",
                        self.real_account.clone().unwrap_or_default(),
                    ));
                }
                return fields;
            }
        };
        let mut fields = if kind.is_commercial() {
            vec![
                ("Válida de", shown_date(&self.validity.from)),
                ("Válida até", shown_date(&self.validity.to)),
            ]
        } else {
            Vec::new()
        };
        match kind {
            LinkedKind::PriceList => fields.push(("Pública", yes_no(self.public))),
            LinkedKind::PaymentPlan => fields.extend([
                (
                    "Parcelas (dias)",
                    format_installments(&self.installment_days),
                ),
                (
                    "Valor mínimo do pedido",
                    self.minimum_order_value.map(format_brl).unwrap_or_default(),
                ),
                ("Usa limite de crédito", yes_no(self.uses_credit)),
                ("Para todos os clientes", yes_no(self.all_customers)),
            ]),
            LinkedKind::Carrier => fields.extend([
                ("Tipo", self.carrier_kind_label().to_string()),
                (
                    "CPF/CNPJ",
                    self.document
                        .as_deref()
                        .map(document::mask_stored)
                        .unwrap_or_default(),
                ),
            ]),
            LinkedKind::FleetVehicle => fields.push((
                "Placa",
                self.plate.as_deref().map(format_plate).unwrap_or_default(),
            )),
        }
        fields
    }
}

/// The table history's lines of a row's terms going from `before` to `after` (`None`: the row
/// is created or deleted), as (field, old, new).
pub fn terms_changes(
    kind: impl Into<TermsKind>,
    before: Option<&Terms>,
    after: Option<&Terms>,
) -> Vec<(&'static str, String, String)> {
    let kind = kind.into();
    let fields = |terms: Option<&Terms>| terms.map(|t| t.audited(kind));
    match (fields(before), fields(after)) {
        (None, None) => Vec::new(),
        (old, new) => {
            let reference = old.clone().or(new.clone()).unwrap_or_default();
            reference
                .iter()
                .enumerate()
                .map(|(i, (label, _))| {
                    let value = |side: &Option<Vec<(&'static str, String)>>| {
                        side.as_ref().map(|f| f[i].1.clone()).unwrap_or_default()
                    };
                    (*label, value(&old), value(&new))
                })
                .filter(|(_, old, new)| old != new)
                .collect()
        }
    }
}

#[cfg(test)]
#[path = "table_terms_tests.rs"]
mod tests;
