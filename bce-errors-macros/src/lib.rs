//! The `#[bce_errors("specs/x.toml")]` attribute. A shim: everything happens in
//! [`bce_errors_spec::expand`], which tests and the command-line tool share.
//! Use it through the `bce-errors` crate, which documents it.
#![deny(missing_docs)]

use proc_macro::TokenStream;

/// Generates a typed error enum from a spec file; see the `bce-errors` crate docs.
#[proc_macro_attribute]
pub fn bce_errors(attr: TokenStream, item: TokenStream) -> TokenStream {
    let root = std::env::var_os("CARGO_MANIFEST_DIR").map(std::path::PathBuf::from);
    bce_errors_spec::expand(attr.into(), item.into(), root.as_deref()).into()
}
