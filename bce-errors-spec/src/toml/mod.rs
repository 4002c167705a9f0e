//! Stage 2a: TOML text → a tree of values, each with the span it is written at.
//!
//! A TOML 1.1 parser, without dates and times: specs have no use for them, and one
//! written unquoted (`updated = 2025-10-16`) is an error that says to quote it. It is
//! written here rather than taken from a crate because every user of the macro
//! compiles it: it costs a fraction of a TOML crate's build (BENCHMARKS.md), and
//! `tests.rs` checks it against the TOML test suite and, input by input, against the
//! `toml-span` crate it replaced.
//!
//! What it gives [`spec_file`](crate::spec_file): a table's keys in the order written,
//! a string's span with its quotes, an `[[x]]` element's span as its header, and errors
//! that say what was expected where (a number too large, a date, an unclosed string
//! and a duplicate key are told apart, so that the reader can suggest a fix).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

#[cfg(test)]
mod tests;

/// How deep arrays, inline tables and keys may nest: deep enough for any spec, shallow
/// enough that no input overflows the stack.
const MAX_DEPTH: usize = 128;

/// A value and where it is written.
#[derive(Debug)]
pub(crate) struct Value<'a> {
    /// A string's span includes its quotes; an `[[x]]` table's is its header.
    pub(crate) span: Range<usize>,
    pub(crate) kind: Kind<'a>,
}

/// What a value is.
#[derive(Debug)]
pub(crate) enum Kind<'a> {
    String(Cow<'a, str>),
    Integer(i64),
    /// Read by the tests; specs have no float keys.
    #[cfg_attr(not(test), allow(dead_code))]
    Float(f64),
    Boolean(bool),
    Array(Array<'a>),
    Table(Table<'a>),
}

/// An array: written as a value, or made of `[[x]]` tables.
#[derive(Debug)]
pub(crate) struct Array<'a> {
    pub(crate) items: Vec<Value<'a>>,
    of_tables: bool,
}

/// A key and where it is written (with its quotes, if quoted).
#[derive(Debug, Clone)]
pub(crate) struct Key<'a> {
    pub(crate) name: Cow<'a, str>,
    pub(crate) span: Range<usize>,
}

/// A table's keys and values, in the order written.
#[derive(Debug)]
pub(crate) struct Table<'a> {
    pub(crate) entries: Vec<(Key<'a>, Value<'a>)>,
    index: HashMap<Cow<'a, str>, usize>,
    made: Made,
}

/// How a table came to be, which decides what may add keys to it later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Made {
    /// By a `[header]` or `[[header]]`, or the document itself.
    Header,
    /// As the parent of a header's table (`a` of `[a.b]`): a header may still define it.
    Implicit,
    /// By a dotted key (`a` of `a.b = 1`): more dotted keys may add to it.
    Dotted,
    /// As an inline table: closed.
    Inline,
}

/// Why a text is not TOML a spec can read, and where.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Error {
    pub(crate) span: Range<usize>,
    pub(crate) kind: ErrorKind,
    /// What is wrong, in words (without the location).
    pub(crate) message: String,
}

/// The errors told apart: those the spec reader words a fix for, and a misspelt number
/// (for the comparison with `toml-span` in the tests); the rest are
/// [`ErrorKind::Syntax`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ErrorKind {
    /// Not a number TOML reads (misspelt: `4o4`, `1.`, `+0x1`).
    Number,
    /// A decimal integer outside 64 bits; `key`: the key it is the whole value of.
    TooLarge { key: Option<String> },
    /// A date or time, which specs do not read.
    Date,
    /// A string whose line ends (`\n`) before its closing quote. (A `\r` before the
    /// closing quote is a control character in a string, a `Syntax` error.)
    UnclosedString,
    /// A key or table written twice; `first` is where it was first.
    Duplicate { first: Range<usize> },
    /// Any other mistake: the message says what was expected where.
    Syntax,
}

impl Error {
    fn new(span: Range<usize>, kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            span,
            kind,
            message: message.into(),
        }
    }
}

