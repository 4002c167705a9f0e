//! The documented error body, `{"code": …, "message": …, "requestId": …}`, both ways:
//! parsed from a response, and written for a mock server.

use std::fmt::Write as _;

use crate::ServiceError;
use crate::json::{BodyError, scan};

/// The body BCE returns with a failed request. Every field is optional: bodies in the
/// wild miss some, and carry others (which are ignored).
///
/// ```
/// use bce_errors::ErrorResponse;
///
/// let body = br#"{"Code":"NoSuchNat","Message":"The specified nat is not found.","RequestId":"r-1","extra":[1,2]}"#;
/// let parsed = ErrorResponse::parse(body).unwrap();
/// assert_eq!(parsed.code.as_deref(), Some("NoSuchNat"));
/// assert_eq!(parsed.request_id.as_deref(), Some("r-1"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ErrorResponse {
    /// `code`: the error code.
    pub code: Option<String>,
    /// `message`: the server's message.
    pub message: Option<String>,
    /// `requestId`: the id to quote to support.
    pub request_id: Option<String>,
}

impl ErrorResponse {
    /// Parses a body. Keys match as documented (`code`, `message`, `requestId`) and as
    /// some pages print them (`Code`, `Message`, `RequestId`); `null` is absent.
    pub fn parse(body: &[u8]) -> Result<ErrorResponse, BodyError> {
        let fields = scan(body)?;
        Ok(ErrorResponse {
            code: fields.code.map(Into::into),
            message: fields.message.map(Into::into),
            request_id: fields.request_id.map(Into::into),
        })
    }

    /// The documented body for `kind`, as a server would send it: for mocks and test
    /// doubles.
    ///
    /// ```
    /// use bce_errors::{services::NatError, ErrorResponse};
    /// let body = ErrorResponse::documented(NatError::NoSuchNat, "req-1");
    /// assert_eq!(
    ///     body.to_json(),
    ///     r#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"req-1"}"#
    /// );
    /// ```
    pub fn documented<E: ServiceError>(kind: E, request_id: &str) -> ErrorResponse {
        ErrorResponse {
            code: Some(kind.code().to_owned()),
            message: Some(kind.message().to_owned()),
            request_id: Some(request_id.to_owned()),
        }
    }

    /// The body as compact JSON with the documented key names; absent fields are left out.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(64);
        out.push('{');
        for (key, value) in [
            ("code", &self.code),
            ("message", &self.message),
            ("requestId", &self.request_id),
        ] {
            if let Some(value) = value {
                if out.len() > 1 {
                    out.push(',');
                }
                write_json_string(&mut out, key);
                out.push(':');
                write_json_string(&mut out, value);
            }
        }
        out.push('}');
        out
    }
}

fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
