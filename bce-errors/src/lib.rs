//! Typed errors for Baidu AI Cloud (BCE) APIs, generated from the error-code tables of
//! the BCE documentation.
//!
//! A failed BCE call answers an HTTP status and a body like
//! `{"code":"NoSuchNat","message":"...","requestId":"..."}`. This crate turns the
//! documented codes into enums you can `match` on, and any response into a
//! [`BceError`] that never fails to build.
//!
//! # Tour
//!
//! ```
//! use bce_errors::{BceError, RetryClass, services::NatError};
//!
//! let body = br#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"r-1"}"#;
//! let err: BceError<NatError> = BceError::from_response(404, None, body);
//! match err.kind() {
//!     Some(NatError::NoSuchNat) => { /* create it first */ }
//!     Some(kind) if kind.is_retryable() => { /* retry later */ }
//!     _ => { /* unknown codes still carry code, message and request id */ }
//! }
//! assert_eq!(err.to_string(), "NoSuchNat (404): The specified nat is not found. [r-1]");
//! assert_eq!(err.retry_class(), RetryClass::Never);
//!
//! // Every documented code knows what its docs page says.
//! let code = NatError::from_code("NoSuchNat").unwrap();
//! assert_eq!((code.status(), code.message()), (404, "The specified nat is not found."));
//! assert_eq!(code.description(), "The NAT gateway specified in the query was not found.");
//! ```
//!
//! - [`services`] has one enum per bundled spec (`GlobalError`, `NatError`, `CceError`, …).
//! - [`macro@bce_errors`] generates an enum for a service of your own from a spec file.
//! - [`BceError::from_response`] takes a status, headers (or just the request id) and
//!   the body; an HTML page from a proxy, an empty or cut-off body still gives a value
//!   with the status and a bounded snippet, marked unparsed, never a made-up code.
//! - [`RetryClass`] and [`classify`] say whether and how to retry.
//! - [`ErrorResponse`] reads and writes the documented body, for mocks and test doubles.
//!
//! # Your own service
//!
//! ```
//! // A spec file (format in specs/README.md), relative to your Cargo.toml.
//! #[bce_errors::bce_errors("examples/specs/cfs.toml")]
//! pub enum CfsError {}
//!
//! assert_eq!(CfsError::FileSystemNotFound.status(), 404);
//! assert_eq!(CfsError::from_code("FileSystemBusy"), Some(CfsError::FileSystemBusy));
//! ```
//!
//! The enum gets one fieldless variant per code, with rustdoc from the row (code,
//! status, message, description); `#[non_exhaustive]`; `Debug, Clone, Copy, PartialEq,
//! Eq, Hash`; `code()`, `message()`, `status()`, `description()`, `description_zh()`,
//! `retry_class()`, `is_retryable()`, `from_code()`, `FromStr`, `ALL`, `SERVICE`; a
//! one-line `Display`; `std::error::Error`; [`ServiceError`]; and `From<GlobalError>`
//! when the spec includes `global.toml`. A bad spec is a compile error at
//! `specs/cfs.toml:LINE:COL` saying how to fix it.
//!
//! # Features
//!
//! | feature | adds |
//! |---------|------|
//! | *(default: none)* | everything above, with no dependency but the macro |
//! | `serde` | `Serialize`/`Deserialize` for [`ErrorResponse`] and every code enum (as its wire code) |
//! | `http`  | `http::StatusCode`, `BceError::from_http`, `ErrorResponse::http_response` |
//!
//! # Crates
//!
//! Depend on `bce-errors` alone. The runtime items above are defined in
//! `bce-errors-core` and re-exported here unchanged (it compiles while the macro's engine
//! does, which keeps clean builds short); the macro comes from `bce-errors-macros`.
//!
//! # Rebuild tracking
//!
//! The macro `include_str!`s every spec file it reads, so cargo rebuilds a crate when
//! its spec changes. rust-analyzer caches expansions until the invoking `.rs` file
//! changes: touch it after editing a spec to refresh hover and completion.
#![deny(missing_docs)]

extern crate self as bce_errors;

pub mod services;

#[doc(hidden)]
pub use bce_errors_core::{__glue, __private};

/// Generates a typed error enum from a spec file.
///
/// The path is relative to the crate root (the directory of `Cargo.toml`). The enum
/// must be declared empty (or list exactly the spec's variants); see the crate docs for
/// everything it generates.
pub use bce_errors_macros::bce_errors;
// The runtime lives in bce-errors-core, which compiles beside the macro's engine.
pub use bce_errors_core::{
    BceError, BodyError, ErrorResponse, PARSE_LIMIT, REQUEST_ID_HEADER, ResponseHeaders,
    RetryClass, SNIPPET_LIMIT, ServiceError, UnknownCode, classify,
};
