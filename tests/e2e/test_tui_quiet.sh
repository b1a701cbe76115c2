# Screen readers and quiet terminals: the terminal cursor sits on the
# selected row of the focused list; clock = off shows no clock and
# clock = minutes no seconds; mouse = no leaves the mouse to the terminal.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
cursor_row() { tmux -L "$E2E_SOCK" display-message -p -t "e2e:$E2E_WIN" '#{cursor_y}'; }
# The row (0-based) of the first screen line holding TEXT.
row_of() { e2e_screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'; }
e2e_start 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_screen | head -n 1 | grep -Eq "[0-9]{2}:[0-9]{2}:[0-9]{2}" || e2e_fail "no clock with seconds by default"
[ "$(tmux -L "$E2E_SOCK" display-message -p -t e2e:main '#{mouse_any_flag}')" = 1 ] || e2e_fail "the mouse is not captured by default"
e2e_keys BTab
e2e_expect "Agenda *"
e2e_keys j j
e2e_expect "Agenda *"
sleep 0.3
want=$(row_of "3 EU Cyber Security")
[ "$(cursor_row)" = "$want" ] || e2e_fail "the cursor is on row $(cursor_row), the selection on row $want"
e2e_keys j
sleep 0.3
want=$(row_of "3.1 Foreign and security")
[ "$(cursor_row)" = "$want" ] || e2e_fail "the cursor did not follow the selection (row $(cursor_row), not $want)"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "did not leave"

mkdir -p "$XDG_CONFIG_HOME/gavel"
printf '[general]\nclock = off\nmouse = no\n' > "$XDG_CONFIG_HOME/gavel/config.ini"
e2e_start_in quiet 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_keys "]"
e2e_expect "item 1 Adoption"
sleep 1.2
e2e_screen | head -n 1 | grep -Eq "[0-9]{2}:[0-9]{2}" && e2e_fail "clock = off still shows the clock"
e2e_screen | grep "1 Adoption" | grep -Eq "[0-9]:[0-9]{2}" && e2e_fail "clock = off still shows the item's clock"
[ "$(tmux -L "$E2E_SOCK" display-message -p -t e2e:quiet '#{mouse_any_flag}')" = 0 ] || e2e_fail "mouse = no still captures the mouse"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "did not leave"

printf '[general]\nclock = minutes\n' > "$XDG_CONFIG_HOME/gavel/config.ini"
e2e_start_in minutes 80 24 "$SESSION"
e2e_expect "Adoption of the agenda"
e2e_screen | head -n 1 | grep -Eq " [0-9]{2}:[0-9]{2} " || e2e_fail "clock = minutes shows no HH:MM"
e2e_screen | head -n 1 | grep -Eq "[0-9]{2}:[0-9]{2}:[0-9]{2}" && e2e_fail "clock = minutes still shows seconds"
e2e_expect "min" "the item's clock is not in minutes"
exit 0
