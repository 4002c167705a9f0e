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
//! use bce_errors::services::NatError;
//! # #[cfg(feature = "response")] {
//! use bce_errors::{BceError, RetryClass};
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
//! # }
//!
//! // Every documented code knows what its docs page says.
//! let code = NatError::from_code("NoSuchNat").unwrap();
//! assert_eq!((code.status(), code.message()), (Some(404), "The specified nat is not found."));
//! assert_eq!(code.description(), Some("The NAT gateway specified in the query was not found."));
//! ```
//!
//! The AI platform (OCR, speech, Qianfan …) answers errors with HTTP 200 and a numeric
//! `error_code`; [`BceError::check`] tells such an error from a success:
//!
//! ```
//! # #[cfg(feature = "response")] {
//! use bce_errors::{BceError, services::GlobalError};
//!
//! let body = br#"{"error_code":110,"error_msg":"Access token invalid or no longer valid","log_id":1803053124329552748}"#;
//! let err = BceError::<GlobalError>::check(200, (), body).unwrap_err();
//! assert_eq!((err.code(), err.log_id()), (Some("110"), Some("1803053124329552748")));
//! assert!(BceError::<GlobalError>::check(200, (), br#"{"result":[]}"#).is_ok());
//! # }
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
//! # #[cfg(feature = "macro")] {
//! // A spec file (format in specs/README.md), relative to your Cargo.toml.
//! #[bce_errors::bce_errors("examples/specs/cfs.toml")]
//! pub enum CfsError {}
//!
//! assert_eq!(CfsError::FileSystemNotFound.status(), Some(404));
//! assert_eq!(CfsError::from_code("FileSystemBusy"), Some(CfsError::FileSystemBusy));
//! # }
//! ```
//!
//! The enum gets one fieldless variant per code, with rustdoc from the row (code,
//! status, message, description); `#[non_exhaustive]`; `Debug, Clone, Copy, PartialEq,
//! Eq, Hash` (those you derive yourself are not added again); `code()`, `message()`,
//! `status()` and `description()` (`Option`s: AI-platform tables document no status),
//! `description_zh()`, `variant_name()`, `retry_class()`, `is_retryable()`,
//! `from_code()`, `row()` (the whole [`Row`]), `index()`, `FromStr`, `ALL`, `SERVICE`; a
//! one-line `Display`; `std::error::Error`; [`ServiceError`]; and `From<GlobalError>`
//! when the spec includes a file that says `global = true` (the bundled `global.toml`
//! does). A bad spec is a compile error at
//! `specs/cfs.toml:LINE:COL` saying how to fix it. A dependency renamed in Cargo.toml
//! (`bce = { package = "bce-errors" }`) is named with
//! `#[bce::bce_errors("specs/cfs.toml", crate = "bce")]`.
//!
//! # On the call path
//!
//! With the `reqwest` feature, a reqwest response becomes a typed error, and a call is
//! retried with what only BCE's docs know, on [backon](https://docs.rs/backon):
//!
//! ```no_run
//! # #[cfg(feature = "reqwest")] mod example {
//! use bce_errors::{BceError, call::{Bytes, CallError, RetryPolicy}, services::NatError};
//!
//! async fn describe_nat(client: &reqwest::Client, policy: &RetryPolicy, url: &str)
//!     -> Result<Bytes, CallError<NatError>>
//! {
//!     policy   // one per endpoint, beside the client: its clones share the retry budget
//!         .retry(|| async { BceError::check_reqwest(client.get(url).send().await?).await })
//!         .await
//! }
//! # }
//! ```
//!
//! - `BceError::from_reqwest(response).await` never fails, like
//!   [`BceError::from_response`]; the body is read as a stream and cut after
//!   [`PARSE_LIMIT`] bytes. `BceError::check_reqwest` is a body-aware
//!   `error_for_status`: the successful body, or a `call::CallError` — the service's
//!   error (an error status, or the AI platform's `error_code` inside HTTP 200, with
//!   the response's `Retry-After`) or the transport's (connect, timeout, a cut body).
//! - `call::RetryPolicy` decides per [`RetryClass`]: transient errors back off
//!   exponentially with full jitter (100 ms window, doubling, capped at 20 s), throttling
//!   longer (1 s window, at least half of it), clock skew is re-signed and retried once,
//!   everything else is returned at once; `Retry-After` is the shortest wait; 3 attempts
//!   and 30 s at most; and a `call::RetryBudget` (AWS's standard token bucket) stops
//!   retries when most calls fail. The numbers and why are on `RetryPolicy`.
//! - hyper and tower users: `BceError::from_http_body` / `check_http_body` (feature
//!   `http-body`) read any `http::Response<B: http_body::Body>`, by the same code.
//!
//! `cargo run --example reqwest_client --features reqwest` runs it against a faulty
//! test double on loopback, printing each attempt.
//!
//! # Features
//!
//! | feature | adds |
//! |---------|------|
//! | `macro` *(default)* | `#[bce_errors("specs/x.toml")]` for services of your own |
//! | `response` *(default)* | reading responses: [`BceError`], [`ErrorResponse`], [`is_success_code`] and the JSON reader behind them |
//! | *(none: `default-features = false`)* | the bundled enums and their runtime ([`ServiceError`], [`Row`], [`RetryClass`], [`classify`]), with no dependency and no proc-macro; add `features = ["response"]` to read responses |
//! | `serde` | `Serialize`/`Deserialize` for every code enum (as its wire code), and for [`ErrorResponse`] with `response` |
//! | `http`  | `response`, and `http::StatusCode`, `BceError::from_http`, `ErrorResponse::http_response` |
//! | `retry` | `response` and `retry-after`, and `call::{RetryPolicy, RetryBudget, CallError}`: the retry decisions on backon (sleeps on tokio's timer unless given another sleeper) |
//! | `retry-after` | `call::retry_after` alone: the delay a `Retry-After` header asks for (seconds or an HTTP date) |
//! | `http-body` | `retry` and `http`, and `BceError::from_http_body` / `check_http_body` for hyper and tower |
//! | `reqwest` | `http-body`, and `BceError::from_reqwest` / `check_reqwest`, `CallError: From<reqwest::Error>`; forces no TLS |
//!
//! # Crates
//!
//! Depend on `bce-errors` alone. The runtime items above are defined in
//! `bce-errors-core` and re-exported here unchanged (it compiles while the macro's engine
//! does, which keeps clean builds short); the macro comes from `bce-errors-macros`; the
//! bundled enums are ordinary Rust in this crate, written by the macro's own generator
//! from `specs/` (`cargo xtask regenerate`), so using them compiles no proc-macro.
//!
//! # Rebuild tracking
//!
//! The macro `include_str!`s every spec file it reads, so cargo rebuilds a crate when
//! its spec changes. rust-analyzer caches expansions until the invoking `.rs` file
//! changes: touch it after editing a spec to refresh hover and completion.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Links to the response half resolve where `response` is on (docs.rs documents every
// feature); without it they read as plain text.
#![cfg_attr(not(feature = "response"), allow(rustdoc::broken_intra_doc_links))]

