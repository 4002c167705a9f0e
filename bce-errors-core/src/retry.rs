//! Whether a failed request is worth sending again, and how.

/// How a failed request may be retried.
///
/// | class        | default for                   | what to do                                   |
/// |--------------|-------------------------------|----------------------------------------------|
/// | `Transient`  | status 500, 502, 503, 504; AI-platform codes `1`, `2`, `282000`, `336000` | retry with exponential backoff |
/// | `Throttling` | status 429; AI-platform codes `4`, `17`, `18` | retry after a longer backoff  |
/// | `ClockSkew`  | code `RequestExpired`         | sign the request again (fresh `x-bce-date`), then retry once |
/// | `Never`      | everything else               | do not retry: the request itself is wrong    |
///
/// The AI-platform codes are the common codes every `ai.baidu.com` API documents (they
/// come with HTTP 200): `1` unknown error and `2` service temporarily unavailable ("请再次
/// 请求", request again), `282000` and `336000` internal errors; `4` cluster over its
/// limit, `17` daily and `18` QPS limits. `19` (total quota used up) stays `Never`.
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
    /// Every class, in documentation order.
    pub const ALL: [RetryClass; 4] = [
        RetryClass::Transient,
        RetryClass::Throttling,
        RetryClass::ClockSkew,
        RetryClass::Never,
    ];

    /// The class a spec spelling names (`"clock-skew"` → `ClockSkew`).
    ///
    /// ```
    /// use bce_errors::RetryClass;
    /// assert_eq!(RetryClass::from_name("clock-skew"), Some(RetryClass::ClockSkew));
    /// assert_eq!(RetryClass::from_name("sometimes"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<RetryClass> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

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
/// error type at all: the code's default when it has one (see [`RetryClass`]), else the
/// status's.
///
/// ```
/// use bce_errors::{classify, RetryClass};
/// assert_eq!(classify(503, None), RetryClass::Transient);
/// assert_eq!(classify(429, Some("RequestLimitExceeded")), RetryClass::Throttling);
/// assert_eq!(classify(400, Some("RequestExpired")), RetryClass::ClockSkew);
/// assert_eq!(classify(404, Some("NoSuchNat")), RetryClass::Never);
/// // The AI platform answers HTTP 200 with `"error_code": 18` (QPS limit reached).
/// assert_eq!(classify(200, Some("18")), RetryClass::Throttling);
/// ```
pub fn classify(status: u16, code: Option<&str>) -> RetryClass {
    code.and_then(code_default)
        .unwrap_or_else(|| status_default(status))
        .0
}

/// The retry class of a documented code: the spec's `retry` where it gives one, else
/// the default by code, else by its documented status (none: `Never`).
/// [`Row::retry_class`](crate::Row::retry_class) for a row of a generated enum.
///
/// ```
/// use bce_errors::{RetryClass, documented_class};
/// assert_eq!(documented_class(None, Some(503), "ServiceBusy"), RetryClass::Transient);
/// assert_eq!(documented_class(None, None, "18"), RetryClass::Throttling);
/// assert_eq!(documented_class(Some(RetryClass::Never), Some(500), "x"), RetryClass::Never);
/// ```
pub fn documented_class(retry: Option<RetryClass>, status: Option<u16>, code: &str) -> RetryClass {
    retry.unwrap_or_else(|| documented_default(status, code).0)
}

/// Why [`documented_class`] gives what it gives, in a few words, for people on call
/// ([`Row::retry_reason`](crate::Row::retry_reason) for a row of a generated enum).
///
/// ```
/// use bce_errors::retry_reason;
/// assert_eq!(retry_reason(None, Some(503), "ServiceBusy"), "a server-side error that may pass");
/// assert_eq!(retry_reason(None, None, "18"), "an AI platform request or QPS limit: retry after a longer backoff");
/// ```
pub fn retry_reason(retry: Option<RetryClass>, status: Option<u16>, code: &str) -> &'static str {
    match retry {
        Some(_) => "set by hand in the spec",
        None => documented_default(status, code).1,
    }
}

/// A documented code's default class and why: by its code, else by its documented
/// status (none: `Never`).
fn documented_default(status: Option<u16>, code: &str) -> (RetryClass, &'static str) {
    code_default(code).unwrap_or_else(|| match status {
        Some(status) => status_default(status),
        None => (
            RetryClass::Never,
            "no documented status: retrying cannot help",
        ),
    })
}

/// The defaults a code has whatever its status (the AI platform answers HTTP 200).
fn code_default(code: &str) -> Option<(RetryClass, &'static str)> {
    match code {
        "RequestExpired" => Some((
            RetryClass::ClockSkew,
            "the request's signature has expired: re-sign it, then retry",
        )),
        "1" | "2" | "282000" | "336000" => Some((
            RetryClass::Transient,
            "an AI platform backend error that may pass",
        )),
        "4" | "17" | "18" => Some((
            RetryClass::Throttling,
            "an AI platform request or QPS limit: retry after a longer backoff",
        )),
        _ => None,
    }
}

fn status_default(status: u16) -> (RetryClass, &'static str) {
    match status {
        500 | 502 | 503 | 504 => (RetryClass::Transient, "a server-side error that may pass"),
        429 => (
            RetryClass::Throttling,
            "too many requests: retry after a longer backoff",
        ),
        _ => (
            RetryClass::Never,
            "a client error: the same request fails again",
        ),
    }
}
