//! The call path against a faulty server: each fault scenario of the retry policy, on a
//! paused clock (tokio auto-advances it whenever the runtime is idle, so a 2 s
//! `Retry-After` costs no wall time).
//!
//! A paused clock and real sockets: tokio advances the clock when no task is ready, which
//! can happen while loopback bytes are still in the kernel, so a pending reqwest timeout
//! may fire early, and the clock jumps to whatever timer is next. The paused tests
//! therefore give the client no timer at all — no timeout, no idle-connection reaper —
//! so that the double's latency and the policy's waits are the only timers, and
//! jumping to them is right; the tests of timeouts and of large bodies run on the real
//! clock.
#![cfg(feature = "reqwest")]

#[path = "support/double.rs"]
mod double;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bce_errors::call::{Bytes, CallError, RetryPolicy, TransportKind};
use bce_errors::services::{AiPlatformError, NatError};
use bce_errors::{BceError, PARSE_LIMIT, RetryClass};
use double::{NAT, Reply, TOO_MANY, TestDouble, UNAVAILABLE, client};

/// One call through the policy, as a user writes it.
async fn call(
    policy: &RetryPolicy,
    client: &reqwest::Client,
    url: &str,
) -> Result<Bytes, CallError<NatError>> {
    policy
        .retry(|| async { BceError::check_reqwest(client.get(url).send().await?).await })
        .await
}

/// The gaps between consecutive requests, on the paused clock.
fn gaps(double: &TestDouble) -> Vec<Duration> {
    let hits = double.hits();
    hits.windows(2).map(|w| w[1].at - w[0].at).collect()
}

#[tokio::test(start_paused = true)]
async fn transient_twice_then_success_on_the_third_attempt() {
    let double = TestDouble::sequence(vec![
        Reply::status(503, UNAVAILABLE),
        Reply::status(503, UNAVAILABLE),
        Reply::ok(NAT),
    ])
    .await;
    let policy = RetryPolicy::new();
    let body = call(&policy, &client(), &double.url("/v1/nat/nat-1")).await;
    assert_eq!(body.expect("success").as_ref(), NAT.as_bytes());
    assert_eq!(double.requests(), 3);
    // Two retries cost 10 tokens; the success gave the last one's 5 back.
    assert_eq!(policy.budget().available(), 495);
}

#[tokio::test(start_paused = true)]
async fn no_such_nat_is_one_attempt() {
    let double = TestDouble::sequence(vec![Reply::documented(NatError::NoSuchNat)]).await;
    let policy = RetryPolicy::new();
    let err = call(&policy, &client(), &double.url("/v1/nat/nat-9"))
        .await
        .expect_err("404");
    assert_eq!(err.kind(), Some(NatError::NoSuchNat));
    assert_eq!(err.retry_class(), RetryClass::Never);
    assert_eq!(
        err.bce_error().and_then(BceError::request_id),
        Some("double-0")
    );
    assert_eq!(double.requests(), 1);
    assert_eq!(policy.budget().available(), 500);
}

