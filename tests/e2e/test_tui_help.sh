# `?` shows the help generated from the key table; it closes again.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "?"
e2e_expect "Keys" "no help screen"
e2e_expect "tour de table" "the help does not list the tour"
e2e_expect "a F2" "the help does not show the keys of an action"
e2e_keys Escape
e2e_wait_gone "tour de table" || e2e_fail "help did not close"
e2e_keys F1
e2e_expect "tour de table" "F1 does not open the help"
e2e_keys q
e2e_wait_gone "tour de table" || e2e_fail "q did not close the help"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit"
