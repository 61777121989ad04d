//! Customer addresses (R-CUST-5): main, billing, delivery, invoicing and consumption (the one
//! taxes use), each with a preferred address that orders suggest.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AddressRole {
    Main,
    Billing,
    Delivery,
    Invoicing,
    Consumption,
}

impl AddressRole {
    pub const ALL: [AddressRole; 5] = [
        AddressRole::Main,
        AddressRole::Billing,
        AddressRole::Delivery,
        AddressRole::Invoicing,
        AddressRole::Consumption,
    ];

    /// Stored in the database; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            AddressRole::Main => "main",
            AddressRole::Billing => "billing",
            AddressRole::Delivery => "delivery",
            AddressRole::Invoicing => "invoicing",
            AddressRole::Consumption => "consumption",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            AddressRole::Main => "Principal",
            AddressRole::Billing => "Cobrança",
            AddressRole::Delivery => "Entrega",
            AddressRole::Invoicing => "Faturamento",
            AddressRole::Consumption => "Consumo",
        }
    }
}

/// A CEP: eight digits, shown `93010-000`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cep(String);

impl Cep {
    pub fn parse(input: &str) -> Result<Self, &'static str> {
        let trimmed = input.trim();
        // A typographic dash ("93010–000") is the mask's `-`.
        if trimmed
            .chars()
            .map(crate::city::ascii_punctuation)
            .any(|c| !(c.is_ascii_digit() || c == '-' || c == '.' || c == ' '))
        {
            return Err("CEP tem só números");
        }
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 8 {
            return Err("CEP deve ter 8 dígitos");
        }
        if digits == "00000000" {
            return Err("CEP inválido");
        }
        Ok(Cep(digits))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }

    pub fn masked(&self) -> String {
        format!("{}-{}", &self.0[..5], &self.0[5..])
    }
}

/// The CEP mask applied while typing: `93010` → `93010`, `930100` → `93010-0`.
pub fn mask_cep_as_typed(input: &str) -> String {
    let digits: String = input.chars().filter(char::is_ascii_digit).take(8).collect();
    if digits.len() > 5 {
        format!("{}-{}", &digits[..5], &digits[5..])
    } else {
        digits
    }
}

/// What the address form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AddressInput {
    pub role: String,
    pub cep: String,
    pub street: String,
    pub number: String,
    pub complement: String,
    pub district: String,
    /// The IBGE identification chosen in the autocomplete, `SAO LEOPOLDO - RS`; typing it in
    /// full (any case, with accents) is the same.
    pub city: String,
    /// `on` when the "preferred" box is ticked (an HTML checkbox).
    pub preferred: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAddress {
    pub role: AddressRole,
    pub cep: Cep,
    pub street: String,
    pub number: String,
    pub complement: Option<String>,
    pub district: String,
    /// Folded as IBGE identifications are (R-CUST-4); the store checks it names a city.
    pub city: String,
    pub preferred: bool,
}

fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every check at once; errors by form field, in Portuguese.
pub fn validate_address(input: &AddressInput) -> Result<ValidAddress, Vec<(&'static str, String)>> {
    let mut errors = Vec::new();
    let role = AddressRole::from_code(&input.role);
    if role.is_none() {
        errors.push(("role", "Escolha o tipo do endereço.".to_string()));
    }
    let cep = Cep::parse(&input.cep)
        .map_err(|e| errors.push(("cep", format!("{e}."))))
        .ok();
    let mut text = |field: &'static str, value: &str, name: &str, max: usize, required: bool| {
        let value = tidy(value);
        if required && value.is_empty() {
            errors.push((field, format!("Informe {name}.")));
        } else if value.chars().count() > max {
            errors.push((field, format!("Use no máximo {max} caracteres.")));
        }
        value
    };
    let street = text("street", &input.street, "o logradouro", 80, true);
    let mut number = text("number", &input.number, "o número (ou S/N)", 10, true);
    if number.eq_ignore_ascii_case("s/n") || number.eq_ignore_ascii_case("sn") {
        number = "S/N".to_string();
    }
    let complement = text("complement", &input.complement, "o complemento", 60, false);
    let district = text("district", &input.district, "o bairro", 60, true);
    let city = crate::city::fold(&input.city);
    if city.is_empty() {
        errors.push(("city", "Escolha a cidade na lista.".to_string()));
    }
    match (role, cep) {
        (Some(role), Some(cep)) if errors.is_empty() => Ok(ValidAddress {
            role,
            cep,
            street,
            number,
            complement: Some(complement).filter(|c| !c.is_empty()),
            district,
            city,
            preferred: matches!(input.preferred.as_str(), "on" | "true"),
        }),
        _ => Err(errors),
    }
}

