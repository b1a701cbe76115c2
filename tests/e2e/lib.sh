# End-to-end test library: runs the real gavel in a private tmux server at a
# fixed size, types keys, and reads the screen back as text. Waits poll the
# screen; nothing sleeps a fixed time. Source it from a test script:
#
#   . tests/e2e/lib.sh
#   e2e_start 80 24 --version
#   e2e_wait_for "gavel" || e2e_fail "no version"
#   e2e_wait_exit 0
#
# Every test gets its own XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME
# under a temporary folder, never the real home. The exit code of gavel is
# written to a file by the wrapper, since tmux's own pane status is not
# reliable.

GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gavel-e2e.XXXXXX")
E2E_SOCK="gavel-test-$$"
E2E_TIMEOUT=${E2E_TIMEOUT:-10}
export XDG_DATA_HOME="$E2E_DIR/data" XDG_CONFIG_HOME="$E2E_DIR/config" XDG_CACHE_HOME="$E2E_DIR/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"

e2e_cleanup() {
	tmux -L "$E2E_SOCK" kill-server >/dev/null 2>&1
	rm -rf "$E2E_DIR"
}
trap e2e_cleanup EXIT INT TERM

e2e_quote() { printf "'%s'" "$(printf %s "$1" | sed "s/'/'\\\\''/g")"; }

# e2e_start_in NAME WIDTH HEIGHT [ARGS...]: a named window of its own, so one
# test can run two gavels side by side (a writer and a follower).
e2e_start_in() {
	name=$1 w=$2 h=$3; shift 3
	script="$E2E_DIR/run-$name.sh"
	{
		echo "export LANG=C.UTF-8 LC_ALL=C.UTF-8 ESCDELAY=25 TERM=${E2E_TERM:-tmux-256color}"
		echo "export XDG_DATA_HOME=$(e2e_quote "$XDG_DATA_HOME") XDG_CONFIG_HOME=$(e2e_quote "$XDG_CONFIG_HOME") XDG_CACHE_HOME=$(e2e_quote "$XDG_CACHE_HOME")"
		[ -n "${E2E_ENV:-}" ] && echo "export $E2E_ENV"
		printf 'cd %s\n' "$(e2e_quote "$E2E_DIR")"
		printf '%s' "$(e2e_quote "$GAVEL_BIN")"
		for a in "$@"; do printf ' %s' "$(e2e_quote "$a")"; done
		printf ' 2>%s\n' "$(e2e_quote "$E2E_DIR/stderr-$name")"
		printf 'echo $? > %s\n' "$(e2e_quote "$E2E_DIR/rc-$name")"
		# Keep the pane alive after gavel exits: tmux may drop the last output
		# of a pane whose process is gone. The cleanup kills the server.
		printf 'exec sleep 3600\n'
	} > "$script"
	rm -f "$E2E_DIR/rc-$name"
	if tmux -L "$E2E_SOCK" has-session 2>/dev/null; then
		tmux -L "$E2E_SOCK" new-window -d -n "$name" "sh $script"
		tmux -L "$E2E_SOCK" resize-window -t "e2e:$name" -x "$w" -y "$h" >/dev/null 2>&1
	else
		printf 'set -g status off\nset -g default-terminal tmux-256color\n' > "$E2E_DIR/tmux.conf"
		tmux -L "$E2E_SOCK" -f "$E2E_DIR/tmux.conf" new-session -d -s e2e -n "$name" \
			-x "$w" -y "$h" "sh $script"
	fi
	E2E_WIN=$name
}

# e2e_start WIDTH HEIGHT [ARGS...]: the main window.
e2e_start() { e2e_start_in main "$@"; }

# e2e_use NAME: later calls talk to that window.
e2e_use() { E2E_WIN=$1; }

# e2e_keys KEY...: tmux key names (Enter, Escape, C-e, Up, F1, ...).
e2e_keys() { tmux -L "$E2E_SOCK" send-keys -t "e2e:$E2E_WIN" "$@"; }

# e2e_type TEXT: literal text, UTF-8 as is.
e2e_type() { tmux -L "$E2E_SOCK" send-keys -t "e2e:$E2E_WIN" -l "$1"; }

e2e_screen() { tmux -L "$E2E_SOCK" capture-pane -p -t "e2e:$E2E_WIN"; }

e2e_resize() { tmux -L "$E2E_SOCK" resize-window -t "e2e:$E2E_WIN" -x "$1" -y "$2"; }

# e2e_wait_for TEXT [SECONDS]: until TEXT (fixed string) is on the screen.
e2e_wait_for() {
	limit=$(( (${2:-$E2E_TIMEOUT}) * 20 )) i=0
	while [ $i -lt $limit ]; do
		e2e_screen 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.05; i=$((i + 1))
	done
	return 1
}

# e2e_wait_gone TEXT [SECONDS]: until TEXT has left the screen.
e2e_wait_gone() {
	limit=$(( (${2:-$E2E_TIMEOUT}) * 20 )) i=0
	while [ $i -lt $limit ]; do
		e2e_screen 2>/dev/null | grep -qF -- "$1" || return 0
		sleep 0.05; i=$((i + 1))
	done
	return 1
}

# e2e_wait_exit [EXPECTED] [SECONDS]: until gavel exits; prints its code and
# fails when it differs from EXPECTED.
e2e_wait_exit() {
	want=${1:-} limit=$(( (${2:-$E2E_TIMEOUT}) * 20 )) i=0
	rcf="$E2E_DIR/rc-$E2E_WIN"
	while [ $i -lt $limit ] && [ ! -s "$rcf" ]; do sleep 0.05; i=$((i + 1)); done
	[ -s "$rcf" ] || { echo "gavel did not exit"; return 1; }
	rc=$(cat "$rcf")
	[ -z "$want" ] || [ "$rc" = "$want" ] || { echo "exit $rc, expected $want"; return 1; }
	return 0
}

# e2e_stderr: what gavel wrote to standard error in the current window.
e2e_stderr() { cat "$E2E_DIR/stderr-$E2E_WIN" 2>/dev/null; }

# e2e_fail MESSAGE: prints the message and the screen, and ends the test.
e2e_fail() {
	echo "FAIL: $*"
	echo "--- screen ($E2E_WIN) ---"; e2e_screen 2>/dev/null
	echo "--- stderr ---"; e2e_stderr
	exit 1
}

# e2e_expect TEXT MESSAGE: shorthand for wait-or-fail.
e2e_expect() { e2e_wait_for "$1" || e2e_fail "${2:-expected '$1' on screen}"; }
