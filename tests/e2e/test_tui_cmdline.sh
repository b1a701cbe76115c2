# The `:` line: a refused command shows its reason and comes back with Up to
# be fixed; tab completion; history; a good command runs.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type ":"
e2e_type "item 1"
e2e_keys Enter
e2e_expect "item 1 Adoption" ":item 1 did not take up the item"
e2e_type ":"
e2e_type "floor XX"
e2e_keys Enter
# The reason is drawn on the message line; only the refusal puts it there
# (the typed "XX" is on the : line itself).
e2e_wait_for "unknown delegation 'XX'" || e2e_fail "the refusal does not give its reason"
e2e_screen | grep -v "^:" | grep -qF "unknown delegation 'XX'" ||
	e2e_fail "the reason is not on the message line"
e2e_type ":"
e2e_keys Up
e2e_expect ":floor XX" "Up did not bring the refused line back"
# Fix it in place: erase XX, complete a code with Tab.
e2e_keys BSpace BSpace
e2e_type "pl"
e2e_keys Tab
e2e_expect ":floor PL" "Tab did not complete pl to PL"
e2e_keys Enter
e2e_expect "Queue (1)" "the fixed command did not run"
# History brings the last line back.
e2e_type ":"
e2e_keys Up
e2e_expect ":floor PL" "Up did not recall the last command"
e2e_keys Escape
e2e_type ":"
e2e_type "quit"
e2e_keys Enter
e2e_wait_exit 0 || e2e_fail ":quit did not leave"
