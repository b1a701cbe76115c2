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
exit 0
