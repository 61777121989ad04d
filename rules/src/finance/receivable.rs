//! A receivable registered by hand or by the entry point the import/API will expose (issue 12):
//! document and installment (`NF 12345/2`), kind, issue and due dates, amount, collection route
//! (LOP). Read as typed
//! (`dd/mm/aaaa`, `1.234,56`), refused field by field in Portuguese, and refused for a customer
//! whose registration has expired when it is an invoice (R-CUST-7).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::collection_route::{self, CollectionRoute};
use super::credit::{check_receivable_registration, ReceivableKind};
use crate::customer::FieldError;
use crate::{date_input, money};

pub const MAX_DOCUMENT_CHARS: usize = 30;

/// What a receivable is, as the screens and the import name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// Fatura / duplicata of a sale on credit.
    Invoice,
    /// An installment of a renegotiated debt.
    Negotiation,
    ReturnedCheque,
    Other,
}

impl EntryKind {
    pub const ALL: [EntryKind; 4] = [
        EntryKind::Invoice,
        EntryKind::Negotiation,
        EntryKind::ReturnedCheque,
        EntryKind::Other,
    ];

    /// Stored and sent to the browser; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Invoice => "invoice",
            EntryKind::Negotiation => "negotiation",
            EntryKind::ReturnedCheque => "returned_cheque",
            EntryKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Invoice => "Fatura / duplicata",
            EntryKind::Negotiation => "Parcela de negociação",
            EntryKind::ReturnedCheque => "Cheque devolvido",
            EntryKind::Other => "Outro",
        }
    }

    /// Only a sale on credit gives the customer new credit (R-CUST-7); the others record a
    /// debt that already exists.
    pub fn credit_kind(self) -> ReceivableKind {
        match self {
            EntryKind::Invoice => ReceivableKind::Invoice,
            _ => ReceivableKind::Other,
        }
    }
}

/// As typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReceivableInput {
    pub document: String,
    pub installment: String,
    pub kind: String,
    pub issue_date: String,
    pub due_date: String,
    pub amount: String,
    pub sale_code: String,
    /// `collection_route::CollectionLocation`'s code; empty: the wallet.
    pub location: String,
    /// `collection_route::CollectionOperation`'s code; empty: simple collection.
    pub operation: String,
    /// The bearer's code in the company; empty: the customer's.
    pub bearer: String,
}

/// Checked and ready to store; dates `aaaa-mm-dd`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReceivable {
    pub document: String,
    pub installment: i32,
    pub kind: EntryKind,
    pub issue_date: String,
    pub due_date: String,
    pub amount: Decimal,
    pub sale_code: Option<String>,
    pub route: CollectionRoute,
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

