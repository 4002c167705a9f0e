//! One module a command; each reads its arguments, does its work through the library
//! (`import`, `sync`, `specs`, `specfile`), and renders its report to an [`Output`].
//!
//! [`Output`]: crate::output::Output

pub mod check;
pub mod explain;
pub mod generate;
pub mod import;
pub mod lookup;
mod meanings;
pub mod sync;

use std::io::Read as _;
use std::path::Path;

use crate::output::Fail;

/// How a command reports (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// For tools.
    Json,
}

impl Format {
    /// Whether the report is JSON.
    pub fn is_json(self) -> bool {
        self == Format::Json
    }
}

/// Pages larger than this are refused (a docs page is well under a megabyte).
pub const MAX_PAGE_BYTES: u64 = 64 << 20;

/// Reads a saved page: at most [`MAX_PAGE_BYTES`], UTF-8.
pub fn read_page(path: &Path) -> Result<String, Fail> {
    let fail = |e: std::io::Error| Fail::error(format!("cannot read {}: {e}", path.display()));
    let file = std::fs::File::open(path).map_err(fail)?;
    if file.metadata().map_err(fail)?.is_dir() {
        return Err(Fail::error(format!(
            "{} is a directory, not a saved page",
            path.display()
        )));
    }
    let mut bytes = Vec::new();
    file.take(MAX_PAGE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if bytes.len() as u64 > MAX_PAGE_BYTES {
        return Err(Fail::error(format!(
            "{} is larger than {MAX_PAGE_BYTES} bytes: not a docs page",
            path.display()
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        Fail::error(format!(
            "{} is not UTF-8 text (byte {}): save the page as text, markdown or HTML",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })
}
