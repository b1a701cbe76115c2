# Typing redraws only the rows of the notes that changed: a note that wraps
# over three rows and is cut back to one leaves the two rows below it blank,
# the frame and its title stay whole, and what is typed next lands on the
# first row.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_expect "Queue (0)"
e2e_type ":floor LU"
e2e_keys Enter
e2e_type "n"
e2e_expect "has the floor since"
e2e_type "firstrow words ROWONE then more words to fill the line ROWTWO and more words to wrap again ROWTHREE"
e2e_expect "ROWTHREE" "the third row was not typed"
# The note wraps: ROWTHREE sits two rows below ROWONE.
one=$(e2e_screen | grep -n "ROWONE" | cut -d: -f1)
three=$(e2e_screen | grep -n "ROWTHREE" | cut -d: -f1)
[ -n "$one" ] && [ -n "$three" ] && [ "$three" -ge $((one + 2)) ] || e2e_fail "the note does not wrap over three rows"
i=0
while [ $i -lt 15 ]; do
	e2e_keys C-w
	i=$((i + 1))
done
e2e_wait_gone "ROWTHREE" || e2e_fail "a deleted row stays on screen"
e2e_wait_gone "ROWTWO" || e2e_fail "a deleted row stays on screen"
e2e_expect "ROWONE" "the first row went too"
e2e_type "END"
e2e_expect "ROWONE END" "what is typed after the cut is not on the first row"
# Nothing left below the first row of the notes, and the frame is whole.
below=$(e2e_screen | sed -n "$((one + 1)),$((one + 3))p" | sed 's/^.*│\(.*\)│$/\1/' | tr -d ' \n')
[ -z "$below" ] || e2e_fail "rows below the note are not blank: $below"
e2e_screen | grep -q "┌─ Notes \*  LU" || e2e_fail "the notes frame lost its title"
e2e_keys Escape
e2e_type "q"
e2e_expect "Quit anyway"
e2e_type "y"
e2e_wait_exit 0 || e2e_fail "quit"
