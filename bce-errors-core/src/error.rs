//! [`BceError`]: the error value of a failed BCE call, built from whatever came back.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::escape::{LogSafe, snippet};
use crate::json::{BodyError, scan};
use crate::{RetryClass, ServiceError, classify};

/// At most this many bytes of an unreadable body are kept.
pub const SNIPPET_LIMIT: usize = 512;

/// Bodies larger than this are not parsed (an error body is a few hundred bytes).
pub const PARSE_LIMIT: usize = 1 << 20;

/// The response header that carries the request id.
pub const REQUEST_ID_HEADER: &str = "x-bce-request-id";

/// Where [`BceError::from_response`] finds the `x-bce-request-id` header: a header map,
/// a list of pairs, or just the header's value.
pub trait ResponseHeaders {
    /// The value of `x-bce-request-id`, if present.
    fn request_id(&self) -> Option<&str>;
}

impl ResponseHeaders for Option<&str> {
    fn request_id(&self) -> Option<&str> {
        *self
    }
}

impl ResponseHeaders for () {
    fn request_id(&self) -> Option<&str> {
        None
    }
}

impl<K: AsRef<str>, V: AsRef<str>> ResponseHeaders for [(K, V)] {
    fn request_id(&self) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(REQUEST_ID_HEADER))
            .map(|(_, v)| v.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>, const N: usize> ResponseHeaders for [(K, V); N] {
    fn request_id(&self) -> Option<&str> {
        self.as_slice().request_id()
    }
}

impl<K: AsRef<str>, V: AsRef<str>> ResponseHeaders for Vec<(K, V)> {
    fn request_id(&self) -> Option<&str> {
        self.as_slice().request_id()
    }
}

impl<S: std::hash::BuildHasher> ResponseHeaders for HashMap<String, String, S> {
    fn request_id(&self) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(REQUEST_ID_HEADER))
            .map(|(_, v)| v.as_str())
    }
}

impl<H: ResponseHeaders + ?Sized> ResponseHeaders for &H {
    fn request_id(&self) -> Option<&str> {
        (**self).request_id()
    }
}

/// The error of a failed BCE call, typed by the service's code enum `E`.
///
/// Built by [`BceError::from_response`], which never fails: a body that is not the
/// documented JSON (an HTML page from a proxy, an empty or cut-off body) still gives a
/// value that keeps the status and up to [`SNIPPET_LIMIT`] bytes of the body, marked as
/// unparsed, and never a made-up code.
///
/// ```
/// use bce_errors::{BceError, RetryClass, services::NatError};
///
/// let body = br#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"r-1"}"#;
/// let err: BceError<NatError> = BceError::from_response(404, (), body);
/// assert_eq!(err.kind(), Some(NatError::NoSuchNat));
/// assert_eq!(err.request_id(), Some("r-1"));
/// assert_eq!(err.to_string(), "NoSuchNat (404): The specified nat is not found. [r-1]");
///
/// let proxy: BceError<NatError> = BceError::from_response(502, Some("r-2"), b"<html>Bad Gateway</html>");
/// assert!(!proxy.is_parsed());
/// assert_eq!(proxy.code(), None);
/// assert_eq!(proxy.retry_class(), RetryClass::Transient);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct BceError<E> {
    status: u16,
    kind: Option<E>,
    code: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
    request_id: Option<Box<str>>,
    body: Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Body {
    /// A JSON object with a code.
    Parsed,
    /// A JSON object without a code: kept for diagnosis.
    NoCode(String),
    /// Not a JSON object.
    Unparsed { snippet: String, error: BodyError },
}

impl<E: ServiceError> BceError<E> {
    /// Builds the error from a response's status, headers and body. Never fails, never
    /// panics. The request id comes from the body, else from the `x-bce-request-id` header.
    pub fn from_response<H: ResponseHeaders>(status: u16, headers: H, body: &[u8]) -> Self {
        Self::build(status, headers.request_id(), body)
    }

