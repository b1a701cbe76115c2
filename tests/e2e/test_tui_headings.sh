# A heading that is no agenda item (item add ... kind heading) is stepped
# over by ]: from item 1, ] takes up item 2, not the heading under item 1.
# The item review (v) lists group paragraphs and item paragraphs among the
# interventions, each with its short reference.
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
e2e_keys g
e2e_type "FR"
e2e_keys Enter
e2e_expect "has the floor" "FR did not get the floor"
e2e_keys Escape
e2e_wait_for "Esc leave notes" 1 && e2e_keys Escape
e2e_keys :
e2e_type 'group "several delegations" BE CZ: supported the text'
e2e_keys Enter
e2e_keys :
e2e_type "paragraph Delegations were invited to send written comments."
e2e_keys Enter
e2e_keys Escape
e2e_keys v
e2e_expect "group: several delegations" "the review does not list the group paragraph"
e2e_expect "were invited to send written" "the review does not list the item paragraph"
e2e_screen | grep -q '^│ \[[0-9a-f]\{7,\}\] paragraph' || e2e_fail "no short reference before the paragraph"
e2e_keys Escape
e2e_keys e
e2e_expect "Nobody has the floor" "e did not end the intervention"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit"
