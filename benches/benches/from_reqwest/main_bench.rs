//! `BceError::from_reqwest` beside what a user writes by hand — `response.bytes()`, then
//! `BceError::from_response` — on a typical error body: in memory (a `reqwest::Response`
//! made from an `http::Response`, so only the read path differs) and over loopback (a
//! whole call to the test double on 127.0.0.1). Interleaved rounds, as in
//! `interleaved.rs`; the report is the median ratio over the rounds, with the quartiles.
//!
//! `cargo bench -p bce-errors-bench --bench from_reqwest`.

#[path = "../../../bce-errors/tests/support/double.rs"]
mod double;

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use bce_errors::BceError;
use bce_errors::services::NatError;
use double::{Reply, TestDouble};

/// Rounds per comparison.
const ROUNDS: usize = 201;

const BODY: &str = r#"{"code":"NoSuchNat","message":"The specified nat is not found.","requestId":"1e2a6f2c-5b7d-4c1e-9a53-0f6b2d8e7c41"}"#;

/// A response as reqwest hands it over, its body already in memory.
fn response() -> reqwest::Response {
    let response = http::Response::builder()
        .status(404)
        .header("content-type", "application/json; charset=utf-8")
        .header("x-bce-request-id", "1e2a6f2c-5b7d-4c1e-9a53-0f6b2d8e7c41")
        .body(BODY)
        .expect("a response");
    reqwest::Response::from(response)
}

/// Polls a future that needs no runtime (an in-memory body) to completion.
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
    }
}

/// The shortest way by hand: the status and the request id kept, the body read whole.
async fn by_hand(response: reqwest::Response) -> BceError<NatError> {
    let status = response.status().as_u16();
    let request_id = response
        .headers()
        .get("x-bce-request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = response.bytes().await.unwrap_or_default();
    BceError::from_response(status, request_id.as_deref(), &body)
}

/// One comparison through the benches' shared interleaved harness.
fn compare(name: &str, calls: usize, ours: &mut dyn FnMut(), theirs: &mut dyn FnMut()) {
    bce_errors_bench::interleaved(
        name,
        ROUNDS,
        calls,
        &mut || {
            ours();
            0
        },
        &mut || {
            theirs();
            0
        },
    );
}

fn main() {
    println!(
        "| comparison | `from_reqwest` (ns) | by hand (ns) | ratio, median of {ROUNDS} rounds (quartiles) |"
    );
    println!("|---|---|---|---|");
    compare(
        "in memory: 404 NoSuchNat, 113-byte body",
        256,
        &mut || {
            black_box(ready(BceError::<NatError>::from_reqwest(black_box(
                response(),
            ))));
        },
        &mut || {
            black_box(ready(by_hand(black_box(response()))));
        },
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let double = runtime.block_on(TestDouble::sequence(vec![Reply::documented(
        NatError::NoSuchNat,
    )]));
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("a client");
    let url = double.url("/v1/nat/nat-1");
    let send = || {
        runtime
            .block_on(client.get(&url).send())
            .expect("the double answers")
    };
    compare(
        "over loopback: GET → 404 NoSuchNat from the test double",
        16,
        &mut || {
            let response = send();
            black_box(runtime.block_on(BceError::<NatError>::from_reqwest(response)));
        },
        &mut || {
            let response = send();
            black_box(runtime.block_on(by_hand(response)));
        },
    );
}
