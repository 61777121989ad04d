//! A receivable's collection route, the LOP of seed 001 (Localização, Operação, Portador):
//! where the receivable is for collection (the company's wallet, a bank, a lawyer, a collection
//! agency), how it is collected (simple, discounted, vendor, judicial) and who holds it (the
//! bearer, one of the company's bearer table). The bearer is a table entry, read by the store;
//! location and operation are fixed lists, read here.

use serde::{Deserialize, Serialize};

use crate::customer::FieldError;

/// The L of LOP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CollectionLocation {
    /// The company collects it itself (carteira).
    #[default]
    Wallet,
    Bank,
    Lawyer,
    CollectionAgency,
}

/// The O of LOP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CollectionOperation {
    #[default]
    Simple,
    /// Discounted with a bank before it is due.
    Discounted,
    Vendor,
    Judicial,
}

impl CollectionLocation {
    pub const ALL: [CollectionLocation; 4] = [
        CollectionLocation::Wallet,
        CollectionLocation::Bank,
        CollectionLocation::Lawyer,
        CollectionLocation::CollectionAgency,
    ];

    /// Stored and sent to the browser; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            CollectionLocation::Wallet => "wallet",
            CollectionLocation::Bank => "bank",
            CollectionLocation::Lawyer => "lawyer",
            CollectionLocation::CollectionAgency => "collection_agency",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            CollectionLocation::Wallet => "Carteira",
            CollectionLocation::Bank => "Banco",
            CollectionLocation::Lawyer => "Advogado",
            CollectionLocation::CollectionAgency => "Escritório de cobrança",
        }
    }
}

impl CollectionOperation {
    pub const ALL: [CollectionOperation; 4] = [
        CollectionOperation::Simple,
        CollectionOperation::Discounted,
        CollectionOperation::Vendor,
        CollectionOperation::Judicial,
    ];

    /// Stored and sent to the browser; never renamed once shipped.
    pub fn code(self) -> &'static str {
        match self {
            CollectionOperation::Simple => "simple",
            CollectionOperation::Discounted => "discounted",
            CollectionOperation::Vendor => "vendor",
            CollectionOperation::Judicial => "judicial",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            CollectionOperation::Simple => "Cobrança simples",
            CollectionOperation::Discounted => "Cobrança descontada",
            CollectionOperation::Vendor => "Vendor",
            CollectionOperation::Judicial => "Cobrança judicial",
        }
    }
}

/// Location and operation as chosen (empty: the wallet, simple collection, where a
/// receivable starts), and the bearer's code as typed (`None`: the customer's bearer, R-SALES-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionRoute {
    pub location: CollectionLocation,
    pub operation: CollectionOperation,
    pub bearer_code: Option<String>,
}

/// Reads the three fields, each wrong one named beside its field.
pub fn read(
    location: &str,
    operation: &str,
    bearer: &str,
    errors: &mut Vec<FieldError>,
) -> Option<CollectionRoute> {
    let location = match location.trim() {
        "" => Some(CollectionLocation::default()),
        code => CollectionLocation::from_code(code),
    };
    if location.is_none() {
        errors.push(FieldError {
            field: "location",
            message: "Escolha onde o título está para cobrança.".to_string(),
        });
    }
    let operation = match operation.trim() {
        "" => Some(CollectionOperation::default()),
        code => CollectionOperation::from_code(code),
    };
    if operation.is_none() {
        errors.push(FieldError {
            field: "operation",
            message: "Escolha o tipo de cobrança.".to_string(),
        });
    }
    let bearer_code = Some(bearer.trim().to_uppercase()).filter(|b| !b.is_empty());
    Some(CollectionRoute {
        location: location?,
        operation: operation?,
        bearer_code,
    })
}

/// `Banco · Cobrança descontada · BB`, as the grids show it.
pub fn describe(location: &str, operation: &str, bearer_code: Option<&str>) -> String {
    let location = CollectionLocation::from_code(location).map_or(location, |l| l.label());
    let operation = CollectionOperation::from_code(operation).map_or(operation, |o| o.label());
    match bearer_code {
        Some(bearer) => format!("{location} · {operation} · {bearer}"),
        None => format!("{location} · {operation}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_empty_means_the_wallet_and_simple_collection() {
        for location in CollectionLocation::ALL {
            assert_eq!(
                CollectionLocation::from_code(location.code()),
                Some(location)
            );
        }
        for operation in CollectionOperation::ALL {
            assert_eq!(
                CollectionOperation::from_code(operation.code()),
                Some(operation)
            );
        }
        let mut errors = Vec::new();
        let route = read("", " ", "", &mut errors).unwrap();
        assert!(errors.is_empty());
        assert_eq!(route.location, CollectionLocation::Wallet);
        assert_eq!(route.operation, CollectionOperation::Simple);
        assert_eq!(route.bearer_code, None);
    }

    #[test]
    fn a_typed_bearer_is_read_by_its_code_and_wrong_choices_are_named() {
        let mut errors = Vec::new();
        let route = read("bank", "discounted", " bb ", &mut errors).unwrap();
        assert_eq!(route.bearer_code.as_deref(), Some("BB"));
        assert_eq!(
            describe("bank", "discounted", Some("BB")),
            "Banco · Cobrança descontada · BB"
        );
        assert!(read("safe", "gift", "", &mut errors).is_none());
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["location", "operation"]);
    }
}
