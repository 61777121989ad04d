//! Which documents exist, and the Typst file that lays each one out.
//!
//! The templates are `.typ` files in `documents/templates/`, compiled into the binary
//! with `include_str!`: the layout is edited as Typst, not assembled from strings in
//! Rust, and a deployed server needs no template files beside it.

/// A document the app can render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    /// "Extrato de adiantamentos", fed an [`crate::AdvanceStatement`].
    AdvanceStatement,
    /// "Relatório de contas a receber", fed a [`crate::ReceivablesReport`].
    ReceivablesReport,
}

impl Template {
    /// The template's file name, as Typst reports it in diagnostics.
    pub fn file_name(self) -> &'static str {
        match self {
            Template::AdvanceStatement => "advance_statement.typ",
            Template::ReceivablesReport => "receivables_report.typ",
        }
    }

    /// The template's Typst source.
    pub(crate) fn source(self) -> &'static str {
        match self {
            Template::AdvanceStatement => include_str!("../templates/advance_statement.typ"),
            Template::ReceivablesReport => include_str!("../templates/receivables_report.typ"),
        }
    }
}
