//! A TOML document as a tree that keeps the byte range of every key and value.
//!
//! The tree is built from the events of `toml_parser`, the lexer and parser the `toml`
//! crate runs, with the table rules `toml` applies on top of them (ported from its
//! `de::parser`): a table is defined once; `[headers]` and dotted keys do not extend each
//! other's tables; inline tables are closed; `[[name]]` appends to an array of tables.
//! Reading events directly keeps `toml` and `serde_spanned` out of every user's build (see
//! BENCHMARKS.md); a differential test checks this tree against `toml`'s on arbitrary
//! documents.

use std::borrow::Cow;
use std::ops::Range;

use toml_parser::decoder::ScalarKind;
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, Expected, ParseError, Source, Span};

/// Nesting deeper than this is an error (as in `toml`), so building never overflows.
const DEPTH_LIMIT: u32 = 80;

/// A value or key with the byte range it was read from.
#[derive(Clone)]
pub(crate) struct Spanned<T> {
    pub(crate) value: T,
    pub(crate) span: Range<usize>,
}

/// A TOML value.
pub(crate) enum Value {
    String(String),
    /// The digits without prefix or underscores, in `radix`.
    Integer {
        digits: String,
        radix: u32,
    },
    /// No spec field takes a float or a boolean: only the type is kept, for messages.
    Float,
    Boolean,
    /// The date-time, as `toml_datetime` writes it.
    Datetime(String),
    Array {
        items: Vec<Spanned<Value>>,
        of_tables: bool,
    },
    Table(Table),
}

impl Value {
    /// The type's name in messages (`toml`'s names).
    pub(crate) fn type_str(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer { .. } => "integer",
            Value::Float => "float",
            Value::Boolean => "boolean",
            Value::Datetime(_) => "datetime",
            Value::Array { .. } => "array",
            Value::Table(_) => "table",
        }
    }
}

/// A table: its entries in the order they were first written.
#[derive(Default)]
pub(crate) struct Table {
    entries: Vec<(Spanned<String>, Spanned<Value>)>,
    /// Created on the way to another table, not (yet) by its own header.
    implicit: bool,
    /// Created by a dotted key.
    dotted: bool,
    /// Written `{ ... }`: closed to everything outside the braces.
    inline: bool,
}

impl Table {
    /// The entries, in the order they were first written.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&Spanned<String>, &Spanned<Value>)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    fn position(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| k.value == key)
    }
}

/// The first problem in a document: its message and byte range.
#[derive(Debug, PartialEq)]
pub(crate) struct Error {
    pub(crate) message: String,
    pub(crate) span: Range<usize>,
}

/// Parses a whole document; the first problem (syntax, then tables) is the error.
pub(crate) fn parse(text: &str) -> Result<Table, Error> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut events = Vec::with_capacity(tokens.len());
    let mut error: Option<ParseError> = None;
    {
        let mut receiver = ValidateWhitespace::new(&mut events, source);
        let mut receiver = RecursionGuard::new(&mut receiver, DEPTH_LIMIT);
        toml_parser::parser::parse_document(&tokens, &mut receiver, &mut error);
    }
    let mut builder = Builder {
        source,
        events: &events,
        at: 0,
        error,
    };
    let root = builder.document();
    match builder.error {
        None => Ok(root),
        Some(e) => Err(Error {
            message: message(&e),
            span: e.unexpected().map_or(0..0, |s| s.start()..s.end()),
        }),
    }
}

/// `toml`'s wording: the description, then what was expected.
fn message(error: &ParseError) -> String {
    let mut message = error.description().to_owned();
    if let Some(expected) = error.expected() {
        message.push_str(", expected ");
        if expected.is_empty() {
            message.push_str("nothing");
        }
        for (i, expected) in expected.iter().enumerate() {
            if i != 0 {
                message.push_str(", ");
            }
            match expected {
                Expected::Literal("\n") => message.push_str("newline"),
                Expected::Literal("`") => message.push_str("'`'"),
                Expected::Literal(s) if s.chars().all(|c| c.is_ascii_control()) => {
                    message.push_str(&format!("`{}`", s.escape_debug()));
                }
                Expected::Literal(s) => message.push_str(&format!("`{s}`")),
                Expected::Description(s) => message.push_str(s),
                _ => message.push_str("etc"),
            }
        }
    }
    message
}

fn duplicate_key(errors: &mut dyn ErrorSink, key: &Range<usize>) {
    errors.report_error(ParseError::new("duplicate key").with_unexpected(span(key)));
}

