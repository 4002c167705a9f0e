//! HTML tags: the elements that break a line of text ([`BLOCK_TAGS`], for the page
//! reader and for HTML inside markdown), and a guard before tokenizing.
//!
//! The guard: html5gum 0.8 moves from one double-quoted attribute to the
//! next by a function call (`a="1" b="2" …` recurses once an attribute), so a tag with
//! hundreds of thousands of them overflows the stack — an abort, not an error. Tags
//! with more than [`MAX_ATTRIBUTES`] double-quoted attributes keep their first ones; the
//! rest are dropped (the reader only looks at `class`, `id`, `colspan` and `rowspan`).
//! One forward pass over the page: linear, and the page is copied only when a tag is cut.

use std::borrow::Cow;

/// Elements whose start or end breaks a line of text.
pub const BLOCK_TAGS: &[&str] = &[
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
    "dt",
    "dd",
    "hr",
    "main",
    "body",
    "blockquote",
    "caption",
    "aside",
    "figure",
    "figcaption",
    "details",
    "summary",
    "dl",
];

/// Double-quoted attributes a tag keeps.
pub const MAX_ATTRIBUTES: usize = 256;

/// `html` with every tag cut to [`MAX_ATTRIBUTES`] double-quoted attributes.
pub fn cap_attributes(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + at + 1;
        if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
            i = start;
            continue;
        }
        let Some(tag) = scan_tag(bytes, start) else {
            break;
        };
        if let Some(cut) = tag.cut {
            let text = out.get_or_insert_with(|| String::with_capacity(html.len()));
            text.push_str(&html[copied..cut]);
            copied = tag.end;
        }
        i = tag.end + 1;
    }
    match out {
        Some(mut text) => {
            text.push_str(&html[copied..]);
            Cow::Owned(text)
        }
        None => Cow::Borrowed(html),
    }
}

/// A tag's `>` (its byte offset), and where to cut it if it has too many attributes.
struct Tag {
    end: usize,
    cut: Option<usize>,
}

/// Scans the tag whose name starts at `start`: to its `>` outside quotes (`None` when
/// the page ends inside it), counting double-quoted values.
fn scan_tag(bytes: &[u8], start: usize) -> Option<Tag> {
    let mut quote: Option<u8> = None;
    let mut after_equals = false;
    let mut values = 0;
    let mut cut = None;
    for (j, &b) in bytes.iter().enumerate().skip(start) {
        match (quote, b) {
            (Some(q), _) if b == q => {
                quote = None;
                if q == b'"' {
                    values += 1;
                    if values == MAX_ATTRIBUTES {
                        cut = Some(j + 1);
                    }
                }
            }
            (Some(_), _) => {}
            (None, b'"' | b'\'') if after_equals => quote = Some(b),
            (None, b'>') => {
                let cut = cut.filter(|&c| c < j);
                return Some(Tag { end: j, cut });
            }
            (None, b'=') => after_equals = true,
            (None, b) if b.is_ascii_whitespace() => {}
            (None, _) => after_equals = false,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_keep_their_first_attributes() {
        let many: String = (0..MAX_ATTRIBUTES + 5)
            .map(|k| format!(" a{k}=\"v>\""))
            .collect();
        let html = format!("<p>x</p><div{many}>y</div>");
        let capped = cap_attributes(&html);
        assert_eq!(capped.matches("=\"v>\"").count(), MAX_ATTRIBUTES);
        assert!(capped.ends_with(">y</div>"));
        let plain = "<p class=\"a\">x < y</p><a href='b'>";
        assert!(matches!(cap_attributes(plain), Cow::Borrowed(_)));
    }
}
