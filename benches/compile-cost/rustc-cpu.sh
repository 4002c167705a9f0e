#!/usr/bin/env bash
# A RUSTC_WRAPPER for run.sh: runs rustc and appends, for each crate it compiles, a line
# "crate-name<TAB>metadata<TAB>CPU seconds (user + system)" to $UNIT_CPU_LOG. Cargo's
# probes (`rustc -vV`, no crate name) run unlogged.
rustc="$1"
shift
name="" meta="" prev=""
for arg in "$@"; do
    [ "$prev" = --crate-name ] && name="$arg"
    case "$arg" in metadata=*) meta="${arg#metadata=}" ;; esac
    prev="$arg"
done
[ -z "$name" ] && exec "$rustc" "$@"
times="$(mktemp)"
/usr/bin/time -f '%U %S' -o "$times" "$rustc" "$@"
status=$?
awk -v n="$name" -v m="$meta" 'END { printf "%s\t%s\t%.3f\n", n, m, $1 + $2 }' "$times" >> "$UNIT_CPU_LOG"
rm -f "$times"
exit "$status"
