#!/usr/bin/env bash
# Proves the `bce-errors catalog` page in headless Chromium (Debian's `chromium`).
#
#   tests/catalog-browser/run.sh [OUT_DIR]
#
# 1. makes the data (sample from specs/, hostile, 20,000 synthetic codes) and fills the
#    template with make_page.py, as the Rust side will;
# 2. --dump-dom checks: entries shown for #q=, #service=, a Chinese search, an anchor;
#    the hostile page runs nothing; no console message (Chromium reports CSP blocks
#    there); no src= / external href but the docs links; page sizes and timings;
# 3. --screenshot at 1280 and 390 px wide;
# 4. browser_checks.py: real key presses, tab order, hash updates, copy button, network
#    capture, per-keystroke timing on 20,000 codes, dark-mode screenshots (over the
#    DevTools protocol, --remote-debugging-pipe).
# Ends with "N passed, N failed"; exits non-zero if any check failed.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${1:-$(mktemp -d /tmp/catalog-browser.XXXXXX)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
CHROMIUM="${CHROMIUM:-chromium}"
TITLE_HOSTILE='Hostile & <catalog> "title"'
BIG="${BIG:-20000}"

if ! command -v "$CHROMIUM" >/dev/null 2>&1; then
  echo "installing chromium (Debian package) and CJK fonts for the screenshots"
  apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
export CHROMIUM
"$CHROMIUM" --version 2>/dev/null | grep -v 'unexpected operator' || true

FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --hide-scrollbars --enable-logging=stderr --v=0)

PASS=0
FAIL=0
ok() { PASS=$((PASS + 1)); echo "ok - $1"; }
bad() { FAIL=$((FAIL + 1)); echo "FAIL - $1${2:+: $2}"; }
# expect NAME SUMMARY.json PYTHON-EXPR   (d = the dom.py summary)
expect() {
  local name="$1" file="$2" expr="$3" got
  if got=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=($expr); print(r); sys.exit(0 if r is True else 1)" "$file" 2>&1); then
    ok "$name"
  else
    bad "$name" "$got"
  fi
}

PROFILES=()
cleanup() { for p in "${PROFILES[@]+"${PROFILES[@]}"}"; do rm -rf "$p"; done; }
trap cleanup EXIT
profile() { local p; p="$(mktemp -d /tmp/catalog-profile.XXXXXX)"; PROFILES+=("$p"); echo "$p"; }

# dump NAME PAGE HASH: DOM after load -> $OUT/NAME.dom.html, summary -> $OUT/NAME.json
dump() {
  local name="$1" page="$2" hash="$3"
  "$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$(profile)" --dump-dom "file://$OUT/$page$hash" \
    >"$OUT/$name.dom.html" 2>"$OUT/$name.err" || true
  python3 "$HERE/dom.py" "$OUT/$name.dom.html" >"$OUT/$name.json"
  # Chromium prints console messages (CSP blocks, script errors) as "...:INFO:CONSOLE..."
  if grep -q ':CONSOLE' "$OUT/$name.err"; then
    bad "$name: no console message" "$(grep ':CONSOLE' "$OUT/$name.err" | head -3 | cut -c1-400)"
  else
    ok "$name: no console message"
  fi
}
ref() { python3 "$HERE/reference.py" "$OUT/$1" "$2"; }

echo "# data and pages in $OUT"
python3 "$HERE/gen_data.py" sample "$OUT/sample.json"
python3 "$HERE/gen_data.py" hostile "$OUT/hostile.json"
python3 "$HERE/gen_data.py" big "$BIG" "$OUT/big.json"
cmp -s "$OUT/sample.json" "$HERE/sample.json" || echo "note: sample.json differs from the checked-in copy (specs changed?)"
python3 "$HERE/make_page.py" "$OUT/sample.json" "$OUT/sample.html"
python3 "$HERE/make_page.py" "$OUT/hostile.json" "$OUT/hostile.html" --title "$TITLE_HOSTILE"
python3 "$HERE/make_page.py" "$OUT/big.json" "$OUT/big.html"
for f in sample hostile big; do
  echo "size - $f.html: $(stat -c %s "$OUT/$f.html") bytes ($(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['entries']))" "$OUT/$f.json") entries)"
done

echo "# --dump-dom checks"
TOTAL=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['entries']))" "$OUT/sample.json")
dump s-all sample.html ""
expect "sample: all $TOTAL entries present, ids unique" "$OUT/s-all.json" "d['entries'] == $TOTAL and d['unique_ids'] == $TOTAL and d['shown'] == $TOTAL"
expect "sample: script ran (loadMs set, so the CSP script hash matched)" "$OUT/s-all.json" "'load-ms' in d['root']"
expect "sample: no src= anywhere, links only to the docs pages" "$OUT/s-all.json" \
  "d['srcs'] == [] and all(h.startswith('https://intl.cloud.baidu.com/') for h in d['hrefs'])"
expect "sample: no inline style= or on*= attributes" "$OUT/s-all.json" "d['style_attrs'] == 0 and d['event_attrs'] == 0"
expect "sample: page source has no external src=/href= but the docs links" "$OUT/s-all.json" \
  "__import__('re').findall(r'(?:src|href)=\"(?!#|data:|https://intl\\.cloud\\.baidu\\.com/)[^\"]*\"', open('$OUT/sample.html').read()) == []"

