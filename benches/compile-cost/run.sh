#!/usr/bin/env bash
# Compile cost and binary size, measured side by side in one run.
#
#   bash benches/compile-cost/run.sh [RUNS]
#
# Cold `cargo build` (fresh target dir, registry already downloaded) of a small crate
# using the bundled enums through bce-errors (default features off; then all features)
# beside the same enums written by hand with thiserror + strum; median of RUNS (3).
# Then the release size of a binary using every enum beside one using none.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
runs="${1:-3}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cold_build() { # dir, extra args...
    local dir="$1"; shift
    rm -rf "$scratch/target"
    local start end
    start=$(date +%s.%N)
    (cd "$dir" && CARGO_TARGET_DIR="$scratch/target" cargo build --quiet "$@")
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }'
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

deps() { # dir, extra args...
    local dir="$1"; shift
    (cd "$dir" && cargo tree --quiet -e normal,build --prefix none "$@" | sed 's/ (\*)//' | sort -u | wc -l)
}

for dir in macro handwritten; do (cd "$here/$dir" && cargo fetch --quiet); done

declare -A times
for ((i = 0; i < runs; i++)); do
    times[macro]+="$(cold_build "$here/macro")"$'\n'
    times[handwritten]+="$(cold_build "$here/handwritten")"$'\n'
    times[macro_all]+="$(cold_build "$here/macro" --features all)"$'\n'
done
m=$(printf '%s' "${times[macro]}" | median)
h=$(printf '%s' "${times[handwritten]}" | median)
a=$(printf '%s' "${times[macro_all]}" | median)
echo "machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2)"
echo "cold debug build, median of $runs (s), crates in the build graph:"
printf '  %-42s %6.2f s  %3d crates\n' "thiserror + strum, by hand" "$h" "$(deps "$here/handwritten")"
printf '  %-42s %6.2f s  %3d crates  ratio %.2f\n' "bce-errors macro, default features (none)" "$m" "$(deps "$here/macro")" "$(awk -v a="$m" -v b="$h" 'BEGIN { print a / b }')"
printf '  %-42s %6.2f s  %3d crates  ratio %.2f\n' "bce-errors macro, all features" "$a" "$(deps "$here/macro" --features all)" "$(awk -v a="$a" -v b="$h" 'BEGIN { print a / b }')"

rm -rf "$scratch/target"
(cd "$here/macro" && CARGO_TARGET_DIR="$scratch/target" cargo build --quiet --release --examples)
empty=$(stat -c %s "$scratch/target/release/examples/empty")
all=$(stat -c %s "$scratch/target/release/examples/all_enums")
echo "release binary (stripped): empty $empty bytes, every bundled enum $all bytes: +$((all - empty)) bytes"
