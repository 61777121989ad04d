//! The fonts every document is set in, bundled into the binary.
//!
//! No system fonts and nothing downloaded at run time: a PDF looks the same on every
//! server, in CI and on a developer's machine. DejaVu Sans has monospaced digits, so
//! right-aligned money columns line up, and covers every Portuguese accent.
//! Parsing the fonts and building Typst's standard library take a few milliseconds, so
//! both happen once per process and every render shares them.

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};

/// What every render shares: the standard library, the fonts and their index.
pub(crate) struct Shared {
    pub library: LazyHash<Library>,
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

/// The faces the templates use (regular, bold, oblique); the others would only add size.
fn font_files() -> [&'static [u8]; 3] {
    [
        dejavu::sans::regular(),
        dejavu::sans::bold(),
        dejavu::sans::oblique(),
    ]
}

/// Built on the first render, then shared by all.
pub(crate) fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = font_files()
            .into_iter()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}
