//! A strict JSON reader that pulls the error fields out of a body without building a
//! document: `code`/`message`/`requestId` (BCE), `error_code`/`error_msg`/`log_id` (AI
//! platform), `{"error": {"code", "message", "type"}}` (Qianfan) and `error` /
//! `error_description` (the OAuth token endpoint).
//!
//! Strict: it accepts exactly the bodies `serde_json::from_slice::<serde_json::Value>`
//! accepts that are objects — UTF-8 throughout, the JSON number grammar, escapes that
//! pair their surrogates, nothing after the object but whitespace, nesting at most
//! [`MAX_DEPTH`] deep — and bodies of at most [`PARSE_LIMIT`](crate::PARSE_LIMIT)
//! bytes. A differential test holds it to serde_json on valid and invalid input. When a
//! key appears twice, the later value wins (as in `serde_json::Value`); a key spelt two
//! ways (`code`, `error_code`) is one field, and the later wins too.
//!
//! Hand-written rather than serde_json so the runtime has no dependency by default (its
//! users pay for every crate on every clean build), and faster on error bodies: the
//! fields borrow from the body, strings are scanned eight bytes at a time, and values
//! nobody asked for are skipped without being decoded (BENCHMARKS.md has the numbers).

use std::borrow::Cow;
use std::fmt;

/// Containers may nest this deep (the top-level object counts as one), as in
/// serde_json, whose recursion limit refuses the 128th level. A skipped value keeps one
/// bit a level in a `u128`, which is why the limit can be no more than 128.
pub(crate) const MAX_DEPTH: usize = 127;
const _: () = assert!(MAX_DEPTH <= u128::BITS as usize);

/// Which documented body a response used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum BodyFormat {
    /// `{"code": "NoSuchNat", "message": "...", "requestId": "..."}`: BCE services.
    #[default]
    Bce,
    /// `{"error_code": 110, "error_msg": "...", "log_id": 1803053124329552748}`: the AI
    /// platform (OCR, speech, face, body analysis, Qianfan's older API…).
    AiPlatform,
    /// `{"error": {"code": "malformed_json", "message": "...", "type": "..."}, "id": "..."}`:
    /// Qianfan's newer API.
    Nested,
    /// `{"error": "invalid_client", "error_description": "..."}`: the OAuth token endpoint
    /// that hands out the AI platform's access tokens.
    OAuth,
}

/// The fields of an error body, borrowed from it where no unescaping was needed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Fields<'a> {
    pub code: Option<Cow<'a, str>>,
    pub message: Option<Cow<'a, str>>,
    pub request_id: Option<Cow<'a, str>>,
    pub log_id: Option<Cow<'a, str>>,
    pub id: Option<Cow<'a, str>>,
    pub error_type: Option<Cow<'a, str>>,
    pub format: BodyFormat,
}

/// Why a body is not a JSON object: what was wrong, and the byte where it went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyError {
    kind: BodyErrorKind,
    offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyErrorKind {
    Empty,
    NotAnObject,
    Truncated,
    Syntax,
    TrailingData,
    InvalidUtf8,
    TooDeep,
    TooLarge,
}

impl BodyError {
    fn new(kind: BodyErrorKind, offset: usize) -> Self {
        BodyError { kind, offset }
    }

    pub(crate) fn too_large(len: usize) -> Self {
        BodyError::new(BodyErrorKind::TooLarge, len)
    }

    /// The byte offset in the body where reading stopped.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            BodyErrorKind::Empty => return f.write_str("the body is empty"),
            BodyErrorKind::TooLarge => {
                return write!(
                    f,
                    "the body is too large to parse ({} bytes, over {})",
                    self.offset,
                    crate::PARSE_LIMIT
                );
            }
            BodyErrorKind::NotAnObject => "the body is not a JSON object",
            BodyErrorKind::Truncated => "the JSON body is cut off",
            BodyErrorKind::Syntax => "the body is not valid JSON",
            BodyErrorKind::TrailingData => "the JSON object is followed by more data",
            BodyErrorKind::InvalidUtf8 => "the body is not valid UTF-8",
            BodyErrorKind::TooDeep => "the JSON body nests too deeply",
        };
        write!(f, "{what} (at byte {})", self.offset)
    }
}