fn span(range: &Range<usize>) -> Span {
    Span::new_unchecked(range.start, range.end)
}

/// Walks the events once, building the tree.
struct Builder<'s, 'e> {
    source: Source<'s>,
    events: &'e [Event],
    at: usize,
    /// The first error reported, by the parser or while building.
    error: Option<ParseError>,
}

/// A `[table]` or `[[table]]` header: the path to the parent, the last key.
struct Header {
    path: Vec<Spanned<String>>,
    key: Option<Spanned<String>>,
    span: Range<usize>,
    is_array: bool,
}

/// The document being built: the root, and the table the current header opened.
#[derive(Default)]
struct Document {
    root: Table,
    current: Table,
    header: Option<Header>,
}

impl Builder<'_, '_> {
    fn next(&mut self) -> Option<Event> {
        let event = self.events.get(self.at).copied();
        self.at += usize::from(event.is_some());
        event
    }

    fn peek(&self, ahead: usize) -> Option<EventKind> {
        self.events.get(self.at + ahead).map(Event::kind)
    }

    fn document(&mut self) -> Table {
        let mut doc = Document::default();
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::StdTableOpen | EventKind::ArrayTableOpen => {
                    doc.finish_table(&mut self.error);
                    let header = self.header(event);
                    doc.start_table(header, &mut self.error);
                }
                EventKind::SimpleKey => {
                    let (path, key) = self.key(event);
                    let Some(key) = key else { break };
                    let Some(mut next) = self.next() else { break };
                    if next.kind() == EventKind::Whitespace {
                        match self.next() {
                            Some(event) => next = event,
                            None => break,
                        }
                    }
                    if next.kind() != EventKind::KeyValSep {
                        break;
                    }
                    if self.peek(0) == Some(EventKind::Whitespace) {
                        self.next();
                    }
                    let value = self.value();
                    doc.key_value(path, key, value, &mut self.error);
                }
                // Whitespace and comments; anything else the parser has reported.
                _ => {}
            }
        }
        doc.finish_table(&mut self.error);
        doc.root
    }

    fn header(&mut self, open: Event) -> Header {
        let mut header = Header {
            path: Vec::new(),
            key: None,
            span: open.span().start()..open.span().end(),
            is_array: open.kind() == EventKind::ArrayTableOpen,
        };
        while let Some(event) = self.next() {
            match event.kind() {
                EventKind::StdTableClose | EventKind::ArrayTableClose => {
                    header.span.end = event.span().end();
                    break;
                }
                EventKind::SimpleKey => (header.path, header.key) = self.key(event),
                _ => {}
            }
        }
        header
    }

    /// A simple or dotted key: the keys before the last, and the last.
    fn key(&mut self, first: Event) -> (Vec<Spanned<String>>, Option<Spanned<String>>) {
        let mut path = Vec::new();
        let mut last = None;
        let mut current = Some(first);
        if self.more_key() {
            while let Some(event) = self.next() {
                match event.kind() {
                    EventKind::SimpleKey => {
                        current = Some(event);
                        if !self.more_key() {
                            break;
                        }
                    }
                    EventKind::KeySep => self.close_key(&mut current, &mut path, &mut last),
                    _ => {}
                }
            }
        }
        self.close_key(&mut current, &mut path, &mut last);
        if path.len() >= DEPTH_LIMIT as usize {
            self.error.report_error(ParseError::new("recursion limit"));
            return (Vec::new(), None);
        }
        (path, last)
    }

    fn more_key(&self) -> bool {
        match self.peek(0) {
            Some(EventKind::KeySep) => true,
            Some(EventKind::Whitespace) => self.peek(1) == Some(EventKind::KeySep),
            _ => false,
        }
    }

    fn close_key(
        &mut self,
        current: &mut Option<Event>,
        path: &mut Vec<Spanned<String>>,
        last: &mut Option<Spanned<String>>,
    ) {
        let Some(event) = current.take() else { return };
        let Some(raw) = self.source.get(event) else {
            return;
        };
        let mut decoded = Cow::Borrowed("");
        raw.decode_key(&mut decoded, &mut self.error);
        let key = Spanned {
            value: decoded.into_owned(),
            span: event.span().start()..event.span().end(),
        };
        path.extend(last.replace(key));
    }

    fn value(&mut self) -> Spanned<Value> {
        let value = self.next().and_then(|event| self.value_at(event));
        // A missing value, which the parser has reported.
        value.unwrap_or(Spanned {
            value: Value::Integer {
                digits: String::new(),
                radix: 10,
            },
            span: 0..0,
        })
    }

    /// The value `event` opens, if it opens one.
    fn value_at(&mut self, event: Event) -> Option<Spanned<Value>> {
        match event.kind() {
            EventKind::InlineTableOpen => Some(self.inline_table(event)),
            EventKind::ArrayOpen => Some(self.array(event)),
            EventKind::Scalar => Some(self.scalar(event)),
            _ => None,
        }
    }

    fn scalar(&mut self, event: Event) -> Spanned<Value> {
        let span = event.span().start()..event.span().end();
        let mut decoded = Cow::Borrowed("");
        let kind = match self.source.get(event) {
            Some(raw) => raw.decode_scalar(&mut decoded, &mut self.error),
            None => ScalarKind::String,
        };
        let value = match kind {
            ScalarKind::String => Value::String(decoded.into_owned()),
            ScalarKind::Boolean(_) => Value::Boolean,
            ScalarKind::DateTime => match decoded.parse::<toml_datetime::Datetime>() {
                Ok(datetime) => Value::Datetime(datetime.to_string()),
                Err(e) => {
                    self.error
                        .report_error(ParseError::new(e.to_string()).with_unexpected(event.span()));
                    Value::Datetime(decoded.into_owned())
                }
            },
            ScalarKind::Float => Value::Float,
            ScalarKind::Integer(radix) => Value::Integer {
                digits: decoded.into_owned(),
                radix: radix.value(),
            },
        };
        Spanned { value, span }
    }

    fn array(&mut self, open: Event) -> Spanned<Value> {
        let mut items = Vec::new();
        let mut current = None;
        let mut end = open.span().end();
        while let Some(event) = self.next() {
            end = event.span().end();
            match event.kind() {
                EventKind::StdTableOpen
                | EventKind::ArrayTableOpen
                | EventKind::InlineTableClose
                | EventKind::SimpleKey
                | EventKind::KeySep
                | EventKind::KeyValSep
                | EventKind::StdTableClose
                | EventKind::ArrayTableClose => break,
                EventKind::InlineTableOpen | EventKind::ArrayOpen | EventKind::Scalar => {
                    current = self.value_at(event);
                }
                EventKind::ValueSep => items.extend(current.take()),
                EventKind::ArrayClose => {
                    items.extend(current.take());
                    break;
                }
                _ => {}
            }
        }
        Spanned {
            value: Value::Array {
                items,
                of_tables: false,
            },
            span: open.span().start()..end,
        }
    }

    fn inline_table(&mut self, open: Event) -> Spanned<Value> {
        let mut table = Table {
            inline: true,
            ..Table::default()
        };
        let mut key = None;
        let mut value = None;
        let mut end = open.span().end();
        while let Some(event) = self.next() {
            end = event.span().end();
            match event.kind() {
                EventKind::StdTableOpen
                | EventKind::ArrayTableOpen
                | EventKind::StdTableClose
                | EventKind::ArrayClose
                | EventKind::ArrayTableClose
                | EventKind::KeySep => break,
                EventKind::SimpleKey => {
                    if let (path, Some(last)) = self.key(event) {
                        key = Some((path, last));
                    }
                }
                EventKind::InlineTableOpen | EventKind::ArrayOpen | EventKind::Scalar => {
                    value = self.value_at(event);
                }
                EventKind::ValueSep => {
                    inline_entry(&mut table, key.take(), value.take(), &mut self.error);
                }
                EventKind::InlineTableClose => {
                    inline_entry(&mut table, key.take(), value.take(), &mut self.error);
                    break;
                }
                _ => {}
            }
        }
        Spanned {
            value: Value::Table(table),
            span: open.span().start()..end,
        }
    }
}

