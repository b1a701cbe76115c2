#!/bin/sh
# One command line holds at most 1 MiB. `gavel exec -f /dev/zero` (no line
# end, ever) returns at once with SCRIPT:1: instead of reading forever; a
# longer line on standard input stops the run there, --keep-going or not,
# and keeps what came before; a line of exactly 1 MiB is taken.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
fail() { echo "FAIL: $*"; exit 1; }

# Runs "$@" with a time limit; exit 124 when it had to be killed.
limit() {
	"$@" & pid=$!
	( sleep 20; kill -9 $pid 2> /dev/null ) & watch=$!
	wait $pid; rc=$?
	kill $watch 2> /dev/null; wait $watch 2> /dev/null
	[ $rc -eq 137 ] && return 124
	return $rc
}

S=$("$GAVEL_BIN" new --title "Limits" --date 2017-05-12 --roster eu28-2017) || fail "new"
printf 'item add One\nitem 1\nfloor FR\nnext\n' | "$GAVEL_BIN" exec "$S" || fail "exec"
cp "$S" "$T/before"

limit "$GAVEL_BIN" exec "$S" -f /dev/zero 2> "$T/err"; rc=$?
[ $rc -eq 124 ] && fail "exec -f /dev/zero never returns"
[ $rc -eq 1 ] || fail "exec -f /dev/zero: exit $rc"
grep -q "^/dev/zero:1: the line is longer than 1 MiB" "$T/err" || fail "/dev/zero: $(cat "$T/err")"
cmp -s "$S" "$T/before" || fail "/dev/zero changed the session"

# Standard input with no line end: the same.
limit sh -c '"$0" exec "$1" < /dev/zero' "$GAVEL_BIN" "$S" 2> "$T/err"; rc=$?
[ $rc -eq 124 ] && fail "exec < /dev/zero never returns"
grep -q "^<stdin>:1: the line is longer than 1 MiB" "$T/err" || fail "stdin: $(cat "$T/err")"

# 2 MiB on line 2, with -k: stopped there, line 1 kept, line 3 not run.
{ printf 'note kept\nnote '; head -c 2097152 /dev/zero | tr '\0' a; printf '\nnote after\n'; } > "$T/long.txt"
limit "$GAVEL_BIN" exec "$S" -k -f "$T/long.txt" 2> "$T/err"; rc=$?
[ $rc -eq 1 ] || fail "a long line: exit $rc"
grep -q "long.txt:2: the line is longer than 1 MiB" "$T/err" || fail "long line: $(cat "$T/err")"
grep -q "kept" "$S" || fail "the line before the long one was lost"
grep -q "after" "$S" && fail "exec went on after a line past the limit"
grep -q "aaaaaaaaaaaaaaaa" "$S" && fail "the long line was journaled"

# One byte past the limit: refused with its place, nothing journaled.
{ printf 'note '; head -c 1048572 /dev/zero | tr '\0' c; printf '\n'; } > "$T/over.txt"
limit "$GAVEL_BIN" exec "$S" -f "$T/over.txt" 2> "$T/err" && fail "a line of 1 MiB + 1 was taken"
grep -q "over.txt:1: the line is longer than 1 MiB" "$T/err" || fail "1 MiB + 1: $(cat "$T/err")"
grep -q "cccccccccccccccc" "$S" && fail "the line past the limit was journaled"

# Exactly 1 MiB: taken.
{ printf 'note '; head -c 1048571 /dev/zero | tr '\0' b; printf '\n'; } > "$T/max.txt"
limit "$GAVEL_BIN" exec "$S" -f "$T/max.txt" 2> "$T/err" || fail "a line of 1 MiB: $(cat "$T/err")"
grep -q "bbbbbbbbbbbbbbbb" "$S" || fail "the 1 MiB line was not journaled"
exit 0
