//! The auxiliary tables a customer's commercial profile points to (R-COMPANY-2): groups,
//! activity branches, regions, salespeople, categories. One shape, one set of rules.

use serde::{Deserialize, Serialize};

use crate::city::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LookupKind {
    CustomerGroup,
    ActivityBranch,
    Region,
    Salesperson,
    Category,
}

impl LookupKind {
    pub const ALL: [LookupKind; 5] = [
        LookupKind::CustomerGroup,
        LookupKind::ActivityBranch,
        LookupKind::Region,
        LookupKind::Salesperson,
        LookupKind::Category,
    ];

    /// Stored in the database; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            LookupKind::CustomerGroup => "customer_group",
            LookupKind::ActivityBranch => "activity_branch",
            LookupKind::Region => "region",
            LookupKind::Salesperson => "salesperson",
            LookupKind::Category => "category",
        }
    }

    /// The URL segment of the table's screen.
    pub fn slug(self) -> &'static str {
        match self {
            LookupKind::CustomerGroup => "grupos",
            LookupKind::ActivityBranch => "ramos",
            LookupKind::Region => "regioes",
            LookupKind::Salesperson => "vendedores",
            LookupKind::Category => "categorias",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The list filter's "any" choice, agreeing with the field's gender ("Região: Todas").
    pub fn any_label(self) -> &'static str {
        match self {
            LookupKind::Region | LookupKind::Category => "Todas",
            _ => "Todos",
        }
    }

    /// Plural title of the table's screen.
    pub fn title(self) -> &'static str {
        match self {
            LookupKind::CustomerGroup => "Grupos de clientes",
            LookupKind::ActivityBranch => "Ramos de atividade",
            LookupKind::Region => "Regiões",
            LookupKind::Salesperson => "Vendedores",
            LookupKind::Category => "Categorias",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupInput {
    pub code: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLookup {
    pub code: String,
    pub description: String,
}

/// Code: 1 to 10 letters, digits or `-`/`_`, stored in upper case without accents.
/// Description: required, at most 60 characters, spaces tidied.
pub fn validate_lookup(input: &LookupInput) -> Result<ValidLookup, Vec<(&'static str, String)>> {
    validate_lookup_with(input, plain_code)
}

/// The longest code of a table with no chart of accounts' mask, and the longest description:
/// the forms stop typing there.
pub const PLAIN_CODE_MAX: usize = 10;
pub const DESCRIPTION_MAX: usize = 60;

fn plain_code(typed: &str) -> Result<String, String> {
    let code = fold(typed).replace(' ', "");
    if code.is_empty()
        || code.chars().count() > PLAIN_CODE_MAX
        || !code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Err("Código: de 1 a 10 letras ou números.".to_string())
    } else {
        Ok(code)
    }
}

/// The code typed for an entry of `kind` as it is stored (`serra` → `SERRA`; a chart of
/// accounts' own mask), or why it is refused.
pub fn read_code(kind: crate::table_kind::TableKind, typed: &str) -> Result<String, String> {
    match kind {
        crate::table_kind::TableKind::Ledger(chart) => {
            crate::sales::ledger_chart::parse_code(chart, typed)
        }
        _ => plain_code(typed),
    }
}

/// As `validate_lookup`, with the table's own rule for the code (a chart of accounts').
pub fn validate_lookup_with(
    input: &LookupInput,
    parse_code: impl Fn(&str) -> Result<String, String>,
) -> Result<ValidLookup, Vec<(&'static str, String)>> {
    let mut errors = Vec::new();
    let code = parse_code(&input.code).unwrap_or_else(|message| {
        errors.push(("code", message));
        String::new()
    });
    let description = input
        .description
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if description.is_empty() {
        errors.push(("description", "Informe a descrição.".to_string()));
    } else if description.chars().count() > DESCRIPTION_MAX {
        errors.push(("description", "Use no máximo 60 caracteres.".to_string()));
    }
    if errors.is_empty() {
        Ok(ValidLookup { code, description })
    } else {
        Err(errors)
    }
}

/// Deleting a row that customers use would orphan their profiles: refuse, saying how many.
pub fn deletion_refusal(customers_using: i64) -> Option<String> {
    match customers_using {
        0 => None,
        1 => Some("Não pode ser excluído: 1 cliente usa este registro. Desative-o.".to_string()),
        n => Some(format!(
            "Não pode ser excluído: {n} clientes usam este registro. Desative-o."
        )),
    }
}

/// Like `deletion_refusal`, for a row that `company_defaults` companies' settings also hold
/// as the default for new customers (R-SALES-1): that is said, since no customer may show it.
pub fn deletion_refusal_with_defaults(
    customers_using: i64,
    company_defaults: i64,
) -> Option<String> {
    const DEFAULT: &str = "é o padrão para clientes novos nas configurações da empresa";
    match (customers_using, company_defaults) {
        (_, 0) => deletion_refusal(customers_using),
        (0, _) => Some(format!(
            "Não pode ser excluído: {DEFAULT}. Escolha outro padrão lá, ou desative-o."
        )),
        (n, _) => Some(format!(
            "Não pode ser excluído: {} este registro, e ele {DEFAULT}. Desative-o.",
            crate::display::count_of(n, "cliente usa", "clientes usam")
        )),
    }
}

/// A row a batch may still write back on undo (R-BULK) can't be deleted either: undoing that
/// batch would point customers to nothing.
pub fn batch_refusal(batch_id: i64) -> String {
    format!(
        "Não pode ser excluído: o lote de alteração {batch_id} voltaria clientes a este registro se fosse desfeito. Desative-o."
    )
}

/// A table row's audited state: description and whether it is active.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookupState {
    pub description: String,
    pub active: bool,
}

