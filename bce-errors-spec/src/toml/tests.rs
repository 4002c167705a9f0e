//! The parser against the TOML test suite (`tests/toml-test/`: the TOML 1.1.0 files of
//! github.com/toml-lang/toml-test, MIT), and against the `toml-span` crate it replaced,
//! input by input, on those files and on mangled specs.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::{ErrorKind, Kind, Value, parse};

/// A parsed document in a form both parsers can be compared in.
#[derive(Debug, Clone, PartialEq)]
enum Plain {
    String(String),
    Integer(i64),
    /// The bits of a float; `None` for NaN (any sign).
    Float(Option<u64>),
    Boolean(bool),
    Array(Vec<Plain>),
    Table(BTreeMap<String, Plain>),
}

fn float(f: f64) -> Plain {
    Plain::Float((!f.is_nan()).then(|| f.to_bits()))
}

fn ours(text: &str) -> Result<Plain, super::Error> {
    fn value(v: &Value<'_>) -> Plain {
        match &v.kind {
            Kind::String(s) => Plain::String(s.to_string()),
            Kind::Integer(n) => Plain::Integer(*n),
            Kind::Float(f) => float(*f),
            Kind::Boolean(b) => Plain::Boolean(*b),
            Kind::Array(a) => Plain::Array(a.items.iter().map(value).collect()),
            Kind::Table(t) => table(t),
        }
    }
    fn table(t: &super::Table<'_>) -> Plain {
        let entries = t
            .entries
            .iter()
            .map(|(k, v)| (k.name.to_string(), value(v)));
        Plain::Table(entries.collect())
    }
    parse(text).map(|root| table(&root))
}

fn toml_span(text: &str) -> Result<Plain, toml_span::Error> {
    use toml_span::value::ValueInner;
    fn value(v: &toml_span::Value<'_>) -> Plain {
        match v.as_ref() {
            ValueInner::String(s) => Plain::String(s.to_string()),
            ValueInner::Integer(n) => Plain::Integer(*n),
            ValueInner::Float(f) => float(*f),
            ValueInner::Boolean(b) => Plain::Boolean(*b),
            ValueInner::Array(a) => Plain::Array(a.iter().map(value).collect()),
            ValueInner::Table(t) => Plain::Table(
                t.iter()
                    .map(|(k, v)| (k.name.to_string(), value(v)))
                    .collect(),
            ),
        }
    }
    toml_span::parse(text).map(|v| value(&v))
}

/// toml-test's JSON for a valid file: `{"type": …, "value": "…"}` at each leaf. `None`
/// when the file holds a date or time, which specs do not read.
fn expected(json: &serde_json::Value) -> Option<Plain> {
    use serde_json::Value as J;
    Some(match json {
        J::Array(items) => Plain::Array(items.iter().map(expected).collect::<Option<_>>()?),
        J::Object(map) if map.len() == 2 && map.contains_key("type") => {
            let text = map["value"].as_str().unwrap_or_default();
            match map["type"].as_str().unwrap_or_default() {
                "string" => Plain::String(text.to_owned()),
                "integer" => Plain::Integer(text.parse().ok()?),
                "float" => float(match text {
                    "inf" | "+inf" => f64::INFINITY,
                    "-inf" => f64::NEG_INFINITY,
                    "nan" | "+nan" | "-nan" => f64::NAN,
                    _ => text.parse().ok()?,
                }),
                "bool" => Plain::Boolean(text == "true"),
                _ => return None,
            }
        }
        J::Object(map) => Plain::Table(
            map.iter()
                .map(|(k, v)| Some((k.clone(), expected(v)?)))
                .collect::<Option<_>>()?,
        ),
        _ => return None,
    })
}

/// Fails with every problem listed, when there is one.
fn none(problems: &[String], what: &str) {
    let count = problems.len();
    assert!(
        problems.is_empty(),
        "{count} {what}:\n{}",
        problems.join("\n")
    );
}

fn suite() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/toml-test")
}

/// The suite's TOML 1.1.0 files, by path under `tests/toml-test/`.
fn files(kind: &str) -> Vec<String> {
    let list = std::fs::read_to_string(suite().join("files-toml-1.1.0")).unwrap();
    let files: Vec<String> = list
        .lines()
        .filter(|f| f.starts_with(kind) && f.ends_with(".toml"))
        .map(str::to_owned)
        .collect();
    assert!(files.len() > 200, "{kind}: {} files", files.len());
    files
}

#[test]
fn every_valid_file_of_the_suite_reads_as_the_suite_says() {
    let mut dates = 0;
    let mut wrong = Vec::new();
    for file in files("valid/") {
        let text = std::fs::read_to_string(suite().join(&file)).unwrap();
        let json = std::fs::read_to_string(suite().join(file.replace(".toml", ".json"))).unwrap();
        let json: serde_json::Value = serde_json::from_str(&json).unwrap();
        match expected(&json) {
            Some(want) => {
                let got = ours(&text);
                if got.as_ref() != Ok(&want) {
                    wrong.push(format!("{file}: {got:?}"));
                }
            }
            None => {
                dates += 1;
                let got = ours(&text);
                if !matches!(&got, Err(e) if e.kind == ErrorKind::Date) {
                    wrong.push(format!("{file}: not a date error: {got:?}"));
                }
            }
        }
    }
    none(&wrong, "files not read as the suite says");
    // The suite's date and time files, refused with the date error.
    assert_eq!(dates, 23);
}

