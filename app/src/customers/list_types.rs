//! The customer list as it travels between server and screen, and its URL form.

use rules::lookup::LookupKind;
use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: i64 = 50;
/// Counting stops here; beyond it the screen says "mais de 1.000".
pub const COUNT_CAP: i64 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortOrder {
    #[default]
    Code,
    Name,
    CodeDescending,
    NameDescending,
}

impl SortOrder {
    pub fn param(self) -> &'static str {
        match self {
            SortOrder::Code => "codigo",
            SortOrder::Name => "nome",
            SortOrder::CodeDescending => "codigo-desc",
            SortOrder::NameDescending => "nome-desc",
        }
    }

    pub fn from_param(value: &str) -> Self {
        match value {
            "nome" => SortOrder::Name,
            "codigo-desc" => SortOrder::CodeDescending,
            "nome-desc" => SortOrder::NameDescending,
            _ => SortOrder::Code,
        }
    }

    pub fn by_name(self) -> bool {
        matches!(self, SortOrder::Name | SortOrder::NameDescending)
    }

    pub fn descending(self) -> bool {
        matches!(self, SortOrder::CodeDescending | SortOrder::NameDescending)
    }

    /// The same column the other way round: what a second click on its header asks for.
    pub fn reversed(self) -> Self {
        match self {
            SortOrder::Code => SortOrder::CodeDescending,
            SortOrder::CodeDescending => SortOrder::Code,
            SortOrder::Name => SortOrder::NameDescending,
            SortOrder::NameDescending => SortOrder::Name,
        }
    }
}

/// The filters, sort and position of the list: exactly what the URL holds.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CustomerFilter {
    pub text: String,
    /// `active`, `inactive`, `pending`, or empty for all.
    pub status: String,
    /// Start of a city identification, e.g. `SAO LEO`.
    pub city: String,
    /// Commercial profile filters in the current company, in `LookupKind::ALL` order, at most
    /// one per table.
    #[serde(default)]
    pub lookups: Vec<LookupChoice>,
    pub sort: SortOrder,
    /// Opaque keyset cursor: where the previous page ended.
    pub after: String,
    /// Customer ids picked one by one in the grid; empty means every match. Batches are sent
    /// with it; the URL carries it only so a batch's record says what it covered.
    #[serde(default)]
    pub selected: Vec<i64>,
}

/// A condition on one table of the profile, e.g. "region is one of 12, 13" (R-BULK-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupChoice {
    pub kind: LookupKind,
    pub op: LookupOp,
    /// The entries for `AnyOf` and `NoneOf`; empty for the others.
    #[serde(default)]
    pub ids: Vec<i64>,
}

/// R-BULK-2's operators: "equal to" is `AnyOf` with one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LookupOp {
    AnyOf,
    NoneOf,
    Empty,
    NotEmpty,
}

impl LookupChoice {
    pub fn equal(kind: LookupKind, id: i64) -> Self {
        Self {
            kind,
            op: LookupOp::AnyOf,
            ids: vec![id],
        }
    }

    /// The URL value: `12`, `12,13`, `nao:12,13`, `vazio`, `preenchido`.
    pub fn param_value(&self) -> String {
        let ids = || {
            self.ids
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        match self.op {
            LookupOp::AnyOf => ids(),
            LookupOp::NoneOf => format!("nao:{}", ids()),
            LookupOp::Empty => "vazio".to_string(),
            LookupOp::NotEmpty => "preenchido".to_string(),
        }
    }

    /// Reads a URL value; `None` when it says nothing usable.
    pub fn from_param(kind: LookupKind, value: &str) -> Option<Self> {
        let value = value.trim();
        let (op, list) = match value {
            "" => return None,
            "vazio" => (LookupOp::Empty, ""),
            "preenchido" => (LookupOp::NotEmpty, ""),
            _ => match value.strip_prefix("nao:") {
                Some(rest) => (LookupOp::NoneOf, rest),
                None => (LookupOp::AnyOf, value),
            },
        };
        let ids: Vec<i64> = list
            .split(',')
            .filter_map(|id| id.trim().parse().ok())
            .collect();
        if matches!(op, LookupOp::AnyOf | LookupOp::NoneOf) && ids.is_empty() {
            return None;
        }
        Some(Self { kind, op, ids })
    }
}

/// R-BULK-2 on the city, read from what was typed in its box: `CANOAS` or `CANOAS - RS, SAO LEO`
/// (is one of; each the start of an identification), `não: …` (is none of), `vazio` (is empty),
/// `preenchido` (is not empty). Accents and case are ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityCondition {
    pub op: LookupOp,
    /// Folded starts of identifications, for `AnyOf` and `NoneOf`.
    pub prefixes: Vec<String>,
}

