//! A small, never-panicking scanner that pulls `code`, `message` and `requestId` out of a
//! JSON error body without building a document.
//!
//! Hand-written rather than serde_json so the runtime has no dependency by default (its
//! users pay for every crate on every clean build) and so the common case — three short
//! strings without escapes — borrows from the body instead of allocating. Its results
//! are checked against serde_json by property tests.

use std::borrow::Cow;
use std::fmt;

/// Nesting deeper than this (in fields we skip) is treated as malformed.
const MAX_DEPTH: usize = 128;

/// The fields of an error body, borrowed from it where no unescaping was needed.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Fields<'a> {
    pub code: Option<Cow<'a, str>>,
    pub message: Option<Cow<'a, str>>,
    pub request_id: Option<Cow<'a, str>>,
}

/// Why a body is not a JSON object: what was expected, and the byte where it went wrong.
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
    InvalidUtf8,
    TooDeep,
    TooLarge,
}

impl BodyError {
    pub(crate) fn too_large(len: usize) -> Self {
        BodyError {
            kind: BodyErrorKind::TooLarge,
            offset: len,
        }
    }

    /// The byte offset in the body where parsing stopped.
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            BodyErrorKind::Empty => return f.write_str("the body is empty"),
            BodyErrorKind::TooLarge => {
                return write!(f, "the body is too large to parse ({} bytes)", self.offset);
            }
            BodyErrorKind::NotAnObject => "the body is not a JSON object",
            BodyErrorKind::Truncated => "the JSON body is cut off",
            BodyErrorKind::Syntax => "the body is not valid JSON",
            BodyErrorKind::InvalidUtf8 => "the JSON body is not valid UTF-8",
            BodyErrorKind::TooDeep => "the JSON body nests too deeply",
        };
        write!(f, "{what} (at byte {})", self.offset)
    }
}

impl std::error::Error for BodyError {}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Code,
    Message,
    RequestId,
    Other,
}

