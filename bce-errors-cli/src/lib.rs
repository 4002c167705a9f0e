//! The engine of the `bce-errors` command. Importing a page runs in two stages:
//!
//! 1. [`page`]: a saved page (text, markdown, HTML) → lines and tables with known cells;
//! 2. [`import`]: those blocks → error tables, rows, and everything not imported with
//!    its page line and why.
//!
//! Then [`specfile`] writes a spec for a table (validated as the macro validates it),
//! [`sync`] compares a page with committed specs ([`specs`] loads them) and edits them,
//! [`files`] writes files safely, [`commands`] holds one module a command, and
//! [`output`] how they print and fail; [`cli`] is the command line (arguments and
//! dispatch), and `main.rs` only runs it.
#![deny(missing_docs)]

pub mod cli;
pub mod commands;
pub mod files;
pub mod import;
pub mod output;
pub mod page;
pub mod specfile;
pub mod specs;
pub mod sync;
