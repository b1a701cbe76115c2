# The config: a wrong [keys] line is reported as file:line, a remapped key
# works, the speaking-time limit turns the clock to an alert with a word, and
# Ctrl-E takes the note through $EDITOR and back.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
mkdir -p "$XDG_CONFIG_HOME/gavel"
cat > "$XDG_CONFIG_HOME/gavel/config.ini" <<'EOC'
[general]
speaking_time = 3

[keys]
next = N F5
nxet = x
help = Ctrl-x
EOC
cat > "$E2E_DIR/editor.sh" <<'EOC'
#!/bin/sh
printf 'Österreich: écrit dans l’éditeur\n' >> "$1"
EOC
chmod +x "$E2E_DIR/editor.sh"
E2E_ENV="EDITOR=$E2E_DIR/editor.sh VISUAL="
e2e_start 100 30 "$SESSION"
e2e_expect "config.ini:6: unknown action 'nxet'" "the wrong [keys] line is not reported with file:line"
e2e_expect "and 1 more" "the second problem is not counted"
e2e_type "]"
e2e_type ":"
e2e_type "floor AT"
e2e_keys Enter
e2e_expect "Queue (1)"
e2e_type "n"
e2e_expect "n: no such key" "n still works after next = N F5"
e2e_type "N"
e2e_expect "has the floor since" "N (remapped) did not give the floor"
e2e_expect "limit 0:03" "the limit is not shown"
e2e_wait_for "OVER TIME" 8 || e2e_fail "the clock did not turn to the alert"
e2e_keys C-e
e2e_expect "écrit dans l’éditeur" "the note did not come back from \$EDITOR"
e2e_expect "note taken back" "no word that the note came back"
e2e_keys F6
e2e_expect "Nobody has the floor"
"$GAVEL_BIN" --read-only show "$SESSION" | grep -qF "Österreich: écrit dans l’éditeur" ||
	e2e_fail "the edited note is not in the journal"
e2e_keys q
e2e_wait_exit 0 || e2e_fail "quit"
e2e_stderr | grep -q "config.ini:7: unknown key 'Ctrl-x'" || e2e_fail "the problems are not listed on exit"
