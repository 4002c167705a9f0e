//! Reading one spec file: TOML with spans → [`SpecFile`], every problem with its line.
//!
//! Walks the [`document`](crate::document) tree, in which each key and value keeps the
//! byte range it came from.

use std::ops::Range;

use crate::document::{self, Spanned, Table, Value};

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex};
use crate::model::{Include, Retry, Row, Service, SpecFile};
use crate::naming::{check_identifier, variant_name};

const TOP_KEYS: &[&str] = &["service", "error"];
const SERVICE_KEYS: &[&str] = &["name", "enum_doc", "source", "updated", "include"];
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

/// Parses the text of one spec file. `file` is the path shown in diagnostics.
///
/// Includes are not followed here; see [`load_spec`](crate::load_spec).
pub fn parse_file(file: &str, text: &str) -> Result<SpecFile, Diagnostics> {
    let mut cx = Cx {
        file,
        text,
        lines: LineIndex::new(text),
        diags: Diagnostics::default(),
    };
    if text.trim().is_empty() {
        cx.diags
            .push(Diagnostic::file(file, "spec file is empty").help(
            "a spec has a [service] table and [[error]] rows; see specs/README.md for the format",
        ));
        return Err(cx.diags);
    }
    let root = match document::parse(text) {
        Ok(root) => root,
        Err(e) => {
            cx.diags.push(
                cx.at(e.span, format!("invalid TOML: {}", e.message.trim_end()))
                    .help("fix the TOML syntax at the caret; strings are quoted, e.g. message = \"...\""),
            );
            return Err(cx.diags);
        }
    };

    let mut service = None;
    let mut rows = Vec::new();
    for (key, value) in root.iter() {
        match key.value.as_str() {
            "service" => service = cx.service(value),
            "error" => rows = cx.rows(value),
            other => cx.unknown_key(key, other, TOP_KEYS, "at the top level"),
        }
    }
    let service = match service {
        Some(s) => Some(s),
        None if root.iter().any(|(k, _)| k.value == "service") => None,
        None => {
            cx.diags.push(
                Diagnostic::file(file, "missing [service] table")
                    .help("start the file with [service] and name = \"...\", source = \"...\""),
            );
            None
        }
    };
    // Checks run table by table (a missing field is reported after the row's other
    // problems); report in source order.
    cx.diags
        .0
        .sort_by_key(|d| d.location.as_ref().map(|l| (l.line, l.column)));
    match service {
        Some(service) => cx.diags.into_result(SpecFile {
            file: file.to_owned(),
            service,
            rows,
        }),
        None => Err(cx.diags),
    }
}

struct Cx<'a> {
    file: &'a str,
    text: &'a str,
    lines: LineIndex,
    diags: Diagnostics,
}

impl<'a> Cx<'a> {
    fn at(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(self.file, self.text, span, message)
    }

