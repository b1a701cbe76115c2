# Recording on a past item (selected on the agenda) does not take it up
# again: the current item, the floor and the time the past item was taken up
# stay; the record goes through `on NUM`.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_keys "]"
e2e_expect "item 1 Adoption"
e2e_keys "]"
e2e_expect "item 2 Information"
e2e_type ":floor DE"; e2e_keys Enter
e2e_keys n
e2e_expect "has the floor"
e2e_keys Escape
# To the agenda, up to item 1, and its outcome.
e2e_keys BTab
e2e_expect "Agenda *" "S-Tab did not reach the agenda"
e2e_keys k
e2e_keys o
e2e_expect "Outcome of item 1" "the outcome form is not for the selected item"
e2e_keys a
e2e_type "The agenda was adopted."
e2e_keys Enter
e2e_expect "outcome agreed The agenda was adopted." "the outcome was not recorded"
e2e_expect "item 2 Information" "the current item changed"
e2e_expect "has the floor" "the speaker lost the floor"
e2e_keys q
e2e_expect "Quit anyway"
e2e_keys y
e2e_wait_exit 0 || e2e_fail "did not leave"
n=$(grep -Ec "^cmd [^ ]+ [^ ]+ item [0-9a-f-]{36}( [0-9a-f]{8})?$" "$SESSION")
[ "$n" -eq 2 ] || e2e_fail "items were taken up $n times, not 2: item 1 was taken up again"
grep -Eq " on [0-9a-f-]{36} outcome agreed The agenda was adopted\.( [0-9a-f]{8})?$" "$SESSION" || e2e_fail "no 'on ITEM outcome' in the journal"
"$GAVEL_BIN" show "$SESSION" | grep -q "The agenda was adopted" || e2e_fail "show lacks the outcome"
exit 0
