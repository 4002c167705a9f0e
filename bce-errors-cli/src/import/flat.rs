//! Tables flattened into lines of text: cells run together on a line
//! (`AccessDenied Access denied. 403 Forbidden No permission…`, or glued:
//! `InstanceNotFoundThe specified…404The…`), a row spilling over several lines, or one
//! cell a line.
//!
//! The code and the status are anchors: the code is one word, a status a number from
//! 100 to 599 with an optional reason phrase. Text between anchors belongs to the text
//! columns there; when two text columns meet with no anchor between them, they are
//! split only on evidence ([`split_two`]), else kept together in the first, with a note
//! for a person.

use super::cells::short;
use super::columns::{Role, cell_name, header_cells, header_line, look_alike, normalize};
use super::rows::{PageRow, Rows, split_two};
use super::status::{leading_status, reason_len};
use super::{PageTable, SkippedTable};
use crate::page::{Block, Page, fold};

/// A header line: its columns, how many lines it takes, and how the rows are written.
struct Header {
    columns: Vec<Role>,
    lines: usize,
    /// Cells run together without spaces (`codeError`): so do the rows' cells.
    glued: bool,
    /// One column name a line: rows are written one cell a line.
    cell_per_line: bool,
}

/// Headers written one name a line have at most this many columns.
const MAX_COLUMNS: usize = 8;

/// The flattened error-table header at `blocks[i]`, if there is one.
fn header_at(blocks: &[Block], i: usize) -> Option<Header> {
    let first = text(blocks, i)?;
    if let Some(roles) = header_line(first) {
        return Some(Header {
            columns: roles
                .into_iter()
                .map(|r| r.unwrap_or(Role::Other))
                .collect(),
            lines: 1,
            glued: glued(first),
            cell_per_line: false,
        });
    }
    let names: Vec<&str> = (i..i + MAX_COLUMNS)
        .map_while(|j| text(blocks, j).filter(|t| cell_name(t).is_some()))
        .collect();
    let roles = header_cells(&names)?;
    Some(Header {
        columns: roles
            .into_iter()
            .map(|r| r.unwrap_or(Role::Other))
            .collect(),
        lines: names.len(),
        glued: false,
        cell_per_line: true,
    })
}

/// A look-alike table's header (`Parameter name Type Description`): which kind it is.
pub fn look_alike_at(blocks: &[Block], i: usize) -> Option<&'static str> {
    let line = text(blocks, i)?;
    if line.split_whitespace().count() > MAX_COLUMNS || line.chars().count() > 60 {
        return None;
    }
    let n = normalize(line);
    let kind = [
        "parametername",
        "参数名",
        "commonheaders",
        "commonheader",
        "publicheader",
        "公共头域",
    ]
    .iter()
    .find(|w| n.starts_with(**w))
    .and_then(|w| look_alike(w))?;
    (n.contains("type") || n.contains("类型") || n.contains("description") || n.contains("说明"))
        .then_some(kind)
}

fn text(blocks: &[Block], i: usize) -> Option<&str> {
    match blocks.get(i) {
        Some(Block::Line(l)) => Some(l.text.as_str()),
        _ => None,
    }
}

fn line_of(blocks: &[Block], i: usize) -> usize {
    match blocks.get(i) {
        Some(Block::Line(l)) => l.line,
        _ => 0,
    }
}

/// Header words run together without spaces (`codeError`): so are the row cells.
fn glued(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

/// Whether `blocks[i]` starts a flattened error table.
pub fn starts_table(blocks: &[Block], i: usize) -> bool {
    header_at(blocks, i).is_some()
}

/// Reads the flattened table whose header is at `blocks[start]`; returns it (or why it
/// is not one) and the index of the first block after it.
pub fn read(
    page: &Page,
    start: usize,
    heading: String,
) -> (Result<PageTable, SkippedTable>, usize) {
    let blocks = &page.blocks;
    let Some(header) = header_at(blocks, start) else {
        let skipped = SkippedTable {
            line: line_of(blocks, start),
            heading,
            reason: "not an error table".into(),
        };
        return (Err(skipped), start + 1);
    };
    let layout = Layout {
        columns: header.columns.clone(),
        glued: header.glued,
        cell_per_line: header.cell_per_line,
    };
    let mut reader = Reader {
        layout: &layout,
        rows: Rows::default(),
    };
    let (record, i) = reader.records(blocks, start + header.lines);
    if let Some(last) = record {
        // A row the saved page stops inside may be cut short, however it reads.
        let cut = page.ends_inside_a_line && i == blocks.len();
        reader.finish(last, cut);
    }
    let table = PageTable {
        heading,
        line: line_of(blocks, start),
        columns: header.columns,
        rows: reader.rows,
    };
    (Ok(table), i)
}

/// The lines of one row being read.
struct Record {
    parts: Vec<String>,
    line: usize,
}

impl Record {
    fn new(text: &str, line: usize) -> Self {
        Record {
            parts: vec![text.to_owned()],
            line,
        }
    }

    fn push(&mut self, text: &str) {
        self.parts.push(text.to_owned());
    }

    fn text(&self) -> String {
        self.parts.join(" ")
    }
}

struct Reader<'l> {
    layout: &'l Layout,
    rows: Rows,
}

