//! The `bce-errors` command. This crate is a binary: install it with `cargo install
//! bce-errors-cli` and run `bce-errors --help`. **Its library is not a supported API**:
//! the modules below are public only so that the command's own tests and benchmarks can
//! reach them, are hidden from the docs, and may change in any release. Use the
//! `bce-errors` crate (the runtime) and `bce-errors-spec` (the engine) from code.
//!
//! Importing a page runs in two stages: `page` (a saved page — text, markdown, HTML — →
//! lines and tables with known cells), then `import` (those blocks → error tables, rows,
//! and everything not imported with its page line and why). Then `specfile` writes a spec
//! for a table (validated as the macro validates it), `sync` compares a page with
//! committed specs (`specs` loads them) and edits them, `files` writes files safely,
//! `commands` holds one module a command (each declaring its own arguments), and
//! `output` how they print and fail; `cli` is the command line, and `main.rs` only runs
//! it.
#![deny(missing_docs)]

#[doc(hidden)]
pub mod catalog;
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod commands;
#[doc(hidden)]
pub mod fetch;
#[doc(hidden)]
pub mod files;
#[doc(hidden)]
pub mod import;
#[doc(hidden)]
pub mod output;
#[doc(hidden)]
pub mod page;
#[doc(hidden)]
pub mod specfile;
#[doc(hidden)]
pub mod specs;
#[doc(hidden)]
pub mod sync;
