//! Inline markup in a cell or a line of a markdown document, removed the way a reader
//! sees the text: `` `code` `` → `code`, `**bold**` / `*em*` → the words, `[text](url)`
//! → `text`, `\_` → `_`, HTML tags (`<a name="x"></a>`, `<br>`, `<code>`) dropped, and
//! entities (`&nbsp;`, `&lt;`, `&amp;`) decoded. The inline markdown is read by
//! pulldown-cmark, as a CommonMark renderer reads it; text that only looks like markup
//! stays: `count < 10`, `a*b`, `5fb1f5******`, a placeholder such as `<Data>`.

use pulldown_cmark::{Event, Parser};

use super::tags::BLOCK_TAGS;

/// The text of `cell` without its inline markup, white space folded.
pub fn plain(cell: &str) -> String {
    if !cell.contains(['`', '*', '_', '[', '\\', '<', '&']) {
        return super::fold(cell);
    }
    // One paragraph of inline text: lines joined, and an escaped `.` first, so that no
    // line is read as a block (`1. x` a list, `# x` a heading, `> x` a quote) and the
    // first word still opens emphasis as it would after a space.
    let text = format!("\\.{}", cell.replace(['\r', '\n'], " "));
    let mut out = String::with_capacity(text.len());
    for event in Parser::new(&text) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::InlineHtml(html) | Event::Html(html) => out.push_str(html_text(&html)),
            _ => {}
        }
    }
    super::fold(out.strip_prefix('.').unwrap_or(&out))
}

/// What a reader sees of inline HTML: nothing for a tag docs write (a space for one that
/// breaks the line or the cell: `<br>`, `<p>`), the text itself for anything else (a
/// placeholder such as `<Data>`).
fn html_text(html: &str) -> &str {
    let Some(inside) = html.strip_prefix('<') else {
        return html;
    };
    match tag_len(inside) {
        Some(_) => {
            let name = inside.trim_start_matches('/');
            let name = name[..name
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(name.len())]
                .to_ascii_lowercase();
            let breaks =
                BLOCK_TAGS.contains(&name.as_str()) || matches!(name.as_str(), "tr" | "td" | "th");
            if breaks { " " } else { "" }
        }
        None => html,
    }
}

/// HTML elements docs write inside markdown text; any other `<word>` is text (a
/// placeholder such as `<Data>` or `<the invalid input>`).
const INLINE_TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "big",
    "blockquote",
    "br",
    "center",
    "cite",
    "code",
    "del",
    "details",
    "div",
    "em",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "nobr",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "td",
    "th",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// The length of a tag's inside (`a href="x"` in `<a href="x">`), when `text` (what
/// follows a `<`) starts an HTML tag.
fn tag_len(text: &str) -> Option<usize> {
    let name = text.strip_prefix('/').unwrap_or(text);
    let name_len = name
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(name.len());
    let known = INLINE_TAGS
        .iter()
        .any(|t| t.eq_ignore_ascii_case(&name[..name_len]));
    let after_name = name[name_len..].chars().next();
    if !known || !matches!(after_name, Some('>' | ' ' | '/' | '\t' | '\n')) {
        return None;
    }
    let end = text.find(['>', '<'])?;
    (text.as_bytes()[end] == b'>').then_some(end)
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn markup_is_removed() {
        for (cell, text) in [
            ("`AccessDenied`", "AccessDenied"),
            ("**Bold** and *em*", "Bold and em"),
            ("see [the guide](https://x.y/a_b) now", "see the guide now"),
            ("ERROR\\_DEVICE\\_X", "ERROR_DEVICE_X"),
            ("\\<name\\>", "<name>"),
            ("a<br>b<br/>c", "a b c"),
            ("Error Responses<a name=\"x\"></a>", "Error Responses"),
            ("<code>NoSuchKey</code>", "NoSuchKey"),
            ("执行失败&nbsp;&nbsp;", "执行失败"),
            ("count < 10 and > 0", "count < 10 and > 0"),
            ("Timestamp date is <Data> .", "Timestamp date is <Data> ."),
            ("5fb1f5******", "5fb1f5******"),
            ("a * b * c", "a * b * c"),
            ("[not a link] here", "[not a link] here"),
            // Escapes are read before emphasis, and link text may hold escaped brackets.
            ("\\*x\\* and \\_y\\_", "*x* and _y_"),
            (
                "Learn more: [\\[See the docs\\]](http://x.y/a.html)",
                "Learn more: [See the docs]",
            ),
            ("1. first", "1. first"),
            ("# not a heading", "# not a heading"),
            ("_under_ score", "under score"),
        ] {
            assert_eq!(plain(cell), text, "{cell:?}");
        }
    }
}