#[tokio::test(start_paused = true)]
async fn retry_after_2_s_delays_the_next_attempt_at_least_2_s() {
    let double = TestDouble::sequence(vec![
        Reply::status(429, TOO_MANY).retry_after("2"),
        Reply::ok(NAT),
    ])
    .await;
    let waits = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = waits.clone();
    let client = client();
    let url = double.url("/v1/nat");
    let result = RetryPolicy::new()
        .retry(|| async {
            BceError::<NatError>::check_reqwest(client.get(&url).send().await?).await
        })
        .notify(move |err, wait| seen.lock().unwrap().push((err.retry_after(), wait)))
        .await;
    assert!(result.is_ok());
    assert_eq!(
        waits.lock().unwrap()[0].0,
        Some(Duration::from_secs(2)),
        "the header reaches the error"
    );
    assert!(
        gaps(&double)[0] >= Duration::from_secs(2),
        "{:?}",
        gaps(&double)
    );
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_past_the_time_limit_ends_the_call_with_it() {
    let double =
        TestDouble::sequence(vec![Reply::status(503, UNAVAILABLE).retry_after("3600")]).await;
    let err = call(&RetryPolicy::new(), &client(), &double.url("/v1/nat"))
        .await
        .expect_err("no retry an hour away");
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(double.requests(), 1);
}

#[tokio::test(start_paused = true)]
async fn ai_error_code_18_in_http_200_is_retried_as_throttling() {
    let double = TestDouble::sequence(vec![
        Reply::documented(AiPlatformError::E18),
        Reply::ok(r#"{"error_code":0,"error_msg":"SUCCESS","words_result":[]}"#),
    ])
    .await;
    let classes = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = classes.clone();
    let client = client();
    let url = double.url("/rest/2.0/ocr/v1/general_basic");
    let body = RetryPolicy::new()
        .retry(|| async {
            BceError::<AiPlatformError>::check_reqwest(client.post(&url).send().await?).await
        })
        .notify(move |err, wait| {
            seen.lock()
                .unwrap()
                .push((err.kind(), err.retry_class(), wait))
        })
        .await
        .expect("the second attempt succeeds");
    assert!(body.starts_with(br#"{"error_code":0"#));
    let (kind, class, wait) = classes.lock().unwrap()[0];
    assert_eq!(
        (kind, class),
        (Some(AiPlatformError::E18), RetryClass::Throttling)
    );
    // Throttling waits at least half of its 1 s window.
    assert!(wait >= Duration::from_millis(500), "{wait:?}");
    assert!(gaps(&double)[0] >= Duration::from_millis(500));
}

/// A client that signs each attempt: the `authorization` header carries a signature
/// number, so the double shows whether an attempt was signed anew.
async fn signed_call(
    policy: &RetryPolicy,
    double: &TestDouble,
    signatures: &AtomicUsize,
) -> Result<Bytes, CallError<NatError>> {
    let client = client();
    let url = double.url("/v1/nat");
    policy
        .retry(|| async {
            let signature = signatures.fetch_add(1, Ordering::SeqCst);
            let request = client
                .get(&url)
                .header("authorization", format!("bce-auth-v1/{signature}"));
            BceError::check_reqwest(request.send().await?).await
        })
        .await
}

#[tokio::test(start_paused = true)]
async fn request_expired_runs_the_re_sign_hook_once_then_succeeds() {
    let double = TestDouble::sequence(vec![
        Reply::documented(NatError::RequestExpired),
        Reply::ok(NAT),
    ])
    .await;
    let resigned = Arc::new(AtomicUsize::new(0));
    let hook = resigned.clone();
    let policy = RetryPolicy::new().on_clock_skew(move || {
        hook.fetch_add(1, Ordering::SeqCst);
    });
    let body = signed_call(&policy, &double, &AtomicUsize::new(0)).await;
    assert!(body.is_ok());
    assert_eq!(resigned.load(Ordering::SeqCst), 1);
    let hits = double.hits();
    assert_eq!(hits[0].header("authorization"), Some("bce-auth-v1/0"));
    assert_eq!(hits[1].header("authorization"), Some("bce-auth-v1/1"));
    assert_eq!(hits[1].at, hits[0].at, "re-signed and sent at once");
}

#[tokio::test(start_paused = true)]
async fn request_expired_again_after_re_signing_is_not_retried() {
    let double = TestDouble::sequence(vec![Reply::documented(NatError::RequestExpired)]).await;
    let resigned = Arc::new(AtomicUsize::new(0));
    let hook = resigned.clone();
    let policy = RetryPolicy::new().on_clock_skew(move || {
        hook.fetch_add(1, Ordering::SeqCst);
    });
    let err = signed_call(&policy, &double, &AtomicUsize::new(0))
        .await
        .expect_err("a clock still wrong");
    assert_eq!(err.kind(), Some(NatError::RequestExpired));
    assert_eq!((double.requests(), resigned.load(Ordering::SeqCst)), (2, 1));
}

#[tokio::test(start_paused = true)]
async fn a_reset_mid_body_is_an_unparsed_typed_error() {
    let double = TestDouble::sequence(vec![Reply::status(503, UNAVAILABLE).reset_mid_body()]).await;
    let response = client()
        .get(double.url("/v1/nat"))
        .send()
        .await
        .expect("the head arrives");
    let err = BceError::<NatError>::from_reqwest(response).await;
    assert_eq!(err.status(), 503);
    assert!(!err.is_parsed(), "{err:?}");
    assert_eq!(err.request_id(), Some("double-0"));
    assert_eq!(err.retry_class(), RetryClass::Transient);
}

#[tokio::test(start_paused = true)]
async fn a_cut_body_is_retried_like_any_transient_error() {
    for cut in [Reply::reset_mid_body, Reply::truncated] {
        let double =
            TestDouble::sequence(vec![cut(Reply::status(503, UNAVAILABLE)), Reply::ok(NAT)]).await;
        let body = call(&RetryPolicy::new(), &client(), &double.url("/v1/nat")).await;
        assert_eq!(body.expect("the retry succeeds").as_ref(), NAT.as_bytes());
        assert_eq!(double.requests(), 2);
    }
}

#[tokio::test(start_paused = true)]
async fn a_successful_body_cut_short_is_an_interrupted_transport_error() {
    let double = TestDouble::sequence(vec![Reply::ok(NAT).truncated()]).await;
    let response = client()
        .get(double.url("/v1/nat"))
        .send()
        .await
        .expect("the head arrives");
    let err = BceError::<NatError>::check_reqwest(response)
        .await
        .expect_err("half a body");
    let transport = err.transport().expect("a transport error");
    assert_eq!(transport.kind(), TransportKind::Interrupted);
    assert!(
        transport
            .get_ref()
            .downcast_ref::<reqwest::Error>()
            .is_some()
    );
    assert_eq!(err.retry_class(), RetryClass::Transient);
}

#[tokio::test]
async fn a_5_mb_proxy_page_is_read_to_the_limit_only() {
    let double = TestDouble::sequence(vec![Reply::html(502, 5 << 20)]).await;
    let response = client()
        .get(double.url("/v1/nat"))
        .send()
        .await
        .expect("the head arrives");
    let err = BceError::<NatError>::from_reqwest(response).await;
    assert_eq!((err.status(), err.is_parsed()), (502, false));
    assert!(err.body_snippet().is_some_and(|s| s.starts_with("<html>")));
    let cause = std::error::Error::source(&err).expect("why it is unparsed");
    assert_eq!(
        cause.to_string(),
        format!(
            "the body is too large to parse ({} bytes, over {PARSE_LIMIT})",
            PARSE_LIMIT + 1
        )
    );
}

#[tokio::test(start_paused = true)]
async fn a_refused_connection_is_a_transient_connect_error() {
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/v1/nat", closed.local_addr().unwrap());
    drop(closed);
    let err = call(&RetryPolicy::new().with_max_attempts(1), &client(), &url)
        .await
        .expect_err("nobody listens");
    assert_eq!(
        err.transport().map(|t| t.kind()),
        Some(TransportKind::Connect)
    );
    assert_eq!(err.retry_class(), RetryClass::Transient);
}

#[tokio::test]
async fn a_timeout_is_retried_at_the_higher_cost() {
    let slow = Reply::ok(NAT).latency(Duration::from_secs(5));
    let double = TestDouble::sequence(vec![slow.clone(), slow, Reply::ok(NAT)]).await;
    let client = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let policy = RetryPolicy::new().with_base_delay(Duration::from_millis(10));
    let first = client.get(double.url("/v1/nat")).send().await;
    let err = CallError::<NatError>::from(first.expect_err("5 s is past the timeout"));
    assert_eq!(
        err.transport().map(|t| t.kind()),
        Some(TransportKind::Timeout)
    );
    assert_eq!(err.retry_class(), RetryClass::Transient);
    assert!(policy.call().next_delay(&err).is_some());
    assert_eq!(policy.budget().available(), 490);
    // Through the policy: the slow attempt times out, the retry succeeds.
    let body = call(&policy, &client, &double.url("/v1/nat")).await;
    assert_eq!(body.expect("the retry succeeds").as_ref(), NAT.as_bytes());
    assert_eq!(policy.budget().available(), 490);
}

#[tokio::test(start_paused = true)]
async fn success_codes_inside_http_200_are_successes() {
    let ok = r#"{"error_code":0,"error_msg":"SUCCESS","log_id":1}"#;
    let double = TestDouble::sequence(vec![Reply::ok(ok)]).await;
    let response = client().get(double.url("/")).send().await.unwrap();
    let body = BceError::<AiPlatformError>::check_reqwest(response).await;
    assert_eq!(body.expect("error_code 0").as_ref(), ok.as_bytes());
}
