//! Stage 4: every rule a spec must follow, checked in one pass, every problem reported.
//!
//! - fields: `[service]` has `name` and `source`; a row has `code` and `message`;
//!   `status` is 100–599; `retry` is a known class; a code is non-empty text without
//!   whitespace or control characters;
//! - names: each row's variant (given, or derived from the code) is an identifier, not a
//!   keyword and not a name the generated code uses (the runtime's API list);
//!   no two rows share a variant;
//! - rows: a code appears once per file, and comes from one include at most; a spec has
//!   at most 32,768 codes (the runtime's limit);
//! - the global table: a spec that includes a file saying `global = true` gets
//!   `From<GlobalError>` (rustc, not this stage, checks that file against the bundled
//!   `GlobalError`'s rows);
//! - hand-listed variants are exactly the spec's.
//!
//! The `bce-errors check` command runs the same checks, so it gives the macro's verdict.

use std::collections::{HashMap, HashSet};

use bce_errors_core::__private::MAX_ROWS;
use bce_errors_core::RetryClass;

use crate::diagnostic::{Diagnostic, Diagnostics, Location};
use crate::item::EnumItem;
use crate::load::{Loaded, RowRef, Shadowed};
use crate::model::{Row, Service, Spec};
use crate::naming::{check_identifier, variant_name};
use crate::spec_file::{Field, RowFields, ServiceFields, SpecFile, closest};
use crate::tokens::MacroError;

/// Checks everything that was loaded; the spec when nothing is wrong, else every problem.
pub fn validate(loaded: Loaded) -> Result<Spec, Diagnostics> {
    let mut problems = Diagnostics::default();
    for file in &loaded.files {
        problems.0.extend(file.problems.0.iter().cloned());
    }
    problems.0.extend(loaded.problems.0.iter().cloned());
    let services: Vec<Option<Service>> = loaded
        .files
        .iter()
        .map(|file| service(file, &mut problems))
        .collect();
    // Every row of every file, read once: `None` where a field is wrong.
    let rows: Vec<Vec<Option<Row>>> = loaded
        .files
        .iter()
        .map(|file| file.rows.iter().map(|r| row(r, &mut problems)).collect())
        .collect();
    for shadowed in &loaded.shadowed {
        shadowed_row(shadowed, &loaded, &mut problems);
    }
    let merged = merged_rows(&loaded, &rows);
    let top = loaded.files.first();
    if let Some(top) = top
        && loaded.rows.is_empty()
        && top.problems.is_empty()
    {
        problems.push(
            Diagnostic::file(&top.file, "spec defines no error codes")
                .help("add an [[error]] row: code = \"...\", message = \"...\""),
        );
    }
    check_variants(&merged, &mut problems);
    check_size(&merged, &mut problems);
    sort_by_reading_order(&mut problems, &loaded);
    let service = services.into_iter().next().flatten();
    match (service, problems.is_empty()) {
        (Some(service), true) => Ok(Spec {
            service,
            rows: merged,
            files: loaded.files.iter().map(|f| f.file.clone()).collect(),
            global_include: loaded.global_include.clone(),
        }),
        _ => Err(problems),
    }
}

/// The enum's rows, in `loaded.rows`' order: each valid row, with the file it overrides.
fn merged_rows(loaded: &Loaded, rows: &[Vec<Option<Row>>]) -> Vec<Row> {
    let overrides: HashMap<(usize, usize), &str> = loaded
        .shadowed
        .iter()
        .filter_map(|s| match s {
            Shadowed::Overrides { row, replaced } => Some((
                (row.file, row.row),
                loaded.files[replaced.file].file.as_str(),
            )),
            _ => None,
        })
        .collect();
    loaded
        .rows
        .iter()
        .filter_map(|&r| {
            let mut row = rows[r.file][r.row].clone()?;
            row.overrides = overrides.get(&(r.file, r.row)).map(|f| (*f).to_owned());
            Some(row)
        })
        .collect()
}

