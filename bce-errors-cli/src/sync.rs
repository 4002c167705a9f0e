//! Comparing a page's tables with committed specs, field by field, and bringing the
//! specs up to date.
//!
//! Each table is matched with the spec it mirrors by content (codes and messages in
//! common, then heading and date). Text is compared as the specs README says: whitespace
//! and typographic quotes do not count (pages lose spaces at line wraps). A spec under
//! `pages/` mirrors a page's copy of an included table, so its included rows count too,
//! for code, message and status; any other spec mirrors its own rows. A page
//! description matches a row's `description` or its `description_zh`.

use std::path::{Path, PathBuf};

use bce_errors_spec::{Diagnostics, Row, Spec, load_spec};
use serde::Serialize;

use crate::specfile::{edit, find_row, row_table, rows_mut, write_atomic};
use crate::tables::{PageImport, PageRow, PageTable};

/// A committed spec, loaded for comparison.
#[derive(Debug)]
pub struct SpecView {
    /// Path relative to the specs directory (`nat.toml`, `pages/vpc-page-global.toml`).
    pub rel: String,
    /// Path on disk.
    pub path: PathBuf,
    /// The resolved spec.
    pub spec: Spec,
}

impl SpecView {
    /// The rows this spec mirrors from its table (see the module docs).
    fn rows(&self) -> impl Iterator<Item = &Row> {
        let own_only = !self.rel.starts_with("pages/");
        self.spec
            .rows
            .iter()
            .filter(move |r| !own_only || self.is_own(r))
    }

    fn is_own(&self, row: &Row) -> bool {
        row.location.file == self.rel
    }

    fn heading(&self) -> &str {
        self.spec.service.source.rsplit(" › ").next().unwrap_or("")
    }
}

/// Loads every spec under `dir` (recursively), or the one spec file `path`; fails on
/// the first invalid one.
pub fn load_specs(path: &Path) -> Result<Vec<SpecView>, (PathBuf, Diagnostics)> {
    let (valid, mut invalid) = load_each(path);
    match invalid.is_empty() {
        true => Ok(valid),
        false => Err(invalid.swap_remove(0)),
    }
}

