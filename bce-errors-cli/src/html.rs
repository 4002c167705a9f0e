//! HTML pages: `<table>` elements become tables with explicit cells; headings,
//! paragraphs and other text become lines. Each block keeps the page line it starts on.
//!
//! A small tag scanner rather than an HTML5 parser: docs pages are machine-written, we
//! need only tables and text with their byte offsets, and the CLI stays quick to build.

use crate::page::{Block, Cells, fold};

/// Elements whose start or end breaks a line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "pre",
    "title",
    "dt",
    "dd",
    "hr",
    "main",
    "body",
    "blockquote",
    "caption",
];

struct Table {
    rows: Vec<Cells>,
    row: Option<Cells>,
    cell: Option<String>,
}

/// Reads an HTML page into blocks.
pub fn blocks(html: &str) -> Vec<Block> {
    // Line starts, so that locating a row is a binary search, not a rescan.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(html.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset);
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut text_start = 0;
    let mut tables: Vec<Table> = Vec::new();
    let mut skip: Option<&str> = None; // inside <script> or <style>
    let mut i = 0;
    while i < html.len() {
        let rest = &html[i..];
        if let Some(end_tag) = skip {
            match find_ci(rest, &format!("</{end_tag}")) {
                Some(at) => {
                    i += at;
                    skip = None;
                }
                None => break,
            }
            continue;
        }
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with('<') {
            let Some(end) = tag_end(rest) else {
                push_text(&mut text, &mut text_start, &tables, rest, i);
                break;
            };
            let tag = &rest[1..end];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            i += end + 1;
            match (name.as_str(), closing) {
                ("script" | "style", false) => {
                    skip = Some(if name == "script" { "script" } else { "style" })
                }
                ("table", false) => {
                    flush(&mut blocks, &mut text, text_start, &line_of);
                    tables.push(Table {
                        rows: Vec::new(),
                        row: None,
                        cell: None,
                    });
                }
                ("table", true) => {
                    if let Some(mut t) = tables.pop() {
                        close_row(&mut t);
                        if tables.is_empty() {
                            blocks.push(Block::Table { rows: t.rows });
                        }
                    }
                }
                ("tr", false) => {
                    if let Some(t) = tables.last_mut() {
                        close_row(t);
                        t.row = Some(Cells {
                            cells: Vec::new(),
                            line: line_of(i - end - 1),
                        });
                    }
                }
                ("tr", true) => {
                    if let Some(t) = tables.last_mut() {
                        close_row(t);
                    }
                }
                ("td" | "th", false) => {
                    if let Some(t) = tables.last_mut() {
                        close_cell(t);
                        if t.row.is_none() {
                            t.row = Some(Cells {
                                cells: Vec::new(),
                                line: line_of(i - end - 1),
                            });
                        }
                        t.cell = Some(String::new());
                    }
                }
                ("td" | "th", true) => {
                    if let Some(t) = tables.last_mut() {
                        close_cell(t);
                    }
                }
                (name, _) if BLOCK_TAGS.contains(&name) => {
                    match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                        Some(cell) => cell.push(' '),
                        None => flush(&mut blocks, &mut text, text_start, &line_of),
                    }
                }
                _ => {}
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        push_text(&mut text, &mut text_start, &tables, &rest[..next], i);
        if let Some(cell) = tables.last_mut().and_then(|t| t.cell.as_mut()) {
            cell.push_str(&decode(&rest[..next]));
        }
        i += next;
    }
    flush(&mut blocks, &mut text, text_start, &line_of);
    while let Some(mut t) = tables.pop() {
        close_row(&mut t);
        blocks.push(Block::Table { rows: t.rows });
    }
    blocks
}

fn push_text(text: &mut String, start: &mut usize, tables: &[Table], chunk: &str, at: usize) {
    if !tables.is_empty() {
        return;
    }
    if text.trim().is_empty() {
        *start = at + (chunk.len() - chunk.trim_start().len());
    }
    text.push_str(&decode(chunk));
}

fn flush(
    blocks: &mut Vec<Block>,
    text: &mut String,
    start: usize,
    line_of: &dyn Fn(usize) -> usize,
) {
    let folded = fold(text);
    if !folded.is_empty() {
        blocks.push(Block::Line {
            text: folded,
            line: line_of(start),
        });
    }
    text.clear();
}

fn close_cell(t: &mut Table) {
    if let Some(cell) = t.cell.take() {
        let row = t.row.get_or_insert_with(|| Cells {
            cells: Vec::new(),
            line: 0,
        });
        row.cells.push(fold(&cell));
    }
}

fn close_row(t: &mut Table) {
    close_cell(t);
    if let Some(row) = t.row.take() {
        if !row.cells.is_empty() {
            t.rows.push(row);
        }
    }
}

/// The index of the `>` closing the tag at the start of `s`, skipping quoted attributes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// `haystack.find(needle)`, ignoring ASCII case, without copying the haystack.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Decodes the character references docs pages use.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c.is_whitespace() || c == '&')
            .map(|e| e + 1);
        let decoded = end
            .filter(|e| rest.as_bytes().get(*e) == Some(&b';'))
            .and_then(|e| {
                let name = &rest[1..e];
                let c = match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    "rsquo" => Some('’'),
                    "lsquo" => Some('‘'),
                    "rdquo" => Some('”'),
                    "ldquo" => Some('“'),
                    _ => name
                        .strip_prefix("#x")
                        .or_else(|| name.strip_prefix("#X"))
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                        .and_then(char::from_u32),
                };
                c.map(|c| (c, e + 1))
            });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_headings_with_lines() {
        let html = "<html><body>\n<h2>NAT gateway error codes</h2>\n<table>\n<tr><th>Error code</th><th>Message</th></tr>\n<tr><td>NoSuchNat</td><td>The nat &amp; <b>its</b><br>rules.</td></tr>\n</table></body></html>";
        let blocks = blocks(html);
        assert_eq!(
            blocks[0],
            Block::Line {
                text: "NAT gateway error codes".into(),
                line: 2
            }
        );
        let Block::Table { rows } = &blocks[1] else {
            panic!("{blocks:?}")
        };
        assert_eq!(rows[1].cells, vec!["NoSuchNat", "The nat & its rules."]);
        assert_eq!(rows[1].line, 5);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode("a &lt;Data&gt; &#39;x&#x27; &unknown; & b"),
            "a <Data> 'x' &unknown; & b"
        );
    }

    #[test]
    fn unclosed_markup_does_not_panic() {
        for html in [
            "<table><tr><td>a",
            "<table",
            "<p>x</p><",
            "<td>x</td>",
            "&#xFFFFFFFF;",
            "<script>x",
        ] {
            let _ = blocks(html);
        }
    }
}
