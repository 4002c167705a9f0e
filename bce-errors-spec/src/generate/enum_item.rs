//! The enum declaration: the user's attributes, visibility and name, one documented
//! fieldless variant per row.

use std::fmt::Write as _;

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use crate::item::EnumItem;
use crate::model::Spec;
use crate::tokens::{lex, lit};

use super::docs::{enum_doc, variant_doc};

/// The derives every generated enum has (`Debug` is written by `code_enum!`, one line
/// rather than a match over every variant), by name and by absolute path.
const DERIVES: [(&str, &str); 5] = [
    ("Clone", "::core::clone::Clone"),
    ("Copy", "::core::marker::Copy"),
    ("PartialEq", "::core::cmp::PartialEq"),
    ("Eq", "::core::cmp::Eq"),
    ("Hash", "::core::hash::Hash"),
];

/// Whether the user's own attributes derive `name`.
pub(super) fn user_derives(item: &EnumItem, name: &str) -> bool {
    item.attrs
        .iter()
        .any(|a| a.derives().iter().any(|d| d == name))
}

/// `#[derive(…)]` of the standard derives the user did not write (empty when they
/// wrote them all).
pub(crate) fn derive_attribute(item: &EnumItem) -> String {
    let missing: Vec<&str> = DERIVES
        .iter()
        .filter(|(name, _)| !user_derives(item, name))
        .map(|(_, path)| *path)
        .collect();
    if missing.is_empty() {
        return String::new();
    }
    format!("#[derive({})]", missing.join(", "))
}

/// The enum. Variants are declared in spec order with no discriminant, so a variant's
/// value (`self as usize`) is its row's position in the table; variants the user listed
/// keep their attributes (a `#[cfg]`, which would shift the positions, is rejected by
/// validation). Of the standard derives, only those the user did not write are added.
pub(super) fn tokens(spec: &Spec, item: &EnumItem) -> TokenStream {
    let mut out = TokenStream::new();
    for attr in &item.attrs {
        out.extend(attr.tokens());
    }
    let mut head = String::new();
    for line in enum_doc(spec, &item.attrs) {
        let _ = write!(head, "#[doc = {}]", lit(&format!(" {line}")));
    }
    head.push_str(&derive_attribute(item));
    head.push_str("#[non_exhaustive]");
    out.extend(lex("enum attributes", &head));
    out.extend(item.vis.clone());
    out.extend(lex("enum keyword", "enum"));
    out.extend([TokenTree::Ident(item.ident.clone())]);
    // Written as text and lexed once (large specs have thousands of variants), except
    // for the user's own attribute tokens on listed variants, which keep their spans.
    let mut body = TokenStream::new();
    let mut text = String::new();
    for row in &spec.rows {
        for line in variant_doc(row) {
            let _ = write!(text, "#[doc = {}]", lit(&format!(" {line}")));
        }
        if let Some(listed) = item.variants.iter().find(|v| v.ident == row.variant) {
            body.extend(lex("variants", &std::mem::take(&mut text)));
            for attr in &listed.attrs {
                body.extend(attr.tokens());
            }
        }
        let _ = write!(text, "{},", row.variant);
    }
    body.extend(lex("variants", &text));
    out.extend([TokenTree::Group(Group::new(Delimiter::Brace, body))]);
    out
}
