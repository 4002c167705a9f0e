//! Rows as read from a table, the checks every row passes before it is imported, and the
//! evidence used to split two text cells that ran together.

use std::collections::HashMap;

use serde::Serialize;

use super::status::is_no_error_status;
use crate::page::fold;

/// One row read from a docs table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageRow {
    /// The code, exactly as written.
    pub code: String,
    /// The message, whitespace folded.
    pub message: String,
    /// The status number, when the table has a status column.
    pub status: Option<u16>,
    /// The description, when the table has one for this row.
    pub description: Option<String>,
    /// The page line the row starts on.
    pub line: usize,
    /// What a person should check in this row (written into the spec as `note`).
    pub note: Option<String>,
}

/// Something the importer did not import, or did on its own, with the page line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// 1-based page line.
    pub line: usize,
    /// What happened.
    pub message: String,
}

impl Note {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        Note {
            line,
            message: message.into(),
        }
    }
}

/// The rows of one table, as they are accepted, merged or reported.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Rows {
    /// Rows to import, in page order.
    pub rows: Vec<PageRow>,
    /// Identical duplicate rows that were merged into the first.
    pub merged: Vec<Note>,
    /// Rows imported with a note a person should check (text that may need splitting).
    pub flagged: Vec<Note>,
    /// Rows not imported, and why.
    pub skipped: Vec<Note>,
    /// Where each code in `rows` is: duplicates are found in constant time, so a table
    /// of any length is read in linear time.
    #[serde(skip)]
    by_code: HashMap<String, usize>,
}

impl Rows {
    /// Reports a row that is not imported.
    pub fn skip(&mut self, line: usize, why: impl Into<String>) {
        self.skipped.push(Note::new(line, why));
    }

    /// Checks a row and adds it: a code must be one (no spaces, a letter or digit), an
    /// identical duplicate is merged, a conflicting one reported with both lines.
    pub fn add(&mut self, row: PageRow) {
        if !row.code.chars().any(char::is_alphanumeric) {
            let why = match row.code.is_empty() {
                true => "no error code".to_owned(),
                false => format!("no error code (`{}`): a row that documents none", row.code),
            };
            return self.skip(row.line, why);
        }
        if documents_success(&row) {
            let why = format!("documents a success (`{}`), not an error", row.code);
            return self.skip(row.line, why);
        }
        if row.code.chars().any(char::is_whitespace) {
            let why = format!(
                "code `{}` holds spaces: cells may have run together",
                row.code
            );
            return self.skip(row.line, why);
        }
        let same = |a: &PageRow, b: &PageRow| {
            (&a.message, a.status, &a.description) == (&b.message, b.status, &b.description)
        };
        match self.by_code.get(&row.code).map(|&i| &self.rows[i]) {
            Some(first) if same(first, &row) => {
                let message = format!(
                    "`{}` is listed twice, identically (lines {} and {}); merged",
                    row.code, first.line, row.line
                );
                self.merged.push(Note::new(row.line, message));
            }
            Some(first) => {
                let message = format!(
                    "`{}` is listed twice with different text (lines {} and {}); kept the first",
                    row.code, first.line, row.line
                );
                self.skip(row.line, message);
            }
            None => {
                if let Some(note) = &row.note {
                    self.flagged
                        .push(Note::new(row.line, format!("`{}`: {note}", row.code)));
                }
                self.by_code.insert(row.code.clone(), self.rows.len());
                self.rows.push(row);
            }
        }
    }
}

/// Two text cells that ran together (a message and a description side by side),
/// split where the evidence says: the code's documented message (a code the bundled
/// specs know), or a change of script (an English message before a Chinese
/// description). `None` when nothing tells.
pub fn split_two(code: &str, text: &str) -> Option<(String, String)> {
    known_message(code, text).or_else(|| script_change(text))
}

/// The documented message of `code` in a bundled spec, when `text` starts with it.
fn known_message(code: &str, text: &str) -> Option<(String, String)> {
    let squeezed = |s: &str| s.split_whitespace().collect::<String>();
    let text_squeezed = squeezed(text);
    bce_errors::services::BUNDLED
        .iter()
        .filter_map(|b| b.lookup(code))
        .map(|info| info.message)
        .filter(|m| !m.is_empty() && text_squeezed.starts_with(&squeezed(m)))
        .max_by_key(|m| m.len())
        .and_then(|message| cut_after(text, &squeezed(message)))
}

