# `gavel` alone on an archive: the home screen lists the sessions newest
# first with their counts and problems, filters as you type (body, date,
# title words, accents ignored), opens a past meeting read-only, and marks
# an action done in its own session (refused while a copy makes the id
# ambiguous, and while a live gavel holds the session).
. tests/e2e/lib.sh
T=$E2E_DIR
fail() { e2e_fail "$*"; }
. tests/cli/archive_gen.sh
gen_archive
E2E_ENV="SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH GAVEL_DATADIR=$GAVEL_DATADIR"
e2e_start 80 24
e2e_expect "Sessions (7), newest first" "no home screen"
e2e_screen > "$T/home"
# newest first, with items, interventions and open actions
grep -q "2018-01-10  Horizontal Working Party on Cyber Issues  *1  *1  *0 " "$T/home" || e2e_fail "S4 row"
[ "$(grep -n '^│2018-01-12' "$T/home" | cut -d: -f1)" -lt "$(grep -n '^│2016-11-20' "$T/home" | cut -d: -f1)" ] ||
	e2e_fail "not newest first"
grep -q "!! notes.gavel:1: not a gavel session" "$T/home" || e2e_fail "the foreign file's problem is not shown"
grep -q "2017-05-12  ! Horizontal" "$T/home" || e2e_fail "the damaged copy is not marked"
# open actions beside: overdue first
grep -A1 "Open actions and deadlines" "$T/home" | grep -q "OVERDUE 2016-12-15 NL *circulate the roaming" ||
	e2e_fail "overdue not first"
grep -q "3 overdue" "$T/home" || e2e_fail "overdue count"

# The filter, as you type: a title word (not in any body), then a body
# typed with accents it does not have.
e2e_type "f"
e2e_type "roaming"
e2e_expect "Sessions 1 of 7  filter: roaming" "title filter"
e2e_screen | grep -q "^│2016-11-20" || e2e_fail "the roaming meeting is not kept"
e2e_screen | grep -q "^│2018-01-10" && e2e_fail "the filter kept a meeting without the word"
e2e_keys C-u
e2e_type "TÉLÉCOMMUNICATIONS"
e2e_expect "Sessions 2 of 7" "accent-insensitive body filter"
e2e_keys C-u
e2e_type "2017-06"
e2e_expect "Sessions 1 of 7" "date filter"
e2e_keys Enter
# Enter opens it: a past meeting, read-only, and it says why
e2e_keys Enter
e2e_expect "READ-ONLY" "a past meeting did not open read-only"
e2e_expect "a past meeting opens read-only" "no reason given"
e2e_expect "Implementing guidelines"
e2e_keys a
e2e_expect "read-only:" "a writing key was not refused"
e2e_keys q
e2e_expect "back from 2017-06-12" "quitting the meeting did not come back home"
e2e_keys Escape
e2e_expect "Sessions (7)" "Esc did not clear the filter"

# Mark done: the FR action, whose id the damaged copy holds too.
e2e_keys Tab Down
e2e_keys x
e2e_expect "is in 2 sessions" "an ambiguous id was not refused"
rm "$(dirname "$S1")/2017-09-01-corrupt.gavel"
e2e_keys x
e2e_expect "done: FR send written comments" "x did not mark the action done"
tail -n 1 "$S2" | grep -Eq " done [0-9a-f-]{36}( [0-9a-f]{8})?$" || e2e_fail "done not journaled in S2: $(tail -n 1 "$S2")"
"$GAVEL_BIN" show "$S2" | grep -q "\] done FR by 2017-06-01: send written comments" ||
	e2e_fail "gavel show does not show it done: $("$GAVEL_BIN" show "$S2" | grep -i written)"
e2e_expect "Open actions and deadlines (3, 1 overdue)" "the list was not read again"

# A session a live gavel holds: refused, and nothing written.
gen_lock
e2e_keys Home Down x
e2e_expect "not done:" "done on a locked session was not refused"
e2e_screen | grep -q "another gavel" || e2e_fail "the refusal does not say why"
grep -q " done " "$S5" && e2e_fail "done written into a locked session"
gen_unlock
e2e_keys q
e2e_wait_exit 0 || e2e_fail "q did not leave"
exit 0
