//! The conditions a list filter puts on a profile table or on the city (R-BULK-2): "is one
//! of", "is none of", "is empty", "is not empty", read from the URL and from what was typed.

use rules::lookup::LookupKind;
use serde::{Deserialize, Serialize};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
