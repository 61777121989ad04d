//! The smallest Typst `World` that renders one template: the template is the main
//! source and `data.json` is the only other file. Anything else a template asks for
//! (an image, a package, another file) is "not found", so a render never touches the
//! disk or the network.

use std::path::PathBuf;

use chrono::{Datelike, FixedOffset, Local, Utc};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use crate::fonts::{shared, Shared};

/// One render's world: a template and its data, over the shared library and fonts.
pub(crate) struct DocumentWorld {
    shared: &'static Shared,
    main: Source,
    data_id: FileId,
    data: Bytes,
}

/// The id of a file at the root of the (virtual) project.
fn file_id(name: &str) -> FileId {
    let path = VirtualPath::new(name).expect("a plain file name is a valid virtual path");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

impl DocumentWorld {
    /// The template's text becomes `/<file_name>`; `data` becomes `/data.json`, which
    /// the template reads with `json("data.json")`.
    pub(crate) fn new(file_name: &str, template: &str, data: Vec<u8>) -> Self {
        Self {
            shared: shared(),
            main: Source::new(file_id(file_name), template.to_owned()),
            data_id: file_id("data.json"),
            data: Bytes::new(data),
        }
    }

    fn not_found(id: FileId) -> FileError {
        FileError::NotFound(PathBuf::from(id.vpath().get_with_slash()))
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(Self::not_found(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_owned()))
        } else {
            Err(Self::not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// `datetime.today()`: the server's local date, or the date at the UTC offset the
    /// template asks for. The templates print the date the app gives them instead.
    fn today(&self, offset: Option<Duration>) -> Option<Datetime> {
        let now = match offset {
            None => Local::now().fixed_offset(),
            Some(offset) => {
                let seconds = i32::try_from(offset.seconds().trunc() as i64).ok()?;
                Utc::now().with_timezone(&FixedOffset::east_opt(seconds)?)
            }
        };
        Datetime::from_ymd(
            now.year(),
            now.month().try_into().ok()?,
            now.day().try_into().ok()?,
        )
    }
}
