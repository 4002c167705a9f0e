//! The retry policy under load: 1,000 concurrent calls against injected faults, a
//! server that fails everything, and its recovery. On a paused clock, through real
//! loopback sockets (see `call_faults.rs` for why the client has no timer).
//!
//! Each test prints its figures; `cargo test -p bce-errors --features reqwest --test
//! call_load -- --nocapture` shows them.
#![cfg(feature = "reqwest")]

#[path = "support/double.rs"]
mod double;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use bce_errors::call::{CallError, RetryPolicy, TransportKind};
use bce_errors::services::NatError;
use bce_errors::{BceError, RetryClass};
use double::{NAT, Reply, TestDouble, UNAVAILABLE, client, draw};
use tokio::time::Instant;

const CALLS: usize = 1000;

/// What one call ended with, and how long it took on the paused clock.
struct Outcome {
    result: Result<(), CallError<NatError>>,
    took: Duration,
}

/// `calls` calls at once, each through `policy`; panics in a call fail the test.
async fn run(double: &TestDouble, policy: &RetryPolicy, calls: usize) -> Vec<Outcome> {
    let client = client();
    let tasks: Vec<_> = (0..calls)
        .map(|n| {
            let (client, policy) = (client.clone(), policy.clone());
            let url = double.url(&format!("/v1/nat/nat-{n}"));
            tokio::spawn(async move {
                let start = Instant::now();
                let result = policy
                    .retry(|| async {
                        BceError::check_reqwest(client.get(&url).send().await?).await
                    })
                    .await
                    .map(drop);
                Outcome {
                    result,
                    took: start.elapsed(),
                }
            })
        })
        .collect();
    let mut outcomes = Vec::with_capacity(calls);
    for task in tasks {
        outcomes.push(task.await.expect("no call panics"));
    }
    outcomes
}

/// The seed of the fault draws: 1 unless `FAULT_SEED` says otherwise (a number reruns
/// that run; `random`, a fresh seed, printed, for independent samples). Fixed by
/// default: the assertions hold for the nominal 20 %, and a fresh seed now and then
/// draws a sample far above it (one run in about 80 drew 23.6 % faulty requests, and
/// the budget refused 4 retries), which would fail CI by chance.
fn seed() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    match std::env::var("FAULT_SEED").ok().as_deref() {
        Some("random") => RandomState::new().hash_one(0u8),
        Some(seed) => seed.parse().expect("FAULT_SEED: a number or `random`"),
        None => 1,
    }
}

/// A fault for one in five requests, drawn independently per request: a 503 body, a
/// proxy's 502 page, 429 with `Retry-After`, a reset mid-body; one success in ten comes
/// 100 ms late.
fn faulty(seed: u64, hit: &double::Hit) -> Reply {
    let (fault, kind) = (
        draw(seed, hit.number),
        draw(seed ^ 0x5DEE_CE66_D1CE_4E5B, hit.number),
    );
    match (fault < 0.2, (kind * 4.0) as u32) {
        (true, 0) => Reply::status(503, UNAVAILABLE),
        (true, 1) => Reply::html(502, 2048),
        (true, 2) => Reply::status(429, b"{\"code\":\"RequestLimitExceeded\"}").retry_after("1"),
        (true, _) => Reply::status(503, UNAVAILABLE).reset_mid_body(),
        (false, _) if kind < 0.1 => Reply::ok(NAT).latency(Duration::from_millis(100)),
        (false, _) => Reply::ok(NAT),
    }
}

