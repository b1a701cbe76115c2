# Resizing: 60x15 still shows the meeting, a tiny terminal asks to be
# enlarged (never a crash), and back to 80x24 everything returns.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_expect "item 1 Adoption"
e2e_resize 60 15
e2e_expect "Queue (0)" "60x15: the floor pane is gone"
e2e_expect "Agenda" "60x15: the agenda pane is gone"
e2e_resize 20 6
e2e_expect "enlarge" "20x6: no enlarge message"
e2e_resize 10 3
e2e_expect "enlarge" "10x3: no enlarge message"
e2e_resize 80 24
e2e_expect "Adoption of the agenda" "80x24: the agenda did not come back"
e2e_expect "Queue (0)" "80x24: the floor did not come back"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit after resizing"
