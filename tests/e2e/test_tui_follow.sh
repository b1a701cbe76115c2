# `gavel follow` beside a writer: it shows the meeting read-only and picks up
# a new speaker within a second or so.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 100 30 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_type ":"
e2e_type "floor SE FI"
e2e_keys Enter
e2e_expect "Queue (2)"

e2e_start_in follower 100 30 follow "$SESSION"
e2e_expect "FOLLOWING" "the follower does not say it follows"
e2e_expect "Queue (2)" "the follower does not show the queue"
e2e_expect "Nobody has the floor" "the follower shows a speaker"
e2e_screen | grep -qF "▶ SE" && e2e_fail "SE has the floor before the writer gave it"

e2e_use main
e2e_type "n"
e2e_expect "has the floor since"

e2e_use follower
# Who has the floor: "▶ SE" heads the floor pane only once SE speaks (the
# queue marks its next speaker with "▸", and SE was in the queue before).
e2e_wait_for "▶ SE  Sweden" 3 || e2e_fail "the follower did not see SE take the floor"
e2e_expect "has the floor since" "the follower does not say SE has the floor"
e2e_expect "Queue (1)" "the follower did not see the queue shrink"

# An undo in the writer: the follower replays the appended line and is back.
e2e_use main
e2e_keys Escape
e2e_type "u"
e2e_expect "undid" "the writer did not undo"
e2e_use follower
e2e_wait_for "Queue (2)" 2 || e2e_fail "the follower did not see the undo"
e2e_use main
e2e_type "r"
e2e_expect "redid" "the writer did not redo"
e2e_use follower
e2e_wait_for "Queue (1)" 2 || e2e_fail "the follower did not see the redo"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "follower quit"
e2e_use main
e2e_keys Escape q
e2e_expect "Quit anyway?"
e2e_type "y"
e2e_wait_exit 0 || e2e_fail "writer quit"