/// Splits `text` after the prefix whose non-space characters are `prefix`.
fn cut_after(text: &str, prefix: &str) -> Option<(String, String)> {
    let mut left = prefix.chars().count();
    for (i, c) in text.char_indices() {
        if left == 0 {
            let (a, b) = text.split_at(i);
            let rest = fold(b);
            return (!rest.is_empty()).then(|| (fold(a), rest));
        }
        if !c.is_whitespace() {
            left -= 1;
        }
    }
    None
}

/// `Unknown error 服务器内部错误`: Latin text, then text in Chinese.
fn script_change(text: &str) -> Option<(String, String)> {
    let at = text.find(is_cjk)?;
    let (latin, rest) = text.split_at(at);
    let latin_ok = latin.chars().any(|c| c.is_ascii_alphabetic()) && !latin.chars().any(is_cjk);
    (latin_ok && !rest.trim().is_empty()).then(|| (fold(latin), fold(rest)))
}

/// Chinese, Japanese or Korean text, or the full-width punctuation it is written with.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF00}'..='\u{FFEF}'
            | '\u{AC00}'..='\u{D7AF}')
}

/// Whether a row documents success rather than an error: its code is a success code
/// (`0`, `success`) with a 2xx status or none; a status under 400 with a reason phrase
/// of success as its code (`200 | OK`); or a message that says success in its own words
/// (`success`, `OK`, `成功` with a 2xx status or none, or ending in 成功 with no word of
/// failure: `查询成功`, "query succeeded").
fn documents_success(row: &PageRow) -> bool {
    let no_error_status = row.status.is_none_or(|s| (200..300).contains(&s));
    if bce_errors::is_success_code(&row.code) && no_error_status
        || is_no_error_status(&row.code, &row.message)
    {
        return true;
    }
    let message = row
        .message
        .trim()
        .trim_end_matches(['.', '。', '!', '！'])
        .to_lowercase();
    // Chinese messages ending in 成功 (`成功`, `请求成功`) are read below.
    let plain = ["success", "succeeded", "successful", "ok"];
    let failure = ["失败", "不", "未", "错误", "无法", "非", "异常"];
    no_error_status
        && (plain.contains(&message.as_str())
            || (message.ends_with("成功") && !failure.iter().any(|w| message.contains(w))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, message: &str, line: usize) -> PageRow {
        PageRow {
            code: code.into(),
            message: message.into(),
            status: Some(400),
            description: None,
            line,
            note: None,
        }
    }

    #[test]
    fn duplicates_and_bad_codes() {
        let mut rows = Rows::default();
        rows.add(row("A", "m", 1));
        rows.add(row("A", "m", 2));
        rows.add(row("A", "other", 3));
        rows.add(row("-", "success", 4));
        rows.add(row("A B", "m", 5));
        rows.add(PageRow {
            status: Some(203),
            ..row("success", "Callback failed.", 6)
        });
        assert_eq!(rows.rows.len(), 1);
        assert_eq!(rows.merged.len(), 1);
        assert_eq!(
            rows.skipped.iter().map(|n| n.line).collect::<Vec<_>>(),
            [3, 4, 5, 6]
        );
    }

    #[test]
    fn splits_by_evidence_only() {
        assert_eq!(
            split_two("AccessDenied", "Access denied. No permission"),
            Some(("Access denied.".into(), "No permission".into()))
        );
        assert_eq!(
            split_two("1", "Unknown error 【系统内部错误】服务器内部错误"),
            Some((
                "Unknown error".into(),
                "【系统内部错误】服务器内部错误".into()
            ))
        );
        assert_eq!(
            split_two(
                "InvalidParameter",
                "Request param invalid Illegal request parameter"
            ),
            None
        );
    }

    #[test]
    fn rows_that_document_success() {
        let with = |message: &str, status| PageRow {
            status,
            ..row("1", message, 1)
        };
        for yes in [
            with("success", Some(200)),
            with("OK.", None),
            with("查询成功", None),
            with("成功", Some(200)),
            with("请求成功", None),
            with("Succeeded", None),
            with("successful", Some(201)),
            PageRow {
                status: None,
                ..row("0", "anything", 1)
            },
            row("304", "Not Modified", 1),
        ] {
            assert!(documents_success(&yes), "{}", yes.message);
        }
        for no in [
            with("success", Some(404)),
            with("定位失败", None),
            with("未成功", None),
            with("Successfully deleted the wrong thing", None),
            row("0", "anything", 1),
            // A failure word before 成功, or an error status.
            with("不成功", None),
            with("错误：登录成功", None),
            with("无法成功", None),
            with("非成功", None),
            with("异常成功", None),
            with("查询成功", Some(404)),
        ] {
            assert!(!documents_success(&no), "{}", no.message);
        }
    }
}