impl Reader<'_> {
    /// Reads rows from `blocks[i]` on until the table ends: every row but the last is
    /// finished; returns the last (still open) and the index of the first block after
    /// the table.
    fn records(&mut self, blocks: &[Block], mut i: usize) -> (Option<Record>, usize) {
        let mut record: Option<Record> = None;
        while let Some(line_text) = text(blocks, i) {
            if header_at(blocks, i).is_some() {
                break;
            }
            // A line right before another header is that table's heading.
            if header_at(blocks, i + 1).is_some() && record.is_some() {
                break;
            }
            let row_start = self.layout.starts_row(line_text);
            let Some(current) = record.as_mut() else {
                if !row_start {
                    break;
                }
                record = Some(Record::new(line_text, line_of(blocks, i)));
                i += 1;
                continue;
            };
            let complete = self.layout.is_complete(current);
            if complete && row_start {
                if let Some(done) = record.replace(Record::new(line_text, line_of(blocks, i))) {
                    self.finish(done, false);
                }
                i += 1;
                continue;
            }
            if complete {
                // A line that starts no row after a complete one: the table is over (or this
                // is the next table's heading), unless a row follows within a few lines.
                let full =
                    self.layout.cell_per_line && current.parts.len() >= self.layout.columns.len();
                if full || !continues(blocks, i, self.layout) {
                    break;
                }
            }
            current.push(line_text);
            i += 1;
        }
        (record, i)
    }

    fn finish(&mut self, record: Record, cut: bool) {
        let text = record.text();
        if cut {
            let why = format!("cut off by the end of the page (`{}`)", short(&text));
            return self.rows.skip(record.line, why);
        }
        match self.layout.parse_record(&record) {
            Parse::Row(row) => self.rows.add(row),
            Parse::Incomplete => {
                let why = format!("row is incomplete: no status found in `{}`", short(&text));
                self.rows.skip(record.line, why);
            }
            Parse::Unreadable(why) => {
                let why = format!("{why}: `{}`", short(&text));
                self.rows.skip(record.line, why);
            }
        }
    }
}

/// After a complete row, a line that does not start a row continues it only if a row
/// follows within the next few lines; otherwise the table has ended.
fn continues(blocks: &[Block], i: usize, layout: &Layout) -> bool {
    const LOOKAHEAD: usize = 3;
    (i + 1..i + 1 + LOOKAHEAD)
        .map_while(|j| text(blocks, j).filter(|_| header_at(blocks, j).is_none()))
        .any(|t| layout.is_row(t))
}

/// How a flattened row's cells are laid out.
struct Layout {
    columns: Vec<Role>,
    glued: bool,
    /// One cell a line (the header was written so).
    cell_per_line: bool,
}

enum Parse {
    Row(PageRow),
    /// The row goes on over the next line.
    Incomplete,
    /// The text cannot be read as a row.
    Unreadable(String),
}

impl Layout {
    fn is_row(&self, text: &str) -> bool {
        matches!(self.parse(text, 0), Parse::Row(_))
    }

    /// Whether the record reads as a whole row (one cell a line: every cell is there).
    fn is_complete(&self, record: &Record) -> bool {
        if self.cell_per_line && record.parts.len() < self.columns.len() {
            return false;
        }
        matches!(self.parse_record(record), Parse::Row(_))
    }

