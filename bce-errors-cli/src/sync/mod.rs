//! Comparing a page's tables with committed specs, field by field, and bringing the
//! specs up to date.
//!
//! Each table is matched with the spec it mirrors by content (codes and messages in
//! common, then heading and date). Text is compared as the specs README says: whitespace
//! and typographic quotes do not count (pages lose spaces at line wraps). A spec under
//! `pages/` mirrors a page's copy of an included table, so its included rows count too,
//! for code, message and status; any other spec mirrors its own rows. A page
//! description matches a row's `description` or its `description_zh`.

mod write;

use bce_errors_spec::Row;
use serde::Serialize;

use crate::import::rows::PageRow;
use crate::import::{PageImport, PageTable};
use crate::specs::SpecView;

pub use write::{Written, write};

/// Text as compared: no whitespace, straight quotes.
pub fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '’' | '‘' => '\'',
                '“' | '”' => '"',
                c => c,
            })
            .collect()
    };
    norm(a) == norm(b)
}

/// One difference between a page table and its spec.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The page has a row the spec lacks.
    Added {
        /// The code.
        code: String,
        /// The page line.
        line: usize,
        /// Message on the page.
        message: String,
        /// Status on the page.
        status: Option<u16>,
    },
    /// The spec has a row the page no longer lists.
    Removed {
        /// The code.
        code: String,
        /// Where the row is (`nat.toml:41`).
        at: String,
    },
    /// A field differs.
    Changed {
        /// The code.
        code: String,
        /// `message`, `status` or `description`.
        field: &'static str,
        /// The spec's value.
        spec: String,
        /// The page's value.
        page: String,
        /// The page line.
        line: usize,
    },
}

/// A page table and the spec it was matched with.
#[derive(Debug, Clone, Serialize)]
pub struct TableDiff {
    /// The table's heading.
    pub heading: String,
    /// The page line of its header.
    pub line: usize,
    /// The matched spec, relative to the specs directory; `None` for a new table.
    pub spec: Option<String>,
    /// Rows compared (present on both sides).
    pub compared: usize,
    /// Every difference.
    pub changes: Vec<Change>,
    #[serde(skip)]
    spec_index: Option<usize>,
}

/// Matches every table of `page` with a spec and lists the differences.
pub fn diff(page: &PageImport, specs: &[SpecView]) -> Vec<TableDiff> {
    page.tables
        .iter()
        .map(|table| {
            let best = specs
                .iter()
                .enumerate()
                .filter_map(|(i, s)| score(page, table, s).map(|sc| (sc, i)))
                .max_by_key(|(sc, i)| (*sc, std::cmp::Reverse(*i)));
            match best {
                Some((_, i)) => {
                    let (compared, changes) = compare(table, &specs[i]);
                    TableDiff {
                        heading: table.heading.clone(),
                        line: table.line,
                        spec: Some(specs[i].rel.clone()),
                        compared,
                        changes,
                        spec_index: Some(i),
                    }
                }
                None => TableDiff {
                    heading: table.heading.clone(),
                    line: table.line,
                    spec: None,
                    compared: 0,
                    changes: table
                        .rows
                        .rows
                        .iter()
                        .map(|r| Change::Added {
                            code: r.code.clone(),
                            line: r.line,
                            message: r.message.clone(),
                            status: r.status,
                        })
                        .collect(),
                    spec_index: None,
                },
            }
        })
        .collect()
}

/// What a spec's match with a table is worth, per code in common, per message in common
/// and per spec row the table lacks (subtracted): rows decide.
const ROW_WEIGHT: i64 = 10;
/// The table's heading is the spec's `source` heading: breaks ties between page copies.
const HEADING_WEIGHT: i64 = 3;
/// The page's date is the spec's `updated`: breaks ties, and outweighs a heading.
const DATE_WEIGHT: i64 = 5;

/// How well `spec` mirrors `table`; `None` when fewer than half its codes are there.
fn score(page: &PageImport, table: &PageTable, spec: &SpecView) -> Option<i64> {
    let rows: Vec<&Row> = spec.rows().collect();
    let common: Vec<(&PageRow, &Row)> = table
        .rows
        .rows
        .iter()
        .filter_map(|p| rows.iter().find(|r| r.code == p.code).map(|r| (p, *r)))
        .collect();
    if common.is_empty() || common.len() * 2 < table.rows.rows.len() {
        return None;
    }
    let messages = common
        .iter()
        .filter(|(p, r)| same_text(&p.message, &r.message))
        .count();
    let extra = rows.len() - common.len();
    let heading = !table.heading.is_empty() && spec.heading().contains(table.heading.as_str());
    let updated = page.updated.is_some() && page.updated == spec.spec.service.updated;
    Some(
        ROW_WEIGHT * (common.len() as i64 + messages as i64 - extra as i64)
            + HEADING_WEIGHT * i64::from(heading)
            + DATE_WEIGHT * i64::from(updated),
    )
}

fn compare(table: &PageTable, spec: &SpecView) -> (usize, Vec<Change>) {
    let mut changes = Vec::new();
    let mut compared = 0;
    for p in &table.rows.rows {
        let Some(r) = spec.rows().find(|r| r.code == p.code) else {
            changes.push(Change::Added {
                code: p.code.clone(),
                line: p.line,
                message: p.message.clone(),
                status: p.status,
            });
            continue;
        };
        compared += 1;
        let mut change = |field, spec: String, page: String| {
            changes.push(Change::Changed {
                code: p.code.clone(),
                field,
                spec,
                page,
                line: p.line,
            });
        };
        if !same_text(&p.message, &r.message) {
            change("message", r.message.clone(), p.message.clone());
        }
        if let Some(status) = p.status.filter(|s| Some(*s) != r.status) {
            let spec = r
                .status
                .map_or_else(|| "none".to_owned(), |s| s.to_string());
            change("status", spec, status.to_string());
        }
        if let Some(description) = &p.description {
            let matches = same_text(description, r.description.as_deref().unwrap_or_default())
                || r.description_zh
                    .as_deref()
                    .is_some_and(|zh| same_text(description, zh));
            if spec.is_own(r) && !matches {
                change(
                    "description",
                    r.description.clone().unwrap_or_default(),
                    description.clone(),
                );
            }
        }
    }
    for r in spec.rows() {
        if !table.rows.rows.iter().any(|p| p.code == r.code) {
            changes.push(Change::Removed {
                code: r.code.clone(),
                at: format!("{}:{}", r.location.file, r.location.line),
            });
        }
    }
    (compared, changes)
}
