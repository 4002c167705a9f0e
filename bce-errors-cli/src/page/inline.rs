//! Inline markup in a cell or a line of a markdown document, removed the way a reader
//! sees the text: `` `code` `` → `code`, `**bold**` / `*em*` → the words, `[text](url)`
//! → `text`, `\_` → `_`, HTML tags (`<a name="x"></a>`, `<br>`, `<code>`) dropped, and
//! the common entities (`&nbsp;`, `&lt;`, `&amp;`) decoded. Text that only looks like
//! markup stays: `count < 10`, `a*b`, `5fb1f5******`. One pass over the text, no
//! backtracking: linear in its length.

/// The text of `cell` without its inline markup, white space folded.
pub fn plain(cell: &str) -> String {
    if !cell.contains(['`', '*', '[', '\\', '<', '&']) {
        return super::fold(cell);
    }
    let tags_gone = without_tags(cell);
    let links_gone = without_links(&tags_gone);
    let emphasis_gone = without_emphasis(&links_gone);
    super::fold(&unescaped(&emphasis_gone))
}

/// Drops HTML tags: `<` then a letter or `/` and a letter, up to the next `>` with no `<`
/// between; `<br>` and block tags leave a space. `\<` is no tag.
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        let escaped = rest[..at].ends_with('\\');
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match tag_len(after).filter(|_| !escaped) {
            Some(len) => {
                let name = after[..len].trim_start_matches('/').to_ascii_lowercase();
                if ["br", "p", "li", "div", "tr", "td"]
                    .iter()
                    .any(|t| name.starts_with(t))
                {
                    out.push(' ');
                }
                rest = &after[len + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out)
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

/// The entities docs write in markdown cells.
const ENTITIES: &[(&str, &str)] = &[
    ("&nbsp;", " "),
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&#39;", "'"),
    ("&amp;", "&"),
];

fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        match ENTITIES.iter().find(|(e, _)| tail.starts_with(e)) {
            Some((e, c)) => {
                out.push_str(c);
                rest = &tail[e.len()..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `[text](url)` and `![alt](url)` → the text.
fn without_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('[') {
        let (before, after) = (&rest[..at], &rest[at + 1..]);
        let link = after.find(']').and_then(|close| {
            let url = after[close + 1..].strip_prefix('(')?;
            let end = url.find(')')?;
            (!after[..close].contains('[')).then_some((close, close + 2 + end + 1))
        });
        match link {
            Some((close, end)) => {
                out.push_str(before.strip_suffix('!').unwrap_or(before));
                out.push_str(&after[..close]);
                rest = &after[end..];
            }
            None => {
                out.push_str(&rest[..=at]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Backticks and emphasis marks that open and close a span: `` ` `` always (a code span
/// is its text), `*` / `**` when the run touches a word on the inside and another run
/// of the same length closes it.
fn without_emphasis(text: &str) -> String {
    let text = without_code_marks(text);
    if !text.contains('*') {
        return text;
    }
    let runs = star_runs(&text);
    let mut drop = vec![false; runs.len()];
    let mut open: Vec<usize> = Vec::new();
    for (k, run) in runs.iter().enumerate() {
        let partner = open
            .iter()
            .rposition(|&o| runs[o].len == run.len)
            .filter(|_| run.closes);
        match partner {
            Some(p) => {
                drop[open[p]] = true;
                drop[k] = true;
                open.truncate(p);
            }
            None if run.opens => open.push(k),
            None => {}
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (run, gone) in runs.iter().zip(drop) {
        if gone {
            out.push_str(&text[last..run.at]);
            last = run.at + run.len;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Backticks in pairs dropped (`` `x` `` → `x`); an odd one out (a code span a pipe cut
/// in two) stays.
fn without_code_marks(text: &str) -> String {
    let marks = text.matches('`').count();
    let mut keep_last = marks % 2 == 1;
    let mut out = String::with_capacity(text.len());
    for c in text.chars().rev() {
        if c != '`' || std::mem::take(&mut keep_last) {
            out.push(c);
        }
    }
    out.chars().rev().collect()
}

/// A run of one or two `*`: where, how long, and whether it can open or close a span.
struct Run {
    at: usize,
    len: usize,
    opens: bool,
    closes: bool,
}

fn star_runs(text: &str) -> Vec<Run> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'*' {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] == b'*' {
            i += 1;
        }
        let before = text[..start].chars().next_back();
        let after = text[i..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && c != '*');
        if i - start <= 2 {
            runs.push(Run {
                at: start,
                len: i - start,
                opens: word(after),
                closes: word(before),
            });
        }
    }
    runs
}

/// `\X` → `X` for ASCII punctuation `X`, as markdown escapes it.
fn unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(next)) if next.is_ascii_punctuation() => {
                out.push(*next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
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
        ] {
            assert_eq!(plain(cell), text, "{cell:?}");
        }
    }
}
