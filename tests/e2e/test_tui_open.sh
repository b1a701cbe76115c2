# `gavel` alone opens the home screen: on an empty archive it says so and n
# starts a session (Enter takes the demo agenda), shown on the live screen
# for writing; quitting the meeting comes back home. `gavel SESSION` opens
# the same one again; the next `gavel` lists it on top as today's, Enter
# opens it for writing. n also copies a past session's agenda and roster,
# and a bad agenda file makes nothing.
. tests/e2e/lib.sh
e2e_start 80 24
e2e_expect "the archive is empty: n starts a session" "the empty home screen says nothing"
e2e_keys n
e2e_expect "new session: agenda file" "n asks for no agenda"
e2e_keys Enter
e2e_expect "Horizontal Working Party" "the demo meeting is not shown"
e2e_expect "Adoption of the agenda" "the agenda is not shown"
e2e_expect "Queue (0)" "the floor pane is not shown"
e2e_expect "saved" "the new session is not open for writing"
e2e_keys q
e2e_expect "back from" "quitting the meeting did not come back home"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit did not exit 0"
session=$(ls "$XDG_DATA_HOME"/gavel/sessions/*.gavel 2>/dev/null | head -n 1)
[ -f "$session" ] || e2e_fail "no session file was created"
case "$session" in */$(date +%Y-%m-%d)-*) ;; *) e2e_fail "not dated today: $session" ;; esac
e2e_start_in again 80 24 "$session"
e2e_expect "Adoption of the agenda" "reopening by path failed"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "second quit"
# It is today's meeting now: on top, marked, and Enter opens it for writing.
e2e_start_in alone 80 24
e2e_expect "today: Horizontal" "today's session is not marked"
e2e_screen | grep -A3 "items  spoke" | sed -n 2p | grep -q "today: " || e2e_fail "today's session is not on top"
e2e_keys Enter
e2e_expect "Adoption of the agenda" "Enter did not open today's session"
e2e_expect "saved" "today's session opened read-only"
e2e_keys q
e2e_expect "back from"
# n with an empty answer: a copy of the selected session's agenda and roster
e2e_keys n Enter
e2e_expect "Adoption of the agenda" "the copy is not shown"
e2e_keys q
e2e_expect "back from"
n=$(ls "$XDG_DATA_HOME"/gavel/sessions/*.gavel | wc -l)
[ "$n" -eq 2 ] || e2e_fail "no copy made ($n files)"
copy=$(ls -t "$XDG_DATA_HOME"/gavel/sessions/*.gavel | head -n 1)
"$GAVEL_BIN" show "$copy" | grep -q "Joint EU Diplomatic Response" || e2e_fail "the copy lacks the agenda"
"$GAVEL_BIN" show "$copy" | grep -q "Roster: *eu28-2017" || e2e_fail "the copy lacks the roster"
# a bad agenda file: a message, no session
e2e_keys n
e2e_type "/nonexistent/agenda.ini"
e2e_keys Enter
e2e_expect "no session made:" "a bad agenda was not reported"
[ "$(ls "$XDG_DATA_HOME"/gavel/sessions/*.gavel | wc -l)" -eq 2 ] || e2e_fail "a session was made from a bad agenda"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "third quit"
exit 0
