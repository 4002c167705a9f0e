#!/usr/bin/env bash
# Runs every criterion benchmark and prints the tables of BENCHMARKS.md.
#
#   bash benches/run.sh [criterion filter]
#
# Functions and branch targets are aligned (64 and 32 bytes) so that a baseline's speed
# does not hang on where the linker happened to put it: without this, the plain `match`
# of the lookup benchmark moved between 2.2 and 2.6 ns a hot hit across builds that did
# not touch it.
set -euo pipefail
cd "$(dirname "$0")/.."
export RUSTFLAGS="${RUSTFLAGS:-} -C llvm-args=-align-all-functions=6 -C llvm-args=-align-all-nofallthru-blocks=5"
cargo bench -p bce-errors-bench -- --warm-up-time 1 --measurement-time 3 "$@"
python3 benches/report.py
