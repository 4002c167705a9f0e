//! Calling a BCE API through reqwest with the retry policy: a transient 503, a 429 with
//! `Retry-After`, a stale signature, a missing NAT gateway — each attempt printed.
//!
//! Run it with `cargo run --example reqwest_client --features reqwest`. It starts a
//! test double on 127.0.0.1 that answers as a faulty BCE endpoint would, and exits.

#[path = "../tests/support/double.rs"]
mod double;

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use bce_errors::BceError;
use bce_errors::call::{Bytes, CallError, RetryPolicy};
use bce_errors::services::NatError;
use double::{Reply, TestDouble};

/// One call: build and sign the request, send it, read the answer — once per attempt.
async fn describe_nat(
    client: &reqwest::Client,
    policy: &RetryPolicy,
    url: &str,
) -> Result<Bytes, CallError<NatError>> {
    let attempt = AtomicU32::new(0);
    policy
        .retry(|| async {
            let n = attempt.fetch_add(1, Ordering::Relaxed) + 1;
            println!("  attempt {n}: GET {url}");
            let request = client.get(url).header("authorization", sign());
            BceError::check_reqwest(request.send().await?).await
        })
        .notify(|err, wait| {
            println!(
                "    {err} → {}, next attempt in {wait:.2?}",
                err.retry_class()
            )
        })
        .await
}

/// Stands in for BCE's request signing (bce-auth-v1 over a fresh timestamp).
fn sign() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "bce-auth-v1/example-ak/{}/1800/host/signature",
        now.as_secs()
    )
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let double = TestDouble::sequence(vec![
        Reply::status(
            503,
            br#"{"code":"ServiceUnavailable","message":"Please try again."}"#,
        ),
        Reply::status(
            429,
            br#"{"code":"RequestLimitExceeded","message":"Too many requests."}"#,
        )
        .retry_after("1"),
        Reply::ok(r#"{"nat":{"id":"nat-3k7s9x","status":"active"}}"#),
        Reply::documented(NatError::RequestExpired),
        Reply::ok(r#"{"nat":{"id":"nat-3k7s9x","status":"active"}}"#),
        Reply::documented(NatError::NoSuchNat),
    ])
    .await;
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(10)) // bounds each attempt; the policy bounds the rest
        .no_proxy() // the double is on loopback; a real client keeps the environment's proxy
        .build()
        .expect("a reqwest client");
    // One policy per endpoint: its clones share the retry budget.
    let policy =
        RetryPolicy::new().on_clock_skew(|| println!("    re-signing with a fresh timestamp"));

    for name in ["flaky", "expired", "missing"] {
        println!("call {name}:");
        match describe_nat(&client, &policy, &double.url(&format!("/v1/nat/{name}"))).await {
            Ok(body) => println!("  ok: {}", String::from_utf8_lossy(&body)),
            Err(err) => println!("  failed: {err:#} ({})", err.retry_class()),
        }
    }
    let budget = policy.budget();
    println!(
        "retry budget: {} of {} tokens",
        budget.available(),
        budget.capacity()
    );
}
