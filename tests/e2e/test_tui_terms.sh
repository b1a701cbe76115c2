# The live screen on the terminals people have: 256 colours, screen, the
# Linux console (ASCII glyphs), an 8-colour xterm, and NO_COLOR. Each shows
# the meeting with its state glyphs and quits cleanly.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
n=0
for t in xterm-256color screen tmux-256color linux xterm "tmux-256color NO_COLOR=1"; do
	n=$((n + 1))
	E2E_TERM=${t%% *}
	case "$t" in *NO_COLOR*) E2E_ENV="NO_COLOR=1" ;; *) E2E_ENV="" ;; esac
	e2e_start_in "t$n" 80 24 "$SESSION"
	e2e_expect "Adoption of the agenda" "$t: the agenda is not shown"
	e2e_type ":"
	e2e_type "item 1"
	e2e_keys Enter
	e2e_expect "Queue (0)" "$t: the floor pane is not shown"
	if [ "$E2E_TERM" = linux ]; then
		e2e_expect "> 1 Adoption" "$t: no ASCII glyph for the current item"
	else
		e2e_expect "▶ 1 Adoption" "$t: no glyph for the current item"
	fi
	tmux -L "$E2E_SOCK" capture-pane -e -p -t "e2e:$E2E_WIN" > "$E2E_DIR/colours-$n"
	e2e_keys Escape q
	e2e_wait_exit 0 || e2e_fail "$t: quit"
	[ -z "$(e2e_stderr)" ] || e2e_fail "$t: wrote to stderr"
	# Colour attributes reaching the screen: SGR 30-38, 40-48, 90-97, 100-107
	# (39 and 49, the default colours, are not colours).
	colours=$(awk 'BEGIN { n = 0 }
		{ s = $0
		  while (match(s, /\033\[[0-9;]*m/)) {
			k = split(substr(s, RSTART + 2, RLENGTH - 3), p, ";")
			for (i = 1; i <= k; i++)
				if ((p[i] >= 30 && p[i] <= 38) || (p[i] >= 40 && p[i] <= 48) ||
				    (p[i] >= 90 && p[i] <= 97) || (p[i] >= 100 && p[i] <= 107)) n++
			s = substr(s, RSTART + RLENGTH)
		  } }
		END { print n }' "$E2E_DIR/colours-$n")
	case "$t" in
	*NO_COLOR*) [ "$colours" -eq 0 ] || e2e_fail "$t: $colours colour attributes on screen" ;;
	linux | xterm) ;;
	*) [ "$colours" -gt 0 ] || e2e_fail "$t: no colour on screen (the check above would prove nothing)" ;;
	esac
done
