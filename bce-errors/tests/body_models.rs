//! Every documented error body — BCE, the AI platform, Qianfan's nested error, the OAuth
//! token endpoint — read into the right code, message and ids; successes told from
//! errors; the serde feature reading each body as `ErrorResponse::parse` does; and a
//! `Display` that stays one bounded, log-safe line whatever the server sends.
// The response half (feature `response`, on by default).
#![cfg(feature = "response")]

use bce_errors::services::{AiPlatformError, GlobalError, NatError};
use bce_errors::{BceError, BodyFormat, DISPLAY_FIELD_LIMIT, ErrorResponse, RetryClass};
use proptest::prelude::*;

/// (body, code, message, request id, log id, format).
type Golden = (
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    BodyFormat,
);

const GOLDEN: &[Golden] = &[
    (
        r#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"ae2225f7-1c2e-427a-a1ad-5413b762957d"}"#,
        Some("NoSuchNat"),
        Some("The specified nat is not found."),
        Some("ae2225f7-1c2e-427a-a1ad-5413b762957d"),
        None,
        BodyFormat::Bce,
    ),
    (
        r#"{"Code":"NoSuchNat","Message":"m","RequestId":12345}"#,
        Some("NoSuchNat"),
        Some("m"),
        Some("12345"),
        None,
        BodyFormat::Bce,
    ),
    (
        r#"{"error_code":110,"error_msg":"Access token invalid or no longer valid","log_id":1803053124329552748}"#,
        Some("110"),
        Some("Access token invalid or no longer valid"),
        None,
        Some("1803053124329552748"),
        BodyFormat::AiPlatform,
    ),
    (
        r#"{"log_id":"3564745689","error_msg":"Open api qps request limit reached","error_code":"18"}"#,
        Some("18"),
        Some("Open api qps request limit reached"),
        None,
        Some("3564745689"),
        BodyFormat::AiPlatform,
    ),
    (
        r#"{"error":{"code":"malformed_json","message":"Invalid Argument","type":"invalid_request_error"},"id":"as-bcmt5ct4iy"}"#,
        Some("malformed_json"),
        Some("Invalid Argument"),
        None,
        None,
        BodyFormat::Nested,
    ),
    (
        r#"{"error":"invalid_client","error_description":"unknown client id"}"#,
        Some("invalid_client"),
        Some("unknown client id"),
        None,
        None,
        BodyFormat::OAuth,
    ),
];

#[test]
fn every_model_gives_its_code_message_and_ids() {
    for &(body, code, message, request_id, log_id, format) in GOLDEN {
        let parsed = ErrorResponse::parse(body.as_bytes()).unwrap();
        assert_eq!(parsed.code.as_deref(), code, "{body}");
        assert_eq!(parsed.message.as_deref(), message, "{body}");
        assert_eq!(parsed.request_id.as_deref(), request_id, "{body}");
        assert_eq!(parsed.log_id.as_deref(), log_id, "{body}");
        assert_eq!(parsed.format, format, "{body}");
        let err: BceError<GlobalError> = BceError::from_response(400, (), body.as_bytes());
        assert_eq!(err.code(), code, "{body}");
        assert_eq!(err.message(), message, "{body}");
        assert_eq!(err.request_id(), request_id, "{body}");
        assert_eq!(err.log_id(), log_id, "{body}");
        assert_eq!(err.format(), format, "{body}");
    }
    let qianfan: BceError<GlobalError> = BceError::from_response(400, (), GOLDEN[4].0.as_bytes());
    assert_eq!(qianfan.id(), Some("as-bcmt5ct4iy"));
    assert_eq!(qianfan.error_type(), Some("invalid_request_error"));
}

#[test]
fn a_numeric_code_finds_its_variant_as_a_number_or_a_string() {
    for body in [
        r#"{"error_code":110,"error_msg":"x"}"#,
        r#"{"error_code":"110","error_msg":"x"}"#,
    ] {
        let err: BceError<AiPlatformError> = BceError::from_response(200, (), body.as_bytes());
        assert_eq!(err.kind(), Some(AiPlatformError::E110), "{body}");
        assert_eq!(err.code(), Some("110"));
    }
    assert_eq!(AiPlatformError::E110.status(), None);
    assert_eq!(AiPlatformError::E18.retry_class(), RetryClass::Throttling);
    assert_eq!(AiPlatformError::E2.retry_class(), RetryClass::Transient);
    assert_eq!(AiPlatformError::E19.retry_class(), RetryClass::Never);
}

