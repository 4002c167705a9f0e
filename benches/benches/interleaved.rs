//! The targets' ratios measured interleaved, for a shared, noisy machine: criterion runs
//! each case's samples one after another, so load that comes and goes between two cases
//! lands in their ratio. Here each round times a batch of one side, then a batch of the
//! other (the order alternates every round), and the ratio is taken per round; the
//! report is the median over the rounds, with the quartiles.
//!
//! `cargo bench -p bce-errors-bench --bench interleaved` (aligned code: `bash
//! benches/run.sh` runs it too); `-- --before` compares `from_code` with the enums as
//! generated before the redesign instead.

use std::hint::black_box;
use std::time::Instant;

use bce_errors::BceError;
use bce_errors::services::{CceError, EniError, NatError};
use bce_errors_bench::*;

/// Rounds per comparison.
const ROUNDS: usize = 301;
/// Calls per batch: long enough (tens of microseconds) for the clock, short enough that
/// load changes between rounds rather than within one.
const CALLS: usize = 64;

/// Times `CALLS` calls of `f`, in nanoseconds a call.
fn batch(f: &mut dyn FnMut() -> usize) -> f64 {
    let start = Instant::now();
    let mut sink = 0usize;
    for _ in 0..CALLS {
        sink = sink.wrapping_add(f());
    }
    black_box(sink);
    start.elapsed().as_nanos() as f64 / CALLS as f64
}

/// Median and quartiles of `ours / theirs` over the rounds, and the medians of each.
fn compare(name: &str, ours: &mut dyn FnMut() -> usize, theirs: &mut dyn FnMut() -> usize) {
    for _ in 0..ROUNDS / 10 {
        batch(ours);
        batch(theirs);
    }
    let (mut ratios, mut a, mut b) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let (x, y) = if round % 2 == 0 {
            let x = batch(ours);
            (x, batch(theirs))
        } else {
            let y = batch(theirs);
            (batch(ours), y)
        };
        ratios.push(x / y);
        a.push(x);
        b.push(y);
    }
    let q = |v: &mut Vec<f64>, at: f64| {
        v.sort_by(f64::total_cmp);
        v[((v.len() - 1) as f64 * at).round() as usize]
    };
    println!(
        "| {name} | {:.1} | {:.1} | **{:.2}×** ({:.2}–{:.2}) |",
        q(&mut a, 0.5),
        q(&mut b, 0.5),
        q(&mut ratios, 0.5),
        q(&mut ratios, 0.25),
        q(&mut ratios, 0.75),
    );
}

/// `from_code` against a plain `match` on one code set's three workloads; a call is a
/// lookup of every input of the workload (1,024).
macro_rules! lookups {
    ($name:literal, $codes:expr, $enum:ty, $by_match:expr) => {
        for (workload, inputs) in workloads($codes) {
            compare(
                &format!("`from_code` {} {workload} (per 1,024) vs `match`", $name),
                &mut || {
                    inputs
                        .iter()
                        .filter(|c| <$enum>::from_code(black_box(c.as_str())).is_some())
                        .count()
                },
                &mut || {
                    inputs
                        .iter()
                        .filter(|c| $by_match(black_box(c.as_str())).is_some())
                        .count()
                },
            );
        }
    };
}

/// `from_code` against the same enum as generated before the redesign (`before`), on
/// one code set's three workloads, inlined and through a function pointer (as a caller
/// in another codegen unit sees it).
macro_rules! versus_before {
    ($name:literal, $codes:expr, $enum:ty, $before:ty) => {
        for (workload, inputs) in workloads($codes) {
            compare(
                &format!(
                    "`from_code` {} {workload} (per 1,024) vs before, inlined",
                    $name
                ),
                &mut || {
                    inputs
                        .iter()
                        .filter(|c| <$enum>::from_code(black_box(c.as_str())).is_some())
                        .count()
                },
                &mut || {
                    inputs
                        .iter()
                        .filter(|c| <$before>::from_code(black_box(c.as_str())).is_some())
                        .count()
                },
            );
            let ours: fn(&str) -> Option<$enum> = black_box(<$enum>::from_code);
            let theirs: fn(&str) -> Option<$before> = black_box(<$before>::from_code);
            compare(
                &format!(
                    "`from_code` {} {workload} (per 1,024) vs before, by pointer",
                    $name
                ),
                &mut || inputs.iter().filter(|c| ours(c.as_str()).is_some()).count(),
                &mut || {
                    inputs
                        .iter()
                        .filter(|c| theirs(c.as_str()).is_some())
                        .count()
                },
            );
        }
    };
}

fn main() {
    println!(
        "| comparison | ours (ns) | theirs (ns) | ratio, median of {ROUNDS} rounds (quartiles) |"
    );
    println!("|---|---|---|---|");
    let large = large_body();
    for (name, body) in [("typical", TYPICAL_BODY), ("4 KB", large.as_slice())] {
        compare(
            &format!("`from_response(..).kind()` {name} body vs serde_json `Cow` + `from_code`"),
            &mut || {
                let err: BceError<NatError> = BceError::from_response(404, (), black_box(body));
                err.kind().map_or(0, |k| k as usize)
            },
            &mut || {
                let body: CowBody = serde_json::from_slice(black_box(body)).unwrap();
                body.code
                    .as_deref()
                    .and_then(NatError::from_code)
                    .map_or(0, |k| k as usize)
            },
        );
    }
    if std::env::args().any(|a| a == "--before") {
        versus_before!("NAT", CODES_NAT, NatError, before::NatError);
        versus_before!("ENI", CODES_ENI, EniError, before::EniError);
        versus_before!("CCE", CODES_CCE, CceError, before::CceError);
        return;
    }
    lookups!("NAT", CODES_NAT, NatError, match_nat);
    lookups!("ENI", CODES_ENI, EniError, match_eni);
    lookups!("CCE", CODES_CCE, CceError, match_cce);
}
