#!/bin/sh
# Session and INI paths that are not plain files: a FIFO is refused at once
# (it used to block forever waiting for a writer), and a session reached
# through a symbolic link is replaced where the link points (compact used to
# turn the link into a file of its own, leaving the real session behind),
# but an export is never written through a link. POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
fail() { echo "FAIL: $*"; exit 1; }

# Runs "$@" with a time limit; exit 124 when it had to be killed.
limit() {
	"$@" & pid=$!
	( sleep 10; kill -9 $pid 2> /dev/null ) & watch=$!
	wait $pid; rc=$?
	kill $watch 2> /dev/null; wait $watch 2> /dev/null
	[ $rc -eq 137 ] && return 124
	return $rc
}

mkfifo "$T/fifo.gavel" || fail "mkfifo"
for c in check show render compact; do
	limit "$GAVEL_BIN" $c "$T/fifo.gavel" > /dev/null 2> "$T/err"; rc=$?
	[ $rc -eq 124 ] && fail "$c blocks on a FIFO"
	[ $rc -eq 1 ] || fail "$c on a FIFO: exit $rc"
	grep -q "fifo.gavel: not a regular file" "$T/err" || fail "$c on a FIFO: $(cat "$T/err")"
done
printf 'item add x\n' > "$T/s.txt"
limit "$GAVEL_BIN" exec "$T/fifo.gavel" -f "$T/s.txt" 2> "$T/err"; rc=$?
[ $rc -eq 124 ] && fail "exec blocks on a FIFO"

S=$("$GAVEL_BIN" new --title "Special" --date 2017-05-12) || fail "new"
mkfifo "$T/roster.ini"
printf 'roster %s\n' "$T/roster.ini" > "$T/r.txt"
limit "$GAVEL_BIN" exec "$S" -f "$T/r.txt" 2> "$T/err"; rc=$?
[ $rc -eq 124 ] && fail "a FIFO roster blocks"
[ $rc -eq 1 ] || fail "FIFO roster: exit $rc"
grep -q "^$T/r.txt:1: .*not a regular file" "$T/err" || fail "FIFO roster: $(cat "$T/err")"

# Compaction through a symbolic link rewrites the session it points to.
printf 'item add One\nitem add Two\nitem drop 2\nundo\nundo\n' | "$GAVEL_BIN" exec "$S" || fail "exec"
ln -s "$S" "$T/link.gavel"
"$GAVEL_BIN" compact "$T/link.gavel" > /dev/null || fail "compact through a link"
[ -L "$T/link.gavel" ] || fail "compact replaced the link with a file"
grep -q undo "$S" && fail "the session the link names was not compacted"
printf 'item add Three\n' | "$GAVEL_BIN" exec "$T/link.gavel" || fail "exec through the link"
grep -q Three "$S" || fail "a command through the link missed the session"

# render -o never writes through a symbolic link (a planted link would aim
# the export at any file); tests/cli/test_export_target.sh has the rest.
: > "$T/real.md"
ln -s "$T/real.md" "$T/out.md"
"$GAVEL_BIN" render "$S" -o "$T/out.md" 2> /dev/null && fail "render -o wrote through a link"
[ -L "$T/out.md" ] || fail "render -o replaced the link"
[ -s "$T/real.md" ] && fail "render -o wrote the file the link names"
exit 0
