//! The customer's identity record (R-CUST): what a valid record is, and what changed
//! between two versions of it (the audit trail).

use serde::{Deserialize, Serialize};

use rust_decimal::Decimal;

use crate::city::fold;
use crate::contact::{parse_emails, parse_phones};

use crate::document::{unmask, Cnpj, Cpf};
use crate::money::parse_brl;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Individual,
    LegalEntity,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Individual => "individual",
            Kind::LegalEntity => "legal_entity",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "individual" => Some(Kind::Individual),
            "legal_entity" => Some(Kind::LegalEntity),
            _ => None,
        }
    }
}

/// R-CUST-3: active and pending customers may be used in new processes; inactive may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Active,
    Inactive,
    Pending,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::Inactive => "inactive",
            Status::Pending => "pending",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "active" => Some(Status::Active),
            "inactive" => Some(Status::Inactive),
            "pending" => Some(Status::Pending),
            _ => None,
        }
    }

    /// R-CUST-3. No production code calls this yet, on purpose: this service has no "new
    /// process" (order, invoice, credit analysis) to refuse an inactive customer in. It is kept
    /// for the sales/credit issue, whose server function is its first caller; its unit test
    /// stays here, beside it, until that caller brings a test of the refusal where it happens.
    pub fn usable_in_new_processes(self) -> bool {
        matches!(self, Status::Active | Status::Pending)
    }
}

/// What the form sends: text as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomerInput {
    pub code: String,
    pub kind: String,
    pub document: String,
    pub state_registration: String,
    pub legal_name: String,
    pub trade_name: String,
    pub status: String,
    /// One or more e-mails, separated by `;` or `,`.
    pub email: String,
    /// One or more phones, separated by `;` or `/`.
    pub phone: String,
    /// `aaaa-mm-dd` (the date input's value) or empty.
    pub valid_until: String,
    /// Reais as typed (`3.500,00`) or empty.
    pub monthly_income: String,
}

/// A record that passed every check, in the form it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCustomer {
    pub code: i64,
    pub kind: Kind,
    pub document: String,
    pub state_registration: Option<String>,
    pub legal_name: String,
    pub trade_name: String,
    pub status: Status,
    /// Normalised list, `a@x.com.br; b@y.com.br`.
    pub email: Option<String>,
    /// Normalised list, `(51) 3591-1234; (51) 99876-5432`.
    pub phone: Option<String>,
    pub valid_until: Option<String>,
    pub monthly_income: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// `ISENTO`, or 2 to 14 digits once the mask is removed.
pub fn parse_state_registration(input: &str) -> Result<Option<String>, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if fold(trimmed) == "ISENTO" {
        return Ok(Some("ISENTO".to_string()));
    }
    let bare = unmask(trimmed).to_ascii_uppercase();
    // São Paulo's rural producers are registered as P + 12 digits.
    let digits = bare.strip_prefix('P').unwrap_or(&bare);
    if digits.chars().all(|c| c.is_ascii_digit()) && (2..=14).contains(&digits.len()) {
        Ok(Some(bare))
    } else {
        Err("Inscrição estadual deve ter só números (até 14) ou ISENTO.".to_string())
    }
}

/// The IE checked with the format and check digits of `uf`, the state of the customer's main
/// address (issue 11), once `validate` has cleaned it; gives the value to store (MT's numbers
/// padded to 11 digits). `ISENTO` passes everywhere; a foreign address (no Brazilian UF) or no
/// address yet leaves the generic check of `validate`.
pub fn state_registration_in(
    uf: Option<&str>,
    cleaned: Option<String>,
) -> Result<Option<String>, FieldError> {
    use crate::state_registration::{validate, StateRegistration, UFS};
    let (Some(uf), Some(number)) = (uf, cleaned.as_deref()) else {
        return Ok(cleaned);
    };
    if !UFS.contains(&uf) {
        return Ok(cleaned);
    }
    match validate(uf, number) {
        Ok(StateRegistration::Exempt) => Ok(Some("ISENTO".to_string())),
        Ok(StateRegistration::Number(stored)) => Ok(Some(stored)),
        Err(message) => Err(error("state_registration", format!("{message}."))),
    }
}

