//! `BceError::from_response(..).kind()` beside serde_json used well: the body read into
//! borrowed `Cow` fields, then `from_code` — on a typical 115-byte body and on a 4 KB
//! body with extra fields. serde_json into owned fields with a `match`, and into `&str`
//! fields (which fail on escapes), for reference.
//! `bash benches/run.sh response/`.

use std::hint::black_box;

use bce_errors::BceError;
use bce_errors::services::NatError;
use bce_errors_bench::{BorrowedBody, CowBody, OwnedBody, TYPICAL_BODY, large_body};
use criterion::{Criterion, criterion_group, criterion_main};

fn responses(c: &mut Criterion) {
    let large = large_body();
    for (name, body) in [("typical", TYPICAL_BODY), ("large_4k", large.as_slice())] {
        // Both read the body: the comparison is between successful reads.
        let ours: BceError<NatError> = BceError::from_response(404, (), body);
        assert_eq!(ours.kind(), Some(NatError::NoSuchNat), "{name}");
        let theirs: CowBody = serde_json::from_slice(body).expect(name);
        assert_eq!(theirs.code.as_deref(), Some("NoSuchNat"));
        let mut g = c.benchmark_group(format!("response/{name}"));
        g.bench_function("bce_errors_from_response", |b| {
            b.iter(|| {
                let err: BceError<NatError> = BceError::from_response(404, (), black_box(body));
                err.kind()
            })
        });
        g.bench_function("serde_json_cow_from_code", |b| {
            b.iter(|| {
                let body: CowBody = serde_json::from_slice(black_box(body)).unwrap();
                body.code.as_deref().and_then(NatError::from_code)
            })
        });
        g.bench_function("serde_json_owned_match", |b| {
            b.iter(|| {
                let body: OwnedBody = serde_json::from_slice(black_box(body)).unwrap();
                (bce_errors_bench::match_nat(&body.code), body)
            })
        });
        g.bench_function("serde_json_borrowed_match", |b| {
            b.iter(|| {
                let body: BorrowedBody = serde_json::from_slice(black_box(body)).unwrap();
                (
                    bce_errors_bench::match_nat(body.code),
                    body.message.len(),
                    body.request_id.len(),
                )
            })
        });
        g.finish();
    }
}

criterion_group!(benches, responses);
criterion_main!(benches);
