//! Classify a few real-looking BCE error responses and say what each means.
//!
//! Run it with `cargo run --example quickstart`.

use bce_errors::services::NatError;
use bce_errors::{BceError, RetryClass};

fn main() {
    let responses: [(u16, Option<&str>, &[u8]); 5] = [
        (
            404,
            None,
            br#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"ae2225f7-1c2e-427a-a1ad-5413b762957d"}"#,
        ),
        (
            400,
            None,
            br#"{"Code":"RequestExpired","Message":"Request has expired. Timestamp date is .","RequestId":"7d1c2e42"}"#,
        ),
        (
            503,
            None,
            br#"{"code":"InternalError","message":"We encountered an internal error Please try again.","requestId":"c4abab14"}"#,
        ),
        (409, Some("hdr-5513b762"), br#"{"code":"NatGatewayMigrating","message":"A code newer than our docs."}"#),
        (502, Some("hdr-957d"), b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
    ];

    for (status, request_id, body) in responses {
        let err: BceError<NatError> = BceError::from_response(status, request_id, body);
        println!("{err}");
        match err.kind() {
            Some(NatError::NoSuchNat) => {
                println!("  -> the NAT gateway does not exist: create it first")
            }
            Some(kind) => println!(
                "  -> documented: {}",
                kind.description().unwrap_or(kind.message())
            ),
            None if err.is_parsed() => {
                println!("  -> a code the NAT docs do not list; keep its code and request id")
            }
            None => println!(
                "  -> not a BCE error body (a proxy page?); status {} kept",
                err.status()
            ),
        }
        let advice = match err.retry_class() {
            RetryClass::Transient => "retry with backoff",
            RetryClass::Throttling => "retry after a longer backoff",
            RetryClass::ClockSkew => "sign the request again, then retry",
            _ => "do not retry",
        };
        println!("  -> {advice}\n");
    }
}