impl<'a> Value<'a> {
    /// The value's type, as TOML names it (`string`, `integer`, …).
    pub(crate) fn type_str(&self) -> &'static str {
        match self.kind {
            Kind::String(_) => "string",
            Kind::Integer(_) => "integer",
            Kind::Float(_) => "float",
            Kind::Boolean(_) => "boolean",
            Kind::Array(_) => "array",
            Kind::Table(_) => "table",
        }
    }

    /// The table a header's key goes through: a table, or the last of `[[x]]` tables.
    fn header_child(&mut self) -> Option<&mut Table<'a>> {
        match &mut self.kind {
            Kind::Table(t) if t.made != Made::Inline => Some(t),
            Kind::Array(a) if a.of_tables => match a.items.last_mut()?.kind {
                Kind::Table(ref mut t) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// The table a dotted key goes through: one made by dotted keys or by a header's
    /// path, never one a header defined (TOML, "Tables").
    fn dotted_child(&mut self) -> Option<&mut Table<'a>> {
        match &mut self.kind {
            Kind::Table(t) if matches!(t.made, Made::Dotted | Made::Implicit) => Some(t),
            _ => None,
        }
    }
}

impl<'a> Table<'a> {
    fn new(made: Made) -> Self {
        Table {
            entries: Vec::new(),
            index: HashMap::new(),
            made,
        }
    }

    fn find(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    fn push(&mut self, key: Key<'a>, value: Value<'a>) -> usize {
        let i = self.entries.len();
        self.index.insert(key.name.clone(), i);
        self.entries.push((key, value));
        i
    }

    /// The entry `name`, or a new table made `made` in its place.
    fn entry_or_table(&mut self, key: &Key<'a>, made: Made) -> usize {
        self.find(&key.name).unwrap_or_else(|| {
            let table = Value {
                span: key.span.clone(),
                kind: Kind::Table(Table::new(made)),
            };
            self.push(key.clone(), table)
        })
    }

    /// The table at `path` (entry indices from here, through the last of `[[x]]`).
    fn at_path(&mut self, path: &[usize]) -> Option<&mut Table<'a>> {
        let mut table = self;
        for &i in path {
            table = table.entries.get_mut(i)?.1.header_child()?;
        }
        Some(table)
    }

    /// The table `keys` name from this one, each key's table made `made` where it is
    /// new: a header's path ([`Made::Implicit`]) or a dotted key's ([`Made::Dotted`]),
    /// which go through different tables. Each key's entry index is pushed on `path`.
    fn descend(
        &mut self,
        keys: &[Key<'a>],
        made: Made,
        path: &mut Vec<usize>,
    ) -> Result<&mut Table<'a>, Error> {
        let mut table = self;
        for key in keys {
            let i = table.entry_or_table(key, made);
            let first = table.entries[i].0.span.clone();
            let value = &mut table.entries[i].1;
            let child = match made {
                Made::Dotted => value.dotted_child(),
                _ => value.header_child(),
            };
            table = child.ok_or_else(|| duplicate(key, first))?;
            path.push(i);
        }
        Ok(table)
    }

    /// Adds `keys = value`: the keys before the last go through (or make) tables.
    fn insert(&mut self, keys: Vec<Key<'a>>, value: Value<'a>) -> Result<(), Error> {
        let Some((last, parents)) = keys.split_last() else {
            return Ok(());
        };
        let table = self.descend(parents, Made::Dotted, &mut Vec::new())?;
        if let Some(i) = table.find(&last.name) {
            return Err(duplicate(last, table.entries[i].0.span.clone()));
        }
        table.push(last.clone(), value);
        Ok(())
    }
}

fn duplicate(key: &Key<'_>, first: Range<usize>) -> Error {
    Error::new(
        key.span.clone(),
        ErrorKind::Duplicate { first },
        format!("duplicate key: `{}`", key.name),
    )
}