/// Checks `input` for a customer whose registration is valid until `valid_until` (`aaaa-mm-dd`,
/// `None` when no date is set), on `today` (`aaaa-mm-dd`). Every field's refusal at once.
pub fn validate(
    input: &ReceivableInput,
    valid_until: Option<&str>,
    today: &str,
) -> Result<ValidReceivable, Vec<FieldError>> {
    let mut errors = Vec::new();
    let document = input.document.trim().to_string();
    if document.is_empty() {
        errors.push(error("document", "Informe o número do documento."));
    } else if document.chars().count() > MAX_DOCUMENT_CHARS {
        errors.push(error(
            "document",
            format!("O documento tem no máximo {MAX_DOCUMENT_CHARS} caracteres."),
        ));
    }
    let installment = match input.installment.trim() {
        "" => Some(1),
        typed => typed.parse::<i32>().ok().filter(|n| (1..=999).contains(n)),
    };
    if installment.is_none() {
        errors.push(error("installment", "A parcela é um número de 1 a 999."));
    }
    let kind = EntryKind::from_code(input.kind.trim());
    if kind.is_none() {
        errors.push(error("kind", "Escolha o tipo do título."));
    }
    let date =
        |field: &'static str, typed: &str, errors: &mut Vec<FieldError>| match date_input::parse(
            typed,
        ) {
            Ok(Some(date)) => Some(date),
            Ok(None) => {
                errors.push(error(field, "Informe a data (dd/mm/aaaa)."));
                None
            }
            Err(message) => {
                errors.push(error(field, message));
                None
            }
        };
    let issue_date = date("issue_date", &input.issue_date, &mut errors);
    let due_date = date("due_date", &input.due_date, &mut errors);
    if let (Some(issue), Some(due)) = (&issue_date, &due_date) {
        if due < issue {
            errors.push(error(
                "due_date",
                "O vencimento não pode ser anterior à emissão.",
            ));
        }
    }
    let amount = match money::parse_brl(&input.amount) {
        Ok(amount) if amount > Decimal::ZERO => Some(amount),
        Ok(_) => {
            errors.push(error("amount", "Informe um valor maior que zero."));
            None
        }
        Err(message) => {
            errors.push(error("amount", format!("Valor inválido: {message}.")));
            None
        }
    };
    if let Some(kind) = kind {
        let today = today.to_string();
        let until = valid_until.map(str::to_string);
        if let Err(refusal) =
            check_receivable_registration(kind.credit_kind(), until.as_ref(), &today)
        {
            errors.push(refusal);
        }
    }
    let sale_code = Some(input.sale_code.trim().to_string()).filter(|s| !s.is_empty());
    if sale_code
        .as_ref()
        .is_some_and(|s| s.chars().count() > MAX_DOCUMENT_CHARS)
    {
        errors.push(error(
            "sale_code",
            format!("O código da venda tem no máximo {MAX_DOCUMENT_CHARS} caracteres."),
        ));
    }
    let route = collection_route::read(
        &input.location,
        &input.operation,
        &input.bearer,
        &mut errors,
    );
    match (installment, kind, issue_date, due_date, amount, route) {
        (
            Some(installment),
            Some(kind),
            Some(issue_date),
            Some(due_date),
            Some(amount),
            Some(route),
        ) if errors.is_empty() => Ok(ValidReceivable {
            document,
            installment,
            kind,
            issue_date,
            due_date,
            amount,
            sale_code,
            route,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ReceivableInput {
        ReceivableInput {
            document: "NF 12345".into(),
            installment: "2".into(),
            kind: "invoice".into(),
            issue_date: "01/12/2026".into(),
            due_date: "31/12/2026".into(),
            amount: "1.234,56".into(),
            ..ReceivableInput::default()
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<&'static str> {
        errors.iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_receivable_as_typed_is_read_with_its_dates_stored_and_its_amount_exact() {
        let valid = validate(&input(), None, "2026-12-06").unwrap();
        assert_eq!(valid.document, "NF 12345");
        assert_eq!(valid.installment, 2);
        assert_eq!(valid.issue_date, "2026-12-01");
        assert_eq!(valid.due_date, "2026-12-31");
        assert_eq!(valid.amount, Decimal::new(123456, 2));
        assert_eq!(valid.sale_code, None);
    }

    #[test]
    fn every_wrong_field_is_named_at_once() {
        let wrong = ReceivableInput {
            document: " ".into(),
            installment: "0".into(),
            kind: "gift".into(),
            issue_date: "31/02/2026".into(),
            due_date: "".into(),
            amount: "-5".into(),
            location: "safe".into(),
            ..ReceivableInput::default()
        };
        let errors = validate(&wrong, None, "2026-12-06").unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "document",
                "installment",
                "kind",
                "issue_date",
                "due_date",
                "amount",
                "location"
            ]
        );
    }

    #[test]
    fn the_due_date_never_comes_before_the_issue() {
        let early = ReceivableInput {
            due_date: "30/11/2026".into(),
            ..input()
        };
        let errors = validate(&early, None, "2026-12-06").unwrap_err();
        assert_eq!(fields(&errors), ["due_date"]);
    }

    #[test]
    fn r_cust_7_an_invoice_for_an_expired_registration_is_refused_saying_why() {
        let errors = validate(&input(), Some("2026-11-30"), "2026-12-06").unwrap_err();
        assert_eq!(fields(&errors), ["customer"]);
        assert!(
            errors[0].message.contains("30/11/2026"),
            "{}",
            errors[0].message
        );
        // Valid through its last day; a debt that already exists is recorded all the same.
        assert!(validate(&input(), Some("2026-12-06"), "2026-12-06").is_ok());
        let cheque = ReceivableInput {
            kind: "returned_cheque".into(),
            ..input()
        };
        assert!(validate(&cheque, Some("2026-11-30"), "2026-12-06").is_ok());
    }

    #[test]
    fn kinds_round_trip_and_only_an_invoice_takes_credit() {
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(kind.code()), Some(kind));
        }
        assert_eq!(EntryKind::Invoice.credit_kind(), ReceivableKind::Invoice);
        assert_eq!(EntryKind::Negotiation.credit_kind(), ReceivableKind::Other);
    }
}
