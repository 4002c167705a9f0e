//! Stage 2 of an import: a page's blocks → its error tables and their rows, every table
//! and row that is not imported reported with its page line and why.
//!
//! - [`columns`]: which column is which, by header word and by value;
//! - [`cells`]: tables whose cells the page marks (pipes, HTML);
//! - [`codes`]: code cells with a status or a field name around the code;
//! - [`flat`]: tables flattened into lines of text;
//! - [`rows`]: the checks every row passes, and the evidence that splits cells;
//! - [`status`]: status cells as pages write them (`403Forbidden`, `400 Bad Request`);
//! - [`names`]: the page's title, product and date, and the names of the specs.
//!
//! Every step handles each block once: import is linear in the page.

pub mod cells;
pub mod codes;
pub mod columns;
pub mod flat;
pub mod names;
pub mod rows;
pub mod status;

use serde::Serialize;

use crate::page::{Block, Page};
use columns::Role;
use rows::Rows;

/// One error table of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageTable {
    /// The heading just above the table (`NAT gateway error return code`).
    pub heading: String,
    /// The page line of the header row.
    pub line: usize,
    /// The columns, in page order.
    pub columns: Vec<Role>,
    /// Its rows: imported, merged, flagged and not imported.
    pub rows: Rows,
}

/// A table that is not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedTable {
    /// The page line of its header.
    pub line: usize,
    /// The heading above it.
    pub heading: String,
    /// Why it is not imported (`a parameter table (Parameter name | Type | Description)`).
    pub reason: String,
}

/// What a page holds: its title, product and "Updated at" date, its error tables, and
/// the tables that are not error tables.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PageImport {
    /// The page's title (its first line that is not site navigation).
    pub title: Option<String>,
    /// The product the page belongs to, when the page names it.
    pub product: Option<String>,
    /// The page's "Updated at" / 更新时间 date (`YYYY-MM-DD`).
    pub updated: Option<String>,
    /// Every error table, in page order.
    pub tables: Vec<PageTable>,
    /// Every other table, with why it was skipped.
    pub skipped: Vec<SkippedTable>,
}

/// Reads every error table of a page (saved text, markdown or HTML).
///
/// ```
/// let page = bce_errors_cli::import::import(
///     "NAT errors\n| Code | Message | HTTP status | Description |\n|---|---|---|---|\n| NoSuchNat | The nat is not found. | 404 Not Found | Create it first. |\n",
/// );
/// let table = &page.tables[0];
/// assert_eq!(table.heading, "NAT errors");
/// assert_eq!((table.rows.rows[0].code.as_str(), table.rows.rows[0].status), ("NoSuchNat", Some(404)));
/// ```
pub fn import(text: &str) -> PageImport {
    let page = crate::page::read(text);
    let mut import = PageImport {
        title: names::title(&page),
        product: names::product(&page),
        updated: names::updated(&page),
        ..PageImport::default()
    };
    let marked = marked_headings(&page);
    let mut i = 0;
    while i < page.blocks.len() {
        // Only where a table is read: most blocks are lines, whose heading is unused.
        let heading = || heading_before(&page, i, &marked);
        if let Block::Table(table) = &page.blocks[i] {
            let heading = heading();
            for table in cells::regroup(table) {
                match cells::read(&table, heading.clone()) {
                    Ok(table) => import.tables.push(table),
                    Err(skipped) => import.skipped.push(skipped),
                }
            }
            i += 1;
            continue;
        }
        let (found, next) = match &page.blocks[i] {
            Block::Table(_) => (None, i + 1),
            Block::Line(_) if flat::starts_table(&page.blocks, i) => {
                let (found, next) = flat::read(&page, i, heading());
                (Some(found), next)
            }
            Block::Line(line) => match flat::look_alike_at(&page.blocks, i) {
                Some(kind) => {
                    let skipped = SkippedTable {
                        line: line.line,
                        heading: heading(),
                        reason: format!("{kind} ({}), not an error table", line.text),
                    };
                    (Some(Err(skipped)), i + 1)
                }
                None => (None, i + 1),
            },
        };
        match found {
            Some(Ok(table)) => import.tables.push(table),
            Some(Err(skipped)) => import.skipped.push(skipped),
            None => {}
        }
        i = next.max(i + 1);
    }
    import
}

/// A heading is a short line that is not a sentence.
const MAX_HEADING_CHARS: usize = 60;
/// How far above a table a heading is looked for.
const HEADING_LOOKBACK: usize = 4;

/// A line that can be a heading: short, with a word in it, not a sentence (no final
/// full stop) and not a line of code or JSON (an example body above the table).
fn is_heading_like(text: &str) -> bool {
    text.chars().count() <= MAX_HEADING_CHARS
        && text.chars().any(char::is_alphabetic)
        && !text.ends_with(['.', '。', ';', '；'])
        && !text.starts_with(['{', '}', '[', ']', '"', '<'])
}

/// The heading of the table at `blocks[i]`: the nearest line above it that can be one
/// (a few lines up at most); when that line names nothing (`…列表如下：`, or none is
/// near), the nearest heading the document marks (`#`, `<h2>`) above it, if any.
fn heading_before(page: &Page, i: usize, marked: &[Option<usize>]) -> String {
    let lines: Vec<&str> = page.blocks[..i]
        .iter()
        .rev()
        .take(HEADING_LOOKBACK)
        .map_while(|b| match b {
            Block::Line(l) => Some(l.text.as_str()),
            Block::Table(_) => None,
        })
        .filter(|t| !names::is_navigation(t))
        .collect();
    let near = lines
        .iter()
        .find(|t| is_heading_like(t))
        .copied()
        .unwrap_or_default();
    let heading = match i.checked_sub(1).and_then(|k| marked[k]) {
        Some(k) if names::service_in(near).is_empty() => match &page.blocks[k] {
            Block::Line(l) => l.text.as_str(),
            Block::Table(_) => near,
        },
        _ => near,
    };
    heading
        .trim_end_matches([':', '：'])
        .trim_start_matches(['-', '*', '•', ' '])
        .to_owned()
}

/// For each block, the nearest block at or before it that is a heading the document
/// marks (`#`, `<h2>`): one pass, so finding a table's heading stays linear.
fn marked_headings(page: &Page) -> Vec<Option<usize>> {
    let mut last = None;
    page.blocks
        .iter()
        .enumerate()
        .map(|(k, b)| {
            if matches!(b, Block::Line(l) if l.heading) {
                last = Some(k);
            }
            last
        })
        .collect()
}
