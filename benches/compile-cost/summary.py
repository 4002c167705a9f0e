#!/usr/bin/env python3
"""Summarises benches/compile-cost/run.sh: results.tsv (app, variant, round, cold wall,
cold cpu, incremental wall, incremental cpu; seconds), sizes.tsv (app, variant, bytes)
and the directory of per-crate CPU logs of each cold build (APP-VARIANT-ROUND.tsv:
crate, metadata, seconds), as the tables of BENCHMARKS.md."""
import os
import statistics
import sys
from collections import defaultdict

LABELS = {
    'base': 'the application alone',
    'bundled': 'bce-errors, bundled enums (no proc-macro)',
    'bundled-response': 'bce-errors, bundled enums and the `response` feature',
    'macro': 'bce-errors, `#[bce_errors]` on the same specs',
    'thiserror': 'by hand, thiserror only (`match`)',
    'strum': 'by hand, thiserror + strum',
    'strum-codes': 'by hand, thiserror + strum without messages',
    # run.sh's $BEFORE: 0a735ea and older built the macro with the bundled enums.
    'before': f"bce-errors as of `{os.environ.get('BEFORE_REF', 'BEFORE')}`, bundled",
}
# (variant, baseline, target): the ratios the issue sets.
TARGETS = [('bundled', 'thiserror', None), ('macro', 'strum', 0.8), ('macro', 'strum-codes', 1.0),
           ('bundled', 'strum', None), ('before', 'thiserror', None), ('before', 'strum', None),
           ('bundled-response', 'before', None)]
COLUMNS = ['cold_wall', 'cold_cpu', 'incr_wall', 'incr_cpu']
# The key of the application's own crate, which every variant compiles under its name.
APPLICATION = ('application', '')


def main(results_path, sizes_path, units_path):
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
    crates = read_units(units_path)
    for app, variants in runs.items():
        print(f'\n### {app} application\n')
        print('| variant | cold build, wall | marginal wall | cold build, CPU | marginal CPU '
              '| CPU of the crates it adds | rebuild after an edit, wall '
              '| release binary over base |')
        print('|---|---|---|---|---|---|---|---|')
        added = {v: added_cpu(crates[app], v) for v in variants if v != 'base'}
        base = variants['base']
        marginal = {}
        for variant, columns in variants.items():
            m = {c: median_marginal(columns[c], base[c]) for c in ('cold_wall', 'cold_cpu')}
            marginal[variant] = m
            size = sizes[app][variant] - sizes[app]['base']
            extra = {'wall': '', 'cpu': '', 'added': '', 'size': ''}
            if variant != 'base':
                a = added[variant]
                extra = {'wall': f'{m["cold_wall"]:+.2f} s', 'cpu': f'{m["cold_cpu"]:+.2f} s',
                         'added': f'+{statistics.median(a):.2f} s ({quartiles(a)})',
                         'size': f'{size:+,} B'}
            print(f'| {LABELS[variant]} | {med(columns["cold_wall"]):.2f} s | {extra["wall"]} | '
                  f'{med(columns["cold_cpu"]):.2f} s | {extra["cpu"]} | {extra["added"]} | '
                  f'{med(columns["incr_wall"]):.2f} s | {extra["size"]} |')
        print()
        for variant in ('bundled', 'bundled-response'):
            if variant in marginal:
                m = marginal[variant]
                wall, cpu = (round_by_round(variants[variant][c], base[c]) for c in ('cold_wall', 'cold_cpu'))
                goal = ' (target ≤ +0.5 s wall, ≤ +1.2 s CPU in the real application)' if variant == 'bundled' else ''
                under = f'; {sum(w <= 0.5 for w in wall)} of {len(wall)} rounds at or under 0.5 s' if goal else ''
                print(f'- {variant}{goal}: '
                      f'{m["cold_wall"]:+.2f} s wall (per round {quartiles(wall)}{under}), '
                      f'{m["cold_cpu"]:+.2f} s CPU (per round {quartiles(cpu)}); the crates it '
                      f'adds +{statistics.median(added[variant]):.2f} s CPU')
        for variant, baseline, target in TARGETS:
            if variant not in variants or baseline not in variants:
                continue
            goal = f' (target ≤ {target}×)' if target else ''
            size = (sizes[app][variant] - sizes[app]['base']) / (sizes[app][baseline] - sizes[app]['base'])
            incr = med(variants[variant]['incr_wall']) / med(variants[baseline]['incr_wall'])
            a, b = added[variant], added[baseline]
            per_round = [a[r] / b[r] for r in range(len(a)) if b[r] >= 0.2]
            print(f'- {variant} / {baseline}{goal}: CPU of the crates each adds '
                  f'{ratio(statistics.median(a), statistics.median(b))} '
                  f'(per round {quartiles(per_round, "×")}); marginal cold CPU '
                  f'{ratio(marginal[variant]["cold_cpu"], marginal[baseline]["cold_cpu"])}, wall '
                  f'{ratio(marginal[variant]["cold_wall"], marginal[baseline]["cold_wall"])}; '
                  f'incremental rebuild {incr:.2f}×; binary size {size:.2f}×')


def read_units(path):
    """crates[app][variant][round] = {(crate, metadata): CPU seconds}."""
    crates = defaultdict(lambda: defaultdict(dict))
    for name in os.listdir(path):
        app, rest = name.removesuffix('.tsv').split('-', 1)
        variant, rnd = rest.rsplit('-', 1)
        compiled = defaultdict(float)
        for line in open(os.path.join(path, name)):
            crate, metadata, seconds = line.rstrip('\n').split('\t')
            # The application's own crate is named after its variant: one key for all.
            key = APPLICATION if crate.startswith('fixture_') else (crate, metadata)
            compiled[key] += float(seconds)
        crates[app][variant][int(rnd)] = compiled
    return crates


def added_cpu(crates, variant):
    """Per round: the CPU of the crates `variant` compiles that the base does not (a crate
    is its name and metadata: the same crate with other features is another), less the
    base's that it does not, plus its own crate's CPU over the base's."""
    rounds = []
    for rnd in sorted(crates[variant]):
        ours, base = crates[variant][rnd], crates['base'][rnd]
        shared = (ours.keys() & base.keys()) - {APPLICATION}
        rounds.append(sum(s for k, s in ours.items() if k not in shared)
                      - sum(s for k, s in base.items() if k not in shared))
    return rounds


def quartiles(values, unit=' s'):
    """The first and third quartiles, as "a–b"."""
    v = sorted(values)
    if not v:
        return 'n/a'
    return f'{v[len(v) // 4]:.2f}–{v[(3 * len(v)) // 4]:.2f}{unit}'


def med(by_round):
    return statistics.median(by_round.values())


def round_by_round(variant, base):
    """The variant's time minus the base's in the same round, round by round."""
    return [variant[r] - base[r] for r in sorted(variant)]


def median_marginal(variant, base):
    """The median over rounds of the variant's time minus the base's in the same round."""
    return statistics.median(round_by_round(variant, base))


def ratio(a, b):
    """a / b, or both in seconds where b is within the noise of zero (under 0.2 s)."""
    return f'{a / b:.2f}×' if b >= 0.2 else f'{a:+.2f} s against {b:+.2f} s'


if __name__ == '__main__':
    main(*sys.argv[1:4])
