# A refused `:` line closes as in vim: the reason in the message line, `:`
# opens an empty line (nothing appended to the refused text), and Up brings
# the refused line back to be fixed.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_keys "]"
e2e_expect "Queue" "] did not take up item 1"
e2e_type ":floor no-such-code"
e2e_keys Enter
e2e_expect "unknown delegation" "no refusal"
e2e_screen | grep -q "^:floor no-such-code" && e2e_fail "the refused line stays open"
# `:` opens an empty line: the note runs on its own.
e2e_type ":note the agenda was adopted"
e2e_expect ":note the agenda was adopted"
e2e_screen | grep -q "no-such-code:note" && e2e_fail "the new line was appended to the refused one"
e2e_keys Enter
e2e_expect "note the agenda was adopted" "the note did not run"
e2e_screen | grep -q "unknown delegation\|unknown command" && e2e_fail "the note was refused"
# Up brings the refused line back for correction.
e2e_type ":"
e2e_keys Up Up
e2e_expect ":floor no-such-code" "Up did not bring the refused line back"
e2e_keys C-u
e2e_type "floor PL"
e2e_keys Enter
e2e_expect "Queue (1)" "the corrected line did not run"
