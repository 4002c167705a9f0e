//! The enum declaration: the user's attributes, visibility and name, one documented
//! fieldless variant per row.

use std::fmt::Write as _;

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};

use crate::item::EnumItem;
use crate::model::Spec;
use crate::tokens::{lex, lit};

use super::docs::{enum_doc, variant_doc};

/// The enum. Variants are declared in spec order with no discriminant, so a variant's
/// value (`self as usize`) is its row's position in every generated table; variants
/// the user listed keep their attributes (a `#[cfg]`, which would shift the positions,
/// is rejected by validation).
pub(super) fn tokens(spec: &Spec, item: &EnumItem) -> TokenStream {
    let mut out = TokenStream::new();
    for attr in &item.attrs {
        out.extend(attr.tokens());
    }
    let mut head = String::new();
    for line in enum_doc(spec, &item.attrs) {
        let _ = write!(head, "#[doc = {}]", lit(&format!(" {line}")));
    }
    // Debug is written by hand (one line, not a match over every variant).
    head.push_str(
        "#[derive(::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, \
         ::core::cmp::Eq, ::core::hash::Hash)] #[non_exhaustive]",
    );
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
