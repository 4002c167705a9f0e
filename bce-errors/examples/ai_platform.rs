//! The AI platform (OCR, speech, face, Qianfan …) reports errors in the body, usually with
//! HTTP 200: `{"error_code": 216200, "error_msg": "empty image", "log_id": …}`. Its docs
//! tables have numeric codes and no HTTP status; a spec made from one works like any
//! other (`examples/specs/ocr.toml`, imported from the OCR error page).
//!
//! Run it with `cargo run --example ai_platform`.

use bce_errors::services::AiPlatformError;
use bce_errors::{BceError, bce_errors};

/// OCR (文字识别) errors, from our own spec.
#[bce_errors("examples/specs/ocr.toml")]
pub enum OcrError {}

fn main() {
    let responses: [(u16, &[u8]); 5] = [
        (
            200,
            br#"{"log_id":1803053124329552748,"words_result_num":1,"words_result":[{"words":"Baidu"}]}"#,
        ),
        (
            200,
            br#"{"error_code":216200,"error_msg":"empty image","log_id":1803053124329552749}"#,
        ),
        (
            200,
            br#"{"error_code":18,"error_msg":"Open api qps request limit reached","log_id":"1803053124329552750"}"#,
        ),
        (
            200,
            br#"{"error_code":"216100","error_msg":"invalid param: image","log_id":1803053124329552751}"#,
        ),
        (504, b"<html><body>504 Gateway Time-out</body></html>"),
    ];

    for (status, body) in responses {
        // `check` tells a success (2xx without an error code) from an error.
        let err = match BceError::<OcrError>::check(status, (), body) {
            Ok(()) => {
                println!("HTTP {status}: success\n");
                continue;
            }
            Err(err) => err,
        };
        println!("{err}");
        match err.kind() {
            Some(OcrError::E216200) => println!("  -> the image is empty: send the picture"),
            Some(kind) => println!(
                "  -> OCR documents {}: {}",
                kind.code(),
                kind.description().unwrap_or(kind.message())
            ),
            None => println!("  -> not an OCR code"),
        }
        // Codes every AI platform API shares are in the bundled AiPlatformError.
        if let Some(common) = err.code().and_then(AiPlatformError::from_code) {
            println!("  -> a common AI platform code: {common:?}");
        }
        println!(
            "  -> retry: {} (log id {})\n",
            err.retry_class(),
            err.log_id().unwrap_or("none")
        );
    }
}
