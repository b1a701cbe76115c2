# What is recorded can be reached while typing: Tab goes from the notes to
# the item's record (interventions, paragraphs, positions, deadlines,
# actions), j/k move in it with the terminal cursor on the selected row;
# Enter edits the selected record's text in the notes editor and Esc saves
# it (edit REF TEXT) while the speaker's own note waits; S corrects who
# spoke (speaker REF CODE, through the picker), K moves it up (move REF
# before REF), X deletes it after asking (delete REF). From 120x40 the
# record stays in view beside the notes.
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
e2e_expect "Editing " "Enter on a record does not open its text in the notes editor"
e2e_type " by June"
e2e_expect "(changed)"
e2e_keys Escape
e2e_expect "Record of item 1 *" "Esc did not go back to the record"
e2e_wait_for_show() {
	i=0
	while [ $i -lt 50 ]; do
		"$GAVEL_BIN" --read-only show "$SESSION" > "$E2E_DIR/show.txt" 2>&1
		grep -qF -- "$1" "$E2E_DIR/show.txt" && return 0
		sleep 0.1; i=$((i + 1))
	done
	cat "$E2E_DIR/show.txt"; e2e_fail "$2"
}
e2e_wait_for_show "Germany asks for a written procedure by June" "the edited text was not saved"
grep -q "Greece agrees" "$E2E_DIR/show.txt" || e2e_fail "the speaker's note was not kept while a record was edited"
# who spoke: S, a name, Enter
e2e_keys S
e2e_expect "Who it was" "S did not open the picker"
e2e_type "Austria"
e2e_keys Enter
e2e_wait_for_show "AT: Germany asks" "speaker REF CODE did not make AT the speaker of the record"
# K: one place up, before France
e2e_keys K
e2e_expect "move " "K did not move the record"
"$GAVEL_BIN" --read-only show "$SESSION" > "$E2E_DIR/show.txt" 2>&1
a=$(grep -n "Germany asks" "$E2E_DIR/show.txt" | head -n 1 | cut -d: -f1)
b=$(grep -n "France supports" "$E2E_DIR/show.txt" | head -n 1 | cut -d: -f1)
[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] || { cat "$E2E_DIR/show.txt"; e2e_fail "the moved record is not before France's"; }
# X asks, n keeps it, X and y deletes it
e2e_keys X
e2e_expect "(y/n)" "X did not ask first"
e2e_keys n
e2e_expect "not done: delete" "n did not keep the record"
e2e_keys X
e2e_expect "(y/n)"
e2e_keys y
i=0
while "$GAVEL_BIN" --read-only show "$SESSION" 2>&1 | grep -q "Germany asks"; do
	i=$((i + 1)); [ $i -lt 50 ] || e2e_fail "delete did not remove the record"; sleep 0.1
done
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
