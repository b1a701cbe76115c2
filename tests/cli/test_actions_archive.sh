#!/bin/sh
# gavel actions with no SESSION reads the whole archive: nothing recorded yet
# is an empty list (exit 0); a damaged session is reported and the others
# still listed; a file that is no session at all fails the run (exit 1) but
# the rest is still written. -D DIR points at another data folder.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-archive.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }

out=$("$GAVEL_BIN" actions) || fail "empty archive: exit $?"
echo "$out" | grep -q 'No actions or deadlines.' || fail "empty archive: $out"
"$GAVEL_BIN" actions --format csv > "$T/empty.csv" || fail "empty csv"
[ "$(wc -l < "$T/empty.csv")" -eq 1 ] || fail "empty csv: not just the header"

A=$("$GAVEL_BIN" new --roster eu28-2017 --title "First" --date 2017-05-12) || fail "new A"
B=$("$GAVEL_BIN" new --roster eu28-2017 --title "Second" --date 2017-06-12) || fail "new B"
printf 'item add X\nitem 1\naction FR 2017-06-01 first action\n' | "$GAVEL_BIN" exec "$A" || fail "exec A"
printf 'item add Y\nitem 1\naction DE 2017-07-01 second action\n' | "$GAVEL_BIN" exec "$B" || fail "exec B"
"$GAVEL_BIN" actions --format csv > "$T/two.csv" || fail "two sessions"
grep -q 'first action' "$T/two.csv" && grep -q 'second action' "$T/two.csv" || fail "not both sessions"

# a damaged line in the middle of B: B opens read-only, its readable part is listed
awk 'NR == 3 { print "cmd garbage line" } { print }' "$B" > "$T/b" && cat "$T/b" > "$B"
"$GAVEL_BIN" actions --format csv > "$T/damaged.csv" 2> "$T/damaged.err"
grep -q 'first action' "$T/damaged.csv" || fail "damaged archive lost A"
[ -s "$T/damaged.err" ] || fail "damaged session not reported"

# a file that is no session at all
echo "not a session" > "$(dirname "$A")/2017-01-01-junk.gavel"
"$GAVEL_BIN" actions --format csv > "$T/junk.csv" 2> "$T/junk.err"
[ $? -eq 1 ] || fail "junk file: not exit 1"
grep -q 'first action' "$T/junk.csv" || fail "junk file stopped the listing"
[ -s "$T/junk.err" ] || fail "junk file not reported"

# -D DIR: another data folder, empty
"$GAVEL_BIN" -D "$T/elsewhere" actions --format csv > "$T/else.csv" || fail "-D empty"
[ "$(wc -l < "$T/else.csv")" -eq 1 ] || fail "-D: not empty"
exit 0
