//! Stage 5: a validated [`Spec`] and the user's enum → the enum and its data.
//!
//! Data here, behaviour in the runtime: the output is the enum's declaration
//! ([`enum_item`], with rustdoc from the rows) and one call of the runtime's
//! `code_enum!` holding the rows as literals ([`data`], with `from_code`'s table size
//! and seed from [`lookup`]); the runtime's macro writes every method and impl, the
//! same for every enum. Then rebuild tracking.
//!
//! Generated code names everything by absolute path (`::core::…`, and the runtime's path,
//! `::bce_errors` unless `crate = "…"` says otherwise), assumes nothing about the user's
//! imports, and puts spec text only into string literals (built by `lit`) and escaped
//! docs. It is written as text and lexed, rather than built with `quote!`: this crate is
//! compiled by every user of the macro. The golden test compiles the output for a demo
//! spec, so a typo fails our tests, not a user's build.

mod data;
mod docs;
mod enum_item;
mod lookup;

pub(crate) use enum_item::derive_attribute;

use std::fmt::Write as _;
use std::path::Path;

use proc_macro2::TokenStream;

use crate::Error;
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Location;
use crate::item::{EnumItem, parse_enum};
use crate::model::{Row, Spec};
use crate::tokens::{lex, lit};

/// The runtime's path when the attribute does not name one.
pub(crate) const DEFAULT_RUNTIME: &str = "::bce_errors";

/// What the generator needs besides the spec and the enum.
#[derive(Debug, Clone, Default)]
pub(crate) struct GenerateOptions<'a> {
    /// The crate root: when set, every spec file read is `include_str!`-ed from it, so
    /// that cargo rebuilds the crate when a spec changes.
    pub(crate) manifest_dir: Option<&'a Path>,
    /// The runtime's path (`crate = "…"`); [`DEFAULT_RUNTIME`] when `None`.
    pub(crate) runtime: Option<&'a str>,
}

/// A generated enum: its declaration as tokens (the user's attributes keep their
/// spans) and its data, the `code_enum!` call, as formatted text.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The enum's declaration, then rebuild tracking.
    pub item: TokenStream,
    /// The runtime's `code_enum!` call with one row a line, formatted as it is written
    /// to a file.
    pub data: String,
}

impl Generated {
    /// Writes the rows this enum shares word for word with `global` — the bundled
    /// `GlobalError`'s generated data — as `Variant(global)`: the runtime reads them from
    /// `GlobalError`'s table, so their text is not repeated in each enum (the bundled
    /// enums carry the global table's fourteen rows eleven times). Only for an enum that
    /// converts from that `GlobalError` (its spec includes the global table); a row that
    /// differs in any word (a page's own copy of a global row), or whose code is not its
    /// variant's name (the runtime keeps a borrowed row's code as that name), stays
    /// written out.
    ///
    /// ```
    /// let spec = |text: &str| bce_errors_spec::parse_spec("x.toml", text).unwrap();
    /// let row = "[[error]]\ncode = \"AccessDenied\"\nmessage = \"Access denied.\"\nstatus = 403\n";
    /// let other = "[[error]]\ncode = \"createOrderError\"\nmessage = \"m\"\n";
    /// let global = spec(&format!("[service]\nname = \"G\"\nsource = \"G\"\nglobal = true\n\n{row}\n{other}"));
    /// let global = bce_errors_spec::generate(&global, "GlobalError", Some("crate")).unwrap();
    /// let mut nat = global.clone();
    /// nat.data = nat.data.replace(
    ///     "GlobalError {",
    ///     "NatError {\n        from: (crate::services::GlobalError, \"x.toml:1:1\"),",
    /// );
    /// nat.borrow_global_rows(&global);
    /// assert!(nat.data.contains("    AccessDenied(global),\n"));
    /// // A row whose code is not its variant's name stays written out.
    /// assert!(nat.data.contains("    CreateOrderError(\"createOrderError\", None, \"m\", None, None),\n"));
    /// ```
    pub fn borrow_global_rows(&mut self, global: &Generated) {
        if !self.data.contains("\n        from: (") {
            return;
        }
        let rows: std::collections::HashSet<&str> = global.data.lines().collect();
        let mut data = String::with_capacity(self.data.len());
        for line in self.data.lines() {
            // A row line whose code is its variant's name: `    Variant(Some(403), …),`
            // (the header's lines are indented further, or hold no identifier before
            // their bracket; a row with another code has it first, as a string).
            let variant = line
                .strip_prefix("    ")
                .and_then(|row| row.split_once('('))
                .filter(|(_, fields)| !fields.starts_with('"'))
                .map(|(variant, _)| variant)
                .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_alphanumeric() || c == '_'));
            match variant {
                Some(variant) if line.ends_with("),") && rows.contains(line) => {
                    let _ = writeln!(data, "    {variant}(global),");
                }
                _ => {
                    data.push_str(line);
                    data.push('\n');
                }
            }
        }
        self.data = data;
    }

    /// Everything as one token stream, as the macro expands to.
    pub fn into_tokens(self) -> TokenStream {
        let mut out = self.item;
        out.extend(lex("code_enum! call", &self.data));
        out
    }
}

