#!/usr/bin/env python3
"""Summarises benches/compile-cost/run.sh: results.tsv (app, variant, round, cold wall,
cold cpu, incremental wall, incremental cpu; seconds) and sizes.tsv (app, variant,
bytes), as the tables of BENCHMARKS.md."""
import statistics
import sys
from collections import defaultdict

LABELS = {
    'base': 'the application alone',
    'bundled': 'bce-errors, bundled enums (no proc-macro)',
    'macro': 'bce-errors, `#[bce_errors]` on the same specs',
    'thiserror': 'by hand, thiserror only (`match`)',
    'strum': 'by hand, thiserror + strum',
    'strum-codes': 'by hand, thiserror + strum without messages',
    'before': 'bce-errors before (bundled, macro in its build)',
}
# (variant, baseline, target): the ratios the issue sets.
TARGETS = [('bundled', 'thiserror', None), ('macro', 'strum', 0.8), ('macro', 'strum-codes', 1.0),
           ('bundled', 'strum', None), ('before', 'thiserror', None), ('before', 'strum', None)]
COLUMNS = ['cold_wall', 'cold_cpu', 'incr_wall', 'incr_cpu']


def main(results_path, sizes_path):
    # runs[app][variant][column][round]
    runs = defaultdict(lambda: defaultdict(lambda: defaultdict(dict)))
    for line in open(results_path):
        app, variant, rnd, *values = line.rstrip('\n').split('\t')
        for column, value in zip(COLUMNS, values):
            runs[app][variant][column][int(rnd)] = float(value)
    sizes = defaultdict(dict)
    for line in open(sizes_path):
        app, variant, size = line.split('\t')
        sizes[app][variant] = int(size)
    for app, variants in runs.items():
        print(f'\n### {app} application\n')
        print('| variant | cold build, wall | marginal wall | cold build, CPU | marginal CPU '
              '| rebuild after an edit, wall | release binary over base |')
        print('|---|---|---|---|---|---|---|')
        base = variants['base']
        marginal = {}
        for variant, columns in variants.items():
            m = {c: median_marginal(columns[c], base[c]) for c in ('cold_wall', 'cold_cpu')}
            marginal[variant] = m
            size = sizes[app][variant] - sizes[app]['base']
            extra = {'wall': '', 'cpu': '', 'size': ''}
            if variant != 'base':
                extra = {'wall': f'{m["cold_wall"]:+.2f} s', 'cpu': f'{m["cold_cpu"]:+.2f} s',
                         'size': f'{size:+,} B'}
            print(f'| {LABELS[variant]} | {med(columns["cold_wall"]):.2f} s | {extra["wall"]} | '
                  f'{med(columns["cold_cpu"]):.2f} s | {extra["cpu"]} | '
                  f'{med(columns["incr_wall"]):.2f} s | {extra["size"]} |')
        print()
        if 'bundled' in marginal:
            m = marginal['bundled']
            print(f'- bundled (target ≤ +0.5 s wall, ≤ +1.2 s CPU in the real application): '
                  f'{m["cold_wall"]:+.2f} s wall, {m["cold_cpu"]:+.2f} s CPU')
        for variant, baseline, target in TARGETS:
            if variant not in variants or baseline not in variants:
                continue
            goal = f' (target ≤ {target}×)' if target else ''
            size = (sizes[app][variant] - sizes[app]['base']) / (sizes[app][baseline] - sizes[app]['base'])
            incr = med(variants[variant]['incr_wall']) / med(variants[baseline]['incr_wall'])
            print(f'- {variant} / {baseline}{goal}: marginal cold CPU '
                  f'{ratio(marginal[variant]["cold_cpu"], marginal[baseline]["cold_cpu"])}, wall '
                  f'{ratio(marginal[variant]["cold_wall"], marginal[baseline]["cold_wall"])}; '
                  f'incremental rebuild {incr:.2f}×; binary size {size:.2f}×')


def med(by_round):
    return statistics.median(by_round.values())


def median_marginal(variant, base):
    """The median over rounds of the variant's time minus the base's in the same round."""
    return statistics.median(variant[r] - base[r] for r in variant)


def ratio(a, b):
    """a / b, or both in seconds where b is within the noise of zero (under 0.2 s)."""
    return f'{a / b:.2f}×' if b >= 0.2 else f'{a:+.2f} s against {b:+.2f} s'


if __name__ == '__main__':
    main(*sys.argv[1:3])
