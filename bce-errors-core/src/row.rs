//! [`Row`]: what the docs say about one code, as plain data.

use core::fmt;

use crate::RetryClass;
use crate::escape::Escaped;

/// One documented code: a row of its docs table, as the spec holds it.
///
/// Every code of a generated enum has its `Row` (`kind.row()`);
/// the enum's methods read it, and tools that list or search codes (a catalogue, the
/// `bce-errors lookup` command) use it as it is.
///
/// ```
/// use bce_errors::{RetryClass, services::NatError};
///
/// let row = NatError::NoSuchNat.row();
/// assert_eq!((row.code, row.variant, row.status), ("NoSuchNat", "NoSuchNat", Some(404)));
/// assert_eq!(row.message, "The specified nat is not found.");
/// assert_eq!(row.retry_class(), RetryClass::Never);
/// assert_eq!(row.to_string(), "NoSuchNat (404): The specified nat is not found.");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Row {
    /// The code as the server sends it (`NoSuchNat`, `Cce.warning.UserNotExist`, `110`).
    pub code: &'static str,
    /// The Rust variant's name (`NoSuchNat`, `CceWarningUserNotExist`, `E110`).
    pub variant: &'static str,
    /// The documented HTTP status; `None` where the docs give none (the AI platform
    /// reports errors in the body, often with HTTP 200).
    pub status: Option<u16>,
    /// The documented message.
    pub message: &'static str,
    /// The documented description; `None` where the table has none.
    pub description: Option<&'static str>,
    /// The Chinese description, where the docs have one.
    pub description_zh: Option<&'static str>,
    /// The spec's `retry` class for this row, where it gives one.
    pub retry: Option<RetryClass>,
}

impl Row {
    /// Whether and how a request that failed with this code may be retried: the spec's
    /// `retry` where it has one, else the defaults by status and code
    /// ([`classify`](crate::classify)).
    pub fn retry_class(&self) -> RetryClass {
        crate::documented_class(self.retry, self.status, self.code)
    }

    /// Why [`retry_class`](Row::retry_class) is what it is, in a few words: the spec set
    /// it by hand, or the default's reason.
    ///
    /// ```
    /// use bce_errors::services::{GlobalError, NatError};
    /// assert_eq!(NatError::NoSuchNat.row().retry_reason(), "a client error: the same request fails again");
    /// assert_eq!(GlobalError::InternalError.row().retry_reason(), "a server-side error that may pass");
    /// ```
    pub fn retry_reason(&self) -> &'static str {
        crate::retry_reason(self.retry, self.status, self.code)
    }

    /// True when retrying (after a backoff, or after re-signing) can succeed.
    pub fn is_retryable(&self) -> bool {
        self.retry_class().is_retryable()
    }
}

/// `Code (status): message`, or `Code: message` without a documented status. Spec text
/// is trusted, but escaped all the same (no control character reaches a log line).
impl fmt::Display for Row {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Escaped(self.code), f)?;
        if let Some(status) = self.status {
            write!(f, " ({status})")?;
        }
        f.write_str(": ")?;
        fmt::Display::fmt(&Escaped(self.message), f)
    }
}
