#!/usr/bin/env bash
# Opens the HTML report in headless Chromium and checks it works in a real
# browser: the page's test hooks (#test-click=EDGE, #test-search=TEXT,
# #test-date=DATE) act after loading, and --dump-dom prints the resulting DOM.
#   html_browser_test.sh FIXTURE_BINARY OUT_DIR
# Leaves OUT_DIR/html_browser_test.png (a screenshot after clicking an edge)
# and OUT_DIR/html_browser_test.html. Exit 77 (CTest: skipped) if Chromium
# is not installed (scripts/setup.sh installs the Debian package chromium).
set -euo pipefail
fixture=$1
out_dir=$2

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null; then browser=$b; break; fi
done
if [[ -z "$browser" ]]; then
  echo "html_browser_test: chromium is not installed (apt-get install chromium); skipped"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
page="$out_dir/html_browser_test.html"
"$fixture" "$page"

run_browser() {  # run_browser URL-FRAGMENT EXTRA-ARGS...
  local fragment=$1; shift
  local profile; profile=$(mktemp -d "$tmp/profile.XXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --user-data-dir="$profile" --virtual-time-budget=5000 \
    "$@" "file://$page#$fragment" 2>"$tmp/browser.log"
}

fail() {
  echo "html_browser_test: FAIL: $*"
  tail -5 "$tmp/browser.log" || true
  exit 1
}

# 1. Click the first edge (North Korea recognises the DPR): the evidence
#    panel shows its sentences and the article link.
run_browser "test-click=e0" --dump-dom >"$tmp/click.html"
grep -q 'data-test-click="clicked"' "$tmp/click.html" || fail "the test hook did not click e0"
grep -q 'data-edge="e0"' "$tmp/click.html" || fail "the evidence panel does not show e0"
grep -q "North Korea recognised the independence of the Donetsk People's Republic." \
  "$tmp/click.html" || fail "the evidence sentence is not in the panel"
grep -q 'href="https://example.org/news/1"' "$tmp/click.html" || fail "no article link"

# 2. An edge whose evidence holds markup and a javascript: URL: the text
#    shows as text, the URL is not made a link.
run_browser "test-click=e1" --dump-dom >"$tmp/click1.html"
grep -q 'Ukraine cut ties with North Korea &lt;/script&gt;&lt;b&gt;bold&lt;/b&gt; &amp; more.' \
  "$tmp/click1.html" || fail "evidence markup was not shown as text"
if grep -q 'href="javascript:' "$tmp/click1.html"; then fail "a javascript: URL became a link"; fi

# 3. Search by an alias in another language highlights one node.
run_browser "test-search=Nordkorea" --dump-dom >"$tmp/search.html"
grep -q '9 of 9 relations shown; 1 match<' "$tmp/search.html" || fail "search for Nordkorea"
grep -Eq '<g id="n3" class="node kind-state hit"' "$tmp/search.html" || fail "North Korea not highlighted"

# 4. The time slider: on 2016-01-01 only "Russia supports the DPR" (since 2014-05) holds.
run_browser "test-date=2016-01-01" --dump-dom >"$tmp/date.html"
grep -q '1 of 9 relations shown<' "$tmp/date.html" || fail "time filter at 2016-01-01"

# 5. A screenshot after the click, kept for people to look at.
run_browser "test-click=e0" --window-size=1400,900 --screenshot="$out_dir/html_browser_test.png" \
  >/dev/null
size=$(stat -c %s "$out_dir/html_browser_test.png" 2>/dev/null || echo 0)
((size > 20000)) || fail "screenshot missing or blank ($size bytes)"

echo "html_browser_test: 5 passed, 0 failed"
