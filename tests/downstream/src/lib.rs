//! A downstream crate's own error enums, generated from its own specs. Any warning in
//! the generated code fails the build.
#![deny(warnings)]

/// Errors of the CFS API (user docs are kept and the spec's origin is appended).
#[bce_errors::bce_errors("specs/cfs.toml")]
#[derive(PartialOrd, Ord)]
pub enum CfsError {}

/// AI-platform codes: numbers, a colon code, no status.
#[bce_errors::bce_errors("specs/ai.toml")]
pub enum AiError {}

/// Codes alike at both ends: the lookup's key skips their shared suffix.
#[bce_errors::bce_errors("specs/suffixed.toml")]
pub enum SuffixedError {}

/// A thousand codes (the benchmarks' spec): the lookup adds per-bucket displacements.
#[bce_errors::bce_errors("../../benches/specs/synthetic_1000.toml")]
pub enum SyntheticError {}

/// Variants listed by hand: the macro checks them against the spec.
#[bce_errors::bce_errors("specs/tiny.toml")]
pub(crate) enum TinyError {
    /// A user's own doc line, kept beside the generated one.
    First,
    SecondCode,
}

/// The hand-listed enum, reachable from tests.
pub fn tiny(code: &str) -> Option<(&'static str, Option<u16>)> {
    TinyError::from_code(code).map(|t| (t.code(), t.status()))
}

/// Generated code names everything by absolute path: it compiles with no prelude, and
/// beside enums whose names the generated code might have used itself.
#[no_implicit_prelude]
pub mod odd_scopes {
    /// An enum named like a one-letter helper.
    #[::bce_errors::bce_errors("specs/tiny.toml")]
    pub enum S {}

    /// Another.
    #[::bce_errors::bce_errors("specs/tiny.toml")]
    pub enum E {}

    /// One named like a prelude type.
    #[::bce_errors::bce_errors("specs/tiny.toml")]
    pub enum Option {}
}
