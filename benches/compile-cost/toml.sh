#!/usr/bin/env bash
# What the spec reader's TOML parser costs a cold build: `toml-span` (what
# bce-errors-spec uses) against the `toml` crate it replaced.
#
#   bash benches/compile-cost/toml.sh [ROUNDS]          (default 7)
#
# Two library crates, each parsing a document to a table with spans: `toml_span_crate`
# (`toml-span`, default features off, `toml_span::parse`) and `toml_crate` (`toml`,
# default features off, `parse` + `std`, `DeTable::parse`). Dependencies build without
# incremental state, as they do from crates.io. Each round builds both cold (fresh
# target directory, registry downloaded first), in alternating order; reports the
# medians of wall and CPU time (user + system of cargo and every rustc) and their
# differences.
set -euo pipefail
rounds="${1:-7}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

manifest() { # name, dependencies
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[workspace]\n\n[dependencies]\n%s\n[profile.dev.package."*"]\nincremental = false\n' "$1" "$2"
}
mkdir -p "$scratch/toml_span_crate/src" "$scratch/toml_crate/src"
manifest toml_span_crate 'toml-span = { version = "0.7.2", default-features = false }
' > "$scratch/toml_span_crate/Cargo.toml"
cat > "$scratch/toml_span_crate/src/lib.rs" <<'RS'
/// The number of top-level keys, or the first error's byte offset.
pub fn parse(text: &str) -> Result<usize, usize> {
    match toml_span::parse(text) {
        Ok(root) => Ok(root.as_table().map_or(0, |t| t.len())),
        Err(e) => Err(e.span.start),
    }
}
RS
manifest toml_crate 'toml = { version = "1.2", default-features = false, features = ["parse", "std"] }
' > "$scratch/toml_crate/Cargo.toml"
cat > "$scratch/toml_crate/src/lib.rs" <<'RS'
/// The number of top-level keys, or the first error's byte offset.
pub fn parse(text: &str) -> Result<usize, usize> {
    match toml::de::DeTable::parse(text) {
        Ok(table) => Ok(table.get_ref().len()),
        Err(e) => Err(e.span().map_or(0, |s| s.start)),
    }
}
RS

export CARGO_TARGET_DIR="$scratch/target"
for c in toml_span_crate toml_crate; do (cd "$scratch/$c" && cargo fetch --quiet && cargo build --quiet); done
for ((i = 0; i < rounds; i++)); do
    order=(toml_span_crate toml_crate)
    ((i % 2)) && order=(toml_crate toml_span_crate)
    for c in "${order[@]}"; do
        rm -rf "$CARGO_TARGET_DIR"
        (cd "$scratch/$c" && /usr/bin/time -f "$c %e %U %S" -a -o "$scratch/times" cargo build --quiet --offline)
    done
done
median() { # crate, awk expression of $2 (wall), $3 (user), $4 (system)
    awk -v c="$1" "\$1 == c { print $2 }" "$scratch/times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
sw=$(median toml_span_crate '$2'); sc=$(median toml_span_crate '$3 + $4')
tw=$(median toml_crate '$2'); tc=$(median toml_crate '$3 + $4')
echo "machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2); $rounds rounds, cold debug builds"
printf '  %-40s wall %5.2f s   CPU %5.2f s\n' "toml-span, toml_span::parse" "$sw" "$sc" "toml (parse, std), DeTable::parse" "$tw" "$tc"
awk -v sw="$sw" -v sc="$sc" -v tw="$tw" -v tc="$tc" \
    'BEGIN { printf "  toml-span - toml: wall %+.2f s (%.2fx), CPU %+.2f s (%.2fx)\n", sw - tw, sw / tw, sc - tc, sc / tc }'
