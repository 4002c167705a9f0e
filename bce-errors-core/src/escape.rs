//! Text from a response body, made safe for a log line.

use std::fmt;

/// Writes `text` with every control character (newlines, ANSI escapes, NUL, bidi
/// overrides…) shown as an escape, so server-supplied text cannot forge or garble a log line.
pub(crate) struct LogSafe<'a>(pub &'a str);

impl fmt::Display for LogSafe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(needs_escape) {
            f.write_str(&rest[..i])?;
            let c = rest[i..].chars().next().unwrap_or_default();
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c => write!(f, "\\u{{{:x}}}", c as u32)?,
            }
            rest = &rest[i + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// The first `max` bytes of `body` as text (invalid UTF-8 replaced), cut on a character
/// boundary, so it never exceeds `max` bytes.
pub(crate) fn snippet(body: &[u8], max: usize) -> String {
    let head = &body[..body.len().min(max)];
    let mut text = String::from_utf8_lossy(head).into_owned();
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_characters() {
        let s = LogSafe("a\nb\x1b[31mc\u{202E}d\u{0}").to_string();
        assert_eq!(s, "a\\nb\\u{1b}[31mc\\u{202e}d\\u{0}");
        assert_eq!(LogSafe("无权限 ok").to_string(), "无权限 ok");
    }

    #[test]
    fn snippets_are_bounded_on_char_boundaries() {
        assert_eq!(snippet("开发机".as_bytes(), 4), "开");
        assert!(snippet(&[0xFF; 600], 512).len() <= 512);
        assert_eq!(snippet(b"short", 512), "short");
    }
}
