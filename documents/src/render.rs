//! Data in, PDF bytes out.

use serde::Serialize;
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use crate::error::{messages, DocumentError};
use crate::world::DocumentWorld;
use crate::Template;

/// How many renders an unused entry of Typst's memoisation cache survives. Typst caches
/// layout results across compilations (that is what makes a second render fast); a
/// server renders different data forever, so old entries must be dropped or the cache
/// grows without bound. A handful keeps the template's own work warm.
const CACHE_MAX_AGE: usize = 10;

/// Renders `template` with `data` and returns the PDF.
///
/// `data` is serialised to JSON and handed to the template as `data.json`; it must be
/// the template's data type ([`crate::AdvanceStatement`] for
/// [`Template::AdvanceStatement`], [`crate::ReceivablesReport`] for
/// [`Template::ReceivablesReport`]). Values reach the page as plain text, so
/// characters Typst gives meaning to (`#`, `$`, `*`, `_`, `<`, `@`, `[`, `\`) print
/// as they are.
///
/// Blocking and CPU-bound (milliseconds to a fraction of a second for hundreds of
/// lines): call it from `tokio::task::spawn_blocking` in async code.
pub fn render<T: Serialize>(template: Template, data: &T) -> Result<Vec<u8>, DocumentError> {
    let json = serde_json::to_vec(data)?;
    compile(template.file_name(), template.source(), json)
}

/// Compiles one template's source with its JSON data, then exports the PDF.
fn compile(file_name: &'static str, source: &str, json: Vec<u8>) -> Result<Vec<u8>, DocumentError> {
    let world = DocumentWorld::new(file_name, source, json);
    let compiled = typst::compile::<PagedDocument>(&world).output;
    let result = compiled
        .map_err(|errors| DocumentError::Template {
            template: file_name,
            messages: messages(&errors),
        })
        .and_then(|document| {
            typst_pdf::pdf(&document, &PdfOptions::default()).map_err(|errors| DocumentError::Pdf {
                messages: messages(&errors),
            })
        });

    comemo::evict(CACHE_MAX_AGE);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A broken template is an error carrying Typst's message, not a panic.
    #[test]
    fn a_template_error_is_an_error() {
        let error = compile(
            "broken.typ",
            "#let data = json(\"data.json\")\n#data.missing",
            b"{}".to_vec(),
        )
        .expect_err("the template reads a key the data does not have");
        let DocumentError::Template { template, messages } = &error else {
            panic!("expected a template error, got {error:?}");
        };
        assert_eq!(*template, "broken.typ");
        assert!(
            messages.iter().any(|m| m.contains("missing")),
            "{messages:?}"
        );
        assert!(error.to_string().contains("broken.typ"), "{error}");
    }

    /// A template asking for a file other than data.json gets "not found", not the disk.
    #[test]
    fn only_data_json_exists() {
        let error = compile("reads.typ", "#read(\"/etc/hostname\")", b"{}".to_vec())
            .expect_err("no file but data.json is visible");
        assert!(matches!(error, DocumentError::Template { .. }), "{error:?}");
    }
}
