#!/bin/sh
# gavel check and gavel compact: FILE:LINE: message for every problem, exit
# 0 clean / 1 problems; a corrupt file is never rewritten; compaction keeps
# unknown record types and drops undone commands.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
fail() { echo "FAIL: $*"; exit 1; }
U1=6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11

S=$("$GAVEL_BIN" new --title "Check test" --date 2017-05-12) || fail "new"
printf 'set place Brussels\nitem add "E-evidence"\nset place Luxembourg\nundo\n' | "$GAVEL_BIN" exec "$S" || fail "exec"
"$GAVEL_BIN" check "$S" > "$T/out"; [ $? -eq 0 ] || fail "clean file: $(cat "$T/out")"
grep -q ": ok" "$T/out" || fail "no ok line"

# An unknown record type from a newer gavel, added by hand: a line without
# its checksum until the edit is accepted; then clean, and kept by compaction.
echo "vote 2017-05-12T11:00:00 $U1 item=1 result=agreed" >> "$S"
"$GAVEL_BIN" check "$S" > "$T/out"; [ $? -eq 1 ] || fail "a hand-added line passed unsealed"
grep -q ":8: no checksum" "$T/out" || fail "unsealed line: $(cat "$T/out")"
"$GAVEL_BIN" check --accept "$S" > "$T/out" || fail "accept: $(cat "$T/out")"
grep -q ": 1 line sealed" "$T/out" || fail "accept message: $(cat "$T/out")"
"$GAVEL_BIN" check "$S" > /dev/null || fail "unknown type reported as a problem"
before=$(wc -l < "$S")
"$GAVEL_BIN" compact "$S" > "$T/out" || fail "compact: $(cat "$T/out")"
grep -qx "vote 2017-05-12T11:00:00 $U1 item=1 result=agreed [0-9a-f]\{8\}" "$S" || fail "unknown line lost"
grep -q Luxembourg "$S" && fail "undone command kept"
[ "$(wc -l < "$S")" -lt "$before" ] || fail "compaction dropped nothing"
[ "$(stat -c %a "$S")" = 600 ] || fail "mode after compaction"
"$GAVEL_BIN" show "$S" | grep -q Brussels || fail "state after compaction"
"$GAVEL_BIN" check "$S" > /dev/null || fail "compacted file not clean"
ls "$T/data/gavel/sessions" | grep -q tmp && fail "temporary left behind"

# A corrupt middle line and a torn tail: both reported with their line numbers.
cp "$S" "$T/bad.gavel"
sed -i '3s/.*/cmd 2017-05-12 not a time/' "$T/bad.gavel"
printf 'cmd 2017-05-12T11:00:00 %s set pl' "$U1" >> "$T/bad.gavel"
lines=$(wc -l < "$T/bad.gavel")
cp "$T/bad.gavel" "$T/bad.orig"
"$GAVEL_BIN" check "$T/bad.gavel" > "$T/out"; rc=$?
[ $rc -eq 1 ] || fail "check of a bad file: exit $rc"
grep -q "^$T/bad.gavel:3: " "$T/out" || fail "corrupt line: $(cat "$T/out")"
grep -q "^$T/bad.gavel:$((lines + 1)): incomplete last line (crash during a write?) set aside" "$T/out" ||
	fail "torn line: $(cat "$T/out")"
# show still shows the rest; exec and compact refuse; the file is untouched.
"$GAVEL_BIN" show "$T/bad.gavel" > /dev/null 2> "$T/err" || fail "show of a bad file"
grep -q ":3: " "$T/err" || fail "show did not report the problem"
echo "set place Rome" | "$GAVEL_BIN" exec "$T/bad.gavel" 2> "$T/err"; [ $? -eq 1 ] || fail "exec on a bad file"
grep -q "read-only" "$T/err" || fail "exec message: $(cat "$T/err")"
"$GAVEL_BIN" compact "$T/bad.gavel" 2> "$T/err"; [ $? -eq 1 ] || fail "compact on a bad file"
cmp -s "$T/bad.gavel" "$T/bad.orig" || fail "a corrupt file was rewritten"

# Not a session; several files; usage.
echo hello > "$T/x.gavel"
"$GAVEL_BIN" check "$T/x.gavel" 2> "$T/err"; [ $? -eq 1 ] || fail "not a session"
grep -q "x.gavel:1: not a gavel session" "$T/err" || fail "not-a-session message: $(cat "$T/err")"
"$GAVEL_BIN" check "$S" "$T/bad.gavel" > /dev/null; [ $? -eq 1 ] || fail "one bad of two"
"$GAVEL_BIN" check 2> /dev/null; [ $? -eq 2 ] || fail "check without a file: not 2"
"$GAVEL_BIN" compact 2> /dev/null; [ $? -eq 2 ] || fail "compact without a file: not 2"
echo ok
