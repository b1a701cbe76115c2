# The record keys open small forms instead of `:` templates: a choice from a
# list, a date shown resolved as it is typed, a delegation found as it is
# typed. Each form builds one command line and runs it like the `:` line;
# Esc cancels. The journal gets exactly the commands the forms built.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_keys "]"
e2e_type ":floor FR DE"; e2e_keys Enter
e2e_keys n
e2e_expect "has the floor"
e2e_keys Escape

# Position: the speaker's, the stance from the list by its first letter.
e2e_keys p
e2e_expect "Position on item 1" "p did not open the position form"
e2e_expect "6  asks" "the stances are not listed"
e2e_keys s
e2e_expect ":pos FR supports" "the form does not show the line it builds"
e2e_type "with a reservation on the title"
e2e_keys Enter
e2e_expect "pos FR supports with a reservation on the title" "the position was not recorded"

# Outcome: status from the list, then the text.
e2e_keys o
e2e_expect "Outcome of item 1"
e2e_keys a
e2e_type "The agenda was adopted."
e2e_keys Enter
e2e_expect "outcome agreed The agenda was adopted." "the outcome was not recorded"

# Deadline: the date resolved as it is typed, a wrong date refused in place.
e2e_keys d
e2e_expect "Deadline on item 1"
e2e_type "31 Mai"
e2e_keys Enter
e2e_expect "not a date" "a wrong date was not refused in the form"
e2e_keys BSpace BSpace
e2e_type "ay"
e2e_expect "31 May 2017 (2017-05-31)" "the date is not shown resolved"
e2e_keys Enter
e2e_type "written comments on WK 4977/17"
e2e_keys Enter
e2e_expect "PRES Presidency (Enter)" "the deadline is not set by the Presidency by default"
e2e_keys Enter
e2e_expect "deadline 2017-05-31 by PRES" "the deadline was not recorded"

# Reservation: the speaker's, type and state from lists.
e2e_keys x
e2e_expect "Reservation on item 1"
e2e_keys p e Enter
e2e_expect "reserve FR parliamentary" "the reservation was not recorded"

# A document presented by the speaker.
e2e_keys D
e2e_expect "FR presents a document"
e2e_type "WK 4977/17 INIT"
e2e_keys Enter
e2e_expect "presents WK 4977/17 INIT" "the document was not recorded"

# Action: for the speaker, due on a date, what.
e2e_keys c
e2e_expect "Action point on item 1"
e2e_keys Enter
e2e_type "31/05"
e2e_keys Enter
e2e_type "circulate the revised text"
e2e_keys Enter
e2e_expect "action FR 2017-05-31 circulate the revised text" "the action was not recorded"

# Item add: title, parent, kind, requested by (found as typed), documents.
e2e_keys A
e2e_expect "Add an agenda item"
e2e_type "Tallinn Manual 2.0"
e2e_keys Enter
e2e_type "6"
e2e_expect "= AOB" "the parent item is not shown"
e2e_keys Enter
e2e_keys 2
e2e_type "Eest"
e2e_expect "EE Estonia" "requested by does not find the delegation by name"
e2e_keys Enter
e2e_type "WK 1234/17 INIT"
e2e_keys Enter
e2e_expect "Tallinn Manual 2.0" "the item was not added"

# Esc cancels: nothing is recorded.
e2e_keys o
e2e_expect "Outcome of item 1"
e2e_keys n
e2e_keys Escape
e2e_expect "cancelled" "Esc did not cancel"
e2e_keys q
e2e_expect "Quit anyway"
e2e_keys y
e2e_wait_exit 0 || e2e_fail "did not leave"

"$GAVEL_BIN" show "$SESSION" > "$E2E_DIR/show" || e2e_fail "show failed"
j=$(cat "$SESSION")
for want in "pos FR supports with a reservation on the title" "outcome agreed The agenda was adopted." \
	"deadline 2017-05-31 by PRES for all written comments on WK 4977/17" "reserve FR parliamentary" \
	'presents "WK 4977/17 INIT"' "action FR 2017-05-31 circulate the revised text" \
	'item add "Tallinn Manual 2.0" under' 'doc "WK 1234/17 INIT" kind info requested EE'; do
	printf '%s\n' "$j" | grep -qF -- "$want" || e2e_fail "the journal lacks: $want"
done
printf '%s\n' "$j" | grep -q "outcome noted" && e2e_fail "the cancelled form recorded something"
exit 0
