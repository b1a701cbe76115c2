# Pasted text is text, never keys: with nobody on the floor it is refused
# (no action fires), with a speaker it lands in the notes, and a long paste
# of several lines keeps every character.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
paste() { tmux -L "$E2E_SOCK" set-buffer -- "$1" && tmux -L "$E2E_SOCK" paste-buffer -p -t "e2e:$E2E_WIN"; }
e2e_start 100 30 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_expect "Queue (0)"
# "tan" would be: tour, ask, next.
paste "tan"
e2e_expect "pasted text ignored" "a paste without a speaker was not refused"
e2e_screen | grep -q "Queue (0)" || e2e_fail "the paste fired keys"
e2e_type ":"
e2e_type "floor LU"
e2e_keys Enter
e2e_type "n"
e2e_expect "has the floor since"
e2e_keys Escape
long="Le Luxembourg soutient l'approche; première ligne.
Deuxième ligne — Ελληνικά, 日本語, and a longer sentence to make the paste wrap across several rows of the notes pane."
paste "$long"
e2e_expect "Deuxième ligne" "the paste did not reach the notes"
e2e_expect "Notes *" "the notes did not take the focus"
e2e_keys F6
e2e_expect "Nobody has the floor"
"$GAVEL_BIN" --read-only show "$SESSION" | grep -qF "several rows of the notes pane." || e2e_fail "the pasted note is not in the journal"
"$GAVEL_BIN" --read-only show "$SESSION" | grep -qF "Ελληνικά, 日本語" || e2e_fail "the pasted note lost characters"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit"
