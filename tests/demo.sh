#!/bin/sh
# make run: opens gavel on the demo meeting (the agenda of the reference
# meeting of 12 May 2017, with the eu28-2017 roster) in a fresh data folder,
# so that nothing of the user's own sessions is touched.
bin=${1:-./gavel}
top=$(cd "$(dirname "$0")/.." && pwd)
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
bindir=$(cd "$(dirname "$bin")" && pwd)
if [ "$bindir" = "$top" ]; then data="$top/build/demo-data"; else data="$bindir/demo-data"; fi
data=${GAVEL_DEMO_DATA:-$data}
rm -rf "$data"
mkdir -p "$data" || exit 1
session=$("$bin" -D "$data" new --agenda "$top/agendas/demo.ini") || {
	echo "demo: could not create the demo session" >&2; exit 1; }
if [ ! -t 0 ] || [ ! -t 1 ]; then
	echo "demo: created $session; run '$bin -D $data $session' in a terminal" >&2
	exit 0
fi
exec "$bin" -D "$data" "$session"
