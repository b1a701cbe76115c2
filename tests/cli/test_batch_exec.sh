#!/bin/sh
# gavel exec: scripts from a file or stdin, comments and blank lines skipped,
# SCRIPT:LINE: message on the first refusal with exit 1 and everything before
# it kept, --keep-going, --progress, a locked session refused.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
fail() { echo "FAIL: $*"; exit 1; }

S=$("$GAVEL_BIN" new --title "Exec test" --date 2017-05-12) || fail "new"
cat > "$T/ok.txt" <<'SCRIPT'
# a comment

   # an indented comment
set place Brussels
item add "Adoption of the agenda"
item 1
SCRIPT
"$GAVEL_BIN" exec "$S" -f "$T/ok.txt" || fail "good script refused"
"$GAVEL_BIN" show "$S" > "$T/show" || fail "show"
grep -q "Brussels" "$T/show" || fail "place not applied"
grep -q "Adoption of the agenda" "$T/show" || fail "item not applied"

# The first refusal stops the run: FILE:LINE: message, exit 1, earlier lines kept.
cat > "$T/bad.txt" <<'SCRIPT'
set chair "MT Presidency"

item 42
set language en
SCRIPT
"$GAVEL_BIN" exec "$S" -f "$T/bad.txt" 2> "$T/err"; rc=$?
[ $rc -eq 1 ] || fail "refusal: exit $rc"
grep -q "^$T/bad.txt:3: ." "$T/err" || fail "message format: $(cat "$T/err")"
[ "$(wc -l < "$T/err")" -eq 1 ] || fail "more than one message: $(cat "$T/err")"
grep -q 'set chair' "$S" || fail "the line before the refusal was not kept"
grep -q 'set language' "$S" && fail "a line after the refusal was applied"

# --keep-going: every refusal reported, the rest applied, exit 1.
printf 'item 42\nset language en\nfrobnicate\nset from GSC\n' |
	"$GAVEL_BIN" exec "$S" --keep-going 2> "$T/err"; rc=$?
[ $rc -eq 1 ] || fail "keep-going: exit $rc"
grep -q '^<stdin>:1: ' "$T/err" || fail "stdin message: $(cat "$T/err")"
grep -q '^<stdin>:3: ' "$T/err" || fail "second refusal not reported: $(cat "$T/err")"
grep -q 'set language en' "$S" || fail "keep-going did not go on"
grep -q 'set from GSC' "$S" || fail "keep-going did not reach the end"

# --progress acknowledges each durable line.
printf 'set to "HWP Cyber"\n\nset subject "Summary of discussions"\n' |
	"$GAVEL_BIN" exec "$S" --progress > "$T/out" || fail "progress run"
[ "$(cat "$T/out")" = "$(printf '<stdin>:1: ok\n<stdin>:3: ok')" ] || fail "progress: $(cat "$T/out")"

# Usage errors exit 2; a missing session or script exits 1.
"$GAVEL_BIN" exec 2> /dev/null; [ $? -eq 2 ] || fail "no session: not 2"
"$GAVEL_BIN" exec "$S" --bogus 2> /dev/null; [ $? -eq 2 ] || fail "bad option: not 2"
"$GAVEL_BIN" exec "$T/none.gavel" < /dev/null 2> "$T/err"; [ $? -eq 1 ] || fail "missing session: not 1"
"$GAVEL_BIN" exec "$S" -f "$T/none.txt" 2> "$T/err"; [ $? -eq 1 ] || fail "missing script: not 1"
grep -q "none.txt: cannot read" "$T/err" || fail "missing script message: $(cat "$T/err")"

# --read-only refuses to write.
echo "set place Luxembourg" | "$GAVEL_BIN" --read-only exec "$S" 2> "$T/err"; [ $? -eq 1 ] || fail "read-only exec"
grep -q Luxembourg "$S" && fail "read-only exec wrote"

# A second writer is refused while the first holds the lock.
mkfifo "$T/fifo"
"$GAVEL_BIN" exec "$S" --progress < "$T/fifo" > "$T/holder" &
holder=$!
exec 3> "$T/fifo"
echo "set place Strasbourg" >&3
i=0; while [ $i -lt 400 ] && ! grep -q ok "$T/holder"; do sleep 0.05; i=$((i + 1)); done
grep -q ok "$T/holder" || fail "the holder did not start"
echo "set place Luxembourg" | "$GAVEL_BIN" exec "$S" 2> "$T/err"; rc=$?
exec 3>&-
wait $holder
[ $rc -eq 1 ] || fail "second writer: exit $rc"
grep -q "another gavel" "$T/err" || fail "second writer message: $(cat "$T/err")"
grep -q Luxembourg "$S" && fail "second writer wrote"
grep -q Strasbourg "$S" || fail "holder's line missing"
echo ok
