//! The receivables screen's filters (issue 12, "Contas a receber"), as the URL and the form
//! carry them: status, customer group, region and salesperson by code, customer by code or by
//! the start of its names or document (as the customer list searches), due
//! date and amount ranges. Read here, each wrong one named beside its field; an empty one
//! filters nothing. The company is always the one the user acts in (R-COMPANY-3).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::status::ReceivableStatus;
use crate::customer::FieldError;
use crate::customer_search::SearchText;
use crate::{date_input, money};

/// What was typed, by the URL's names (`?situacao=overdue&regiao=SC&venc_de=01/01/2026`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReceivableFilterInput {
    pub situacao: String,
    pub grupo: String,
    pub regiao: String,
    pub vendedor: String,
    pub cliente: String,
    pub venc_de: String,
    pub venc_ate: String,
    pub valor_min: String,
    pub valor_max: String,
}

impl ReceivableFilterInput {
    /// `(name, value)` of each filter set, in the form's order: the URL's query.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        [
            ("situacao", self.situacao.as_str()),
            ("grupo", &self.grupo),
            ("regiao", &self.regiao),
            ("vendedor", &self.vendedor),
            ("cliente", &self.cliente),
            ("venc_de", &self.venc_de),
            ("venc_ate", &self.venc_ate),
            ("valor_min", &self.valor_min),
            ("valor_max", &self.valor_max),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .collect()
    }
}

/// `situacao=a_receber`: every receivable still owed (overdue, open, negative-listed, in
/// collection), where a finance user starts the day; the screen's menu link asks for it.
pub const OWED: &str = "a_receber";
pub const OWED_LABEL: &str = "A receber (abertos e vencidos)";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceivableFilter {
    pub status: Option<ReceivableStatus>,
    /// Only what is still owed: not cancelled, a balance left (`OWED`).
    pub owed_only: bool,
    pub group_code: Option<String>,
    pub region_code: Option<String>,
    pub salesperson_code: Option<String>,
    pub customer_code: Option<i64>,
    /// Typed other than a code: the customers whose names or document it starts, as the
    /// customer list finds them.
    pub customer_search: Option<SearchText>,
    /// `aaaa-mm-dd`, inclusive.
    pub due_from: Option<String>,
    pub due_to: Option<String>,
    pub amount_min: Option<Decimal>,
    pub amount_max: Option<Decimal>,
}

fn error(field: &'static str, message: impl Into<String>) -> FieldError {
    FieldError {
        field,
        message: message.into(),
    }
}

fn code(typed: &str) -> Option<String> {
    let typed = typed.trim();
    (!typed.is_empty()).then(|| typed.to_uppercase())
}

fn date(field: &'static str, typed: &str, errors: &mut Vec<FieldError>) -> Option<String> {
    date_input::parse(typed)
        .map_err(|message| errors.push(error(field, message)))
        .ok()
        .flatten()
}

fn amount(field: &'static str, typed: &str, errors: &mut Vec<FieldError>) -> Option<Decimal> {
    match typed.trim() {
        "" => None,
        typed => money::parse_brl(typed)
            .map_err(|message| errors.push(error(field, format!("Valor inválido: {message}."))))
            .ok(),
    }
}