for h in "q=NoSuchNat" "q=%E8%B6%85%E9%99%90%E9%A2%9D" "q=%EF%BC%B1%EF%BC%B0%EF%BC%B3%E8%B6%85%E9%99%90%E9%A2%9D" \
  "service=nat" "q=LimitExceeded" "q=limit&service=vpc&status=4xx" "retry=throttling" "status=none" "q=accessdenied&merge=1"; do
  n=$(ref sample.json "$h")
  name="s-$(printf '%s' "$h" | tr -c 'A-Za-z0-9' '_' | cut -c1-40)"
  dump "$name" sample.html "#$h"
  expect "sample #$h: $n shown (reference), the rest hidden" "$OUT/$name.json" \
    "d['shown'] == $n and d['entries'] == $TOTAL and d['root'].get('shown') == '$n'"
done
expect "sample #q=NoSuchNat shows nat/NoSuchNat" "$OUT/s-q_NoSuchNat.json" "d['shown_ids'] == ['nat/NoSuchNat']"
dump s-anchor sample.html "#vpc/LimitExceeded"
expect "sample #vpc/LimitExceeded: all shown, that one highlighted" "$OUT/s-anchor.json" \
  "d['shown'] == $TOTAL and d['targets'] == ['vpc/LimitExceeded']"

echo "# hostile spec text"
dump h-all hostile.html ""
HN=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['entries']))" "$OUT/hostile.json")
expect "hostile: title unchanged" "$OUT/h-all.json" "d['title'] == '''$TITLE_HOSTILE'''"
expect "hostile: script ran" "$OUT/h-all.json" "'load-ms' in d['root']"
expect "hostile: all $HN entries present" "$OUT/h-all.json" "d['entries'] == $HN"
expect "hostile: no img/script/svg/iframe/b/i/style element in the entries" "$OUT/h-all.json" "d['in_list'] == {}"
expect "hostile: no on*= or style= attribute, no src=" "$OUT/h-all.json" "d['event_attrs'] == 0 and d['style_attrs'] == 0 and d['srcs'] == []"
expect "hostile: no javascript: link (only http(s) URLs are linked)" "$OUT/h-all.json" "all(h.startswith('https://') for h in d['hrefs'])"
expect "hostile: markup shows as text" "$OUT/h-all.json" \
  "'&lt;img src=x onerror=\"document.title=\\'pwned\\'\"&gt;' in open('$OUT/h-all.dom.html').read()"
expect "hostile: the page source has just its two <script> elements (data, code)" "$OUT/h-all.json" \
  "open('$OUT/hostile.html').read().lower().count('<script') == 2 and open('$OUT/hostile.html').read().lower().count('</script') == 2"

echo "# $BIG codes"
for h in "" "#q=shared" "#q=%EF%BC%B1%EF%BC%B0%EF%BC%B3%E8%B6%85%E9%99%90%E9%A2%9D" "#service=svc007" "#status=5xx&retry=transient"; do
  name="b-$(printf '%s' "$h" | tr -c 'A-Za-z0-9' '_' | cut -c1-40)"
  dump "$name" big.html "$h"
  n=$(ref big.json "${h#\#}")
  expect "big ${h:-(no hash)}: shown=$n (reference)" "$OUT/$name.json" "d['root'].get('shown') == '$n' and d['root'].get('total') == '$BIG'"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['root']; print(f\"time - big ${h:-(no hash)}: loadMs={r.get('load-ms')} parseMs={r.get('parse-ms')} filterMs={r.get('filter-ms')} shown={r.get('shown')}\")" "$OUT/$name.json"
done
expect "big: --dump-dom ran after the initial filter" "$OUT/b-_q_shared.json" "d['root'].get('filter-ms') is not None"

echo "# screenshots"
for w in "1280,900" "390,844"; do
  tag="${w%%,*}"
  "$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$(profile)" --window-size="$w" --screenshot="$OUT/sample-$tag.png" "file://$OUT/sample.html" 2>/dev/null || true
  "$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$(profile)" --window-size="$w" --screenshot="$OUT/sample-zh-$tag.png" "file://$OUT/sample.html#q=%E8%B6%85%E9%99%90%E9%A2%9D" 2>/dev/null || true
  "$CHROMIUM" "${FLAGS[@]}" --user-data-dir="$(profile)" --window-size="$w" --force-dark-mode --screenshot="$OUT/hostile-dark-$tag.png" "file://$OUT/hostile.html" 2>/dev/null || true
done
ls "$OUT"/*.png | sed 's/^/shot - /'

echo "# browser_checks.py (DevTools protocol)"
set +e
python3 "$HERE/browser_checks.py" "$OUT" "$TITLE_HOSTILE" | tee "$OUT/browser_checks.txt"
set -e
P2=$(tail -1 "$OUT/browser_checks.txt" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
F2=$(tail -1 "$OUT/browser_checks.txt" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
PASS=$((PASS + ${P2:-0}))
FAIL=$((FAIL + ${F2:-1}))
ls "$OUT"/cdp-*.png 2>/dev/null | sed 's/^/shot - /'

echo "$PASS passed, $FAIL failed"
[ "$FAIL" -eq 0 ]
