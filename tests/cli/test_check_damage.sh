#!/bin/sh
# gavel check finds damage that each line alone hides, and damage to the
# bytes of a line, each with FILE:LINE: a copied line (a duplicate uuid, as
# an `item add` copied by hand), a `draft` for an intervention that does not
# exist, a `cmd:N` unit whose `cmd+` lines are gone from the middle of the
# file, a changed letter (the line's checksum). `check --accept` seals a
# deliberate edit, keeping the file's mode. POSIX sh; exit 0 = pass.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" GAVEL_DATADIR="$(pwd)"
fail() { echo "FAIL: $*"; exit 1; }

S=$("$GAVEL_BIN" new --title "Damage" --date 2017-05-12) || fail "new"
printf 'roster eu28-2017\nitem add "Cyber"\nitem add "E-evidence"\nitem 1\nfloor FR\nnext\ndraft France supports\nnote France supports the text.\n' |
	"$GAVEL_BIN" exec "$S" || fail "exec"
"$GAVEL_BIN" check -q "$S" || fail "clean session reported"

# A copied `item add` line: the same uuid twice.
cp "$S" "$T/dup.gavel"
line=$(grep -n ' item add "Cyber"' "$T/dup.gavel" | cut -d: -f1)
grep ' item add "Cyber"' "$S" >> "$T/dup.gavel"
last=$(wc -l < "$T/dup.gavel")
"$GAVEL_BIN" check "$T/dup.gavel" > "$T/out"; [ $? -eq 1 ] || fail "duplicate uuid passed"
grep -q "^$T/dup.gavel:$last: uuid .* already used on line $line" "$T/out" || fail "duplicate: $(cat "$T/out")"

# A copied `next` (it also fails to replay: the queue is empty) and, after
# it, a copied `item add`: the problems in file order, on one line what the
# line says wrong alone before what it repeats.
cp "$S" "$T/both.gavel"
grep ' next$\| next [0-9a-f]*$' "$S" >> "$T/both.gavel"
grep ' item add "Cyber"' "$S" >> "$T/both.gavel"
n=$(wc -l < "$T/both.gavel")
"$GAVEL_BIN" check "$T/both.gavel" > "$T/out"; [ $? -eq 1 ] || fail "copied lines passed"
sed 's/^[^:]*:\([0-9]*\): \([a-z]*\) .*/\1 \2/' "$T/out" > "$T/order"
printf '%s the\n%s uuid\n%s uuid\n' $((n - 1)) $((n - 1)) "$n" | cmp -s - "$T/order" ||
	fail "order: $(cat "$T/out")"

# A draft for an intervention nobody created (sealed, so only the meaning is wrong).
cp "$S" "$T/draft.gavel"
echo "cmd 2017-05-12T11:00:00 0d8a3c4e-7a0b-4b7e-9f8e-1c2d3e4f5a6b draft #9c1e5a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b ghost" >> "$T/draft.gavel"
"$GAVEL_BIN" check --accept -q "$T/draft.gavel" > "$T/out"; [ $? -eq 1 ] || fail "draft for nobody passed"
last=$(wc -l < "$T/draft.gavel")
grep -q "^$T/draft.gavel:$last: draft for an intervention that does not exist" "$T/out" || fail "draft: $(cat "$T/out")"

# The cmd+ lines of the roster unit deleted from the middle of the file.
cp "$S" "$T/unit.gavel"
unit=$(grep -n '^cmd:[0-9]* ' "$T/unit.gavel" | head -n 1 | cut -d: -f1)
sed -i '/^cmd+ /d' "$T/unit.gavel"
"$GAVEL_BIN" check "$T/unit.gavel" > "$T/out"; [ $? -eq 1 ] || fail "a unit without its lines passed"
grep -q "^$T/unit.gavel:$unit: cmd:[0-9]* announces [0-9]* cmd+ lines, 0 follow" "$T/out" || fail "unit: $(cat "$T/out")"
echo "set place Rome" | "$GAVEL_BIN" exec "$T/unit.gavel" 2> "$T/err"; [ $? -eq 1 ] || fail "damaged file written"

# One changed letter in a note; then accepted as a deliberate edit.
cp "$S" "$T/edit.gavel"
chmod 0640 "$T/edit.gavel"
line=$(grep -n 'France supports the text' "$T/edit.gavel" | cut -d: -f1)
sed -i 's/France supports the text/France supports the test/' "$T/edit.gavel"
"$GAVEL_BIN" check "$T/edit.gavel" > "$T/out"; [ $? -eq 1 ] || fail "a changed letter passed"
grep -q "^$T/edit.gavel:$line: checksum mismatch" "$T/out" || fail "edit: $(cat "$T/out")"
"$GAVEL_BIN" show "$T/edit.gavel" > /dev/null 2> "$T/err"
grep -q ":$line: checksum mismatch" "$T/err" || fail "show did not report it"
echo "set place Rome" | "$GAVEL_BIN" exec "$T/edit.gavel" 2> "$T/err"; [ $? -eq 1 ] || fail "exec wrote a damaged file"
grep -q "read-only" "$T/err" || fail "exec: $(cat "$T/err")"
"$GAVEL_BIN" check --accept "$T/edit.gavel" > "$T/out" || fail "accept: $(cat "$T/out")"
grep -q "1 line sealed" "$T/out" || fail "accept: $(cat "$T/out")"
"$GAVEL_BIN" show "$T/edit.gavel" | grep -q "supports the test" || fail "the edit was not kept"
[ "$(stat -c %a "$T/edit.gavel")" = 640 ] || fail "accept changed the mode: $(stat -c %a "$T/edit.gavel")"
echo "set place Rome" | "$GAVEL_BIN" exec "$T/edit.gavel" || fail "exec after accept"
echo ok
