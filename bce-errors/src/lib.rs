//! Typed errors for Baidu AI Cloud (BCE) APIs, generated from the error-code tables of
//! the docs.
//!
//! ```
//! use bce_errors::services::NatError;
//!
//! let code = NatError::from_code("NoSuchNat").unwrap();
//! assert_eq!(code.status(), 404);
//! assert_eq!(code.message(), "The specified nat is not found.");
//! assert!(!code.is_retryable());
//! assert_eq!(code.to_string(), "NoSuchNat (404): The specified nat is not found.");
//! ```
#![deny(missing_docs)]

extern crate self as bce_errors;

mod error;
mod escape;
#[cfg(feature = "http")]
mod http_impls;
mod json;
mod response;
mod retry;
#[cfg(feature = "serde")]
mod serde_impls;
mod service;
pub mod services;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

/// Generates a typed error enum from a spec file.
///
/// The path is relative to the crate root (the directory of `Cargo.toml`). The enum
/// must be declared empty (or list exactly the spec's variants); see the crate docs for
/// everything it generates.
pub use bce_errors_macros::bce_errors;
pub use error::{BceError, PARSE_LIMIT, REQUEST_ID_HEADER, ResponseHeaders, SNIPPET_LIMIT};
pub use json::BodyError;
pub use response::ErrorResponse;
pub use retry::{RetryClass, classify};
pub use service::{ServiceError, UnknownCode};