/// Checks run check by check; problems are reported in reading order, file by file.
fn sort_by_reading_order(problems: &mut Diagnostics, loaded: &Loaded) {
    let order: HashMap<&str, usize> = loaded
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.file.as_str(), i))
        .collect();
    problems.0.sort_by_key(|d| {
        let file = order.get(d.file.as_str()).copied().unwrap_or(usize::MAX);
        (file, d.location.as_ref().map(|l| (l.line, l.column)))
    });
}

fn missing(at: &Location, what: &str, field: &str, help: &str) -> Diagnostic {
    Diagnostic::located(
        at.clone(),
        format!("{what} is missing the required field `{field}`"),
    )
    .help(help.to_owned())
}

/// `[service]`: present, with `name` and `source`.
fn service(file: &SpecFile, problems: &mut Diagnostics) -> Option<Service> {
    let Some(fields) = &file.service else {
        // A `service` that is not a table was reported when read.
        if file.parsed && !file.has_service_key {
            problems.push(
                Diagnostic::file(&file.file, "missing [service] table")
                    .help("start the file with [service] and name = \"...\", source = \"...\""),
            );
        }
        return None;
    };
    for (key, help) in [
        (
            "name",
            "add name = \"...\": the service as its docs page names it",
        ),
        (
            "source",
            "add source = \"Page › Section\": where the table is documented",
        ),
    ] {
        if !fields.keys.contains(&key)
            && !fields.misspelt.contains(&key)
            && let Some(at) = &fields.at
        {
            problems.push(missing(at, "[service]", key, help));
        }
    }
    Some(Service {
        name: fields.name.as_ref()?.value.clone(),
        enum_doc: value(&fields.enum_doc),
        source: fields.source.as_ref()?.value.clone(),
        updated: value(&fields.updated),
        url: value(&fields.url),
        include: includes(fields),
        global: fields.global.as_ref().is_some_and(|g| g.value),
    })
}

fn includes(fields: &ServiceFields) -> Vec<String> {
    fields.include.iter().map(|f| f.value.clone()).collect()
}

fn value(field: &Option<Field<String>>) -> Option<String> {
    field.as_ref().map(|f| f.value.clone())
}

/// One row's fields: each present and well-formed, or reported.
fn row(fields: &RowFields, problems: &mut Diagnostics) -> Option<Row> {
    let before = problems.0.len();
    let label = fields
        .code
        .as_ref()
        .map_or(String::new(), |c| format!(" (code `{}`)", c.value));
    for (field, example) in [
        ("code", "code = \"NoSuchNat\""),
        ("message", "message = \"...\""),
    ] {
        if !fields.keys.contains(&field) && !fields.misspelt.contains(&field) {
            let what = format!("[[error]] row{label}");
            problems.push(missing(&fields.at, &what, field, &format!("add {example}")));
        }
    }
    let code = fields.code.as_ref().filter(|c| code_text(c, problems))?;
    let status = fields.status.as_ref().and_then(|s| status(s, problems));
    let retry = fields.retry.as_ref().and_then(|r| retry(r, problems));
    let variant = variant(fields, code, problems);
    if problems.0.len() > before {
        return None;
    }
    Some(Row {
        code: code.value.clone(),
        message: fields.message.as_ref()?.value.clone(),
        status,
        description: value(&fields.description),
        description_zh: value(&fields.description_zh),
        variant: variant?,
        retry,
        note: value(&fields.note),
        location: code.at.clone(),
        overrides: None,
    })
}

/// A code is what the server sends: non-empty, no whitespace, no control character.
fn code_text(code: &Field<String>, problems: &mut Diagnostics) -> bool {
    let text = &code.value;
    let problem = if text.is_empty() {
        "code is empty"
    } else if text.chars().any(char::is_whitespace) {
        "code contains whitespace"
    } else if text.chars().any(char::is_control) {
        "code contains a control character"
    } else {
        return true;
    };
    problems.push(
        Diagnostic::located(
            code.at.clone(),
            format!("{problem}: `{}`", text.escape_debug()),
        )
        .help("write the code exactly as the server sends it, e.g. code = \"NoSuchNat\""),
    );
    false
}

