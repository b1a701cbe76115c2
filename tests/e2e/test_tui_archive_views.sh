# The archive's views on the live screen: the delegation view (this meeting,
# then Tab: across the archive) from the picker and the roster, and on the
# home screen the dossier view, the reservations board (a: lifted ones too)
# and the help generated from the home screen's key table.
. tests/e2e/lib.sh
T=$E2E_DIR
fail() { e2e_fail "$*"; }
. tests/cli/archive_gen.sh
gen_archive
E2E_ENV="SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH GAVEL_DATADIR=$GAVEL_DATADIR"

# --- the delegation view, in a meeting ------------------------------------
e2e_start_in meeting 80 24 "$S3"
e2e_expect "Implementing guidelines"
e2e_keys V
e2e_expect "Delegation view of" "V opens no picker"
e2e_type "EL"
e2e_keys Enter
e2e_expect "EL in this meeting" "no delegation view"
e2e_expect "position: concerns: about the timing" "this meeting's position"
e2e_screen | grep -q "supports" && e2e_fail "another meeting's record in 'this meeting'"
e2e_keys Tab
e2e_expect "EL across the archive" "Tab did not widen to the archive"
e2e_expect "position: supports: the approach" "the archive's position"
e2e_expect "Η Ελλάδα στηρίζει την εργαλειοθήκη." "the archive's intervention"
e2e_screen > "$T/el"
[ "$(grep -n '2017-05-12' "$T/el" | head -n1 | cut -d: -f1)" -lt "$(grep -n '2017-06-12' "$T/el" | head -n1 | cut -d: -f1)" ] ||
	e2e_fail "meetings not oldest first"
e2e_keys Escape
e2e_wait_gone "EL across the archive" || e2e_fail "Esc did not close the view"
# from the roster overlay
e2e_keys R
e2e_expect "Roster"
e2e_keys V
e2e_expect "Delegation view of" "V in the roster opens no picker"
e2e_type "DE"
e2e_keys Enter
e2e_expect "DE in this meeting"
e2e_expect "reservation: scrutiny (entered)" "DE's reservation"
e2e_keys Escape q
e2e_expect "Quit anyway?"
e2e_keys y
e2e_wait_exit 0 || e2e_fail "the meeting did not quit"

# --- the dossier view and the reservations board, from home ---------------
e2e_start 80 24
e2e_expect "Sessions (7)"
e2e_keys d
e2e_expect "dossier NAME or document REF:"
e2e_type "7923/1/17 REV 1"
e2e_keys Enter
# the same document in another revision: one dossier, tagged in S2
e2e_expect "Dossier: Cyber toolbox (3 items)" "no dossier view"
e2e_expect "2017-06-12  Horizontal Working Party on Cyber Issues  1 Implementing guid"
e2e_expect "EL       concerns   2017-06-12  about the timing" "latest position"
e2e_keys End
e2e_expect "Standing reservations"
e2e_expect "DE       scrutiny      entered 2017-05-12, last 2017-06-12" "standing reservation"
e2e_screen | grep -q "PL  *general" && e2e_fail "a lifted reservation shown standing"
e2e_keys Escape d
e2e_type "nothing-such"
e2e_keys Enter
e2e_expect "no dossier or document 'nothing-such'"
e2e_keys r
e2e_expect "Reservations: standing" "no reservations board"
e2e_screen > "$T/board"
grep -q "IT       parliamentary  standing" "$T/board" || e2e_fail "IT reservation"
grep -q "entered 2017-05-12, maintained 2017-06-12" "$T/board" || e2e_fail "maintained"
grep -q "DE       substantive    standing" "$T/board" || e2e_fail "DE substantive"
grep -q "PL" "$T/board" && e2e_fail "a lifted reservation on the standing board"
e2e_keys a
e2e_expect "Reservations: all" "a did not show the lifted ones"
e2e_expect "PL       general        lifted" "the lifted reservation"
e2e_keys Escape
# the help: generated from the key table, every view's keys
e2e_keys "?"
e2e_expect "Keys of the home screen"
e2e_screen > "$T/help"
e2e_keys PgDn
sleep 0.2
e2e_screen >> "$T/help"
e2e_keys End
sleep 0.2
e2e_screen >> "$T/help"
for k in "mark the selected action done" "filter the sessions as you type" "next and previous hit" \
	"reservations board" "dossier view" "delegation view" "the whole board: lifted" "Esc q  *back to the sessions"; do
	grep -q "$k" "$T/help" || e2e_fail "the help lacks '$k'"
done
e2e_keys Escape
e2e_expect "Sessions (7)" "Esc did not leave the help"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "q did not leave"
exit 0
