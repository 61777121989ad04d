//! The customer list as it travels between server and screen, and its URL form.

use serde::{Deserialize, Serialize};

pub const PAGE_SIZE: i64 = 50;
/// Counting stops here; beyond it the screen says "mais de 1.000".
pub const COUNT_CAP: i64 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortOrder {
    #[default]
    Code,
    Name,
}

impl SortOrder {
    pub fn param(self) -> &'static str {
        match self {
            SortOrder::Code => "codigo",
            SortOrder::Name => "nome",
        }
    }

    pub fn from_param(value: &str) -> Self {
        if value == "nome" {
            SortOrder::Name
        } else {
            SortOrder::Code
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
    pub sort: SortOrder,
    /// Opaque keyset cursor: where the previous page ended.
    pub after: String,
}

impl CustomerFilter {
    /// The URL query for this filter (the list page's address).
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        for (name, value) in [
            ("q", self.text.as_str()),
            ("situacao", self.status.as_str()),
            ("cidade", self.city.as_str()),
            ("apos", self.after.as_str()),
        ] {
            if !value.trim().is_empty() {
                pairs.push(format!("{name}={}", encode(value)));
            }
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

    pub fn first_page(&self) -> Self {
        Self {
            after: String::new(),
            ..self.clone()
        }
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

fn thousands(n: i64) -> String {
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
    fn filter_round_trips_through_its_query() {
        let filter = CustomerFilter {
            text: "joão & filhos".into(),
            status: "active".into(),
            city: String::new(),
            sort: SortOrder::Name,
            after: String::new(),
        };
        assert_eq!(
            filter.to_query(),
            "?q=jo%C3%A3o%20%26%20filhos&situacao=active&ordem=nome"
        );
        assert_eq!(CustomerFilter::default().to_query(), "");
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
