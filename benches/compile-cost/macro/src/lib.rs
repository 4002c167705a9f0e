//! The bundled enums through the macro, as a user's crate gets them.

pub use bce_errors::services::*;

/// Uses every enum, so none is optimised away.
pub fn describe(code: &str) -> Vec<String> {
    BUNDLED.iter().filter_map(|b| b.lookup(code)).map(|c| format!("{} {}", c.status, c.message)).collect()
}
