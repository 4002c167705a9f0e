//! What every generated enum has in common, for code that is generic over services.

use core::fmt;
use core::hash::Hash;

use crate::{RetryClass, Row};

/// Implemented by every `#[bce_errors]` enum; lets runtime code such as
/// [`BceError`](crate::BceError) work with any service.
///
/// An enum provides its data (`SERVICE`, `ALL`, each code's [`Row`], its position and
/// its lookup); everything else is written once, here, over the row. The same methods exist as
/// inherent methods on each enum, so most code never needs this trait in scope.
///
/// ```
/// use bce_errors::{ServiceError, services::{EipError, NatError}};
///
/// fn describe<E: ServiceError>(code: &str) -> String {
///     match E::from_code(code) {
///         Some(kind) => format!("{}: {}", E::SERVICE, kind.message()),
///         None => format!("{} does not document {code}", E::SERVICE),
///     }
/// }
/// assert_eq!(describe::<NatError>("NoSuchNat"), "NAT gateway: The specified nat is not found.");
/// assert_eq!(describe::<EipError>("NoSuchNat"), "EIP does not document NoSuchNat");
/// ```
pub trait ServiceError:
    Copy + Eq + Hash + fmt::Debug + fmt::Display + Send + Sync + 'static
{
    /// The service, as its docs page names it.
    const SERVICE: &'static str;
    /// Every code of the service, in spec order.
    const ALL: &'static [Self];
    /// The position of this code in `ALL`.
    fn index(&self) -> usize;
    /// What the docs say about this code.
    fn row(&self) -> Row;
    /// The variant for a wire code (a numeric code as its digits, `"110"`); `None` when
    /// the spec does not document it.
    fn from_code(code: &str) -> Option<Self>;
    /// The code as the server sends it.
    fn code(&self) -> &'static str {
        self.row().code
    }
    /// The name of the Rust variant (`CceWarningUserNotExist` for the code `Cce.warning.UserNotExist`).
    fn variant_name(&self) -> &'static str {
        self.row().variant
    }
    /// The documented message.
    fn message(&self) -> &'static str {
        self.row().message
    }
    /// The documented HTTP status; `None` where the docs give none (the AI platform
    /// reports errors in the body, often with HTTP 200).
    fn status(&self) -> Option<u16> {
        self.row().status
    }
    /// The documented description; `None` where the table has none.
    fn description(&self) -> Option<&'static str> {
        self.row().description
    }
    /// The Chinese description, where the docs have one.
    fn description_zh(&self) -> Option<&'static str> {
        self.row().description_zh
    }
    /// How a request that failed with this code may be retried.
    fn retry_class(&self) -> RetryClass {
        self.row().retry_class()
    }
    /// True when retrying can succeed.
    fn is_retryable(&self) -> bool {
        self.retry_class().is_retryable()
    }
    /// The documented status as an `http::StatusCode` (feature `http`).
    #[cfg(feature = "http")]
    #[cfg_attr(docsrs, doc(cfg(feature = "http")))]
    fn http_status(&self) -> Option<http::StatusCode> {
        self.status()
            .and_then(|s| http::StatusCode::from_u16(s).ok())
    }
}

/// The error of `str::parse` on a generated enum: the code is not in its spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    service: &'static str,
    code: String,
}

impl UnknownCode {
    /// `code` is not documented for `service`.
    pub fn new(service: &'static str, code: &str) -> Self {
        UnknownCode {
            service,
            code: code.to_owned(),
        }
    }

    /// The code that was not found.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The service it was looked up in.
    pub fn service(&self) -> &'static str {
        self.service
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a documented {} error code",
            self.code, self.service
        )
    }
}

impl std::error::Error for UnknownCode {}
