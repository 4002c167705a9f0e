//! A strict JSON reader that pulls the error fields out of a body without building a
//! document: `code`/`message`/`requestId` (BCE), `error_code`/`error_msg`/`log_id` (AI
//! platform), `{"error": {"code", "message", "type"}}` (Qianfan) and `error` /
//! `error_description` (the OAuth token endpoint).
//!
//! Strict as serde_json is when it reads a body into a struct of these fields (what a
//! careful user writes): the JSON grammar everywhere — numbers, escapes, literals,
//! nothing after the object but whitespace; nesting however deep, as serde_json skips
//! a value nobody asked for (iteratively: a hostile body cannot overflow the stack) — and,
//! in keys and in the values it returns, valid UTF-8 and escapes that pair their
//! surrogates; a value nobody asked for is checked for its grammar only, as serde_json
//! ignores it. Bodies of at most [`PARSE_LIMIT`](crate::PARSE_LIMIT) bytes. A
//! differential test holds it to serde_json on valid and invalid input. One rule
//! departs from serde_json's derive, on purpose: when a key appears twice — or a field
//! in two spellings (`code`, `error_code`) — the later value wins (as in
//! `serde_json::Value`), where the derive refuses the body; a body is read, not refused.
//! `null` is the same as leaving a key out; any other value that is neither text nor a
//! number (an object, a list, `true`) leaves the field without a value.
//!
//! Hand-written rather than serde_json so the runtime has no dependency by default: an
//! application that does not build serde_json already would pay for serde, its derive
//! and serde_json on every clean build (5.2 s of wall time, 9 s of CPU, debug, on the
//! machine of BENCHMARKS.md, where the runtime with every bundled enum and this reader
//! costs 0.66 s of wall time in an empty application, 0.53 s without the reader).
//! It reads every documented spelling and format in one pass, and is as fast as
//! serde_json reading the same body into owned fields (0.92× on a typical body and on
//! 4 KB, BENCHMARKS.md): the fields borrow from the body, strings are scanned eight
//! bytes at a time, and values nobody asked for are skipped without being decoded.

