#!/bin/sh
# Checks for what gavel needs to build and test; installs the Debian packages
# that are missing when run as root, or prints the exact command otherwise.
#   deps.sh [run|check]   run: what building and running gavel needs (make
#                         run); check (the default): that and the test tools
#                         (cmocka, tmux, and the export parsers tidy, pandoc,
#                         python3-icalendar, python3-docx) for make check
#   deps.sh bench         what building gavel needs, and nano and less, the
#                         peers make bench compares gavel with
#   deps.sh instr         the same, and valgrind for make bench-instr
mode=${1:-check}
case $mode in run|check|bench|instr) ;; *) echo "usage: deps.sh [run|check|bench|instr]" >&2; exit 2 ;; esac
missing=""
need() { # header-or-command package
	case "$1" in
	/*) [ -e "$1" ] || missing="$missing $2" ;;
	*) command -v "$1" >/dev/null 2>&1 || missing="$missing $2" ;;
	esac
}
need /usr/include/ncursesw/curses.h libncurses-dev
need /usr/include/uuid/uuid.h uuid-dev
need /usr/include/iniparser/iniparser.h libiniparser-dev
need /usr/include/zlib.h zlib1g-dev
need pkg-config pkg-config
need cc gcc
need make make
if [ "$mode" = check ]; then
	need /usr/include/cmocka.h libcmocka-dev
	need tmux tmux
	# The exports are checked by real parsers.
	need tidy tidy
	need pandoc pandoc
	/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || missing="$missing python3-icalendar"
	/usr/bin/python3 -c 'import docx' >/dev/null 2>&1 || missing="$missing python3-docx"
fi
if [ "$mode" = bench ]; then
	need nano nano
	need less less
fi
[ "$mode" = instr ] && need valgrind valgrind
[ -n "$missing" ] || exit 0
cmd="apt-get install -y$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "deps: installing$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
		echo "deps: '$cmd' failed" >&2; exit 1; }
else
	echo "deps: missing$missing; run as root:" >&2
	echo "  sudo $cmd" >&2
	exit 1
fi
