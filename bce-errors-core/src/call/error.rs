//! The error of a whole call: the service's answer, or no answer at all.

use std::error::Error;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::{BceError, RetryClass, ServiceError};

/// What a retry policy needs to know about an error: its class, the delay the server
/// asked for, whether it was a timeout (a timed-out retry costs the budget more).
///
/// Implemented by [`CallError`], [`TransportError`] and [`BceError`]; implement it for an
/// error of your own to drive [`RetryPolicy`](super::RetryPolicy) with it.
pub trait RetryInfo {
    /// How the failed attempt may be retried.
    fn retry_class(&self) -> RetryClass;
    /// The delay the server asked for (`Retry-After`), if any.
    fn retry_after(&self) -> Option<Duration> {
        None
    }
    /// True when the attempt timed out.
    fn is_timeout(&self) -> bool {
        false
    }
}

impl<K: ServiceError> RetryInfo for BceError<K> {
    fn retry_class(&self) -> RetryClass {
        BceError::retry_class(self)
    }
}

/// A failed call: the service answered with an error, or the transport gave no
/// complete answer. Both have a [`RetryClass`].
///
/// Made by [`BceError::check_reqwest`] and [`BceError::check_http_body`], by `?` on a
/// `reqwest::Error` (feature `reqwest`) or a [`BceError`], and returned by
/// [`RetryPolicy::retry`](super::RetryPolicy::retry) when the last attempt failed.
#[derive(Clone)]
#[non_exhaustive]
pub enum CallError<K> {
    /// The service answered with an error: any status but 2xx, or an error inside a 2xx
    /// body (the AI platform's `error_code`).
    Service {
        /// The typed error.
        error: BceError<K>,
        /// The delay the response's `Retry-After` header asked for.
        retry_after: Option<Duration>,
    },
    /// No complete answer: the connection failed, timed out or was cut.
    Transport(TransportError),
}

impl<K: ServiceError> CallError<K> {
    /// The service's error, when the service answered.
    pub fn bce_error(&self) -> Option<&BceError<K>> {
        match self {
            CallError::Service { error, .. } => Some(error),
            CallError::Transport(_) => None,
        }
    }

    /// The typed code, when the service answered with a documented one.
    pub fn kind(&self) -> Option<K> {
        self.bce_error()?.kind()
    }

    /// The transport's error, when there was no complete answer.
    pub fn transport(&self) -> Option<&TransportError> {
        match self {
            CallError::Transport(error) => Some(error),
            CallError::Service { .. } => None,
        }
    }

    /// How the call may be retried: the service error's class, or the transport's.
    pub fn retry_class(&self) -> RetryClass {
        match self {
            CallError::Service { error, .. } => error.retry_class(),
            CallError::Transport(error) => error.retry_class(),
        }
    }

    /// True when retrying can succeed.
    pub fn is_retryable(&self) -> bool {
        self.retry_class().is_retryable()
    }

    /// The delay the response's `Retry-After` header asked for.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            CallError::Service { retry_after, .. } => *retry_after,
            CallError::Transport(_) => None,
        }
    }
}

impl<K: ServiceError> RetryInfo for CallError<K> {
    fn retry_class(&self) -> RetryClass {
        CallError::retry_class(self)
    }
    fn retry_after(&self) -> Option<Duration> {
        CallError::retry_after(self)
    }
    fn is_timeout(&self) -> bool {
        self.transport()
            .is_some_and(|t| t.kind() == TransportKind::Timeout)
    }
}

impl<K> From<BceError<K>> for CallError<K> {
    fn from(error: BceError<K>) -> Self {
        CallError::Service {
            error,
            retry_after: None,
        }
    }
}

impl<K> From<TransportError> for CallError<K> {
    fn from(error: TransportError) -> Self {
        CallError::Transport(error)
    }
}

impl<K: ServiceError> fmt::Debug for CallError<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Service { error, retry_after } => f
                .debug_struct("Service")
                .field("error", error)
                .field("retry_after", retry_after)
                .finish(),
            CallError::Transport(error) => f.debug_tuple("Transport").field(error).finish(),
        }
    }
}

/// The service error's line (see [`BceError`]'s `Display`), or the transport's.
impl<K: ServiceError> fmt::Display for CallError<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Service { error, .. } => fmt::Display::fmt(error, f),
            CallError::Transport(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl<K: ServiceError> Error for CallError<K> {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            CallError::Service { error, .. } => error.source(),
            CallError::Transport(error) => error.source(),
        }
    }
}

