//! Tables whose cells the page marks (markdown pipes, HTML): the header decides the
//! columns, each row is read cell by cell.

use super::codes::{code_and_status, listed_codes, spaced_identifier};
use super::columns::{
    Role, is_error_table, is_type_column, keyed_by_status, look_alike, normalize, roles,
};
use super::rows::{PageRow, Rows};
use super::status::parse_cell;
use super::{PageTable, SkippedTable};
use crate::page::{CellRow, CellTable};

/// Most columns a table written one cell a line is looked at with.
const MAX_COLUMNS: usize = 8;

/// The tables in `table`: itself, or, for a table written one cell a line, its cells
/// regrouped into rows — as many cells a row as makes the code column all codes, a new
/// table at each repeat of the header.
pub fn regroup(table: &CellTable) -> Vec<CellTable> {
    if !table.one_cell_a_line {
        return vec![table.clone()];
    }
    let cells: Vec<&CellRow> = table.rows.iter().collect();
    let Some(width) = (2..=MAX_COLUMNS.min(cells.len())).find(|&n| fits(&cells, n)) else {
        return vec![table.clone()];
    };
    let header: Vec<&str> = cells[..width].iter().map(|c| first(c)).collect();
    let mut tables: Vec<CellTable> = Vec::new();
    for group in cells.chunks(width) {
        let texts: Vec<&str> = group.iter().map(|c| first(c)).collect();
        if texts == header || tables.is_empty() {
            tables.push(CellTable::default());
        }
        let row = CellRow {
            cells: texts.iter().map(|t| (*t).to_owned()).collect(),
            line: group[0].line,
            cut: group.iter().any(|c| c.cut),
            at_page_end: group.iter().any(|c| c.at_page_end),
        };
        if let Some(t) = tables.last_mut() {
            t.rows.push(row);
        }
    }
    tables
}

fn first(row: &CellRow) -> &str {
    row.cells.first().map_or("", String::as_str)
}

/// Whether `width` cells a row make an error table whose code cells are all codes.
fn fits(cells: &[&CellRow], width: usize) -> bool {
    let header: Vec<String> = cells[..width].iter().map(|c| first(c).to_owned()).collect();
    let roles = roles(&header, &vec![Vec::new(); width]);
    let Some(code) = roles.iter().position(|r| *r == Some(Role::Code)) else {
        return false;
    };
    let groups: Vec<&[&CellRow]> = cells[width..].chunks(width).collect();
    is_error_table(&roles)
        && !groups.is_empty()
        && groups.iter().all(|g| {
            let texts: Vec<&str> = g.iter().map(|c| first(c)).collect();
            texts == header.iter().map(String::as_str).collect::<Vec<_>>()
                || g.get(code).is_none_or(|c| is_code_cell(first(c)))
        })
}

/// One ASCII word of letters, digits and `.`, `_`, `-`, `:` (`INVALID_PARAMETER`,
/// `110`), as codes are written.
fn is_code_cell(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
}

/// The table's rows, or why it is not an error table.
pub fn read(table: &CellTable, heading: String) -> Result<PageTable, SkippedTable> {
    let Some(header) = table.rows.first() else {
        return Err(SkippedTable {
            line: 0,
            heading,
            reason: "an empty table".into(),
        });
    };
    let body = &table.rows[1..];
    let values: Vec<Vec<&str>> = (0..header.cells.len())
        .map(|c| {
            body.iter()
                .map(|r| r.cells.get(c).map_or("", String::as_str))
                .collect()
        })
        .collect();
    let roles = code_named_by_heading(roles(&header.cells, &values), &heading, &values);
    if let Some(reason) = not_imported(&header.cells, &roles, &values) {
        return Err(SkippedTable {
            line: header.line,
            heading,
            reason,
        });
    }
    let column = |role| roles.iter().position(|r| *r == Some(role));
    let columns = Columns {
        code: column(Role::Code),
        message: column(Role::Message),
        status: column(Role::Status),
        description: column(Role::Description),
    };
    let mut rows = Rows::default();
    for row in body {
        if !row.cells.iter().all(|c| c.is_empty()) {
            read_row(row, &columns, &mut rows);
        }
    }
    Ok(PageTable {
        heading,
        line: header.line,
        columns: roles
            .into_iter()
            .map(|r| r.unwrap_or(Role::Other))
            .collect(),
        rows,
    })
}

/// A table under a heading that names error codes (`路线规划常用 ERRORNO`, `错误码`)
/// whose first column no header word names (`枚举值`, "enum value") but which holds
/// codes beside a message: that column is the code.
fn code_named_by_heading(
    mut roles: Vec<Option<Role>>,
    heading: &str,
    values: &[Vec<&str>],
) -> Vec<Option<Role>> {
    // Words of error *codes*, not `names::names_an_error_table`'s broader "error": with
    // those, a look-alike table of the page corpus was imported (2 rows invented).
    let heading = normalize(heading);
    let names_codes = [
        "errorno",
        "errno",
        "errorcode",
        "错误码",
        "错误代码",
        "返回码",
    ]
    .iter()
    .any(|w| heading.contains(w));
    let first_holds_codes = values.first().is_some_and(|column| {
        let filled: Vec<&&str> = column.iter().filter(|v| !v.is_empty()).collect();
        !filled.is_empty() && filled.iter().all(|v| is_code_cell(v))
    });
    if names_codes
        && first_holds_codes
        && roles.first() == Some(&None)
        && !roles.contains(&Some(Role::Code))
        && roles.contains(&Some(Role::Message))
    {
        roles[0] = Some(Role::Code);
    }
    roles
}

