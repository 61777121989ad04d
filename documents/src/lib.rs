//! Clientela's printable documents: PDFs rendered on the server with Typst, used as a
//! library.
//!
//! Each document is a Typst template in `templates/` that reads its data from
//! `data.json`; [`render`] serialises the typed data (already formatted as text by the
//! app) and returns the PDF's bytes. Fonts are bundled, so nothing is read from the
//! disk or the network at run time.
//!
//! Server-only: Typst is large and the browser never renders a PDF, so this crate is an
//! optional dependency of the app's `ssr` feature and refuses to build for wasm.

#[cfg(target_arch = "wasm32")]
compile_error!("documents is server-only: enable it with the app's `ssr` feature, never `hydrate`");

mod error;
mod fonts;
mod render;
mod report;
mod statement;
mod template;
mod world;

pub use error::DocumentError;
pub use render::render;
pub use report::{ReceivablesReport, ReportGroup, ReportRow, ReportTotals};
pub use statement::{AdvanceStatement, StatementLine};
pub use template::Template;
