//! Finding the error tables of a page and reading their rows.
//!
//! A table is an error table when its header names a code column and a message column
//! (status and description columns are read when present), in any order and in English or Chinese
//! (`Error code` / `Code` / `错误码`, `Error message` / `Error description` / `Message`,
//! `HTTP status code` / `Status code` / `States Code`, `Description` / `Semantics` /
//! `Chinese explanation` / `说明` …). Look-alike tables (request headers, the
//! `code/message/requestId` parameter table) name no code column and are skipped.
//!
//! Tables come with explicit cells (markdown, HTML) or flattened into lines of text whose
//! cells run together or spill over several lines; the flattened reader finds the status
//! number between the message and the description, and the code as the first word.

use crate::page::{Block, Cells, fold};
use crate::status::{leading_status, parse_cell, reason_len};

/// A column of an error table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The error code.
    Code,
    /// The error message.
    Message,
    /// The HTTP status.
    Status,
    /// The description.
    Description,
}

const VOCABULARY: &[(&str, Column)] = &[
    ("errorreturncodes", Column::Code),
    ("errorreturncode", Column::Code),
    ("errorcodes", Column::Code),
    ("errorcode", Column::Code),
    ("returncode", Column::Code),
    ("errcode", Column::Code),
    ("code", Column::Code),
    ("错误码", Column::Code),
    ("错误代码", Column::Code),
    ("errormessages", Column::Message),
    ("errormessage", Column::Message),
    ("errordescription", Column::Message),
    ("errormsg", Column::Message),
    ("errorinfo", Column::Message),
    ("message", Column::Message),
    ("错误信息", Column::Message),
    ("错误消息", Column::Message),
    ("错误描述", Column::Message),
    ("httpstatuscodes", Column::Status),
    ("httpstatuscode", Column::Status),
    ("httpstatus", Column::Status),
    ("httpcode", Column::Status),
    ("statuscode", Column::Status),
    ("statescode", Column::Status),
    ("status", Column::Status),
    ("http状态码", Column::Status),
    ("状态码", Column::Status),
    ("description", Column::Description),
    ("semantics", Column::Description),
    ("chineseexplanation", Column::Description),
    ("explanation", Column::Description),
    ("meaning", Column::Description),
    ("remarks", Column::Description),
    ("remark", Column::Description),
    ("说明", Column::Description),
    ("描述", Column::Description),
    ("含义", Column::Description),
    ("中文说明", Column::Description),
    ("备注", Column::Description),
];

/// One row read from a docs table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRow {
    /// The code, exactly as written.
    pub code: String,
    /// The message, whitespace folded.
    pub message: String,
    /// The status number, when the table has a status column.
    pub status: Option<u16>,
    /// The description, when the table has a description column.
    pub description: Option<String>,
    /// The page line the row starts on.
    pub line: usize,
}

/// Something the importer could not read, or did on its own, with the page line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// 1-based page line.
    pub line: usize,
    /// What happened.
    pub message: String,
}

/// One error table of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageTable {
    /// The heading just above the table (`NAT gateway error return code`).
    pub heading: String,
    /// The page line of the header row.
    pub line: usize,
    /// The columns, in page order.
    pub columns: Vec<Column>,
    /// The rows, in page order, duplicates merged.
    pub rows: Vec<PageRow>,
    /// Identical duplicate rows that were merged.
    pub merged: Vec<Note>,
    /// Rows that could not be read, and conflicting duplicates.
    pub problems: Vec<Note>,
}

/// What a page holds: its title, its "Updated at" date and its error tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageImport {
    /// The page's title (its first line of text).
    pub title: Option<String>,
    /// The page's "Updated at" / 更新时间 date (`YYYY-MM-DD`).
    pub updated: Option<String>,
    /// Every error table, in page order.
    pub tables: Vec<PageTable>,
}

