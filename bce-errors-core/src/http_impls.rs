//! Glue for the `http` crate: status codes, building a [`BceError`] from an
//! `http::Response`, and documented responses for mocks.

use crate::{BceError, ErrorResponse, ResponseHeaders, ServiceError};

/// A status as an `http::StatusCode` (specs only hold 100–599, which all are; any
/// response status is one).
fn status_code(status: u16) -> http::StatusCode {
    http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl ResponseHeaders for http::HeaderMap {
    fn request_id(&self) -> Option<&str> {
        self.get(crate::REQUEST_ID_HEADER)?.to_str().ok()
    }
}

impl<E: ServiceError> BceError<E> {
    /// Builds the error from an `http::Response` (status, `x-bce-request-id`, body).
    ///
    /// ```
    /// use bce_errors::{BceError, services::EipError};
    /// let response = http::Response::builder()
    ///     .status(404)
    ///     .header("x-bce-request-id", "r-9")
    ///     .body(r#"{"code":"EipNotFound","message":"The specified eip does not exist."}"#)
    ///     .unwrap();
    /// let err: BceError<EipError> = BceError::from_http(&response);
    /// assert_eq!(err.kind(), Some(EipError::EipNotFound));
    /// assert_eq!(err.request_id(), Some("r-9"));
    /// ```
    pub fn from_http<B: AsRef<[u8]>>(response: &http::Response<B>) -> Self {
        Self::from_response(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// The status as an `http::StatusCode`.
    pub fn http_status(&self) -> http::StatusCode {
        status_code(self.status())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl ErrorResponse {
    /// The documented response for `kind`: its status (200 where the docs give none, as
    /// the AI platform answers), `Content-Type: application/json`, `x-bce-request-id`,
    /// and the documented body. For mocks and test doubles.
    ///
    /// ```
    /// use bce_errors::{ErrorResponse, services::NatError};
    /// let response = ErrorResponse::http_response(NatError::NoSuchNat, "req-1");
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.headers()["x-bce-request-id"], "req-1");
    /// ```
    pub fn http_response<E: ServiceError>(kind: E, request_id: &str) -> http::Response<String> {
        let mut response =
            http::Response::new(ErrorResponse::documented(kind, request_id).to_json());
        *response.status_mut() = status_code(kind.status().unwrap_or(200));
        let headers = response.headers_mut();
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json; charset=utf-8"),
        );
        if let Ok(id) = http::HeaderValue::from_str(request_id) {
            headers.insert(crate::REQUEST_ID_HEADER, id);
        }
        response
    }
}