/// How the transport failed; decides the retry class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportKind {
    /// No connection: refused, unreachable, DNS. The request was not sent.
    Connect,
    /// The attempt took longer than the client's timeout.
    Timeout,
    /// The connection was cut mid-call (reset, closed early, a body cut off).
    Interrupted,
    /// Anything else: a request that could not be built, a redirect loop.
    Other,
}

impl TransportKind {
    /// `Transient` for a connection that failed, timed out or was cut; `Never` for
    /// [`Other`](Self::Other), which fails the same way again.
    ///
    /// A request that timed out or was cut may have reached the service: send BCE's
    /// `clientToken` with calls that create something, so that the retry is idempotent.
    pub const fn retry_class(self) -> RetryClass {
        match self {
            TransportKind::Connect | TransportKind::Timeout | TransportKind::Interrupted => {
                RetryClass::Transient
            }
            TransportKind::Other => RetryClass::Never,
        }
    }

    const fn as_str(self) -> &'static str {
        match self {
            TransportKind::Connect => "could not connect",
            TransportKind::Timeout => "timed out",
            TransportKind::Interrupted => "connection cut mid-call",
            TransportKind::Other => "transport error",
        }
    }
}

/// A transport failure with its cause (a `reqwest::Error`, a `hyper::Error`, an
/// `io::Error` …), shared so that the error stays `Clone`.
///
/// `Display` names the kind; [`source`](Error::source) is the cause, which
/// [`get_ref`](Self::get_ref) lets you downcast.
#[derive(Clone)]
pub struct TransportError {
    kind: TransportKind,
    cause: Arc<dyn Error + Send + Sync>,
}

impl TransportError {
    /// A transport error of a known kind.
    pub fn new(kind: TransportKind, cause: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        TransportError {
            kind,
            cause: Arc::from(cause.into()),
        }
    }

    /// A transport error whose kind is read from its cause: a `reqwest::Error`'s own
    /// predicates (feature `reqwest`), else the first `io::Error` in the chain
    /// (`TimedOut`, `ConnectionRefused`, `ConnectionReset` …), else `otherwise`.
    pub fn classify(
        cause: impl Into<Box<dyn Error + Send + Sync>>,
        otherwise: TransportKind,
    ) -> Self {
        let cause = cause.into();
        let kind = kind_of(cause.as_ref()).unwrap_or(otherwise);
        TransportError::new(kind, cause)
    }

    /// How the transport failed.
    pub fn kind(&self) -> TransportKind {
        self.kind
    }

    /// The retry class of its kind (see [`TransportKind::retry_class`]).
    pub fn retry_class(&self) -> RetryClass {
        self.kind.retry_class()
    }

    /// The cause, to downcast (`get_ref().downcast_ref::<reqwest::Error>()`).
    pub fn get_ref(&self) -> &(dyn Error + Send + Sync + 'static) {
        self.cause.as_ref()
    }
}

impl RetryInfo for TransportError {
    fn retry_class(&self) -> RetryClass {
        self.kind.retry_class()
    }
    fn is_timeout(&self) -> bool {
        self.kind == TransportKind::Timeout
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("cause", &self.cause)
            .finish()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind.as_str())
    }
}

impl Error for TransportError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(self.cause.as_ref())
    }
}

/// The kind a cause names, if any does.
fn kind_of(cause: &(dyn Error + 'static)) -> Option<TransportKind> {
    #[cfg(feature = "reqwest")]
    if let Some(error) = cause.downcast_ref::<::reqwest::Error>() {
        return Some(super::reqwest::kind_of(error));
    }
    let mut next = Some(cause);
    while let Some(error) = next {
        if let Some(io) = error.downcast_ref::<std::io::Error>() {
            return io_kind(io.kind());
        }
        next = error.source();
    }
    None
}

fn io_kind(kind: std::io::ErrorKind) -> Option<TransportKind> {
    use std::io::ErrorKind as Io;
    match kind {
        Io::TimedOut | Io::WouldBlock => Some(TransportKind::Timeout),
        Io::ConnectionRefused | Io::AddrNotAvailable | Io::NotConnected => {
            Some(TransportKind::Connect)
        }
        Io::ConnectionReset | Io::ConnectionAborted | Io::BrokenPipe | Io::UnexpectedEof => {
            Some(TransportKind::Interrupted)
        }
        _ => None,
    }
}
