# Keys as the terminal's bytes arrive (tui/input.c): gavel reads the
# terminal itself, serves plain ASCII keys at once and hands every other
# byte to curses through a pipe. What a slow link or a quick hand does to
# those bytes must not change a key: an arrow's sequence cut in two, plain
# keys and a sequence in one write, a second write while curses still holds
# keys of the first, a mouse click, Esc then a letter, an accented letter
# cut between its two bytes. GAVEL_REF_BIN (a gavel reading through curses
# alone) gives the same screens for the same bytes.
. tests/e2e/lib.sh
mkdir -p "$XDG_CONFIG_HOME/gavel"
printf '[general]\nclock = off\n' > "$XDG_CONFIG_HOME/gavel/config.ini"
# hex BYTE...: the bytes in one write to the terminal.
hex() { tmux -L "$E2E_SOCK" send-keys -t "e2e:$E2E_WIN" -H "$@"; }
# The notes pane's first row of text.
note() { e2e_screen | grep -A1 "┌─ Notes \*" | tail -n 1 | sed 's/.*││ *//; s/ *│$//'; }
expect_note() {
	i=0
	while [ $i -lt 60 ] && [ "$(note)" != "$1" ]; do sleep 0.05; i=$((i + 1)); done
	sleep 0.2
	[ "$(note)" = "$1" ] || e2e_fail "$2: the note reads '$(note)', not '$1'"
}

run() {
	session=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
	"$GAVEL_BIN" exec "$session" >/dev/null <<'EOC' || e2e_fail "exec failed"
item 1
floor FR DE NL
EOC
	e2e_start_in "$1" 80 24 "$session"
	e2e_expect "Queue (3)"
	# Shift-Tab (Esc [ Z) cut after its [, then Down (Esc O B, the keypad's
	# mode) cut after its Esc: one key each, no Esc, no letters.
	hex 1b 5b; sleep 0.005; hex 5a
	e2e_expect "│█▶ 1 Adoption" "a Shift-Tab cut after its [ did not focus the agenda"
	hex 1b; sleep 0.005; hex 4f 42
	e2e_expect "│█· 2 Information" "a Down cut after its Esc did not move the mark"
	# Plain keys and sequences in one write, taken in order: j, Down, k, j.
	hex 6a 1b 4f 42 6b 6a
	e2e_expect "│█·   3.1 Foreign" "j Down k j in one write did not make two moves"
	# A click (X10 report: press, release) on the row of item 3.2.
	y=$(e2e_screen | grep -n "3.2 Prevention" | head -n 1 | cut -d: -f1)
	hex 1b 5b 4d 20 25 "$(printf %x $((32 + y)))"; hex 1b 5b 4d 23 25 "$(printf %x $((32 + y)))"
	e2e_expect "│█·   3.2 Prevention" "a click did not select the row clicked"
	# Esc, then n a moment later: two keys (Esc is never Alt), so n gives
	# FR the floor; the notes then take the keys (i, where the click left
	# the floor focused).
	hex 1b; sleep 0.005; hex 6e
	e2e_expect "has the floor since" "Esc then n: n was lost"
	sleep 0.2
	e2e_screen | grep -q "Esc leave notes" || e2e_type i
	e2e_expect "Esc leave notes"
	# A letter, Left, a letter in one write (curses decodes the Left),
	# then a plain letter in a second write right after it: the second
	# write's letter waits for every key curses holds: b c a, not a b c.
	hex 61 1b 4f 44 62; hex 63
	expect_note "bca" "a write held by curses and a plain letter after it"
	# End (Esc [ 4 ~), then é cut between its two bytes.
	hex 1b 5b 34 7e; hex c3; sleep 0.005; hex a9
	expect_note "bcaé" "an é cut between its bytes"
	e2e_screen | sed 's/[0-9][0-9]:[0-9][0-9]\(:[0-9][0-9]\)*/TT:TT/g' > "$E2E_DIR/screen-$1"
	e2e_keys Escape q y
	e2e_wait_exit 0 || e2e_fail "did not leave"
	"$GAVEL_BIN" show "$session" | grep -q "bcaé" || e2e_fail "the note saved is not bcaé"
}

run new
if [ -n "${GAVEL_REF_BIN:-}" ]; then
	GAVEL_BIN=$GAVEL_REF_BIN run ref
	diff "$E2E_DIR/screen-new" "$E2E_DIR/screen-ref" >&2 || e2e_fail "the screens differ from GAVEL_REF_BIN's"
fi
exit 0