mod catalog;
#[rustfmt::skip] // Generated and formatted by `cargo xtask regenerate`.
pub mod services;

#[cfg(feature = "retry-after")]
pub use bce_errors_core::call;
#[doc(hidden)]
pub use bce_errors_core::{__glue, __private};

/// Generates a typed error enum from a spec file (feature `macro`, on by default).
///
/// The path is relative to the crate root (the directory of `Cargo.toml`). The enum
/// must be declared empty (or list exactly the spec's variants); see the crate docs for
/// everything it generates. `crate = "path"` names this crate when it is renamed.
///
/// Write your own attributes **below** the attribute: the macro keeps them, and of
/// `Debug, Clone, Copy, PartialEq, Eq, Hash` adds only those you did not derive.
///
/// ```
/// # #[cfg(feature = "macro")] {
/// #[bce_errors::bce_errors("examples/specs/cfs.toml")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum CfsError {}
///
/// assert!(CfsError::ALL[0] < CfsError::ALL[1]);
/// # }
/// ```
///
/// A `#[derive]` written *above* `#[bce_errors]` is applied by rustc to the enum as
/// written, before the macro has given it its variants, and the macro never sees it:
/// `derive(PartialOrd)` then fails with "non-exhaustive patterns", and a derive the
/// macro adds as well with "conflicting implementations". Move the derive below.
#[cfg(feature = "macro")]
#[cfg_attr(docsrs, doc(cfg(feature = "macro")))]
pub use bce_errors_macros::bce_errors;
// The runtime lives in bce-errors-core, which compiles beside the macro's engine.
#[cfg(feature = "response")]
#[cfg_attr(docsrs, doc(cfg(feature = "response")))]
pub use bce_errors_core::{
    BceError, BodyError, BodyFormat, DISPLAY_FIELD_LIMIT, ErrorResponse, PARSE_LIMIT,
    REQUEST_ID_HEADER, ResponseHeaders, SNIPPET_LIMIT, is_success_code,
};
pub use bce_errors_core::{
    RetryClass, Row, ServiceError, UnknownCode, classify, documented_class, retry_reason,
};