impl std::error::Error for BodyError {}

/// What a top-level key means.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Code(BodyFormat),
    Message(BodyFormat),
    RequestId,
    LogId,
    Id,
    /// `error`: an object (Qianfan) or a string (OAuth).
    Error,
    Other,
}

/// The keys real services send, spelt exactly.
pub(crate) fn top_key(key: &[u8]) -> Key {
    match key {
        b"code" | b"Code" => Key::Code(BodyFormat::Bce),
        b"message" | b"Message" => Key::Message(BodyFormat::Bce),
        b"requestId" | b"RequestId" | b"request_id" => Key::RequestId,
        b"error_code" => Key::Code(BodyFormat::AiPlatform),
        b"error_msg" => Key::Message(BodyFormat::AiPlatform),
        b"log_id" => Key::LogId,
        b"id" => Key::Id,
        b"error" => Key::Error,
        b"error_description" => Key::Message(BodyFormat::OAuth),
        _ => Key::Other,
    }
}

/// Scans a body for the error fields (see the module docs for what is accepted).
pub(crate) fn scan(body: &[u8]) -> Result<Fields<'_>, BodyError> {
    if body.len() > crate::PARSE_LIMIT {
        return Err(BodyError::too_large(body.len()));
    }
    let text = std::str::from_utf8(body)
        .map_err(|e| BodyError::new(BodyErrorKind::InvalidUtf8, e.valid_up_to()))?;
    let mut r = Reader {
        text,
        bytes: body,
        pos: 0,
    };
    r.skip_ws();
    match r.peek() {
        None => return Err(r.err(BodyErrorKind::Empty)),
        Some(b'{') => {}
        Some(_) => return Err(r.err(BodyErrorKind::NotAnObject)),
    }
    let mut fields = Fields::default();
    r.object(|r, key| r.top_field(key, &mut fields))?;
    r.skip_ws();
    if r.pos < r.bytes.len() {
        return Err(r.err(BodyErrorKind::TrailingData));
    }
    Ok(fields)
}