#[test]
fn every_invalid_file_of_the_suite_is_refused() {
    let mut not_utf8 = 0;
    let mut read = Vec::new();
    for file in files("invalid/") {
        let bytes = std::fs::read(suite().join(&file)).unwrap();
        // The loader refuses text that is not UTF-8 before it is parsed.
        let Ok(text) = std::str::from_utf8(&bytes) else {
            not_utf8 += 1;
            continue;
        };
        if let Ok(parsed) = ours(text) {
            read.push(format!("{file}: {parsed:?}"));
        }
    }
    none(&read, "invalid files read");
    assert_eq!(not_utf8, 9);
}

/// Whether `toml-span` and ours agree on `text`: both read it, to the same values, or
/// both refuse it; or ours refuses it where `toml-span` reads what TOML does not allow
/// or specs do not read (see [`toml_span_departs`]).
fn agree(text: &str) -> Result<(), String> {
    match (ours(text), toml_span(text)) {
        (Ok(a), Ok(b)) if a == b => Ok(()),
        (Err(_), Err(_)) => Ok(()),
        (Err(e), Ok(_)) if toml_span_departs(text, &e) => Ok(()),
        (a, b) => Err(format!("ours: {a:?}\ntoml-span: {b:?}")),
    }
}

/// Where `toml-span` reads what ours refuses, rightly: a date (specs do not read them);
/// a DEL in a comment, a `+` before `0x`, `0o` or `0b` and a number with two signs
/// (`+-0.5`; TOML forbids all three: `invalid/control/comment-del.toml`,
/// `invalid/integer/positive-{hex,oct,bin}.toml`);
/// a line break (or a comment and its line break) between a key and its `=` or value
/// in an inline table (TOML 1.1 allows them only between the table's keys and values:
/// `keyval-sep = ws %x3D ws`), which is the departure if the text with a space in its
/// place is read by `toml-span` and reads alike.
fn toml_span_departs(text: &str, e: &super::Error) -> bool {
    let written = &text[e.span.clone()];
    match e.kind {
        ErrorKind::Date => true,
        ErrorKind::Number => {
            let signs = written
                .bytes()
                .take_while(|b| matches!(b, b'+' | b'-'))
                .count();
            signs > 1 || ["+0x", "+0o", "+0b"].iter().any(|p| written.starts_with(p))
        }
        ErrorKind::Syntax if written == "\u{7f}" => e.message.contains("comment"),
        ErrorKind::Syntax if e.message.ends_with("found a line break") || written == "#" => {
            let rest = &text[e.span.start..];
            let line_end = e.span.start + rest.find('\n').map_or(rest.len(), |i| i + 1);
            let mut spaced = text.to_owned();
            spaced.replace_range(e.span.start..line_end, " ");
            toml_span(&spaced).is_ok() && agree(&spaced).is_ok()
        }
        _ => false,
    }
}

#[test]
fn toml_span_reads_every_file_of_the_suite_as_ours_does() {
    let mut compared = 0;
    let mut differ = Vec::new();
    for file in files("valid/").into_iter().chain(files("invalid/")) {
        let Ok(text) = std::fs::read_to_string(suite().join(&file)) else {
            continue;
        };
        compared += 1;
        if let Err(e) = agree(&text) {
            differ.push(format!("{file}: {e}"));
        }
    }
    none(&differ, "files read otherwise by toml-span");
    assert!(compared > 700, "{compared}");
}

/// Every spec of the repository.
fn specs() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
    let mut texts = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    assert!(texts.len() > 10, "{}", texts.len());
    texts
}

#[test]
fn toml_span_reads_every_spec_as_ours_does() {
    for text in specs() {
        assert_eq!(agree(&text), Ok(()), "{text}");
        assert!(ours(&text).is_ok());
    }
}

/// The documents mangled below: every spec, and every valid file of the suite.
fn seeds() -> &'static [String] {
    static SEEDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SEEDS.get_or_init(|| {
        let suite_files = files("valid/").into_iter();
        let valid = suite_files.map(|f| std::fs::read_to_string(suite().join(f)).unwrap());
        specs().into_iter().chain(valid).collect()
    })
}

