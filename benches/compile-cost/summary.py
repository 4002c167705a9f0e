#!/usr/bin/env python3
"""Summarises benches/compile-cost/run.sh: results.tsv (app, variant, round, cold s,
incremental s) and sizes.tsv (app, variant, bytes), as the tables of BENCHMARKS.md."""
import statistics
import sys
from collections import defaultdict

LABELS = {
    'base': 'the application alone',
    'bundled': 'bce-errors, bundled enums (no proc-macro)',
    'macro': 'bce-errors, `#[bce_errors]` on the same specs',
    'thiserror': 'by hand, thiserror only (`match`)',
    'strum': 'by hand, thiserror + strum',
    'before': 'bce-errors before (bundled, macro in its build)',
}
# (variant, baseline, target): the ratios the issue sets.
TARGETS = [('bundled', 'thiserror', 1.0), ('macro', 'strum', 0.8), ('bundled', 'strum', None),
           ('before', 'thiserror', None)]


def main(results_path, sizes_path):
    cold, incr = defaultdict(dict), defaultdict(dict)
    for line in open(results_path):
        app, variant, rnd, c, i = line.split('\t')
        cold[app].setdefault(variant, {})[int(rnd)] = float(c)
        incr[app].setdefault(variant, {})[int(rnd)] = float(i)
    sizes = defaultdict(dict)
    for line in open(sizes_path):
        app, variant, size = line.split('\t')
        sizes[app][variant] = int(size)
    for app in cold:
        print(f'\n### {app} application: cold debug build, then rebuild after an edit of main.rs\n')
        print('| variant | cold (median) | marginal over base (median of rounds) | incremental rebuild (median) | release binary over base |')
        print('|---|---|---|---|---|')
        marginal, rebuild = {}, {}
        base = cold[app]['base']
        for variant, by_round in cold[app].items():
            marginal[variant] = statistics.median(by_round[r] - base[r] for r in by_round)
            rebuild[variant] = statistics.median(incr[app][variant].values())
            size = sizes[app][variant] - sizes[app]['base']
            extra = '' if variant == 'base' else f'{marginal[variant]:+.2f} s'
            size_text = '' if variant == 'base' else f'{size:+,} B'
            print(f'| {LABELS[variant]} | {statistics.median(by_round.values()):.2f} s | {extra} | '
                  f'{rebuild[variant]:.2f} s | {size_text} |')
        print()
        for variant, baseline, target in TARGETS:
            if variant not in marginal or baseline not in marginal:
                continue
            goal = f' (target ≤ {target}×)' if target else ''
            size_ratio = (sizes[app][variant] - sizes[app]['base']) / (sizes[app][baseline] - sizes[app]['base'])
            print(f'- {variant} / {baseline}: marginal cold {ratio(marginal[variant], marginal[baseline])}{goal}, '
                  f'incremental {rebuild[variant] / rebuild[baseline]:.2f}×, size {size_ratio:.2f}×')


def ratio(a, b):
    return f'{a / b:.2f}×' if b > 0 else f'{a:+.2f} s against {b:+.2f} s'


if __name__ == '__main__':
    main(*sys.argv[1:3])
