//! On the call path: from an HTTP response to a typed error, and retries that hold
//! under faults (features `retry`, `http-body`, `reqwest`).
//!
//! ```no_run
//! # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
//! use bce_errors::{BceError, call::{Bytes, CallError, RetryPolicy}, services::NatError};
//!
//! async fn nat(client: &reqwest::Client, policy: &RetryPolicy, url: &str) -> Result<Bytes, CallError<NatError>> {
//!     policy
//!         .retry(|| async { BceError::check_reqwest(client.get(url).send().await?).await })
//!         .notify(|err, wait| eprintln!("{err}; retrying in {wait:?}"))
//!         .await
//! }
//! ```
//!
//! - [`BceError::from_reqwest`](crate::BceError::from_reqwest) (and
//!   [`BceError::from_http_body`](crate::BceError::from_http_body) for hyper and tower)
//!   turns a response into a typed error and never fails; the body is read as a stream
//!   and cut after [`PARSE_LIMIT`](crate::PARSE_LIMIT) bytes, as by every entry point.
//! - [`BceError::check_reqwest`](crate::BceError::check_reqwest) /
//!   [`check_http_body`](crate::BceError::check_http_body) hand
//!   back a successful body and turn everything else — an error status, an error inside
//!   HTTP 200, a transport failure — into a [`CallError`].
//! - [`RetryPolicy::retry`] retries on [backon](https://docs.rs/backon), deciding what
//!   only BCE's docs know: each error's [`RetryClass`](crate::RetryClass), the delay of
//!   a `Retry-After` (seconds or an HTTP date: the shortest wait, and a call gives up
//!   rather than wait past its time limit), a longer backoff for throttling, one re-sign
//!   for clock skew, never for the rest; and a [`RetryBudget`] shared by every call to an
//!   endpoint, so that retries stop when most calls fail. The defaults, and why, are on
//!   [`RetryPolicy`].
//!
//! # Why backon
//!
//! backon is a retry loop and nothing else: a future you build from a closure, a
//! `Backoff` iterator, and hooks (`when`, `notify`, `adjust`, `sleep`) that stay free for
//! the user after we plug in ours. `tower::retry` asks for a `tower::Service` stack and a
//! request type that can be cloned, and owns the retry decision itself, which is most of
//! what we supply; a `reqwest::Client` is not such a service. A tower user wires the
//! same decisions through [`CallRetry::next_delay`] and [`CallRetry::succeeded`] in
//! their `tower::retry::Policy`.
//!
//! backon's own `ExponentialBuilder` jitters by adding up to one more delay
//! (`d + U·d`), which keeps clients that failed together in step; the policy draws
//! *full* jitter (`U·d`) instead, as AWS recommends, through backon's `Backoff` trait.
//! backon's types are part of this API ([`RetryPolicy::retry`] returns its `Retry`), so
//! a backon release that breaks them is a breaking release here.

// With `retry-after` alone, only `retry_after` is here.
#[cfg(feature = "retry")]
mod attempt;
#[cfg(feature = "retry")]
mod backoff;
#[cfg(feature = "http-body")]
mod body;
#[cfg(feature = "retry")]
mod budget;
#[cfg(feature = "retry")]
mod error;
#[cfg(feature = "retry")]
mod policy;
#[cfg(feature = "reqwest")]
mod reqwest;
mod retry_after;

#[cfg(feature = "retry")]
pub use attempt::{Attempt, CallBackoff, CallRetry};
#[cfg(feature = "retry")]
pub use budget::RetryBudget;
#[cfg(feature = "http-body")]
pub use bytes::Bytes;
#[cfg(feature = "retry")]
pub use error::{CallError, RetryInfo, TransportError, TransportKind};
#[cfg(feature = "retry")]
pub use policy::RetryPolicy;
pub use retry_after::retry_after;
