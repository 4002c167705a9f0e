//! `from_code` beside a plain `match`, `phf`, std `HashMap`, `FxHashMap` and a
//! hand-rolled hash, on hot hits, misses and random hits, for three bundled services
//! (NAT; ENI, whose codes share their last eight bytes; CCE, the largest) and a 1,000-code
//! synthetic spec. `bash benches/run.sh lookup/` (aligned code; see the script).

use std::hint::black_box;

use bce_errors::services::{CceError, EniError, NatError};
use bce_errors_bench::*;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench<F: Fn(&str) -> bool>(
    c: &mut Criterion,
    group: &str,
    inputs: &[String],
    cases: &[(&str, F)],
) {
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Elements(inputs.len() as u64));
    for (name, f) in cases {
        g.bench_function(*name, |b| {
            b.iter(|| {
                let mut found = 0usize;
                for code in inputs {
                    found += usize::from(f(black_box(code.as_str())));
                }
                found
            })
        });
    }
    g.finish();
}

/// Benchmarks one code set: every case is a closure calling its lookup directly, so
/// each pays the same single indirect call.
macro_rules! set {
    ($c:expr, $name:literal, $codes:expr, $enum:ty, $by_match:expr, $phf:expr) => {{
        let codes: &[&'static str] = $codes;
        let std = std_map(codes);
        let fx = fx_map(codes);
        let perfect = PerfectBaseline::new(codes);
        for (workload, inputs) in workloads(codes) {
            type Case<'a> = (&'a str, Box<dyn Fn(&str) -> bool + 'a>);
            let cases: Vec<Case> = vec![
                ("bce_errors", Box::new(|c| <$enum>::from_code(c).is_some())),
                ("match", Box::new(|c| $by_match(c).is_some())),
                ("phf", Box::new(|c| $phf.get(c).is_some())),
                ("std_hashmap", Box::new(|c| std.contains_key(c))),
                ("fx_hashmap", Box::new(|c| fx.contains_key(c))),
                ("hand_rolled_hash", Box::new(|c| perfect.get(c).is_some())),
            ];
            bench($c, &format!("lookup/{}/{workload}", $name), &inputs, &cases);
        }
    }};
}

fn lookups(c: &mut Criterion) {
    set!(c, "nat", CODES_NAT, NatError, match_nat, PHF_NAT);
    set!(c, "eni", CODES_ENI, EniError, match_eni, PHF_ENI);
    set!(c, "cce", CODES_CCE, CceError, match_cce, PHF_CCE);
    set!(
        c,
        "synthetic_1000",
        CODES_SYNTHETIC,
        SyntheticError,
        match_synthetic,
        PHF_SYNTHETIC
    );
}

criterion_group!(benches, lookups);
criterion_main!(benches);