/// A new or changed address whose CEP is of another state than its city's: a typo in one of
/// the two (the Correios' ranges by UF, `cep_range`). Checked on save only, so an address
/// stored before the check still shows.
pub fn cep_state_refusal(address: &ValidAddress) -> Option<(&'static str, String)> {
    let uf = crate::city::state_of(&address.city)?;
    (!crate::cep_range::cep_in_state(&address.cep, uf)).then(|| {
        (
            "cep",
            format!(
                "O CEP {} não é de {uf}, o estado da cidade: confira o CEP ou a cidade.",
                address.cep.masked()
            ),
        )
    })
}

/// Said before deleting an address: after the last main one, orders and invoices have no
/// address to take.
pub fn delete_detail(line: &str, last_main: bool) -> String {
    if last_main {
        format!(
            "{line}. É o único endereço principal do cliente: sem ele, pedidos e notas fiscais ficam sem endereço. Não há como desfazer."
        )
    } else {
        format!("{line}. Não há como desfazer.")
    }
}

/// The first address of a role is its preferred one whatever the box says: orders always
/// have an address to suggest. Later ones are preferred only when asked.
pub fn is_preferred(requested: bool, others_of_role: usize) -> bool {
    requested || others_of_role == 0
}

impl ValidAddress {
    /// One line, as the address list shows it:
    /// `Rua Independência, 120, sala 2 - Centro - SAO LEOPOLDO - RS - CEP 93010-000`.
    pub fn line(&self) -> String {
        let mut line = format!("{}, {}", self.street, self.number);
        if let Some(complement) = &self.complement {
            line.push_str(&format!(", {complement}"));
        }
        format!(
            "{line} - {} - {} - CEP {}",
            self.district,
            self.city,
            self.cep.masked()
        )
    }

    /// How the customer's history names and shows this address, so that moving, editing,
    /// or making it preferred are each an audited change.
    pub fn audit_field(&self) -> String {
        format!("Endereço ({})", self.role.label())
    }

    pub fn audit_value(&self) -> String {
        audit_text(&self.line(), self.preferred)
    }
}

/// The history's text of an address line: marked when it is the role's preferred one.
pub fn audit_text(line: &str, preferred: bool) -> String {
    if preferred {
        format!("{line} (preferencial)")
    } else {
        line.to_string()
    }
}