impl CityCondition {
    /// `None` when the text says nothing to filter by.
    pub fn parse(typed: &str) -> Option<Self> {
        let folded = rules::city::fold(typed);
        let (op, list) = match folded.as_str() {
            "" => return None,
            "VAZIO" | "(VAZIO)" => (LookupOp::Empty, ""),
            "PREENCHIDO" | "(PREENCHIDO)" => (LookupOp::NotEmpty, ""),
            _ => match folded.strip_prefix("NAO:") {
                Some(rest) => (LookupOp::NoneOf, rest),
                None => (LookupOp::AnyOf, folded.as_str()),
            },
        };
        let prefixes: Vec<String> = list
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect();
        let listed = matches!(op, LookupOp::AnyOf | LookupOp::NoneOf);
        (!listed || !prefixes.is_empty()).then_some(Self { op, prefixes })
    }
}

/// Codes typed with commas (`A, b`) read against a table's entries (code, id), case ignored.
/// Unknown codes come back as the error, to be named to the user.
pub fn ids_for_codes(typed: &str, entries: &[(String, i64)]) -> Result<Vec<i64>, Vec<String>> {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for code in typed.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        match entries.iter().find(|(c, _)| c.eq_ignore_ascii_case(code)) {
            Some((_, id)) if !ids.contains(id) => ids.push(*id),
            Some(_) => {}
            None => unknown.push(code.to_uppercase()),
        }
    }
    if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(unknown)
    }
}

/// What the user typed in a table's codes box, `A, B` or `não: A, B`, as a condition: "is one
/// of" or "is none of"; nothing typed clears it. Unknown codes come back as the error.
pub fn choice_from_typed_codes(
    kind: LookupKind,
    typed: &str,
    entries: &[(String, i64)],
) -> Result<Option<LookupChoice>, Vec<String>> {
    let typed = typed.trim();
    let (op, list) = match typed
        .strip_prefix("não:")
        .or_else(|| typed.strip_prefix("nao:"))
        .or_else(|| typed.strip_prefix("NÃO:"))
        .or_else(|| typed.strip_prefix("NAO:"))
    {
        Some(rest) => (LookupOp::NoneOf, rest),
        None => (LookupOp::AnyOf, typed),
    };
    let ids = ids_for_codes(list, entries)?;
    Ok((!ids.is_empty()).then_some(LookupChoice { kind, op, ids }))
}

/// The codes box's text for a condition that the select cannot show: a list, or "none of".
pub fn typed_codes_for(choice: &LookupChoice, entries: &[(String, i64)]) -> String {
    let codes = || {
        choice
            .ids
            .iter()
            .filter_map(|id| entries.iter().find(|(_, e)| e == id))
            .map(|(code, _)| code.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match choice.op {
        LookupOp::AnyOf if choice.ids.len() > 1 => codes(),
        LookupOp::NoneOf => format!("não: {}", codes()),
        _ => String::new(),
    }
}

impl CustomerFilter {
    /// The URL query for this filter (the list page's address).
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        for (name, value) in [
            ("q", self.text.as_str()),
            ("situacao", self.status.as_str()),
            ("cidade", self.city.as_str()),
        ] {
            if !value.trim().is_empty() {
                pairs.push(format!("{name}={}", encode(value)));
            }
        }
        for choice in &self.lookups {
            pairs.push(format!(
                "{}={}",
                lookup_param(choice.kind),
                encode(&choice.param_value())
            ));
        }
        if !self.selected.is_empty() {
            let ids: Vec<String> = self.selected.iter().map(i64::to_string).collect();
            pairs.push(format!("selecionados={}", encode(&ids.join(","))));
        }
        if !self.after.is_empty() {
            pairs.push(format!("apos={}", encode(&self.after)));
        }
        if self.sort != SortOrder::Code {
            pairs.push(format!("ordem={}", self.sort.param()));
        }
        if pairs.is_empty() {
            String::new()
        } else {
            format!("?{}", pairs.join("&"))
        }
    }

    /// The filter a URL query describes; `get` reads one parameter.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let read = |name: &str| get(name).unwrap_or_default();
        Self {
            text: read("q"),
            status: read("situacao"),
            city: read("cidade"),
            lookups: LookupKind::ALL
                .into_iter()
                .filter_map(|kind| LookupChoice::from_param(kind, &read(lookup_param(kind))))
                .collect(),
            sort: SortOrder::from_param(&read("ordem")),
            after: read("apos"),
            selected: read("selecionados")
                .split(',')
                .filter_map(|id| id.trim().parse().ok())
                .collect(),
        }
    }

    pub fn choice(&self, kind: LookupKind) -> Option<&LookupChoice> {
        self.lookups.iter().find(|choice| choice.kind == kind)
    }

    /// The entry when the condition is "equal to" one entry.
    pub fn lookup(&self, kind: LookupKind) -> Option<i64> {
        self.choice(kind)
            .filter(|c| c.op == LookupOp::AnyOf && c.ids.len() == 1)
            .map(|c| c.ids[0])
    }

    /// The same filter with one table's condition set (or cleared), back on the first page.
    pub fn with_choice(&self, kind: LookupKind, choice: Option<LookupChoice>) -> Self {
        let lookups = LookupKind::ALL
            .into_iter()
            .filter_map(|k| {
                if k == kind {
                    choice.clone()
                } else {
                    self.choice(k).cloned()
                }
            })
            .collect();
        Self {
            lookups,
            after: String::new(),
            ..self.clone()
        }
    }

    pub fn first_page(&self) -> Self {
        Self {
            after: String::new(),
            ..self.clone()
        }
    }
}