    /// Reads a record; one cell a line, its lines are its cells.
    fn parse_record(&self, record: &Record) -> Parse {
        if self.cell_per_line && record.parts.len() == self.columns.len() {
            return self.parse_cells(&record.parts, record.line);
        }
        self.parse(&record.text(), record.line)
    }

    /// A row whose cells are known, one a line.
    fn parse_cells(&self, cells: &[String], line: usize) -> Parse {
        let mut row = PageRow {
            code: String::new(),
            message: String::new(),
            status: None,
            description: None,
            line,
            note: None,
        };
        for (role, cell) in self.columns.iter().zip(cells) {
            match role {
                Role::Code if is_code_word(cell) => row.code = cell.clone(),
                Role::Code => return Parse::Unreadable("no code in the code cell".into()),
                Role::Status => match super::status::parse_cell(cell) {
                    Some(status) => row.status = Some(status),
                    None => return Parse::Unreadable(format!("`{cell}` is not an HTTP status")),
                },
                other => set(&mut row, *other, cell.clone()),
            }
        }
        Parse::Row(row)
    }

    /// Whether a line looks like the start of a row: its leading anchors (the code, or a
    /// status then the code) are there, code-shaped (`NoSuchNat`, `Cce.x`, `110`); or,
    /// when the row has a status to go by, the line is a whole row by itself (a code of
    /// one plain word: `Unauthorized Unauthorized Authentication failed 401`). One cell
    /// a line, the first cell is the line.
    fn starts_row(&self, text: &str) -> bool {
        let lead = match self.cell_per_line {
            true => &self.lead()[..1.min(self.lead().len())],
            false => self.lead(),
        };
        self.leads_with_anchors(text, lead)
            || (self.columns.contains(&Role::Status) && self.is_row(text))
    }

    fn leads_with_anchors(&self, text: &str, lead: &[Role]) -> bool {
        let mut rest = text;
        for role in lead {
            let (word, after) = self.first_word(rest, *role);
            let ok = match role {
                Role::Code => looks_like_code(&word),
                _ => leading_status(&word)
                    .is_some_and(|(_, tail)| tail.chars().all(char::is_alphabetic)),
            };
            if !ok {
                return false;
            }
            rest = after;
        }
        true
    }

    /// The anchors a row starts with: the code, and a status when it comes first.
    fn lead(&self) -> &[Role] {
        let n = self
            .columns
            .iter()
            .take_while(|r| matches!(r, Role::Code | Role::Status))
            .count();
        &self.columns[..n.min(2)]
    }

    /// The first word of `text` for a leading column: a code (split from glued text) or
    /// a status; and the rest.
    fn first_word<'t>(&self, text: &'t str, role: Role) -> (String, &'t str) {
        if self.glued && role == Role::Code {
            split_glued_code(text)
        } else {
            split_first_word(text)
        }
    }

    /// Reads one flattened record (the lines of one row, joined).
    fn parse(&self, text: &str, line: usize) -> Parse {
        let lead = self.lead();
        if !lead.contains(&Role::Code) {
            return Parse::Unreadable("the code is not among the first columns".into());
        }
        let mut row = PageRow {
            code: String::new(),
            message: String::new(),
            status: None,
            description: None,
            line,
            note: None,
        };
        let mut rest = text.trim();
        for role in lead {
            let (word, after) = self.first_word(rest, *role);
            match role {
                Role::Code if is_code_word(&word) => row.code = word,
                Role::Status => match status_word(&word, after) {
                    Some((status, after)) => {
                        row.status = Some(status);
                        rest = after;
                        continue;
                    }
                    None => return Parse::Unreadable("no status where the row starts".into()),
                },
                _ => return Parse::Unreadable("no code where the row starts".into()),
            }
            rest = after;
        }
        let tail = &self.columns[lead.len()..];
        let (before, after) = match tail.iter().position(|r| *r == Role::Status) {
            None => (rest.to_owned(), None),
            Some(at) => match find_status(rest, self.glued, at + 1 == tail.len()) {
                StatusSearch::NotYet | StatusSearch::CutInReason => return Parse::Incomplete,
                StatusSearch::Found((before, status, after)) => {
                    row.status = Some(status);
                    let cols = &tail[at + 1..];
                    if !cols.is_empty() && after.is_empty() {
                        return Parse::Incomplete;
                    }
                    (before, Some((cols, after)))
                }
            },
        };
        let first_cols: Vec<Role> = tail
            .iter()
            .take_while(|r| **r != Role::Status)
            .copied()
            .collect();
        self.fill(&mut row, &first_cols, &before);
        if let Some((cols, after)) = after {
            self.fill(&mut row, cols, &after);
        }
        Parse::Row(row)
    }

    /// Puts `text` into the text columns `cols` of `row`.
    fn fill(&self, row: &mut PageRow, cols: &[Role], text: &str) {
        let wanted: Vec<Role> = cols
            .iter()
            .copied()
            .filter(|r| matches!(r, Role::Message | Role::Description | Role::Other))
            .collect();
        let text = fold(text);
        match wanted.as_slice() {
            [] => {}
            [one] => set(row, *one, text),
            [first, second, ..] => match split_two(&row.code, &text) {
                Some((a, b)) => {
                    set(row, *first, a);
                    set(row, *second, b);
                }
                None => {
                    let note = format!(
                        "{} and {} ran together on the page and nothing tells where they part; the joined text is in `{}`: split it by hand",
                        name(*first),
                        name(*second),
                        name(*first)
                    );
                    set(row, *first, text);
                    row.note = Some(note);
                }
            },
        }
    }
}

