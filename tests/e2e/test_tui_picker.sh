# The picker's behaviour is on its footer, and queueing one delegation is one
# Enter: the README's sequence (a, Fran, Enter, then a again) queues France
# and opens a new picker instead of typing into the old one.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_keys "]"
e2e_expect "item 1 Adoption"
e2e_type "a"
e2e_expect "Ask for the floor"
e2e_expect "Enter queue, close" "the footer does not say Enter closes"
e2e_expect "Tab queue, then another" "the footer does not say how to queue several"
e2e_type "Fran"
e2e_keys Enter
e2e_expect "Queue (1)" "France was not queued"
e2e_wait_gone "Ask for the floor" || e2e_fail "one Enter did not close the picker"
e2e_type "a"
e2e_expect "Ask for the floor" "a did not open a new picker"
e2e_type "Ελλ"
e2e_keys Enter
e2e_expect "Queue (2)" "Greece was not queued"
e2e_screen | grep -q "no delegation matches" && e2e_fail "typed into the old picker"
e2e_expect "EL  Greece" "Greece not in the queue"
exit 0
