//! What a spec holds once loaded: plain data, no TOML left.

use crate::diagnostic::Location;

/// A hand-curated retry annotation on a row (`retry = "..."` in the spec).
///
/// Rows without one use the runtime's defaults by status and code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// `"transient"`: retry with backoff.
    Transient,
    /// `"throttling"`: retry after a longer backoff.
    Throttling,
    /// `"clock-skew"`: retry only after signing the request again.
    ClockSkew,
    /// `"never"`: retrying cannot help.
    Never,
}

impl Retry {
    /// Every class with its spec spelling, in documentation order.
    pub const ALL: [(&'static str, Retry); 4] = [
        ("transient", Retry::Transient),
        ("throttling", Retry::Throttling),
        ("clock-skew", Retry::ClockSkew),
        ("never", Retry::Never),
    ];

    /// Every spelling accepted in a spec, in documentation order.
    pub const NAMES: [&'static str; 4] = [
        Self::ALL[0].0,
        Self::ALL[1].0,
        Self::ALL[2].0,
        Self::ALL[3].0,
    ];

    /// Parses the spec spelling.
    pub fn from_name(name: &str) -> Option<Retry> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, r)| *r)
    }

    /// The spec spelling.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, r)| *r == self)
            .map_or("never", |(n, _)| n)
    }
}

/// The `[service]` table: what the page calls the service and where the table is.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Service {
    /// The service as the page names it (`NAT gateway`).
    pub name: String,
    /// Doc comment for the generated enum.
    pub enum_doc: Option<String>,
    /// Page title and section of the table (`VPC › API Reference › …`).
    pub source: String,
    /// The page's "Updated at" date, as written.
    pub updated: Option<String>,
    /// Spec files this one includes, in order.
    pub include: Vec<Include>,
}

/// One entry of `include = [...]`: a path relative to the including file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    /// The path as written.
    pub path: String,
    /// Where it is written, for diagnostics.
    pub location: Location,
}

/// One `[[error]]` row: one row of the docs table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The wire code, exactly as documented (`Cce.warning.UserNotExist`).
    pub code: String,
    /// The documented message.
    pub message: String,
    /// The documented HTTP status (100–599).
    pub status: u16,
    /// The documented description.
    pub description: String,
    /// Chinese description, where the docs have one.
    pub description_zh: Option<String>,
    /// The Rust variant name: `variant = ".."` if given, else derived from `code`.
    pub variant: String,
    /// Hand-curated retry class, overriding the runtime defaults.
    pub retry: Option<Retry>,
    /// A maintainer's note about this row (kept, not generated into code).
    pub note: Option<String>,
    /// Where the row's `code` is written: file (relative to the crate root), line, column.
    pub location: Location,
    /// The included file whose row with the same code this row replaces, if any.
    pub overrides: Option<String>,
}

/// One spec file, parsed but with its includes not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecFile {
    /// The file, relative to the crate root.
    pub file: String,
    /// Its `[service]` table.
    pub service: Service,
    /// Its own rows, in order.
    pub rows: Vec<Row>,
}

/// A spec with its includes resolved: the rows one generated enum has, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// The `[service]` table of the top-level file.
    pub service: Service,
    /// Included rows first (in include order), then the file's own; a row that
    /// overrides an included one takes its place.
    pub rows: Vec<Row>,
    /// Every file read, top-level first, relative to the crate root.
    pub files: Vec<String>,
    /// Codes of the shared `global.toml` table, in its order, when it is included.
    pub global_codes: Option<Vec<String>>,
}

impl Spec {
    /// The row with this wire code.
    pub fn row(&self, code: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.code == code)
    }
}