/// The URL parameter of a profile filter, singular: `?regiao=12`.
pub fn lookup_param(kind: LookupKind) -> &'static str {
    match kind {
        LookupKind::CustomerGroup => "grupo",
        LookupKind::ActivityBranch => "ramo",
        LookupKind::Region => "regiao",
        LookupKind::Salesperson => "vendedor",
        LookupKind::Category => "categoria",
    }
}

fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct CustomerRow {
    pub id: i64,
    pub code: i64,
    pub kind: String,
    pub document: String,
    pub legal_name: String,
    pub trade_name: String,
    pub status: String,
    pub city: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub rows: Vec<CustomerRow>,
    /// Matches counted up to `COUNT_CAP + 1`.
    pub count: i64,
    /// The cursor of the next page, when there is one.
    pub next: Option<String>,
}

pub fn status_label(status: &str) -> &'static str {
    match status {
        "active" => "Ativo",
        "inactive" => "Inativo",
        "pending" => "Pendente",
        _ => "—",
    }
}

/// "1 cliente", "1.234 clientes" is never shown: past the cap it is "mais de 1.000 clientes".
pub fn count_label(count: i64) -> String {
    match count {
        0 => "Nenhum cliente encontrado".to_string(),
        1 => "1 cliente".to_string(),
        n if n > COUNT_CAP => "mais de 1.000 clientes".to_string(),
        n => format!("{} clientes", thousands(n)),
    }
}

