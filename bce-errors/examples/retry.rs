//! A retry loop driven by `retry_class`: back off on transient errors and throttling,
//! re-sign on clock skew, give up on everything else.
//!
//! Run it with `cargo run --example retry`.

use std::time::Duration;

use bce_errors::services::EipError;
use bce_errors::{BceError, RetryClass};

/// A stand-in for an HTTP call: fails a few times, then succeeds.
fn call(attempt: u32, signed_at: u32) -> Result<&'static str, (u16, &'static [u8])> {
    match attempt {
        0 => Err((503, br#"{"code":"InternalError","message":"We encountered an internal error. Please try again."}"#)),
        1 => Err((429, br#"{"code":"RequestLimitExceeded","message":"Too many requests."}"#)),
        2 if signed_at == 0 => Err((400, br#"{"code":"RequestExpired","message":"Request has expired."}"#)),
        _ => Ok("eip-3k7s9x"),
    }
}

fn main() {
    let mut signed_at = 0;
    let mut backoff = Duration::from_millis(10);
    for attempt in 0..6 {
        match call(attempt, signed_at) {
            Ok(id) => {
                println!("attempt {attempt}: ok, got {id}");
                return;
            }
            Err((status, body)) => {
                let err: BceError<EipError> = BceError::from_response(status, (), body);
                println!("attempt {attempt}: {err} -> {}", err.retry_class());
                match err.retry_class() {
                    RetryClass::Transient => backoff *= 2,
                    RetryClass::Throttling => backoff *= 4,
                    // Resending the same signed request fails again: sign it anew.
                    RetryClass::ClockSkew => signed_at = attempt,
                    _ => {
                        println!("giving up: {err:#}");
                        return;
                    }
                }
                std::thread::sleep(backoff);
            }
        }
    }
    println!("giving up after 6 attempts");
}