    fn unknown_key(&mut self, key: &Spanned<String>, name: &str, known: &[&str], place: &str) {
        let help = match closest(name, known) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("expected one of: {}", known.join(", ")),
        };
        self.diags.push(
            self.at(key.span.clone(), format!("unknown field `{name}` {place}"))
                .help(help),
        );
    }

    fn table<'t>(
        &mut self,
        value: &'t Spanned<Value>,
        what: &str,
        help: &str,
    ) -> Option<&'t Table> {
        match &value.value {
            Value::Table(t) => Some(t),
            other => {
                let msg = format!("{what} must be a table, found {}", other.type_str());
                self.diags.push(self.at(value.span.clone(), msg).help(help));
                None
            }
        }
    }

    fn string(&mut self, field: &str, value: &Spanned<Value>) -> Option<String> {
        match &value.value {
            Value::String(s) => Some(s.clone()),
            other => {
                let msg = format!("`{field}` must be a string, found {}", other.type_str());
                self.diags.push(
                    self.at(value.span.clone(), msg)
                        .help(format!("quote it: {field} = \"...\"")),
                );
                None
            }
        }
    }

    fn service(&mut self, value: &Spanned<Value>) -> Option<Service> {
        let table = self.table(
            value,
            "[service]",
            "write [service] on its own line, followed by name = \"...\"",
        )?;
        let mut service = Service::default();
        let (mut name, mut source) = (None, None);
        for (key, v) in table.iter() {
            match key.value.as_str() {
                "name" => name = self.string("name", v),
                "source" => source = self.string("source", v),
                "enum_doc" => service.enum_doc = self.string("enum_doc", v),
                "updated" => {
                    service.updated = match &v.value {
                        Value::Datetime(d) => Some(d.clone()),
                        _ => self.string("updated", v),
                    }
                }
                "include" => service.include = self.includes(v),
                other => self.unknown_key(key, other, SERVICE_KEYS, "in [service]"),
            }
        }
        let missing = |field: &str| format!("[service] is missing the required field `{field}`");
        match (name, source) {
            (Some(n), Some(s)) => {
                service.name = n;
                service.source = s;
                Some(service)
            }
            (n, s) => {
                let span = value.span.clone();
                if n.is_none() && !table.iter().any(|(k, _)| k.value == "name") {
                    let d = self
                        .at(span.clone(), missing("name"))
                        .help("add name = \"...\": the service as its docs page names it");
                    self.diags.push(d);
                }
                if s.is_none() && !table.iter().any(|(k, _)| k.value == "source") {
                    let d = self
                        .at(span, missing("source"))
                        .help("add source = \"Page › Section\": where the table is documented");
                    self.diags.push(d);
                }
                None
            }
        }
    }

    fn includes(&mut self, value: &Spanned<Value>) -> Vec<Include> {
        let Value::Array { items, .. } = &value.value else {
            let msg = format!(
                "`include` must be an array of paths, found {}",
                &value.value.type_str()
            );
            self.diags.push(
                self.at(value.span.clone(), msg)
                    .help("write include = [\"global.toml\"]"),
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| {
                let path = self.string("include", item)?;
                Some(Include {
                    path,
                    location: self.lines.locate(self.file, self.text, item.span.clone()),
                })
            })
            .collect()
    }

    fn rows(&mut self, value: &Spanned<Value>) -> Vec<Row> {
        let Value::Array { items, .. } = &value.value else {
            let msg = format!(
                "`error` must be an array of tables, found {}",
                &value.value.type_str()
            );
            self.diags.push(
                self.at(value.span.clone(), msg)
                    .help("write each row as an [[error]] table"),
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| {
                let table = self.table(
                    item,
                    "each [[error]] row",
                    "write each row as an [[error]] table",
                )?;
                self.row(item.span.clone(), table)
            })
            .collect()
    }

    fn row(&mut self, span: Range<usize>, table: &Table) -> Option<Row> {
        let before = self.diags.0.len();
        let (mut code, mut message, mut status, mut description) = (None, None, None, None);
        let (mut description_zh, mut variant, mut retry, mut note) = (None, None, None, None);
        for (key, v) in table.iter() {
            match key.value.as_str() {
                "code" => code = self.code(v),
                "message" => message = self.string("message", v),
                "status" => status = self.status(v),
                "description" => description = self.string("description", v),
                "description_zh" => description_zh = self.string("description_zh", v),
                "note" => note = self.string("note", v),
                "variant" => variant = self.variant(v),
                "retry" => retry = self.retry(v),
                other => self.unknown_key(key, other, ROW_KEYS, "in [[error]]"),
            }
        }
        // A misspelt key already says what is missing ("did you mean `status`?").
        let misspelt: Vec<&str> = table
            .iter()
            .filter_map(|(k, _)| {
                let k = k.value.as_str();
                if ROW_KEYS.contains(&k) {
                    None
                } else {
                    closest(k, ROW_KEYS)
                }
            })
            .collect();
        for (field, present, example) in [
            ("code", code.is_some(), "code = \"NoSuchNat\""),
            ("message", message.is_some(), "message = \"...\""),
            ("status", status.is_some(), "status = 404"),
            (
                "description",
                description.is_some(),
                "description = \"...\"",
            ),
        ] {
            if !present
                && !misspelt.contains(&field)
                && !table.iter().any(|(k, _)| k.value == field)
            {
                let label = code.as_ref().map_or(String::new(), |(c, _): &(String, _)| {
                    format!(" (code `{c}`)")
                });
                let header = if self.text[span.start..].starts_with("[[error]]") {
                    9
                } else {
                    1
                };
                let d = self
                    .at(
                        span.start..span.start + header,
                        format!("[[error]] row{label} is missing the required field `{field}`"),
                    )
                    .help(format!("add {example}"));
                self.diags.push(d);
            }
        }
        let (code, code_span) = code?;
        let variant = match variant {
            Some(v) => v,
            None => match variant_name(&code) {
                // A derived name can still be unusable (`self` → `Self`, `ALL`).
                Some(v) => match check_identifier(&v) {
                    Ok(()) => v,
                    Err(why) => {
                        let d = self
                            .at(code_span, format!("code `{code}` becomes the variant `{v}`, which is not usable: {why}"))
                            .help("add variant = \"SomeName\" to this row");
                        self.diags.push(d);
                        return None;
                    }
                },
                None => {
                    let d = self
                        .at(
                            code_span,
                            format!("code `{code}` has no letter or digit to name a variant"),
                        )
                        .help("add variant = \"SomeName\" to this row");
                    self.diags.push(d);
                    return None;
                }
            },
        };
        if self.diags.0.len() > before {
            return None;
        }
        Some(Row {
            code,
            message: message?,
            status: status?,
            description: description?,
            description_zh,
            variant,
            retry,
            note,
            location: self.lines.locate(self.file, self.text, code_span),
            overrides: None,
        })
    }

    fn code(&mut self, v: &Spanned<Value>) -> Option<(String, Range<usize>)> {
        let code = self.string("code", v)?;
        let problem = if code.is_empty() {
            Some("code is empty")
        } else if code.chars().any(char::is_whitespace) {
            Some("code contains whitespace")
        } else if code.chars().any(char::is_control) {
            Some("code contains a control character")
        } else {
            None
        };
        if let Some(problem) = problem {
            let d = self
                .at(
                    v.span.clone(),
                    format!("{problem}: `{}`", code.escape_debug()),
                )
                .help("write the code exactly as the server sends it, e.g. code = \"NoSuchNat\"");
            self.diags.push(d);
            return None;
        }
        Some((code, v.span.clone()))
    }

    fn status(&mut self, v: &Spanned<Value>) -> Option<u16> {
        let help_range = "an HTTP status is a number from 100 to 599, e.g. status = 404";
        match &v.value {
            Value::Integer { digits, radix } => {
                let n = i64::from_str_radix(digits, *radix).ok();
                match n {
                    Some(n @ 100..=599) => Some(n as u16),
                    _ => {
                        let d = self
                            .at(
                                v.span.clone(),
                                format!("status {digits} is not an HTTP status"),
                            )
                            .help(help_range);
                        self.diags.push(d);
                        None
                    }
                }
            }
            Value::String(s) => {
                let digits: String = s.trim().chars().take_while(char::is_ascii_digit).collect();
                let help = if digits.is_empty() {
                    help_range.to_owned()
                } else {
                    format!("write the number alone: status = {digits}")
                };
                let d = self
                    .at(
                        v.span.clone(),
                        format!("status must be a number, found the text {s:?}"),
                    )
                    .help(help);
                self.diags.push(d);
                None
            }
            other => {
                let d = self
                    .at(
                        v.span.clone(),
                        format!("status must be a number, found {}", other.type_str()),
                    )
                    .help(help_range);
                self.diags.push(d);
                None
            }
        }
    }

    fn variant(&mut self, v: &Spanned<Value>) -> Option<String> {
        let name = self.string("variant", v)?;
        match check_identifier(&name) {
            Ok(()) => Some(name),
            Err(why) => {
                let suggestion = variant_name(&name)
                    .filter(|s| check_identifier(s).is_ok())
                    .map_or_else(
                        || "pick an UpperCamelCase name".to_owned(),
                        |s| format!("try variant = \"{s}\""),
                    );
                let d = self
                    .at(
                        v.span.clone(),
                        format!("variant `{name}` is not a usable name: {why}"),
                    )
                    .help(suggestion);
                self.diags.push(d);
                None
            }
        }
    }

    fn retry(&mut self, v: &Spanned<Value>) -> Option<Retry> {
        let name = self.string("retry", v)?;
        Retry::from_name(&name).or_else(|| {
            let help = match closest(&name, &Retry::NAMES) {
                Some(best) => format!(
                    "did you mean \"{best}\"? (one of: {})",
                    Retry::NAMES.join(", ")
                ),
                None => format!("use one of: {}", Retry::NAMES.join(", ")),
            };
            self.diags.push(
                self.at(v.span.clone(), format!("unknown retry class \"{name}\""))
                    .help(help),
            );
            None
        })
    }
}

/// The known name nearest to `name`, if it is near enough to be a typo.
fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
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
"#;

    fn errors(text: &str) -> Vec<String> {
        parse_file("specs/x.toml", text)
            .unwrap_err()
            .0
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn parses_a_row_with_its_line() {
        let spec = parse_file("specs/nat.toml", GOOD).unwrap();
        assert_eq!(spec.service.name, "NAT gateway");
        assert_eq!(spec.service.updated.as_deref(), Some("2025-10-16"));
        let row = &spec.rows[0];
        assert_eq!(
            (row.code.as_str(), row.status, row.location.line),
            ("NoSuchNat", 404, 8)
        );
        assert_eq!(row.retry, Some(Retry::Never));
    }

    #[test]
    fn misspelt_field_gets_a_suggestion() {
        let e = errors(&GOOD.replace("status = 404", "stauts = 404"));
        assert!(
            e.iter()
                .any(|e| e.contains("unknown field `stauts`")
                    && e.contains("did you mean `status`?")),
            "{e:?}"
        );
        // The misspelling is the one problem: no second "missing `status`" error.
        assert_eq!(e.len(), 1, "{e:?}");
    }

    #[test]
    fn status_as_text_says_to_write_the_number() {
        let e = errors(&GOOD.replace("status = 404", "status = \"400 Bad Request\""));
        assert!(
            e[0].contains("write the number alone: status = 400"),
            "{e:?}"
        );
        assert!(e[0].contains("specs/x.toml:10:10"), "{e:?}");
    }

    #[test]
    fn out_of_range_statuses() {
        for s in ["0", "99", "600", "-1", "99999999999999999999"] {
            let e = errors(&GOOD.replace("status = 404", &format!("status = {s}")));
            assert!(
                e[0].contains("is not an HTTP status") || e[0].contains("invalid TOML"),
                "{s}: {e:?}"
            );
        }
    }

    #[test]
    fn several_problems_reported_together() {
        let text = GOOD
            .replace("status = 404", "status = 0")
            .replace("retry = \"never\"", "retry = \"nevr\"");
        let e = errors(&text);
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(e[1].contains("did you mean \"never\""), "{e:?}");
    }

    #[test]
    fn syntax_error_has_a_position() {
        let e = errors("[service]\nname = \"x\nsource = 1\n");
        assert!(e[0].starts_with("invalid TOML"), "{e:?}");
        assert!(e[0].contains("specs/x.toml:2:"), "{e:?}");
    }

    #[test]
    fn empty_and_serviceless_files() {
        assert!(errors("  \n")[0].contains("spec file is empty"));
        assert!(
            errors("[[error]]\ncode = \"A\"\nmessage = \"\"\nstatus = 400\ndescription = \"\"\n")
                [0]
            .contains("missing [service] table")
        );
    }

    #[test]
    fn bad_variants() {
        assert!(
            errors(&GOOD.replace("retry = \"never\"", "variant = \"match\""))[0]
                .contains("Rust keyword")
        );
        assert!(
            errors(&GOOD.replace("retry = \"never\"", "variant = \"No Such\""))[0]
                .contains("try variant = \"NoSuch\"")
        );
    }
}
