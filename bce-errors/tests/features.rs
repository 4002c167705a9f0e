//! The optional `serde` and `http` glue.
#![cfg(any(feature = "serde", feature = "http"))]

#[cfg(feature = "serde")]
mod serde_glue {
    use bce_errors::services::{CceError, NatError};

    #[test]
    fn code_enums_serialize_as_their_wire_code() {
        assert_eq!(
            serde_json::to_string(&CceError::CceWarningUserNotExist).unwrap(),
            r#""Cce.warning.UserNotExist""#
        );
        let back: CceError = serde_json::from_str(r#""Cce.warning.UserNotExist""#).unwrap();
        assert_eq!(back, CceError::CceWarningUserNotExist);
        let err = serde_json::from_str::<NatError>(r#""NoSuchThing""#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("a documented NAT gateway error code"), "{err}");
    }

    #[test]
    #[cfg(feature = "response")]
    fn error_response_with_serde_json() {
        use bce_errors::ErrorResponse;

        let parsed: ErrorResponse = serde_json::from_str(
            r#"{"Code":"NoSuchNat","message":"m","requestId":"r","extra":{"x":[1]}}"#,
        )
        .unwrap();
        assert_eq!(parsed.code.as_deref(), Some("NoSuchNat"));
        assert_eq!(parsed.request_id.as_deref(), Some("r"));
        assert_eq!(serde_json::to_string(&parsed).unwrap(), parsed.to_json());
        // The same keys and values as ErrorResponse::parse accepts.
        let body = r#"{"error_code":404,"message":null,"request_id":"r-2"}"#;
        let with_serde: ErrorResponse = serde_json::from_str(body).unwrap();
        assert_eq!(with_serde, ErrorResponse::parse(body.as_bytes()).unwrap());
        assert_eq!(with_serde.code.as_deref(), Some("404"));
    }
}

#[cfg(feature = "http")]
mod http_glue {
    use bce_errors::services::NatError;
    use bce_errors::{BceError, ErrorResponse, ServiceError};

    #[test]
    fn status_codes_and_responses() {
        assert_eq!(
            NatError::NoSuchNat.http_status(),
            Some(http::StatusCode::NOT_FOUND)
        );
        let response = ErrorResponse::http_response(NatError::NoSuchNat, "req-1");
        assert_eq!(response.status(), http::StatusCode::NOT_FOUND);
        assert_eq!(
            response.headers()["content-type"],
            "application/json; charset=utf-8"
        );
        let err: BceError<NatError> = BceError::from_http(&response);
        assert_eq!(err.kind(), Some(NatError::NoSuchNat));
        assert_eq!(err.request_id(), Some("req-1"));
        assert_eq!(err.http_status(), http::StatusCode::NOT_FOUND);
    }

    #[test]
    fn header_map_supplies_the_request_id() {
        let mut headers = http::HeaderMap::new();
        headers.insert("x-bce-request-id", "from-header".parse().unwrap());
        let err: BceError<NatError> = BceError::from_response(502, &headers, b"<html/>");
        assert_eq!(err.request_id(), Some("from-header"));
    }
}
