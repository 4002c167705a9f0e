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

use bce_errors::services::{CceError, EniError, NatError};
use bce_errors::{BceError, ErrorResponse};
use bce_errors_bench::*;

/// Rounds per comparison.
const ROUNDS: usize = 301;
/// Calls per batch: long enough (tens of microseconds) for the clock, short enough that
/// load changes between rounds rather than within one.
const CALLS: usize = 64;

/// One comparison, through the shared harness.
fn compare(name: &str, ours: &mut dyn FnMut() -> usize, theirs: &mut dyn FnMut() -> usize) {
    interleaved(name, ROUNDS, CALLS, ours, theirs);
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
    for (name, body) in [("typical", TYPICAL_BODY), ("4 KB", large.as_slice())] {
        // Both read the body into owned fields: serde_json the three BCE keys, ours
        // every documented spelling and format.
        compare(
            &format!("`ErrorResponse::parse` {name} body vs serde_json owned fields"),
            &mut || {
                let fields = ErrorResponse::parse(black_box(body)).unwrap();
                fields.code.map_or(0, |c| c.len())
            },
            &mut || {
                let body: OwnedBody = serde_json::from_slice(black_box(body)).unwrap();
                body.code.len()
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
