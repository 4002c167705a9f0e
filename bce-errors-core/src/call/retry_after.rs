//! The delay a `Retry-After` header asks for.

use std::time::{Duration, SystemTime};

/// The delay a `Retry-After` value asks for, counted from `now`: delay-seconds
/// (`"2"`) or an HTTP date (`"Wed, 21 Oct 2015 07:28:00 GMT"`, and the two obsolete
/// forms RFC 9110 still asks a reader to accept). A date in the past is no delay;
/// anything else (`"soon"`, `"-1"`, `"1.5"`) is `None`, as if the header were absent.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// # mod bce_errors { pub use ::bce_errors::*; pub use bce_errors_core::call; }
/// use bce_errors::call::retry_after;
///
/// let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_445_412_478); // 07:27:58
/// assert_eq!(retry_after("2", now), Some(Duration::from_secs(2)));
/// assert_eq!(retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(Duration::from_secs(2)));
/// assert_eq!(retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now), Some(Duration::ZERO));
/// assert_eq!(retry_after("soon", now), None);
/// ```
pub fn retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // More digits than a u64 holds is still "a long time".
        return Some(Duration::from_secs(value.parse().unwrap_or(u64::MAX)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The `Retry-After` of a response's headers, counted from now.
#[cfg(feature = "http-body")]
pub(crate) fn from_headers(headers: &http::HeaderMap) -> Option<Duration> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?;
    retry_after(value, SystemTime::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn seconds() {
        assert_eq!(retry_after(" 120 ", at(0)), Some(Duration::from_secs(120)));
        assert_eq!(retry_after("0", at(0)), Some(Duration::ZERO));
        assert_eq!(
            retry_after("99999999999999999999999", at(0)),
            Some(Duration::from_secs(u64::MAX))
        );
    }

    #[test]
    fn dates_in_every_form_rfc_9110_accepts() {
        let now = at(784_111_770); // Sun, 06 Nov 1994 08:49:30 GMT
        for date in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(
                retry_after(date, now),
                Some(Duration::from_secs(7)),
                "{date}"
            );
        }
    }

    #[test]
    fn anything_else_is_no_header() {
        for value in [
            "",
            " ",
            "-1",
            "1.5",
            "+3",
            "soon",
            "Sun, 06 Nov 1994",
            "\u{0663}",
        ] {
            assert_eq!(retry_after(value, at(0)), None, "{value:?}");
        }
    }
}
