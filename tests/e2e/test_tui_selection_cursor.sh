# A move of a list's selection (selection = marker): the hidden cursor rests
# on the selected row's mark, on the row a screen reader follows, and the
# old mark is taken off first, in an update of its own that needs no cursor
# motion: the answer to j or k begins with the blank that takes the old mark
# off, and ends with the cursor on the new mark. Queue and agenda, j and k.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
"$GAVEL_BIN" exec "$SESSION" >/dev/null <<'EOC' || e2e_fail "exec failed"
item 1
floor FR DE NL
EOC
mkdir -p "$XDG_CONFIG_HOME/gavel"
# No clock: what the pane receives after a key is that key's answer alone.
printf '[general]\nclock = off\n' > "$XDG_CONFIG_HOME/gavel/config.ini"

cursor() { tmux -L "$E2E_SOCK" display-message -p -t "e2e:$E2E_WIN" '#{cursor_x},#{cursor_y}'; }
# Where the mark is (column,row, 0-based) on the first screen line holding TEXT.
mark_at() {
	line=$(e2e_screen | grep -n -F -- "$1" | head -n 1)
	[ -n "$line" ] || { echo "none"; return; }
	pre=$(printf %s "${line#*:}" | sed 's/█.*//')
	x=$(printf %s "$pre" | LC_ALL=C.UTF-8 wc -m)
	echo "$((x)),$((${line%%:*} - 1))"
}
# move KEY SHOWN: sends KEY, waits for SHOWN, keeps what the pane received.
n=0
move() {
	n=$((n + 1))
	tmux -L "$E2E_SOCK" pipe-pane -o -t "e2e:$E2E_WIN" "cat >> '$E2E_DIR/out$n'"
	e2e_keys "$1"
	e2e_expect "$2" "$1 did not bring '$2'"
	sleep 0.4
	tmux -L "$E2E_SOCK" pipe-pane -t "e2e:$E2E_WIN"
	bytes=$(wc -c < "$E2E_DIR/out$n")
}
# check KEY SHOWN MARKED: after KEY, SHOWN is on screen, the answer began
# with the blank (a space) and was short, and the cursor is on the mark of
# the line holding MARKED.
check() {
	move "$1" "$2"
	[ "$(head -c 1 "$E2E_DIR/out$n")" = " " ] ||
		e2e_fail "$1 in $pane: the answer begins with bytes$(head -c 8 "$E2E_DIR/out$n" | od -An -tx1), not with the blank over the old mark"
	[ "$bytes" -le 24 ] || e2e_fail "$1 in $pane wrote $bytes bytes, not 1-24:$(od -An -tx1 "$E2E_DIR/out$n")"
	want=$(mark_at "$3")
	[ "$(cursor)" = "$want" ] || e2e_fail "$1 in $pane: the cursor is at $(cursor), the mark at $want"
}

e2e_start 80 24 "$SESSION"
e2e_expect "Queue (3)"
sleep 0.3
pane=queue
[ "$(cursor)" = "$(mark_at ' 1 ▸ FR')" ] || e2e_fail "the cursor is at $(cursor), not on the queue's mark at $(mark_at ' 1 ▸ FR')"
# The first key also clears the start's message line: not a move alone.
e2e_keys j
e2e_expect "│█ 2   DE"
e2e_keys k
e2e_expect "│█ 1 ▸ FR"
sleep 0.3
check j "│█ 2   DE" " 2   DE"
check j "│█ 3   NL" " 3   NL"
check k "│█ 2   DE" " 2   DE"
check k "│█ 1 ▸ FR" " 1 ▸ FR"

pane=agenda
e2e_keys BTab
e2e_expect "│█▶ 1 Adoption"
sleep 0.3
[ "$(cursor)" = "$(mark_at '▶ 1 Adoption')" ] || e2e_fail "the cursor is at $(cursor), not on the agenda's mark at $(mark_at '▶ 1 Adoption')"
check j "│█· 2 Information" "· 2 Information"
check j "│█· 3 EU Cyber" "· 3 EU Cyber"
check k "│█· 2 Information" "· 2 Information"
e2e_keys q y
e2e_wait_exit 0 || e2e_fail "did not leave"
exit 0