fn status(status: &Field<i128>, problems: &mut Diagnostics) -> Option<u16> {
    match status.value {
        n @ 100..=599 => u16::try_from(n).ok(),
        n => {
            problems.push(
                Diagnostic::located(status.at.clone(), format!("status {n} is not an HTTP status"))
                    .help("an HTTP status is a number from 100 to 599, e.g. status = 404; leave `status` out where the docs give none"),
            );
            None
        }
    }
}

fn retry(retry: &Field<String>, problems: &mut Diagnostics) -> Option<RetryClass> {
    let name = retry.value.as_str();
    RetryClass::from_name(name).or_else(|| {
        let names: Vec<&str> = RetryClass::ALL.iter().map(|c| c.as_str()).collect();
        let help = match closest(name, &names) {
            Some(best) => format!("did you mean \"{best}\"? (one of: {})", names.join(", ")),
            None => format!("use one of: {}", names.join(", ")),
        };
        problems.push(
            Diagnostic::located(retry.at.clone(), format!("unknown retry class \"{name}\""))
                .help(help),
        );
        None
    })
}

/// The row's variant: `variant = ".."` or the code's derived name, if usable.
fn variant(fields: &RowFields, code: &Field<String>, problems: &mut Diagnostics) -> Option<String> {
    if let Some(given) = &fields.variant {
        return match check_identifier(&given.value) {
            Ok(()) => Some(given.value.clone()),
            Err(why) => {
                let suggestion = variant_name(&given.value)
                    .filter(|s| check_identifier(s).is_ok())
                    .map_or_else(
                        || "pick an UpperCamelCase name".to_owned(),
                        |s| format!("try variant = \"{s}\""),
                    );
                problems.push(
                    Diagnostic::located(
                        given.at.clone(),
                        format!("variant `{}` is not a usable name: {why}", given.value),
                    )
                    .help(suggestion),
                );
                None
            }
        };
    }
    let derived = variant_name(&code.value);
    let why = match &derived {
        Some(name) => match check_identifier(name) {
            Ok(()) => return derived,
            Err(why) => format!("becomes the variant `{name}`, which is not usable: {why}"),
        },
        None => "has no letter or digit to name a variant".to_owned(),
    };
    problems.push(
        Diagnostic::located(code.at.clone(), format!("code `{}` {why}", code.value))
            .help("add variant = \"SomeName\" to this row"),
    );
    None
}

fn code_of(loaded: &Loaded, r: RowRef) -> (&str, Location) {
    let code = loaded.files[r.file].rows[r.row].code.as_ref();
    (
        code.map_or("", |c| c.value.as_str()),
        code.map_or_else(
            || loaded.files[r.file].rows[r.row].at.clone(),
            |c| c.at.clone(),
        ),
    )
}

fn shadowed_row(shadowed: &Shadowed, loaded: &Loaded, problems: &mut Diagnostics) {
    match shadowed {
        Shadowed::Duplicate { row, first } => {
            let (code, at) = code_of(loaded, *row);
            problems.push(
                Diagnostic::located(at, format!("duplicate code `{code}`"))
                    .note("first defined here", code_of(loaded, *first).1)
                    .help("a code appears once per spec: merge the rows (keep a `note` if the docs list it twice)"),
            );
        }
        Shadowed::FromTwoIncludes {
            row,
            first,
            include,
        } => {
            let (code, at) = code_of(loaded, *row);
            problems.push(
                Diagnostic::located(
                    include.clone(),
                    format!("code `{code}` comes from two includes"),
                )
                .note("defined here", code_of(loaded, *first).1)
                .note("and here", at)
                .help("include only one of them, or override the row in this file"),
            );
        }
        Shadowed::Overrides { .. } => {}
    }
}

