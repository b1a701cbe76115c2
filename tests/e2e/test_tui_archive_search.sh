# `/` searches the archive from the home screen and from a meeting: hits
# newest first with date, delegation, kind, item and body, the match marked
# in its context; n/N move between hits; Enter opens the hit's session
# read-only at its item, and a hit on an intervention with that very
# intervention selected in the item's record; from a meeting, Esc goes back
# to that meeting.
. tests/e2e/lib.sh
T=$E2E_DIR
fail() { e2e_fail "$*"; }
. tests/cli/archive_gen.sh
gen_archive
# S3's first item gets three more interventions, then the meeting moves on
# to a second item: the hit on Italy's is neither the first row of its item
# nor on the current item.
"$GAVEL_BIN" exec "$S3" > /dev/null <<-'X' || fail "exec S3"
	floor FR
	next
	note France asks for a timetable.
	floor IT
	next
	note L'Italia chiede un calendario preciso.
	floor ES
	next
	note Spain agrees with France.
	item add "Any other business"
	item 2
	floor SE
	next
	note Sweden on another matter.
	X
E2E_ENV="SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH GAVEL_DATADIR=$GAVEL_DATADIR"
e2e_start 80 24
e2e_expect "Sessions (7)"
e2e_type "/"
e2e_expect "search the archive:" "/ asks nothing"
e2e_type "securite"
e2e_keys Enter
e2e_expect "Search: 2 hits" "accent-insensitive search: not 2 hits"
e2e_screen > "$T/hits"
first=$(grep -n "2018-01-10  FR (said)  1 E-evidence  Horizontal" "$T/hits" | cut -d: -f1)
second=$(grep -n "2016-11-20  FR (said)  1 Roaming regulation" "$T/hits" | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] || e2e_fail "hits not newest first: $(cat "$T/hits")"
grep -q "La France demande une étude de sécurité." "$T/hits" || e2e_fail "no context"
# the match is marked: bold (or underlined) on the matching word only
tmux -L "$E2E_SOCK" capture-pane -e -p -t "e2e:$E2E_WIN" > "$T/hits.sgr"
grep "étude de" "$T/hits.sgr" | grep -q "étude de .\[[0-9;]*[14][0-9;]*msécurité" ||
	e2e_fail "the match is not marked: $(grep 'étude' "$T/hits.sgr" | od -c | head)"
e2e_keys n
e2e_expect "hit 2 of 2" "n did not move to the next hit"
e2e_keys n
e2e_expect "the last hit"
e2e_keys N
e2e_expect "hit 1 of 2" "N did not move back"
e2e_keys n Enter
e2e_expect "READ-ONLY" "the hit did not open read-only"
e2e_expect "Record of item 1 *" "the hit's item record is not open"
e2e_expect "Roaming regulation"
e2e_expect "a search hit opens read-only"
e2e_keys Escape q
e2e_expect "back from 2016-11-20" "no way back home"

# A hit on an intervention opens with that intervention selected in its
# item's record (the list has the focus, its row is the selected one).
e2e_type "/"
e2e_expect "search the archive:"
e2e_type "calendario"
e2e_keys Enter
e2e_expect "Search: 1 hit" "no hit on Italy's intervention"
e2e_screen | grep -q "2017-06-12  IT (said)  1 Implementing guidelines" || e2e_fail "the hit: $(e2e_screen)"
e2e_keys Enter
e2e_expect "READ-ONLY" "the hit did not open read-only"
e2e_expect "Record of item 1 *" "the hit's item record list does not have the focus"
e2e_screen > "$T/rec"
grep -q "Record of item 1 \*" "$T/rec" || e2e_fail "not item 1's record: $(cat "$T/rec")"
row=$(grep -n "IT      L'Italia chiede" "$T/rec" | cut -d: -f1)
[ -n "$row" ] || e2e_fail "Italy's intervention is not in view: $(cat "$T/rec")"
# the cursor sits on the selected row, and only that row is drawn selected
cy=$(tmux -L "$E2E_SOCK" display -p -t "e2e:$E2E_WIN" '#{cursor_y}')
[ "$((cy + 1))" = "$row" ] || e2e_fail "the selected row is $((cy + 1)), Italy's is $row: $(cat "$T/rec")"
# (selected: the mark in the row's first cell; France's row has none)
sel=$(sed -n "${row}p" "$T/rec" | grep -c "│█ *[0-9:]* *IT  ")
fr=$(grep "FR      France asks" "$T/rec" | grep -c "█")
[ "$sel" = 1 ] && [ "$fr" = 0 ] || e2e_fail "Italy's row is not the one marked selected: $(grep -E "(IT|FR)  " "$T/rec")"
e2e_keys q
e2e_expect "back from 2017-06-12" "no way back home"

# From a meeting being written: the hits, then Esc: the same meeting again.
e2e_start_in meeting 80 24 "$S4"
e2e_expect "E-evidence"
e2e_keys /
e2e_expect ":search" "/ did not open the search line"
e2e_type "toolbox"
e2e_keys Enter
e2e_expect "Search: 4 hits" "no hits from the meeting"
e2e_screen | grep -q "DE (action)  1 Cyber toolbox" || e2e_fail "the action hit"
e2e_keys Escape
e2e_expect "saved" "Esc did not come back to the meeting for writing"
e2e_screen | grep -q "READ-ONLY" && e2e_fail "the meeting came back read-only"
e2e_expect "Question de securite juridique."
e2e_keys /
e2e_type "zzqxj"
e2e_keys Enter
e2e_expect "nothing in the archive matches zzqxj" "an empty search is not said"
e2e_expect "E-evidence"
e2e_keys q
e2e_expect "Quit anyway?"
e2e_keys y
e2e_wait_exit 0 || e2e_fail "the meeting did not quit"
exit 0
