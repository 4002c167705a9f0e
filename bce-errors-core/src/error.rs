//! [`BceError`]: the error value of a failed BCE call, built from whatever came back.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::escape::{Bounded, snippet};
use crate::json::{BodyError, BodyFormat, Fields, scan};
use crate::response::is_success_code;
use crate::{RetryClass, ServiceError, classify};

/// At most this many bytes of an unreadable body are kept.
pub const SNIPPET_LIMIT: usize = 512;

/// Bodies larger than this are not parsed, by any entry point (an error body is a few
/// hundred bytes).
pub const PARSE_LIMIT: usize = 1 << 20;

/// `Display` writes at most this many bytes of each field a server supplied (code,
/// message, ids, body snippet), after escaping, then `…`.
pub const DISPLAY_FIELD_LIMIT: usize = 256;

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
/// Built by [`BceError::from_response`], which never fails: a body that is not a
/// documented JSON body (an HTML page from a proxy, an empty or cut-off body) still gives
/// a value that keeps the status and up to [`SNIPPET_LIMIT`] bytes of the body, marked as
/// unparsed, and never a made-up code. [`BceError::check`] first tells a success (HTTP 2xx
/// without an error code) from an error, for APIs that report errors in a 200 response.
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
    format: BodyFormat,
    code: Option<Cow<'static, str>>,
    message: Option<Cow<'static, str>>,
    request_id: Option<Id>,
    /// What a typical BCE error lacks, boxed so the error stays small (a `Result` carrying
    /// it is moved around): the AI platform's and Qianfan's ids, and the body's start when
    /// it had no code.
    rest: Option<Box<Rest>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Rest {
    log_id: Option<String>,
    id: Option<String>,
    error_type: Option<String>,
    body: Body,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
enum Body {
    /// A JSON object with a code.
    #[default]
    Parsed,
    /// A JSON object without a code: kept for diagnosis.
    NoCode(String),
    /// Not a JSON object.
    Unparsed { snippet: String, error: BodyError },
}

/// An id from a response, held inline when short (a request id is a 36-byte UUID), so
/// that building a `BceError` from a typical body allocates nothing.
#[derive(Clone, PartialEq, Eq)]
enum Id {
    Inline { len: u8, bytes: [u8; Id::INLINE] },
    Heap(Box<str>),
}

impl Id {
    /// A UUID's 36 bytes, and two to spare.
    const INLINE: usize = 38;

    fn new(text: &str) -> Id {
        match text.len() {
            len @ 0..=Id::INLINE => {
                let mut bytes = [0; Id::INLINE];
                bytes[..len].copy_from_slice(text.as_bytes());
                Id::Inline {
                    len: len as u8,
                    bytes,
                }
            }
            _ => Id::Heap(text.into()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // Always a whole `str` copied in `new`.
            Id::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..*len as usize]).unwrap_or_default()
            }
            Id::Heap(s) => s,
        }
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

fn id(text: Option<Cow<'_, str>>) -> Option<Id> {
    text.filter(|t| !t.is_empty()).map(|t| Id::new(&t))
}

fn owned(text: Option<Cow<'_, str>>) -> Option<String> {
    text.filter(|t| !t.is_empty()).map(Cow::into_owned)
}

impl<E: ServiceError> BceError<E> {
    /// Builds the error from a response's status, headers and body. Never fails, never
    /// panics. The request id comes from the body, else from the `x-bce-request-id`
    /// header.
    pub fn from_response<H: ResponseHeaders>(status: u16, headers: H, body: &[u8]) -> Self {
        Self::build(status, headers.request_id(), scan(body), body)
    }

    /// `Ok(())` when the response is a success — a 2xx status whose body carries no
    /// error code, or a success code (`0`, `success`; see
    /// [`is_success_code`]) — else the error, as
    /// [`from_response`](Self::from_response) builds it. For APIs such as the AI
    /// platform's that answer errors with HTTP 200.
    ///
    /// ```
    /// use bce_errors::{BceError, services::GlobalError};
    /// assert!(BceError::<GlobalError>::check(200, (), br#"{"error_code":0,"error_msg":"SUCCESS","result":{}}"#).is_ok());
    /// let err = BceError::<GlobalError>::check(200, (), br#"{"error_code":18,"error_msg":"Open api qps request limit reached"}"#).unwrap_err();
    /// assert_eq!(err.code(), Some("18"));
    /// assert!(err.is_retryable());
    /// ```
    pub fn check<H: ResponseHeaders>(status: u16, headers: H, body: &[u8]) -> Result<(), Self> {
        let scanned = scan(body);
        let success = (200..300).contains(&status)
            && match &scanned {
                Ok(fields) => fields.code.as_deref().is_none_or(is_success_code),
                // A 2xx body that is not a JSON object (a file, an image) is no error.
                Err(_) => true,
            };
        match success {
            true => Ok(()),
            false => Err(Self::build(status, headers.request_id(), scanned, body)),
        }
    }

    fn build(
        status: u16,
        header_id: Option<&str>,
        scanned: Result<Fields<'_>, BodyError>,
        body: &[u8],
    ) -> Self {
        let header_id = header_id.filter(|id| !id.is_empty()).map(Id::new);
        let fields = match scanned {
            Ok(fields) => fields,
            Err(error) => {
                return BceError {
                    status,
                    kind: None,
                    format: BodyFormat::Bce,
                    code: None,
                    message: None,
                    request_id: header_id,
                    rest: Some(Box::new(Rest {
                        body: Body::Unparsed {
                            snippet: snippet(body, SNIPPET_LIMIT),
                            error,
                        },
                        ..Rest::default()
                    })),
                };
            }
        };
        let code = fields.code.filter(|c| !c.is_empty());
        let kind = code.as_deref().and_then(E::from_code);
        // Read once: a row's texts are cut from the table (and checked) as it is read.
        let documented = kind.map(|k| k.row());
        // The documented message is shared, not copied, when the server sends it verbatim.
        let message = fields.message.map(|m| match documented {
            Some(row) if row.message == m => Cow::Borrowed(row.message),
            _ => Cow::Owned(m.into_owned()),
        });
        let rest = Rest {
            log_id: owned(fields.log_id),
            id: owned(fields.id),
            error_type: owned(fields.error_type),
            body: match code {
                Some(_) => Body::Parsed,
                None => Body::NoCode(snippet(body, SNIPPET_LIMIT)),
            },
        };
        // A documented code is shared, not copied.
        let code = match documented {
            Some(row) => Some(Cow::Borrowed(row.code)),
            None => code.map(|c| Cow::Owned(c.into_owned())),
        };
        BceError {
            status,
            kind,
            format: fields.format,
            code,
            message,
            request_id: id(fields.request_id).or(header_id),
            rest: (rest != Rest::default()).then(|| Box::new(rest)),
        }
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The code as the server sent it (a numeric code as its digits), whether or not the
    /// spec documents it.
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

    /// The request id: the body's `requestId` (a string or a number), else the
    /// `x-bce-request-id` header.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_ref().map(Id::as_str)
    }

    /// The AI platform's `log_id`, the id to quote for that platform's calls.
    pub fn log_id(&self) -> Option<&str> {
        self.rest.as_ref()?.log_id.as_deref()
    }

    /// Qianfan's `id` of the call.
    pub fn id(&self) -> Option<&str> {
        self.rest.as_ref()?.id.as_deref()
    }

    /// Qianfan's `error.type` (`invalid_request_error`, …).
    pub fn error_type(&self) -> Option<&str> {
        self.rest.as_ref()?.error_type.as_deref()
    }

    fn body(&self) -> &Body {
        self.rest.as_ref().map_or(&Body::Parsed, |r| &r.body)
    }

    /// Which documented body the response used.
    pub fn format(&self) -> BodyFormat {
        self.format
    }

    /// The documented description of the code, when the code and a description are
    /// documented.
    pub fn description(&self) -> Option<&'static str> {
        self.kind?.description()
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
        !matches!(self.body(), Body::Unparsed { .. })
    }

    /// The start of the raw body (at most [`SNIPPET_LIMIT`] bytes), kept when it had no
    /// code to go by: unparsed, or JSON without a code.
    pub fn body_snippet(&self) -> Option<&str> {
        match self.body() {
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
            .field("format", &self.format)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("request_id", &self.request_id)
            .field("rest", &self.rest)
            .finish()
    }
}

/// One line: `Code (status): message [request id]`. The alternate form (`{:#}`) adds the
/// documented description. Server-supplied text is escaped (no control, invisible or
/// direction-changing character reaches a log line) and each field is cut after
/// [`DISPLAY_FIELD_LIMIT`] bytes with `…`.
impl<E: ServiceError> fmt::Display for BceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.code, self.body()) {
            (Some(code), _) => write!(f, "{} ({})", Bounded(code), self.status)?,
            (None, Body::Unparsed { .. }) => write!(f, "HTTP {} (unparsed body)", self.status)?,
            (None, _) => write!(f, "HTTP {} (no error code)", self.status)?,
        }
        match (&self.message, self.body()) {
            (Some(message), _) => write!(f, ": {}", Bounded(message))?,
            (None, Body::NoCode(s) | Body::Unparsed { snippet: s, .. }) if !s.trim().is_empty() => {
                write!(f, ": {}", Bounded(s.trim()))?;
            }
            _ => {}
        }
        if let Some(id) = self.request_id().or(self.log_id()) {
            write!(f, " [{}]", Bounded(id))?;
        }
        if f.alternate()
            && let Some(description) = self.description()
        {
            write!(f, " — {}", Bounded(description))?;
        }
        Ok(())
    }
}

impl<E: ServiceError> std::error::Error for BceError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self.body() {
            Body::Unparsed { error, .. } => Some(error),
            _ => None,
        }
    }
}
