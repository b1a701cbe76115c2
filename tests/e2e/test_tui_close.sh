# A key closes the meeting: it asks first, records the end through the
# command language (`close`), and the Meeting pane says "ended HH:MM".
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_keys "]"
e2e_type ":floor FR"; e2e_keys Enter
e2e_keys n
e2e_expect "has the floor"
e2e_keys Escape
e2e_expect "running"
# No: nothing happens.
e2e_keys C
e2e_expect "Close the meeting at" "C did not ask first"
e2e_expect "ending FR" "the question does not say the speaker's intervention ends"
e2e_keys n
e2e_expect "not done: close"
e2e_screen | grep -q "ended" && e2e_fail "closed although the answer was no"
# Yes: closed.
e2e_keys C
e2e_expect "Close the meeting at"
e2e_keys y
e2e_expect "ended" "the Meeting pane does not say the meeting ended"
e2e_screen | grep -q "started [0-9:]*, ended [0-9][0-9]:[0-9][0-9]" || e2e_fail "no 'ended HH:MM'"
e2e_screen | grep -q "▶ FR" && e2e_fail "the speaker still has the floor"
e2e_expect "The meeting was closed at" "the floor pane does not say the meeting is closed"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "did not leave"
grep -Eq "^cmd [^ ]+ [^ ]+ close( [0-9a-f]{8})?$" "$SESSION" || e2e_fail "close is not in the journal"
# Reopened read-only later: still ended, never "running".
e2e_start_in ro 80 24 --read-only "$SESSION"
e2e_expect "ended" "the read-only view does not say ended"
e2e_screen | grep -q "running" && e2e_fail "the read-only view says running"
exit 0