/// Parses a TOML document into its root table.
pub(crate) fn parse(text: &str) -> Result<Table<'_>, Error> {
    // A byte order mark is not part of the document.
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut parser = Parser { text, at: bom };
    let mut root = Table::new(Made::Header);
    let mut current: Vec<usize> = Vec::new();
    loop {
        parser.blank()?;
        match parser.peek() {
            None => return Ok(root),
            Some(b'[') => {
                current = parser.header(&mut root)?;
                parser.line_end()?;
            }
            Some(_) => {
                let depth = current.len();
                let Some(table) = root.at_path(&current) else {
                    return Err(parser.error(ErrorKind::Syntax, "the current table is lost"));
                };
                parser.key_value(table, depth)?;
                parser.line_end()?;
            }
        }
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.text.as_bytes().get(i).copied()
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn eat(&mut self, b: u8) -> bool {
        let ate = self.peek() == Some(b);
        self.at += usize::from(ate);
        ate
    }

    /// An error at the current character.
    fn error(&self, kind: ErrorKind, message: impl Into<String>) -> Error {
        let width = self.rest().chars().next().map_or(0, char::len_utf8);
        Error::new(self.at..self.at + width, kind, message)
    }

    fn expected(&self, what: &str) -> Error {
        let found = match self.rest().chars().next() {
            None => "the end of the file".to_owned(),
            Some('\n' | '\r') => "a line break".to_owned(),
            Some(c) => format!("`{}`", c.escape_debug()),
        };
        self.error(ErrorKind::Syntax, format!("expected {what}, found {found}"))
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// `\r\n` (the `\r` is next).
    fn crlf(&mut self) -> Result<(), Error> {
        if self.byte(self.at + 1) != Some(b'\n') {
            return Err(self.error(
                ErrorKind::Syntax,
                "a carriage return not followed by a line feed",
            ));
        }
        self.at += 2;
        Ok(())
    }

    /// A comment, up to (not including) its line break.
    fn comment(&mut self) -> Result<(), Error> {
        self.at += 1;
        loop {
            match self.peek() {
                None | Some(b'\n') => return Ok(()),
                Some(b'\r') if self.byte(self.at + 1) == Some(b'\n') => return Ok(()),
                Some(b) if is_control(b) => {
                    return Err(self.error(ErrorKind::Syntax, "a control character in a comment"));
                }
                Some(_) => self.at += 1,
            }
        }
    }

    /// After a key/value or a header: spaces, perhaps a comment, then a line break.
    fn line_end(&mut self) -> Result<(), Error> {
        self.spaces();
        match self.peek() {
            None | Some(b'\n') => Ok(()),
            Some(b'#') => self.comment(),
            Some(b'\r') => self.crlf(),
            Some(_) => Err(self.expected("a line break")),
        }
    }

    /// Spaces, line breaks and comments, as between an array's values.
    fn blank(&mut self) -> Result<(), Error> {
        loop {
            self.spaces();
            match self.peek() {
                Some(b'\n') => self.at += 1,
                Some(b'\r') => self.crlf()?,
                Some(b'#') => self.comment()?,
                _ => return Ok(()),
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`; returns the path of the table that keys now go to.
    fn header(&mut self, root: &mut Table<'a>) -> Result<Vec<usize>, Error> {
        let start = self.at;
        self.at += 1;
        let array = self.eat(b'[');
        self.spaces();
        let keys = self.key_path(0)?;
        self.spaces();
        let close = if array { "]]" } else { "]" };
        if !self.rest().starts_with(close) {
            return Err(self.expected(&format!("`{close}` to close the header")));
        }
        self.at += close.len();
        let span = start..self.at;
        let mut path = Vec::with_capacity(keys.len());
        let Some((last, parents)) = keys.split_last() else {
            return Ok(path);
        };
        let table = root.descend(parents, Made::Implicit, &mut path)?;
        let defined = Value {
            span: span.clone(),
            kind: Kind::Table(Table::new(Made::Header)),
        };
        let i = match table.find(&last.name) {
            None if array => {
                let items = vec![defined];
                let tables = Kind::Array(Array {
                    items,
                    of_tables: true,
                });
                table.push(last.clone(), Value { span, kind: tables })
            }
            None => table.push(last.clone(), defined),
            Some(i) => {
                let (key, value) = &mut table.entries[i];
                match (&mut value.kind, array) {
                    (Kind::Table(t), false) if t.made == Made::Implicit => {
                        t.made = Made::Header;
                        value.span = span;
                    }
                    (Kind::Array(a), true) if a.of_tables => a.items.push(defined),
                    (Kind::Table(t), false) if t.made == Made::Header => {
                        let first = value.span.clone();
                        let message = format!("duplicate table: `{}`", last.name);
                        return Err(Error::new(span, ErrorKind::Duplicate { first }, message));
                    }
                    _ => return Err(duplicate(last, key.span.clone())),
                }
                i
            }
        };
        path.push(i);
        Ok(path)
    }

    /// `a.b = value`, added to `table`.
    fn key_value(&mut self, table: &mut Table<'a>, depth: usize) -> Result<(), Error> {
        let keys = self.key_path(depth)?;
        self.spaces();
        if !self.eat(b'=') {
            return Err(self.expected("`=` after the key"));
        }
        self.spaces();
        let start = self.at;
        let value = self.value(depth + keys.len()).map_err(|mut e| {
            if let (ErrorKind::TooLarge { key }, true) = (&mut e.kind, e.span.start == start) {
                *key = keys.last().map(|k| k.name.to_string());
            }
            e
        })?;
        table.insert(keys, value)
    }

    /// `a`, `a.b`, `"a b".c`: one or more keys joined by dots.
    fn key_path(&mut self, depth: usize) -> Result<Vec<Key<'a>>, Error> {
        let mut keys = vec![self.key()?];
        loop {
            self.spaces();
            if !self.eat(b'.') {
                return Ok(keys);
            }
            self.spaces();
            if depth + keys.len() >= MAX_DEPTH {
                return Err(self.too_deep());
            }
            keys.push(self.key()?);
        }
    }

    fn key(&mut self) -> Result<Key<'a>, Error> {
        let start = self.at;
        let name = match self.peek() {
            Some(b'"' | b'\'') => {
                if self.rest().starts_with("\"\"\"") || self.rest().starts_with("'''") {
                    return Err(self.error(ErrorKind::Syntax, "a key is not a multi-line string"));
                }
                self.one_line_string()?
            }
            _ => {
                while self.peek().is_some_and(is_bare) {
                    self.at += 1;
                }
                if self.at == start {
                    return Err(self.expected("a key"));
                }
                Cow::Borrowed(&self.text[start..self.at])
            }
        };
        Ok(Key {
            name,
            span: start..self.at,
        })
    }

    fn too_deep(&self) -> Error {
        let message = format!(
            "the nesting depth is over {MAX_DEPTH} (arrays, inline tables and dotted keys)"
        );
        self.error(ErrorKind::Syntax, message)
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, Error> {
        if depth >= MAX_DEPTH {
            return Err(self.too_deep());
        }
        let start = self.at;
        let kind = match self.peek() {
            Some(b'"' | b'\'') => Kind::String(self.string()?),
            Some(b'[') => Kind::Array(self.array(depth)?),
            Some(b'{') => Kind::Table(self.inline_table(depth)?),
            Some(b't') if self.word_is("true") => {
                self.at += 4;
                Kind::Boolean(true)
            }
            Some(b'f') if self.word_is("false") => {
                self.at += 5;
                Kind::Boolean(false)
            }
            Some(b) if b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'i' | b'n') => {
                self.number()?
            }
            Some(b) if is_bare(b) => return Err(self.unquoted()),
            _ => return Err(self.expected("a value")),
        };
        Ok(Value {
            span: start..self.at,
            kind,
        })
    }

    /// Whether the next word is `word` (not a longer one).
    fn word_is(&self, word: &str) -> bool {
        self.rest().starts_with(word) && !self.byte(self.at + word.len()).is_some_and(is_bare)
    }

    /// A word where a value goes (`code = NoSuchNat`, `retry = True`): unquoted text.
    fn unquoted(&self) -> Error {
        let word = self.rest().bytes().take_while(|&b| is_bare(b)).count();
        Error::new(
            self.at..self.at + word,
            ErrorKind::Syntax,
            format!(
                "`{}` is not a value: text is quoted",
                &self.text[self.at..self.at + word]
            ),
        )
    }

    fn array(&mut self, depth: usize) -> Result<Array<'a>, Error> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.blank()?;
            if self.eat(b']') {
                break;
            }
            items.push(self.value(depth + 1)?);
            self.blank()?;
            if self.eat(b']') {
                break;
            }
            if !self.eat(b',') {
                return Err(self.expected("`,` or `]` in the array"));
            }
        }
        Ok(Array {
            items,
            of_tables: false,
        })
    }

    /// `{ a = 1, b.c = 2 }`, over one line or several, with or without a comma after
    /// the last value.
    fn inline_table(&mut self, depth: usize) -> Result<Table<'a>, Error> {
        self.at += 1;
        let mut table = Table::new(Made::Inline);
        loop {
            self.blank()?;
            if self.eat(b'}') {
                break;
            }
            self.key_value(&mut table, depth + 1)?;
            self.blank()?;
            if self.eat(b'}') {
                break;
            }
            if !self.eat(b',') {
                return Err(self.expected("`,` or `}` in the inline table"));
            }
        }
        Ok(table)
    }

    fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.rest().starts_with("\"\"\"") || self.rest().starts_with("'''") {
            self.multi_line_string()
        } else {
            self.one_line_string()
        }
    }

    /// `"…"` with escapes, or `'…'` without.
    fn one_line_string(&mut self) -> Result<Cow<'a, str>, Error> {
        let quote = self.peek();
        self.at += 1;
        let mut text = Text::new(self.at);
        loop {
            match self.peek() {
                None | Some(b'\n') => {
                    return Err(self.error(
                        ErrorKind::UnclosedString,
                        "the string is not closed on its line",
                    ));
                }
                Some(b) if Some(b) == quote => {
                    let s = text.finish(self.text, self.at);
                    self.at += 1;
                    return Ok(s);
                }
                Some(b'\\') if quote == Some(b'"') => {
                    text.take(self.text, self.at);
                    let c = self.escape()?;
                    text.push(c, self.at);
                }
                Some(b) if is_control(b) => return Err(self.control_in_string()),
                Some(_) => self.at += 1,
            }
        }
    }

    /// `"""…"""` with escapes, or `'''…'''` without; may hold line breaks and up to two
    /// quotes in a row.
    fn multi_line_string(&mut self) -> Result<Cow<'a, str>, Error> {
        let quote = self.peek();
        let start = self.at;
        self.at += 3;
        // A line break right after the opening quotes is not part of the text.
        if self.rest().starts_with('\n') {
            self.at += 1;
        } else if self.rest().starts_with("\r\n") {
            self.at += 2;
        }
        let mut text = Text::new(self.at);
        loop {
            match self.peek() {
                None => {
                    return Err(Error::new(
                        start..start + 3,
                        ErrorKind::Syntax,
                        "the multi-line string is not closed",
                    ));
                }
                Some(b) if Some(b) == quote && self.closes(b) => {
                    let mut run = 3;
                    while self.byte(self.at + run) == quote {
                        run += 1;
                    }
                    if run > 5 {
                        self.at += 5;
                        return Err(self.expected("at most five quotes in a row"));
                    }
                    let s = text.finish(self.text, self.at + run - 3);
                    self.at += run;
                    return Ok(s);
                }
                Some(b'\\') if quote == Some(b'"') => {
                    text.take(self.text, self.at);
                    if self.line_ending_backslash() {
                        text.skip(self.at);
                    } else {
                        let c = self.escape()?;
                        text.push(c, self.at);
                    }
                }
                Some(b'\n') => self.at += 1,
                // A `\r\n` reads as `\n`, so that a checkout with Windows line ends
                // gives the same text.
                Some(b'\r') => {
                    text.take(self.text, self.at);
                    self.crlf()?;
                    text.push('\n', self.at);
                }
                Some(b) if is_control(b) => return Err(self.control_in_string()),
                Some(_) => self.at += 1,
            }
        }
    }

    fn closes(&self, quote: u8) -> bool {
        self.byte(self.at + 1) == Some(quote) && self.byte(self.at + 2) == Some(quote)
    }

    /// A `\` that ends its line (spaces may follow it): it and every space and line
    /// break after it are skipped.
    fn line_ending_backslash(&mut self) -> bool {
        let mut i = self.at + 1;
        while matches!(self.byte(i), Some(b' ' | b'\t')) {
            i += 1;
        }
        if !(self.byte(i) == Some(b'\n') || self.text[i..].starts_with("\r\n")) {
            return false;
        }
        while matches!(self.byte(i), Some(b' ' | b'\t' | b'\n'))
            || self.text[i..].starts_with("\r\n")
        {
            i += 1;
        }
        self.at = i;
        true
    }

    fn control_in_string(&self) -> Error {
        self.error(
            ErrorKind::Syntax,
            "a control character in a string: write it as an escape, e.g. \\t or \\u001B",
        )
    }

    /// The character a `\` escape stands for (`\` is next).
    fn escape(&mut self) -> Result<char, Error> {
        let start = self.at;
        let c = match self.byte(start + 1) {
            Some(b'b') => '\u{8}',
            Some(b't') => '\t',
            Some(b'n') => '\n',
            Some(b'f') => '\u{c}',
            Some(b'r') => '\r',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'e') => '\u{1b}',
            Some(b'x') => return self.unicode_escape(2),
            Some(b'u') => return self.unicode_escape(4),
            Some(b'U') => return self.unicode_escape(8),
            _ => {
                let written = self.text[start..].chars().take(2).collect::<String>();
                return Err(Error::new(
                    start..start + written.len(),
                    ErrorKind::Syntax,
                    format!(
                        "`{}` is not an escape TOML knows (\\b \\t \\n \\f \\r \\e \\\" \\\\ \\xXX \\uXXXX \\UXXXXXXXX)",
                        written.escape_debug()
                    ),
                ));
            }
        };
        self.at += 2;
        Ok(c)
    }

    /// `\xXX`, `\uXXXX` or `\UXXXXXXXX`: `digits` hex digits naming a Unicode scalar
    /// value.
    fn unicode_escape(&mut self, digits: usize) -> Result<char, Error> {
        let start = self.at;
        let end = start + 2 + digits;
        let hex = self.text.get(start + 2..end).unwrap_or("");
        let c = (hex.len() == digits && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten()
            .and_then(char::from_u32);
        let Some(c) = c else {
            return Err(Error::new(
                start..end.min(self.text.len()),
                ErrorKind::Syntax,
                format!(
                    "a \\{} escape takes {digits} hex digits naming a Unicode scalar value",
                    &self.text[start + 1..start + 2]
                ),
            ));
        };
        self.at = end;
        Ok(c)
    }

    /// An integer or a float; a date or time is an error of its own.
    fn number(&mut self) -> Result<Kind<'a>, Error> {
        let start = self.at;
        let mut end = start + token_len(&self.text[start..]);
        let token = &self.text[start..end];
        if is_date_or_time(token) {
            // A date and a time may be joined by a space.
            let time = self.text[end..]
                .strip_prefix(' ')
                .filter(|t| is_date_or_time(t));
            if let Some(time) = time {
                end += 1 + token_len(time);
            }
            return Err(Error::new(
                start..end,
                ErrorKind::Date,
                format!("`{}` is a date or time", &self.text[start..end]),
            ));
        }
        let kind = match integer(token) {
            Ok(n) => Kind::Integer(n),
            Err(NotInteger::TooLarge) => {
                let kind = ErrorKind::TooLarge { key: None };
                return Err(Error::new(
                    start..end,
                    kind,
                    "the integer is too large for 64 bits",
                ));
            }
            Err(NotInteger::Invalid) => match float(token) {
                Some(f) => Kind::Float(f),
                None if token.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                    return Err(self.unquoted());
                }
                None => return Err(Error::new(start..end, ErrorKind::Number, "invalid number")),
            },
        };
        self.at = end;
        Ok(kind)
    }
}

/// A string's text as it is read: borrowed from the document until an escape needs
/// an owned copy.
struct Text {
    owned: Option<String>,
    /// Where the text not yet copied starts.
    run: usize,
}

impl Text {
    fn new(at: usize) -> Self {
        Text {
            owned: None,
            run: at,
        }
    }

    /// Copies the text from the last escape up to `at`.
    fn take(&mut self, document: &str, at: usize) {
        self.owned
            .get_or_insert_with(String::new)
            .push_str(&document[self.run..at]);
    }

    /// Adds an escape's character; the text resumes at `at`.
    fn push(&mut self, c: char, at: usize) {
        self.owned.get_or_insert_with(String::new).push(c);
        self.run = at;
    }

    /// Skips to `at` (a line-ending backslash).
    fn skip(&mut self, at: usize) {
        self.run = at;
    }

    fn finish(mut self, document: &str, end: usize) -> Cow<'_, str> {
        match self.owned.take() {
            None => Cow::Borrowed(&document[self.run..end]),
            Some(mut s) => {
                s.push_str(&document[self.run..end]);
                Cow::Owned(s)
            }
        }
    }
}

/// A character of a bare key (`A-Za-z0-9_-`).
fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// A control character TOML allows in no string or comment (tab aside).
fn is_control(b: u8) -> bool {
    (b < 0x20 && b != b'\t') || b == 0x7f
}

fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_+-.:".contains(c)
}

/// The length of the number, date or time `text` starts with (its token characters).
fn token_len(text: &str) -> usize {
    text.len() - text.trim_start_matches(is_token_char).len()
}

/// Whether `token` starts like a date (`2025-10-16`) or a time (`07:32:00`).
fn is_date_or_time(token: &str) -> bool {
    let b = token.as_bytes();
    let digits = |r: Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    (digits(0..4) && b.get(4) == Some(&b'-')) || (digits(0..2) && b.get(2) == Some(&b':'))
}

/// Why a token is not a TOML integer.
#[derive(Debug, PartialEq)]
enum NotInteger {
    /// Not written as one (it may be a float).
    Invalid,
    /// A decimal integer outside 64 bits.
    TooLarge,
}

/// A TOML integer: decimal with an optional sign and no leading zero, or `0x`, `0o`,
/// `0b` without a sign; `_` only between digits; within 64 bits. Only a decimal one is
/// told apart as too large (a hexadecimal, octal or binary one over 64 bits is
/// `Invalid`).
fn integer(token: &str) -> Result<i64, NotInteger> {
    let (radix, sign, digits) = match token.get(..2) {
        Some("0x") => (16, "", &token[2..]),
        Some("0o") => (8, "", &token[2..]),
        Some("0b") => (2, "", &token[2..]),
        _ => {
            let (sign, digits) = split_sign(token);
            if digits.len() > 1 && digits.starts_with('0') {
                return Err(NotInteger::Invalid);
            }
            (10, sign, digits)
        }
    };
    if !digits_ok(digits, radix) {
        return Err(NotInteger::Invalid);
    }
    let clean: String = sign
        .chars()
        .chain(digits.chars().filter(|&c| c != '_'))
        .collect();
    // Digits checked: only a number outside 64 bits is refused here.
    i64::from_str_radix(&clean, radix).map_err(|_| match radix {
        10 => NotInteger::TooLarge,
        _ => NotInteger::Invalid,
    })
}

/// A TOML float: an integer part (no leading zero), then a fraction, an exponent or
/// both, within 64 bits; or `inf` and `nan` with an optional sign.
fn float(token: &str) -> Option<f64> {
    let (sign, body) = split_sign(token);
    let negative = sign == "-";
    match body {
        "inf" => {
            return Some(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        "nan" => return Some(if negative { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    let int_end = body.find(['.', 'e', 'E']).unwrap_or(body.len());
    let (int, mut rest) = body.split_at(int_end);
    if !digits_ok(int, 10) || (int.len() > 1 && int.starts_with('0')) || rest.is_empty() {
        return None;
    }
    if let Some(after_dot) = rest.strip_prefix('.') {
        let frac_end = after_dot.find(['e', 'E']).unwrap_or(after_dot.len());
        if !digits_ok(&after_dot[..frac_end], 10) {
            return None;
        }
        rest = &after_dot[frac_end..];
    }
    if !rest.is_empty() {
        let exponent = split_sign(&rest[1..]).1;
        if !digits_ok(exponent, 10) {
            return None;
        }
    }
    let clean: String = token.chars().filter(|&c| c != '_').collect();
    // A literal too large for 64 bits is refused, not read as infinity.
    clean.parse().ok().filter(|f: &f64| f.is_finite())
}

fn split_sign(token: &str) -> (&str, &str) {
    match token.as_bytes().first() {
        Some(b'+' | b'-') => token.split_at(1),
        _ => ("", token),
    }
}

/// Digits of `radix`, with each `_` between two of them.
fn digits_ok(digits: &str, radix: u32) -> bool {
    !digits.is_empty()
        && !digits.starts_with('_')
        && !digits.ends_with('_')
        && !digits.contains("__")
        && digits.chars().all(|c| c == '_' || c.is_digit(radix))
}