/// Why a table with these columns and values is not an error table, if it is not:
/// keyed by HTTP status (its codes are `400 Bad Request`), no code and message columns,
/// or a column of value types (a table of fields).
fn not_imported(
    headers: &[String],
    roles: &[Option<Role>],
    values: &[Vec<&str>],
) -> Option<String> {
    let header = short(&headers.join(" | "));
    let codes = roles.iter().position(|r| *r == Some(Role::Code));
    if codes.is_some_and(|c| keyed_by_status(&values[c])) {
        return Some(format!(
            "no error-code column ({header}): keyed by HTTP status only"
        ));
    }
    if !is_error_table(roles) {
        return Some(not_an_error_table(headers, roles));
    }
    values
        .iter()
        .any(|v| is_type_column(v))
        .then(|| format!("a table of fields ({header}): a column of value types"))
}

/// Where each field of a row is, by column.
struct Columns {
    code: Option<usize>,
    message: Option<usize>,
    status: Option<usize>,
    description: Option<usize>,
}

/// One body row: added to `rows`, or skipped with why (cut off by the end of the page, a
/// status that is no HTTP status).
fn read_row(row: &CellRow, columns: &Columns, rows: &mut Rows) {
    let cell = |c: Option<usize>| c.and_then(|c| row.cells.get(c)).map(String::as_str);
    // The page stops on this row and its code or message never came: cut off too.
    let lacks = |c: Option<usize>| c.is_some_and(|c| row.cells.get(c).is_none_or(|v| v.is_empty()));
    if row.cut || (row.at_page_end && (lacks(columns.code) || lacks(columns.message))) {
        let why = format!(
            "cut off by the end of the page (`{}`)",
            short(&row.cells.join(" | "))
        );
        rows.skip(row.line, why);
        return;
    }
    let (code, code_status) = code_and_status(cell(columns.code).unwrap_or_default());
    let (code, note) = match spaced_identifier(&code) {
        Some(joined) => {
            let note = format!("the page writes the code as words (`{code}`): joined");
            (joined, Some(note))
        }
        None => (code, None),
    };
    let status = match cell(columns.status).filter(|s| !s.is_empty()) {
        None => code_status,
        Some(text) => match parse_cell(text) {
            Some(n) => Some(n),
            None => {
                let code = cell(columns.code).unwrap_or_default();
                rows.skip(
                    row.line,
                    format!("status `{text}` is not an HTTP status (row `{code}`)"),
                );
                return;
            }
        },
    };
    let row = |code: &str| PageRow {
        code: code.to_owned(),
        message: cell(columns.message).unwrap_or_default().to_owned(),
        status,
        description: cell(columns.description)
            .filter(|d| !d.is_empty())
            .map(str::to_owned),
        line: row.line,
        note: note.clone(),
    };
    // A cell listing several codes (`2002/30001`) documents each with the same words.
    match listed_codes(&code) {
        Some(codes) => codes.into_iter().for_each(|c| rows.add(row(c))),
        None => rows.add(row(&code)),
    }
}

/// Why a table is not an error table, for the report.
pub fn not_an_error_table(headers: &[String], roles: &[Option<Role>]) -> String {
    let kind = headers.iter().find_map(|h| look_alike(h));
    let header = short(&headers.join(" | "));
    match kind {
        Some(kind) => format!("{kind} ({header}), not an error table"),
        None if roles.contains(&Some(Role::Status)) && !roles.contains(&Some(Role::Code)) => {
            format!("no error-code column ({header}): keyed by HTTP status only")
        }
        None => format!("not an error table: no code and message columns ({header})"),
    }
}

/// At most this many characters of page text are quoted in a report.
const QUOTE_CHARS: usize = 80;

/// `text`, cut to `QUOTE_CHARS` characters with `…`.
pub fn short(text: &str) -> String {
    let mut s: String = text.chars().take(QUOTE_CHARS).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unnamed_column_of_codes_under_an_error_code_heading_is_the_code() {
        let roles = vec![None, Some(Role::Message)];
        let values = vec![
            vec!["NO_ERROR", "RESULT_NOT_FOUND"],
            vec!["成功", "没有找到"],
        ];
        let code = Some(Role::Code);
        let under = |heading| code_named_by_heading(roles.clone(), heading, &values)[0];
        assert_eq!(under("路线规划常用 ERRORNO"), code);
        assert_eq!(under("错误码"), code);
        assert_eq!(under("返回参数"), None);
        let prose = vec![vec!["a value", "another"], vec!["x", "y"]];
        assert_eq!(
            code_named_by_heading(roles.clone(), "错误码", &prose)[0],
            None
        );
    }
}
