# The live screen needs a terminal: without one it refuses at once with a
# message, instead of reading end-of-file forever.
set -u
bin=${GAVEL_BIN:-$PWD/gavel}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gavel-notty.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
fail() { echo "FAIL: $*"; exit 1; }

s=$("$bin" new --title Board --date 2017-05-12) || fail "new"
timeout 10 "$bin" "$s" </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 124 ] && fail "gavel SESSION </dev/null did not stop"
[ $rc -eq 1 ] || fail "exit $rc, expected 1"
grep -q "needs a terminal" "$tmp/err" || fail "no message: $(cat "$tmp/err")"
timeout 10 "$bin" follow "$s" </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?
[ $rc -eq 1 ] || fail "follow without a terminal: exit $rc"
exit 0
