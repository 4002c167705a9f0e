//! `sync --write`: the changes applied to the spec files, all or none.
//!
//! Each spec is edited with toml_edit (comments, order, layout and the hand-curated
//! `variant`, `retry`, `description_zh` and `note` stay). Then every spec of the
//! directory is validated with the edits in place — the full resolver, includes and
//! all, as the macro will see them — and only if all pass are the files written,
//! together ([`files::write_all`](crate::files::write_all)).

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use bce_errors_spec::naming::variant_name;
use bce_errors_spec::{Row, load_spec_with};
use serde::Serialize;
use toml_edit::{ArrayOfTables, DocumentMut};

use super::{Change, TableDiff};
use crate::files::write_all;
use crate::import::rows::PageRow;
use crate::import::{PageImport, PageTable};
use crate::specfile::{edit, find_row, row_table, rows_mut};
use crate::specs::SpecView;

/// What `--write` did, or could not do, for one spec.
#[derive(Debug, Clone, Serialize)]
pub struct Written {
    /// The spec file.
    pub spec: String,
    /// Changes applied.
    pub applied: usize,
    /// Changes that need a hand (e.g. removing an included row).
    pub skipped: Vec<String>,
}

/// Why `--write` wrote nothing.
#[derive(Debug)]
pub enum WriteError {
    /// A spec could not be read.
    Read(PathBuf, std::io::Error),
    /// A spec is not TOML that can be edited.
    Parse(PathBuf, toml_edit::TomlError),
    /// A spec's `error` key is not an array of tables.
    NotRows(PathBuf),
    /// With the changes, this spec would be invalid.
    Invalid(String, bce_errors_spec::Error),
    /// Writing the files failed (none was replaced).
    Write(std::io::Error),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Read(path, e) => write!(f, "{}: {e}", path.display()),
            WriteError::Parse(path, e) => write!(f, "{}: {e}", path.display()),
            WriteError::NotRows(path) => {
                write!(f, "{}: `error` is not an array of tables", path.display())
            }
            WriteError::Invalid(spec, problems) => write!(
                f,
                "nothing written: with these changes {spec} would be invalid:\n{problems}"
            ),
            WriteError::Write(e) => write!(f, "nothing written: {e}"),
        }
    }
}

impl std::error::Error for WriteError {}

/// What applying one change did.
enum Applied {
    /// The spec has the change.
    Done,
    /// It needs a hand, and why.
    NeedsAHand(String),
    /// There was nothing to do.
    Nothing,
}

/// Applies the changes of every matched table to its spec file. New tables are left to
/// `import`. Nothing is written unless every spec is valid with the changes.
pub fn write(
    page: &PageImport,
    specs: &[SpecView],
    diffs: &[TableDiff],
) -> Result<Vec<Written>, WriteError> {
    let mut out = Vec::new();
    let mut edited: Vec<(&SpecView, String)> = Vec::new();
    for (table, d) in page.tables.iter().zip(diffs) {
        let Some(i) = d.spec_index else { continue };
        if d.changes.is_empty() {
            continue;
        }
        let view = &specs[i];
        let (text, written) = edit_spec(view, table, &d.changes)?;
        edited.push((view, text));
        out.push(written);
    }
    check_all(specs, &edited)?;
    let files: Vec<(PathBuf, String)> = edited
        .into_iter()
        .map(|(view, text)| (view.path.clone(), text))
        .collect();
    write_all(&files).map_err(WriteError::Write)?;
    Ok(out)
}

/// The spec's new text with `changes` applied.
fn edit_spec(
    view: &SpecView,
    table: &PageTable,
    changes: &[Change],
) -> Result<(String, Written), WriteError> {
    let path = &view.path;
    let text = std::fs::read_to_string(path).map_err(|e| WriteError::Read(path.clone(), e))?;
    let mut doc: DocumentMut = edit(&text).map_err(|e| WriteError::Parse(path.clone(), e))?;
    let rows = rows_mut(&mut doc).ok_or_else(|| WriteError::NotRows(path.clone()))?;
    let mut written = Written {
        spec: view.rel.clone(),
        applied: 0,
        skipped: Vec::new(),
    };
    for change in changes {
        match apply(rows, view, table, change) {
            Applied::Done => written.applied += 1,
            Applied::NeedsAHand(why) => written.skipped.push(why),
            Applied::Nothing => {}
        }
    }
    Ok((doc.to_string(), written))
}

/// Applies one change.
fn apply(rows: &mut ArrayOfTables, view: &SpecView, table: &PageTable, change: &Change) -> Applied {
    let page_row = |code: &str| table.rows.rows.iter().find(|p| p.code == code);
    match change {
        Change::Changed {
            code, field, page, ..
        } => match find_row(rows, code) {
            Some(at) => {
                let Some(row) = rows.get_mut(at) else {
                    return Applied::Nothing;
                };
                row[*field] = match *field {
                    "status" => toml_edit::value(page.parse::<i64>().unwrap_or_default()),
                    _ => toml_edit::value(page.as_str()),
                };
                Applied::Done
            }
            None => match page_row(code) {
                Some(p) => {
                    rows.push(override_row(p, view.spec.row(code)));
                    Applied::Done
                }
                None => Applied::Nothing,
            },
        },
        Change::Added { code, .. } => {
            let Some(pos) = table.rows.rows.iter().position(|p| p.code == *code) else {
                return Applied::Nothing;
            };
            let after = table.rows.rows[..pos]
                .iter()
                .rev()
                .find_map(|p| find_row(rows, &p.code));
            let t = row_table(&table.rows.rows[pos], None);
            match after {
                Some(a) => rows.insert(a + 1, t),
                None if pos == 0 && !rows.is_empty() => rows.insert(0, t),
                None => rows.push(t),
            }
            Applied::Done
        }
        Change::Removed { code, at } => match find_row(rows, code) {
            Some(idx) => {
                rows.remove(idx);
                Applied::Done
            }
            None => Applied::NeedsAHand(format!(
                "`{code}` ({at}) is included from another file: remove it there"
            )),
        },
    }
}

/// Every spec of the directory, validated with the edited texts in place.
fn check_all(specs: &[SpecView], edited: &[(&SpecView, String)]) -> Result<(), WriteError> {
    let Some(root) = specs.first().map(|s| s.root.clone()) else {
        return Ok(());
    };
    let overlay: HashMap<String, String> = edited
        .iter()
        .map(|(view, text)| (view.rel.clone(), text.clone()))
        .collect();
    for view in specs {
        if let Err(problems) = load_spec_with(&root, &view.rel, &overlay) {
            return Err(WriteError::Invalid(view.rel.clone(), problems));
        }
    }
    Ok(())
}

/// A row overriding an included one with the page's text, keeping the included row's
/// hand-curated fields (`variant`, `retry`, `description_zh`).
fn override_row(page: &PageRow, included: Option<&Row>) -> toml_edit::Table {
    let mut t = row_table(
        page,
        Some("This page's copy differs from the included row; kept as documented."),
    );
    if let Some(row) = included {
        if variant_name(&row.code).as_deref() != Some(row.variant.as_str()) {
            t["variant"] = toml_edit::value(row.variant.as_str());
        }
        if let Some(retry) = row.retry {
            t["retry"] = toml_edit::value(retry.as_str());
        }
        if let Some(zh) = &row.description_zh {
            t["description_zh"] = toml_edit::value(zh.as_str());
        }
    }
    t
}
