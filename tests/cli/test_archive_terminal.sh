#!/bin/sh
# The archive commands on a terminal (script(1) gives them one): aligned
# columns with a header, matches in bold, a progress line on standard error
# for a long scan; to a pipe or a file: none of these.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
command -v script > /dev/null || { echo "FAIL: script(1) is not installed"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-archtty.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8 TERM=xterm
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
tty() { script -qec "$1" /dev/null | tr -d '\r'; }

A=$("$GAVEL_BIN" new --roster eu28-2017 --title "Horizontal Working Party on Cyber Issues" --date 2017-05-12) || fail "new"
B=$("$GAVEL_BIN" new --roster eu28-2017 --title "TELE" --date 2017-06-12) || fail "new"
printf 'item add X\nitem 1\nfloor EL\nnext\nnote la sécurité des réseaux\n' | "$GAVEL_BIN" exec "$A" || fail "exec"

tty "'$GAVEL_BIN' list" > "$T/list"
head -n 1 "$T/list" | grep -q '^date  *body  *document  *items  *interventions  *open actions  *path' || fail "no header: $(cat "$T/list")"
# the path column starts at the same place on every line
c1=$(sed -n 2p "$T/list" | awk '{ print index($0, "/") }')
c2=$(sed -n 3p "$T/list" | awk '{ print index($0, "/") }')
[ "$c1" -gt 0 ] && [ "$c1" -eq "$c2" ] || fail "columns not aligned: $(cat "$T/list")"
"$GAVEL_BIN" list | head -n 1 | grep -q '^date' && fail "a header in a pipe"

esc=$(printf '\033')
tty "'$GAVEL_BIN' search securite" | grep -q "${esc}\[1msécurité${esc}\[0m" || fail "no bold on a terminal"
"$GAVEL_BIN" search securite | grep -q "$esc" && fail "escape sequences in a pipe"
"$GAVEL_BIN" search securite | grep -q '\[sécurité\]' || fail "match not marked in a pipe"

# A long scan (200 files and more) says how far it is, on a terminal only.
i=0
while [ $i -lt 240 ]; do cp "$B" "$(dirname "$B")/2016-01-01-copy-$i.gavel"; i=$((i + 1)); done
tty "'$GAVEL_BIN' list > /dev/null" > "$T/progress"
grep -q 'reading the archive: 200 of 242 sessions' "$T/progress" || fail "no progress: $(cat -v "$T/progress")"
"$GAVEL_BIN" list > /dev/null 2> "$T/quiet"
[ -s "$T/quiet" ] && fail "progress written to a file: $(cat "$T/quiet")"
exit 0
