//! Text from a response body, made safe and short for a log line.

use std::fmt;

#[cfg(feature = "response")]
use crate::DISPLAY_FIELD_LIMIT;

/// Writes `text` with every control, invisible or direction-changing character shown as
/// an escape (`\n`, `\u{200b}`), so server-supplied text cannot forge, hide or reorder
/// parts of a log line; at most [`DISPLAY_FIELD_LIMIT`] bytes, then `…`.
#[cfg(feature = "response")]
pub(crate) struct Bounded<'a>(pub &'a str);

#[cfg(feature = "response")]
impl fmt::Display for Bounded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, DISPLAY_FIELD_LIMIT)
    }
}

/// Like [`Bounded`], without the length limit: for documented text, which is ours.
pub(crate) struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, usize::MAX)
    }
}

fn write_escaped(f: &mut fmt::Formatter<'_>, text: &str, limit: usize) -> fmt::Result {
    {
        let mut written = 0usize;
        let mut buf = [0u8; 16];
        for c in text.chars() {
            let piece: &str = match c {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                c if needs_escape(c) => {
                    // `\u{200b}`: ASCII, at most 10 bytes.
                    let mut len = 0;
                    for e in c.escape_unicode() {
                        buf[len] = e as u8;
                        len += 1;
                    }
                    std::str::from_utf8(&buf[..len]).unwrap_or("\\u{fffd}")
                }
                c => c.encode_utf8(&mut buf),
            };
            if written.saturating_add(piece.len()) > limit {
                return f.write_str("…");
            }
            f.write_str(piece)?;
            written += piece.len();
        }
        Ok(())
    }
}

/// Controls, and the characters that are invisible or change the direction of text:
/// zero-width spaces and joiners (U+200B–U+200F, U+2060–U+2064, U+FEFF), the Arabic
/// letter mark (U+061C), line and paragraph separators (U+2028, U+2029), and the bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// The first `max` bytes of `body` as text (invalid UTF-8 replaced), cut on a character
/// boundary, so it never exceeds `max` bytes.
#[cfg(feature = "response")]
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
    fn escapes_control_and_invisible_characters() {
        let s = Escaped("a\nb\x1b[31mc\u{202E}d\u{0}e\u{200B}f\u{FEFF}g\u{061C}").to_string();
        assert_eq!(
            s,
            "a\\nb\\u{1b}[31mc\\u{202e}d\\u{0}e\\u{200b}f\\u{feff}g\\u{61c}"
        );
        assert_eq!(Escaped("无权限 ok").to_string(), "无权限 ok");
    }

    #[test]
    #[cfg(feature = "response")]
    fn bounded_escapes_as_escaped_does() {
        let text = "a\nb\x1b[31mc\u{202E}d\u{200B}无权限";
        assert_eq!(Bounded(text).to_string(), Escaped(text).to_string());
    }

    #[test]
    #[cfg(feature = "response")]
    fn long_fields_are_cut_with_a_marker() {
        let s = Bounded(&"x".repeat(10_000)).to_string();
        assert_eq!(s.len(), DISPLAY_FIELD_LIMIT + "…".len());
        assert!(s.ends_with('…'));
        let escaped = Bounded(&"\u{200B}".repeat(1000)).to_string();
        assert!(escaped.len() <= DISPLAY_FIELD_LIMIT + "…".len());
    }

    #[test]
    #[cfg(feature = "response")]
    fn snippets_are_bounded_on_char_boundaries() {
        assert_eq!(snippet("开发机".as_bytes(), 4), "开");
        assert!(snippet(&[0xFF; 600], 512).len() <= 512);
        assert_eq!(snippet(b"short", 512), "short");
    }
}
