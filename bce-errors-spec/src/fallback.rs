//! Stage 6: when anything is wrong, the user's enum with the variants that could be
//! read and the same `code_enum!` call generation makes (the runtime writes the whole
//! API), beside the compile errors: the user sees the spec's problems and no follow-on
//! errors (no "no function `from_code`", no "`NatError` doesn't implement `Display`").
//! Nothing here runs: the crate does not compile.

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use crate::diagnostic::Location;
use crate::generate::{data_call, derive_attribute};
use crate::item::EnumItem;
use crate::model::Row;
use crate::tokens::lex;

/// What the fallback knows of the spec that failed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Partial {
    /// Variants of the rows that could be read.
    pub(crate) variants: Vec<String>,
    /// Whether the spec includes the global table (then it converts from `GlobalError`).
    pub(crate) includes_global: bool,
}

/// The enum — with the variants the user listed and those of the spec's readable rows —
/// and its `code_enum!` call, after `errors`.
pub(crate) fn fallback(
    item: &EnumItem,
    errors: TokenStream,
    rt: &str,
    partial: &Partial,
) -> TokenStream {
    let mut names: Vec<String> = item.variants.iter().map(|v| v.ident.to_string()).collect();
    for name in &partial.variants {
        if !names.contains(name) {
            names.push(name.clone());
        }
    }
    let rows: Vec<Row> = names.iter().map(|name| placeholder(name)).collect();
    let mut out = errors;
    for attr in &item.attrs {
        out.extend(attr.tokens());
    }
    out.extend(lex("fallback derives", &derive_attribute(item)));
    out.extend(item.vis.clone());
    out.extend(lex("fallback enum", "enum"));
    out.extend([TokenTree::Ident(item.ident.clone())]);
    let variants: String = names.iter().map(|v| format!("{v},")).collect();
    out.extend([TokenTree::Group(Group::new(
        Delimiter::Brace,
        lex("fallback variants", &variants),
    ))]);
    out.extend(lex(
        "fallback code_enum! call",
        &data_call(item, "", &rows, rt, None),
    ));
    if partial.includes_global {
        // A stub rather than `code_enum!`'s conversion, which checks at compile time
        // that the rows hold every global code: the placeholders may not.
        let name = &item.ident;
        out.extend(lex(
            "fallback From<GlobalError>",
            &format!(
                "impl ::core::convert::From<{rt}::services::GlobalError> for {name} {{
                     fn from(_: {rt}::services::GlobalError) -> Self {{ ::core::unreachable!() }}
                 }}"
            ),
        ));
    }
    out
}

/// A row that says nothing but its variant's name (the fallback's data never runs).
fn placeholder(variant: &str) -> Row {
    Row {
        code: variant.to_owned(),
        message: String::new(),
        status: None,
        description: None,
        description_zh: None,
        variant: variant.to_owned(),
        retry: None,
        note: None,
        location: Location {
            file: String::new(),
            line: 0,
            column: 0,
            source_line: String::new(),
            width: 0,
        },
        overrides: None,
    }
}
