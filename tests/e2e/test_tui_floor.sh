# The floor from the keyboard: three delegations queued by partial names in
# one picker, next, a UTF-8 note (Greek, accents), end, a point of order, the
# tour de table, undo. What the screen shows must also be in the journal.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
show() { "$GAVEL_BIN" --read-only show "$SESSION" 2>&1; }
wait_show() { # TEXT: until the journal has it
	i=0
	while [ $i -lt 100 ]; do show | grep -qF -- "$1" && return 0; sleep 0.05; i=$((i + 1)); done
	return 1
}
e2e_start 100 30 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_type "]"
e2e_expect "item 1 Adoption" "] did not take up item 1"

# Three delegations by partial names, without leaving the picker (Tab
# queues and stays; Enter queues the last and closes).
e2e_type "a"
e2e_expect "Ask for the floor" "no picker"
e2e_type "Fran"
e2e_expect "France" "Fran does not find France"
e2e_keys Tab
e2e_expect "queued FR" "FR not queued"
e2e_type "Deut"
e2e_expect "Germany" "Deut does not find Germany"
e2e_keys Tab
e2e_type "Ελλ"
e2e_expect "Greece" "Ελλ does not find Greece"
e2e_keys Enter
e2e_expect "queued FR DE EL" "not all three queued"
e2e_wait_gone "Ask for the floor" || e2e_fail "Enter did not close the picker"
e2e_expect "Queue (3)" "the queue does not show 3"
e2e_expect "FR  France" "FR not in the queue"
e2e_screen | grep "FR  France" | grep -q "next" || e2e_fail "the next speaker is not marked"

# Next: FR takes the floor, the notes open for typing.
e2e_type "n"
e2e_expect "has the floor since" "FR did not get the floor"
e2e_expect "Queue (2)" "FR still queued"
e2e_type "Η Ελλάδα και η Γαλλία: accord général, très bien"
e2e_expect "accord général" "the note is not on screen"
wait_show "Ελλάδα και η Γαλλία: accord général" || e2e_fail "the draft never reached the journal"

# End from the notes (F6), then a point of order by EE goes first.
e2e_keys F6
e2e_expect "Nobody has the floor" "end did not end"
e2e_type "!"
e2e_expect "Point of order" "no point-of-order picker"
e2e_type "Eesti"
e2e_expect "Estonia" "Eesti does not find Estonia"
e2e_keys Enter
e2e_expect " 1 ! EE" "EE is not first with a point-of-order mark"
e2e_expect "point of order" "the point of order is not named"

# Tour de table queues every present delegation.
e2e_type "t"
i=0 n=0
while [ $i -lt 100 ]; do
	n=$(e2e_screen | sed -n 's/.*Queue (\([0-9]*\)).*/\1/p' | head -n 1)
	[ "${n:-0}" -ge 20 ] && break
	sleep 0.05; i=$((i + 1))
done
[ "${n:-0}" -ge 20 ] || e2e_fail "tour queued only $n"

# Undo takes the tour back.
e2e_type "u"
e2e_expect "Queue (3)" "undo did not take the tour back"
show | grep -qF "accord général, très bien" || e2e_fail "the note is not kept"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit"
