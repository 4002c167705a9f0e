//! `BceError::from_response` on every shape of body seen in the wild.
// The response half (feature `response`, on by default).
#![cfg(feature = "response")]

use std::collections::HashMap;

use bce_errors::services::{BlbError, GlobalError, NatError};
use bce_errors::{BceError, ErrorResponse, RetryClass, SNIPPET_LIMIT};

type NatErr = BceError<NatError>;

const NO_SUCH_NAT: &[u8] =
    br#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"ae2225f7-1c2e-427a-a1ad-5413b762957d"}"#;

#[test]
fn documented_body_gives_a_typed_kind() {
    let err = NatErr::from_response(404, (), NO_SUCH_NAT);
    assert_eq!(err.status(), 404);
    assert_eq!(err.kind(), Some(NatError::NoSuchNat));
    assert_eq!(err.code(), Some("NoSuchNat"));
    assert_eq!(err.message(), Some("The specified nat is not found."));
    assert_eq!(
        err.request_id(),
        Some("ae2225f7-1c2e-427a-a1ad-5413b762957d")
    );
    assert_eq!(
        err.description(),
        Some("The NAT gateway specified in the query was not found.")
    );
    assert!(err.is_parsed());
    assert_eq!(err.body_snippet(), None);
    assert_eq!(err.retry_class(), RetryClass::Never);
}

#[test]
fn unknown_code_keeps_code_message_and_request_id() {
    let body = br#"{"code":"BrandNewCode","message":"Something new.","requestId":"r-1"}"#;
    let err = NatErr::from_response(409, (), body);
    assert_eq!(err.kind(), None);
    assert_eq!(err.code(), Some("BrandNewCode"));
    assert_eq!(err.message(), Some("Something new."));
    assert_eq!(err.request_id(), Some("r-1"));
    assert!(err.is_parsed());
    assert_eq!(err.to_string(), "BrandNewCode (409): Something new. [r-1]");
}

#[test]
fn capitalised_keys_and_extra_fields_are_tolerated() {
    let body = br#"{ "Code" : "InternalError", "Message": "We encountered an internal error. Please try again.",
        "RequestId": "r-2", "details": {"a": [1, 2.5e3, true, null, {"b": "\"}"}]}, "n": -0.5 }"#;
    let err = NatErr::from_response(500, (), body);
    assert_eq!(err.kind(), Some(NatError::InternalError));
    assert_eq!(err.request_id(), Some("r-2"));
    assert_eq!(err.retry_class(), RetryClass::Transient);
}

