# At 80x24 every cut shows it is cut: the queue counts who is not shown, the
# `:` line marks hidden text, the review ends a cut line in "…", the help's
# pager hint says how much follows, and an item's statistics name a unit
# (COM/HOME) in full.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
long="supports the Presidency's approach and asks that the conclusions say more about capacity building in third countries and the role of the private sector"
"$GAVEL_BIN" exec "$SESSION" >/dev/null 2>"$E2E_DIR/exec.err" <<EOF2 || e2e_fail "exec: $(cat "$E2E_DIR/exec.err")"
delegation COM/HOME name="DG Home"
item 1
give COM/HOME
note the Commission's DG Home presented the encryption workshops
pos FR $long
tour
EOF2
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
# The queue: 28 Member States, a few rows.
e2e_expect "Queue (28)"
e2e_screen | grep -Eq "… [0-9]+ more" || e2e_fail "the cut queue has no 'more' marker"
# The : line, scrolled: the hidden start is marked; at Home the hidden end.
e2e_type ":note $long"
e2e_expect ":…" "the scrolled : line does not mark its hidden start"
e2e_keys Home
e2e_expect ":note supports" "Home did not scroll the : line back"
e2e_screen | grep -q "^:note .*…$" || e2e_fail "the : line does not mark its hidden end"
e2e_keys Escape
# The review: the long position is cut with an ellipsis.
e2e_keys BTab v
e2e_expect "Positions"
e2e_screen | grep "FR " | grep -q "…" || e2e_fail "the review cuts the position without …"
e2e_keys Escape
# The help: one line after the page says so, and names the key that fits.
e2e_keys "?"
e2e_expect "more lines: PgDn, End" "the help does not count what follows"
e2e_keys End Up
e2e_expect "(1 more line: Down)" "one line following is not named"
e2e_keys Escape
# The item's statistics: the unit by its own code.
e2e_keys s
e2e_expect "Speaking time: current item"
e2e_expect "COM/HOME" "the statistics show the unit cut to its institution"
exit 0