/// The history rows of a table row going from `before` (`None`: created) to `after` (`None`:
/// deleted), as (field, old, new): who and when are the store's.
pub fn lookup_changes(
    code: &str,
    before: Option<&LookupState>,
    after: Option<&LookupState>,
) -> Vec<(&'static str, String, String)> {
    let active = |state: &LookupState| if state.active { "Sim" } else { "Não" }.to_string();
    match (before, after) {
        (None, None) => Vec::new(),
        (None, Some(after)) => vec![
            ("Inclusão", String::new(), code.to_string()),
            ("Descrição", String::new(), after.description.clone()),
            ("Ativo", String::new(), active(after)),
        ],
        (Some(before), None) => vec![(
            "Exclusão",
            format!("{code} - {}", before.description),
            String::new(),
        )],
        (Some(before), Some(after)) => [
            (
                "Descrição",
                before.description.clone(),
                after.description.clone(),
            ),
            ("Ativo", active(before), active(after)),
        ]
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .collect(),
    }
}

/// The delete dialog's question: an entry that is held (by customers, `deletion_refusal`, or by
/// anything else the server names) cannot be deleted, so the dialog says so instead of asking.
pub fn delete_question(code: &str, description: &str, refused: bool) -> String {
    if refused {
        format!("Não é possível excluir {code} - {description}")
    } else {
        format!("Excluir {code} - {description}?")
    }
}

