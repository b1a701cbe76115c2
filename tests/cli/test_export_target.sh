#!/bin/sh
# render -o and actions -o by what the path names: a new or regular file is
# replaced atomically and keeps its mode and group (a new one is 0600); a symbolic link
# is refused and never written through; a character device or a FIFO is
# written into and stays what it was (/dev/null, /dev/full with a clear
# ENOSPC message, a FIFO, /dev/stdout); a folder or a socket is refused.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
fail() { echo "FAIL: $*"; exit 1; }
mode() { stat -c %a "$1"; }

S=$("$GAVEL_BIN" new --title "Exports" --date 2017-05-12 --roster eu28-2017) || fail "new"
printf 'item add "Adoption of the agenda"\naction FR 2017-06-01 send the note\n' |
	"$GAVEL_BIN" exec "$S" || fail "exec"

for cmd in render actions; do
	# A new file: 0600, whatever the umask.
	(umask 022; "$GAVEL_BIN" $cmd "$S" -o "$T/new-$cmd.md") || fail "$cmd -o new file"
	[ "$(mode "$T/new-$cmd.md")" = 600 ] || fail "$cmd: a new file is $(mode "$T/new-$cmd.md")"
	grep -q . "$T/new-$cmd.md" || fail "$cmd: the new file is empty"

	# An existing 0644 file stays 0644 (shared on purpose) and is replaced.
	echo old > "$T/shared-$cmd.md"
	chmod 644 "$T/shared-$cmd.md"
	"$GAVEL_BIN" $cmd "$S" -o "$T/shared-$cmd.md" || fail "$cmd -o existing file"
	[ "$(mode "$T/shared-$cmd.md")" = 644 ] || fail "$cmd: 0644 became $(mode "$T/shared-$cmd.md")"
	grep -q old "$T/shared-$cmd.md" && fail "$cmd: the file was not replaced"
	# and keeps its group (a group this user may give it: any, as root).
	if [ "$(id -u)" = 0 ] && getent group daemon > /dev/null 2>&1; then
		chgrp daemon "$T/shared-$cmd.md"
		"$GAVEL_BIN" $cmd "$S" -o "$T/shared-$cmd.md" || fail "$cmd -o a group file"
		[ "$(stat -c %G "$T/shared-$cmd.md")" = daemon ] || fail "$cmd: the file lost its group"
	fi

	# A symbolic link, planted where the export goes: refused, the file it
	# names untouched, the link still a link.
	echo victim > "$T/victim"
	ln -s "$T/victim" "$T/planted-$cmd.md"
	"$GAVEL_BIN" $cmd "$S" -o "$T/planted-$cmd.md" 2> "$T/err" && fail "$cmd wrote through a link"
	grep -q "planted-$cmd.md: is a symbolic link" "$T/err" || fail "$cmd link: $(cat "$T/err")"
	[ "$(cat "$T/victim")" = victim ] || fail "$cmd changed the file a link names"
	[ -L "$T/planted-$cmd.md" ] || fail "$cmd replaced the link"

	# /dev/null: written into, still a character device.
	"$GAVEL_BIN" $cmd "$S" -o /dev/null || fail "$cmd -o /dev/null"
	[ -c /dev/null ] || fail "$cmd replaced /dev/null"

	# /dev/full: ENOSPC said clearly, the device never replaced.
	if [ -c /dev/full ]; then
		"$GAVEL_BIN" $cmd "$S" -o /dev/full 2> "$T/err" && fail "$cmd -o /dev/full succeeded"
		grep -q "/dev/full: cannot write: No space left on device" "$T/err" ||
			fail "$cmd /dev/full: $(cat "$T/err")"
		[ -c /dev/full ] || fail "$cmd replaced /dev/full with a file"
	fi

	# A FIFO: the reader gets the document, the FIFO stays a FIFO.
	mkfifo "$T/fifo-$cmd"
	cat "$T/fifo-$cmd" > "$T/from-fifo" & reader=$!
	"$GAVEL_BIN" $cmd "$S" -o "$T/fifo-$cmd" || fail "$cmd -o FIFO"
	wait $reader
	[ -p "$T/fifo-$cmd" ] || fail "$cmd replaced the FIFO"
	cmp -s "$T/from-fifo" "$T/new-$cmd.md" || fail "$cmd: the FIFO's reader got another text"

	# /dev/stdout and -: standard output, a pipe or a file.
	"$GAVEL_BIN" $cmd "$S" -o /dev/stdout | cat > "$T/piped" || fail "$cmd -o /dev/stdout"
	cmp -s "$T/piped" "$T/new-$cmd.md" || fail "$cmd -o /dev/stdout into a pipe"
	"$GAVEL_BIN" $cmd "$S" -o /dev/stdout > "$T/redirected" || fail "$cmd -o /dev/stdout > file"
	cmp -s "$T/redirected" "$T/new-$cmd.md" || fail "$cmd -o /dev/stdout into a file"
	"$GAVEL_BIN" $cmd "$S" -o - > "$T/dash" || fail "$cmd -o -"
	cmp -s "$T/dash" "$T/new-$cmd.md" || fail "$cmd -o -"

	# A folder: refused, nothing made inside or beside it.
	mkdir "$T/folder-$cmd.md"
	"$GAVEL_BIN" $cmd "$S" -o "$T/folder-$cmd.md" 2> "$T/err" && fail "$cmd wrote a folder"
	grep -q "folder-$cmd.md: is a folder" "$T/err" || fail "$cmd folder: $(cat "$T/err")"
	[ -d "$T/folder-$cmd.md" ] || fail "$cmd replaced a folder"
done

# A socket: refused.
if command -v python3 > /dev/null 2>&1; then
	python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$T/sock" &&
	{ "$GAVEL_BIN" render "$S" -o "$T/sock" 2> "$T/err" && fail "render wrote a socket"
	  grep -q "sock: is a socket" "$T/err" || fail "socket: $(cat "$T/err")"
	  [ -S "$T/sock" ] || fail "render replaced a socket"; }
fi
ls "$T" | grep -q '\.tmp-' && fail "a temporary file was left: $(ls "$T")"
exit 0
