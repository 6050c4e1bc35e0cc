# Shared by the CLI end-to-end scripts, sourced first: every script is called
# as SCRIPT GEOKG SOURCE_DIR CASE by tests/cli/CMakeLists.txt.
set -u
GEOKG=$1
SRC=$2
CASE=$3
DATA=$SRC/data
TMP=$(mktemp -d "${TMPDIR:-/tmp}/geokg-cli-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL [$CASE]: $*" >&2; exit 1; }
# run EXPECTED_EXIT ARGS...: runs geokg (no stdin), output in $TMP/out and $TMP/err.
run() {
  want=$1; shift
  "$GEOKG" "$@" --data "$DATA" >"$TMP/out" 2>"$TMP/err" </dev/null
  got=$?
  [ "$got" -eq "$want" ] || { cat "$TMP/out" "$TMP/err" >&2; fail "geokg $* exited $got, want $want"; }
}
out_has() { grep -qF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "stdout lacks: $1"; }; }
out_lacks() { ! grep -qF -- "$1" "$TMP/out" || { cat "$TMP/out" >&2; fail "stdout has: $1"; }; }
err_has() { grep -qF -- "$1" "$TMP/err" || { cat "$TMP/err" >&2; fail "stderr lacks: $1"; }; }
