# The answer to a key is what the key changes, sent as it arrives: a j/k
# move of the agenda's or the queue's mark is one write of 11 to 13 bytes
# (the old mark blanked, the cursor to the new row, the mark, a step back
# onto it), and a letter typed at the end of a note is the letter alone,
# 1 byte. Through a pseudo-terminal (tests/bench/bench_pty.c, no timing
# asserted): each key's bytes until the output is quiet again, the median
# over 16 keys. A key that takes curses' way (a full update of the rows)
# costs 30 bytes and more, so this goes red when the fast paths are off,
# or when the letter or the move is sent and curses is not told (it then
# sends it again).
. tests/e2e/lib.sh
pty=${GAVEL_BUILD:-build}/bench/bench_pty
[ -x "$pty" ] || e2e_fail "no $pty (make check builds it)"
mkdir -p "$XDG_CONFIG_HOME/gavel"
printf '[general]\nclock = off\n' > "$XDG_CONFIG_HOME/gavel/config.ini"
session=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
"$GAVEL_BIN" exec "$session" >/dev/null <<'EOC' || e2e_fail "exec failed"
item 1
floor FR DE NL PL
EOC
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 ESCDELAY=25

# check CASE LOW HIGH PRE KEYS [ARGS]: the median bytes per key of gavel
# ARGS session, LOW to HIGH.
check() {
	out=$E2E_DIR/$1.out
	"$pty" -r 1 -k 16 -s "$SIZE" -f "$session" "$1" -- \
		gavel "$4" "$5" "'$GAVEL_BIN' ${6:-} '$session'" >"$out" 2>&1 ||
		e2e_fail "$1: bench_pty failed: $(cat "$out")"
	b=$(sed -n 's/.*| *\([0-9.]*\) B\/key.*/\1/p' "$out" | head -n 1)
	[ -n "$b" ] || e2e_fail "$1: no bytes per key in $(cat "$out")"
	awk -v b="$b" -v lo="$2" -v hi="$3" 'BEGIN { exit !(b >= lo && b <= hi) }' ||
		e2e_fail "$1: $b bytes per key, not $2 to $3: $(cat "$out")"
	echo "figure: $1: $b bytes per key"
}
# The move's bytes: the blank, the cursor's move to the row (\e[R;CH, 6 to
# 8 bytes), the mark (3 bytes in UTF-8), the step back (\b).
for SIZE in 80x24 200x60; do
	check "agenda-$SIZE" 11 13 '' 'j|j|k|k' --read-only
	# The queue has the keys from the start (nobody has the floor).
	check "queue-$SIZE" 11 13 '' 'j|k'
	# n: the next speaker, the notes take the keys; the first letter
	# changes the title (typing), the others are the letter alone.
	check "typing-$SIZE" 1 1 'n' 'a|b|c|d|e|f|g|h'
done
exit 0
