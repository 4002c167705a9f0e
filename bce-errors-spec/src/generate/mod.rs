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

use std::path::Path;

use proc_macro2::TokenStream;

use crate::diagnostic::Location;
use crate::item::EnumItem;
use crate::model::{Row, Spec};
use crate::tokens::{lex, lit};

/// The runtime's path when the attribute does not name one.
pub const DEFAULT_RUNTIME: &str = "::bce_errors";

/// What the generator needs besides the spec and the enum.
#[derive(Debug, Clone, Default)]
pub struct GenerateOptions<'a> {
    /// The crate root: when set, every spec file read is `include_str!`-ed from it, so
    /// that cargo rebuilds the crate when a spec changes.
    pub manifest_dir: Option<&'a Path>,
    /// The runtime's path (`crate = "…"`); [`DEFAULT_RUNTIME`] when `None`.
    pub runtime: Option<&'a str>,
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
    /// Everything as one token stream, as the macro expands to.
    pub fn into_tokens(self) -> TokenStream {
        let mut out = self.item;
        out.extend(lex("code_enum! call", &self.data));
        out
    }
}

/// Generates the enum `item` (its attributes, visibility and name are kept; its
/// variants, if any, must already have been checked against the spec) and its data.
pub fn generate(spec: &Spec, item: &EnumItem, options: &GenerateOptions<'_>) -> Generated {
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
