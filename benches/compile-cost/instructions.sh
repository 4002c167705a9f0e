#!/usr/bin/env bash
# Instructions rustc executes to build the bundled enums' two crates, `bce-errors-core`
# and the facade `bce-errors`, from several commits, side by side:
#
#   bash benches/compile-cost/instructions.sh [REV...]      (default: HEAD~1 HEAD)
#   FIXTURE=bundled-response bash benches/compile-cost/instructions.sh REV...
#                                   (with the `response` feature: the reader of
#                                   responses, which commits before 24b37a8 always built)
#
# Where run.sh measures time, which on a shared machine moves by a tenth from one run to
# the next, this counts the instructions of each rustc (valgrind's cachegrind, every
# thread: the front end and LLVM), which move by under 0.1%: it tells apart changes of
# a few percent that time cannot. Each commit's crates build with the exact rustc
# command cargo runs for them in the real application of run.sh (`bundled`: default
# features off, a debug build; from 24b37a8 on that leaves out the reader of responses,
# which older commits always build: FIXTURE=bundled-response counts it on both sides),
# taken from `cargo build -v` once (with no
# RUSTC_WRAPPER, so the command is rustc's own) and pointed at each commit's sources in
# turn. `-v` shows no environment: neither crate reads cargo's (`env!`). Needs valgrind;
# takes about a minute a commit.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
revs=("$@")
[ ${#revs[@]} -eq 0 ] && revs=(HEAD~1 HEAD)
command -v valgrind > /dev/null || { echo "error: valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

(cd "$root" && cargo xtask compile-cost-fixtures "$scratch/app" --app)
fixture="$scratch/app/${FIXTURE:-bundled}"
[ -d "$fixture" ] || { echo "error: no fixture \`${FIXTURE:-bundled}\` (bundled, bundled-response)" >&2; exit 2; }
# The rustc commands of the two crates, as cargo runs them (with this checkout's paths).
if ! (cd "$fixture" && env -u RUSTC_WRAPPER -u CARGO_BUILD_RUSTC_WRAPPER \
        CARGO_TARGET_DIR="$scratch/target" cargo build -v > "$scratch/build.log" 2>&1); then
    cat "$scratch/build.log" >&2
    echo "error: building the fixture failed" >&2
    exit 1
fi
sed -n 's/^ *Running `\(.*--crate-name \(bce_errors_core\|bce_errors\) .*\)`$/\1/p' \
    "$scratch/build.log" > "$scratch/commands"
[ "$(wc -l < "$scratch/commands")" -eq 2 ] || { echo "error: no rustc commands for the two crates" >&2; exit 1; }

printf '| commit | bce-errors-core | bce-errors | both |\n|---|---|---|---|\n'
for rev in "${revs[@]}"; do
    tree="$scratch/tree-$(git -C "$root" rev-parse --short "$rev")"
    mkdir -p "$tree"
    git -C "$root" archive "$rev" | tar -x -C "$tree"
    counts=()
    while read -r command; do
        rm -f "$scratch"/cachegrind.*
        (cd "$fixture" && eval "valgrind --tool=cachegrind --cache-sim=no \
            --cachegrind-out-file=$scratch/cachegrind.%p ${command//"$root"/$tree}") > /dev/null 2>&1 ||
            { echo "error: building $rev's crates failed" >&2; exit 1; }
        counts+=("$(cat "$scratch"/cachegrind.* | awk '/^summary:/ { s += $2 } END { print s }')")
    done < "$scratch/commands"
    awk -v r="$rev" -v a="${counts[0]}" -v b="${counts[1]}" \
        'BEGIN { printf "| %s | %.3f G | %.3f G | %.3f G |\n", r, a / 1e9, b / 1e9, (a + b) / 1e9 }'
done
