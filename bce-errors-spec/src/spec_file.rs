//! Stage 2: one spec file's TOML → its keys and values, each with its location.
//!
//! This stage reads: TOML syntax ([`toml`], which keeps spans), the known
//! keys (an unknown one gets a "did you mean"), and each value's type. What
//! the values mean — a status in range, a usable variant, unique codes — is
//! [`validate`](crate::validate)'s business.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex, Location};
use crate::toml::{self, Error, ErrorKind, Key, Kind, Table, Value};

const STATUS_RANGE: &str = "an HTTP status is a number from 100 to 599, e.g. status = 404; leave `status` out where the docs give none";
const TOP_KEYS: &[&str] = &["service", "error"];
const SERVICE_KEYS: &[&str] = &[
    "name", "enum_doc", "source", "updated", "url", "include", "global",
];
const ROW_KEYS: &[&str] = &[
    "code",
    "message",
    "status",
    "description",
    "description_zh",
    "variant",
    "retry",
    "note",
];

/// A value as written, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<T> {
    /// The value.
    pub value: T,
    /// Where it is written.
    pub at: Location,
}

/// The `[service]` table's keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServiceFields {
    /// `name`.
    pub name: Option<Field<String>>,
    /// `enum_doc`.
    pub enum_doc: Option<Field<String>>,
    /// `source`.
    pub source: Option<Field<String>>,
    /// `updated`, as written.
    pub updated: Option<Field<String>>,
    /// `url`: the address of the page the spec mirrors.
    pub url: Option<Field<String>>,
    /// `include`, each path with its location.
    pub include: Vec<Field<String>>,
    /// `global`: the file is the BCE global table (enums that include it convert from
    /// `GlobalError`).
    pub global: Option<Field<bool>>,
    /// Where the table is (for "missing field" errors).
    pub at: Option<Location>,
    /// The known keys written, whether or not their values have the right type.
    pub keys: Vec<&'static str>,
    /// Known keys that are absent but have a misspelt key reported in their place.
    pub misspelt: Vec<&'static str>,
}

/// One `[[error]]` table's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFields {
    /// Where the row starts (its `[[error]]` header).
    pub at: Location,
    /// `code`: TOML text, or a TOML integer as its decimal wire form (`110`).
    pub code: Option<Field<String>>,
    /// `message`.
    pub message: Option<Field<String>>,
    /// `status`: the integer as written (range checks come later).
    pub status: Option<Field<i128>>,
    /// `description`.
    pub description: Option<Field<String>>,
    /// `description_zh`.
    pub description_zh: Option<Field<String>>,
    /// `variant`.
    pub variant: Option<Field<String>>,
    /// `retry`.
    pub retry: Option<Field<String>>,
    /// `note`.
    pub note: Option<Field<String>>,
    /// The known keys written, whether or not their values have the right type.
    pub keys: Vec<&'static str>,
    /// Known keys absent because a misspelt key stands in their place (already
    /// reported, with a suggestion).
    pub misspelt: Vec<&'static str>,
}

/// One spec file as read: its keys and values, and the problems found reading them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecFile {
    /// The file, relative to the crate root.
    pub file: String,
    /// Whether the text is TOML (when not, nothing else was read).
    pub parsed: bool,
    /// Whether it has a `service` key (a table or not).
    pub has_service_key: bool,
    /// Its `[service]` table, when it has one that is a table.
    pub service: Option<ServiceFields>,
    /// Its rows, in order.
    pub rows: Vec<RowFields>,
    /// Syntax, unknown-key and type problems.
    pub problems: Diagnostics,
}

/// Reads the text of one spec file. `file` is the path shown in diagnostics.
pub(crate) fn read_spec_file(file: &str, text: &str) -> SpecFile {
    let mut reader = Reader {
        file,
        text,
        lines: LineIndex::new(text),
        problems: Diagnostics::default(),
    };
    let mut spec = SpecFile {
        file: file.to_owned(),
        parsed: false,
        has_service_key: false,
        service: None,
        rows: Vec::new(),
        problems: Diagnostics::default(),
    };
    if text.trim().is_empty() {
        reader
            .problems
            .push(Diagnostic::file(file, "spec file is empty").help(
            "a spec has a [service] table and [[error]] rows; see specs/README.md for the format",
        ));
    } else {
        match toml::parse(text) {
            Ok(root) => {
                spec.parsed = true;
                reader.document(&root, &mut spec);
            }
            Err(e) => reader.syntax(&e),
        }
    }
    spec.problems = reader.problems;
    // A table's keys are walked in the order each was first written, which is not
    // always the text's (a `[service.x]` may come after the rows): report in reading
    // order.
    spec.problems.sort();
    spec
}

