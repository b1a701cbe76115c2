# The hidden cursor follows the selection for screen readers: it rests on
# the selected row's mark, and a move of the marks (sent straight to the
# terminal: the old mark blanked where the cursor rests, an absolute move to
# the new one, the mark, a step back onto it) leaves it on the new mark.
# Moves up and down in the queue and the agenda, one key at a time and in
# bursts, at the top edge and the end, at 80x24 and 200x60: after each, one
# mark on screen and the cursor on it; then curses' own updates (another
# pane, the help) draw every row where it belongs, which they would not if
# curses had lost track of the cursor.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
"$GAVEL_BIN" exec "$SESSION" >/dev/null <<'EOC' || e2e_fail "exec failed"
item 1
floor FR DE NL PL
EOC
mkdir -p "$XDG_CONFIG_HOME/gavel"
# No clock: nothing but the keys moves the cursor.
printf '[general]\nclock = off\n' > "$XDG_CONFIG_HOME/gavel/config.ini"

cursor() { tmux -L "$E2E_SOCK" display-message -p -t "e2e:$E2E_WIN" '#{cursor_y} #{cursor_x}'; }
# The row and column (0-based, in characters) of the one mark on screen.
mark_at() {
	e2e_screen | grep -n "█" | head -n 1 | {
		IFS= read -r l || exit 0
		row=$(( ${l%%:*} - 1 ))
		before=$(printf %s "${l#*:}" | sed 's/█.*//')
		printf '%s %s\n' "$row" "$(printf %s "$before" | LC_ALL=C.UTF-8 wc -m | tr -d ' ')"
	}
}
marks() { e2e_screen | grep -o "█" | wc -l | tr -d ' '; }
# check WHAT: one mark, and the cursor on it (waits for the screen to settle).
check() {
	i=0
	while [ $i -lt 40 ] && [ "$(cursor)" != "$(mark_at)" ]; do sleep 0.05; i=$((i + 1)); done
	[ "$(marks)" = 1 ] || e2e_fail "$1: $(marks) marks on screen, not one"
	[ "$(cursor)" = "$(mark_at)" ] || e2e_fail "$1: the cursor is at $(cursor) (row col), the mark at $(mark_at)"
}

for size in "80 24" "200 60"; do
	set -- $size
	e2e_start_in "w$1" "$1" "$2" "$SESSION"
	e2e_expect "Queue (4)"
	check "$1x$2 start, queue"
	e2e_keys j
	e2e_expect "│█ 2   DE"
	check "$1x$2 queue j"
	# k: the blank goes first, on DE's row; the cursor must not stay there.
	e2e_keys k
	e2e_expect "│█ 1 ▸ FR"
	check "$1x$2 queue k"
	# A burst: the keys come before any pause.
	e2e_keys j j j k
	e2e_expect "│█ 3   NL"
	check "$1x$2 queue j j j k"
	e2e_keys k k
	e2e_expect "│█ 1 ▸ FR"
	check "$1x$2 queue k k"
	# The top edge: k moves nothing.
	e2e_keys k
	check "$1x$2 queue k at the top"
	e2e_keys BTab
	e2e_expect "│█▶ 1 Adoption"
	check "$1x$2 agenda"
	e2e_keys j
	e2e_expect "│█· 2 Information"
	check "$1x$2 agenda j"
	e2e_keys j j k
	e2e_expect "│█· 3 EU Cyber"
	check "$1x$2 agenda j j k"
	e2e_keys k
	e2e_expect "│█· 2 Information"
	check "$1x$2 agenda k"
	e2e_keys k k
	e2e_expect "│█▶ 1 Adoption"
	check "$1x$2 agenda k k (top)"
	# To the end of the agenda and back, one key at a time.
	n=0
	while [ $n -lt 30 ]; do e2e_keys j; n=$((n + 1)); done
	sleep 0.3
	check "$1x$2 agenda at the end"
	e2e_keys k
	sleep 0.1
	check "$1x$2 agenda k from the end"
	e2e_keys Tab
	check "$1x$2 back to the queue"
	e2e_keys '?'
	e2e_expect "Keys" "no help"
	e2e_keys Escape
	e2e_wait_gone "Keys" || e2e_fail "the help stayed"
	for r in "│█ 1 ▸ FR" "│  2   DE" "│  3   NL" "│  4   PL" "│ ▶ 1 Adoption" "│ · 2 Information"; do
		e2e_screen | grep -qF -- "$r" || e2e_fail "$1x$2 after the help: no row '$r'"
	done
	check "$1x$2 after the help"
	e2e_keys q y
	e2e_wait_exit 0 || e2e_fail "did not leave"
done
exit 0
