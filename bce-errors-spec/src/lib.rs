//! The engine behind `#[bce_errors("specs/x.toml")]`: the spec model, TOML loading that
//! keeps line and column for every value, validation, and code generation to a
//! [`proc_macro2::TokenStream`].
//!
//! It is an ordinary library so that the proc-macro shim, the `bce-errors` command and
//! tests all run the very same code. It is lean on purpose — every user of the macro
//! compiles it: `proc-macro2`, `toml_parser` (the parser under the `toml` crate) and
//! `toml_datetime` are its only dependencies; no `syn`, no `quote`, no serde.
//!
//! ```
//! use bce_errors_spec::{parse_spec, SpecSource};
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
//! "#;
//! let spec = parse_spec(SpecSource::new("specs/demo.toml", text)).unwrap();
//! assert_eq!(spec.rows[0].variant, "NoSuchThing");
//! assert_eq!(spec.rows[0].status, 404);
//! ```
#![deny(missing_docs)]

mod diagnostic;
mod document;
mod expand;
mod generate;
mod item;
mod load;
mod lookup;
mod model;
mod naming;
mod resolve;

pub use diagnostic::{Diagnostic, Diagnostics, Location};
pub use expand::expand;
pub use generate::{GenerateOptions, generate};
pub use item::{Attribute, EnumItem, MacroError, Variant, compile_errors, parse_enum};
pub use load::parse_file;
pub use model::{Include, Retry, Row, Service, Spec, SpecFile};
pub use naming::{is_keyword, variant_name};
pub use resolve::{SpecSource, load_spec, parse_spec};
