# Recorded text with terminal escapes (ESC ]0 sets the window title, ESC [2J
# clears, BEL, the C1 CSI U+009B) and bidirectional overrides shows in the
# live screen in the same visible form as in `gavel show` (^[, ^G, \x9b,
# <U+202E>): nothing reaches the terminal raw, the window title stays.
# Under LANG=C the names are transliterated (Espana), never broken bytes.
. tests/e2e/lib.sh
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
E=$(printf '\033') B=$(printf '\007') C1=$(printf '\302\233') RLO=$(printf '\342\200\256')
SESSION=$("$GAVEL_BIN" new --roster eu28-2017 --date 2017-05-12 2>"$E2E_DIR/new.err") ||
	e2e_fail "new: $(cat "$E2E_DIR/new.err")"
"$GAVEL_BIN" exec "$SESSION" <<SCRIPT || e2e_fail "exec"
item add "T${E}]0;pwned${B}x"
item add "Política de España"
item 1
floor ES FR
next
note a${E}[2Jb${C1}c${RLO}gnp.exe
SCRIPT
E2E_ENV="GAVEL_DATADIR=$GAVEL_DATADIR"
e2e_start 100 30 "$SESSION"
e2e_expect "T^[]0;pwned^Gx" "the item title's escape is not shown visibly"
e2e_expect 'a^[[2Jb\x9bc<U+202E>gnp.exe' "the note's controls are not shown visibly"
title=$(tmux -L "$E2E_SOCK" display-message -p -t "e2e:main" '#{pane_title}')
case $title in *pwned*) e2e_fail "the title escape reached the terminal: $title" ;; esac
e2e_expect "Spain / Espa"
e2e_keys q
e2e_expect "Quit anyway?"
e2e_type "y"
e2e_wait_exit 0 || e2e_fail "quit"

# LANG=C: one ASCII character for each, no broken bytes on the screen.
E2E_ENV="GAVEL_DATADIR=$GAVEL_DATADIR LANG=C LC_ALL=C"
e2e_start_in c 100 30 "$SESSION"
e2e_expect "Spain / Espana" "under LANG=C the name is not transliterated"
e2e_expect "T^[]0;pwned^Gx" "under LANG=C the title's escape is not visible"
e2e_screen | LC_ALL=C grep -q "$(printf '[\200-\377]')" && e2e_fail "bytes that are not ASCII under LANG=C"
e2e_keys q
e2e_expect "Quit anyway?"
e2e_type "y"
e2e_wait_exit 0 || e2e_fail "quit under LANG=C"

# gavel show on a LANG=C terminal: the same.
e2e_start_in show 100 30 show "$SESSION"
e2e_expect "Politica de Espana" "show under LANG=C does not transliterate"
e2e_expect 'a^[[2Jb\x9bc<U+202E>gnp.exe' "show under LANG=C does not show the controls"
e2e_screen | LC_ALL=C grep -q "$(printf '[\200-\377]')" && e2e_fail "show printed bytes that are not ASCII under LANG=C"
e2e_wait_exit 0 || e2e_fail "show under LANG=C"
exit 0
