# A stop sent from outside (kill -TSTP, as a window manager or a script may)
# suspends like Ctrl-Z: the terminal is given back, the shell says the job
# stopped, and `fg` brings the live screen back, repainted, keys working.
. tests/e2e/lib.sh
command -v bash >/dev/null || { echo "bash is needed for job control"; exit 1; }
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
printf 'set -g status off\nset -g default-terminal tmux-256color\n' > "$E2E_DIR/tmux.conf"
tmux -L "$E2E_SOCK" -f "$E2E_DIR/tmux.conf" new-session -d -s e2e -n main -x 80 -y 24 \
	"env LANG=C.UTF-8 LC_ALL=C.UTF-8 ESCDELAY=25 TERM=tmux-256color PS1='shell\$ ' bash --norc --noprofile -i"
E2E_WIN=main
e2e_expect 'shell$' "no shell"
e2e_type "$(e2e_quote "$GAVEL_BIN") $(e2e_quote "$SESSION")"
e2e_keys Enter
e2e_expect "Adoption of the agenda"
shell=$(tmux -L "$E2E_SOCK" list-panes -t e2e:main -F '#{pane_pid}')
pid=$(pgrep -P "$shell" | head -n 1)
[ -n "$pid" ] || e2e_fail "no gavel process under the shell"
kill -TSTP "$pid"
e2e_expect "Stopped" "kill -TSTP did not stop gavel"
e2e_wait_gone "Adoption of the agenda" || e2e_fail "the terminal was not given back"
e2e_type "fg"
e2e_keys Enter
e2e_expect "Adoption of the agenda" "not repainted after fg"
e2e_keys "]"
e2e_expect "Queue" "keys do not work after the suspension"
