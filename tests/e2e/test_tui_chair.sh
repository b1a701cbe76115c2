# What a chair ran into at the table: w and g ask whom instead of acting on
# the first in the queue (the name typed after them ran as keys); typing
# while the window is too small reaches the notes; the running intervention
# is not listed again under "Earlier on this item"; a long delegation name
# never pushes the speaking clock off the floor pane; two items added under
# AOB leave the meeting summary in view at 80x24; the roster's unit codes.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
show() { "$GAVEL_BIN" --read-only show "$SESSION" 2>&1; }
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_expect "item 1 Adoption" "] did not take up item 1"
# The HU and EE points added under AOB leave the meeting summary in view.
e2e_type ':item add "OSCE informal group" under 6 requested HU'
e2e_keys Enter
e2e_type ':item add "Tallinn Manual" under 6 requested EE'
e2e_keys Enter
e2e_expect "6.2 Tallinn Manual +EE" "the EE point is not on the agenda"
e2e_expect "0 of 12 items done" "the meeting summary went with two added items"
e2e_type "a"
e2e_expect "Ask for the floor"
for d in Eesti Deut Fran; do
	e2e_type "$d"
	e2e_keys Tab
done
e2e_expect "queued EE DE FR" "not all three queued"
e2e_keys Escape
e2e_expect "Queue (3)"

# w asks whom; the name typed picks DE, not the first in the queue.
e2e_type "w"
e2e_expect "Withdraw from the queue" "w did not ask whom"
e2e_expect "queued 3" "w withdrew at once"
e2e_type "Deut"
e2e_expect "Germany" "Deut does not find Germany"
e2e_keys Enter
e2e_expect "Queue (2)" "DE not withdrawn"
e2e_expect "EE  Estonia" "EE was withdrawn instead of DE"
e2e_wait_gone "DE  Germany" || e2e_fail "DE still queued"

# g asks whom too; Enter gives to the preselected (the floor's selection).
e2e_keys Down
e2e_type "g"
e2e_expect "Give the floor to" "g did not ask whom"
e2e_keys Enter
e2e_expect "FR  France" "g + Enter did not give the floor to the selected FR"
e2e_expect "has the floor since"
e2e_expect "Queue (1)"

# Out of the notes while FR speaks: the hints say how to get back in.
e2e_keys Escape
e2e_expect "i notes" "the hints do not offer the notes while someone speaks"
# w on an empty queue says so.
e2e_type "w"
e2e_keys Escape
e2e_type "n"
e2e_expect "Queue (0)"
e2e_keys Escape
e2e_type "w"
e2e_expect "nobody is in the queue" "w on an empty queue"

# Typing while the window is too small goes into the notes.
e2e_type "i"
e2e_type "before "
e2e_expect "before"
e2e_resize 20 6
e2e_expect "enlarge"
e2e_type "while small "
e2e_resize 200 60
e2e_expect "before while small" "what was typed at 20x6 is lost"

# At 200x60 the notes have "Earlier on this item": FR, not EE again.
e2e_expect "Earlier on this item"
e2e_screen | sed -n '/Earlier on this item/,$p' | grep -q " FR " || e2e_fail "FR not listed earlier"
e2e_screen | sed -n '/Earlier on this item/,$p' | grep -q " EE " && e2e_fail "the running EE is listed again"

# The projector: a long name must not push the clock off (COM at 80x24).
e2e_keys Escape
e2e_type "a"
e2e_type "COM"
e2e_expect "European Commission"
e2e_keys Enter Escape
e2e_type "n"
# EE's line said "has the floor since" already: wait for COM's own, so that
# the follower opens a file that holds the `next`.
e2e_expect "▶ COM"
e2e_start_in follow 80 24 follow "$SESSION"
e2e_expect "FOLLOWING"
e2e_screen | grep "COM  European Commission" | grep -q "[0-9]:[0-9][0-9]" || e2e_fail "the follow screen has no clock beside COM"
e2e_expect "Queue (0)  empty"
e2e_screen | grep -q "a: ask" && e2e_fail "the follow screen offers keys"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "follow quit"
e2e_use main
# The roster: a unit's code (COM/CNECT) does not run into its name.
e2e_keys Escape
e2e_type "R"
e2e_expect "Roster"
e2e_keys End
e2e_expect "COM/CNECT DG Connect" "the unit's code runs into its name"
e2e_expect "HAS THE FLOOR" "COM is not shown with the floor"
e2e_keys Escape
e2e_type "q"
e2e_expect "Quit anyway"
e2e_type "y"
e2e_wait_exit 0 || e2e_fail "quit"
show | grep -qF "before while small" || e2e_fail "the note typed while small is not in the journal"