/// Loads every spec under `dir` (recursively), or the one spec file `path`: the valid
/// ones, and every invalid one with its problems.
pub fn load_each(path: &Path) -> (Vec<SpecView>, Vec<(PathBuf, Diagnostics)>) {
    let (root, files) = if path.is_dir() {
        let mut files = Vec::new();
        collect(path, path, &mut files);
        files.sort();
        (path.to_path_buf(), files)
    } else {
        let parent = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // A page copy keeps its `pages/` prefix, as when its directory is given.
        match parent.file_name() {
            Some(dir) if dir == "pages" => {
                let root = parent
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."));
                (root.to_path_buf(), vec![format!("pages/{name}")])
            }
            _ => (parent.to_path_buf(), vec![name]),
        }
    };
    let mut valid = Vec::new();
    let mut invalid = Vec::new();
    for rel in files {
        match load_spec(&root, &rel) {
            Ok(spec) => valid.push(SpecView {
                path: root.join(&rel),
                rel,
                spec,
            }),
            Err(d) => invalid.push((root.join(&rel), d)),
        }
    }
    (valid, invalid)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            if let Ok(rel) = path.strip_prefix(root) {
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
}

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

/// How well `spec` mirrors `table`; `None` when fewer than half its codes are there.
fn score(page: &PageImport, table: &PageTable, spec: &SpecView) -> Option<i64> {
    let rows: Vec<&Row> = spec.rows().collect();
    let common: Vec<(&PageRow, &Row)> = table
        .rows
        .iter()
        .filter_map(|p| rows.iter().find(|r| r.code == p.code).map(|r| (p, *r)))
        .collect();
    if common.is_empty() || common.len() * 2 < table.rows.len() {
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
        10 * common.len() as i64 + 10 * messages as i64 - 10 * extra as i64
            + 3 * i64::from(heading)
            + 5 * i64::from(updated),
    )
}

fn compare(table: &PageTable, spec: &SpecView) -> (usize, Vec<Change>) {
    let mut changes = Vec::new();
    let mut compared = 0;
    for p in &table.rows {
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
        if !table.rows.iter().any(|p| p.code == r.code) {
            changes.push(Change::Removed {
                code: r.code.clone(),
                at: format!("{}:{}", r.location.file, r.location.line),
            });
        }
    }
    (compared, changes)
}

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

/// Applies the changes of every matched table to its spec file. New tables are left to
/// `import`. Hand-curated fields, comments and layout are kept. Every edited spec is
/// checked before any is written, so an error leaves all of them as they were.
pub fn write(
    page: &PageImport,
    specs: &[SpecView],
    diffs: &[TableDiff],
) -> Result<Vec<Written>, String> {
    let mut out = Vec::new();
    let mut pending: Vec<(&SpecView, String)> = Vec::new();
    for (table, d) in page.tables.iter().zip(diffs) {
        let Some(i) = d.spec_index else { continue };
        if d.changes.is_empty() {
            continue;
        }
        let view = &specs[i];
        let text = std::fs::read_to_string(&view.path)
            .map_err(|e| format!("{}: {e}", view.path.display()))?;
        let mut doc = edit(&text).map_err(|e| format!("{}: {e}", view.path.display()))?;
        let mut written = Written {
            spec: view.rel.clone(),
            applied: 0,
            skipped: Vec::new(),
        };
        let rows = rows_mut(&mut doc)
            .ok_or_else(|| format!("{}: `error` is not an array of tables", view.path.display()))?;
        for change in &d.changes {
            match change {
                Change::Changed {
                    code,
                    field,
                    page: value,
                    ..
                } => match find_row(rows, code) {
                    Some(at) => {
                        if let Some(t) = rows.get_mut(at) {
                            t[*field] = match *field {
                                "status" => {
                                    toml_edit::value(value.parse::<i64>().unwrap_or_default())
                                }
                                _ => toml_edit::value(value.as_str()),
                            };
                            written.applied += 1;
                        }
                    }
                    None => {
                        let Some(p) = table.rows.iter().find(|p| p.code == *code) else {
                            continue;
                        };
                        rows.push(override_row(p, view.spec.row(code)));
                        written.applied += 1;
                    }
                },
                Change::Added { code, .. } => {
                    let Some(pos) = table.rows.iter().position(|p| p.code == *code) else {
                        continue;
                    };
                    let row = &table.rows[pos];
                    if row.status.is_none() || row.description.is_none() {
                        let missing = if row.status.is_none() {
                            "status"
                        } else {
                            "description"
                        };
                        written.skipped.push(format!(
                            "`{code}`: the page has no {missing} column; add the row by hand"
                        ));
                        continue;
                    }
                    let after = table.rows[..pos]
                        .iter()
                        .rev()
                        .find_map(|p| find_row(rows, &p.code));
                    let t = row_table(row, None);
                    match after {
                        Some(a) => rows.insert(a + 1, t),
                        None if pos == 0 && !rows.is_empty() => rows.insert(0, t),
                        None => rows.push(t),
                    }
                    written.applied += 1;
                }
                Change::Removed { code, at } => match find_row(rows, code) {
                    Some(idx) => {
                        rows.remove(idx);
                        written.applied += 1;
                    }
                    None => written.skipped.push(format!(
                        "`{code}` ({at}) is included from another file: remove it there"
                    )),
                },
            }
        }
        // Validate before writing: never leave a spec the macro cannot read.
        let new_text = doc.to_string();
        let read = bce_errors_spec::read_spec_file(&view.rel, &new_text);
        if !read.problems.is_empty() {
            return Err(format!(
                "nothing written: the updated {} would be invalid:\n{}",
                view.rel, read.problems
            ));
        }
        pending.push((view, new_text));
        out.push(written);
    }
    for (view, text) in pending {
        write_atomic(&view.path, &text).map_err(|e| format!("{}: {e}", view.path.display()))?;
    }
    Ok(out)
}

/// A row overriding an included one with the page's text, keeping the included row's
/// hand-curated fields (`variant`, `retry`, `description_zh`).
fn override_row(page: &PageRow, included: Option<&Row>) -> toml_edit::Table {
    let mut t = row_table(
        page,
        Some("This page's copy differs from the included row; kept as documented."),
    );
    if let Some(row) = included {
        if bce_errors_spec::variant_name(&row.code).as_deref() != Some(row.variant.as_str()) {
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