/// The variants the spec's readable rows would have, for the fallback enum to declare
/// after an error (so that code naming them reports no follow-on error): every merged
/// row with a usable name, each name once.
pub fn known_variants(loaded: &Loaded) -> Vec<String> {
    let mut seen = HashSet::new();
    loaded
        .rows
        .iter()
        .filter_map(|r| {
            let fields = &loaded.files[r.file].rows[r.row];
            let name = match &fields.variant {
                Some(v) => v.value.clone(),
                None => variant_name(&fields.code.as_ref()?.value)?,
            };
            (check_identifier(&name).is_ok() && seen.insert(name.clone())).then_some(name)
        })
        .collect()
}

/// At most the runtime's [`MAX_ROWS`] codes: the first one over is located.
fn check_size(rows: &[Row], problems: &mut Diagnostics) {
    if let Some(over) = rows.get(MAX_ROWS) {
        problems.push(
            Diagnostic::located(
                over.location.clone(),
                format!(
                    "this spec has {} codes; a generated enum holds at most {MAX_ROWS}",
                    rows.len()
                ),
            )
            .help("split the table into specs of fewer codes, one enum each"),
        );
    }
}

/// Two rows cannot be the same variant.
fn check_variants(rows: &[Row], problems: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Row> = HashMap::new();
    for row in rows {
        if let Some(first) = seen.get(row.variant.as_str()).copied() {
            problems.push(
                Diagnostic::located(
                    row.location.clone(),
                    format!(
                        "codes `{}` and `{}` both become the variant `{}`",
                        first.code, row.code, row.variant
                    ),
                )
                .note(format!("`{}` is here", first.code), first.location.clone())
                .help("give one of the rows its own name with variant = \"...\""),
            );
        } else {
            seen.insert(&row.variant, row);
        }
    }
}