struct Reader<'a> {
    /// The body, known to be UTF-8, so any slice between ASCII delimiters is a `str`.
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn err(&self, kind: BodyErrorKind) -> BodyError {
        BodyError::new(kind, self.pos)
    }

    /// Syntax at the cursor, or truncation when the body has ended.
    fn unexpected(&self) -> BodyError {
        match self.pos < self.bytes.len() {
            true => self.err(BodyErrorKind::Syntax),
            false => self.err(BodyErrorKind::Truncated),
        }
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    #[inline]
    fn expect(&mut self, b: u8) -> Result<(), BodyError> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    /// An object at the cursor (`{`, keys and values, `}`); `field` reads each value,
    /// given its key.
    fn object(
        &mut self,
        mut field: impl FnMut(&mut Self, &[u8]) -> Result<(), BodyError>,
    ) -> Result<(), BodyError> {
        self.expect(b'{')?;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            let key = self.string()?;
            self.skip_ws();
            self.expect(b':')?;
            self.skip_ws();
            field(self, key.as_bytes())?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(self.unexpected()),
            }
        }
    }

    fn top_field(&mut self, key: &[u8], fields: &mut Fields<'a>) -> Result<(), BodyError> {
        match top_key(key) {
            Key::Code(format) => {
                fields.code = self.text_value(1)?;
                fields.format = format;
            }
            Key::Message(BodyFormat::OAuth) => fields.message = self.text_value(1)?,
            Key::Message(format) => {
                fields.message = self.text_value(1)?;
                if format == BodyFormat::AiPlatform && fields.code.is_none() {
                    fields.format = format;
                }
            }
            Key::RequestId => fields.request_id = self.text_value(1)?,
            Key::LogId => fields.log_id = self.text_value(1)?,
            Key::Id => fields.id = self.text_value(1)?,
            Key::Error => match self.peek() {
                Some(b'{') => {
                    fields.format = BodyFormat::Nested;
                    self.object(|r, key| match key {
                        b"code" => r.text_value(2).map(|v| fields.code = v),
                        b"message" => r.text_value(2).map(|v| fields.message = v),
                        b"type" => r.text_value(2).map(|v| fields.error_type = v),
                        _ => r.skip_value(2),
                    })?;
                }
                _ => {
                    fields.code = self.text_value(1)?;
                    fields.format = BodyFormat::OAuth;
                }
            },
            Key::Other => self.skip_value(1)?,
        }
        Ok(())
    }

    /// A field's value: a string, or a number as its text; `None` for `null` or any
    /// other value (skipped), which is no code, message or id. `depth` is the depth of
    /// the object holding it.
    fn text_value(&mut self, depth: usize) -> Result<Option<Cow<'a, str>>, BodyError> {
        match self.peek() {
            Some(b'"') => self.string().map(Some),
            Some(b'-' | b'0'..=b'9') => self.number().map(|n| Some(Cow::Borrowed(n))),
            _ => self.skip_value(depth).map(|()| None),
        }
    }

    /// A string at the cursor; borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, BodyError> {
        let (start, end, escaped) = self.string_span()?;
        let raw = &self.text[start..end];
        Ok(if escaped {
            Cow::Owned(unescape(raw))
        } else {
            Cow::Borrowed(raw)
        })
    }

    /// Reads a string at the cursor, checking every escape; returns where its contents
    /// are and whether they hold an escape.
    fn string_span(&mut self) -> Result<(usize, usize, bool), BodyError> {
        self.expect(b'"')?;
        let start = self.pos;
        let mut escaped = false;
        loop {
            self.pos = find_special(self.bytes, self.pos);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok((start, self.pos - 1, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    self.escape()?;
                }
                // A control character (`find_special` stops at nothing else).
                Some(_) => return Err(self.err(BodyErrorKind::Syntax)),
                None => return Err(self.err(BodyErrorKind::Truncated)),
            }
        }
    }

    /// Checks the escape whose backslash was just read.
    fn escape(&mut self) -> Result<(), BodyError> {
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                match unit {
                    0xD800..=0xDBFF => {
                        // A high surrogate must be followed by an escaped low one.
                        if !self.bytes[self.pos..].starts_with(b"\\u") {
                            return Err(self.unexpected_or(BodyErrorKind::Syntax, 2));
                        }
                        self.pos += 2;
                        match self.hex4()? {
                            0xDC00..=0xDFFF => Ok(()),
                            _ => Err(self.err(BodyErrorKind::Syntax)),
                        }
                    }
                    0xDC00..=0xDFFF => Err(self.err(BodyErrorKind::Syntax)),
                    _ => Ok(()),
                }
            }
            _ => Err(self.unexpected()),
        }
    }

    /// Truncation when fewer than `need` bytes remain, else `kind`.
    fn unexpected_or(&self, kind: BodyErrorKind, need: usize) -> BodyError {
        let rest = &self.bytes[self.pos..];
        if rest.len() < need && b"\\u".starts_with(rest) {
            self.err(BodyErrorKind::Truncated)
        } else {
            self.err(kind)
        }
    }

    fn hex4(&mut self) -> Result<u32, BodyError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.err(BodyErrorKind::Truncated)),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.err(BodyErrorKind::Syntax))?,
            };
            self.pos += 1;
            v = v * 16 + d;
        }
        Ok(v)
    }

    /// A number at the cursor, by the JSON grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)?
    /// ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<&'a str, BodyError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected()),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.at_least_one_digit()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.at_least_one_digit()?;
        }
        Ok(&self.text[start..self.pos])
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    fn at_least_one_digit(&mut self) -> Result<(), BodyError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            _ => Err(self.unexpected()),
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), BodyError> {
        let rest = &self.bytes[self.pos..];
        if rest.starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else if word.starts_with(rest) {
            Err(BodyError::new(BodyErrorKind::Truncated, self.bytes.len()))
        } else {
            Err(self.err(BodyErrorKind::Syntax))
        }
    }

    /// Skips any JSON value inside containers already `depth` deep, iteratively (a
    /// hostile body cannot overflow the stack).
    fn skip_value(&mut self, depth: usize) -> Result<(), BodyError> {
        // Bit d of `objects` is set when the container opened at level d is an object.
        let mut objects: u128 = 0;
        let base = depth;
        let mut depth = depth;
        loop {
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    if depth == MAX_DEPTH {
                        return Err(self.err(BodyErrorKind::TooDeep));
                    }
                    self.pos += 1;
                    let object = open == b'{';
                    if object {
                        objects |= 1 << depth;
                    } else {
                        objects &= !(1 << depth);
                    }
                    depth += 1;
                    self.skip_ws();
                    if self.peek() == Some(if object { b'}' } else { b']' }) {
                        self.pos += 1;
                        depth -= 1;
                    } else {
                        if object {
                            self.member_key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string_span()?;
                }
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                _ => return Err(self.unexpected()),
            }
            // A value is complete: close containers, or go on to the next element.
            loop {
                if depth == base {
                    return Ok(());
                }
                let object = objects & (1 << (depth - 1)) != 0;
                self.skip_ws();
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        self.skip_ws();
                        if object {
                            self.member_key()?;
                        }
                        break;
                    }
                    Some(b'}') if object => {
                        self.pos += 1;
                        depth -= 1;
                    }
                    Some(b']') if !object => {
                        self.pos += 1;
                        depth -= 1;
                    }
                    _ => return Err(self.unexpected()),
                }
            }
        }
    }

    /// `"key":` of an object member, and the whitespace after it.
    fn member_key(&mut self) -> Result<(), BodyError> {
        self.string_span()?;
        self.skip_ws();
        self.expect(b':')?;
        self.skip_ws();
        Ok(())
    }
}

