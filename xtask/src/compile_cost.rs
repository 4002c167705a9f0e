//! The crates `benches/compile-cost/run.sh` builds side by side: one application, the
//! same in every variant but for how it gets the bundled enums.
//!
//! - `base`: the application alone (serde + derive, serde_json, thiserror; or nothing, in
//!   the empty base);
//! - `bundled`: + `bce-errors` without default features, using `bce_errors::services`;
//! - `bundled-response`: `bundled` with the `response` feature (the runtime that reads
//!   responses, which this application does not call: its compile cost alone);
//! - `macro`: + `bce-errors` with its default `macro` feature, `#[bce_errors]` on copies of
//!   every spec in `specs/` (a user's own specs);
//! - `thiserror`: + the same enums written by hand with thiserror only, `code()`,
//!   `from_code`, `status()`, `description()` as plain `match`es;
//! - `strum`: + the same enums written by hand with thiserror + strum (`EnumString`,
//!   `IntoStaticStr`, `EnumIter`, `EnumMessage` carrying message and description);
//! - `strum-codes`: + the same enums with thiserror + strum's `EnumString`,
//!   `IntoStaticStr` and `EnumIter` only (strum carries the codes, no messages;
//!   `status()` and `description()` as `match`es);
//! - `before` (optional): `bundled` against an older checkout of this repository (whose
//!   `bce-errors` always built the response reader: like `bundled-response`).
//!
//! Every variant calls `from_code`, `Display`, `status()` and `description()` of every
//! enum, so the release binaries carry the same strings.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use bce_errors_spec::naming::enum_name;
use bce_errors_spec::{Row, Spec, load_spec};

/// Which application the variants share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// A `main` that only calls `describe`: the enums' cost in isolation.
    Empty,
    /// A small service client with serde (derive), serde_json and thiserror, as a real
    /// user's tree already has.
    App,
}

/// Writes one crate per variant into `out/<variant>/` (created if missing), each a
/// workspace of its own. `before` is the root of an older checkout of this repository,
/// for the `before` variant.
pub fn write_fixtures(
    root: &Path,
    out: &Path,
    base: Base,
    before: Option<&Path>,
) -> Result<(), String> {
    let enums = bundled_enums(root)?;
    let bundled = uses_bundled(&enums);
    let mut variants: Vec<(&str, String, String)> = vec![
        (
            "base",
            String::new(),
            "pub fn describe(_code: &str) -> Vec<String> {\n    Vec::new()\n}\n".to_owned(),
        ),
        ("bundled", dep_bce(root, false, &[]), bundled.clone()),
        (
            "bundled-response",
            dep_bce(root, false, &["response"]),
            bundled,
        ),
        ("macro", dep_bce(root, true, &[]), uses_macro(&enums)),
        ("thiserror", THISERROR.to_owned(), thiserror_only(&enums)),
        (
            "strum",
            format!("{THISERROR}{STRUM}"),
            thiserror_strum(&enums),
        ),
        (
            "strum-codes",
            format!("{THISERROR}{STRUM}"),
            thiserror_strum_codes(&enums),
        ),
    ];
    if let Some(before) = before {
        let before_enums: Vec<&Enum> = enums
            .iter()
            .filter(|e| before.join(&e.rel).is_file())
            .collect();
        let text = describe(
            &before_enums,
            "bce_errors::services::",
            FROM_CODE,
            "e.description()",
        );
        variants.push(("before", dep_bce(before, false, &[]), text));
    }
    for (name, deps, errors) in &variants {
        let dir = out.join(name);
        write(&dir.join("Cargo.toml"), &manifest(name, deps, base))?;
        write(&dir.join("src/main.rs"), main_rs(base))?;
        write(&dir.join("src/errors.rs"), errors)?;
    }
    copy_specs(&root.join("specs"), &out.join("macro/specs"))
}

/// [`describe`] of every enum.
fn describe_all(enums: &[Enum], path: &str, from_code: &str, description: &str) -> String {
    describe(
        &enums.iter().collect::<Vec<_>>(),
        path,
        from_code,
        description,
    )
}

