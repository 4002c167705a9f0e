//! What a spec holds once loaded and validated: plain data, no TOML left.

use bce_errors_core::RetryClass;

use crate::diagnostic::Location;

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
    /// The address of the page the spec mirrors (`[service] url`), if it says.
    pub url: Option<String>,
    /// Spec files this one includes, in order, as written.
    pub include: Vec<String>,
    /// Whether this file is the BCE global table (`global = true`): enums whose spec
    /// includes it convert from `GlobalError`.
    pub global: bool,
}

/// One `[[error]]` row: one row of the docs table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The wire code, exactly as documented (`Cce.warning.UserNotExist`, `110`).
    pub code: String,
    /// The documented message.
    pub message: String,
    /// The documented HTTP status (100–599); `None` where the docs give none (the AI
    /// platform reports errors in the body, often with HTTP 200).
    pub status: Option<u16>,
    /// The documented description; `None` where the table has no such column.
    pub description: Option<String>,
    /// Chinese description, where the docs have one.
    pub description_zh: Option<String>,
    /// The Rust variant name: `variant = ".."` if given, else derived from `code`.
    pub variant: String,
    /// Hand-curated retry class, overriding the runtime defaults.
    pub retry: Option<RetryClass>,
    /// A maintainer's note about this row (kept, not generated into code).
    pub note: Option<String>,
    /// Where the row's `code` is written: file (relative to the crate root), line, column.
    pub location: Location,
    /// The included file whose row with the same code this row replaces, if any.
    pub overrides: Option<String>,
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
    /// Where a file that says `global = true` is included, if one is (directly or
    /// through another file): the enum then converts from the bundled `GlobalError`.
    pub global_include: Option<Location>,
}

impl Row {
    /// The row's retry class, as the generated enum reports it: the spec's `retry`,
    /// else the runtime's defaults by code and status.
    pub fn retry_class(&self) -> RetryClass {
        bce_errors_core::documented_class(self.retry, self.status, &self.code)
    }

    /// Why, in a few words.
    pub fn retry_reason(&self) -> &'static str {
        bce_errors_core::retry_reason(self.retry, self.status, &self.code)
    }
}

impl Spec {
    /// The row with this wire code.
    pub fn row(&self, code: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.code == code)
    }
}
