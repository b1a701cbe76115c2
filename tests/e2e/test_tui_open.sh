# `gavel` alone offers to create a session from the demo agenda, then shows
# it on the live screen; `gavel SESSION` opens the same one again.
. tests/e2e/lib.sh
e2e_start 80 24
e2e_expect "Create one from the demo agenda?" "no offer to create a session"
e2e_type "y"
e2e_keys Enter
e2e_expect "Horizontal Working Party" "the demo meeting is not shown"
e2e_expect "Adoption of the agenda" "the agenda is not shown"
e2e_expect "Queue (0)" "the floor pane is not shown"
e2e_expect "? help" "no key hints"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit did not exit 0"
session=$(ls "$XDG_DATA_HOME"/gavel/sessions/*.gavel 2>/dev/null | head -n 1)
[ -f "$session" ] || e2e_fail "no session file was created"
e2e_start_in again 80 24 "$session"
e2e_expect "Adoption of the agenda" "reopening by path failed"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "second quit"
# It is today's meeting now: `gavel` alone opens it without asking.
e2e_start_in alone 80 24
e2e_expect "Adoption of the agenda" "gavel alone did not reopen the demo session of today"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "third quit"
rm -f "$session"

# With a session of today, `gavel` alone opens it (the newest one) directly.
today=$("$GAVEL_BIN" new --title "Working Party on Today" 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start_in today 80 24
e2e_expect "Working Party on Today" "gavel alone did not open today's session"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "today quit"

# Declining the offer creates nothing and exits 0.
rm -f "$today"
XDG_DATA_HOME="$E2E_DIR/empty" ; export XDG_DATA_HOME
e2e_start_in decline 80 24
e2e_expect "Create one from the demo agenda?"
e2e_type "n"
e2e_keys Enter
e2e_wait_exit 0 || e2e_fail "declining did not exit 0"
[ -z "$(ls "$E2E_DIR/empty/gavel/sessions" 2>/dev/null)" ] || e2e_fail "a session was created after no"