use std::borrow::Cow;
use std::fmt;

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
    let mut r = Reader {
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
            let key = self.key()?;
            self.skip_ws();
            self.expect(b':')?;
            self.skip_ws();
            field(self, &key)?;
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
        // `null` is the same as leaving the key out: it sets nothing.
        if self.peek() == Some(b'n') {
            return self.literal(b"null");
        }
        match top_key(key) {
            Key::Code(format) => {
                fields.code = self.text_value()?;
                fields.format = format;
            }
            Key::Message(BodyFormat::OAuth) => fields.message = self.text_value()?,
            Key::Message(format) => {
                fields.message = self.text_value()?;
                if format == BodyFormat::AiPlatform && fields.code.is_none() {
                    fields.format = format;
                }
            }
            Key::RequestId => fields.request_id = self.text_value()?,
            Key::LogId => fields.log_id = self.text_value()?,
            Key::Id => fields.id = self.text_value()?,
            Key::Error => match self.peek() {
                Some(b'{') => {
                    fields.format = BodyFormat::Nested;
                    self.object(|r, key| match key {
                        _ if r.peek() == Some(b'n') => r.literal(b"null"),
                        b"code" => r.text_value().map(|v| fields.code = v),
                        b"message" => r.text_value().map(|v| fields.message = v),
                        b"type" => r.text_value().map(|v| fields.error_type = v),
                        _ => r.skip_value(),
                    })?;
                }
                _ => {
                    fields.code = self.text_value()?;
                    fields.format = BodyFormat::OAuth;
                }
            },
            Key::Other => self.skip_value()?,
        }
        Ok(())
    }

    /// A field's value: a string, or a number as its text; `None` for any other value
    /// (skipped), which is no code, message or id.
    fn text_value(&mut self) -> Result<Option<Cow<'a, str>>, BodyError> {
        match self.peek() {
            Some(b'"') => self.string().map(Some),
            Some(b'-' | b'0'..=b'9') => self.number().map(|n| Some(Cow::Borrowed(n))),
            _ => self.skip_value().map(|()| None),
        }
    }

    /// A string at the cursor, read: valid UTF-8, surrogates paired; borrowed when it
    /// has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, BodyError> {
        let start = self.pos + 1;
        let (escaped, _) = self.skip_string(true)?;
        let raw = self.utf8(start, self.pos - 1)?;
        Ok(if escaped {
            Cow::Owned(unescape(raw))
        } else {
            Cow::Borrowed(raw)
        })
    }

    /// A key at the cursor, as bytes (keys are matched, not kept): checked as serde_json
    /// reads a key — UTF-8 (ASCII needs no check), surrogates paired — and unescaped
    /// when it holds an escape.
    fn key(&mut self) -> Result<Cow<'a, [u8]>, BodyError> {
        let start = self.pos + 1;
        let (escaped, ascii) = self.skip_string(true)?;
        let raw = &self.bytes[start..self.pos - 1];
        if escaped {
            return Ok(Cow::Owned(
                unescape(self.utf8(start, self.pos - 1)?).into_bytes(),
            ));
        }
        if !ascii {
            self.utf8(start, self.pos - 1)?;
        }
        Ok(Cow::Borrowed(raw))
    }

    fn utf8(&self, start: usize, end: usize) -> Result<&'a str, BodyError> {
        std::str::from_utf8(&self.bytes[start..end])
            .map_err(|e| BodyError::new(BodyErrorKind::InvalidUtf8, start + e.valid_up_to()))
    }

    /// Passes the string at the cursor, checking its escapes (their surrogate pairing
    /// too when `read`: a value nobody reads is checked for its grammar only, as serde_json
    /// ignores one); returns whether it holds an escape, and whether it is all ASCII.
    #[inline]
    fn skip_string(&mut self, read: bool) -> Result<(bool, bool), BodyError> {
        self.expect(b'"')?;
        let mut escaped = false;
        let mut ascii = true;
        loop {
            let (at, high) = match read {
                true => find_special::<true>(self.bytes, self.pos),
                false => find_special::<false>(self.bytes, self.pos),
            };
            self.pos = at;
            ascii &= !high;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok((escaped, ascii));
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    self.escape(read)?;
                }
                // A control character (`find_special` stops at nothing else).
                Some(_) => return Err(self.err(BodyErrorKind::Syntax)),
                None => return Err(self.err(BodyErrorKind::Truncated)),
            }
        }
    }

    /// Checks the escape whose backslash was just read.
    fn escape(&mut self, pair_surrogates: bool) -> Result<(), BodyError> {
        match self.peek() {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                if !pair_surrogates {
                    return Ok(());
                }
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

    /// A number at the cursor, read as its text.
    fn number(&mut self) -> Result<&'a str, BodyError> {
        let start = self.pos;
        self.skip_number()?;
        // Only ASCII digits, signs, `.` and `e` were passed.
        Ok(std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or_default())
    }

    /// Passes a number at the cursor, by the JSON grammar: `-? (0 | [1-9][0-9]*)
    /// (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn skip_number(&mut self) -> Result<(), BodyError> {
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
        Ok(())
    }

    #[inline]
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

    /// Skips any JSON value, iteratively (a hostile body cannot overflow the stack).
    fn skip_value(&mut self) -> Result<(), BodyError> {
        let mut depth = 0;
        let mut objects = Nesting::default();
        loop {
            match self.peek() {
                Some(open @ (b'{' | b'[')) => {
                    self.pos += 1;
                    let object = open == b'{';
                    objects.set(depth, object);
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
                    self.skip_string(false)?;
                }
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => self.skip_number()?,
                _ => return Err(self.unexpected()),
            }
            // A value is complete: close containers, or go on to the next element.
            loop {
                if depth == 0 {
                    return Ok(());
                }
                let object = objects.get(depth - 1);
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

    /// `"key":` of a member of a skipped object (its grammar only, as serde_json ignores
    /// it), and the whitespace after it.
    fn member_key(&mut self) -> Result<(), BodyError> {
        self.skip_string(false)?;
        self.skip_ws();
        self.expect(b':')?;
        self.skip_ws();
        Ok(())
    }
}

/// Whether each open container of a skipped value is an object (else an array): a bit
/// a level, the first 512 levels on the stack, deeper ones (only hostile bodies nest so)
/// in a vector.
#[derive(Default)]
struct Nesting {
    near: [u64; 8],
    far: Vec<u64>,
}

impl Nesting {
    fn set(&mut self, level: usize, object: bool) {
        let (word, bit) = (level / 64, 1u64 << (level % 64));
        let slot = match self.near.get_mut(word) {
            Some(slot) => slot,
            None => {
                let far = word - self.near.len();
                if self.far.len() <= far {
                    self.far.resize(far + 1, 0);
                }
                &mut self.far[far]
            }
        };
        if object {
            *slot |= bit;
        } else {
            *slot &= !bit;
        }
    }

    fn get(&self, level: usize) -> bool {
        let (word, bit) = (level / 64, 1u64 << (level % 64));
        let slot = match self.near.get(word) {
            Some(slot) => *slot,
            None => self.far.get(word - self.near.len()).copied().unwrap_or(0),
        };
        slot & bit != 0
    }
}

/// The index of the first `"`, `\` or control character at or after `from` (the
/// length when none), eight bytes a step; and, when `ASCII` asks, whether a byte before
/// it is not ASCII (else `false`).
#[inline]
fn find_special<const ASCII: bool>(bytes: &[u8], from: usize) -> (usize, bool) {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_ne_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_ne_bytes([b'\\'; 8]);
    const SPACES: u64 = u64::from_ne_bytes([0x20; 8]);
    let mut i = from;
    let mut high = 0;
    while i + 8 <= bytes.len() {
        let mut word = [0; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let w = u64::from_le_bytes(word);
        // A byte is flagged when it is zero after the xor (quote, backslash), or below
        // 0x20; the lowest flag is exact (borrows only reach higher bytes).
        let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
        let found =
            zero(w ^ QUOTES) | zero(w ^ BACKSLASHES) | (w.wrapping_sub(SPACES) & !w & HIGHS);
        if found != 0 {
            let at = found.trailing_zeros() / 8;
            if !ASCII {
                return (i + at as usize, false);
            }
            // The high bits of the bytes before the one found.
            let before = (1u64 << (8 * at)).wrapping_sub(1);
            return (i + at as usize, high != 0 || w & HIGHS & before != 0);
        }
        if ASCII {
            high |= w & HIGHS;
        }
        i += 8;
    }
    let mut high = high != 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return (i, high);
        }
        high |= ASCII && b >= 0x80;
        i += 1;
    }
    (i, high)
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
                // Four hex digits, checked when the string was read.
                let hex = |chars: &mut std::str::Chars<'_>| {
                    chars
                        .by_ref()
                        .take(4)
                        .fold(0, |unit, c| unit * 16 + c.to_digit(16).unwrap_or(0))
                };
                let unit = hex(&mut chars);
                let unit = if (0xD800..0xDC00).contains(&unit) {
                    // The `\u` of the low surrogate, checked to be there.
                    chars.next();
                    chars.next();
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
                assert_eq!(find_special::<true>(&bytes, 0), (at, false));
                assert_eq!(find_special::<false>(&bytes, 0), (at, false));
                // A non-ASCII byte before the special one is seen; one after it is not.
                for high in 0..40 {
                    let mut marked = bytes.clone();
                    if high != at {
                        marked[high] = 0xE5;
                        assert_eq!(
                            find_special::<true>(&marked, 0),
                            (at, high < at),
                            "{at} {high}"
                        );
                    }
                }
            }
        }
        assert_eq!(find_special::<true>("开发机".as_bytes(), 0), (9, true));
    }

    #[test]
    fn unescapes_surrogate_pairs() {
        assert_eq!(unescape(r"a\u00e9\ud83d\ude00\n"), "aé😀\n");
    }
}