/// What the record says beside a stored inscrição estadual that its main address's state
/// (`uf`) does not accept — the address was saved after the IE, in another state — so the
/// user learns it on opening the record, not only when a later save is refused.
pub fn state_registration_warning(uf: Option<&str>, stored: &str) -> Option<String> {
    let stored = stored.trim();
    if stored.is_empty() {
        return None;
    }
    let uf = uf?;
    state_registration_in(Some(uf), Some(stored.to_string()))
        .err()
        .map(|e| {
            format!(
                "{} O endereço principal é em {uf}: corrija a inscrição.",
                e.message
            )
        })
}

/// Every check of the record, all at once, so the form can show each error beside its field.
pub fn validate(input: &CustomerInput) -> Result<ValidCustomer, Vec<FieldError>> {
    let mut errors = Vec::new();
    let code = match input.code.trim().parse::<i64>() {
        Ok(code) if code > 0 => code,
        _ => {
            errors.push(error("code", "Informe um código numérico maior que zero."));
            0
        }
    };
    let kind = Kind::from_code(&input.kind);
    if kind.is_none() {
        errors.push(error("kind", "Escolha pessoa física ou jurídica."));
    }
    let document = match kind {
        Some(Kind::Individual) if input.document.trim().is_empty() => {
            Err(error("document", "Informe o CPF."))
        }
        Some(Kind::LegalEntity) if input.document.trim().is_empty() => {
            Err(error("document", "Informe o CNPJ."))
        }
        // A valid document of the other kind is most likely the wrong "Tipo de pessoa".
        Some(Kind::Individual) => Cpf::parse(&input.document)
            .map(|d| d.as_str().to_string())
            .map_err(|e| match Cnpj::parse(&input.document) {
                Ok(_) => error(
                    "document",
                    "Isto é um CNPJ: para pessoa jurídica, escolha o tipo de pessoa Jurídica.",
                ),
                Err(_) => error("document", format!("CPF inválido: {e}.")),
            }),
        Some(Kind::LegalEntity) => Cnpj::parse(&input.document)
            .map(|d| d.as_str().to_string())
            .map_err(|e| match Cpf::parse(&input.document) {
                Ok(_) => error(
                    "document",
                    "Isto é um CPF: para pessoa física, escolha o tipo de pessoa Física.",
                ),
                Err(_) => error("document", format!("CNPJ inválido: {e}.")),
            }),
        None => Ok(String::new()),
    }
    .unwrap_or_else(|e| {
        errors.push(e);
        String::new()
    });
    let state_registration =
        parse_state_registration(&input.state_registration).unwrap_or_else(|message| {
            errors.push(error("state_registration", message));
            None
        });
    let legal_name = input
        .legal_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if legal_name.is_empty() {
        errors.push(error("legal_name", "Informe a razão social ou o nome."));
    } else if legal_name.chars().count() > 150 {
        errors.push(error("legal_name", "Use no máximo 150 caracteres."));
    }
    let mut trade_name = input
        .trade_name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if trade_name.is_empty() {
        trade_name = legal_name.clone();
    }
    let status = Status::from_code(&input.status).unwrap_or_else(|| {
        errors.push(error("status", "Escolha a situação."));
        Status::Active
    });
    let email = parse_emails(&input.email).unwrap_or_else(|message| {
        errors.push(error("email", message));
        None
    });
    let phone = parse_phones(&input.phone).unwrap_or_else(|message| {
        errors.push(error("phone", message));
        None
    });
    let monthly_income = Some(input.monthly_income.trim())
        .filter(|t| !t.is_empty())
        .and_then(|text| {
            parse_brl(text)
                .map_err(|e| errors.push(error("monthly_income", format!("Renda mensal: {e}."))))
                .ok()
        });
    // Typed `dd/mm/aaaa` (or `aaaa-mm-dd`), stored `aaaa-mm-dd`.
    let valid_until = crate::date_input::parse(&input.valid_until).unwrap_or_else(|message| {
        errors.push(error("valid_until", message));
        None
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidCustomer {
        code,
        kind: kind.unwrap_or(Kind::Individual),
        document,
        state_registration,
        legal_name,
        trade_name,
        status,
        email,
        phone,
        valid_until,
        monthly_income,
    })
}

// What the history records of a customer lives in `customer_audit`; callers keep these names.
pub use crate::customer_audit::{changes, stored_audited_fields, FieldChange};

#[cfg(test)]
mod tests;
