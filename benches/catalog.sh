#!/usr/bin/env bash
# The catalog page with 20,000 codes in headless Chromium: page size, load time and the
# script time of one key press, over fresh loads (medians). A benchmark, not a test:
# the machine is shared and these are milliseconds.
#
#   bash benches/catalog.sh [CODES] [RUNS]          (default 20000 7)
#
# The page is written by `bce-errors catalog` from a synthetic spec of CODES codes
# (`synthetic-spec`); the timings come from the page itself (`data-load-ms`,
# `data-filter-ms`) and from Chromium's DevTools protocol
# (bce-errors-cli/tests/catalog-browser/timing.py).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
codes="${1:-20000}"
runs="${2:-7}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
command -v chromium >/dev/null || { echo "error: needs chromium (apt-get install chromium)" >&2; exit 2; }
(cd "$root" && cargo build --quiet --release -p bce-errors-bench --bin synthetic-spec -p bce-errors-cli)
bin="${CARGO_TARGET_DIR:-$root/target}/release"
mkdir -p "$scratch/specs"
"$bin/synthetic-spec" "$codes" > "$scratch/specs/big.toml"
"$bin/bce-errors" catalog "$scratch/specs" --no-bundled -o "$scratch/big.html"
python3 "$root/bce-errors-cli/tests/catalog-browser/timing.py" "$scratch/big.html" "$runs"
