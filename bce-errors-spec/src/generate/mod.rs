//! Stage 5: a validated [`Spec`] and the user's enum → the enum and its impls.
//!
//! One template a piece, in the order they appear in the output: the enum
//! ([`enum_item`]), its inherent items ([`inherent`], with `from_code`'s perfect hash
//! in [`lookup`]), then the trait impls ([`traits`]), then rebuild tracking.
//!
//! Generated code names everything by absolute path (`::core::…`, and the runtime's path,
//! `::bce_errors` unless `crate = "…"` says otherwise), assumes nothing about the user's
//! imports, and puts spec text only into string literals (built by `lit`) and escaped
//! docs. It is written as text and lexed, rather than built with `quote!`: this crate is
//! compiled by every user of the macro. The golden test compiles the output for a demo
//! spec, so a typo in a template fails our tests, not a user's build.

mod docs;
mod enum_item;
mod inherent;
pub(crate) mod lookup;
mod text_pool;
mod traits;

pub use text_pool::TextPool;

use std::path::Path;

use proc_macro2::TokenStream;

use crate::item::EnumItem;
use crate::model::Spec;
use crate::tokens::{byte_lit, lex, lit};

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
    /// Texts shared with other generated enums; `None`: the enum keeps its own.
    pub shared_text: Option<SharedText<'a>>,
}

/// A pool of texts several generated enums share (the bundled ones), and the path of the
/// `static` (of type `[u8; N]`) that holds [`TextPool::text`]'s bytes.
#[derive(Debug, Clone, Copy)]
pub struct SharedText<'a> {
    /// The pool every shared enum's texts were added to.
    pub pool: &'a TextPool,
    /// The path of the `static` holding the pool's bytes (`super::TEXT`).
    pub path: &'a str,
}

/// The text a generated table reads: its pool, and an expression (a constant) that is a
/// reference to a `static` holding its bytes.
pub(crate) struct PoolText<'a> {
    pub(crate) pool: &'a TextPool,
    pub(crate) expr: String,
}

/// Generates the enum `item` (its attributes, visibility and name are kept; its
/// variants, if any, must already have been checked against the spec) with every impl.
pub fn generate(spec: &Spec, item: &EnumItem, options: &GenerateOptions<'_>) -> TokenStream {
    let rt = options.runtime.unwrap_or(DEFAULT_RUNTIME);
    let name = item.ident.to_string();
    let own;
    let text = match options.shared_text {
        Some(shared) if covers(shared.pool, spec) => PoolText {
            pool: shared.pool,
            expr: format!("&{}", shared.path),
        },
        _ => {
            let mut pool = TextPool::default();
            pool.add(spec);
            own = pool;
            PoolText {
                expr: format!(
                    "{{ static TEXT: [u8; {}] = *{}; &TEXT }}",
                    own.text().len(),
                    byte_lit(own.text().as_bytes())
                ),
                pool: &own,
            }
        }
    };
    let mut out = enum_item::tokens(spec, item);
    out.extend(lex(
        "inherent impl",
        &inherent::code(spec, &name, rt, &text),
    ));
    out.extend(lex("std trait impls", &traits::std_impls(&name, rt)));
    out.extend(lex("ServiceError impl", &traits::service_error(&name, rt)));
    if spec.includes_global {
        out.extend(lex(
            "From<GlobalError> impl",
            &traits::from_global(spec, &name, rt),
        ));
    }
    if let Some(root) = options.manifest_dir {
        out.extend(lex("rebuild tracking", &rebuild_tracking(spec, root)));
    }
    out
}

/// Whether `pool` holds every text of `spec` (else the enum keeps its own).
fn covers(pool: &TextPool, spec: &Spec) -> bool {
    spec.rows.iter().all(|row| {
        text_pool::FIELDS
            .iter()
            .all(|get| pool.span(get(row).unwrap_or_default()).is_some())
    })
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
