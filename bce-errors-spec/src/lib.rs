//! The engine behind `#[bce_errors("specs/x.toml")]`, shared by the proc-macro shim,
//! the `bce-errors` command and the code generator of the bundled enums.
//!
//! The pipeline, one module a stage:
//!
//! | stage | module | |
//! |---|---|---|
//! | 1 | `item` | the user's enum and the attribute's arguments, from tokens |
//! | 2 | `toml`, `spec_file` | one TOML file → a tree of values with spans → its keys and values with locations |
//! | 3 | `load` | files read (bounded, once each), includes followed, overrides merged |
//! | 4 | `validate` | every rule, every problem in one pass |
//! | 5 | `generate` | the enum, and its rows as data for the runtime's `code_enum!` ([`generate()`]; `generate/lookup`: the seed of `from_code`'s hash) |
//! | 6 | `fallback` | on any problem: the enum and the same `code_enum!` call with what could be read, beside the errors |
//!
//! [`expand()`] runs the stages for the macro; [`load_spec`] stages 2–4 and [`generate()`]
//! stage 5 for tools. Beside them: [`diagnostic`] (rustc-style errors with file:line:col,
//! gathered in one [`Error`]), [`naming`] (the variant rule), `tokens` (compile errors,
//! literals, lexing), `model` (the validated spec as plain data). The stage modules are
//! private: what tools need is at the root.
//!
//! It is lean on purpose — every user of the macro compiles it: `proc-macro2` and the
//! runtime `bce-errors-core` (for `RetryClass`) are its dependencies; no `syn`, no
//! `quote`, no serde, and its own TOML parser (TOML 1.1 without dates, tested against
//! the TOML test suite and against the `toml-span` crate), which builds in a fraction
//! of a TOML crate's time.
//!
//! ```
//! use bce_errors_spec::parse_spec;
//!
//! let text = r#"
//! [service]
//! name = "Demo"
//! source = "Demo › Error codes"
//!
//! [[error]]
//! code = "NoSuchThing"
//! message = "The thing is not found."
//! status = 404
//! description = "Create the thing first."
//!
//! [[error]]
//! code = 110
//! message = "Access token invalid or no longer valid"
//! "#;
//! let spec = parse_spec("specs/demo.toml", text).unwrap();
//! assert_eq!(spec.rows[0].variant, "NoSuchThing");
//! assert_eq!(spec.rows[0].status, Some(404));
//! assert_eq!((spec.rows[1].variant.as_str(), spec.rows[1].status), ("E110", None));
//! ```
#![deny(missing_docs)]

pub mod diagnostic;
mod expand;
mod fallback;
mod generate;
mod item;
mod load;
mod model;
pub mod naming;
mod spec_file;
mod tokens;
mod toml;
mod validate;

use std::collections::HashMap;
use std::path::Path;

pub use diagnostic::Diagnostics as Error;
pub use expand::expand;
pub use generate::{Generated, generate};
pub use model::{Row, Service, Spec};

/// Loads and validates the spec at `rel`, relative to `root` (the crate root): stages
/// 2–4, as the macro runs them. Every problem in every file is reported together.
pub fn load_spec(root: &Path, rel: &str) -> Result<Spec, Error> {
    validate::validate(load::load_files(root, rel))
}

/// [`load_spec`], with some files read from memory instead of the disk: `overlay` maps
/// a path relative to `root` to its text (how `bce-errors sync --write` checks the specs
/// it is about to write).
pub fn load_spec_with(
    root: &Path,
    rel: &str,
    overlay: &HashMap<String, String>,
) -> Result<Spec, Error> {
    validate::validate(load::load_files_with(root, rel, overlay))
}

/// Validates a spec held in memory (`file` names it in diagnostics); it may not include
/// other files.
pub fn parse_spec(file: &str, text: &str) -> Result<Spec, Error> {
    validate::validate(load::load_text(file, text))
}
