# The command line itself: --help lists every subcommand, --version, and a
# mistake is one line on stderr with exit 2.
set -u
bin=${GAVEL_BIN:-$PWD/gavel}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gavel-args.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
fail() { echo "FAIL: $*"; exit 1; }

"$bin" --help > "$tmp/help" || fail "--help exit $?"
for c in new exec show check compact render actions follow; do
	grep -q "^  $c " "$tmp/help" || fail "--help does not list '$c'"
done
"$bin" --version | grep -Eq '^gavel [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"

"$bin" --bogus 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown option: exit $rc"
[ "$(wc -l < "$tmp/err")" -eq 1 ] || fail "unknown option: not one line"
grep -q "unknown option '--bogus'" "$tmp/err" || fail "unknown option: $(cat "$tmp/err")"

"$bin" rendr 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "unknown word: exit $rc"
grep -q "unknown command or session 'rendr'" "$tmp/err" || fail "unknown word: $(cat "$tmp/err")"

"$bin" -D 2> "$tmp/err"; rc=$?
[ $rc -eq 2 ] || fail "-D without a folder: exit $rc"

# A session named by a word (no date, no path) is not taken for a typo: it is
# found in the data folder, so the error is about the terminal, not the name.
s=$("$bin" new --title Board --date 2017-05-12) || fail "new"
mv "$s" "$(dirname "$s")/board.gavel"
"$bin" board extra 2> "$tmp/err"; rc=$?
grep -q "unknown command" "$tmp/err" && fail "a session name taken for a command"
[ $rc -eq 2 ] || fail "two sessions: exit $rc"
exit 0
