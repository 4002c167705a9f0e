//! Whether a failed request is worth sending again, and how.

/// How a failed request may be retried.
///
/// | class        | default for                   | what to do                                   |
/// |--------------|-------------------------------|----------------------------------------------|
/// | `Transient`  | status 500, 502, 503, 504     | retry with exponential backoff               |
/// | `Throttling` | status 429                    | retry after a longer backoff                 |
/// | `ClockSkew`  | code `RequestExpired`         | sign the request again (fresh `x-bce-date`), then retry once |
/// | `Never`      | everything else               | do not retry: the request itself is wrong    |
///
/// A spec row's `retry = "..."` overrides the default for that code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryClass {
    /// A server-side hiccup: retry with backoff.
    Transient,
    /// Too many requests: retry after a longer backoff.
    Throttling,
    /// The signature's timestamp is stale: re-sign, then retry. Resending the same
    /// signed request fails again.
    ClockSkew,
    /// Retrying cannot help.
    Never,
}

impl RetryClass {
    /// True for every class but [`RetryClass::Never`].
    pub const fn is_retryable(self) -> bool {
        !matches!(self, RetryClass::Never)
    }

    /// The spec spelling: `transient`, `throttling`, `clock-skew` or `never`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RetryClass::Transient => "transient",
            RetryClass::Throttling => "throttling",
            RetryClass::ClockSkew => "clock-skew",
            RetryClass::Never => "never",
        }
    }
}

impl core::fmt::Display for RetryClass {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The default retry class of a response, from its status and (if known) code, with no
/// error type at all. Generated enums use this for rows without a `retry` annotation.
///
/// ```
/// use bce_errors::{classify, RetryClass};
/// assert_eq!(classify(503, None), RetryClass::Transient);
/// assert_eq!(classify(429, Some("RequestLimitExceeded")), RetryClass::Throttling);
/// assert_eq!(classify(400, Some("RequestExpired")), RetryClass::ClockSkew);
/// assert_eq!(classify(404, Some("NoSuchNat")), RetryClass::Never);
/// ```
pub fn classify(status: u16, code: Option<&str>) -> RetryClass {
    if code == Some("RequestExpired") {
        return RetryClass::ClockSkew;
    }
    match status {
        500 | 502 | 503 | 504 => RetryClass::Transient,
        429 => RetryClass::Throttling,
        _ => RetryClass::Never,
    }
}
