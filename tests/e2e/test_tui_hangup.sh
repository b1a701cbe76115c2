# The terminal dies (SIGHUP) or the system asks gavel to stop (SIGTERM) right
# after a note was typed, before the pause that journals a draft: the note
# is on disk all the same, and the session opens clean.
. tests/e2e/lib.sh
D="$E2E_DIR/d"
SESSION=$("$GAVEL_BIN" -D "$D" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"

gavel_pid() { pgrep -f -- "$GAVEL_BIN -D $D" | head -n 1; }

for sig in HUP TERM; do
	e2e_start_in "w$sig" 80 24 -D "$D" "$SESSION"
	e2e_expect "Adoption of the agenda"
	[ "$sig" = HUP ] && { e2e_type "]"; e2e_type ":"; e2e_type "floor DE"; e2e_keys Enter; e2e_expect "Queue (1)"; }
	[ "$sig" = HUP ] || { e2e_type "a"; e2e_type "Fran"; e2e_keys Enter Escape; e2e_expect "Queue (1)"; }
	e2e_type "n"
	e2e_expect "has the floor since"
	e2e_type "Ελλάδα $sig café"
	e2e_expect "Ελλάδα $sig café"
	pid=$(gavel_pid)
	[ -n "$pid" ] || e2e_fail "no gavel process"
	kill -"$sig" "$pid"
	e2e_wait_exit 0 || e2e_fail "gavel did not end on SIG$sig"
	grep -q "draft .*Ελλάδα $sig café" "$SESSION" || e2e_fail "the note typed before SIG$sig is not in the journal"
	"$GAVEL_BIN" -D "$D" check "$SESSION" > "$E2E_DIR/check" 2>&1 || e2e_fail "check after SIG$sig: $(cat "$E2E_DIR/check")"
done

# The terminal goes away and no signal reaches gavel: the kernel sends SIGHUP
# only to the session's leader, here a shell that ignores it (as a wrapper,
# a tracer or a multiplexer may). Every read then fails at once: gavel must
# take that for the hang-up it is, journal the note and end, not spin on
# the dead terminal.
{
	echo "export LANG=C.UTF-8 LC_ALL=C.UTF-8 ESCDELAY=25 TERM=tmux-256color"
	echo "export XDG_DATA_HOME=$(e2e_quote "$XDG_DATA_HOME") XDG_CONFIG_HOME=$(e2e_quote "$XDG_CONFIG_HOME")"
	echo "trap '' HUP"
	printf '%s -D %s %s 2>/dev/null\n' "$(e2e_quote "$GAVEL_BIN")" "$(e2e_quote "$D")" "$(e2e_quote "$SESSION")"
	printf 'echo $? > %s\n' "$(e2e_quote "$E2E_DIR/rc-gone")"
} > "$E2E_DIR/run-gone.sh"
rm -f "$E2E_DIR/rc-gone"
tmux -L "$E2E_SOCK" new-window -d -n gone "sh $E2E_DIR/run-gone.sh"
tmux -L "$E2E_SOCK" resize-window -t "e2e:gone" -x 80 -y 24 >/dev/null 2>&1
e2e_use gone
e2e_expect "Adoption of the agenda"
e2e_type "a"; e2e_type "Fran"; e2e_keys Enter Escape; e2e_expect "Queue (1)"
e2e_type "n"
e2e_expect "has the floor since"
e2e_type "Ελλάδα gone café"
e2e_expect "Ελλάδα gone café"
tmux -L "$E2E_SOCK" kill-window -t e2e:gone
i=0
while [ $i -lt 100 ] && [ ! -s "$E2E_DIR/rc-gone" ]; do sleep 0.05; i=$((i + 1)); done
if [ ! -s "$E2E_DIR/rc-gone" ]; then
	pkill -KILL -f -- "$GAVEL_BIN -D $D" 2>/dev/null
	e2e_fail "gavel did not end when its terminal went away without a signal"
fi
grep -q "draft .*Ελλάδα gone café" "$SESSION" || e2e_fail "the note typed before the terminal went away is not in the journal"
"$GAVEL_BIN" -D "$D" check "$SESSION" > "$E2E_DIR/check" 2>&1 || e2e_fail "check after the terminal went away: $(cat "$E2E_DIR/check")"
exit 0
