# A 20 KB note pasted in one go (one paragraph) is kept whole: in the
# journal, and in the item's review, which shows it to its last word (End
# jumps to the bottom of the review).
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_expect "Queue (0)"
e2e_type ":floor LU"
e2e_keys Enter
e2e_type "n"
e2e_expect "has the floor since"
i=0 text=""
while [ $i -lt 250 ]; do
	text="${text}Le délégué grec a rappelé que η Ελλάδα υποστηρίζει 中文 ok. "
	i=$((i + 1))
done
printf '%sFIN-DU-TEXTE' "$text" > "$E2E_DIR/long.txt"
[ "$(wc -c < "$E2E_DIR/long.txt")" -gt 20000 ] || e2e_fail "the text is too short"
tmux -L "$E2E_SOCK" load-buffer "$E2E_DIR/long.txt"
tmux -L "$E2E_SOCK" paste-buffer -p -t "e2e:$E2E_WIN"
e2e_expect "FIN-DU-TEXTE" "the end of the paste is not in the notes"
e2e_keys F6
e2e_expect "Nobody has the floor"
"$GAVEL_BIN" --read-only show "$SESSION" | grep -qF "中文 ok. FIN-DU-TEXTE" || e2e_fail "the journal lost the end of the note"
# Review the item from the agenda: the whole note, to its end.
e2e_keys BTab
e2e_expect "Agenda *"
e2e_type "v"
e2e_expect "Item 1"
e2e_expect "more lines: PgDn" "a long review does not say there is more"
e2e_keys End
e2e_expect "FIN-DU-TEXTE" "the review cuts the note short"
e2e_wait_gone "more lines: PgDn" || e2e_fail "still 'more' at the bottom"
e2e_keys Escape
e2e_type "q"
e2e_wait_exit 0 || e2e_fail "quit"
