# A paste is one command line at most: a bracketed paste of more than 1 MiB
# is ignored with a message (nothing reaches the notes or the session, the
# memory stays bounded), and a paste after it works as before.
. tests/e2e/lib.sh
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
SESSION=$("$GAVEL_BIN" new --roster eu28-2017 --date 2017-05-12 2>"$E2E_DIR/new.err") ||
	e2e_fail "new: $(cat "$E2E_DIR/new.err")"
printf 'item add One\nitem 1\nfloor ES\nnext\n' | "$GAVEL_BIN" exec "$SESSION" || e2e_fail "exec"
E2E_ENV="GAVEL_DATADIR=$GAVEL_DATADIR"
e2e_start 100 30 "$SESSION"
e2e_expect "Spain"
head -c 1100000 /dev/zero | tr '\0' x > "$E2E_DIR/big"
tmux -L "$E2E_SOCK" load-buffer -b big "$E2E_DIR/big"
tmux -L "$E2E_SOCK" paste-buffer -p -b big -t e2e:main
e2e_wait_for "pasted text ignored: longer than 1 MiB" 180 || e2e_fail "no message for a paste past 1 MiB"
e2e_screen | grep -q "xxxxxxxxxx" && e2e_fail "the long paste reached the notes"
printf 'short paste' > "$E2E_DIR/small"
tmux -L "$E2E_SOCK" load-buffer -b small "$E2E_DIR/small"
tmux -L "$E2E_SOCK" paste-buffer -p -b small -t e2e:main
e2e_expect "short paste" "a short paste after the long one does not reach the notes"
e2e_keys Escape q
e2e_expect "Quit anyway?"
e2e_type "y"
e2e_wait_exit 0 || e2e_fail "quit"
grep -q "xxxxxxxxxx" "$SESSION" && e2e_fail "the long paste was journaled"
grep -q "short paste" "$SESSION" || e2e_fail "the short paste was not journaled"
exit 0
