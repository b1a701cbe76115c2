#!/bin/sh
# make run: opens gavel on the demo meeting (the agenda of the reference
# meeting of 12 May 2017, with the eu28-2017 roster) in a data folder of its
# own, so that nothing of the user's own sessions is touched. The folder is
# kept between runs (what was recorded is still there next time) and its
# place is said; `make demo-reset` (demo.sh --reset) removes it, and the next
# run starts a fresh meeting.
#   demo.sh [--reset] [BIN]
reset=0
[ "$1" = "--reset" ] && { reset=1; shift; }
bin=${1:-./gavel}
top=$(cd "$(dirname "$0")/.." && pwd)
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
bindir=$(cd "$(dirname "$bin")" && pwd)
if [ "$bindir" = "$top" ]; then data="$top/build/demo-data"; else data="$bindir/demo-data"; fi
data=${GAVEL_DEMO_DATA:-$data}
if [ $reset -eq 1 ]; then
	rm -rf "$data" && echo "demo: removed $data; the next 'make run' starts a fresh meeting"
	exit $?
fi
session=
for f in "$data"/sessions/*.gavel; do [ -f "$f" ] && session=$f; done
if [ -n "$session" ]; then
	echo "demo: the demo meeting is kept in $data ('make demo-reset' starts over)"
else
	mkdir -p "$data" || exit 1
	session=$("$bin" -D "$data" new --agenda "$top/agendas/demo.ini") || {
		echo "demo: could not create the demo session" >&2; exit 1; }
	echo "demo: a new demo meeting in $data ('make demo-reset' starts over)"
fi
if [ ! -t 0 ] || [ ! -t 1 ]; then
	echo "demo: run '$bin -D $data $session' in a terminal" >&2
	exit 0
fi
exec "$bin" -D "$data" "$session"
