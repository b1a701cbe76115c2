# What is said besides interventions, one key each: H gives the Chair the
# floor; P writes a paragraph of the item itself (paragraph TEXT); G a
# group paragraph: the subject from a list ("several delegations", ... or
# typed), members added one by one (Tab, as in the picker), then the text
# (group PHRASE CODE...: TEXT). With the agenda's selection on another item
# they go there without taking it up (on NUM paragraph|group). The notes
# pane lists paragraphs and group paragraphs among the interventions. The
# picker puts who has spoken first among equal matches: "P" finds the
# Presidency, which spoke, before Poland and Portugal.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
"$GAVEL_BIN" exec "$SESSION" >/dev/null 2>"$E2E_DIR/exec.err" <<EOF2 || e2e_fail "exec: $(cat "$E2E_DIR/exec.err")"
item 1
give PRES
note opened the meeting
give FR
note presented the agenda
end
EOF2
show_has() {
	i=0
	while [ $i -lt 50 ]; do
		"$GAVEL_BIN" --read-only show "$SESSION" > "$E2E_DIR/show.txt" 2>&1
		grep -qF -- "$1" "$E2E_DIR/show.txt" && return 0
		sleep 0.1; i=$((i + 1))
	done
	cat "$E2E_DIR/show.txt"; e2e_fail "$2"
}
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"

e2e_keys g
e2e_expect "Give the floor to"
e2e_type "P"
e2e_expect "│ > P " "the picker did not show the query"
e2e_screen | awk 'index($0, "│ > P ") { row = NR + 2 } NR == row { found = index($0, "│ PRES ") > 0 } END { exit !found }' \
	|| { e2e_screen; e2e_fail "the Presidency, which spoke, is not the first match for P"; }
e2e_keys Escape

# P: the item's own words, whoever spoke last.
e2e_keys P
e2e_expect "A paragraph of item 1" "P did not open the paragraph form"
e2e_type "Delegations were invited to send written comments."
e2e_expect ":paragraph Delegations were invited" "the form does not show the line it builds"
e2e_keys Enter
show_has "paragraph: Delegations were invited to send written comments." "the paragraph was not recorded"

# G: a subject from the list, two members by Tab, the text.
e2e_keys G
e2e_expect "Several speakers at once on item 1" "G did not open the group form"
e2e_expect "5  some Member States" "the subjects are not listed"
e2e_keys 1
e2e_type "Belg"
e2e_keys Tab
e2e_type "Czech"
e2e_keys Tab
e2e_expect ':group "several delegations" BE CZ:' "the members are not in the line"
e2e_keys Enter
e2e_type "supported the compromise"
e2e_keys Enter
show_has "group several delegations BE CZ: supported the compromise" "the group paragraph was not recorded"
# a subject typed, no members
e2e_keys G
e2e_expect "Several speakers at once"
e2e_keys 6
e2e_expect "subject typed" "other did not ask for the subject"
e2e_type "Most of the delegations that took the floor"
e2e_keys Enter Enter
e2e_type "pointed to the need for speed"
e2e_keys Enter
show_has "group Most of the delegations that took the floor: pointed to the need for speed" "the typed subject was not recorded"
# The notes pane, nobody speaking, lists them among the interventions.
e2e_expect "several delegations: supported the co" "the notes pane does not list the group paragraph"
e2e_expect "paragraph: Delegations were invited" "the notes pane does not list the paragraph"

# H: the Chair takes the floor at once.
e2e_keys H
e2e_expect "CHAIR" "H did not give the Chair the floor"
e2e_type "concluded that the agenda was adopted"
e2e_keys Escape
show_has "CHAIR (speaking): concluded that the agenda was adopted" "the Chair does not have the floor with the note"
e2e_keys e

# On another item, from the agenda's selection, without taking it up.
e2e_keys Tab
i=0
while ! e2e_screen | grep -q "Agenda \*"; do
	e2e_keys Tab; i=$((i + 1)); [ $i -lt 5 ] || e2e_fail "Tab never reached the agenda"
	sleep 0.2
done
e2e_keys j
e2e_keys P
e2e_expect "A paragraph of item 2" "P did not aim at the selected item"
e2e_type "The Working Party took note."
e2e_expect ":on 2 paragraph The Working Party took note." "the line does not name item 2"
e2e_keys Enter
show_has "paragraph: The Working Party took note." "the paragraph on item 2 was not recorded"
awk '/^  1\. /{c=1} /^  2\. /{c=2} /Working Party took note/{print c}' "$E2E_DIR/show.txt" | grep -qx 2 \
	|| { cat "$E2E_DIR/show.txt"; e2e_fail "the paragraph is not under item 2"; }
grep -q "^  1\. .*\[current\]" "$E2E_DIR/show.txt" || e2e_fail "item 1 is no longer the current item"
exit 0
