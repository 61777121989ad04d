//! The customer list as it travels between server and screen, and its URL form.

use rules::lookup::LookupKind;
use serde::{Deserialize, Serialize};

use super::filter_conditions::{LookupChoice, LookupOp};
use super::set_filter::{set_param, SetChoice};
use rules::table_kind::LinkedKind;

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
    /// Conditions on the customer's price lists and payment plans in the current company, in
    /// `LinkedKind::ALL` order, at most one per set.
    #[serde(default)]
    pub sets: Vec<SetChoice>,
    pub sort: SortOrder,
    /// Opaque keyset cursor: where the previous page ended.
    pub after: String,
    /// Customer ids picked one by one in the grid; empty means every match. Batches are sent
    /// with it; the URL carries it only so a batch's record says what it covered.
    #[serde(default)]
    pub selected: Vec<i64>,
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
        for choice in &self.sets {
            pairs.push(format!(
                "{}={}",
                set_param(choice.kind),
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
            sets: LinkedKind::ALL
                .into_iter()
                .filter_map(|kind| SetChoice::from_param(kind, &read(set_param(kind))))
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

    pub fn set_choice(&self, kind: LinkedKind) -> Option<&SetChoice> {
        self.sets.iter().find(|choice| choice.kind == kind)
    }

    /// The same filter with one set's condition set (or cleared), back on the first page.
    pub fn with_set(&self, kind: LinkedKind, choice: Option<SetChoice>) -> Self {
        let sets = LinkedKind::ALL
            .into_iter()
            .filter_map(|k| {
                if k == kind {
                    choice.clone()
                } else {
                    self.set_choice(k).cloned()
                }
            })
            .collect();
        Self {
            sets,
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

/// `encode`'s inverse, for tests reading back an address.
#[cfg(test)]
pub fn decode(value: &str) -> String {
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

/// A value as a URL's query carries it (percent-encoded, UTF-8).
pub fn encode(value: &str) -> String {
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
    /// Available credit in the current company (R-CREDIT-2): `R$ 1.234,56`, `Ilimitado`,
    /// `-R$ 100,00` when over the limit. Written by the server, ready to show.
    #[cfg_attr(feature = "ssr", sqlx(default))]
    pub available_credit: String,
    #[cfg_attr(feature = "ssr", sqlx(default))]
    pub over_limit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPage {
    pub rows: Vec<CustomerRow>,
    /// Matches counted up to `COUNT_CAP + 1`.
    pub count: i64,
    /// The cursor of the next page, when there is one.
    pub next: Option<String>,
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

pub use rules::display::thousands;

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
            sets: vec![
                SetChoice::from_param(LinkedKind::PriceList, "so:3").unwrap(),
                SetChoice::from_param(LinkedKind::PaymentPlan, "vazio").unwrap(),
            ],
            sort: SortOrder::Name,
            after: "5:ACME".into(),
            selected: vec![4, 8],
        };
        let query = filter.to_query();
        assert_eq!(
            query,
            "?q=jo%C3%A3o%20%26%20filhos&situacao=active&regiao=12&vendedor=nao%3A7%2C9&categoria=vazio&listas=so%3A3&planos=vazio&selecionados=4%2C8&apos=5%3AACME&ordem=nome"
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