/// Reads every error table of a page.
pub fn import(text: &str) -> PageImport {
    let blocks = crate::page::read(text);
    let lines: Vec<(&str, usize)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Line { text, line } => Some((text.as_str(), *line)),
            Block::Table { .. } => None,
        })
        .collect();
    let title = lines
        .iter()
        .map(|(t, _)| *t)
        .find(|t| !is_nav(t))
        .map(str::to_owned);
    let updated = lines.iter().find_map(|(t, _)| updated_date(t));

    let mut tables: Vec<PageTable> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Table { rows } => {
                if let Some(table) = cell_table(rows, heading_before(&blocks, i)) {
                    tables.push(table);
                }
                i += 1;
            }
            Block::Line { line, .. } => match header_at(&blocks, i) {
                Some((columns, lines, glued)) => {
                    let (table, next) = flat_table(&blocks, i, lines, *line, columns, glued);
                    tables.push(table);
                    i = next;
                }
                None => i += 1,
            },
        }
    }
    for table in &mut tables {
        for (column, field) in [
            (Column::Status, "status"),
            (Column::Description, "description"),
        ] {
            if !table.columns.contains(&column) {
                let message = format!(
                    "the table has no {field} column: add `{field} = …` to each row before the spec compiles"
                );
                table.problems.push(Note {
                    line: table.line,
                    message,
                });
            }
        }
    }
    PageImport {
        title,
        updated,
        tables,
    }
}

fn is_nav(text: &str) -> bool {
    text.starts_with('•') || text.starts_with("- ") || text.starts_with("* ")
}

/// `Updated at:2025-10-16`, `更新时间：2025-06-06`, `Last updated: 2025-06-06`.
fn updated_date(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    if !(lower.contains("updated") || text.contains("更新时间") || text.contains("更新于")) {
        return None;
    }
    let bytes = text.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = text.get(i..i + 10)?;
        let b = s.as_bytes();
        let ok = b[..4].iter().all(u8::is_ascii_digit)
            && matches!(b[4], b'-' | b'/' | b'.')
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b[4]
            && b[8..10].iter().all(u8::is_ascii_digit);
        ok.then(|| s.replace(['/', '.'], "-"))
    })
}

