//! reqwest responses and errors, through the `http_body` path.

use bytes::Bytes;

use super::{CallError, TransportError, TransportKind};
use crate::{BceError, ServiceError};

impl<K: ServiceError> BceError<K> {
    /// Builds the error from a reqwest response. Never fails, like
    /// [`from_response`](Self::from_response): the status, the request id from the
    /// `x-bce-request-id` header (unless the body has one), and the body, read as a
    /// stream and cut after [`PARSE_LIMIT`](crate::PARSE_LIMIT) bytes as by every other
    /// entry point. A body cut by a reset gives an unparsed error, like any cut body.
    ///
    /// ```no_run
    /// # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
    /// use bce_errors::{BceError, services::NatError};
    ///
    /// async fn nat(client: &reqwest::Client, url: &str) -> Result<String, Box<dyn std::error::Error>> {
    ///     let response = client.get(url).send().await?;
    ///     if !response.status().is_success() {
    ///         return Err(BceError::<NatError>::from_reqwest(response).await.into());
    ///     }
    ///     Ok(response.text().await?)
    /// }
    /// ```
    pub async fn from_reqwest(response: ::reqwest::Response) -> Self {
        Self::from_http_body(http::Response::from(response)).await
    }

    /// The body of a successful reqwest response, or the call's error: reqwest's
    /// `error_for_status`, aware of BCE's bodies. Any status but 2xx, and an error
    /// inside a 2xx body (the AI platform's `error_code`), is [`CallError::Service`]
    /// with the response's `Retry-After`; a body the transport cut is
    /// [`CallError::Transport`]. See [`check_http_body`](Self::check_http_body).
    ///
    /// ```no_run
    /// # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
    /// use bce_errors::{BceError, call::{Bytes, CallError, RetryPolicy}, services::NatError};
    ///
    /// async fn nat(client: &reqwest::Client, policy: &RetryPolicy, url: &str) -> Result<Bytes, CallError<NatError>> {
    ///     policy
    ///         .retry(|| async { BceError::check_reqwest(client.get(url).send().await?).await })
    ///         .await
    /// }
    /// ```
    pub async fn check_reqwest(response: ::reqwest::Response) -> Result<Bytes, CallError<K>> {
        Self::check_http_body(http::Response::from(response)).await
    }
}

/// `?` on `send()`: a connection that failed, timed out or was cut.
impl<K> From<::reqwest::Error> for CallError<K> {
    fn from(error: ::reqwest::Error) -> Self {
        let kind = kind_of(&error);
        CallError::Transport(TransportError::new(kind, error))
    }
}

/// The kind reqwest's own predicates give an error.
pub(crate) fn kind_of(error: &::reqwest::Error) -> TransportKind {
    if error.is_timeout() {
        TransportKind::Timeout
    } else if error.is_connect() {
        TransportKind::Connect
    } else if error.is_builder() || error.is_redirect() || error.is_status() {
        TransportKind::Other
    } else if error.is_request() || error.is_body() || error.is_decode() {
        TransportKind::Interrupted
    } else {
        TransportKind::Other
    }
}
