//! Spec files as text: a new spec for an imported table — checked by the macro's own
//! validation before anything is written, so an import never writes a spec that
//! `bce-errors check` rejects — and edits to existing ones that keep comments, order,
//! layout and hand-curated fields (toml_edit).

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::import::rows::{Note, PageRow};
use crate::import::{PageImport, PageTable};

/// A spec made from one imported table.
#[derive(Debug, Clone)]
pub struct NewSpec {
    /// The TOML text (valid: checked as the macro checks it).
    pub text: String,
    /// Rows written.
    pub rows: usize,
    /// Rows the table had that the spec could not take, and why.
    pub dropped: Vec<Note>,
}

/// Where a spec's table comes from, for its `[service]` table and header comment.
#[derive(Debug, Clone, Copy)]
pub struct Origin<'a> {
    /// The page, as imported.
    pub page: &'a PageImport,
    /// The saved page's file name.
    pub page_file: &'a str,
    /// The service name.
    pub name: &'a str,
    /// The file the spec goes to (for diagnostics).
    pub file: &'a str,
    /// The page's address, when known (`[service] url`).
    pub url: Option<&'a str>,
}

/// The spec for `table`: rows the macro's validation rejects (a code that names no
/// usable variant, two codes with one variant) are left out and reported.
pub fn new_spec(origin: Origin<'_>, table: &PageTable) -> NewSpec {
    let mut rows: Vec<&PageRow> = table.rows.rows.iter().collect();
    let mut dropped = Vec::new();
    loop {
        let (text, lines) = render(origin, table, &rows);
        let problems = match bce_errors_spec::parse_spec(origin.file, &text) {
            Ok(_) => return finish(text, rows.len(), dropped),
            Err(problems) => problems,
        };
        // Drop every row a problem points at; a problem pointing at no row means the
        // spec as a whole is wrong (no rows left): stop.
        let before = rows.len();
        let mut keep = vec![true; rows.len()];
        for d in &problems.0 {
            let at = d.location.as_ref().map_or(0, |l| l.line);
            if let Some(k) = lines.iter().rposition(|&start| start <= at)
                && keep[k]
            {
                keep[k] = false;
                let reason = d.message.clone();
                dropped.push(Note::new(
                    rows[k].line,
                    format!("not a valid spec row: {reason}"),
                ));
            }
        }
        let mut k = 0;
        rows.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        if rows.len() == before {
            let first = problems
                .0
                .first()
                .map_or(String::new(), |d| d.message.clone());
            dropped.push(Note::new(table.line, format!("no spec written: {first}")));
            return finish(String::new(), 0, dropped);
        }
        if rows.is_empty() {
            return finish(String::new(), 0, dropped);
        }
    }
}

fn finish(text: String, rows: usize, mut dropped: Vec<Note>) -> NewSpec {
    dropped.sort_by_key(|n| n.line);
    NewSpec {
        text,
        rows,
        dropped,
    }
}

/// The TOML text, and the line each row starts on.
fn render(origin: Origin<'_>, table: &PageTable, rows: &[&PageRow]) -> (String, Vec<usize>) {
    let mut doc = DocumentMut::new();
    let mut service = Table::new();
    service["name"] = value(origin.name);
    let source = match &origin.page.title {
        Some(title) if *title != table.heading && !table.heading.is_empty() => {
            format!("{title} › {}", table.heading)
        }
        Some(title) => title.clone(),
        None => table.heading.clone(),
    };
    service["source"] = value(source);
    if let Some(updated) = &origin.page.updated {
        service["updated"] = value(updated.as_str());
    }
    if let Some(url) = origin.url {
        service["url"] = value(url);
    }
    doc["service"] = Item::Table(service);
    let mut array = ArrayOfTables::new();
    for row in rows {
        array.push(row_table(row, row.note.as_deref()));
    }
    doc["error"] = Item::ArrayOfTables(array);
    let text = format!(
        "# Imported from {} (\"{}\", page line {}) by `bce-errors import`.\n{doc}",
        origin.page_file,
        table.heading.replace('"', "'"),
        table.line
    );
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[error]]")
        .map(|(i, _)| i + 1)
        .collect();
    (text, lines)
}

/// An `[[error]]` table for a page row. A numeric code (`110`) is written as a TOML
/// integer, as the docs print it.
pub fn row_table(row: &PageRow, note: Option<&str>) -> Table {
    let mut t = Table::new();
    match plain_integer(&row.code) {
        Some(n) => t["code"] = value(n),
        None => t["code"] = value(row.code.as_str()),
    }
    t["message"] = value(row.message.as_str());
    if let Some(status) = row.status {
        t["status"] = value(i64::from(status));
    }
    if let Some(description) = &row.description {
        t["description"] = value(description.as_str());
    }
    if let Some(note) = note {
        t["note"] = value(note);
    }
    t
}

/// `110` but not `0110` or `+1`: digits whose integer writes back the same.
fn plain_integer(code: &str) -> Option<i64> {
    let n: i64 = code.parse().ok()?;
    (n.to_string() == code).then_some(n)
}

/// Parses a spec for editing.
pub fn edit(text: &str) -> Result<DocumentMut, toml_edit::TomlError> {
    text.parse::<DocumentMut>()
}

/// The `[[error]]` array of a document being edited (created if missing).
pub fn rows_mut(doc: &mut DocumentMut) -> Option<&mut ArrayOfTables> {
    if !doc.contains_key("error") {
        doc["error"] = Item::ArrayOfTables(ArrayOfTables::new());
    }
    doc["error"].as_array_of_tables_mut()
}

/// The index of the row with `code` (text or integer) in an `[[error]]` array.
pub fn find_row(rows: &ArrayOfTables, code: &str) -> Option<usize> {
    rows.iter().position(|t| match t.get("code") {
        Some(item) => match (item.as_str(), item.as_integer()) {
            (Some(text), _) => text == code,
            (_, Some(n)) => n.to_string() == code,
            _ => false,
        },
        None => false,
    })
}
