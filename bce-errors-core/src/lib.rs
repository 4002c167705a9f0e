//! The runtime of [bce-errors](https://docs.rs/bce-errors): [`RetryClass`] and
//! [`classify`], the [`ServiceError`] trait every generated enum implements and the
//! [`Row`] each of its codes reads; with the feature `response` (which `bce-errors`
//! turns on by default), [`BceError`], response parsing and [`ErrorResponse`].
//!
//! Use it through `bce-errors`, which re-exports all of it beside the macro and the
//! bundled enums. It is a crate of its own so that it compiles while the macro's engine
//! does: it does not depend on the macro, and everything generated code calls is here.
//! The examples are written as a `bce-errors` user reads them.
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Links to the response half resolve where `response` is on (docs.rs documents every
// feature); without it they read as plain text.
#![cfg_attr(not(feature = "response"), allow(rustdoc::broken_intra_doc_links))]

#[cfg(feature = "retry-after")]
pub mod call;
mod code_enum;
#[cfg(feature = "response")]
mod error;
mod escape;
#[cfg(feature = "http")]
mod http_impls;
#[cfg(feature = "response")]
mod json;
#[cfg(any(feature = "response", feature = "serde"))]
mod numeric;
#[cfg(feature = "response")]
mod response;
mod retry;
mod row;
#[cfg(all(feature = "serde", feature = "response"))]
mod serde_impls;
mod service;

#[doc(hidden)]
#[path = "private/mod.rs"]
pub mod __private;

#[cfg(feature = "response")]
#[cfg_attr(docsrs, doc(cfg(feature = "response")))]
pub use error::{
    BceError, DISPLAY_FIELD_LIMIT, PARSE_LIMIT, REQUEST_ID_HEADER, ResponseHeaders, SNIPPET_LIMIT,
};
#[cfg(feature = "response")]
#[cfg_attr(docsrs, doc(cfg(feature = "response")))]
pub use json::{BodyError, BodyFormat};
#[cfg(feature = "response")]
#[cfg_attr(docsrs, doc(cfg(feature = "response")))]
pub use response::{ErrorResponse, is_success_code};
pub use retry::{RetryClass, classify, documented_class, retry_reason};
pub use row::Row;
pub use service::{ServiceError, UnknownCode};
