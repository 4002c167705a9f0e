//! `from_code` beside a plain `match`, `phf`, std `HashMap`, `FxHashMap` and a
//! hand-rolled hash, on hot hits, misses and random hits, for the 49 NAT codes and a
//! 1,000-code synthetic spec. `cargo bench -p bce-errors-bench --bench lookup`.

use std::hint::black_box;

use bce_errors::services::NatError;
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

fn lookups(c: &mut Criterion) {
    for (set, codes) in [("nat", CODES_NAT), ("synthetic_1000", CODES_SYNTHETIC)] {
        let std = std_map(codes);
        let fx = fx_map(codes);
        let perfect = PerfectBaseline::new(codes);
        let is_nat = set == "nat";
        for (workload, inputs) in workloads(codes) {
            type Case<'a> = (&'a str, Box<dyn Fn(&str) -> bool + 'a>);
            let cases: Vec<Case> = vec![
                (
                    "bce_errors",
                    if is_nat {
                        Box::new(|c| NatError::from_code(c).is_some())
                    } else {
                        Box::new(|c| SyntheticError::from_code(c).is_some())
                    },
                ),
                (
                    "match",
                    if is_nat {
                        Box::new(|c| match_nat(c).is_some())
                    } else {
                        Box::new(|c| match_synthetic(c).is_some())
                    },
                ),
                (
                    "phf",
                    if is_nat {
                        Box::new(|c| PHF_NAT.get(c).is_some())
                    } else {
                        Box::new(|c| PHF_SYNTHETIC.get(c).is_some())
                    },
                ),
                ("std_hashmap", Box::new(|c| std.contains_key(c))),
                ("fx_hashmap", Box::new(|c| fx.contains_key(c))),
                ("hand_rolled_hash", Box::new(|c| perfect.get(c).is_some())),
            ];
            bench(c, &format!("lookup/{set}/{workload}"), &inputs, &cases);
        }
    }
}

criterion_group!(benches, lookups);
criterion_main!(benches);