struct Reader<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex,
    problems: Diagnostics,
}

impl Reader<'_> {
    fn locate(&self, span: Range<usize>) -> Location {
        self.lines.locate(self.file, self.text, span)
    }

    fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::located(self.locate(span), message)
    }

    /// Where a value is written (a string with its quotes).
    fn value_at(&self, value: &Value<'_>) -> Location {
        self.locate(value.span.clone())
    }

    /// Reports a TOML syntax error, with a fix for the mistakes specs are prone to.
    fn syntax(&mut self, e: &Error) {
        let written = self.text.get(e.span.clone()).unwrap_or("");
        let (message, help) = match &e.kind {
            ErrorKind::TooLarge { key: Some(key) } if key == "status" => (
                format!("status {written} is not an HTTP status"),
                STATUS_RANGE,
            ),
            ErrorKind::TooLarge { key: Some(key) } if key == "code" => (
                format!("code {written} is too large a number"),
                "write the code as text: code = \"...\"",
            ),
            ErrorKind::Date => (
                format!("invalid TOML: `{written}` is a date, which specs do not read"),
                "TOML dates and times are not read in specs: quote it, e.g. updated = \"2025-10-16\"",
            ),
            ErrorKind::UnclosedString => (
                format!("invalid TOML: {}", e.message),
                r#"close the string on its line with a quote, or write text over several lines between """s"#,
            ),
            ErrorKind::Duplicate { .. } => (
                format!("invalid TOML: {}", e.message),
                "a key is written once in a table: remove or rename one of the two",
            ),
            _ => (
                format!("invalid TOML: {}", e.message),
                "fix the TOML syntax at the caret; strings are quoted, e.g. message = \"...\"",
            ),
        };
        let mut d = self.at(e.span.clone(), message).help(help);
        if let ErrorKind::Duplicate { first } = &e.kind {
            d = d.note("first written here", self.locate(first.clone()));
        }
        self.problems.push(d);
    }

    fn document(&mut self, root: &Table<'_>, spec: &mut SpecFile) {
        for (key, value) in &root.entries {
            match key.name.as_ref() {
                "service" => {
                    spec.has_service_key = true;
                    spec.service = self.service(value);
                }
                "error" => spec.rows = self.rows(value),
                other => {
                    self.unknown_key(key, other, TOP_KEYS, "at the top level");
                }
            }
        }
    }

    /// Reports `name` as unknown; returns the known key it is probably a typo of.
    fn unknown_key(
        &mut self,
        key: &Key<'_>,
        name: &str,
        known: &[&'static str],
        place: &str,
    ) -> Option<&'static str> {
        let best = closest(name, known);
        let help = match best {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("expected one of: {}", known.join(", ")),
        };
        let d = self
            .at(key.span.clone(), format!("unknown field `{name}` {place}"))
            .help(help);
        self.problems.push(d);
        best
    }

    fn table<'t, 'i>(
        &mut self,
        value: &'t Value<'i>,
        what: &str,
        help: &str,
    ) -> Option<&'t Table<'i>> {
        match &value.kind {
            Kind::Table(t) => Some(t),
            _ => {
                let msg = format!("{what} must be a table, found {}", value.type_str());
                let d = Diagnostic::located(self.value_at(value), msg).help(help);
                self.problems.push(d);
                None
            }
        }
    }

    fn string(&mut self, field: &str, value: &Value<'_>) -> Option<Field<String>> {
        match &value.kind {
            Kind::String(s) => Some(Field {
                value: s.to_string(),
                at: self.value_at(value),
            }),
            _ => {
                let msg = format!("`{field}` must be a string, found {}", value.type_str());
                let d = Diagnostic::located(self.value_at(value), msg)
                    .help(format!("quote it: {field} = \"...\""));
                self.problems.push(d);
                None
            }
        }
    }

    fn service(&mut self, value: &Value<'_>) -> Option<ServiceFields> {
        let table = self.table(
            value,
            "[service]",
            "write [service] on its own line, followed by name = \"...\"",
        )?;
        let mut service = ServiceFields {
            at: Some(self.value_at(value)),
            ..ServiceFields::default()
        };
        for (key, v) in &table.entries {
            if let Some(known) = SERVICE_KEYS.iter().find(|k| **k == key.name) {
                service.keys.push(known);
            }
            match key.name.as_ref() {
                "name" => service.name = self.string("name", v),
                "source" => service.source = self.string("source", v),
                "enum_doc" => service.enum_doc = self.string("enum_doc", v),
                "updated" => service.updated = self.string("updated", v),
                "include" => service.include = self.includes(v),
                "url" => service.url = self.url(v),
                "global" => service.global = self.boolean("global", v),
                other => {
                    if let Some(best) = self.unknown_key(key, other, SERVICE_KEYS, "in [service]") {
                        service.misspelt.push(best);
                    }
                }
            }
        }
        Some(service)
    }

    fn boolean(&mut self, field: &str, value: &Value<'_>) -> Option<Field<bool>> {
        match value.kind {
            Kind::Boolean(b) => Some(Field {
                value: b,
                at: self.value_at(value),
            }),
            _ => {
                let msg = format!(
                    "`{field}` must be true or false, found {}",
                    value.type_str()
                );
                let d = Diagnostic::located(self.value_at(value), msg)
                    .help(format!("write {field} = true (no quotes)"));
                self.problems.push(d);
                None
            }
        }
    }

    /// `url`: an http or https address with a host and no credentials.
    fn url(&mut self, value: &Value<'_>) -> Option<Field<String>> {
        let field = self.string("url", value)?;
        if let Err(why) = crate::naming::check_url(&field.value) {
            let d = Diagnostic::located(field.at.clone(), format!("`url` {why}"))
                .help("write the page's address as a browser shows it: url = \"https://cloud.baidu.com/doc/...\"");
            self.problems.push(d);
            return None;
        }
        Some(field)
    }

    fn includes(&mut self, value: &Value<'_>) -> Vec<Field<String>> {
        let Kind::Array(array) = &value.kind else {
            let msg = format!(
                "`include` must be an array of paths, found {}",
                value.type_str()
            );
            let d = Diagnostic::located(self.value_at(value), msg)
                .help("write include = [\"global.toml\"]");
            self.problems.push(d);
            return Vec::new();
        };
        array
            .items
            .iter()
            .filter_map(|item| self.string("include", item))
            .collect()
    }

    fn rows(&mut self, value: &Value<'_>) -> Vec<RowFields> {
        let Kind::Array(array) = &value.kind else {
            let msg = format!(
                "`error` must be an array of tables, found {}",
                value.type_str()
            );
            let d = Diagnostic::located(self.value_at(value), msg)
                .help("write each row as an [[error]] table");
            self.problems.push(d);
            return Vec::new();
        };
        array
            .items
            .iter()
            .filter_map(|item| {
                let table = self.table(
                    item,
                    "each [[error]] row",
                    "write each row as an [[error]] table",
                )?;
                Some(self.row(item.span.clone(), table))
            })
            .collect()
    }

    /// One row; `span` is its `[[error]]` header, or its `{ … }` in an array.
    fn row(&mut self, span: Range<usize>, table: &Table<'_>) -> RowFields {
        let mut row = RowFields {
            at: self.locate(span),
            code: None,
            message: None,
            status: None,
            description: None,
            description_zh: None,
            variant: None,
            retry: None,
            note: None,
            keys: Vec::new(),
            misspelt: Vec::new(),
        };
        for (key, v) in &table.entries {
            if let Some(known) = ROW_KEYS.iter().find(|k| **k == key.name) {
                row.keys.push(known);
            }
            match key.name.as_ref() {
                "code" => row.code = self.code(v),
                "message" => row.message = self.string("message", v),
                "status" => row.status = self.status(v),
                "description" => row.description = self.string("description", v),
                "description_zh" => row.description_zh = self.string("description_zh", v),
                "note" => row.note = self.string("note", v),
                "variant" => row.variant = self.string("variant", v),
                "retry" => row.retry = self.string("retry", v),
                other => {
                    if let Some(best) = self.unknown_key(key, other, ROW_KEYS, "in [[error]]") {
                        row.misspelt.push(best);
                    }
                }
            }
        }
        row
    }

    fn code(&mut self, value: &Value<'_>) -> Option<Field<String>> {
        let at = self.value_at(value);
        match &value.kind {
            Kind::String(s) => Some(Field {
                value: s.to_string(),
                at,
            }),
            Kind::Integer(n) => Some(Field {
                value: n.to_string(),
                at,
            }),
            _ => {
                let msg = format!(
                    "`code` must be a string or an integer, found {}",
                    value.type_str()
                );
                let d = Diagnostic::located(at, msg).help(
                    "write the code as the server sends it: code = \"NoSuchNat\" or code = 110",
                );
                self.problems.push(d);
                None
            }
        }
    }

    fn status(&mut self, value: &Value<'_>) -> Option<Field<i128>> {
        let at = self.value_at(value);
        let problem = match &value.kind {
            Kind::Integer(n) => {
                return Some(Field {
                    value: i128::from(*n),
                    at,
                });
            }
            Kind::String(s) => {
                let digits: String = s.trim().chars().take_while(char::is_ascii_digit).collect();
                let help = if digits.is_empty() {
                    STATUS_RANGE.to_owned()
                } else {
                    format!("write the number alone: status = {digits}")
                };
                Diagnostic::located(at, format!("status must be a number, found the text {s:?}"))
                    .help(help)
            }
            _ => Diagnostic::located(
                at,
                format!("status must be a number, found {}", value.type_str()),
            )
            .help(STATUS_RANGE),
        };
        self.problems.push(problem);
        None
    }
}

