//! The whole attribute macro, minus the `proc_macro` types: attribute and item in, code
//! out, running the stages in order.

use std::path::Path;

use proc_macro2::TokenStream;

use crate::fallback::{Partial, fallback};
use crate::generate::{DEFAULT_RUNTIME, GenerateOptions, generate_item};
use crate::item::{EnumItem, parse_args, parse_item};
use crate::load::load_files;
use crate::tokens::{MacroError, compile_errors};
use crate::validate::{check_listed, known_variants, validate};

/// Expands `#[bce_errors(attr)] item`. `manifest_dir` is the invoking crate's root
/// (`CARGO_MANIFEST_DIR`), against which the spec path resolves. Never panics: every
/// problem is a compile error beside the one fallback.
pub fn expand(attr: TokenStream, item: TokenStream, manifest_dir: Option<&Path>) -> TokenStream {
    match try_expand(attr, item.clone(), manifest_dir) {
        Ok(tokens) => tokens,
        Err(failure) => failure.into_tokens(item),
    }
}

/// Why the expansion failed, and what the fallback can still declare.
struct Failure {
    errors: Vec<MacroError>,
    /// The runtime's path.
    rt: String,
    /// The enum, when the item is one (else the item is given back as written, or
    /// dropped when it would only add errors).
    skeleton: Option<Box<EnumItem>>,
    keep_item: bool,
    partial: Box<Partial>,
}

impl Failure {
    fn new(errors: Vec<MacroError>, rt: &str, skeleton: &EnumItem, partial: Partial) -> Self {
        Failure {
            errors,
            rt: rt.to_owned(),
            skeleton: Some(Box::new(skeleton.clone())),
            keep_item: false,
            partial: Box::new(partial),
        }
    }

    /// The errors, then the fallback enum (or the item as written).
    fn into_tokens(self, item: TokenStream) -> TokenStream {
        let errors = compile_errors(&self.errors);
        match self.skeleton {
            Some(skeleton) => fallback(&skeleton, errors, &self.rt, &self.partial),
            // Not an enum at all: give the item back untouched, beside the error.
            None if self.keep_item => errors.into_iter().chain(item).collect(),
            None => errors,
        }
    }
}

/// The stages in order; the first that fails says why.
fn try_expand(
    attr: TokenStream,
    item: TokenStream,
    manifest_dir: Option<&Path>,
) -> Result<TokenStream, Failure> {
    let args = parse_args(attr);
    let rt = args
        .as_ref()
        .ok()
        .and_then(|a| a.runtime.clone())
        .unwrap_or_else(|| DEFAULT_RUNTIME.to_owned());
    let input = parse_item(item).map_err(|e| Failure {
        errors: e.errors.into_iter().chain(args.clone().err()).collect(),
        rt: rt.clone(),
        skeleton: e.skeleton,
        keep_item: e.keep_item,
        partial: Box::default(),
    })?;
    let args = args.map_err(|e| Failure::new(vec![e], &rt, &input, Partial::default()))?;
    let root = manifest_dir.ok_or_else(|| {
        let e = MacroError::new(
            args.span,
            "CARGO_MANIFEST_DIR is not set: build this crate with cargo",
        );
        Failure::new(vec![e], &rt, &input, Partial::default())
    })?;
    let loaded = load_files(root, &args.path);
    let partial = Partial {
        variants: known_variants(&loaded),
        includes_global: loaded.global_include.is_some(),
    };
    let spec = validate(loaded).map_err(|problems| {
        let errors = problems
            .0
            .iter()
            .map(|d| MacroError::new(args.span, d.to_string()))
            .collect();
        Failure::new(errors, &rt, &input, partial.clone())
    })?;
    if !input.variants.is_empty() {
        check_listed(&input, &spec).map_err(|errors| Failure::new(errors, &rt, &input, partial))?;
    }
    let options = GenerateOptions {
        manifest_dir: Some(root),
        runtime: Some(&rt),
    };
    Ok(generate_item(&spec, &input, &options).into_tokens())
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