/// The history's field and line of an address as stored, valid under today's rules or not:
/// a valid one exactly as [`ValidAddress`] shows it, a legacy one from its stored text, so
/// that changing or deleting it is never left out of the history.
pub fn stored_audit_line(stored: &AddressInput) -> (String, String) {
    if let Ok(valid) = validate_address(stored) {
        return (valid.audit_field(), valid.line());
    }
    let role = AddressRole::from_code(&stored.role)
        .map(AddressRole::label)
        .unwrap_or(stored.role.as_str());
    let mut line = format!("{}, {}", stored.street.trim(), stored.number.trim());
    if !stored.complement.trim().is_empty() {
        line.push_str(&format!(", {}", stored.complement.trim()));
    }
    (
        format!("Endereço ({role})"),
        format!(
            "{line} - {} - {} - CEP {}",
            stored.district.trim(),
            stored.city.trim(),
            stored.cep.trim()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleting_the_last_main_address_warns_that_orders_and_invoices_lose_it() {
        assert_eq!(
            delete_detail("Rua A, 1", false),
            "Rua A, 1. Não há como desfazer."
        );
        assert!(delete_detail("Rua A, 1", true).contains("É o único endereço principal do cliente"));
    }
    use proptest::prelude::*;

    fn input() -> AddressInput {
        AddressInput {
            role: "delivery".into(),
            cep: "93010-000".into(),
            street: "  Rua   Independência ".into(),
            number: "s/n".into(),
            complement: "".into(),
            district: "Centro".into(),
            city: "São Leopoldo - rs".into(),
            preferred: "".into(),
        }
    }

    #[test]
    fn r_cust_5_a_complete_address_is_tidied() {
        let valid = validate_address(&input()).unwrap();
        assert_eq!(valid.role, AddressRole::Delivery);
        assert_eq!(valid.street, "Rua Independência");
        assert_eq!(valid.number, "S/N");
        assert_eq!(valid.complement, None);
        assert!(!valid.preferred);
        assert_eq!(
            valid.line(),
            "Rua Independência, S/N - Centro - SAO LEOPOLDO - RS - CEP 93010-000"
        );
        assert_eq!(valid.audit_field(), "Endereço (Entrega)");
    }

    #[test]
    fn r_cust_5_every_missing_part_is_named_beside_its_field() {
        let errors = validate_address(&AddressInput::default()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            vec!["role", "cep", "street", "number", "district", "city"]
        );
        assert!(errors.iter().all(|(_, m)| !m.is_empty()));
    }

    #[test]
    fn ceps_have_eight_digits() {
        assert_eq!(Cep::parse("93010-000").unwrap().digits(), "93010000");
        assert_eq!(Cep::parse("93010000").unwrap().masked(), "93010-000");
        assert!(Cep::parse("9301-000").is_err());
        assert!(Cep::parse("93010-00a").is_err());
        assert!(Cep::parse("00000-000").is_err());
        assert_eq!(mask_cep_as_typed("930"), "930");
        assert_eq!(mask_cep_as_typed("93010000123"), "93010-000");
        assert_eq!(mask_cep_as_typed("93.010-0"), "93010-0");
    }

    #[test]
    fn a_cep_of_another_state_than_the_city_s_is_refused_beside_the_cep() {
        let mut input = input();
        input.cep = "90010-000".into();
        input.city = "VARGEM GRANDE PAULISTA - SP".into();
        let refusal = |input: &AddressInput| cep_state_refusal(&validate_address(input).unwrap());
        assert_eq!(
            refusal(&input),
            Some((
                "cep",
                "O CEP 90010-000 não é de SP, o estado da cidade: confira o CEP ou a cidade."
                    .to_string()
            ))
        );
        input.city = "PORTO ALEGRE - RS".into();
        assert_eq!(refusal(&input), None);
        // A foreign city has no Correios range to compare with.
        input.city = "MIAMI - FL - ESTADOS UNIDOS".into();
        assert_eq!(refusal(&input), None);
    }

    #[test]
    fn a_cep_or_city_typed_with_typographic_dashes_and_apostrophes_reads_as_ascii() {
        // Finding (issue 9, item 16): "93010–000" (en dash) was refused, "d’Oeste" did not
        // match the IBGE identification.
        assert_eq!(Cep::parse("93010–000").unwrap().digits(), "93010000");
        let valid = validate_address(&AddressInput {
            city: "Santa Bárbara d’Oeste – SP".into(),
            ..input()
        })
        .unwrap();
        assert_eq!(valid.city, "SANTA BARBARA D'OESTE - SP");
    }

    #[test]
    fn r_cust_5_the_first_address_of_a_role_is_preferred() {
        assert!(is_preferred(false, 0));
        assert!(!is_preferred(false, 2));
        assert!(is_preferred(true, 2));
    }

    proptest! {
        #[test]
        fn a_masked_cep_reads_back(digits in "[0-9]{8}") {
            prop_assume!(digits != "00000000");
            let cep = Cep::parse(&digits).unwrap();
            prop_assert_eq!(Cep::parse(&cep.masked()).unwrap(), cep.clone());
            prop_assert_eq!(mask_cep_as_typed(&digits), cep.masked());
        }
    }

    #[test]
    fn a_legacy_stored_address_still_has_a_history_line() {
        let legacy = AddressInput {
            cep: "9301".into(),
            ..input()
        };
        assert!(validate_address(&legacy).is_err());
        let (field, line) = stored_audit_line(&legacy);
        assert_eq!(field, "Endereço (Entrega)");
        assert!(line.ends_with("CEP 9301"), "{line}");
        let valid = validate_address(&input()).unwrap();
        assert_eq!(
            stored_audit_line(&input()),
            (valid.audit_field(), valid.line())
        );
    }
}
