#!/usr/bin/env bash
# What reading specs through the `toml` crate costs a cold build, against the hand-written
# table builder on `toml_parser`'s events that it replaced (document.rs, as of $BEFORE).
#
#   bash benches/compile-cost/toml.sh [ROUNDS]          (default 7)
#
# Two library crates, each parsing a document to a table with spans: `toml_crate`
# (`toml`, default features off, `parse` + `std`, `DeTable::parse`: what
# bce-errors-spec uses now) and `document_rs` (`toml_parser` + `toml_datetime` and the
# 870-line document.rs from commit $BEFORE, default 08018e1). Each round builds both
# cold (fresh target directory, registry downloaded first), in alternating order;
# reports the medians and their ratio.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
rounds="${1:-7}"
before="${BEFORE:-08018e1}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

manifest() { # name, dependencies
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[workspace]\n\n[dependencies]\n%s' "$1" "$2"
}
mkdir -p "$scratch/toml_crate/src" "$scratch/document_rs/src"
manifest toml_crate 'toml = { version = "1.2", default-features = false, features = ["parse", "std"] }
' > "$scratch/toml_crate/Cargo.toml"
cat > "$scratch/toml_crate/src/lib.rs" <<'EOF'
/// The number of top-level keys, or the first error's byte offset.
pub fn parse(text: &str) -> Result<usize, usize> {
    match toml::de::DeTable::parse(text) {
        Ok(table) => Ok(table.get_ref().len()),
        Err(e) => Err(e.span().map_or(0, |s| s.start)),
    }
}
EOF
manifest document_rs 'toml_datetime = { version = "1.1", default-features = false, features = ["std"] }
toml_parser = { version = "1.1", default-features = false, features = ["std"] }
' > "$scratch/document_rs/Cargo.toml"
git -C "$root" show "$before:bce-errors-spec/src/document.rs" > "$scratch/document_rs/src/document.rs"
cat > "$scratch/document_rs/src/lib.rs" <<'EOF'
#![allow(dead_code)]
mod document;

/// The number of top-level keys, or the first error's byte offset.
pub fn parse(text: &str) -> Result<usize, usize> {
    match document::parse(text) {
        Ok(table) => Ok(table.iter().count()),
        Err(e) => Err(e.span.start),
    }
}
EOF

export CARGO_TARGET_DIR="$scratch/target"
for c in toml_crate document_rs; do (cd "$scratch/$c" && cargo build --quiet && cargo fetch --quiet); done
now() { date +%s.%N; }
for ((i = 0; i < rounds; i++)); do
    order=(toml_crate document_rs)
    ((i % 2)) && order=(document_rs toml_crate)
    for c in "${order[@]}"; do
        rm -rf "$CARGO_TARGET_DIR"
        start=$(now)
        (cd "$scratch/$c" && cargo build --quiet --offline)
        printf '%s %s\n' "$c" "$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')" >> "$scratch/times"
    done
done
median() { grep "^$1 " "$scratch/times" | cut -d' ' -f2 | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
t=$(median toml_crate)
d=$(median document_rs)
echo "machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2); $rounds rounds, cold debug builds"
printf '  %-52s %6.2f s\n' "toml (parse, std), DeTable::parse" "$t"
printf '  %-52s %6.2f s\n' "toml_parser + toml_datetime + document.rs ($before)" "$d"
awk -v t="$t" -v d="$d" 'BEGIN { printf "  toml / document.rs: %.2fx (%+.2f s)\n", t / d, t - d }'