/// The index of the first `"`, `\` or control character at or after `from` (the
/// length when none), eight bytes a step.
#[inline]
fn find_special(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // A byte is flagged when it is zero after the xor (quote, backslash), or below
        // 0x20; the lowest flag is exact (borrows only reach higher bytes).
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
        let found =
            zero(w ^ QUOTES) | zero(w ^ BACKSLASHES) | (w.wrapping_sub(SPACES) & !w & HIGHS);
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return i;
        }
        i += 1;
    }
    i
}

/// The value of a string's contents whose escapes were checked by `string_span`.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let decoded = match chars.next() {
            Some('b') => '\u{8}',
            Some('f') => '\u{c}',
            Some('n') => '\n',
            Some('r') => '\r',
            Some('t') => '\t',
            Some('u') => {
                let hex = |chars: &mut std::str::Chars<'_>| {
                    let digits: String = chars.by_ref().take(4).collect();
                    u32::from_str_radix(&digits, 16).unwrap_or(0xFFFD)
                };
                let unit = hex(&mut chars);
                let unit = if (0xD800..0xDC00).contains(&unit) {
                    chars.nth(1); // the `\u` of the low surrogate, checked to be there
                    0x10000 + ((unit - 0xD800) << 10) + (hex(&mut chars) - 0xDC00)
                } else {
                    unit
                };
                char::from_u32(unit).unwrap_or('\u{FFFD}')
            }
            Some(other) => other,
            None => break,
        };
        out.push(decoded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_specials_at_every_position() {
        for n in 0..40 {
            for (at, special) in [(n, b'"'), (n, b'\\'), (n, 0x1F)] {
                let mut bytes = vec![b'a'; 40];
                bytes[at] = special;
                bytes.extend("开发".as_bytes());
                assert_eq!(find_special(&bytes, 0), at);
            }
        }
        assert_eq!(find_special("开发机".as_bytes(), 0), 9);
    }

    #[test]
    fn unescapes_surrogate_pairs() {
        assert_eq!(unescape(r"a\u00e9\ud83d\ude00\n"), "aé😀\n");
    }
}
