//! The whole attribute macro, minus the `proc_macro` types: attribute and item in, code out.
//!
//! On any problem it still emits the user's enum with `Debug`, `Display` and `Error`
//! stubs beside the `compile_error!`s, so the user sees the real error, not fifty
//! follow-on ones.

use std::collections::HashSet;
use std::path::Path;

use proc_macro2::TokenStream;

use crate::generate::{GenerateOptions, generate, lex};
use crate::item::{EnumItem, MacroError, compile_errors, parse_item, spec_path};
use crate::resolve::load_spec;

/// Expands `#[bce_errors(attr)] item`. `manifest_dir` is the invoking crate's root
/// (`CARGO_MANIFEST_DIR`), against which the spec path resolves.
pub fn expand(attr: TokenStream, item: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    let input = match parse_item(item.clone()) {
        Ok(input) => input,
        Err(e) => {
            let errors = compile_errors(&e.errors);
            return match e.skeleton {
                Some(skeleton) => fallback(&skeleton, errors),
                // Not an enum at all: give the item back untouched, beside the error.
                None if e.keep_item => errors.into_iter().chain(item).collect(),
                None => errors,
            };
        }
    };
    match try_expand(attr, &input, manifest_dir) {
        Ok(tokens) => tokens,
        Err(errors) => fallback(&input, compile_errors(&errors)),
    }
}

fn try_expand(
    attr: TokenStream,
    input: &EnumItem,
    manifest_dir: Option<&Path>,
) -> Result<TokenStream, Vec<MacroError>> {
    let (path, span) = spec_path(attr).map_err(|e| vec![e])?;
    let Some(root) = manifest_dir else {
        return Err(vec![MacroError::new(
            span,
            "CARGO_MANIFEST_DIR is not set: build this crate with cargo",
        )]);
    };
    let spec = load_spec(root, &path).map_err(|diags| {
        diags
            .0
            .iter()
            .map(|d| MacroError::new(span, d.to_string()))
            .collect::<Vec<_>>()
    })?;
    if !input.variants.is_empty() {
        check_listed(input, &spec)?;
    }
    Ok(generate(
        &spec,
        input,
        &GenerateOptions {
            manifest_dir: Some(root),
        },
    ))
}

/// Hand-listed variants must be exactly the spec's: names every missing and extra one.
fn check_listed(input: &EnumItem, spec: &crate::Spec) -> Result<(), Vec<MacroError>> {
    let names: HashSet<String> = input.variants.iter().map(|v| v.ident.to_string()).collect();
    let known: HashSet<&str> = spec.rows.iter().map(|r| r.variant.as_str()).collect();
    let mut errors: Vec<MacroError> = input
        .variants
        .iter()
        .filter(|v| !known.contains(v.ident.to_string().as_str()))
        .map(|v| {
            MacroError::new(
                v.ident.span(),
                format!("variant `{}` is not in {}", v.ident, spec.files[0]),
            )
        })
        .collect();
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
        errors.push(MacroError::new(input.ident.span(), msg));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// The user's enum with stub impls, plus the errors.
fn fallback(input: &EnumItem, errors: TokenStream) -> TokenStream {
    let mut out = errors;
    for attr in &input.attrs {
        out.extend(attr.tokens());
    }
    out.extend(lex(
        "#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy, ::core::cmp::PartialEq, \
         ::core::cmp::Eq, ::core::hash::Hash)]",
    ));
    out.extend(input.vis.clone());
    out.extend(lex("enum"));
    out.extend([proc_macro2::TokenTree::Ident(input.ident.clone())]);
    let name = input.ident.to_string();
    out.extend(lex(&format!(
        "{{}}
         impl ::core::fmt::Display for {name} {{
             fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
                 match *self {{}}
             }}
         }}
         impl ::core::error::Error for {name} {{}}
         impl ::bce_errors::ServiceError for {name} {{
             const SERVICE: &'static str = \"\";
             const ALL: &'static [Self] = &[];
             fn code(&self) -> &'static str {{ match *self {{}} }}
             fn variant_name(&self) -> &'static str {{ match *self {{}} }}
             fn message(&self) -> &'static str {{ match *self {{}} }}
             fn status(&self) -> u16 {{ match *self {{}} }}
             fn description(&self) -> &'static str {{ match *self {{}} }}
             fn description_zh(&self) -> ::core::option::Option<&'static str> {{ match *self {{}} }}
             fn retry_class(&self) -> ::bce_errors::RetryClass {{ match *self {{}} }}
             fn from_code(_: &str) -> ::core::option::Option<Self> {{ ::core::option::Option::None }}
         }}"
    )));
    out
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
