//! The structure of a markdown document around its tables: front matter (`---` …
//! `---` at the top, or the `key: value` lines and closing `---` Hexo leaves), fenced
//! code (```` ``` ```` / `~~~`, whose pipes and JSON are never tables), HTML comments
//! (`<!-- … -->`, whose tables are not shown), thematic breaks (`---`), `#` headings,
//! and HTML tables written into the markdown. Every line keeps its number: what is not
//! text is blanked. One pass over the lines: linear in the document.

use std::borrow::Cow;

use super::inline::plain;

/// What a line of a markdown document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text (a paragraph line, a table row): read as saved text.
    Text,
    /// Not shown as text: front matter, fenced code, a comment, a thematic break.
    Hidden,
    /// A `#` heading of this level; its text is [`Structure::lines`]'s, markup removed.
    Heading(u8),
    /// The first line of an HTML table that ends on line `end` (0-based, inclusive).
    Html {
        /// The table's last line.
        end: usize,
    },
}

/// A markdown document, line by line.
#[derive(Debug, Clone, Default)]
pub struct Structure<'t> {
    /// Each line as it reads: blank when hidden, a heading's text without `#`.
    pub lines: Vec<Cow<'t, str>>,
    /// What each line is.
    pub kinds: Vec<Kind>,
    /// The front matter's `title:`, if it has one.
    pub title: Option<String>,
}

/// The structure of `text`.
pub fn structure(text: &str) -> Structure<'_> {
    let raw: Vec<&str> = text.split('\n').collect();
    let mut s = Structure {
        lines: raw.iter().map(|l| Cow::Borrowed(*l)).collect(),
        kinds: vec![Kind::Text; raw.len()],
        title: None,
    };
    let body = front_matter(&raw, &mut s);
    let mut fence: Option<(char, usize)> = None;
    let mut in_comment = false;
    let mut i = body;
    while i < raw.len() {
        if let Some((mark, len)) = fence {
            if closes_fence(raw[i], mark, len) {
                fence = None;
            }
            hide(&mut s, i);
            i += 1;
            continue;
        }
        let visible = without_comments(raw[i], &mut in_comment);
        if let Some(open) = (!matches!(visible, Cow::Owned(_)))
            .then(|| opens_fence(raw[i]))
            .flatten()
        {
            fence = Some(open);
            hide(&mut s, i);
        } else if let Some(end) = html_table_end(&raw, i, &visible) {
            s.kinds[i] = Kind::Html { end };
            for k in i + 1..=end {
                hide(&mut s, k);
            }
            i = end;
        } else if let Some((level, heading)) = heading(&visible) {
            s.kinds[i] = Kind::Heading(level);
            s.lines[i] = Cow::Owned(heading);
        } else if is_break(&visible) {
            hide(&mut s, i);
        } else {
            s.lines[i] = visible;
        }
        i += 1;
    }
    s
}

fn hide(s: &mut Structure<'_>, i: usize) {
    s.kinds[i] = Kind::Hidden;
    s.lines[i] = Cow::Borrowed("");
}

/// Most lines a front matter without its opening `---` is looked for in.
const MAX_BARE_FRONT_MATTER: usize = 40;

/// Hides the front matter, takes its title; returns the first line after it.
fn front_matter(raw: &[&str], s: &mut Structure<'_>) -> usize {
    let Some(first) = raw.iter().position(|l| !l.trim().is_empty()) else {
        return 0;
    };
    let opened = raw[first].trim_end() == "---";
    let start = first + usize::from(opened);
    let end = raw[start..]
        .iter()
        .take(if opened {
            usize::MAX
        } else {
            MAX_BARE_FRONT_MATTER
        })
        .position(|l| matches!(l.trim_end(), "---" | "..."));
    let Some(end) = end.map(|e| start + e) else {
        return 0;
    };
    let fields = &raw[start..end];
    // Without an opening `---`, only `key: value` lines (and their indented or list
    // continuations) with a `title:` are front matter.
    let bare_ok = || {
        is_field(raw[first])
            && fields.iter().all(|l| is_field_line(l))
            && fields.iter().any(|l| l.starts_with("title:"))
    };
    if !opened && !bare_ok() {
        return 0;
    }
    s.title = fields.iter().find_map(|l| {
        let value = l.strip_prefix("title:")?.trim().trim_matches(['"', '\'']);
        (!value.is_empty()).then(|| plain(value))
    });
    for k in first..=end {
        hide(s, k);
    }
    end + 1
}

/// `key: value`, `key:`.
fn is_field(line: &str) -> bool {
    line.split_once(':').is_some_and(|(key, _)| {
        !key.is_empty()
            && key.starts_with(|c: char| c.is_ascii_alphabetic())
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    })
}

/// A line front matter may hold: a field, an indented or list continuation, a comment.
fn is_field_line(line: &str) -> bool {
    line.trim().is_empty() || is_field(line) || line.starts_with([' ', '\t', '-', '#'])
}

/// A fence opening: (its character, its length).
fn opens_fence(line: &str) -> Option<(char, usize)> {
    let t = line.trim_start();
    let mark = t.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = t.chars().take_while(|&c| c == mark).count();
    // A backtick fence's info string has no backtick (``` `a` ``` is inline code).
    let info_ok = mark == '~' || !t[len..].contains('`');
    (len >= 3 && info_ok).then_some((mark, len))
}