/// Generates `pub enum {enum_name}` for a validated spec, and its data, as
/// `bce-errors generate` and the bundled enums have it. `runtime` is the path of the
/// `bce-errors` crate in the code that will hold it (`::bce_errors` when `None`;
/// `crate` inside `bce-errors` itself).
///
/// ```
/// let spec = bce_errors_spec::parse_spec("demo.toml", r#"
/// [service]
/// name = "Demo"
/// source = "Demo › Error codes"
///
/// [[error]]
/// code = "NoSuchThing"
/// message = "The thing is not found."
/// status = 404
/// "#).unwrap();
/// let generated = bce_errors_spec::generate(&spec, "DemoError", None).unwrap();
/// // The code is left out where it is the variant's name.
/// assert!(generated.data.contains(r#"NoSuchThing(Some(404), "The thing is not found.", None, None),"#));
/// assert!(bce_errors_spec::generate(&spec, "not a name", None).is_err());
/// ```
pub fn generate(spec: &Spec, enum_name: &str, runtime: Option<&str>) -> Result<Generated, Error> {
    let item = format!("pub enum {enum_name} {{}}")
        .parse()
        .ok()
        .and_then(|tokens| parse_enum(tokens).ok())
        .filter(|item| item.ident == enum_name)
        .ok_or_else(|| {
            let file = spec.files.first().map_or("", String::as_str);
            Error::from(
                Diagnostic::file(file, format!("`{enum_name}` is not a name for an enum"))
                    .help("name the enum with a Rust identifier, like `CfsError`"),
            )
        })?;
    let options = GenerateOptions {
        manifest_dir: None,
        runtime,
    };
    Ok(generate_item(spec, &item, &options))
}

/// Generates the enum `item` (its attributes, visibility and name are kept; its
/// variants, if any, must already have been checked against the spec) and its data.
pub(crate) fn generate_item(
    spec: &Spec,
    item: &EnumItem,
    options: &GenerateOptions<'_>,
) -> Generated {
    let rt = options.runtime.unwrap_or(DEFAULT_RUNTIME);
    let mut out = enum_item::tokens(spec, item);
    if let Some(root) = options.manifest_dir {
        out.extend(lex("rebuild tracking", &rebuild_tracking(spec, root)));
    }
    Generated {
        item: out,
        data: data_call(
            item,
            &spec.service.name,
            &spec.rows,
            rt,
            spec.global_include.as_ref(),
        ),
    }
}

/// The `code_enum!` call for `rows` (also what the fallback emits, with the rows it
/// could read).
pub(crate) fn data_call(
    item: &EnumItem,
    service: &str,
    rows: &[Row],
    rt: &str,
    global: Option<&Location>,
) -> String {
    let global = global.map(|at| {
        let at = format!("{}:{}:{}", at.file, at.line, at.column);
        format!("({rt}::services::GlobalError, {})", lit(&at))
    });
    let debug = enum_item::user_derives(item, "Debug");
    data::code_enum_call(
        &item.ident.to_string(),
        service,
        rows,
        rt,
        global.as_deref(),
        debug,
    )
}

/// `include_str!` of every spec file read: cargo then rebuilds the crate when one
/// changes (a proc macro's own file reads are invisible to it).
fn rebuild_tracking(spec: &Spec, root: &Path) -> String {
    spec.files
        .iter()
        .map(|file| {
            let path = root.join(file);
            format!(
                "const _: &str = ::core::include_str!({});",
                lit(&path.to_string_lossy())
            )
        })
        .collect()
}
