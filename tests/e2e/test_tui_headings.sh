# A heading that is no agenda item (item add ... kind heading) is stepped
# over by ]: from item 1, ] takes up item 2, not the heading under item 1.
. tests/e2e/lib.sh
s=$("$GAVEL_BIN" new --date 2017-05-12 --title "Working Party on Headings" 2>"$E2E_DIR/new.err") ||
	e2e_fail "new: $(cat "$E2E_DIR/new.err")"
"$GAVEL_BIN" exec "$s" -f - >"$E2E_DIR/exec.out" 2>&1 <<'GVS' || e2e_fail "exec: $(cat "$E2E_DIR/exec.out")"
roster eu27
item add "Opening of the meeting"
item add "Discussion on CFSP and CSDP" under 1 kind heading
item add "Second item on the agenda"
GVS
e2e_start 80 24 "$s"
e2e_expect "Opening of the meeting" "the agenda is not shown"
e2e_keys "]"
e2e_expect "item 1 Opening" "] did not take up item 1"
e2e_keys "]"
e2e_expect "item 2 Second item" "] did not step over the heading to item 2"
e2e_screen | grep -q "item .*Discussion on CFSP" && e2e_fail "the heading was taken up"
e2e_keys "["
e2e_expect "item 1 Opening" "[ did not step back over the heading to item 1"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit"