/// Adds `path.key = value` to an inline table.
fn inline_entry(
    table: &mut Table,
    key: Option<(Vec<Spanned<String>>, Spanned<String>)>,
    value: Option<Spanned<Value>>,
    errors: &mut dyn ErrorSink,
) {
    let (Some((path, key)), Some(value)) = (key, value) else {
        return;
    };
    let Some(table) = descend(table, &path, true, true, errors) else {
        return;
    };
    if table.dotted == path.is_empty() {
        duplicate_key(errors, &key.span);
    } else {
        insert_new(table, key, value, errors);
    }
}

/// Adds an entry, or reports the key as a duplicate.
fn insert_new(
    table: &mut Table,
    key: Spanned<String>,
    value: Spanned<Value>,
    errors: &mut dyn ErrorSink,
) {
    match table.position(&key.value) {
        Some(old) => errors.report_error(
            ParseError::new("duplicate key")
                .with_unexpected(span(&key.span))
                .with_context(span(&table.entries[old].0.span)),
        ),
        None => table.entries.push((key, value)),
    }
}

/// Follows `path` down from `table`, creating implicit tables on the way and entering
/// the last table of an array of tables; `None` (with an error) where a value other
/// than an open table is in the way.
fn descend<'t>(
    mut table: &'t mut Table,
    path: &[Spanned<String>],
    dotted: bool,
    in_inline: bool,
    errors: &mut dyn ErrorSink,
) -> Option<&'t mut Table> {
    for key in path {
        let i = match table.position(&key.value) {
            Some(i) => i,
            None => {
                let child = Table {
                    implicit: true,
                    dotted,
                    inline: in_inline,
                    ..Table::default()
                };
                let value = Spanned {
                    value: Value::Table(child),
                    span: key.span.clone(),
                };
                table.entries.push((key.clone(), value));
                table.entries.len() - 1
            }
        };
        let old = &table.entries[i].1;
        let cannot_extend = |what: &str| {
            ParseError::new(format!(
                "cannot extend value of type {what} with a dotted key"
            ))
            .with_unexpected(span(&key.span))
            .with_context(span(&old.span))
        };
        let problem = match &old.value {
            Value::Array {
                items,
                of_tables: true,
            } if !in_inline => match items.last().map(|t| &t.value) {
                Some(Value::Table(_)) => None,
                other => Some(cannot_extend(other.map_or("array", Value::type_str))),
            },
            Value::Table(child) if child.inline && !in_inline => Some(
                ParseError::new("cannot extend value of type inline table with a dotted key")
                    .with_unexpected(span(&key.span)),
            ),
            // "Dotted keys [cannot] redefine tables already defined in [table] form."
            Value::Table(child) if dotted && !child.implicit => {
                Some(ParseError::new("duplicate key").with_unexpected(span(&key.span)))
            }
            Value::Table(_) => None,
            other => Some(cannot_extend(other.type_str())),
        };
        if let Some(problem) = problem {
            errors.report_error(problem);
            return None;
        }
        table = match &mut table.entries[i].1.value {
            Value::Array { items, .. } => match items.last_mut() {
                Some(Spanned {
                    value: Value::Table(last),
                    ..
                }) => last,
                _ => return None,
            },
            Value::Table(child) => {
                if dotted && !in_inline {
                    child.dotted = true;
                }
                child
            }
            _ => return None,
        };
    }
    Some(table)
}