fn set(row: &mut PageRow, role: Role, text: String) {
    match role {
        Role::Message => row.message = text,
        Role::Description if !text.is_empty() => row.description = Some(text),
        _ => {}
    }
}

fn name(role: Role) -> &'static str {
    match role {
        Role::Message => "message",
        Role::Description => "description",
        _ => "another column",
    }
}

/// A status and its reason phrase at the start of `word` + `after`; the rest.
fn status_word<'t>(word: &str, after: &'t str) -> Option<(u16, &'t str)> {
    let (status, tail) = leading_status(word)?;
    if !tail.chars().all(char::is_alphabetic) {
        return None;
    }
    let words: Vec<&str> = std::iter::once(tail)
        .filter(|t| !t.is_empty())
        .chain(after.split_whitespace())
        .collect();
    let reason = reason_len(&words).unwrap_or(0);
    let skip = reason.saturating_sub(usize::from(!tail.is_empty()));
    let mut rest = after;
    for _ in 0..skip {
        rest = split_first_word(rest).1;
    }
    Some((status, rest))
}

/// A word that can be a code: ASCII letters and digits, `.`, `_`, `-`, `:` (`Conflict`
/// as well as `NoSuchNat`).
fn is_code_word(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
}

/// Codes as BCE and the AI platform write them: `NoSuchNat`, `createOrderError`,
/// `Cce.warning.X`, `INVALID_PARAM`, `110`, `SDK100`, `B:00001`.
fn looks_like_code(word: &str) -> bool {
    let shaped = word
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'));
    let b = word.as_bytes();
    shaped
        && (b.windows(2).any(|w| {
            (w[0].is_ascii_lowercase() || w[0].is_ascii_digit()) && w[1].is_ascii_uppercase()
        }) || word.contains(['.', '_', ':'])
            || (b.len() > 1 && b.iter().all(|c| !c.is_ascii_lowercase()))
            || b.iter().all(u8::is_ascii_digit))
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

/// What [`find_status`] found in a flattened row's text.
enum StatusSearch {
    /// The status, and the text either side.
    Found(StatusSplit),
    /// No status yet: the row goes on.
    NotYet,
    /// A reason phrase cut off at the end (`404 Not`): the row goes on.
    CutInReason,
}

/// Finds the status between text cells. When the status is the last column (`last`),
/// only a status that ends the text counts.
fn find_status(text: &str, glued: bool, last: bool) -> StatusSearch {
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
                return StatusSearch::CutInReason;
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
            if last && !after.is_empty() {
                continue;
            }
            let ends_sentence = before.ends_with(['.', '!', '?', ')', '"', '\'', '’', '。']);
            candidates.push((reason > 0, ends_sentence, before, status, after));
        }
    }
    let pick = candidates
        .iter()
        .position(|c| c.0)
        .or_else(|| candidates.iter().position(|c| c.1))
        .or(if candidates.is_empty() { None } else { Some(0) });
    match pick {
        Some(i) => {
            let (_, _, before, status, after) = candidates.swap_remove(i);
            StatusSearch::Found((before, status, after))
        }
        None => StatusSearch::NotYet,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import;

    fn one_table(text: &str) -> PageTable {
        let page = import(text);
        assert_eq!(page.tables.len(), 1, "{page:#?}");
        page.tables.into_iter().next().unwrap()
    }

    #[test]
    fn glued_rows() {
        let t = one_table(
            "EIP service error code\nError codeError descriptionHTTP status codeSemantics\nInstanceNotFoundThe specified instance does not exist.404The specified instance does not exist\nPayFailedPay failed when create EIP400Payment failed when creating EIP\n",
        );
        assert_eq!(t.rows.rows[0].code, "InstanceNotFound");
        assert_eq!(
            t.rows.rows[0].message,
            "The specified instance does not exist."
        );
        assert_eq!(t.rows.rows[0].status, Some(404));
        assert_eq!(t.rows.rows[1].message, "Pay failed when create EIP");
        assert_eq!(
            t.rows.rows[1].description.as_deref(),
            Some("Payment failed when creating EIP")
        );
    }

    #[test]
    fn rows_split_over_lines() {
        let t = one_table(
            "Error return codes Error message Status code Description\nAccessDenied Access denied. 403 Forbidden You do not have permission.\nInappropriateJSON\nThe JSON you provided was well-formed\nand valid.\n400 Bad\nRequest\nThe JSON format is invalid.\nPrevious\nNext page\n",
        );
        assert_eq!(t.rows.rows.len(), 2, "{t:#?}");
        assert_eq!(
            t.rows.rows[1].message,
            "The JSON you provided was well-formed and valid."
        );
        assert_eq!(t.rows.rows[1].status, Some(400));
        assert!(t.rows.skipped.is_empty(), "{:?}", t.rows.skipped);
    }

    #[test]
    fn status_first_one_cell_a_line() {
        let t = one_table(
            "HTTP状态码\n错误码\n错误信息\n错误描述\n400\nInvalidMarker\nThe marker you provided was invalid.\n请求的marker不合法。\n403\nAccessDenied\nAccess denied.\n无权限。\n",
        );
        assert_eq!(t.rows.rows.len(), 2, "{t:#?}");
        assert_eq!(t.rows.rows[0].code, "InvalidMarker");
        assert_eq!(t.rows.rows[0].status, Some(400));
        assert_eq!(
            t.rows.rows[0].message,
            "The marker you provided was invalid."
        );
        assert_eq!(t.rows.rows[1].description.as_deref(), Some("无权限。"));
    }

    #[test]
    fn status_last_and_text_run_together() {
        let t = one_table(
            "Error code Error message Description HTTP status code\nInvalidParameter Request param invalid Illegal request parameter 400\nUnauthorized Unauthorized Authentication failed 401\n",
        );
        assert_eq!(t.rows.rows.len(), 2, "{t:#?}");
        let row = &t.rows.rows[0];
        assert_eq!(
            (row.status, row.message.as_str()),
            (Some(400), "Request param invalid Illegal request parameter")
        );
        assert!(row.note.as_deref().unwrap().contains("split it by hand"));
        assert_eq!(t.rows.flagged.len(), 2);
    }

    #[test]
    fn numeric_codes_english_message_chinese_description() {
        let t = one_table(
            "错误码 错误信息 说明及排查建议\n1 Unknown error 【系统内部错误】服务器内部错误。\n6 No permission to access data 【鉴权错误】app无权限访问服务。\n定制服务:检查定制服务是否处于已发布状态。\n13 Get service token failed 【鉴权错误】获取token失败。\n",
        );
        assert_eq!(t.rows.rows.len(), 3, "{t:#?}");
        assert_eq!(t.rows.rows[1].message, "No permission to access data");
        assert_eq!(
            t.rows.rows[1].description.as_deref(),
            Some("【鉴权错误】app无权限访问服务。 定制服务:检查定制服务是否处于已发布状态。")
        );
    }

    #[test]
    fn a_row_the_page_stops_inside_is_reported() {
        let t = one_table(
            "Error code Error message Status code Description\nNoSuchNat The nat is not found. 404 Not found.\nNatBusy The nat is busy. 409 Try la",
        );
        assert_eq!(t.rows.rows.len(), 1);
        assert_eq!(t.rows.skipped[0].line, 3);
        assert!(t.rows.skipped[0].message.contains("cut off"));
    }
}