/// How `describe` finds a code's variant: the generated `from_code`, or strum's `FromStr`.
const FROM_CODE: &str = "{name}::from_code(code)";
const FROM_STR: &str = "<{name} as ::core::str::FromStr>::from_str(code).ok()";

/// One bundled enum: its spec (includes resolved) and names.
struct Enum {
    /// `specs/<stem>.toml`.
    rel: String,
    /// The enum's name (`NatError`).
    name: String,
    spec: Spec,
}

fn bundled_enums(root: &Path) -> Result<Vec<Enum>, String> {
    let mut enums = Vec::new();
    for stem in crate::spec_stems(root)? {
        let rel = format!("specs/{stem}.toml");
        let spec = load_spec(root, &rel).map_err(|d| format!("{rel} is invalid:\n{d}"))?;
        let name = enum_name(&stem).ok_or_else(|| format!("{rel}: no enum name for `{stem}`"))?;
        enums.push(Enum { rel, name, spec });
    }
    Ok(enums)
}

/// The dependency on `bce-errors` at `root`: its default features (the macro and the
/// response reader) or none, and `features`.
fn dep_bce(root: &Path, default_features: bool, features: &[&str]) -> String {
    let path = root.join("bce-errors");
    format!(
        "bce-errors = {{ path = {:?}, default-features = {default_features}, features = {features:?} }}\n",
        path.display().to_string()
    )
}

/// A variant's manifest: a workspace of its own (so `before` can use another
/// `bce-errors`), the application's dependencies, then the variant's. Every dependency
/// builds as it does from crates.io, without incremental state: cargo keeps that only
/// for path dependencies, and these fixtures use this checkout by path (a cold build of
/// `bce-errors-core` and `bce-errors` costs 0.4 to 0.6 s more with it). The
/// application itself builds incrementally, as a user's own crate does.
fn manifest(name: &str, deps: &str, base: Base) -> String {
    let app = match base {
        Base::Empty => "",
        Base::App => "serde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n",
    };
    let mut deps = deps.to_owned();
    if base == Base::App && !deps.contains("thiserror =") {
        deps.insert_str(0, THISERROR);
    }
    format!(
        "# Written by `cargo xtask compile-cost-fixtures`; see benches/compile-cost/run.sh.\n[package]\nname = \"fixture-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[workspace]\n\n[dependencies]\n{app}{deps}\n[profile.dev.package.\"*\"]\nincremental = false\n\n[profile.release]\nstrip = true\n"
    )
}

const THISERROR: &str = "thiserror = \"2\"\n";
const STRUM: &str = "strum = { version = \"0.28\", features = [\"derive\"] }\n";

/// The application: the same text in every variant. `EDIT` is what the incremental
/// rebuild changes.
fn main_rs(base: Base) -> &'static str {
    match base {
        Base::Empty => EMPTY_MAIN,
        Base::App => APP_MAIN,
    }
}

const EMPTY_MAIN: &str = r#"mod errors;

const EDIT: u32 = 0;

fn main() {
    for code in std::env::args().skip(1) {
        for line in errors::describe(&code) {
            println!("{EDIT} {line}");
        }
    }
}
"#;

const APP_MAIN: &str = r##"//! A small client of a cloud API: configuration, requests and responses as serde
//! types, an application error with thiserror.
mod errors;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

const EDIT: u32 = 0;

