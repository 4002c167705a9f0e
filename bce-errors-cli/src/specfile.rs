//! Writing spec files: new ones from an imported table, and edits to existing ones that
//! keep comments, order, layout and hand-curated fields (toml_edit). Writes are atomic.

use std::io::Write as _;
use std::path::Path;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, value};

use crate::tables::{PageImport, PageRow, PageTable};

/// The TOML text of a new spec for `table`.
pub fn new_spec(page: &PageImport, table: &PageTable, page_name: &str, name: &str) -> String {
    let mut doc = DocumentMut::new();
    let mut service = Table::new();
    service["name"] = value(name);
    let source = match &page.title {
        Some(title) if *title != table.heading => format!("{title} › {}", table.heading),
        _ => table.heading.clone(),
    };
    service["source"] = value(source);
    if let Some(updated) = &page.updated {
        service["updated"] = value(updated.as_str());
    }
    doc["service"] = Item::Table(service);
    let mut rows = ArrayOfTables::new();
    for row in &table.rows {
        rows.push(row_table(row, None));
    }
    doc["error"] = Item::ArrayOfTables(rows);
    format!(
        "# Imported from {page_name} (\"{}\", page line {}) by `bce-errors import`.\n{doc}",
        table.heading.replace('"', "'"),
        table.line
    )
}

/// An `[[error]]` table for a page row.
pub fn row_table(row: &PageRow, note: Option<&str>) -> Table {
    let mut t = Table::new();
    t["code"] = value(row.code.as_str());
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

/// Writes `text` to `path` atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("spec.toml");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Parses a spec for editing.
pub fn edit(text: &str) -> Result<DocumentMut, String> {
    text.parse::<DocumentMut>().map_err(|e| e.to_string())
}

/// The `[[error]]` array of a document being edited (created if missing).
pub fn rows_mut(doc: &mut DocumentMut) -> Option<&mut ArrayOfTables> {
    if !doc.contains_key("error") {
        doc["error"] = Item::ArrayOfTables(ArrayOfTables::new());
    }
    doc["error"].as_array_of_tables_mut()
}

/// The index of the row with `code` in an `[[error]]` array.
pub fn find_row(rows: &ArrayOfTables, code: &str) -> Option<usize> {
    rows.iter()
        .position(|t| t.get("code").and_then(Item::as_str) == Some(code))
}