fn heading_before(blocks: &[Block], i: usize) -> String {
    blocks[..i]
        .iter()
        .rev()
        .find_map(|b| match b {
            Block::Line { text, .. } if !is_nav(text) => Some(text.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn normalize_header(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, ':' | '：' | '(' | ')' | '（' | '）' | '*' | '`')
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The columns a header cell names, if it names one.
fn cell_column(cell: &str) -> Option<Column> {
    let n = normalize_header(cell);
    VOCABULARY.iter().find(|(w, _)| *w == n).map(|(_, c)| *c)
}

fn is_error_table(columns: &[Option<Column>]) -> bool {
    let has = |c| columns.contains(&Some(c));
    has(Column::Code) && has(Column::Message)
}

/// A flattened header line (`Error codeError descriptionHTTP status codeSemantics`):
/// its columns, if the whole line is column names.
fn header_columns(text: &str) -> Option<Vec<Column>> {
    let n = normalize_header(text);
    if n.is_empty() || n.len() > 120 {
        return None;
    }
    // Fewest-words segmentation of the whole line into column names.
    let mut best: Vec<Option<Vec<Column>>> = vec![None; n.len() + 1];
    best[0] = Some(Vec::new());
    for start in 0..n.len() {
        let Some(prefix) = best[start].clone() else {
            continue;
        };
        for (word, column) in VOCABULARY {
            if n[start..].starts_with(word) {
                let end = start + word.len();
                let mut cols = prefix.clone();
                cols.push(*column);
                if best[end].as_ref().is_none_or(|b| b.len() > cols.len()) {
                    best[end] = Some(cols);
                }
            }
        }
    }
    let columns = best.pop().flatten()?;
    let unique = columns
        .iter()
        .all(|c| columns.iter().filter(|d| *d == c).count() == 1);
    let options: Vec<Option<Column>> = columns.iter().copied().map(Some).collect();
    (unique && is_error_table(&options)).then_some(columns)
}

/// A flattened header at `blocks[i]`: on one line, or one column name per line.
/// Returns the columns, how many lines the header takes, and whether cells run together.
fn header_at(blocks: &[Block], i: usize) -> Option<(Vec<Column>, usize, bool)> {
    let text = |j: usize| match blocks.get(j) {
        Some(Block::Line { text, .. }) => Some(text.as_str()),
        _ => None,
    };
    let first = text(i)?;
    if let Some(columns) = header_columns(first) {
        return Some((columns, 1, glued_header(first)));
    }
    let mut columns = Vec::new();
    for j in i..i + 6 {
        match text(j).and_then(cell_column) {
            Some(c) if !columns.contains(&c) => columns.push(c),
            _ => break,
        }
    }
    let options: Vec<Option<Column>> = columns.iter().copied().map(Some).collect();
    (columns.len() >= 2 && is_error_table(&options)).then(|| {
        let n = columns.len();
        (columns, n, false)
    })
}

/// Header words run together without spaces (`codeError`): so are the row cells.
fn glued_header(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

/// A table with explicit cells (markdown, HTML), if it is an error table.
fn cell_table(rows: &[Cells], heading: String) -> Option<PageTable> {
    let header = rows.first()?;
    let columns: Vec<Option<Column>> = header.cells.iter().map(|c| cell_column(c)).collect();
    if !is_error_table(&columns) {
        return None;
    }
    let index = |col| columns.iter().position(|c| *c == Some(col));
    let (code_i, message_i) = (index(Column::Code)?, index(Column::Message)?);
    let (status_i, description_i) = (index(Column::Status), index(Column::Description));
    let mut table = PageTable {
        heading,
        line: header.line,
        columns: columns.iter().flatten().copied().collect(),
        rows: Vec::new(),
        merged: Vec::new(),
        problems: Vec::new(),
    };
    for row in &rows[1..] {
        if row.cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if row.cells.len() < header.cells.len() {
            let message = format!(
                "row has {} cells, the header has {}: cut off? (`{}`)",
                row.cells.len(),
                header.cells.len(),
                row.cells.join(" | ")
            );
            table.problems.push(Note {
                line: row.line,
                message,
            });
            continue;
        }
        let status = match status_i {
            Some(i) => match parse_cell(&row.cells[i]) {
                Some(s) => Some(s),
                None => {
                    let message = format!(
                        "status `{}` is not an HTTP status (row `{}`)",
                        row.cells[i], row.cells[code_i]
                    );
                    table.problems.push(Note {
                        line: row.line,
                        message,
                    });
                    continue;
                }
            },
            None => None,
        };
        let row = PageRow {
            code: row.cells[code_i].clone(),
            message: row.cells[message_i].clone(),
            status,
            description: description_i.map(|i| row.cells[i].clone()),
            line: row.line,
        };
        add_row(&mut table, row);
    }
    Some(table)
}

/// Checks a row and adds it, merging an identical duplicate.
fn add_row(table: &mut PageTable, row: PageRow) {
    if row.code.is_empty() {
        table.problems.push(Note {
            line: row.line,
            message: "row has no code".to_owned(),
        });
        return;
    }
    if row.code.chars().any(char::is_whitespace) {
        let message = format!(
            "code `{}` holds spaces: cells may have run together",
            row.code
        );
        table.problems.push(Note {
            line: row.line,
            message,
        });
        return;
    }
    match table.rows.iter().find(|r| r.code == row.code) {
        Some(first)
            if (&first.message, first.status, &first.description)
                == (&row.message, row.status, &row.description) =>
        {
            let message = format!(
                "`{}` is listed twice, identically (lines {} and {}); merged",
                row.code, first.line, row.line
            );
            table.merged.push(Note {
                line: row.line,
                message,
            });
        }
        Some(first) => {
            let message = format!(
                "`{}` is listed twice with different text (lines {} and {}); kept the first",
                row.code, first.line, row.line
            );
            table.problems.push(Note {
                line: row.line,
                message,
            });
        }
        None => table.rows.push(row),
    }
}

/// How a flattened row's cells are laid out around the status number.
struct Layout {
    columns: Vec<Column>,
    glued: bool,
}

enum Parse {
    Row(PageRow),
    /// The row goes on over the next line.
    Incomplete,
    /// The text cannot be read as a row.
    Unreadable(String),
}

impl Layout {
    fn has(&self, c: Column) -> bool {
        self.columns.contains(&c)
    }

    /// Reads one flattened record (the lines of one row, joined).
    fn parse(&self, text: &str, line: usize) -> Parse {
        if self.columns.first() != Some(&Column::Code) {
            return Parse::Unreadable(
                "the code is not the first column: cells cannot be told apart".to_owned(),
            );
        }
        let (code, rest) = if self.glued {
            split_glued_code(text)
        } else {
            split_first_word(text)
        };
        if code.is_empty() {
            return Parse::Unreadable("no code".to_owned());
        }
        let after_code: Vec<Column> = self.columns[1..].to_vec();
        let status_at = after_code.iter().position(|c| *c == Column::Status);
        let (before, status, after) = match status_at {
            None => (rest.to_owned(), None, String::new()),
            Some(_) => match find_status(rest, self.glued) {
                Err(()) => return Parse::Incomplete,
                Ok(None) => return Parse::Incomplete,
                Ok(Some((before, status, after))) => (before, Some(status), after),
            },
        };
        let (before_cols, after_cols) = match status_at {
            Some(i) => (&after_code[..i], &after_code[i + 1..]),
            None => (&after_code[..], &after_code[..0]),
        };
        if before_cols.len() > 1 || after_cols.len() > 1 {
            return Parse::Unreadable(
                "two text columns side by side cannot be told apart when flattened".to_owned(),
            );
        }
        if !after_cols.is_empty() && after.is_empty() {
            return Parse::Incomplete;
        }
        let mut row = PageRow {
            code,
            message: String::new(),
            status,
            description: None,
            line,
        };
        for (cols, text) in [(before_cols, before), (after_cols, after)] {
            match cols.first() {
                Some(Column::Message) => row.message = text,
                Some(Column::Description) => row.description = Some(text),
                _ => {}
            }
        }
        if self.has(Column::Description) && row.description.is_none() {
            row.description = Some(String::new());
        }
        Parse::Row(row)
    }
}

fn split_first_word(text: &str) -> (String, &str) {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (text[..end].to_owned(), text[end..].trim_start())
}

/// `InstanceNotFoundThe specified…`: the code ends where the message's first,
/// capitalised word begins.
fn split_glued_code(text: &str) -> (String, &str) {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    let word = &text[..end];
    let bytes = word.as_bytes();
    let split = (1..bytes.len()).rev().find(|&i| {
        bytes[i].is_ascii_uppercase()
            && (bytes[i - 1].is_ascii_lowercase() || bytes[i - 1].is_ascii_digit())
    });
    match split {
        Some(i) => (word[..i].to_owned(), &text[i..]),
        _ => (word.to_owned(), text[end..].trim_start()),
    }
}

/// A flattened row split at its status: the text before, the status, the text after.
type StatusSplit = (String, u16, String);

/// Finds the status between message and description: `Ok(None)` when there is none yet,
/// `Err(())` when a reason phrase is cut off at the end (the row goes on).
fn find_status(text: &str, glued: bool) -> Result<Option<StatusSplit>, ()> {
    let words: Vec<(usize, &str)> = word_offsets(text);
    let mut candidates = Vec::new();
    for (wi, &(offset, word)) in words.iter().enumerate() {
        // A status is a word of its own (`404`, `403Forbidden`) or, when cells run
        // together, digits glued between message and description (`exist.404The`).
        let starts: Vec<usize> = if glued {
            (0..word.len())
                .filter(|&i| i == 0 || !word.as_bytes()[i - 1].is_ascii_digit())
                .collect()
        } else {
            vec![0]
        };
        for start in starts {
            let Some((status, tail)) = word.get(start..).and_then(leading_status) else {
                continue;
            };
            if !glued && !tail.chars().all(char::is_alphabetic) {
                continue;
            }
            let mut rest_words: Vec<&str> = Vec::new();
            if !tail.is_empty() {
                rest_words.push(tail);
            }
            rest_words.extend(words[wi + 1..].iter().map(|(_, w)| *w));
            // The words ran out inside a reason phrase: the row goes on.
            let Some(reason) = reason_len(&rest_words) else {
                return Err(());
            };
            let before = fold(&format!("{}{}", &text[..offset], &word[..start]));
            let after = if glued && reason == 0 {
                fold(&format!(
                    "{} {}",
                    tail,
                    words[wi + 1..]
                        .iter()
                        .map(|(_, w)| *w)
                        .collect::<Vec<_>>()
                        .join(" ")
                ))
            } else {
                fold(&rest_words[reason..].join(" "))
            };
            let ends_sentence = before.ends_with(['.', '!', '?', ')', '"', '\'', '’']);
            candidates.push((reason > 0, ends_sentence, before, status, after));
        }
    }
    let pick = candidates
        .iter()
        .position(|c| c.0)
        .or_else(|| candidates.iter().position(|c| c.1))
        .or(if candidates.is_empty() { None } else { Some(0) });
    Ok(pick.map(|i| {
        let (_, _, before, status, after) = candidates.swap_remove(i);
        (before, status, after)
    }))
}

fn word_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Does this line look like the start of a row: a code-shaped first word
/// (`NoSuchNat`, `createOrderError`, `Cce.warning.X`, `INVALID_PARAM`), or a whole row?
fn starts_row(text: &str, layout: &Layout) -> bool {
    let (word, _) = if layout.glued {
        split_glued_code(text)
    } else {
        split_first_word(text)
    };
    let shaped = word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
        && {
            let b = word.as_bytes();
            b.windows(2).any(|w| {
                (w[0].is_ascii_lowercase() || w[0].is_ascii_digit()) && w[1].is_ascii_uppercase()
            }) || word.contains(['.', '_'])
                || (b.len() > 1 && b.iter().all(|c| !c.is_ascii_lowercase()))
        };
    shaped || matches!(layout.parse(text, 0), Parse::Row(_))
}

/// Reads the flattened table whose header is `blocks[start]`; returns it and the index
/// of the first block after it.
fn flat_table(
    blocks: &[Block],
    start: usize,
    header_lines: usize,
    header_line: usize,
    columns: Vec<Column>,
    glued: bool,
) -> (PageTable, usize) {
    let layout = Layout {
        columns: columns.clone(),
        glued,
    };
    let mut table = PageTable {
        heading: heading_before(blocks, start),
        line: header_line,
        columns,
        rows: Vec::new(),
        merged: Vec::new(),
        problems: Vec::new(),
    };
    let line_at = |i: usize| match blocks.get(i) {
        Some(Block::Line { text, line }) => Some((text.as_str(), *line)),
        _ => None,
    };
    // The record being read: its text, first line and how many lines.
    let mut record: Option<(String, usize, usize)> = None;
    let mut i = start + header_lines;
    let finish =
        |table: &mut PageTable, record: Option<(String, usize, usize)>, next_is_header: bool| {
            let Some((text, line, count)) = record else {
                return;
            };
            match layout.parse(&text, line) {
                Parse::Row(row) => add_row(table, row),
                // A lone line before the next table's header is that table's heading.
                _ if count == 1 && next_is_header => {}
                Parse::Incomplete => {
                    let message = format!("row is cut off: no status found in `{}`", short(&text));
                    table.problems.push(Note { line, message });
                }
                Parse::Unreadable(why) => table.problems.push(Note {
                    line,
                    message: format!("{why}: `{}`", short(&text)),
                }),
            }
        };
    while let Some((text, line)) = line_at(i) {
        if header_at(blocks, i).is_some() {
            break;
        }
        let complete = record
            .as_ref()
            .is_some_and(|(t, l, _)| matches!(layout.parse(t, *l), Parse::Row(_)));
        let heads_next_table = header_at(blocks, i + 1).is_some();
        if complete && heads_next_table {
            break; // this line is the next table's heading
        }
        let row_start = starts_row(text, &layout);
        match &mut record {
            Some((t, _, count)) if !(complete && row_start) => {
                if complete && !continues(blocks, i, &layout) {
                    break; // the table is over; this line is the page going on
                }
                t.push(' ');
                t.push_str(text);
                *count += 1;
            }
            _ => {
                if record.is_none() && !row_start {
                    break;
                }
                finish(&mut table, record.take(), false);
                record = Some((text.to_owned(), line, 1));
            }
        }
        i += 1;
    }
    let next_is_header = header_at(blocks, i).is_some();
    finish(&mut table, record, next_is_header);
    (table, i)
}

/// After a complete row, a line that does not start a row continues the description
/// only if a row follows within the next few lines; otherwise the table has ended.
fn continues(blocks: &[Block], i: usize, layout: &Layout) -> bool {
    blocks[i + 1..]
        .iter()
        .take(3)
        .enumerate()
        .map_while(|(k, b)| match b {
            Block::Line { text, .. } if header_at(blocks, i + 1 + k).is_none() => Some(text),
            _ => None,
        })
        .any(|t| matches!(layout.parse(t, 0), Parse::Row(_)))
}

fn short(text: &str) -> String {
    let mut s: String = text.chars().take(80).collect();
    if s.len() < text.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_table(text: &str) -> PageTable {
        let page = import(text);
        assert_eq!(page.tables.len(), 1, "{page:#?}");
        page.tables.into_iter().next().unwrap()
    }

    #[test]
    fn header_words_in_any_spacing() {
        assert!(header_columns("Error codeError descriptionHTTP status codeSemantics").is_some());
        assert!(
            header_columns("Error return codes Error message Status code Description").is_some()
        );
        assert!(header_columns("Code Message HTTP Status Code 说明").is_some());
        assert!(header_columns("Parameter name Types Description").is_none());
        assert!(header_columns("code String Error code").is_none());
        assert!(header_columns("Common header Description").is_none());
    }

    #[test]
    fn glued_rows() {
        let t = one_table(
            "EIP service error code\nError codeError descriptionHTTP status codeSemantics\nInstanceNotFoundThe specified instance does not exist.404The specified instance does not exist\nPayFailedPay failed when create EIP400Payment failed when creating EIP\n",
        );
        assert_eq!(t.heading, "EIP service error code");
        assert_eq!(t.rows[0].code, "InstanceNotFound");
        assert_eq!(t.rows[0].message, "The specified instance does not exist.");
        assert_eq!(t.rows[0].status, Some(404));
        assert_eq!(t.rows[1].code, "PayFailed");
        assert_eq!(t.rows[1].message, "Pay failed when create EIP");
        assert_eq!(
            t.rows[1].description.as_deref(),
            Some("Payment failed when creating EIP")
        );
    }

    #[test]
    fn rows_split_over_lines() {
        let t = one_table(
            "Error return codes Error message Status code Description\nAccessDenied Access denied. 403 Forbidden You do not have permission.\nInappropriateJSON\nThe JSON you provided was well-formed\nand valid.\n400 Bad\nRequest\nThe JSON format is invalid.\nPrevious\nNext page\n",
        );
        assert_eq!(t.rows.len(), 2, "{t:#?}");
        assert_eq!(t.rows[1].code, "InappropriateJSON");
        assert_eq!(
            t.rows[1].message,
            "The JSON you provided was well-formed and valid."
        );
        assert_eq!(t.rows[1].status, Some(400));
        assert_eq!(
            t.rows[1].description.as_deref(),
            Some("The JSON format is invalid.")
        );
        assert!(t.problems.is_empty(), "{:?}", t.problems);
    }

    #[test]
    fn one_cell_per_line() {
        let t = one_table("Code\nMessage\nStatus\nDescription\n");
        assert!(t.rows.is_empty());
        let t = one_table(
            "Error code Message Status Description\nNoSuchNat\nThe nat is not found.\n404\nNot found.\nNatBusy\nBusy.\n409\nTry later.\n",
        );
        assert_eq!(t.rows.len(), 2, "{t:#?}");
        assert_eq!(t.rows[1].status, Some(409));
    }

    #[test]
    fn cut_off_rows_are_reported_with_their_line() {
        let t = one_table(
            "Error code Error message Status code Description\nNoSuchNat The nat is not found. 404 Not found.\nNatBusy The nat is busy\n",
        );
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.problems.len(), 1, "{t:#?}");
        assert_eq!(t.problems[0].line, 3);
    }

    #[test]
    fn markdown_duplicates_and_short_rows() {
        let t = one_table(
            "| Code | Message | Status | Description |\n|---|---|---|---|\n| A | m | 400 | d |\n| A | m | 400 | d |\n| B | m | 500 |\n| C | m | abc | d |\n| A | other | 400 | d |\n",
        );
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.merged.len(), 1);
        assert_eq!(t.problems.len(), 3, "{:?}", t.problems);
        assert_eq!(
            t.problems.iter().map(|p| p.line).collect::<Vec<_>>(),
            vec![5, 6, 7]
        );
    }

    #[test]
    fn look_alike_tables_are_skipped() {
        let page = import(
            "| Parameter name | Type | Description |\n|---|---|---|\n| code | String | Error code |\n",
        );
        assert!(page.tables.is_empty());
    }

    #[test]
    fn updated_dates() {
        assert_eq!(
            updated_date("Updated at:2025-10-16").as_deref(),
            Some("2025-10-16")
        );
        assert_eq!(
            updated_date("更新时间：2025/06/06").as_deref(),
            Some("2025-06-06")
        );
        assert_eq!(updated_date("Nothing 2025-06-06"), None);
    }
}