/// `1234567` → `1.234.567`.
pub fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_orders_read_back_from_the_url_and_reverse() {
        for order in [
            SortOrder::Code,
            SortOrder::Name,
            SortOrder::CodeDescending,
            SortOrder::NameDescending,
        ] {
            assert_eq!(SortOrder::from_param(order.param()), order);
            assert_eq!(order.reversed().reversed(), order);
            assert_ne!(order.reversed().descending(), order.descending());
            assert_eq!(order.reversed().by_name(), order.by_name());
        }
        assert_eq!(SortOrder::from_param("qualquer"), SortOrder::Code);
    }

    #[test]
    fn r_bulk_2_city_box_reads_each_operator() {
        let parsed = |typed: &str| CityCondition::parse(typed).map(|c| (c.op, c.prefixes));
        assert_eq!(
            parsed("São Leo"),
            Some((LookupOp::AnyOf, vec!["SAO LEO".to_string()]))
        );
        assert_eq!(
            parsed("canoas - rs,  Esteio "),
            Some((
                LookupOp::AnyOf,
                vec!["CANOAS - RS".to_string(), "ESTEIO".to_string()]
            ))
        );
        assert_eq!(
            parsed("não: Canoas, ESTEIO"),
            Some((
                LookupOp::NoneOf,
                vec!["CANOAS".to_string(), "ESTEIO".to_string()]
            ))
        );
        assert_eq!(parsed("Vazio"), Some((LookupOp::Empty, vec![])));
        assert_eq!(parsed("preenchido"), Some((LookupOp::NotEmpty, vec![])));
        assert_eq!(parsed("  "), None);
        assert_eq!(parsed("não: , "), None);
    }

    #[test]
    fn filter_round_trips_through_its_query() {
        let filter = CustomerFilter {
            text: "joão & filhos".into(),
            status: "active".into(),
            city: String::new(),
            lookups: vec![
                choice(LookupKind::Region, 12),
                LookupChoice {
                    kind: LookupKind::Salesperson,
                    op: LookupOp::NoneOf,
                    ids: vec![7, 9],
                },
                LookupChoice {
                    kind: LookupKind::Category,
                    op: LookupOp::Empty,
                    ids: vec![],
                },
            ],
            sort: SortOrder::Name,
            after: "5:ACME".into(),
            selected: vec![4, 8],
        };
        let query = filter.to_query();
        assert_eq!(
            query,
            "?q=jo%C3%A3o%20%26%20filhos&situacao=active&regiao=12&vendedor=nao%3A7%2C9&categoria=vazio&selecionados=4%2C8&apos=5%3AACME&ordem=nome"
        );
        let pairs: Vec<(String, String)> = query[1..]
            .split('&')
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap();
                (name.to_string(), decode(value))
            })
            .collect();
        let back = CustomerFilter::from_params(|name| {
            pairs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        });
        assert_eq!(back, filter);
        assert_eq!(CustomerFilter::default().to_query(), "");
    }

    fn choice(kind: LookupKind, id: i64) -> LookupChoice {
        LookupChoice::equal(kind, id)
    }

    #[test]
    fn r_bulk_2_operators_read_from_and_write_to_the_url() {
        let read = |v: &str| LookupChoice::from_param(LookupKind::Region, v);
        assert_eq!(read("12,13").unwrap().op, LookupOp::AnyOf);
        assert_eq!(read("nao:12, 13").unwrap().ids, vec![12, 13]);
        assert_eq!(read("vazio").unwrap().op, LookupOp::Empty);
        assert_eq!(read("preenchido").unwrap().op, LookupOp::NotEmpty);
        assert_eq!(read("nao:"), None);
        assert_eq!(read("x"), None);
        assert_eq!(read("nao:4,5").unwrap().param_value(), "nao:4,5");
    }

    #[test]
    fn r_bulk_2_categories_accept_several_codes_typed_with_commas() {
        let entries = vec![
            ("A".to_string(), 37),
            ("B".to_string(), 39),
            ("C".to_string(), 41),
        ];
        assert_eq!(ids_for_codes("a, C,,a", &entries), Ok(vec![37, 41]));
        assert_eq!(
            ids_for_codes("A, X, zz", &entries),
            Err(vec!["X".to_string(), "ZZ".to_string()])
        );
        assert_eq!(ids_for_codes("  ", &entries), Ok(vec![]));
    }

    #[test]
    fn r_bulk_2_typed_codes_say_one_of_or_none_of_and_read_back() {
        let entries = vec![("N".to_string(), 1), ("S".to_string(), 2)];
        let kind = LookupKind::Region;
        let any = choice_from_typed_codes(kind, "n, s", &entries)
            .unwrap()
            .unwrap();
        assert_eq!((any.op, any.ids.clone()), (LookupOp::AnyOf, vec![1, 2]));
        assert_eq!(typed_codes_for(&any, &entries), "N, S");
        let none = choice_from_typed_codes(kind, "não: s", &entries)
            .unwrap()
            .unwrap();
        assert_eq!((none.op, none.ids.clone()), (LookupOp::NoneOf, vec![2]));
        assert_eq!(typed_codes_for(&none, &entries), "não: S");
        assert_eq!(choice_from_typed_codes(kind, " ", &entries), Ok(None));
        assert_eq!(
            choice_from_typed_codes(kind, "nao: x", &entries),
            Err(vec!["X".to_string()])
        );
        // One entry equal to is the select's business, not the box's.
        assert_eq!(typed_codes_for(&LookupChoice::equal(kind, 1), &entries), "");
    }

    fn decode(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn choosing_a_table_entry_keeps_the_others_and_restarts_paging() {
        let filter = CustomerFilter {
            lookups: vec![choice(LookupKind::Salesperson, 7)],
            after: "100".into(),
            ..Default::default()
        };
        let chosen = filter.with_choice(
            LookupKind::CustomerGroup,
            Some(choice(LookupKind::CustomerGroup, 3)),
        );
        assert_eq!(
            chosen.lookups,
            vec![
                choice(LookupKind::CustomerGroup, 3),
                choice(LookupKind::Salesperson, 7)
            ]
        );
        assert_eq!(chosen.after, "");
        assert_eq!(
            chosen.with_choice(LookupKind::Salesperson, None).lookups,
            vec![choice(LookupKind::CustomerGroup, 3)]
        );
    }

    #[test]
    fn counts_read_as_brazilians_write_them() {
        assert_eq!(count_label(0), "Nenhum cliente encontrado");
        assert_eq!(count_label(1), "1 cliente");
        assert_eq!(count_label(999), "999 clientes");
        assert_eq!(count_label(1000), "1.000 clientes");
        assert_eq!(count_label(1001), "mais de 1.000 clientes");
    }
}
