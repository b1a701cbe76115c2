# Read-only: the hints, the panes and the help offer only what works for a
# reader (no "take up an item", no writing keys, no : line section).
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 --read-only "$SESSION"
e2e_expect "READ-ONLY"
e2e_expect "Adoption of the agenda"
for bad in "take up" "takes up" "a ask" "A add"; do
	e2e_screen | grep -qi -- "$bad" && e2e_fail "the read-only screen offers '$bad'"
done
e2e_keys "?"
e2e_expect "Keys"
e2e_expect "read-only:" "the help does not say it is read-only"
# Every page of the help: no writing key is listed.
: > "$E2E_DIR/help"
i=0
while [ $i -lt 6 ]; do
	e2e_screen >> "$E2E_DIR/help"
	e2e_keys PgDn
	sleep 0.2
	i=$((i + 1))
done
for bad in "ask for the floor" "the next speaker" "outcome of the item" "deadline:" "undo the last" \
	"take up the next agenda item" "any command of the language" "The : line" "Typing notes"; do
	grep -q -- "$bad" "$E2E_DIR/help" && e2e_fail "the read-only help lists '$bad'"
done
grep -q " review " "$E2E_DIR/help" || e2e_fail "the help lost the reading keys"
grep -q "read the record of the selected item" "$E2E_DIR/help" || e2e_fail "Enter is not described as a reader's key"
exit 0
