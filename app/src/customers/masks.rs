use rules::document::{Cnpj, Cpf};

/// A stored CPF or CNPJ as people read it; anything else as it is.
pub fn masked_document(document: &str) -> String {
    match document.len() {
        11 => Cpf::parse(document)
            .map(|d| d.masked())
            .unwrap_or_else(|_| document.to_string()),
        14 => Cnpj::parse(document)
            .map(|d| d.masked())
            .unwrap_or_else(|_| document.to_string()),
        _ => document.to_string(),
    }
}
