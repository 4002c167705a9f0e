//! The documented error bodies, both ways: parsed from a response, and written for a
//! mock server.

use std::fmt::Write as _;

use crate::ServiceError;
use crate::json::{BodyError, BodyFormat, scan};
use crate::numeric::numeric_code;

/// An error body as a service sends it. Every field is optional: bodies in the wild
/// miss some, and carry others (which are ignored).
///
/// ```
/// use bce_errors::{BodyFormat, ErrorResponse};
///
/// let bce = ErrorResponse::parse(br#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"r-1"}"#).unwrap();
/// assert_eq!(bce.code.as_deref(), Some("NoSuchNat"));
/// assert_eq!(bce.request_id.as_deref(), Some("r-1"));
///
/// let ai = ErrorResponse::parse(br#"{"error_code":110,"error_msg":"Access token invalid or no longer valid","log_id":1803053124329552748}"#).unwrap();
/// assert_eq!(ai.code.as_deref(), Some("110"));
/// assert_eq!(ai.log_id.as_deref(), Some("1803053124329552748"));
/// assert_eq!(ai.format, BodyFormat::AiPlatform);
///
/// let qianfan = ErrorResponse::parse(br#"{"error":{"code":"malformed_json","message":"Invalid Argument","type":"invalid_request_error"},"id":"as-1"}"#).unwrap();
/// assert_eq!((qianfan.code.as_deref(), qianfan.error_type.as_deref()), (Some("malformed_json"), Some("invalid_request_error")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ErrorResponse {
    /// The error code: `code`, `error_code` (a number as its digits), or `error.code`.
    pub code: Option<String>,
    /// The server's message: `message`, `error_msg`, `error.message` or
    /// `error_description`.
    pub message: Option<String>,
    /// `requestId` (a string or a number), the id BCE support asks for.
    pub request_id: Option<String>,
    /// `log_id`, the AI platform's id of the call.
    pub log_id: Option<String>,
    /// `id`, Qianfan's id of the call.
    pub id: Option<String>,
    /// `error.type`, Qianfan's error category.
    pub error_type: Option<String>,
    /// Which documented body this is.
    pub format: BodyFormat,
}

/// Codes that report success rather than an error, in a 2xx response: `0` (the AI
/// platform's `"error_code": 0`) and `success` in any case (BOS and others).
///
/// ```
/// assert!(bce_errors::is_success_code("0"));
/// assert!(bce_errors::is_success_code("SUCCESS"));
/// assert!(!bce_errors::is_success_code("NoSuchNat"));
/// ```
pub fn is_success_code(code: &str) -> bool {
    code == "0" || code.eq_ignore_ascii_case("success")
}

impl ErrorResponse {
    /// Parses a body (at most [`PARSE_LIMIT`](crate::PARSE_LIMIT) bytes, strict JSON;
    /// see [`BodyError`] for what fails). Keys match as services spell them (`code`,
    /// `Code`, `error_code`, `requestId`, `RequestId`, `request_id`, …); `null` is
    /// absent; a numeric code or id is kept as its digits.
    pub fn parse(body: &[u8]) -> Result<ErrorResponse, BodyError> {
        let fields = scan(body)?;
        let owned = |v: Option<std::borrow::Cow<'_, str>>| v.map(|v| v.into_owned());
        Ok(ErrorResponse {
            code: owned(fields.code),
            message: owned(fields.message),
            request_id: owned(fields.request_id),
            log_id: owned(fields.log_id),
            id: owned(fields.id),
            error_type: owned(fields.error_type),
            format: fields.format,
        })
    }

    /// Whether this body, answered with `status`, reports success rather than an error:
    /// a 2xx status with no code or a success code (see [`is_success_code`]).
    pub fn is_success(&self, status: u16) -> bool {
        (200..300).contains(&status) && self.code.as_deref().is_none_or(is_success_code)
    }

    /// The documented body for `kind`, as a server would send it: for mocks and test
    /// doubles. A numeric code gets the AI platform's body, any other the BCE body.
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
        Self::documented_code(kind.code(), kind.message(), request_id)
    }

    /// [`documented`](ErrorResponse::documented) for a code and message of any spec,
    /// with no enum (a numeric code gets the AI platform's body).
    ///
    /// ```
    /// use bce_errors::ErrorResponse;
    /// let body = ErrorResponse::documented_code("110", "Access token invalid or no longer valid", "1");
    /// assert_eq!(body.to_json(), r#"{"error_code":110,"error_msg":"Access token invalid or no longer valid","log_id":1}"#);
    /// ```
    pub fn documented_code(code: &str, message: &str, request_id: &str) -> ErrorResponse {
        let numeric = numeric_code(code).is_some();
        let id = Some(request_id.to_owned());
        ErrorResponse {
            code: Some(code.to_owned()),
            message: Some(message.to_owned()),
            request_id: if numeric { None } else { id.clone() },
            log_id: if numeric { id } else { None },
            id: None,
            error_type: None,
            format: if numeric {
                BodyFormat::AiPlatform
            } else {
                BodyFormat::Bce
            },
        }
    }

    /// The body as compact JSON in its format's key names; absent fields are left out.
    /// In the AI platform's format a numeric code or log id is written as a number.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(64);
        out.push('{');
        let field = |out: &mut String, key: &str, value: &Option<String>, number: bool| {
            let Some(value) = value else { return };
            if out.len() > 1 {
                out.push(',');
            }
            write_json_string(out, key);
            out.push(':');
            match number && numeric_code(value).is_some() {
                true => out.push_str(value),
                false => write_json_string(out, value),
            }
        };
        match self.format {
            BodyFormat::AiPlatform => {
                field(&mut out, "error_code", &self.code, true);
                field(&mut out, "error_msg", &self.message, false);
                field(&mut out, "log_id", &self.log_id, true);
                field(&mut out, "requestId", &self.request_id, false);
            }
            BodyFormat::Nested => {
                let mut inner = String::from("{");
                field(&mut inner, "code", &self.code, false);
                field(&mut inner, "message", &self.message, false);
                field(&mut inner, "type", &self.error_type, false);
                inner.push('}');
                out.push_str("\"error\":");
                out.push_str(&inner);
                field(&mut out, "id", &self.id, false);
            }
            BodyFormat::OAuth => {
                field(&mut out, "error", &self.code, false);
                field(&mut out, "error_description", &self.message, false);
            }
            _ => {
                field(&mut out, "code", &self.code, false);
                field(&mut out, "message", &self.message, false);
                field(&mut out, "requestId", &self.request_id, false);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_round_trips() {
        for body in [
            r#"{"code":"NoSuchNat","message":"m","requestId":"r"}"#,
            r#"{"error_code":110,"error_msg":"m","log_id":123}"#,
            r#"{"error":{"code":"malformed_json","message":"m","type":"t"},"id":"as-1"}"#,
            r#"{"error":"invalid_client","error_description":"m"}"#,
        ] {
            let parsed = ErrorResponse::parse(body.as_bytes()).unwrap();
            assert_eq!(parsed.to_json(), body);
        }
    }
}
