# Under `ulimit -f` the live screen keeps running: a write past the limit
# fails (EFBIG; SIGXFSZ is ignored), the command is refused with a message
# on screen, the session file is cut back to what was acknowledged, and
# gavel is still there to take the next key (it used to be killed by
# SIGXFSZ in curses mode, exit 153, the terminal left raw).
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
# A limit a little above the file's size, whatever the shell's block size.
blocks=$(( $(wc -c < "$SESSION") / 512 + 3 ))
E2E_ENV="GAVEL_E2E=1; ulimit -f $blocks"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_expect "Queue (0)"
i=0 text=""
while [ $i -lt 80 ]; do
	text="${text}Le délégué grec a rappelé que η Ελλάδα υποστηρίζει ok. "
	i=$((i + 1))
done
e2e_type ":set place \"$text\""
e2e_keys Enter
e2e_expect "cannot write" "no message for the write past the limit"
e2e_expect "NOT SAVED" "the title bar does not say it"
e2e_keys Escape
[ -f "$E2E_DIR/rc-main" ] && e2e_fail "gavel exited (rc $(cat "$E2E_DIR/rc-main"))"
# Still alive and answering keys.
e2e_type ":floor LU"
e2e_keys Enter
e2e_expect "LU" "gavel no longer answers"
[ -f "$E2E_DIR/rc-main" ] && e2e_fail "gavel exited (rc $(cat "$E2E_DIR/rc-main"))"
"$GAVEL_BIN" check -q "$SESSION" > "$E2E_DIR/check.out" 2>&1 || e2e_fail "session not clean: $(cat "$E2E_DIR/check.out")"
grep -q "Ελλάδα υποστηρίζει" "$SESSION" && e2e_fail "the refused command is in the file"
[ -s "$SESSION.torn" ] && e2e_fail "a torn line was left"
e2e_screen > "$E2E_DIR/screen"
e2e_type "q"
e2e_wait_exit 0 || e2e_fail "quit: $(cat "$E2E_DIR/screen")"
