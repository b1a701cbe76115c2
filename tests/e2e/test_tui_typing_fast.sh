# A letter typed at the end of the notes is sent to the terminal before
# curses' update (tui/mark_move.h); curses' images are then brought to what
# the terminal shows. A burst of letters, a word that wraps, a backspace, an
# accented letter, at 80x24 and 200x60: after each, the note's rows show the
# text once, no letter doubled or missing (a curses image left behind shows
# a letter a backspace took, or loses one after a full redraw), the cursor
# just after the last letter; then Esc redraws everything, and the saved
# note is the text typed. With GAVEL_REF_BIN set (a gavel without the fast
# path), the same keys there give the same screens, cell for cell.
. tests/e2e/lib.sh
mkdir -p "$XDG_CONFIG_HOME/gavel"
printf '[general]\nclock = off\n' > "$XDG_CONFIG_HOME/gavel/config.ini"

cursor() { tmux -L "$E2E_SOCK" display-message -p -t "e2e:$E2E_WIN" '#{cursor_y} #{cursor_x}'; }
# The screen with the times masked (two runs need not start in the same minute).
screen() { e2e_screen | sed 's/[0-9][0-9]:[0-9][0-9]\(:[0-9][0-9]\)*/TT:TT/g'; }
# The note's rows: the text in the notes pane below its "Notes *" title
# (found by its column, in characters), trailing blanks cut, up to the
# first blank row.
note_rows() {
	scr=$(e2e_screen)
	t=$(printf '%s\n' "$scr" | grep -n "┌─ Notes \*" | head -n 1)
	[ -n "$t" ] || return 0
	pre=$(printf %s "${t#*:}" | sed 's/┌─ Notes.*//' | LC_ALL=C.UTF-8 wc -m)
	printf '%s\n' "$scr" | sed -n "$((${t%%:*} + 1)),\$p" |
		LC_ALL=C.UTF-8 sed -E "s/^.{$((pre + 2))}//; s/│.*//; s/ +\$//" | sed '/^$/,$d'
}
# settle WHAT EXPECTED-ROWS: waits for the note's rows to be EXPECTED, then
# checks them again after a pause (a late letter) and the cursor's column.
settle() {
	i=0
	while [ $i -lt 60 ] && [ "$(note_rows)" != "$2" ]; do sleep 0.05; i=$((i + 1)); done
	sleep 0.3
	[ "$(note_rows)" = "$2" ] || e2e_fail "$1: the note shows
$(note_rows)
not
$2"
	last=$(printf '%s\n' "$2" | tail -n 1)
	row=$(e2e_screen | grep -n -F "$last" | tail -n 1)
	col=$(( $(printf %s "${row#*:}" | sed "s/$(printf %s "$last" | sed 's/[][\.*^$/]/\\&/g').*//" | LC_ALL=C.UTF-8 wc -m) + $(printf %s "$last" | LC_ALL=C.UTF-8 wc -m) ))
	[ "$(cursor)" = "$(( ${row%%:*} - 1 )) $col" ] || e2e_fail "$1: the cursor is at $(cursor), not after the last letter ($(( ${row%%:*} - 1 )) $col)"
	screen > "$E2E_DIR/screen-$RUN-$3"
}

# run NAME W H: one run of the keys in a window of its own.
run() {
	RUN=$1
	session=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
	"$GAVEL_BIN" exec "$session" >/dev/null <<'EOC' || e2e_fail "exec failed"
item 1
floor LU
EOC
	e2e_start_in "$1" "$2" "$3" "$session"
	e2e_expect "Queue (1)"
	e2e_type "n"
	e2e_expect "has the floor since"
	e2e_expect "Notes *"
	# The first letter changes the title (typing): curses' way; the rest, a burst.
	e2e_type "The delegation of Luxembourg supports"
	settle "$1 burst" "The delegation of Luxembourg supports" 1
	e2e_keys BSpace
	settle "$1 backspace" "The delegation of Luxembourg support" 2
	e2e_type "s "
	e2e_type "ç"
	e2e_type "a va"
	settle "$1 accent" "The delegation of Luxembourg supports ça va" 3
	# One letter at a time, as a typist's keys come: at 80 columns the word
	# wraps onto a second row as it grows.
	for w in " " c o m p r o m i s e; do e2e_type "$w"; sleep 0.02; done
	if [ "$2" = 80 ]; then
		settle "$1 wrap" "The delegation of Luxembourg supports ça va
compromise" 4
	else
		settle "$1 long" "The delegation of Luxembourg supports ça va compromise" 4
	fi
	e2e_type " proposalwithoutreservation"
	if [ "$2" = 80 ]; then
		settle "$1 second row" "The delegation of Luxembourg supports ça va
compromise proposalwithoutreservation" 5
	else
		settle "$1 wraps later" "The delegation of Luxembourg supports ça va compromise
proposalwithoutreservation" 5
	fi
	e2e_keys BSpace BSpace
	e2e_type "XY"
	# Esc: curses redraws every pane from its own images.
	e2e_keys Escape
	sleep 0.5
	screen > "$E2E_DIR/screen-$RUN-6"
	e2e_screen | grep -q "proposalwithoutreservatiXY" || e2e_fail "$1: after Esc the note is not whole:
$(e2e_screen)"
	e2e_screen | grep -q "proposalwithoutreservatiXYXY\|reservatiXYY\|reservatioXY" && e2e_fail "$1: a letter doubled or left behind after Esc"
	e2e_type "q"
	e2e_expect "Quit anyway"
	e2e_type "y"
	e2e_wait_exit 0 || e2e_fail "$1: quit"
	"$GAVEL_BIN" show "$session" > "$E2E_DIR/show-$1" 2>&1
	grep -q "The delegation of Luxembourg supports ça va compromise proposalwithoutreservatiXY" "$E2E_DIR/show-$1" ||
		e2e_fail "$1: the saved note is not the text typed: $(grep -i luxembourg "$E2E_DIR/show-$1")"
}

for size in "80 24" "200 60"; do
	set -- $size
	run "new$1" "$1" "$2"
	if [ -n "${GAVEL_REF_BIN:-}" ]; then
		bin=$GAVEL_BIN
		GAVEL_BIN=$GAVEL_REF_BIN
		run "ref$1" "$1" "$2"
		GAVEL_BIN=$bin
		for k in 1 2 3 4 5 6; do
			cmp -s "$E2E_DIR/screen-new$1-$k" "$E2E_DIR/screen-ref$1-$k" ||
				e2e_fail "$1x$2 screen $k differs from the reference: $(diff "$E2E_DIR/screen-ref$1-$k" "$E2E_DIR/screen-new$1-$k")"
		done
	fi
done
echo "ok: test_tui_typing_fast"
