# Quitting asks while someone has the floor; reopening shows the same state
# (item, speaker, queue, note); a second gavel on the same file is read-only.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 100 30 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_type ":"
e2e_type "floor DE PL IT"
e2e_keys Enter
e2e_expect "Queue (3)"
e2e_type "n"
e2e_expect "has the floor since"
e2e_type "Zusammenarbeit, ça va"
e2e_expect "ça va"

# A second gavel on the same session gets the read-only view, with the reason.
e2e_start_in second 100 30 "$SESSION"
e2e_expect "READ-ONLY" "the second instance is not read-only"
e2e_expect "read-only:" "no reason shown"
e2e_expect "Queue (2)" "the second instance does not show the queue"
# The start-up message already says "read-only:": replace it first, so that
# only the refusals below can bring it back.
e2e_type "z"
e2e_wait_gone "read-only:" || e2e_fail "an unbound key did not replace the message"
e2e_type "t"
e2e_expect "read-only:" "t (tour) was not refused"
e2e_expect "Queue (2)" "t changed the queue in the read-only view"
e2e_screen | grep -q "Queue (2)" || e2e_fail "t changed the queue in the read-only view"
# The same command typed on the : line is refused by the same guard.
e2e_type "z"
e2e_wait_gone "read-only:" || e2e_fail "an unbound key did not replace the message"
e2e_type ":"
e2e_type "tour"
e2e_keys Enter
e2e_expect "read-only:" ":tour was not refused"
e2e_keys Escape
e2e_screen | grep -q "Queue (2)" || e2e_fail ":tour changed the queue in the read-only view"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "second quit"

e2e_use main
e2e_keys Escape
e2e_type "q"
e2e_expect "Quit anyway?" "quit did not ask while DE has the floor"
e2e_type "n"
e2e_wait_gone "Quit anyway?" || e2e_fail "n did not cancel"
e2e_type "q"
e2e_expect "Quit anyway?"
e2e_type "y"
e2e_wait_exit 0 || e2e_fail "quit"

e2e_start_in third 100 30 "$SESSION"
e2e_expect "item 1 Adoption" "reopened: the item is not current"
e2e_expect "DE  Germany" "reopened: DE does not have the floor"
e2e_expect "Queue (2)" "reopened: the queue changed"
e2e_expect "Zusammenarbeit, ça va" "reopened: the note is lost"
e2e_screen | grep -q "READ-ONLY" && e2e_fail "reopened read-only after a clean quit"
e2e_keys Escape q
e2e_expect "Quit anyway?"
e2e_type "y"
e2e_wait_exit 0 || e2e_fail "third quit"