#[derive(Debug, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct Config {
    endpoint: String,
    region: String,
    #[serde(default)]
    timeout_ms: Option<u64>,
    #[serde(default)]
    tags: BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateNatRequest<'a> {
    name: &'a str,
    vpc_id: &'a str,
    spec: NatSpec,
    #[serde(skip_serializing_if = "Option::is_none")]
    client_token: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum NatSpec {
    Small,
    Medium,
    Large,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NatGateway {
    id: String,
    name: String,
    status: String,
    #[serde(default)]
    eips: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListNatResponse {
    nats: Vec<NatGateway>,
    #[serde(default)]
    next_marker: Option<String>,
    is_truncated: bool,
}

#[derive(Debug, thiserror::Error)]
enum AppError {
    #[error("cannot read the configuration: {0}")]
    Io(#[from] std::io::Error),
    #[error("bad JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the service said {0}")]
    Service(String),
}

fn load_config(text: &str) -> Result<Config, AppError> {
    Ok(serde_json::from_str(text)?)
}

fn request_body(config: &Config, name: &str) -> Result<String, AppError> {
    let request = CreateNatRequest {
        name,
        vpc_id: config.tags.get("vpc").map_or("vpc-default", String::as_str),
        spec: NatSpec::Small,
        client_token: config.timeout_ms.map(|t| format!("token-{t}")),
    };
    Ok(serde_json::to_string(&request)?)
}

fn read_response(status: u16, body: &str) -> Result<ListNatResponse, AppError> {
    if status >= 400 {
        let value: serde_json::Value = serde_json::from_str(body)?;
        let code = value.get("code").and_then(|c| c.as_str()).unwrap_or_default();
        let described = errors::describe(code);
        return Err(AppError::Service(described.join("; ")));
    }
    Ok(serde_json::from_str(body)?)
}

fn main() -> Result<(), AppError> {
    let config = load_config(r#"{"endpoint":"bcc.bj.baidubce.com","region":"bj","tags":{"vpc":"vpc-1"}}"#)?;
    println!("{EDIT} {}", request_body(&config, "nat-1")?);
    let list = read_response(200, r#"{"nats":[{"id":"nat-1","name":"a","status":"active"}],"isTruncated":false}"#)?;
    println!("{} gateway(s), more: {}, {:?}", list.nats.len(), list.is_truncated, list.next_marker);
    for gateway in &list.nats {
        println!("{} {} {} {:?}", gateway.id, gateway.name, gateway.status, gateway.eips);
    }
    for code in std::env::args().skip(1) {
        let body = format!(r#"{{"code":{code:?},"message":"m","requestId":"r"}}"#);
        match read_response(404, &body) {
            Ok(list) => println!("{}", list.nats.len()),
            Err(e) => println!("{e}"),
        }
    }
    Ok(())
}
"##;

/// `describe(code)`: for each enum, the code's `Display`, status and description.
fn describe(enums: &[&Enum], path: &str, from_code: &str, description: &str) -> String {
    let mut out = String::from(
        "pub fn describe(code: &str) -> Vec<String> {\n    let mut out = Vec::new();\n",
    );
    for e in enums {
        let from_code = from_code.replace("{name}", &format!("{path}{}", e.name));
        let _ = writeln!(
            out,
            "    if let Some(e) = {from_code} {{\n        out.push(format!(\"{{e}} {{:?}} {{:?}}\", e.status(), {description}));\n    }}"
        );
    }
    out.push_str("    out\n}\n");
    out
}

fn uses_bundled(enums: &[Enum]) -> String {
    describe_all(
        enums,
        "bce_errors::services::",
        FROM_CODE,
        "e.description()",
    )
}

fn uses_macro(enums: &[Enum]) -> String {
    let mut out = String::new();
    for e in enums {
        let _ = writeln!(
            out,
            "#[bce_errors::bce_errors({:?})]\npub enum {} {{}}\n",
            e.rel, e.name
        );
    }
    out + &describe_all(enums, "", FROM_CODE, "e.description()")
}

/// The enums as a person writes them with thiserror alone.
fn thiserror_only(enums: &[Enum]) -> String {
    let mut out = String::new();
    for e in enums {
        let rows = &e.spec.rows;
        out += &declaration(e, "", |_| String::new());
        let _ = writeln!(out, "impl {} {{", e.name);
        let variants: Vec<String> = rows
            .iter()
            .map(|r| format!("Self::{}", r.variant))
            .collect();
        let _ = writeln!(
            out,
            "    pub const ALL: &'static [Self] = &[{}];",
            variants.join(", ")
        );
        out += &method(rows, "code", "&'static str", |r| format!("{:?}", r.code));
        out += &row_methods(rows);
        out += "    pub fn from_code(code: &str) -> Option<Self> {\n        match code {\n";
        for row in rows {
            let _ = writeln!(
                out,
                "            {:?} => Some(Self::{}),",
                row.code, row.variant
            );
        }
        out += "            _ => None,\n        }\n    }\n}\n\n";
    }
    out + &describe_all(enums, "", FROM_CODE, "e.description()")
}

/// The enums as a person writes them with thiserror and strum.
fn thiserror_strum(enums: &[Enum]) -> String {
    let mut out = String::from("use strum::EnumMessage as _;\n\n");
    for e in enums {
        let rows = &e.spec.rows;
        out += &declaration(e, STRUM_DERIVES_MESSAGE, |row| {
            let mut strum = format!("serialize = {:?}, message = {:?}", row.code, row.message);
            if let Some(d) = &row.description {
                let _ = write!(strum, ", detailed_message = {d:?}");
            }
            format!("    #[strum({strum})]\n")
        });
        let _ = writeln!(out, "impl {} {{", e.name);
        out += &method(rows, "status", "Option<u16>", |r| format!("{:?}", r.status));
        out += &method(rows, "description_zh", "Option<&'static str>", |r| {
            format!("{:?}", r.description_zh)
        });
        out += "}\n\n";
    }
    out + &describe_all(enums, "", FROM_STR, "e.get_detailed_message()")
}

/// The enums as a person writes them with thiserror and strum's `EnumString`,
/// `IntoStaticStr` and `EnumIter`: strum knows the codes, `match`es the rest.
fn thiserror_strum_codes(enums: &[Enum]) -> String {
    let mut out = String::new();
    for e in enums {
        out += &declaration(e, STRUM_DERIVES, |row| {
            format!("    #[strum(serialize = {:?})]\n", row.code)
        });
        let _ = writeln!(out, "impl {} {{", e.name);
        out += &row_methods(&e.spec.rows);
        out += "}\n\n";
    }
    out + &describe_all(enums, "", FROM_STR, "e.description()")
}

/// The derives strum adds, without and with `EnumMessage`.
const STRUM_DERIVES: &str = ", strum::EnumString, strum::IntoStaticStr, strum::EnumIter";
const STRUM_DERIVES_MESSAGE: &str =
    ", strum::EnumString, strum::IntoStaticStr, strum::EnumIter, strum::EnumMessage";

/// A hand-written enum's declaration: thiserror's `Error` and `derives`, each variant
/// with its `#[error(..)]` and the attributes `attributes` writes for its row.
fn declaration(e: &Enum, derives: &str, attributes: impl Fn(&Row) -> String) -> String {
    let mut out = format!(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error{derives})]\n#[non_exhaustive]\npub enum {} {{\n",
        e.name
    );
    for row in &e.spec.rows {
        let _ = writeln!(
            out,
            "    #[error({})]\n{}    {},",
            error_format(row),
            attributes(row),
            row.variant
        );
    }
    out + "}\n\n"
}

/// `message()`, `status()`, `description()` and `description_zh()` as `match`es.
fn row_methods(rows: &[Row]) -> String {
    let mut out = method(rows, "message", "&'static str", |r| {
        format!("{:?}", r.message)
    });
    out += &method(rows, "status", "Option<u16>", |r| format!("{:?}", r.status));
    out += &method(rows, "description", "Option<&'static str>", |r| {
        format!("{:?}", r.description)
    });
    out + &method(rows, "description_zh", "Option<&'static str>", |r| {
        format!("{:?}", r.description_zh)
    })
}

/// `#[error("code (status): message")]`'s argument (the generated `Display`), braces
/// escaped.
fn error_format(row: &Row) -> String {
    let text = match row.status {
        Some(status) => format!("{} ({status}): {}", row.code, row.message),
        None => format!("{}: {}", row.code, row.message),
    };
    format!("{:?}", text.replace('{', "{{").replace('}', "}}"))
}

/// `pub fn name(self) -> ty { match self { Self::V => value, … } }`.
fn method(rows: &[Row], name: &str, ty: &str, value: impl Fn(&Row) -> String) -> String {
    let mut out = format!("    pub fn {name}(self) -> {ty} {{\n        match self {{\n");
    for row in rows {
        let _ = writeln!(out, "            Self::{} => {},", row.variant, value(row));
    }
    out + "        }\n    }\n"
}

fn copy_specs(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
        let (source, target): (PathBuf, PathBuf) = (entry.path(), to.join(entry.file_name()));
        if source.is_dir() {
            copy_specs(&source, &target)?;
        } else if source.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&source, &target).map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
