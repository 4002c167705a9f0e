//! A downstream crate's own error enums, generated from its own specs.

/// Errors of the CFS API (user docs are kept and the spec's origin is appended).
#[bce_errors::bce_errors("specs/cfs.toml")]
#[derive(PartialOrd, Ord)]
pub enum CfsError {}

/// Variants listed by hand: the macro checks them against the spec.
#[bce_errors::bce_errors("specs/tiny.toml")]
pub(crate) enum TinyError {
    /// A user's own doc line, kept beside the generated one.
    First,
    SecondCode,
}

/// The hand-listed enum, reachable from tests.
pub fn tiny(code: &str) -> Option<(&'static str, u16)> {
    TinyError::from_code(code).map(|t| (t.code(), t.status()))
}
