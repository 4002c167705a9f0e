//! `BceError::from_response` on a typical body beside serde_json into an owned struct +
//! a `match` on the code, and into a borrowed struct.
//! `cargo bench -p bce-errors-bench --bench response`.

use std::hint::black_box;

use bce_errors::BceError;
use bce_errors::services::NatError;
use bce_errors_bench::{BorrowedBody, OwnedBody, TYPICAL_BODY};
use criterion::{Criterion, criterion_group, criterion_main};

fn responses(c: &mut Criterion) {
    let mut g = c.benchmark_group("response/typical");
    g.bench_function("bce_errors_from_response", |b| {
        b.iter(|| {
            let err: BceError<NatError> = BceError::from_response(404, (), black_box(TYPICAL_BODY));
            err.kind()
        })
    });
    g.bench_function("serde_json_owned_match", |b| {
        b.iter(|| {
            let body: OwnedBody = serde_json::from_slice(black_box(TYPICAL_BODY)).unwrap();
            (bce_errors_bench::match_nat(&body.code), body)
        })
    });
    g.bench_function("serde_json_borrowed_match", |b| {
        b.iter(|| {
            let body: BorrowedBody = serde_json::from_slice(black_box(TYPICAL_BODY)).unwrap();
            (
                bce_errors_bench::match_nat(body.code),
                body.message.len(),
                body.request_id.len(),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, responses);
criterion_main!(benches);
