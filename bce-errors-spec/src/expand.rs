//! The whole attribute macro, minus the `proc_macro` types: attribute and item in, code
//! out, running the stages in order.

use std::path::Path;

use proc_macro2::TokenStream;

use crate::fallback::{Partial, fallback};
use crate::generate::{DEFAULT_RUNTIME, GenerateOptions, generate};
use crate::item::{parse_args, parse_item};
use crate::load::load_files;
use crate::tokens::{MacroError, compile_errors};
use crate::validate::{check_listed, known_variants, validate};

/// Expands `#[bce_errors(attr)] item`. `manifest_dir` is the invoking crate's root
/// (`CARGO_MANIFEST_DIR`), against which the spec path resolves.
pub fn expand(attr: TokenStream, item: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    let args = parse_args(attr);
    let rt = args
        .as_ref()
        .ok()
        .and_then(|a| a.runtime.clone())
        .unwrap_or_else(|| DEFAULT_RUNTIME.to_owned());
    let input = match parse_item(item.clone()) {
        Ok(input) => input,
        Err(e) => {
            let mut errors = e.errors;
            errors.extend(args.err());
            let errors = compile_errors(&errors);
            return match e.skeleton {
                Some(skeleton) => fallback(&skeleton, errors, &rt, &Partial::default()),
                // Not an enum at all: give the item back untouched, beside the error.
                None if e.keep_item => errors.into_iter().chain(item).collect(),
                None => errors,
            };
        }
    };
    let args = match args {
        Ok(args) => args,
        Err(e) => return fallback(&input, compile_errors(&[e]), &rt, &Partial::default()),
    };
    let Some(root) = manifest_dir else {
        let e = MacroError::new(
            args.span,
            "CARGO_MANIFEST_DIR is not set: build this crate with cargo",
        );
        return fallback(&input, compile_errors(&[e]), &rt, &Partial::default());
    };
    let loaded = load_files(root, &args.path);
    let partial = Partial {
        variants: known_variants(&loaded),
        includes_global: loaded.global_include.is_some(),
    };
    let spec = match validate(loaded) {
        Ok(spec) => spec,
        Err(problems) => {
            let errors: Vec<MacroError> = problems
                .0
                .iter()
                .map(|d| MacroError::new(args.span, d.to_string()))
                .collect();
            return fallback(&input, compile_errors(&errors), &rt, &partial);
        }
    };
    if !input.variants.is_empty() {
        if let Err(errors) = check_listed(&input, &spec) {
            return fallback(&input, compile_errors(&errors), &rt, &partial);
        }
    }
    let options = GenerateOptions {
        manifest_dir: Some(root),
        runtime: Some(&rt),
    };
    generate(&spec, &input, &options).into_tokens()
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
            ("\"src\"", "enum E {}", "not a regular file but a directory"),
        ] {
            let out = expand_str(attr, item);
            assert!(out.contains("compile_error"), "{attr} {item}: {out}");
            assert!(out.contains(expected), "{attr} {item}: {out}");
        }
    }

    #[test]
    fn the_fallback_declares_the_whole_api() {
        let out = expand_str("\"specs/missing.toml\"", "pub enum E {}");
        for item in ["pub enum E", "code_enum ! { E {", "derive"] {
            assert!(out.contains(item), "{item}: {out}");
        }
    }
}