#[test]
fn successes_are_not_errors() {
    let ok = [
        (200, r#"{"error_code":0,"error_msg":"SUCCESS","result":{}}"#),
        (
            200,
            r#"{"code":"success","message":"success","requestId":"r"}"#,
        ),
        (203, r#"{"code":"success","message":"Callback failed."}"#),
        (200, r#"{"log_id":1,"words_result":[]}"#),
        (204, ""),
        (200, "PNG bytes that are no JSON"),
    ];
    for (status, body) in ok {
        assert!(
            BceError::<GlobalError>::check(status, (), body.as_bytes()).is_ok(),
            "{status} {body}"
        );
    }
    let errors = [
        (
            200,
            r#"{"error_code":110,"error_msg":"Access token invalid or no longer valid"}"#,
        ),
        (200, r#"{"error":{"code":"malformed_json","message":"m"}}"#),
        (500, r#"{"code":"success"}"#),
        (404, ""),
    ];
    for (status, body) in errors {
        let err = BceError::<GlobalError>::check(status, (), body.as_bytes()).unwrap_err();
        assert_eq!(err.status(), status);
    }
    assert!(
        ErrorResponse::parse(br#"{"code":"success"}"#)
            .unwrap()
            .is_success(200)
    );
    assert!(
        !ErrorResponse::parse(br#"{"code":"success"}"#)
            .unwrap()
            .is_success(500)
    );
}

#[test]
fn the_header_gives_the_request_id_when_the_body_has_none() {
    let err: BceError<NatError> = BceError::from_response(
        404,
        [("X-Bce-Request-Id", "hdr-1")],
        br#"{"code":"NoSuchNat"}"#,
    );
    assert_eq!(err.request_id(), Some("hdr-1"));
    let err: BceError<NatError> =
        BceError::from_response(404, Some("hdr-1"), br#"{"code":"NoSuchNat","requestId":7}"#);
    assert_eq!(err.request_id(), Some("7"));
}

#[test]
fn documented_bodies_are_written_in_their_model() {
    let ai = ErrorResponse::documented(AiPlatformError::E110, "1803053124329552748");
    assert_eq!(
        ai.to_json(),
        r#"{"error_code":110,"error_msg":"Access token invalid or no longer valid","log_id":1803053124329552748}"#
    );
    let back: BceError<AiPlatformError> = BceError::from_response(200, (), ai.to_json().as_bytes());
    assert_eq!(back.kind(), Some(AiPlatformError::E110));
}

#[cfg(feature = "serde")]
#[test]
fn serde_reads_every_model_as_parse_does() {
    for &(body, ..) in GOLDEN {
        let with_serde: ErrorResponse = serde_json::from_str(body).unwrap();
        assert_eq!(
            with_serde,
            ErrorResponse::parse(body.as_bytes()).unwrap(),
            "{body}"
        );
        // And writes it back as to_json does.
        assert_eq!(
            serde_json::to_string(&with_serde).unwrap(),
            with_serde.to_json(),
            "{body}"
        );
    }
    let code: AiPlatformError = serde_json::from_str("110").unwrap();
    assert_eq!(code, AiPlatformError::E110);
    assert_eq!(
        serde_json::to_string(&AiPlatformError::E110).unwrap(),
        "110"
    );
}

/// Characters that must never reach a log line from a body.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

fn server_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[ -~]{0,40}",
        any::<char>().prop_map(String::from),
        Just(
            "\u{200B}\u{200E}\u{200F}\u{061C}\u{FEFF}\u{2028}\u{2029}\u{202E}\u{2066}\n\r\t\u{1b}"
                .to_owned()
        ),
        (0usize..3000).prop_map(|n| "长".repeat(n)),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

/// The longest a `Display` can be: four server fields (code, message, request id, or a
/// body snippet) of at most DISPLAY_FIELD_LIMIT bytes and `…` each, and the punctuation.
const DISPLAY_BOUND: usize = 4 * (DISPLAY_FIELD_LIMIT + "…".len()) + 64;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn display_is_one_bounded_line_without_hidden_characters(
        code in server_text(),
        message in server_text(),
        id in server_text(),
        status in 100u16..600,
    ) {
        let body = serde_json::json!({"code": code, "message": message, "requestId": id}).to_string();
        for body in [body.as_bytes(), message.as_bytes()] {
            let err: BceError<NatError> = BceError::from_response(status, Some(id.as_str()), body);
            for shown in [err.to_string(), format!("{err:#}")] {
                prop_assert!(shown.len() <= DISPLAY_BOUND, "{} bytes", shown.len());
                prop_assert!(!shown.chars().any(hidden), "{shown:?}");
            }
        }
    }
}