#[test]
fn missing_fields_are_absent_not_invented() {
    let err = NatErr::from_response(404, (), br#"{"code":"NoSuchNat"}"#);
    assert_eq!(err.kind(), Some(NatError::NoSuchNat));
    assert_eq!(err.message(), None);
    assert_eq!(err.request_id(), None);
    assert_eq!(err.to_string(), "NoSuchNat (404)");

    let err = NatErr::from_response(400, (), br#"{"message":"no code here","code":null}"#);
    assert_eq!(err.code(), None);
    assert_eq!(err.kind(), None);
    assert!(err.is_parsed());
    assert_eq!(
        err.body_snippet(),
        Some(r#"{"message":"no code here","code":null}"#)
    );
    assert_eq!(err.to_string(), "HTTP 400 (no error code): no code here");
}

#[test]
fn request_id_from_the_header_when_the_body_has_none() {
    let body = br#"{"code":"NoSuchNat","message":"m"}"#;
    let pairs = [
        ("Content-Type", "application/json"),
        ("X-Bce-Request-Id", "hdr-1"),
    ];
    assert_eq!(
        NatErr::from_response(404, pairs, body).request_id(),
        Some("hdr-1")
    );
    assert_eq!(
        NatErr::from_response(404, Some("hdr-2"), body).request_id(),
        Some("hdr-2")
    );
    let map: HashMap<String, String> = [("x-bce-request-id".to_owned(), "hdr-3".to_owned())].into();
    assert_eq!(
        NatErr::from_response(404, &map, body).request_id(),
        Some("hdr-3")
    );
    // The body's own id wins.
    assert_eq!(
        NatErr::from_response(404, Some("hdr"), NO_SUCH_NAT).request_id(),
        Some("ae2225f7-1c2e-427a-a1ad-5413b762957d")
    );
}

#[test]
fn html_from_a_proxy_is_unparsed_with_status_and_snippet() {
    let html =
        b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>";
    let err = NatErr::from_response(502, Some("r-3"), html);
    assert!(!err.is_parsed());
    assert_eq!(err.status(), 502);
    assert_eq!(err.code(), None);
    assert_eq!(err.kind(), None);
    assert_eq!(err.body_snippet().map(str::as_bytes), Some(&html[..]));
    assert_eq!(err.retry_class(), RetryClass::Transient);
    let line = err.to_string();
    assert!(
        line.starts_with("HTTP 502 (unparsed body): <html>\\r\\n<head>"),
        "{line}"
    );
    assert!(!line.contains('\n'));
    let source = std::error::Error::source(&err).expect("the parse error is the source");
    assert_eq!(
        source.to_string(),
        "the body is not a JSON object (at byte 0)"
    );
}

#[test]
fn empty_truncated_and_invalid_bodies() {
    for (body, reason) in [
        (&b""[..], "the body is empty"),
        (b"   ", "the body is empty"),
        (br#"{"code":"NoSuchNat","mess"#, "cut off"),
        (br#"{"code":"NoSu"#, "cut off"),
        (br#"{"code":"NoSuchNat" "message":"x"}"#, "not valid JSON"),
        (b"{\"code\":\"\xff\xfe\"}", "not valid UTF-8"),
        (b"[1,2,3]", "not a JSON object"),
    ] {
        let err = NatErr::from_response(400, (), body);
        assert!(!err.is_parsed(), "{body:?}");
        assert_eq!(err.code(), None, "{body:?}");
        assert_eq!(err.status(), 400);
        let source = std::error::Error::source(&err).unwrap().to_string();
        assert!(source.contains(reason), "{body:?}: {source}");
    }
}

#[test]
fn huge_bodies_keep_a_bounded_snippet() {
    let mut body = vec![b'x'; 5 << 20];
    body[..2].copy_from_slice(b"{\"");
    let err = NatErr::from_response(413, (), &body);
    assert!(!err.is_parsed());
    assert!(err.body_snippet().unwrap().len() <= SNIPPET_LIMIT);
    let binary = vec![0xFFu8; 4096];
    let err = NatErr::from_response(500, (), &binary);
    assert!(err.body_snippet().unwrap().len() <= SNIPPET_LIMIT);
}

#[test]
fn deeply_nested_extra_fields_cannot_overflow_the_stack() {
    let mut body = br#"{"code":"NoSuchNat","x":"#.to_vec();
    body.extend(std::iter::repeat_n(b'[', 100_000));
    let err = NatErr::from_response(404, (), &body);
    assert!(!err.is_parsed());
}

#[test]
fn display_escapes_server_text() {
    let body = br#"{"code":"Evil\nCode","message":"line1\nline2\u001b[31mred\u0000","requestId":"id\r\nInjected: yes"}"#;
    let line = NatErr::from_response(400, (), body).to_string();
    assert_eq!(
        line,
        "Evil\\nCode (400): line1\\nline2\\u{1b}[31mred\\u{0} [id\\r\\nInjected: yes]"
    );
}

#[test]
fn alternate_display_adds_the_description() {
    let err = NatErr::from_response(404, (), NO_SUCH_NAT);
    assert_eq!(
        format!("{err:#}"),
        "NoSuchNat (404): The specified nat is not found. [ae2225f7-1c2e-427a-a1ad-5413b762957d] — The NAT gateway specified in the query was not found."
    );
}

#[test]
fn escapes_and_unicode_in_strings() {
    let body = br#"{"code":"NoSuchNat","message":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \u5f00"}"#;
    let err = NatErr::from_response(404, (), body);
    assert_eq!(err.message(), Some("café 😀 \"q\" \\ / 开"));
}

#[test]
fn numeric_codes_are_kept_as_text() {
    let err = NatErr::from_response(404, (), br#"{"code":404,"message":"m"}"#);
    assert_eq!(err.code(), Some("404"));
    assert_eq!(err.kind(), None);
}

#[test]
fn retry_classes_for_unknown_codes_follow_status_and_code() {
    let throttled = NatErr::from_response(429, (), br#"{"code":"RequestLimitExceeded"}"#);
    assert_eq!(throttled.retry_class(), RetryClass::Throttling);
    let expired = BceError::<BlbError>::from_response(400, (), br#"{"code":"RequestExpired"}"#);
    assert_eq!(expired.kind(), Some(BlbError::RequestExpired));
    assert_eq!(expired.retry_class(), RetryClass::ClockSkew);
    assert!(expired.is_retryable());
}

#[test]
fn documented_bodies_round_trip_for_every_code() {
    for kind in GlobalError::ALL {
        let body = ErrorResponse::documented(*kind, "req-7").to_json();
        let err = BceError::<GlobalError>::from_response(
            kind.status().unwrap_or(200),
            (),
            body.as_bytes(),
        );
        assert_eq!(err.kind(), Some(*kind));
        assert_eq!(err.message(), Some(kind.message()));
        assert_eq!(err.request_id(), Some("req-7"));
    }
}

#[test]
fn error_response_parses_and_writes_the_documented_keys() {
    let parsed = ErrorResponse::parse(NO_SUCH_NAT).unwrap();
    assert_eq!(parsed.code.as_deref(), Some("NoSuchNat"));
    let back = ErrorResponse::parse(parsed.to_json().as_bytes()).unwrap();
    assert_eq!(back, parsed);
    let tricky = ErrorResponse {
        code: Some("A".into()),
        message: Some("q\"\\\n\u{1}".into()),
        ..ErrorResponse::default()
    };
    assert_eq!(
        tricky.to_json(),
        r#"{"code":"A","message":"q\"\\\n\u0001"}"#
    );
    assert_eq!(
        ErrorResponse::parse(tricky.to_json().as_bytes()).unwrap(),
        tricky
    );
}
