# What is recorded can be reached while typing: Tab goes from the notes to
# the item's record (interventions, positions, deadlines, actions), j/k move
# in it with the terminal cursor on the selected row, Enter is where a
# record is edited; from 120x40 the record stays in view beside the notes.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
"$GAVEL_BIN" exec "$SESSION" >/dev/null 2>"$E2E_DIR/exec.err" <<EOF2 || e2e_fail "exec: $(cat "$E2E_DIR/exec.err")"
item 1
give FR
note France supports the agenda
give DE
note Germany asks for a written procedure
pos FR supports
deadline 31 May written comments
action DE - circulate the text
give EL
EOF2
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_keys i
e2e_expect "Notes *"
e2e_type "Greece agrees"
# From the notes, Tab reaches the record without ending the intervention.
e2e_keys Tab
e2e_expect "Record of item 1 *" "Tab did not reach the item's record"
e2e_expect "France supports the agenda" "the earlier interventions are not listed"
e2e_expect "pos   FR      supports"
e2e_expect "deadline 31 May 2017"
e2e_expect "action DE"
e2e_expect "▶ EL" "the speaker lost the floor"
e2e_keys j
sleep 0.3
row=$(e2e_screen | grep -nF "Germany asks" | head -n 1 | cut -d: -f1)
cur=$(tmux -L "$E2E_SOCK" display-message -p -t e2e:main '#{cursor_y}')
[ "$cur" = $((row - 1)) ] || e2e_fail "the cursor is on row $cur, not on the selected record (row $((row - 1)))"
e2e_keys Enter
e2e_expect "cannot edit a record yet" "Enter on a record does nothing visible"
e2e_expect "Germany asks" "Enter did not name the selected record"
# Back to the notes: what was typed is still there.
e2e_keys Tab Tab Tab
e2e_expect "Notes *"
e2e_expect "Greece agrees" "the note being typed was lost"

# 120x40: the record beside the notes, without taking the focus.
e2e_keys Escape
e2e_resize 120 40
e2e_expect "Record of item 1" "at 120x40 the record is not beside the notes"
e2e_screen | grep "Record of item 1" | grep -q "Notes" || e2e_fail "the record is not beside the notes"
exit 0