/// The filter, or every field that cannot be read.
pub fn read(input: &ReceivableFilterInput) -> Result<ReceivableFilter, Vec<FieldError>> {
    let mut errors = Vec::new();
    let owed_only = input.situacao.trim() == OWED;
    let status = match input.situacao.trim() {
        "" | OWED => None,
        typed => {
            let status = ReceivableStatus::from_code(typed);
            if status.is_none() {
                errors.push(error("situacao", "Escolha uma situação da lista."));
            }
            status
        }
    };
    let (customer_code, customer_search) = match SearchText::parse(&input.cliente) {
        None => (None, None),
        // Eight digits or more may be a CNPJ's root (all of a company's branches), a CPF or a
        // CNPJ typed bare: searched as the customer list searches, the code included.
        Some(SearchText {
            code: Some(code), ..
        }) if input.cliente.trim().len() < 8 => (Some(code), None),
        Some(search) if search.words.is_empty() && search.document_prefix.is_none() => {
            errors.push(error(
                "cliente",
                "Informe o código, o nome ou o CPF/CNPJ do cliente.",
            ));
            (None, None)
        }
        Some(search) => (None, Some(search)),
    };
    let due_from = date("venc_de", &input.venc_de, &mut errors);
    let due_to = date("venc_ate", &input.venc_ate, &mut errors);
    if let (Some(from), Some(to)) = (&due_from, &due_to) {
        if to < from {
            errors.push(error(
                "venc_ate",
                "O vencimento final não pode ser anterior ao inicial.",
            ));
        }
    }
    let amount_min = amount("valor_min", &input.valor_min, &mut errors);
    let amount_max = amount("valor_max", &input.valor_max, &mut errors);
    if let (Some(min), Some(max)) = (amount_min, amount_max) {
        if max < min {
            errors.push(error(
                "valor_max",
                "O valor máximo não pode ser menor que o mínimo.",
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ReceivableFilter {
        status,
        owed_only,
        group_code: code(&input.grupo),
        region_code: code(&input.regiao),
        salesperson_code: code(&input.vendedor),
        customer_code,
        customer_search,
        due_from,
        due_to,
        amount_min,
        amount_max,
    })
}

/// The refusal of a code typed in a filter that no entry of the company has: the filter would
/// match nothing, and saying so beats an empty page that looks like "nothing owed".
pub fn unknown_code(field: &'static str, code: &str) -> FieldError {
    let what = match field {
        "grupo" => "Nenhum grupo de clientes",
        "regiao" => "Nenhuma região",
        "vendedor" => "Nenhum vendedor",
        _ => "Nenhum cliente",
    };
    error(field, format!("{what} com o código {code} nesta empresa."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finance::test_values::d;

    #[test]
    fn empty_filters_filter_nothing() {
        assert_eq!(
            read(&ReceivableFilterInput::default()),
            Ok(ReceivableFilter::default())
        );
        assert!(ReceivableFilterInput::default().pairs().is_empty());
    }

    #[test]
    fn an_unknown_code_is_refused_beside_its_filter_naming_what_was_looked_for() {
        let refused = unknown_code("regiao", "XYZ");
        assert_eq!(refused.field, "regiao");
        assert_eq!(
            refused.message,
            "Nenhuma região com o código XYZ nesta empresa."
        );
        assert_eq!(
            unknown_code("cliente", "999").message,
            "Nenhum cliente com o código 999 nesta empresa."
        );
    }

    #[test]
    fn a_receber_asks_for_what_is_still_owed_of_any_status() {
        let input = ReceivableFilterInput {
            situacao: OWED.into(),
            ..ReceivableFilterInput::default()
        };
        let filter = read(&input).unwrap();
        assert!(filter.owed_only);
        assert_eq!(filter.status, None);
        assert!(!read(&ReceivableFilterInput::default()).unwrap().owed_only);
    }

    #[test]
    fn filters_are_read_as_typed_in_portuguese() {
        let input = ReceivableFilterInput {
            situacao: "overdue".into(),
            grupo: " atacado ".into(),
            regiao: "sc".into(),
            cliente: "2002".into(),
            venc_de: "01/01/2026".into(),
            venc_ate: "31/12/2026".into(),
            valor_min: "1.000,00".into(),
            ..Default::default()
        };
        let filter = read(&input).unwrap();
        assert_eq!(filter.status, Some(ReceivableStatus::Overdue));
        assert_eq!(filter.group_code.as_deref(), Some("ATACADO"));
        assert_eq!(filter.region_code.as_deref(), Some("SC"));
        assert_eq!(filter.customer_code, Some(2002));
        assert_eq!(filter.due_from.as_deref(), Some("2026-01-01"));
        assert_eq!(filter.amount_min, Some(d("1000.00")));
        assert_eq!(filter.amount_max, None);
        let names: Vec<&str> = input.pairs().into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            [
                "situacao",
                "grupo",
                "regiao",
                "cliente",
                "venc_de",
                "venc_ate",
                "valor_min"
            ]
        );
    }

    #[test]
    fn every_wrong_filter_is_named_beside_its_field() {
        let input = ReceivableFilterInput {
            situacao: "paid".into(),
            cliente: "-*-".into(),
            venc_de: "31/12/2026".into(),
            venc_ate: "01/01/2026".into(),
            valor_min: "10,00".into(),
            valor_max: "5,00".into(),
            ..Default::default()
        };
        let fields: Vec<&str> = read(&input).unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(fields, ["situacao", "cliente", "venc_ate", "valor_max"]);
        let bad_date = ReceivableFilterInput {
            venc_de: "32/01/2026".into(),
            ..Default::default()
        };
        assert_eq!(read(&bad_date).unwrap_err()[0].field, "venc_de");
    }

    #[test]
    fn a_customer_is_found_by_code_or_by_the_start_of_its_names_or_document() {
        let read_customer = |typed: &str| {
            read(&ReceivableFilterInput {
                cliente: typed.into(),
                ..Default::default()
            })
            .unwrap()
        };
        let by_code = read_customer(" 2002 ");
        assert_eq!(
            (by_code.customer_code, by_code.customer_search),
            (Some(2002), None)
        );
        let by_name = read_customer("padaria ferr");
        assert_eq!(by_name.customer_code, None);
        assert_eq!(by_name.customer_search.unwrap().words, ["PADARIA", "FERR"]);
        let bare_cnpj = read_customer("11222333000181");
        assert_eq!(bare_cnpj.customer_code, None);
        assert_eq!(
            bare_cnpj
                .customer_search
                .unwrap()
                .document_prefix
                .as_deref(),
            Some("11222333000181")
        );
        // A CNPJ's root: every branch of the company (the code is searched too).
        let root = read_customer("02990328");
        assert_eq!(root.customer_code, None);
        let root = root.customer_search.unwrap();
        assert_eq!(root.document_prefix.as_deref(), Some("02990328"));
        assert_eq!(root.code, Some(2_990_328));
        let by_document = read_customer("12.ABC");
        assert_eq!(
            by_document
                .customer_search
                .unwrap()
                .document_prefix
                .as_deref(),
            Some("12ABC")
        );
    }
}