/// Pieces of TOML that a mangled spec gets: the characters that matter to the
/// grammar, and the constructs specs could be written with.
const PIECES: &[&str] = &[
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "=",
    ",",
    ".",
    "#",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\\",
    "\\n",
    "\\u00e9",
    "\\U0001F600",
    "\\x",
    "_",
    "0x1F",
    "1e5",
    "-0.5",
    "+inf",
    "nan",
    "true",
    "false",
    "2025-10-16",
    "07:32:00",
    "a.b",
    "\"k\"",
    "é",
    "\u{7f}",
    "\u{1}",
    "[error]",
    "[[error]]",
    "[service]",
    "code = 1",
    "x = {a = 1}",
    "y = [1, [2]]",
    "error = []",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// A spec or a valid file of the suite with pieces put in, cut out or written over
    /// agrees between the two parsers: both refuse it, or both read the same values.
    #[test]
    fn mangled_documents_read_alike(
        seed in any::<prop::sample::Index>(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), 0..3usize, any::<prop::sample::Index>()),
            1..4,
        ),
    ) {
        let mut text = seed.get(seeds()).clone();
        for (at, how, piece) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let piece = *piece.get(PIECES);
            match how {
                0 => text.insert_str(i, piece),
                1 => {
                    let end = text[i..].char_indices().nth(piece.len()).map_or(text.len(), |(j, _)| i + j);
                    text.replace_range(i..end, "");
                }
                _ => {
                    let end = text[i..].char_indices().nth(piece.chars().count()).map_or(text.len(), |(j, _)| i + j);
                    text.replace_range(i..end, piece);
                }
            }
        }
        prop_assert_eq!(agree(&text), Ok(()), "{}", text);
    }
}

#[test]
fn spans_are_what_the_reader_points_at() {
    let text = "[service]\nname = \"NAT\" # x\n[[error]]\ncode = 'A'\n[[error]]\nmessage = \"\"\"\nm\"\"\"\n";
    let root = parse(text).unwrap();
    let at = |span: &std::ops::Range<usize>| &text[span.clone()];
    let (service_key, service) = &root.entries[0];
    assert_eq!(
        (at(&service_key.span), at(&service.span)),
        ("service", "[service]")
    );
    let Kind::Table(table) = &service.kind else {
        panic!("{service:?}")
    };
    assert_eq!(at(&table.entries[0].1.span), "\"NAT\"");
    let Kind::Array(rows) = &root.entries[1].1.kind else {
        panic!("{root:?}")
    };
    let spans: Vec<&str> = rows.items.iter().map(|r| at(&r.span)).collect();
    assert_eq!(spans, ["[[error]]", "[[error]]"]);
    let Kind::Table(second) = &rows.items[1].kind else {
        panic!("{rows:?}")
    };
    assert_eq!(at(&second.entries[0].1.span), "\"\"\"\nm\"\"\"");
}

/// A number is read as an integer, a float, a decimal integer too large for 64 bits
/// (named by its key), a misspelt number or unquoted text, each told apart once.
#[test]
fn numbers_are_told_apart_by_why_they_are_refused() {
    let kind = |value: &str| match parse(&format!("k = {value}\n")) {
        Ok(root) => format!("{:?}", root.entries[0].1.kind),
        Err(e) => format!("{:?}: {}", e.kind, e.message),
    };
    assert_eq!(
        kind("-9_223_372_036_854_775_808"),
        "Integer(-9223372036854775808)"
    );
    assert_eq!(kind("0xff"), "Integer(255)");
    assert_eq!(kind("-inf"), "Float(-inf)");
    assert_eq!(kind("1e3"), "Float(1000.0)");
    let too_large = "TooLarge { key: Some(\"k\") }: the integer is too large for 64 bits";
    for value in [
        "9223372036854775808",
        "-9223372036854775809",
        "+1_000_000_000_000_000_000_000",
    ] {
        assert_eq!(kind(value), too_large, "{value}");
    }
    for value in ["0x1_0000_0000_0000_0000", "012", "1__0", "1.", "+0x1"] {
        assert_eq!(kind(value), "Number: invalid number", "{value}");
    }
    for value in ["infinity", "nan0", "e5"] {
        let expected = format!("Syntax: `{value}` is not a value: text is quoted");
        assert_eq!(kind(value), expected);
    }
}

/// A multi-line string reads `\r\n` as `\n`: a checkout with Windows line ends
/// generates the same text.
#[test]
fn a_multi_line_string_reads_crlf_as_lf() {
    for text in ["a = \"\"\"\r\nx\r\ny\"\"\"\r\n", "a = '''\r\nx\r\ny'''\r\n"] {
        let root = parse(text).unwrap();
        let Kind::String(s) = &root.entries[0].1.kind else {
            panic!("{root:?}")
        };
        assert_eq!(s, "x\ny", "{text:?}");
    }
}

#[test]
fn keys_keep_the_order_they_are_written_in() {
    let root = parse("b = 1\na = 2\n[c]\n[0]\n").unwrap();
    let names: Vec<&str> = root.entries.iter().map(|(k, _)| k.name.as_ref()).collect();
    assert_eq!(names, ["b", "a", "c", "0"]);
}

/// A table of 200,000 keys reads in one pass (a linear search for duplicates would
/// take minutes), and a duplicate at its end points at the first.
#[test]
fn a_huge_table_is_read_in_linear_time() {
    let mut text: String = (0..200_000).map(|i| format!("k{i} = {i}\n")).collect();
    let root = parse(&text).unwrap();
    assert_eq!(root.entries.len(), 200_000);
    text.push_str("k0 = 0\n");
    let e = parse(&text).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Duplicate { first: 0..2 });
}