    fn build(status: u16, header_id: Option<&str>, body: &[u8]) -> Self {
        let header_id = header_id.filter(|id| !id.is_empty()).map(Box::from);
        let scanned = if body.len() > PARSE_LIMIT {
            Err(BodyError::too_large(body.len()))
        } else {
            scan(body)
        };
        let fields = match scanned {
            Ok(fields) => fields,
            Err(error) => {
                return BceError {
                    status,
                    kind: None,
                    code: None,
                    message: None,
                    request_id: header_id,
                    body: Body::Unparsed {
                        snippet: snippet(body, SNIPPET_LIMIT),
                        error,
                    },
                };
            }
        };
        let code = fields.code.filter(|c| !c.is_empty());
        let kind = code.as_deref().and_then(E::from_code);
        // The documented message is shared, not copied, when the server sends it verbatim.
        let message = fields.message.map(|m| match kind {
            Some(k) if k.message() == m => Cow::Borrowed(k.message()),
            _ => Cow::Owned(m.into_owned()),
        });
        let request_id = fields
            .request_id
            .filter(|id| !id.is_empty())
            .map(|id| Box::from(id.as_ref()))
            .or(header_id);
        let body = if code.is_some() {
            Body::Parsed
        } else {
            Body::NoCode(snippet(body, SNIPPET_LIMIT))
        };
        // A documented code is shared, not copied.
        let code = match kind {
            Some(k) => Some(Cow::Borrowed(k.code())),
            None => code.map(|c| Cow::Owned(c.into_owned())),
        };
        BceError {
            status,
            kind,
            code,
            message,
            request_id,
            body,
        }
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The code as the server sent it, whether or not the spec documents it.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The typed code; `None` when the body had no code, or one the spec does not document
    /// (then [`code`](Self::code) still has it).
    pub fn kind(&self) -> Option<E> {
        self.kind
    }

    /// The server's message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The request id, from the body or else the `x-bce-request-id` header.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The documented description of the code, when it is documented.
    pub fn description(&self) -> Option<&'static str> {
        self.kind.map(|k| k.description())
    }

    /// How the request may be retried: the spec's class for a documented code, else the
    /// defaults by status and code (see [`classify`]).
    pub fn retry_class(&self) -> RetryClass {
        match self.kind {
            Some(kind) => kind.retry_class(),
            None => classify(self.status, self.code()),
        }
    }

    /// True when retrying can succeed.
    pub fn is_retryable(&self) -> bool {
        self.retry_class().is_retryable()
    }

    /// True when the body was a JSON object; false for an HTML page, an empty or cut-off
    /// body.
    pub fn is_parsed(&self) -> bool {
        !matches!(self.body, Body::Unparsed { .. })
    }

    /// The start of the raw body (at most [`SNIPPET_LIMIT`] bytes), kept when it had no
    /// code to go by: unparsed, or JSON without a `code`.
    pub fn body_snippet(&self) -> Option<&str> {
        match &self.body {
            Body::Parsed => None,
            Body::NoCode(s) | Body::Unparsed { snippet: s, .. } => Some(s),
        }
    }
}

impl<E: ServiceError> fmt::Debug for BceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BceError")
            .field("status", &self.status)
            .field("kind", &self.kind)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("request_id", &self.request_id)
            .field("body", &self.body)
            .finish()
    }
}

/// One line: `Code (status): message [request id]`. The alternate form (`{:#}`) adds the
/// documented description. Server-supplied text is escaped: no newline or control
/// character from a body reaches a log line.
impl<E: ServiceError> fmt::Display for BceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, &self.body) {
            (Some(code), _) => write!(f, "{} ({})", LogSafe(code), self.status)?,
            (None, Body::Unparsed { .. }) => write!(f, "HTTP {} (unparsed body)", self.status)?,
            (None, _) => write!(f, "HTTP {} (no error code)", self.status)?,
        }
        match (&self.message, &self.body) {
            (Some(message), _) => write!(f, ": {}", LogSafe(message))?,
            (None, Body::NoCode(s) | Body::Unparsed { snippet: s, .. }) if !s.trim().is_empty() => {
                let short: String = s.chars().take(120).collect();
                write!(f, ": {}", LogSafe(short.trim()))?;
            }
            _ => {}
        }
        if let Some(id) = &self.request_id {
            write!(f, " [{}]", LogSafe(id))?;
        }
        if f.alternate() {
            if let Some(description) = self.description() {
                write!(f, " — {description}")?;
            }
        }
        Ok(())
    }
}

impl<E: ServiceError> std::error::Error for BceError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.body {
            Body::Unparsed { error, .. } => Some(error),
            _ => None,
        }
    }
}
