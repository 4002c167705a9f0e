//! The engine of the `bce-errors` command: reading docs pages (text, markdown, HTML),
//! finding their error tables, and comparing them with spec files. The binary in
//! `main.rs` is a thin layer of argument parsing and printing over this.
#![deny(missing_docs)]

pub mod check;
mod html;
pub mod naming;
pub mod page;
pub mod specfile;
pub mod status;
pub mod sync;
pub mod tables;