/// Hand-listed variants must be exactly the spec's, without `#[cfg]` (the generated
/// tables are indexed by the variant's position in the spec, so no variant may vanish).
pub fn check_listed(item: &EnumItem, spec: &Spec) -> Result<(), Vec<MacroError>> {
    let names: HashSet<String> = item.variants.iter().map(|v| v.ident.to_string()).collect();
    let known: HashSet<&str> = spec.rows.iter().map(|r| r.variant.as_str()).collect();
    let mut errors: Vec<MacroError> = Vec::new();
    for v in &item.variants {
        if !known.contains(v.ident.to_string().as_str()) {
            errors.push(MacroError::new(
                v.ident.span(),
                format!("variant `{}` is not in {}", v.ident, spec.files[0]),
            ));
        }
        if v.attrs
            .iter()
            .any(|a| matches!(a.name().as_deref(), Some("cfg" | "cfg_attr")))
        {
            errors.push(MacroError::new(
                v.ident.span(),
                format!(
                    "variant `{}` has a #[cfg]: variants come from the spec, so each one is always there; remove the row from the spec instead",
                    v.ident
                ),
            ));
        }
    }
    let missing: Vec<String> = spec
        .rows
        .iter()
        .filter(|r| !names.contains(&r.variant))
        .map(|r| {
            format!(
                "`{}` (code `{}`, {}:{})",
                r.variant, r.code, r.location.file, r.location.line
            )
        })
        .collect();
    if !missing.is_empty() {
        let msg = format!(
            "{} variant(s) of {} not listed: {}\n  = help: list them, or leave the enum empty to take every code of the spec",
            missing.len(),
            spec.files[0],
            missing.join(", ")
        );
        errors.push(MacroError::new(item.ident.span(), msg));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use crate::load::load_text;

    use super::*;

    const GOOD: &str = r#"
[service]
name = "NAT gateway"
source = "VPC › NAT"

[[error]]
code = "NoSuchNat"
message = "The specified nat is not found."
status = 404
description = "Not found."
retry = "never"
"#;

    fn errors(text: &str) -> Vec<String> {
        validate(load_text("specs/x.toml", text))
            .unwrap_err()
            .0
            .iter()
            .map(|d| d.to_string())
            .collect()
    }

    #[test]
    fn a_good_spec_validates() {
        let spec = validate(load_text("specs/x.toml", GOOD)).unwrap();
        assert_eq!(spec.rows[0].status, Some(404));
        assert_eq!(spec.rows[0].retry, Some(RetryClass::Never));
    }

    #[test]
    fn status_and_description_are_optional_numeric_codes_named() {
        let text = "[service]\nname = \"OCR\"\nsource = \"OCR › 错误码\"\n[[error]]\ncode = 110\nmessage = \"Access token invalid\"\n[[error]]\ncode = \"B:00001\"\nmessage = \"x\"\n";
        let spec = validate(load_text("specs/ocr.toml", text)).unwrap();
        assert_eq!(spec.rows[0].code, "110");
        assert_eq!(spec.rows[0].variant, "E110");
        assert_eq!(
            (spec.rows[0].status, spec.rows[0].description.as_deref()),
            (None, None)
        );
        assert_eq!(spec.rows[1].variant, "B00001");
    }

    #[test]
    fn out_of_range_statuses() {
        for s in ["0", "99", "600", "-1", "99999999999999999999"] {
            let e = errors(&GOOD.replace("status = 404", &format!("status = {s}")));
            assert!(e[0].contains("is not an HTTP status"), "{s}: {e:?}");
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
    fn missing_service_field_and_duplicate_code_in_one_pass() {
        let text = GOOD.replace("name = \"NAT gateway\"\n", "")
            + "\n[[error]]\ncode = \"NoSuchNat\"\nmessage = \"again\"\n";
        let e = errors(&text);
        assert!(
            e.iter()
                .any(|e| e.contains("missing the required field `name`")),
            "{e:?}"
        );
        assert!(
            e.iter().any(|e| e.contains("duplicate code `NoSuchNat`")),
            "{e:?}"
        );
    }

    #[test]
    fn reserved_and_bad_variants() {
        for (variant, expected) in [
            ("match", "Rust keyword"),
            ("No Such", "try variant = \"NoSuch\""),
            ("code", "the generated code already uses `code`"),
            ("Err", "the generated code already uses `Err`"),
        ] {
            let e = errors(&GOOD.replace("retry = \"never\"", &format!("variant = \"{variant}\"")));
            assert!(e[0].contains(expected), "{variant}: {e:?}");
        }
        let e = errors(&GOOD.replace("\"NoSuchNat\"", "\"err\""));
        assert!(e[0].contains("becomes the variant `Err`"), "{e:?}");
    }

    #[test]
    fn more_codes_than_an_enum_holds_is_located_at_the_first_one_over() {
        let mut text = GOOD.to_owned();
        for i in 0..MAX_ROWS {
            text.push_str(&format!("[[error]]\ncode = \"E{i}\"\nmessage = \"m\"\n"));
        }
        let e = errors(&text);
        assert_eq!(e.len(), 1, "{e:?}");
        // GOOD's row, then `E0`…: the first one over is `E32767`, 3 lines a row.
        let line = GOOD.lines().count() + 3 * (MAX_ROWS - 1) + 2;
        assert!(
            e[0].contains(&format!("specs/x.toml:{line}:8"))
                && e[0].contains("this spec has 32769 codes; a generated enum holds at most 32768")
                && e[0].contains("split the table"),
            "{e:?}"
        );
        text.truncate(text.rfind("[[error]]").unwrap());
        assert!(validate(load_text("specs/x.toml", &text)).is_ok());
    }

    #[test]
    fn empty_and_serviceless_files() {
        assert!(errors("  \n")[0].contains("spec file is empty"));
        assert!(
            errors("[[error]]\ncode = \"A\"\nmessage = \"\"\n")[0]
                .contains("missing [service] table")
        );
    }
}
