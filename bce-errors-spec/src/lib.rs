//! The engine behind `#[bce_errors("specs/x.toml")]`, shared by the proc-macro shim,
//! the `bce-errors` command and the code generator of the bundled enums.
//!
//! The pipeline, one module a stage:
//!
//! | stage | module | |
//! |---|---|---|
//! | 1 | `item` | the user's enum and the attribute's arguments, from tokens |
//! | 2 | `spec_file` | one TOML file → its keys and values with locations ([`read_spec_file`]) |
//! | 3 | `load` | files read (bounded, once each), includes followed, overrides merged ([`load_files`]) |
//! | 4 | `validate` | every rule, every problem in one pass ([`validate()`]) |
//! | 5 | `generate` | the enum, and its rows as data for the runtime's `code_enum!` ([`generate()`]; `generate/lookup`: the seed of `from_code`'s hash) |
//! | 6 | `fallback` | on any problem: the enum and the same `code_enum!` call with what could be read, beside the errors |
//!
//! [`expand`] runs the stages for the macro. Beside them: `diagnostic` (rustc-style
//! errors with file:line:col), `naming` (the variant rule and reserved names), `tokens`
//! (compile errors, literals, lexing), `model` (the validated spec as plain data).
//!
//! It is lean on purpose — every user of the macro compiles it: `proc-macro2`, `toml`
//! (its parser only, without serde) and the runtime `bce-errors-core` (for
//! `RetryClass`) are its dependencies; no `syn`, no `quote`, no serde.
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

mod diagnostic;
mod expand;
mod fallback;
mod generate;
mod item;
mod load;
mod model;
mod naming;
mod spec_file;
mod tokens;
mod validate;

use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, LineIndex, Location};
pub use expand::expand;
pub use generate::{DEFAULT_RUNTIME, GenerateOptions, Generated, generate};
pub use item::{Attribute, EnumItem, MacroArgs, Variant, parse_args, parse_enum};
pub use load::{Loaded, MAX_SPEC_BYTES, RowRef, Shadowed, load_files, load_files_with, load_text};
pub use model::{Row, Service, Spec};
pub use naming::{enum_name, is_keyword, variant_name};
pub use spec_file::{Field, RowFields, ServiceFields, SpecFile, read_spec_file};
pub use tokens::{MacroError, compile_errors};
pub use validate::{check_listed, known_variants, validate};

/// Loads and validates the spec at `rel`, relative to `root` (the crate root): stages
/// 2–4, as the macro runs them. Every problem in every file is reported together.
pub fn load_spec(root: &Path, rel: &str) -> Result<Spec, Diagnostics> {
    validate(load_files(root, rel))
}

/// Validates a spec held in memory (`file` names it in diagnostics); it may not include
/// other files.
pub fn parse_spec(file: &str, text: &str) -> Result<Spec, Diagnostics> {
    validate(load_text(file, text))
}
