#!/usr/bin/env bash
# Build time and peak rustc memory of one enum of many codes, through the macro.
#
#   bash benches/compile-cost/scale.sh [N...]          (default 1000 10000 20000)
#
# For each N: a crate with `#[bce_errors("specs/big.toml")] pub enum BigError {}` over a
# synthetic spec of N codes (`synthetic-spec N`, codes shaped like BCE codes), its
# dependencies built beforehand; then `cargo check` and `cargo build` (debug) of the
# crate alone, under /usr/bin/time. Reported: wall time and the peak resident memory of
# the largest process (rustc), and the generated code's size.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1000 10000 20000)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

(cd "$root" && cargo build --quiet -p bce-errors-bench --bin synthetic-spec)
synthetic="${CARGO_TARGET_DIR:-$root/target}/debug/synthetic-spec"
crate="$scratch/big"
mkdir -p "$crate/src" "$crate/specs"
cat > "$crate/Cargo.toml" <<EOF
[package]
name = "big"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
bce-errors = { path = "$root/bce-errors" }
EOF
cat > "$crate/src/lib.rs" <<'EOF'
#[bce_errors::bce_errors("specs/big.toml")]
pub enum BigError {}

pub fn describe(code: &str) -> Option<String> {
    BigError::from_code(code).map(|e| format!("{e} {:?}", e.description()))
}
EOF
export CARGO_TARGET_DIR="$scratch/target"
"$synthetic" 10 > "$crate/specs/big.toml"
(cd "$crate" && cargo build --quiet && cargo check --quiet)

measure() { # label, cargo args...: "wall_s peak_kib"
    local label="$1"; shift
    /usr/bin/time -f '%e %M' -o "$scratch/time" cargo "$@" --quiet 2>"$scratch/log" >/dev/null || {
        cat "$scratch/log" >&2; echo "error: $label failed" >&2; exit 1; }
    cat "$scratch/time"
}

echo "machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2)"
printf '%8s  %-12s %8s  %14s\n' codes step wall "peak rustc"
for n in "${counts[@]}"; do
    "$synthetic" "$n" > "$crate/specs/big.toml"
    for step in check build; do
        touch "$crate/src/lib.rs"
        read -r wall peak < <(cd "$crate" && measure "$step" "$step")
        printf '%8d  %-12s %7.2fs  %10.0f MiB\n' "$n" "cargo $step" "$wall" "$((peak / 1024))"
    done
done