/// Matches the documented keys, also as some pages print them (`Code`, `RequestId`,
/// `request_id`).
pub(crate) fn field(key: &[u8]) -> Field {
    let mut norm = [0u8; 10];
    let mut n = 0;
    for &b in key {
        if b == b'_' || b == b'-' {
            continue;
        }
        if n == norm.len() {
            return Field::Other;
        }
        norm[n] = b.to_ascii_lowercase();
        n += 1;
    }
    match &norm[..n] {
        b"code" => Field::Code,
        b"message" => Field::Message,
        b"requestid" => Field::RequestId,
        _ => Field::Other,
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Scans a JSON object for the error fields. Later duplicates of a key win; `null`
/// counts as absent; a numeric `code` is kept as its text.
pub(crate) fn scan(body: &[u8]) -> Result<Fields<'_>, BodyError> {
    let mut s = Scanner {
        bytes: body,
        pos: 0,
    };
    if s.bytes.starts_with(b"\xEF\xBB\xBF") {
        s.pos = 3;
    }
    s.skip_ws();
    match s.peek() {
        None => return Err(s.err(BodyErrorKind::Empty)),
        Some(b'{') => s.pos += 1,
        Some(_) => return Err(s.err(BodyErrorKind::NotAnObject)),
    }
    let mut fields = Fields::default();
    s.skip_ws();
    if s.eat(b'}') {
        return Ok(fields);
    }
    loop {
        s.skip_ws();
        let key = s.string()?;
        s.skip_ws();
        s.expect(b':')?;
        s.skip_ws();
        let slot = match field(key.as_bytes()) {
            Field::Code => Some(&mut fields.code),
            Field::Message => Some(&mut fields.message),
            Field::RequestId => Some(&mut fields.request_id),
            Field::Other => None,
        };
        match (slot, s.peek()) {
            (Some(slot), Some(b'"')) => *slot = Some(s.string()?),
            (Some(slot), Some(b'n')) => {
                s.literal(b"null")?;
                *slot = None;
            }
            (Some(slot), Some(b'-' | b'0'..=b'9'))
                if matches!(field(key.as_bytes()), Field::Code) =>
            {
                *slot = Some(Cow::Borrowed(s.number()?));
            }
            _ => s.skip_value()?,
        }
        s.skip_ws();
        match s.next() {
            Some(b',') => continue,
            Some(b'}') => return Ok(fields),
            Some(_) => return Err(s.back_err(BodyErrorKind::Syntax)),
            None => return Err(s.err(BodyErrorKind::Truncated)),
        }
    }
}

impl<'a> Scanner<'a> {
    fn err(&self, kind: BodyErrorKind) -> BodyError {
        BodyError {
            kind,
            offset: self.pos,
        }
    }

    fn back_err(&self, kind: BodyErrorKind) -> BodyError {
        BodyError {
            kind,
            offset: self.pos.saturating_sub(1),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), BodyError> {
        match self.next() {
            Some(c) if c == b => Ok(()),
            Some(_) => Err(self.back_err(BodyErrorKind::Syntax)),
            None => Err(self.err(BodyErrorKind::Truncated)),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), BodyError> {
        let rest = &self.bytes[self.pos..];
        if rest.starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else if word.starts_with(rest) {
            Err(BodyError {
                kind: BodyErrorKind::Truncated,
                offset: self.bytes.len(),
            })
        } else {
            Err(self.err(BodyErrorKind::Syntax))
        }
    }

    fn number(&mut self) -> Result<&'a str, BodyError> {
        let start = self.pos;
        self.eat(b'-');
        while let Some(b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') = self.peek() {
            self.pos += 1;
        }
        let text = &self.bytes[start..self.pos];
        let digits = text.iter().filter(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            let kind = if self.pos == self.bytes.len() {
                BodyErrorKind::Truncated
            } else {
                BodyErrorKind::Syntax
            };
            return Err(self.err(kind));
        }
        // Only ASCII was consumed.
        Ok(std::str::from_utf8(text).unwrap_or_default())
    }

    /// A JSON string at the cursor; borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, BodyError> {
        match self.next() {
            Some(b'"') => {}
            Some(_) => return Err(self.back_err(BodyErrorKind::Syntax)),
            None => return Err(self.err(BodyErrorKind::Truncated)),
        }
        let start = self.pos;
        // Fast path: no escapes.
        loop {
            match self.next() {
                None => return Err(self.err(BodyErrorKind::Truncated)),
                Some(b'"') => return self.utf8(start, self.pos - 1).map(Cow::Borrowed),
                Some(b'\\') => break,
                Some(0x00..=0x1F) => return Err(self.back_err(BodyErrorKind::Syntax)),
                Some(_) => {}
            }
        }
        let mut out = String::from(self.utf8(start, self.pos - 1)?);
        self.pos -= 1;
        loop {
            let run = self.pos;
            loop {
                match self.peek() {
                    None => return Err(self.err(BodyErrorKind::Truncated)),
                    Some(b'"' | b'\\') => break,
                    Some(0x00..=0x1F) => return Err(self.err(BodyErrorKind::Syntax)),
                    Some(_) => self.pos += 1,
                }
            }
            out.push_str(self.utf8(run, self.pos)?);
            match self.next() {
                Some(b'"') => return Ok(Cow::Owned(out)),
                _ => out.push(self.escape()?),
            }
        }
    }

    fn utf8(&self, start: usize, end: usize) -> Result<&'a str, BodyError> {
        std::str::from_utf8(&self.bytes[start..end]).map_err(|e| BodyError {
            kind: BodyErrorKind::InvalidUtf8,
            offset: start + e.valid_up_to(),
        })
    }

    /// The character of an escape whose backslash was just consumed.
    fn escape(&mut self) -> Result<char, BodyError> {
        let c = match self.next() {
            None => return Err(self.err(BodyErrorKind::Truncated)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let hi = self.hex4()?;
                if (0xD800..0xDC00).contains(&hi) && self.bytes[self.pos..].starts_with(b"\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    let lo = self.hex4()?;
                    if (0xDC00..0xE000).contains(&lo) {
                        let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        return Ok(char::from_u32(c).unwrap_or('\u{FFFD}'));
                    }
                    self.pos = save;
                }
                char::from_u32(hi).unwrap_or('\u{FFFD}')
            }
            Some(_) => return Err(self.back_err(BodyErrorKind::Syntax)),
        };
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, BodyError> {
        let mut v = 0;
        for _ in 0..4 {
            let d = match self.next() {
                None => return Err(self.err(BodyErrorKind::Truncated)),
                Some(b) => (b as char)
                    .to_digit(16)
                    .ok_or_else(|| self.back_err(BodyErrorKind::Syntax))?,
            };
            v = v * 16 + d;
        }
        Ok(v)
    }

    /// Skips any JSON value, iteratively (a hostile body cannot overflow the stack).
    fn skip_value(&mut self) -> Result<(), BodyError> {
        // Bit d of `objects` is set when the container at depth d is an object.
        let mut objects: u128 = 0;
        let mut depth = 0usize;
        loop {
            self.skip_ws();
            match self.peek() {
                None => return Err(self.err(BodyErrorKind::Truncated)),
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
                    if self.eat(if object { b'}' } else { b']' }) {
                        depth -= 1;
                    } else {
                        if object {
                            self.member_key()?;
                        }
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(_) => return Err(self.err(BodyErrorKind::Syntax)),
            }
            // A value is complete: close containers, or go on to the next element.
            loop {
                if depth == 0 {
                    return Ok(());
                }
                let object = objects & (1 << (depth - 1)) != 0;
                self.skip_ws();
                match self.next() {
                    Some(b',') => {
                        if object {
                            self.skip_ws();
                            self.member_key()?;
                        }
                        break;
                    }
                    Some(b'}') if object => depth -= 1,
                    Some(b']') if !object => depth -= 1,
                    Some(_) => return Err(self.back_err(BodyErrorKind::Syntax)),
                    None => return Err(self.err(BodyErrorKind::Truncated)),
                }
            }
        }
    }

    /// `"key":` of an object member.
    fn member_key(&mut self) -> Result<(), BodyError> {
        self.string()?;
        self.skip_ws();
        self.expect(b':')
    }
}
