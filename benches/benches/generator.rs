//! Generator time (spec parsing + validation + code generation, no rustc): every
//! bundled spec, and synthetic specs of 10 to 20,000 codes.
//! `cargo bench -p bce-errors-bench --bench generator`.

use std::hint::black_box;
use std::path::Path;

use bce_errors_bench::synthetic_spec;
use bce_errors_spec::{generate, load_spec, parse_spec};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn generator(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let bundled: Vec<String> = std::fs::read_dir(root.join("specs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml"))
        .map(|n| format!("specs/{n}"))
        .collect();
    c.bench_function("generator/all_bundled_specs", |b| {
        b.iter(|| {
            for rel in &bundled {
                let spec = load_spec(root, rel).unwrap();
                black_box(generate(&spec, "E", None).unwrap());
            }
        })
    });
    let mut g = c.benchmark_group("generator/synthetic");
    g.sample_size(10);
    for n in [10, 100, 1_000, 10_000, 20_000] {
        let text = synthetic_spec(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let spec = parse_spec("specs/synthetic.toml", text).unwrap();
                black_box(generate(&spec, "E", None).unwrap())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, generator);
criterion_main!(benches);