impl Document {
    fn key_value(
        &mut self,
        path: Vec<Spanned<String>>,
        key: Spanned<String>,
        value: Spanned<Value>,
        errors: &mut dyn ErrorSink,
    ) {
        let dotted = !path.is_empty();
        let Some(parent) = descend(&mut self.current, &path, dotted, false, errors) else {
            return;
        };
        if dotted && !parent.implicit {
            duplicate_key(errors, &key.span);
            return;
        }
        insert_new(parent, key, value, errors);
    }

    /// Puts the table the current header opened in its place.
    fn finish_table(&mut self, errors: &mut dyn ErrorSink) {
        let table = std::mem::take(&mut self.current);
        let Some(header) = self.header.take() else {
            self.root = table;
            return;
        };
        let Some(key) = header.key else { return };
        let value = Spanned {
            value: Value::Table(table),
            span: header.span.clone(),
        };
        let Some(parent) = descend(&mut self.root, &header.path, false, false, errors) else {
            return;
        };
        if !header.is_array {
            match parent.position(&key.value) {
                Some(i) => parent.entries[i].1 = value,
                None => parent.entries.push((key, value)),
            }
            return;
        }
        let i = parent.position(&key.value).unwrap_or_else(|| {
            let array = Value::Array {
                items: Vec::new(),
                of_tables: true,
            };
            let array = Spanned {
                value: array,
                span: header.span.clone(),
            };
            parent.entries.push((key.clone(), array));
            parent.entries.len() - 1
        });
        let old = &mut parent.entries[i].1;
        match &mut old.value {
            Value::Array {
                items,
                of_tables: true,
            } => items.push(value),
            _ => errors.report_error(
                ParseError::new("duplicate key")
                    .with_unexpected(span(&key.span))
                    .with_context(span(&old.span)),
            ),
        }
    }

