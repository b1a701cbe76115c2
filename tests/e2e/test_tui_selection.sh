# The selected row of a list: by default a block in the marker column, so
# that a move sends a few bytes (the two marks), not two whole rows; under
# NO_COLOR too. selection = row highlights the whole row instead.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
"$GAVEL_BIN" exec "$SESSION" >/dev/null <<'EOC' || e2e_fail "exec failed"
item 1
floor FR DE NL
EOC
mkdir -p "$XDG_CONFIG_HOME/gavel"
# No clock: what the pane receives after a key is that key's answer alone.
printf '[general]\nclock = off\n' > "$XDG_CONFIG_HOME/gavel/config.ini"
# The first agenda line holding TEXT.
row() { e2e_screen | grep -F -- "$1" | head -n 1; }
marks() { e2e_screen | grep -c "█"; }

e2e_start 80 24 "$SESSION"
e2e_expect "Queue (3)"
# The floor has the focus: its queue's first row carries the mark.
row " 1 ▸ FR" | grep -q "│█ 1 ▸ FR" || e2e_fail "no mark on the queue's selected row: $(row ' 1 ▸ FR')"
[ "$(marks)" = 1 ] || e2e_fail "$(marks) marks on screen, not one"
e2e_keys j
e2e_expect "│█ 2   DE" "the mark did not move to DE"
row " 1 ▸ FR" | grep -q "│  1 ▸ FR" || e2e_fail "the mark stayed on FR: $(row ' 1 ▸ FR')"
[ "$(marks)" = 1 ] || e2e_fail "$(marks) marks after a move, not one"

# The agenda: Shift-Tab, then j moves the mark from item 1 to item 2.
e2e_keys BTab
e2e_expect "Agenda *"
e2e_expect "│█▶ 1 Adoption" "no mark on the agenda's selected (current) item"
[ "$(marks)" = 1 ] || e2e_fail "$(marks) marks with the agenda focused, not one"
# What a move writes to the terminal: the two marks and the cursor's way
# between them (a whole highlighted row is some 70 bytes by itself).
e2e_keys j
e2e_expect "│█· 2 Information"
sleep 0.3
tmux -L "$E2E_SOCK" pipe-pane -o -t "e2e:main" "cat >> '$E2E_DIR/out'"
e2e_keys j
e2e_expect "│█· 3 EU Cyber"
sleep 0.5
tmux -L "$E2E_SOCK" pipe-pane -t "e2e:main"
bytes=$(wc -c < "$E2E_DIR/out")
[ "$bytes" -gt 0 ] && [ "$bytes" -le 24 ] || e2e_fail "a move wrote $bytes bytes to the terminal, not 1-24"
row "2 Information" | grep -q "│ · 2 Information" || e2e_fail "the mark stayed on item 2: $(row '2 Information')"
e2e_keys q y
e2e_wait_exit 0 || e2e_fail "did not leave"

# NO_COLOR: the same mark.
E2E_ENV="NO_COLOR=1"
e2e_start_in nocolour 80 24 "$SESSION"
e2e_expect "Queue (3)"
e2e_keys BTab
e2e_expect "│█▶ 1 Adoption" "no mark under NO_COLOR"
e2e_keys q y
e2e_wait_exit 0 || e2e_fail "did not leave"

# selection = row: no mark, the selected row in reverse video.
printf '[general]\nclock = off\nselection = row\n' > "$XDG_CONFIG_HOME/gavel/config.ini"
e2e_start_in rows 80 24 "$SESSION"
e2e_expect "Queue (3)"
e2e_keys BTab j
e2e_expect "Agenda *"
sleep 0.3
[ "$(marks)" = 0 ] || e2e_fail "selection = row still draws a mark"
# tmux writes the attributes back as SGR: reverse video (7) on item 2's row
# and on no other agenda row.
attrs() { tmux -L "$E2E_SOCK" capture-pane -e -p -t "e2e:rows" | grep -F -- "$1" | head -n 1; }
attrs "2 Information" | grep -q "$(printf '\033')\[[0-9;]*7m" ||
	e2e_fail "selection = row: item 2's row is not in reverse video"
attrs "3 EU Cyber" | grep -q "$(printf '\033')\[[0-9;]*7m" &&
	e2e_fail "selection = row: item 3's row is in reverse video too"
e2e_keys q y
e2e_wait_exit 0 || e2e_fail "did not leave"
exit 0
