//! The whole attribute macro, minus the `proc_macro` types: attribute and item in, code out.
//!
//! On any problem it still emits the user's enum with `Debug`, `Display` and `Error`
//! stubs beside the `compile_error!`s, so the user sees the real error, not fifty
//! follow-on ones.

use std::collections::HashSet;
use std::path::Path;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Lit, LitStr};

use crate::generate::{GenerateOptions, generate};
use crate::resolve::load_spec;

/// Expands `#[bce_errors(attr)] item`. `manifest_dir` is the invoking crate's root
/// (`CARGO_MANIFEST_DIR`), against which the spec path resolves.
pub fn expand(attr: TokenStream, item: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    let input: DeriveInput = match syn::parse2(item.clone()) {
        Ok(input) => input,
        Err(_) => {
            let err = syn::Error::new(
                Span::call_site(),
                "#[bce_errors] goes on an enum: #[bce_errors(\"specs/x.toml\")] pub enum XError {}",
            );
            let mut out = err.to_compile_error();
            out.extend(item);
            return out;
        }
    };
    match try_expand(attr, &input, manifest_dir) {
        Ok(tokens) => tokens,
        Err(errors) => fallback(&input, errors),
    }
}

fn try_expand(
    attr: TokenStream,
    input: &DeriveInput,
    manifest_dir: Option<&Path>,
) -> Result<TokenStream, syn::Error> {
    let path = spec_path(attr)?;
    let listed = check_item(input)?;
    let Some(root) = manifest_dir else {
        return Err(syn::Error::new(
            path.span(),
            "CARGO_MANIFEST_DIR is not set: build this crate with cargo",
        ));
    };
    let spec = load_spec(root, &path.value()).map_err(|diags| {
        let mut errors = diags
            .0
            .iter()
            .map(|d| syn::Error::new(path.span(), d.to_string()));
        let mut first = errors
            .next()
            .unwrap_or_else(|| syn::Error::new(path.span(), "invalid spec"));
        first.extend(errors);
        first
    })?;
    if let Some(listed) = listed {
        check_listed(input, &listed, &spec)?;
    }
    Ok(generate(
        &spec,
        input,
        &GenerateOptions {
            manifest_dir: Some(root),
        },
    ))
}

/// The one string literal the attribute takes.
fn spec_path(attr: TokenStream) -> Result<LitStr, syn::Error> {
    let usage = "expected the spec path: #[bce_errors(\"specs/x.toml\")]";
    if attr.is_empty() {
        return Err(syn::Error::new(Span::call_site(), usage));
    }
    let mut tokens = attr.clone().into_iter();
    let first: TokenStream = tokens.next().into_iter().collect();
    let rest: TokenStream = tokens.collect();
    let lit: Lit = syn::parse2(first.clone()).map_err(|_| syn::Error::new(first.span(), usage))?;
    let Lit::Str(path) = lit else {
        return Err(syn::Error::new(
            lit.span(),
            format!("the spec path must be a string literal; {usage}"),
        ));
    };
    if !rest.is_empty() {
        return Err(syn::Error::new(
            rest.span(),
            "#[bce_errors] takes one spec path, found more; use one enum per spec",
        ));
    }
    Ok(path)
}

/// The item must be a plain enum; returns the hand-listed variants, if the user listed any.
fn check_item(input: &DeriveInput) -> Result<Option<Vec<&syn::Variant>>, syn::Error> {
    let data = match &input.data {
        Data::Enum(e) => e,
        Data::Struct(s) => {
            return Err(syn::Error::new(
                s.struct_token.span,
                "#[bce_errors] goes on an enum, not a struct",
            ));
        }
        Data::Union(u) => {
            return Err(syn::Error::new(
                u.union_token.span,
                "#[bce_errors] goes on an enum, not a union",
            ));
        }
    };
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        return Err(syn::Error::new(
            input.generics.span(),
            "a #[bce_errors] enum cannot be generic: its variants are fixed by the spec",
        ));
    }
    let mut errors: Option<syn::Error> = None;
    for v in &data.variants {
        let problem = if !matches!(v.fields, Fields::Unit) {
            Some((
                v.fields.span(),
                "variants of a #[bce_errors] enum have no fields: remove them",
            ))
        } else if let Some((_, expr)) = &v.discriminant {
            Some((
                expr.span(),
                "variants of a #[bce_errors] enum take no discriminant: remove it",
            ))
        } else {
            None
        };
        if let Some((span, msg)) = problem {
            push(&mut errors, syn::Error::new(span, msg));
        }
    }
    match errors {
        Some(e) => Err(e),
        None if data.variants.is_empty() => Ok(None),
        None => Ok(Some(data.variants.iter().collect())),
    }
}

/// Hand-listed variants must be exactly the spec's: names every missing and extra one.
fn check_listed(
    input: &DeriveInput,
    listed: &[&syn::Variant],
    spec: &crate::Spec,
) -> Result<(), syn::Error> {
    let names: HashSet<String> = listed.iter().map(|v| v.ident.to_string()).collect();
    let mut errors = None;
    for v in listed {
        if !spec.rows.iter().any(|r| v.ident == r.variant) {
            let msg = format!("variant `{}` is not in {}", v.ident, spec.files[0]);
            push(&mut errors, syn::Error::new(v.ident.span(), msg));
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
        push(&mut errors, syn::Error::new(input.ident.span(), msg));
    }
    errors.map_or(Ok(()), Err)
}

fn push(errors: &mut Option<syn::Error>, e: syn::Error) {
    match errors {
        Some(all) => all.combine(e),
        None => *errors = Some(e),
    }
}

/// The user's enum with stub impls, plus the errors.
fn fallback(input: &DeriveInput, errors: syn::Error) -> TokenStream {
    let errors = errors.to_compile_error();
    let name = &input.ident;
    let vis = &input.vis;
    let attrs = &input.attrs;
    if !matches!(input.data, Data::Enum(_)) || !input.generics.params.is_empty() {
        return errors;
    }
    quote! {
        #errors
        #(#attrs)*
        #[derive(::core::fmt::Debug)]
        #vis enum #name {}

        impl ::core::fmt::Display for #name {
            fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                match *self {}
            }
        }

        impl ::std::error::Error for #name {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_str(attr: &str, item: &str) -> String {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        expand(attr.parse().unwrap(), item.parse().unwrap(), Some(root)).to_string()
    }

    #[test]
    fn misuse_is_a_compile_error_not_a_panic() {
        for (attr, item, expected) in [
            ("", "enum E {}", "expected the spec path"),
            ("1", "enum E {}", "must be a string literal"),
            ("\"a.toml\", \"b.toml\"", "enum E {}", "takes one spec path"),
            ("\"a.toml\"", "struct S;", "not a struct"),
            ("\"a.toml\"", "union U { a: u8 }", "not a union"),
            ("\"a.toml\"", "enum E<T> { A(T) }", "cannot be generic"),
            ("\"a.toml\"", "fn f() {}", "goes on an enum"),
            ("\"/abs/x.toml\"", "enum E {}", "is absolute"),
            (
                "\"specs/missing.toml\"",
                "enum E {}",
                "cannot read spec file",
            ),
        ] {
            let out = expand_str(attr, item);
            assert!(out.contains("compile_error"), "{attr} {item}: {out}");
            assert!(out.contains(expected), "{attr} {item}: {out}");
        }
    }
}
