#!/usr/bin/env bash
# What the spec reader's TOML parser costs a cold build: its own parser
# (bce-errors-spec/src/toml/mod.rs) against the crates it could use instead,
# `toml-span` (which it used before) and `toml`.
#
#   bash benches/compile-cost/toml.sh [ROUNDS]          (default 7)
#
# Three library crates, each parsing a document to a table with spans: `own_parser`
# (the module itself, copied without its tests), `toml_span_crate` (`toml-span`, default
# features off, `toml_span::parse`) and `toml_crate` (`toml`, default features off,
# `parse` + `std`, `DeTable::parse`); and `no_parser`, a crate whose `parse` counts
# lines: what any crate costs (cargo, rustc's start, std's metadata), to subtract.
# Dependencies build without incremental state, as they do from crates.io. Each round
# builds all four cold (fresh target directory, registry downloaded first), in an order
# rotated by one each round; reports the medians of wall and CPU time (user + system of
# cargo and every rustc), and each parser's cost over `no_parser`'s.
set -euo pipefail
rounds="${1:-7}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

manifest() { # name, dependencies
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[workspace]\n\n[dependencies]\n%s\n[profile.dev.package."*"]\nincremental = false\n' "$1" "$2"
}
crates=(no_parser own_parser toml_span_crate toml_crate)
for c in "${crates[@]}"; do mkdir -p "$scratch/$c/src"; done
manifest no_parser '' > "$scratch/no_parser/Cargo.toml"
cat > "$scratch/no_parser/src/lib.rs" <<'RS'
/// The number of lines, or 0 for an empty text.
pub fn parse(text: &str) -> Result<usize, usize> {
    if text.is_empty() { Err(0) } else { Ok(text.lines().count()) }
}
RS
manifest own_parser '' > "$scratch/own_parser/Cargo.toml"
{
    grep -v -e '^#\[cfg(test)\]$' -e '^mod tests;$' "$root/bce-errors-spec/src/toml/mod.rs" |
        sed -e 's/pub(crate) /pub /'
    cat <<'RS'

/// The number of top-level keys, or the first error's byte offset.
pub fn parse_count(text: &str) -> Result<usize, usize> {
    match parse(text) {
        Ok(root) => Ok(root.entries.len()),
        Err(e) => Err(e.span.start),
    }
}
RS
} > "$scratch/own_parser/src/lib.rs"
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
for c in "${crates[@]}"; do (cd "$scratch/$c" && cargo fetch --quiet && cargo build --quiet); done
for ((i = 0; i < rounds; i++)); do
    order=("${crates[@]:i%4}" "${crates[@]:0:i%4}")
    for c in "${order[@]}"; do
        rm -rf "$CARGO_TARGET_DIR"
        (cd "$scratch/$c" && /usr/bin/time -f "$c %e %U %S" -a -o "$scratch/times" cargo build --quiet --offline)
    done
done
median() { # crate, awk expression of $2 (wall), $3 (user), $4 (system)
    awk -v c="$1" "\$1 == c { print $2 }" "$scratch/times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
echo "machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2); $rounds rounds, cold debug builds"
nw=$(median no_parser '$2'); nc=$(median no_parser '$3 + $4')
ow=$(median own_parser '$2'); oc=$(median own_parser '$3 + $4')
printf '  %-16s wall %5.2f s   CPU %5.2f s\n' no_parser "$nw" "$nc"
for c in own_parser toml_span_crate toml_crate; do
    w=$(median "$c" '$2'); u=$(median "$c" '$3 + $4')
    awk -v c="$c" -v w="$w" -v u="$u" -v nw="$nw" -v nc="$nc" -v ow="$ow" -v oc="$oc" 'BEGIN {
        printf "  %-16s wall %5.2f s   CPU %5.2f s   over no_parser: wall %+.2f s, CPU %+.2f s (%.1fx the own parser'"'"'s)\n",
            c, w, u, w - nw, u - nc, (u - nc) / (oc - nc) }'
done