/// What the delete dialog says of an entry `customers` use, before anything is tried: why it
/// cannot be deleted, and that deactivating is the way.
pub fn in_use_warning(customers: i64) -> Option<String> {
    (customers > 0).then(|| {
        format!(
            "{} {} este registro. Para tirá-lo de uso, desative-o.",
            crate::display::count_of(customers, "cliente", "clientes"),
            if customers == 1 { "usa" } else { "usam" }
        )
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_typed_code_reads_as_it_is_stored_by_its_tables_rule() {
        use crate::lookup::LookupKind;
        use crate::table_kind::{LedgerChart, TableKind};
        let region = TableKind::Profile(LookupKind::Region);
        assert_eq!(super::read_code(region, " serra ").as_deref(), Ok("SERRA"));
        assert_eq!(
            super::read_code(region, "São José").as_deref(),
            Ok("SAOJOSE")
        );
        assert!(super::read_code(region, "a.b").is_err());
        let real = TableKind::Ledger(LedgerChart::Real);
        assert_eq!(super::read_code(real, "1.1.01").as_deref(), Ok("1.1.01"));
        assert!(super::read_code(real, "ABC").is_err());
    }

    #[test]
    fn the_delete_dialog_warns_of_an_entry_in_use_in_agreement() {
        assert_eq!(in_use_warning(0), None);
        assert_eq!(
            in_use_warning(1).as_deref(),
            Some("1 cliente usa este registro. Para tirá-lo de uso, desative-o.")
        );
        assert_eq!(
            in_use_warning(1400).as_deref(),
            Some("1.400 clientes usam este registro. Para tirá-lo de uso, desative-o.")
        );
        assert_eq!(
            delete_question("RS", "Rio Grande do Sul", false),
            "Excluir RS - Rio Grande do Sul?"
        );
        assert_eq!(
            delete_question("RS", "Rio Grande do Sul", true),
            "Não é possível excluir RS - Rio Grande do Sul"
        );
    }

    use super::*;

    #[test]
    fn r_company_2_every_table_change_is_recorded_field_by_field() {
        let old = LookupState {
            description: "Norte".into(),
            active: true,
        };
        let new = LookupState {
            description: "Região Norte".into(),
            active: true,
        };
        assert_eq!(
            lookup_changes("N", Some(&old), Some(&new)),
            vec![("Descrição", "Norte".into(), "Região Norte".into())]
        );
        assert!(lookup_changes("N", Some(&old), Some(&old)).is_empty());
        assert_eq!(lookup_changes("N", None, Some(&new)).len(), 3);
        assert_eq!(
            lookup_changes("N", Some(&old), None),
            vec![("Exclusão", "N - Norte".into(), String::new())]
        );
    }

    #[test]
    fn every_kind_round_trips_through_its_code_and_slug() {
        for kind in LookupKind::ALL {
            assert_eq!(LookupKind::from_code(kind.code()), Some(kind));
            assert_eq!(LookupKind::from_slug(kind.slug()), Some(kind));
        }
    }

    #[test]
    fn codes_are_upper_case_without_accents() {
        let valid = validate_lookup(&LookupInput {
            code: " rs-sé ".into(),
            description: " Rio  Grande do Sul ".into(),
        })
        .unwrap();
        assert_eq!(
            valid,
            ValidLookup {
                code: "RS-SE".into(),
                description: "Rio Grande do Sul".into()
            }
        );
    }

    #[test]
    fn bad_code_and_missing_description_are_both_reported() {
        let errors = validate_lookup(&LookupInput {
            code: "muito-comprido".into(),
            description: "".into(),
        })
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.0).collect();
        assert_eq!(fields, vec!["code", "description"]);
    }

    #[test]
    fn a_row_in_use_cannot_be_deleted_and_the_message_counts_its_customers() {
        assert_eq!(deletion_refusal_with_defaults(0, 0), None);
        assert_eq!(deletion_refusal_with_defaults(2, 0), deletion_refusal(2));
        assert_eq!(
            deletion_refusal_with_defaults(0, 1).unwrap(),
            "Não pode ser excluído: é o padrão para clientes novos nas configurações da empresa. Escolha outro padrão lá, ou desative-o."
        );
        assert_eq!(
            deletion_refusal_with_defaults(1, 2).unwrap(),
            "Não pode ser excluído: 1 cliente usa este registro, e ele é o padrão para clientes novos nas configurações da empresa. Desative-o."
        );
        assert_eq!(deletion_refusal(0), None);
        assert_eq!(
            deletion_refusal(1).unwrap(),
            "Não pode ser excluído: 1 cliente usa este registro. Desative-o."
        );
        assert!(deletion_refusal(1234).unwrap().contains("1234 clientes"));
    }
}
