//! R-BULK-2 on the customer's own price lists and payment plans in the current company:
//! "equal to" (linked to these lists only), "is one of", "is none of", "is empty", "is not
//! empty", read from and written to the URL (`?listas=so:12`, `?planos=nao:4,5`).

use rules::table_kind::LinkedKind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SetOp {
    /// The customer's set is exactly these entries.
    Only,
    AnyOf,
    NoneOf,
    Empty,
    NotEmpty,
}

impl SetOp {
    pub const ALL: [SetOp; 5] = [
        SetOp::Only,
        SetOp::AnyOf,
        SetOp::NoneOf,
        SetOp::Empty,
        SetOp::NotEmpty,
    ];

    /// The URL's prefix for the operator; `AnyOf` has none.
    pub fn code(self) -> &'static str {
        match self {
            SetOp::Only => "so",
            SetOp::AnyOf => "um",
            SetOp::NoneOf => "nao",
            SetOp::Empty => "vazio",
            SetOp::NotEmpty => "preenchido",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|op| op.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            SetOp::Only => "Igual a (somente estas)",
            SetOp::AnyOf => "É uma de",
            SetOp::NoneOf => "Não é nenhuma de",
            SetOp::Empty => "Vazio (nenhuma)",
            SetOp::NotEmpty => "Preenchido (alguma)",
        }
    }

    /// Whether the operator takes entries.
    pub fn listed(self) -> bool {
        matches!(self, SetOp::Only | SetOp::AnyOf | SetOp::NoneOf)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetChoice {
    pub kind: LinkedKind,
    pub op: SetOp,
    /// The entries of `Only`, `AnyOf` and `NoneOf`, ascending; empty for the others.
    #[serde(default)]
    pub ids: Vec<i64>,
}

/// The URL parameter of a set filter.
pub fn set_param(kind: LinkedKind) -> &'static str {
    match kind {
        LinkedKind::PriceList => "listas",
        LinkedKind::PaymentPlan => "planos",
        LinkedKind::Carrier => "transportadoras",
        LinkedKind::FleetVehicle => "frotas",
    }
}

impl SetChoice {
    /// `so:12`, `12,13`, `nao:12,13`, `vazio`, `preenchido`.
    pub fn param_value(&self) -> String {
        let ids = self
            .ids
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        match self.op {
            SetOp::AnyOf => ids,
            SetOp::Only | SetOp::NoneOf => format!("{}:{ids}", self.op.code()),
            SetOp::Empty | SetOp::NotEmpty => self.op.code().to_string(),
        }
    }

    /// Reads a URL value; `None` when it says nothing usable.
    pub fn from_param(kind: LinkedKind, value: &str) -> Option<Self> {
        let value = value.trim();
        let (op, list) = match value.split_once(':') {
            Some((code, rest)) => (SetOp::from_code(code.trim())?, rest),
            None => match SetOp::from_code(value) {
                Some(op) if !op.listed() => (op, ""),
                _ => (SetOp::AnyOf, value),
            },
        };
        Self::new(kind, op, list)
    }

    /// The condition of `op` over the ids typed in `list` (`12, 13`); `None` when a listed
    /// operator has no id.
    pub fn new(kind: LinkedKind, op: SetOp, list: &str) -> Option<Self> {
        let mut ids: Vec<i64> = if op.listed() {
            list.split(',')
                .filter_map(|id| id.trim().parse().ok())
                .collect()
        } else {
            Vec::new()
        };
        ids.sort_unstable();
        ids.dedup();
        (!op.listed() || !ids.is_empty()).then_some(Self { kind, op, ids })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_bulk_2_the_five_set_operators_read_from_and_write_to_the_url() {
        let kind = LinkedKind::PriceList;
        for value in ["so:12", "12,13", "nao:4,5", "vazio", "preenchido"] {
            let choice = SetChoice::from_param(kind, value).unwrap();
            assert_eq!(choice.param_value(), value);
        }
        assert_eq!(
            SetChoice::from_param(kind, "so:12").unwrap().op,
            SetOp::Only
        );
        assert_eq!(
            SetChoice::from_param(kind, "13, 12,13").unwrap().ids,
            vec![12, 13]
        );
        assert_eq!(SetChoice::from_param(kind, ""), None);
        assert_eq!(SetChoice::from_param(kind, "so:"), None);
        assert_eq!(SetChoice::from_param(kind, "x"), None);
        assert_eq!(SetChoice::from_param(kind, "talvez:1"), None);
    }
}