/// The known name nearest to `name`, if it is near enough to be a typo.
pub(crate) fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(name, k), *k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[service]
name = "NAT gateway"
source = "VPC › NAT"
updated = "2025-10-16"

[[error]]
code = "NoSuchNat"
message = "The specified nat is not found."
status = 404
description = "Not found."
retry = "never"

[[error]]
code = 110
message = "Access token invalid"
"#;

    fn problems(text: &str) -> Vec<String> {
        read_spec_file("specs/x.toml", text)
            .problems
            .0
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn reads_keys_with_their_lines() {
        let spec = read_spec_file("specs/nat.toml", GOOD);
        assert!(spec.problems.is_empty(), "{:?}", spec.problems);
        let service = spec.service.unwrap();
        assert_eq!(service.updated.unwrap().value, "2025-10-16");
        let row = &spec.rows[0];
        let code = row.code.as_ref().unwrap();
        assert_eq!((code.value.as_str(), code.at.line), ("NoSuchNat", 8));
        assert_eq!(row.status.as_ref().unwrap().value, 404);
        assert_eq!(row.at.line, 7);
        assert_eq!(spec.rows[1].code.as_ref().unwrap().value, "110");
    }

    #[test]
    fn misspelt_field_gets_a_suggestion() {
        let spec = read_spec_file(
            "specs/x.toml",
            &GOOD.replace("status = 404", "stauts = 404"),
        );
        let e = &spec.problems.0;
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].to_string().contains("did you mean `status`?"));
        assert_eq!(spec.rows[0].misspelt, ["status"]);
    }

    #[test]
    fn status_as_text_says_to_write_the_number() {
        let e = problems(&GOOD.replace("status = 404", "status = \"400 Bad Request\""));
        assert!(
            e[0].contains("write the number alone: status = 400"),
            "{e:?}"
        );
        assert!(e[0].contains("specs/x.toml:10:10"), "{e:?}");
    }

    #[test]
    fn syntax_error_has_a_position() {
        let e = problems("[service]\nname = \"x\nsource = 1\n");
        assert!(e[0].starts_with("invalid TOML"), "{e:?}");
        assert!(e[0].contains("specs/x.toml:2:"), "{e:?}");
    }

    #[test]
    fn unquoted_text_is_told_to_be_quoted() {
        let e = problems(&GOOD.replace("\"NoSuchNat\"", "NoSuchNat"));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].contains("`NoSuchNat` is not a value: text is quoted"),
            "{e:?}"
        );
        assert!(e[0].contains("specs/x.toml:8:8"), "{e:?}");
        assert!(
            e[0].contains("strings are quoted, e.g. message = \"...\""),
            "{e:?}"
        );
        for word in ["never", "True", "truer", "nan0"] {
            let e = problems(&GOOD.replace("\"never\"", word));
            assert_eq!(e.len(), 1, "{word}: {e:?}");
            let expected = format!("`{word}` is not a value: text is quoted");
            assert!(e[0].contains(&expected), "{word}: {e:?}");
            assert!(e[0].contains("specs/x.toml:12:9"), "{e:?}");
        }
    }

    #[test]
    fn a_toml_date_is_refused_with_a_fix() {
        let e = problems(&GOOD.replace("updated = \"2025-10-16\"", "updated = 2025-10-16"));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("specs/x.toml:5:11"), "{e:?}");
        assert!(
            e[0].contains("quote it, e.g. updated = \"2025-10-16\""),
            "{e:?}"
        );
    }

    #[test]
    fn a_code_over_64_bits_is_told_to_be_text() {
        let e = problems(&GOOD.replace("code = 110", "code = 99999999999999999999"));
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].contains("specs/x.toml:15:8"), "{e:?}");
        assert!(
            e[0].contains("code 99999999999999999999 is too large a number"),
            "{e:?}"
        );
        assert!(e[0].contains("write the code as text"), "{e:?}");
    }

    #[test]
    fn a_number_over_64_bits_is_worded_by_its_key_wherever_the_row_is_written() {
        let big = "99999999999999999999";
        let e = problems(&GOOD.replace("status = 404", &format!("status = {big}")));
        assert!(
            e[0].contains(&format!("status {big} is not an HTTP status")),
            "{e:?}"
        );
        // A row written as an inline table: the key is the parser's, not the line's.
        let inline =
            format!("[service]\nname = \"N\"\nsource = \"S\"\nerror = [{{ code = {big} }}]\n");
        let e = problems(&inline);
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].contains(&format!("code {big} is too large a number")),
            "{e:?}"
        );
        assert!(e[0].contains("specs/x.toml:4:19"), "{e:?}");
        // Any other key: the parser's words.
        let e = problems(&GOOD.replace("status = 404", &format!("status = [{big}]")));
        assert!(
            e[0].contains("the integer is too large for 64 bits"),
            "{e:?}"
        );
    }

    #[test]
    fn a_duplicate_key_points_at_both() {
        let spec = read_spec_file(
            "specs/x.toml",
            &GOOD.replace("status = 404", "code = \"X\""),
        );
        let d = &spec.problems.0[0];
        assert!(d.message.contains("duplicate key"), "{d:?}");
        assert_eq!(d.location.as_ref().map(|l| l.line), Some(10), "{d:?}");
        assert_eq!(d.notes.len(), 1, "{d:?}");
        assert_eq!(d.notes[0].1.line, 8, "{d:?}");
    }

    #[test]
    fn a_string_is_located_at_its_quote() {
        for (text, width) in [
            (r#""x""#, 3),
            ("'x'", 3),
            (r#""""#, 2),
            ("''", 2),
            (r#""""""""#, 6),
            ("\"\"\"\nx\"\"\"", 3),
            ("'''\r\nx'''", 3),
            (r#""a\tb""#, 6),
        ] {
            let spec = read_spec_file("specs/x.toml", &format!("[service]\nname = {text}\n"));
            let at = spec.service.unwrap().name.unwrap().at;
            assert_eq!((at.line, at.column, at.width), (2, 8, width), "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        for (open, close) in [("[", "]"), ("{a=", "}")] {
            let text = format!("x = {}1{}\n", open.repeat(100_000), close.repeat(100_000));
            let e = problems(&text);
            assert_eq!(e.len(), 1, "{open}");
            assert!(e[0].contains("nesting depth"), "{open}: {}", &e[0][..80]);
            assert!(e[0].contains("specs/x.toml:1:"), "{open}");
        }
        let dotted = problems(&format!("{}b = 1\n", "a.".repeat(100_000)));
        assert!(dotted[0].contains("nesting depth"), "{}", &dotted[0][..80]);
    }

    #[test]
    fn wrong_types() {
        let e = problems("[service]\nname = 1\n[[error]]\ncode = true\nmessage = []\n");
        assert_eq!(e.len(), 3, "{e:?}");
        assert!(e[0].contains("`name` must be a string"), "{e:?}");
        assert!(
            e[1].contains("`code` must be a string or an integer"),
            "{e:?}"
        );
        assert!(e[2].contains("`message` must be a string"), "{e:?}");
    }
}

#[cfg(test)]
mod url_tests {
    use crate::naming::check_url;

    #[test]
    fn page_addresses_only() {
        for ok in [
            "https://cloud.baidu.com/doc/VPC/s/Mjwvyuhi0",
            "http://127.0.0.1:8080/nat.html",
            "https://intl.cloud.baidu.com/doc/EIP/s/x?lang=en#errors",
        ] {
            assert_eq!(check_url(ok), Ok(()), "{ok}");
        }
        for bad in [
            "cloud.baidu.com/doc",
            "ftp://cloud.baidu.com/x",
            "https://user:pw@cloud.baidu.com/x",
            "https://token@cloud.baidu.com/x",
            "https:///x",
            "https://cloud.baidu.com/a b",
            "https://:80/x",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }
}