fn closes_fence(line: &str, mark: char, len: usize) -> bool {
    let t = line.trim();
    t.chars().take_while(|&c| c == mark).count() >= len && t.chars().all(|c| c == mark)
}

/// The line without its HTML comments; `in_comment` carries a comment over lines. An
/// unchanged line is borrowed; a line with a comment (or inside one) is owned.
fn without_comments<'t>(line: &'t str, in_comment: &mut bool) -> Cow<'t, str> {
    if !*in_comment && !line.contains("<!--") {
        return Cow::Borrowed(line);
    }
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(end) => {
                    *in_comment = false;
                    rest = &rest[end + 3..];
                }
                None => break,
            }
        } else {
            match rest.find("<!--") {
                Some(start) => {
                    out.push_str(&rest[..start]);
                    *in_comment = true;
                    rest = &rest[start + 4..];
                }
                None => {
                    out.push_str(rest);
                    break;
                }
            }
        }
    }
    Cow::Owned(out)
}

/// The last line of an HTML table starting on line `i` (whose visible text is
/// `visible`): where its `<table>` tags close, or the document's end.
fn html_table_end(raw: &[&str], i: usize, visible: &str) -> Option<usize> {
    if !starts_with_ignore_case(visible.trim_start(), "<table") {
        return None;
    }
    let mut depth = 0usize;
    for (k, line) in raw.iter().enumerate().skip(i) {
        let lower = line.to_ascii_lowercase();
        depth += lower.matches("<table").count();
        depth = depth.saturating_sub(lower.matches("</table").count());
        if depth == 0 {
            return Some(k);
        }
    }
    Some(raw.len() - 1)
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// An ATX heading: `## Title ##` → (2, `Title`), inline markup removed.
fn heading(line: &str) -> Option<(u8, String)> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    let level = t.bytes().take_while(|&b| b == b'#').count();
    let rest = &t[level..];
    if !(1..=6).contains(&level) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = without_attributes(rest.trim())
        .trim_end_matches('#')
        .trim_end();
    // `level` is 1 to 6. Markup stays: the page's line reader removes it, once.
    Some((level as u8, text.to_owned()))
}

/// A heading without its attribute list (`错误码 {#section_rxh .section}`, as pandoc and
/// kramdown write an anchor and classes).
fn without_attributes(text: &str) -> &str {
    let Some(inner) = text.strip_suffix('}') else {
        return text;
    };
    match inner.rfind('{') {
        Some(open) if inner[open + 1..].starts_with(['#', '.']) && !inner[open..].contains('}') => {
            inner[..open].trim_end()
        }
        _ => text,
    }
}

/// `---`, `***`, `___` (spaces allowed between): a thematic break, or a setext
/// heading's underline.
fn is_break(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
        && !line.contains('|')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        structure(text).kinds
    }

    #[test]
    fn front_matter_code_comments_and_headings() {
        let text = "---\ntitle: swan.request\nnav: api\n---\n# 错误码 #\n```\n| a | b |\n```\n<!-- |1|x|\n|2|y| -->\n---\ntext";
        let s = structure(text);
        assert_eq!(s.title.as_deref(), Some("swan.request"));
        use Kind::*;
        assert_eq!(
            s.kinds,
            [
                Hidden,
                Hidden,
                Hidden,
                Hidden,
                Heading(1),
                Hidden,
                Hidden,
                Hidden,
                Text,
                Text,
                Hidden,
                Text
            ]
        );
        assert_eq!(s.lines[4], "错误码");
        assert!(s.lines[8].is_empty() && s.lines[9].is_empty());
    }

    #[test]
    fn hexo_front_matter_without_its_opening() {
        let s = structure("\ntitle:  错误码\n---\n| a | b |\n");
        assert_eq!(s.title.as_deref(), Some("错误码"));
        assert_eq!(s.kinds[3], Kind::Text);
        // Prose with a colon is no front matter.
        assert_eq!(kinds("Note: this\n---\n")[0], Kind::Text);
    }

    #[test]
    fn heading_attribute_lists_are_markup() {
        for (line, text) in [
            ("## 错误码 {#section_rxh_ddm_c2b .section}", "错误码"),
            (
                "# QueryContactInfo {#concept_akb .concept}",
                "QueryContactInfo",
            ),
            ("## Fields {.wide}", "Fields"),
            ("## Template {name}", "Template {name}"),
        ] {
            assert_eq!(heading(line).map(|h| h.1).as_deref(), Some(text), "{line}");
        }
    }

    #[test]
    fn html_tables_in_markdown() {
        let k = kinds("a\n<table>\n<tr><td>x</td></tr>\n</table>\nb");
        assert_eq!(k[1], Kind::Html { end: 3 });
        assert_eq!(k[4], Kind::Text);
    }
}

#[cfg(test)]
mod heading_markup {
    use crate::page::{Block, read};

    #[test]
    fn a_heading_loses_its_markup_once() {
        // Escaped markup is text: read twice, `\<code\>` would become a tag and vanish.
        let page = read("# Use \\<code\\> tags\n\n| Code | Message |\n|---|---|\n| A | b |\n");
        let heading = page.blocks.iter().find_map(|b| match b {
            Block::Line(line) if line.heading => Some(line.text.as_str()),
            _ => None,
        });
        assert_eq!(heading, Some("Use <code> tags"));
    }
}
