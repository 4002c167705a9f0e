#!/usr/bin/env bash
# Compile cost and binary size of the bundled enums, measured side by side in one run.
#
#   bash benches/compile-cost/run.sh [ROUNDS]          (default 5)
#   VARIANTS="base bundled before" APPS=app BEFORE=REV bash benches/compile-cost/run.sh 20
#                                  (only these variants and applications: more rounds
#                                  in the same time; `base` is always built)
#
# Two applications: `empty` (a `main` that only uses the enums: their cost in isolation)
# and `app` (a small service client with serde + derive, serde_json and thiserror: what
# a real user's tree already builds). For each, the variants `cargo xtask
# compile-cost-fixtures` writes (see xtask/src/compile_cost.rs):
#   base       the application alone
#   bundled    + bce-errors, default features off, using bce_errors::services
#   bundled-response
#              bundled with the `response` feature: the runtime that reads responses
#              (which the application does not call) on top
#   macro      + bce-errors with #[bce_errors] on copies of every spec in specs/
#   thiserror  + the same enums by hand, thiserror only (from_code etc. as `match`)
#   strum      + the same enums by hand, thiserror + strum (messages in EnumMessage)
#   strum-codes + the same enums by hand, thiserror + strum's EnumString, IntoStaticStr
#              and EnumIter only (status, description as `match`)
#   before     + bce-errors as of $BEFORE (default 08018e1, the last commit before the
#              bundled enums were shipped as generated Rust), like `bundled` (those
#              commits always built the response reader: compare it with
#              `bundled-response`); skipped when that commit is not in this clone
#              (BEFORE= skips it too)
# Every round builds every variant cold (a fresh target directory; the registry is
# downloaded first), the variants in an order rotated by one each round, and right after
# each cold build rebuilds it after an edit of the application (`const EDIT` in
# main.rs): the incremental rebuild. Each build's wall time and CPU time (user + system,
# cargo and every rustc: on a shared machine it moves far less than wall time, and on
# 2 cores it is what a build costs). Each cold build also logs the CPU time of every
# crate rustc compiles (rustc-cpu.sh, as RUSTC_WRAPPER), so that a variant's cost can be
# read from the crates it adds, free of the noise in the crates every variant shares.
# Reported: medians over the rounds; the marginal cost, variant minus base of the same
# round; the CPU of the crates the variant adds to the base's (and of its own crate
# over the base's), per round; ratios of medians; then the size of each stripped
# release binary over the base's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rounds="${1:-5}"
before_ref="${BEFORE-08018e1}"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

before_args=()
if [ -n "$before_ref" ] && git -C "$root" cat-file -e "$before_ref^{commit}" 2>/dev/null; then
    mkdir "$scratch/before-tree"
    git -C "$root" archive "$before_ref" | tar -x -C "$scratch/before-tree"
    before_args=(--before "$scratch/before-tree")
fi

variants=(base)
read -r -a asked <<< "${VARIANTS:-bundled bundled-response macro thiserror strum strum-codes before}"
for v in "${asked[@]}"; do
    case "$v" in
        base) continue ;;
        before)
            if [ ${#before_args[@]} -eq 0 ]; then
                # Skipped by default; an error when asked for by name.
                [ -z "${VARIANTS:-}" ] && continue
                echo "error: VARIANTS asks for \`before\`, but BEFORE=$before_ref is no commit of this clone" >&2
                exit 2
            fi ;;
        bundled | bundled-response | macro | thiserror | strum | strum-codes) ;;
        *) echo "error: unknown variant \`$v\` in VARIANTS" >&2; exit 2 ;;
    esac
    [[ " ${variants[*]} " == *" $v "* ]] || variants+=("$v")
done
read -r -a apps <<< "${APPS:-empty app}"
[ ${#apps[@]} -gt 0 ] || { echo "error: APPS names no application (empty, app)" >&2; exit 2; }
for app in "${apps[@]}"; do
    case "$app" in
        empty | app) ;;
        *) echo "error: unknown application \`$app\` in APPS (empty, app)" >&2; exit 2 ;;
    esac
done
for app in "${apps[@]}"; do
    flag=(); [ "$app" = app ] && flag=(--app)
    (cd "$root" && cargo xtask compile-cost-fixtures "$scratch/$app" "${flag[@]}" "${before_args[@]}")
    for v in "${variants[@]}"; do
        (cd "$scratch/$app/$v" && CARGO_TARGET_DIR="$scratch/target" cargo fetch --quiet)
    done
done

build() { # dir, cargo build args...: quiet (a failure shows cargo's output); prints
          # "wall cpu" in seconds, cpu being user + system time of cargo and every rustc;
          # each crate's CPU goes to $UNIT_CPU_LOG where it is set
    local dir="$1"; shift
    if ! (cd "$dir" && CARGO_TARGET_DIR="$scratch/target" /usr/bin/time -f '%e %U %S' -o "$scratch/time" \
            cargo build --quiet --offline "$@" 2>"$scratch/log"); then
        cat "$scratch/log" >&2
        echo "error: building $dir failed" >&2
        exit 1
    fi
    awk '{ printf "%.3f\t%.3f", $1, $2 + $3 }' "$scratch/time"
}

results="$scratch/results.tsv"
units="$scratch/units"
mkdir "$units"
for ((round = 0; round < rounds; round++)); do
    for app in "${apps[@]}"; do
        n=${#variants[@]}
        for ((k = 0; k < n; k++)); do
            v=${variants[$(((k + round) % n))]}
            dir="$scratch/$app/$v"
            rm -rf "$scratch/target"
            cold=$(UNIT_CPU_LOG="$units/$app-$v-$round.tsv" RUSTC_WRAPPER="$here/rustc-cpu.sh" build "$dir")
            sed -i "s/^const EDIT: u32 = .*/const EDIT: u32 = $((round + 1));/" "$dir/src/main.rs"
            incremental=$(build "$dir")
            printf '%s\t%s\t%s\t%s\t%s\n' "$app" "$v" "$round" "$cold" "$incremental" >> "$results"
        done
    done
    echo "round $((round + 1)) of $rounds done" >&2
done

sizes="$scratch/sizes.tsv"
for app in "${apps[@]}"; do
    for v in "${variants[@]}"; do
        rm -rf "$scratch/target"
        build "$scratch/$app/$v" --release > /dev/null
        printf '%s\t%s\t%s\n' "$app" "$v" "$(stat -c %s "$scratch/target/release/fixture-$v")" >> "$sizes"
    done
done

echo "machine: $(nproc) cores, $(uname -m), rustc $(rustc --version | cut -d' ' -f2); $rounds rounds"
BEFORE_REF="$before_ref" python3 "$here/summary.py" "$results" "$sizes" "$units"