    /// Opens the table of `header`, taking over what dotted headers below it already
    /// put in it (`[a.b]` before `[a]`).
    fn start_table(&mut self, header: Header, errors: &mut dyn ErrorSink) {
        if let (false, Some(key)) = (header.is_array, &header.key) {
            let parent = descend(&mut self.root, &header.path, false, false, errors);
            if let Some((parent, i)) = parent.and_then(|p| p.position(&key.value).map(|i| (p, i))) {
                let (old_key, old) = parent.entries.remove(i);
                match old.value {
                    Value::Table(t) if t.implicit && !t.dotted => self.current = t,
                    // "Tables cannot be defined more than once."
                    other => {
                        errors.report_error(
                            ParseError::new("duplicate key")
                                .with_unexpected(span(&key.span))
                                .with_context(span(&old_key.span)),
                        );
                        if let Value::Table(t) = other {
                            self.current = t;
                        }
                    }
                }
            }
        }
        self.current.implicit = false;
        self.current.dotted = false;
        self.header = Some(header);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::{DeTable, DeValue};

    /// A canonical rendering of a tree (keys sorted, spans kept, table flags left out),
    /// so ours and `toml`'s can be compared.
    fn render(value: &Value, out: &mut String) {
        match value {
            Value::String(s) => out.push_str(&format!("{s:?}")),
            Value::Integer { digits, radix } => out.push_str(&format!("int({digits},{radix})")),
            Value::Float => out.push_str("float"),
            Value::Boolean => out.push_str("boolean"),
            Value::Datetime(d) => out.push_str(&format!("datetime({d})")),
            Value::Array { items, .. } => {
                out.push('[');
                for item in items {
                    render(&item.value, out);
                    out.push_str(&format!("@{:?},", item.span));
                }
                out.push(']');
            }
            Value::Table(table) => render_table(table, out),
        }
    }

    fn render_table(table: &Table, out: &mut String) {
        let mut entries: Vec<_> = table.iter().collect();
        entries.sort_by(|a, b| a.0.value.cmp(&b.0.value));
        out.push('{');
        for (k, v) in entries {
            out.push_str(&format!("{:?}@{:?}=", k.value, k.span));
            render(&v.value, out);
            out.push_str(&format!("@{:?},", v.span));
        }
        out.push('}');
    }

    /// `toml`'s tree in the same shape as ours.
    fn from_toml(value: &DeValue<'_>) -> Value {
        match value {
            DeValue::String(s) => Value::String(s.to_string()),
            DeValue::Integer(i) => Value::Integer {
                digits: i.as_str().to_owned(),
                radix: i.radix(),
            },
            DeValue::Float(_) => Value::Float,
            DeValue::Boolean(_) => Value::Boolean,
            DeValue::Datetime(d) => Value::Datetime(d.to_string()),
            DeValue::Array(items) => Value::Array {
                items: items
                    .iter()
                    .map(|v| Spanned {
                        value: from_toml(v.get_ref()),
                        span: v.span(),
                    })
                    .collect(),
                of_tables: false,
            },
            DeValue::Table(t) => Value::Table(table_from_toml(t)),
        }
    }

    fn table_from_toml(table: &DeTable<'_>) -> Table {
        Table {
            entries: table
                .iter()
                .map(|(k, v)| {
                    let key = Spanned {
                        value: k.get_ref().to_string(),
                        span: k.span(),
                    };
                    let value = Spanned {
                        value: from_toml(v.get_ref()),
                        span: v.span(),
                    };
                    (key, value)
                })
                .collect(),
            ..Table::default()
        }
    }

    /// Same tree, or the same first error (message and place), as `toml`.
    fn agrees_with_toml(text: &str) -> Result<(), String> {
        let ours = parse(text).map(|t| {
            let mut out = String::new();
            render_table(&t, &mut out);
            out
        });
        let theirs = DeTable::parse(text)
            .map(|t| {
                let mut out = String::new();
                render_table(&table_from_toml(t.get_ref()), &mut out);
                out
            })
            .map_err(|e| Error {
                message: e.message().to_owned(),
                span: e.span().unwrap_or(0..0),
            });
        if ours == theirs {
            Ok(())
        } else {
            Err(format!("{text:?}\nours:   {ours:?}\ntoml's: {theirs:?}"))
        }
    }

    #[test]
    fn every_spec_in_the_repository_reads_as_toml_reads_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut checked = 0;
        for dir in [
            "specs",
            "specs/pages",
            "tests/ui/specs",
            "tests/downstream/specs",
            "benches/specs",
            "bce-errors/examples/specs",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "toml") {
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    agrees_with_toml(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    checked += 1;
                }
            }
        }
        assert!(checked > 50, "{checked} files");
    }

    #[test]
    fn table_rules() {
        for text in [
            "a = 1\na = 2",
            "[a]\nx = 1\n[a]\ny = 2",
            "[a.b]\nx = 1\n[a]\ny = 2",
            "[a]\nb.x = 1\n[a.b]\ny = 2",
            "a.b = 1\n[a]\nc = 2",
            "a = {b = 1}\n[a]\nc = 2",
            "a = {b = 1}\na.c = 2",
            "a = [1]\n[[a]]",
            "[[a]]\nx = 1\n[[a]]\nx = 2\n[a.b]\ny = 3",
            "[[a]]\n[a]",
            "[a]\n[[a]]",
            "a = 1\n[a.b]",
            "a = {b.c = 1, b.d = 2}",
            "a = {b = {c = 1}, b.d = 2}",
            "a = {b.c = 1, b = 2}",
            "x.y.z = 1\nx.y.w = 2\nx.v = 3",
            "[x]\ny.z = 1\n[x.y.q]\nr = 2",
            "d = 2025-10-16\nt = 07:32:00\ndt = 1979-05-27 07:32:00Z",
            "d = 2025-13-45",
            "n = 0x1F\no = 0o17\nb = 0b11\nu = 1_000\nf = 1.5e3\ni = inf",
            "s = 'lit'\nm = \"\"\"\nmulti\nline\"\"\"\ne = \"tab\\there\"",
            "bad = \"\\q\"",
            "\"quoted key\" = 1\n'lit key'.x = 2",
            "a = ",
            "= 1",
            "[a",
            "[[a]\n",
            "a = [1, 2,]\nb = [\n  1, # c\n  2\n]",
            "a = [1 2]",
            "a = {x = 1,}",
            "a = {x = 1\n}",
            "a = 1 b = 2",
            "a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "",
            "# only a comment\n",
            "\u{feff}a = 1",
            "a = 1\r\nb = 2\r\n",
            "a = \"x\"\u{7}",
        ] {
            agrees_with_toml(text).unwrap();
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        for text in [
            format!("a = {}", "[".repeat(100_000)),
            format!("a = {}1{}", "[".repeat(100_000), "]".repeat(100_000)),
            format!("a = {}", "{b = ".repeat(50_000)),
            format!("{} = 1", "k.".repeat(50_000) + "k"),
            format!("[{}]", "k.".repeat(50_000) + "k"),
        ] {
            let Err(e) = parse(&text) else {
                panic!("{} bytes of nesting parsed", text.len())
            };
            assert!(!e.message.is_empty());
            agrees_with_toml(&text).unwrap();
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]

        /// Documents put together from headers, dotted keys, inline tables and arrays,
        /// valid or not: the same tree, or the same first error, as `toml`.
        #[test]
        fn documents_of_fragments(lines in proptest::collection::vec(proptest::sample::select(vec![
            "[a]", "[a.b]", "[b]", "[[a]]", "[[a.b]]", "[[c]]", "[c.d]", "[ a . b ]",
            "x = 1", "x = 2", "a = 1", "b = 'two'", "a.b = 1", "a.c = 2", "c.d.e = true",
            "y = {a = 1, b.c = 2}", "z = [1, {x = 1}, [2]]", "\"a\" = 3", "b.x = 0x10",
            "d = 2025-10-16", "e = 1979-05-27T07:32:00+08:00", "f = 1.5", "g = \"\\u00e9\"",
            "", "# comment", "x =", "[", "= 1", "h = [", "i = {", "j = 99999999999999999999",
        ]), 0..12)) {
            let text = lines.join("\n");
            if let Err(e) = agrees_with_toml(&text) {
                proptest::prop_assert!(false, "{}", e);
            }
        }

        /// Text made of TOML's punctuation: never a panic, and the same verdict as `toml`.
        #[test]
        fn arbitrary_text(text in "[a-c\\[\\]{}=.,\"' \n0-9#-]{0,60}") {
            if let Err(e) = agrees_with_toml(&text) {
                proptest::prop_assert!(false, "{}", e);
            }
        }

        /// Any text at all, control characters and non-ASCII included.
        #[test]
        fn any_text(text in "\\PC{0,40}|(?s).{0,40}") {
            if let Err(e) = agrees_with_toml(&text) {
                proptest::prop_assert!(false, "{}", e);
            }
        }
    }
}
