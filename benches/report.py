#!/usr/bin/env python3
"""Prints the criterion results of one `cargo bench -p bce-errors-bench` run as tables
with ratios to the baseline beside each figure (ns per operation, median).

    bash benches/run.sh      # runs the benchmarks (aligned code), then this
"""
import json, os, pathlib, sys

target = os.environ.get('CARGO_TARGET_DIR') or pathlib.Path(__file__).resolve().parents[1] / 'target'
root = pathlib.Path(target) / 'criterion'

def median_ns(group, name):
    group = group.replace('/', '_')
    est = root / group / name / 'new' / 'estimates.json'
    bench = root / group / name / 'new' / 'benchmark.json'
    if not est.exists():
        return None
    ns = json.loads(est.read_text())['median']['point_estimate']
    tp = json.loads(bench.read_text()).get('throughput') or {}
    per = tp.get('Elements', 1)
    return ns / per

def table(title, groups, names, base):
    print(f'\n### {title}\n')
    print('| workload | ' + ' | '.join(names) + ' |')
    print('|---|' + '---|' * len(names))
    for g in groups:
        vals = {n: median_ns(g, n) for n in names}
        b = vals.get(base)
        cells = []
        for n in names:
            v = vals[n]
            if v is None:
                cells.append('–')
            elif n == base or not b:
                cells.append(f'{v:.2f}')
            else:
                cells.append(f'{v:.2f} ({v / b:.2f}×)')
        print(f'| {g.split("/", 1)[1]} | ' + ' | '.join(cells) + ' |')

lookup = ['hand_rolled_hash', 'bce_errors', 'match', 'phf', 'std_hashmap', 'fx_hashmap']
groups = [f'lookup/{s}/{w}' for s in ['nat', 'eni', 'cce', 'synthetic_1000'] for w in ['hot_hits', 'misses', 'random_hits']]
table('from_code, ns per lookup (ratio to the hand-rolled hash)', groups, lookup, 'hand_rolled_hash')
for g in groups:
    ours, m = median_ns(g, 'bce_errors'), median_ns(g, 'match')
    if ours and m:
        print(f'- {g}: bce_errors / match = {ours / m:.2f}×')
table('BceError::from_response(..).kind(), ns per body (ratio to serde_json into Cow fields + from_code)',
      ['response/typical', 'response/large_4k'],
      ['serde_json_cow_from_code', 'bce_errors_from_response', 'serde_json_owned_match', 'serde_json_borrowed_match'],
      'serde_json_cow_from_code')
print('\n### Generator (parse + validate + generate, no rustc)\n')
b = median_ns('generator_all_bundled_specs', '')
if b is not None:
    print(f'- all bundled specs together: {b / 1e6:.2f} ms')
for n in [10, 100, 1000, 10000, 20000]:
    v = median_ns('generator/synthetic', str(n))
    if v is not None:
        print(f'- {n} codes: {v * n / 1e6:.2f} ms ({v / 1e3:.2f} µs per code)')