#[tokio::test(start_paused = true)]
async fn a_thousand_concurrent_calls_against_20_percent_faults() {
    let seed = seed();
    let double = TestDouble::start(move |hit| faulty(seed, hit)).await;
    let policy = RetryPolicy::new();
    let wall = std::time::Instant::now();
    let outcomes = run(&double, &policy, CALLS).await;

    let failed: Vec<_> = outcomes
        .iter()
        .filter_map(|o| o.result.as_ref().err())
        .collect();
    for err in &failed {
        // Every failure is typed, and one of the injected ones.
        match err {
            CallError::Service { error, .. } => assert!(error.status() >= 429, "{err:?}"),
            CallError::Transport(t) => assert_eq!(t.kind(), TransportKind::Interrupted),
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            err.retry_class(),
            RetryClass::Transient | RetryClass::Throttling
        ));
    }
    // Within its time budget: no retry starts after MAX_ELAPSED; an attempt takes at
    // most the injected 100 ms here.
    let budget = RetryPolicy::MAX_ELAPSED + Duration::from_millis(100);
    let slowest = outcomes.iter().map(|o| o.took).max().unwrap_or_default();
    assert!(slowest <= budget, "{slowest:?}");

    let faults = double
        .hits()
        .iter()
        .filter(|h| draw(seed, h.number) < 0.2)
        .count();
    let fault_rate = faults as f64 / double.requests() as f64;
    let rate = 1.0 - failed.len() as f64 / CALLS as f64;
    let expected: f64 = 1.0 - 0.2f64.powi(3);
    let sigma = (expected * (1.0 - expected) / CALLS as f64).sqrt();
    println!(
        "20 % faults, {CALLS} concurrent calls, 3 attempts: success {:.1} % (expected {:.1} % ± {:.2} % at 1σ), \
         {} requests ({:.3}× the calls) of which {:.1} % faulty, budget refusals {}, slowest call {slowest:?} on the paused clock, {:?} wall (FAULT_SEED={seed})",
        rate * 100.0,
        expected * 100.0,
        sigma * 100.0,
        double.requests(),
        double.requests() as f64 / CALLS as f64,
        fault_rate * 100.0,
        policy.budget().refusals(),
        wall.elapsed(),
    );
    assert!(
        (rate - expected).abs() <= 4.0 * sigma,
        "success rate {rate}"
    );
    assert_eq!(
        policy.budget().refusals(),
        0,
        "the budget never stops a retry here"
    );
}

#[tokio::test(start_paused = true)]
async fn against_a_dead_server_retries_stop_once_the_budget_is_spent() {
    let double = TestDouble::start(|_| Reply::status(503, UNAVAILABLE)).await;
    let policy = RetryPolicy::new();

    let draining = run(&double, &policy, CALLS).await;
    assert!(draining.iter().all(|o| o.result.is_err()));
    let first = double.requests();
    assert_eq!(policy.budget().available(), 0);

    run(&double, &policy, CALLS).await;
    let second = double.requests() - first;
    println!(
        "dead server: first {CALLS} calls (the budget draining) {first} attempts = {:.3}×; \
         next {CALLS} calls (budget spent) {second} attempts = {:.3}×",
        first as f64 / CALLS as f64,
        second as f64 / CALLS as f64,
    );
    assert!(first as f64 <= 1.1 * CALLS as f64, "{first}");
    assert!(second as f64 <= 1.1 * CALLS as f64, "{second}");
    assert_eq!(second, CALLS, "one attempt a call once the budget is spent");
}

#[tokio::test(start_paused = true)]
async fn when_the_server_recovers_the_budget_refills() {
    let healthy = Arc::new(AtomicBool::new(false));
    let state = healthy.clone();
    let double = TestDouble::start(move |_| match state.load(Ordering::SeqCst) {
        true => Reply::ok(NAT),
        false => Reply::status(503, UNAVAILABLE),
    })
    .await;
    let policy = RetryPolicy::new();
    run(&double, &policy, 200).await;
    assert_eq!(policy.budget().available(), 0);

    healthy.store(true, Ordering::SeqCst);
    let recovered = run(&double, &policy, 500).await;
    assert!(recovered.iter().all(|o| o.result.is_ok()));
    assert_eq!(policy.budget().available(), 500, "one token per success");

    // Failing again, calls retry again.
    healthy.store(false, Ordering::SeqCst);
    let before = double.requests();
    run(&double, &policy, 10).await;
    assert_eq!(double.requests() - before, 30, "three attempts a call");
}
