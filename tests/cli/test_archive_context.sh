#!/bin/sh
# A match that starts inside the context shown and ends past it is shown
# whole: from the cache (each hit's context written straight into the
# search's arena) as without it. Two thousand such hits, kept for csv and
# json, so that the arena's blocks fill up and one ends right behind such a
# context: room must be made for the whole match, not for the window.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-archctx.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1516017600
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }

D="$T/archive"
p=$("$GAVEL_BIN" -D "$D" new --roster eu28-2017 --title "Party" --date 2017-03-03) || fail "new"
fill=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
phrase="the long phrase runs well past the end of the window shown around the first match of the query"
# Each note: "alpha", 170 to 184 x, then the phrase, which starts within the
# 200 bytes shown from "alpha" and ends some 90 bytes past them.
{
	printf 'item add "Item"\nitem 1\n'
	i=0
	while [ "$i" -lt 2000 ]; do
		printf 'floor FR\nnext\nnote alpha %s %s %s.\n' "$(printf '%s' "$fill" | cut -c1-$((170 + i % 15)))" "$phrase" "$i"
		i=$((i + 1))
	done
} | "$GAVEL_BIN" exec "$p" > /dev/null || fail "exec"
"$GAVEL_BIN" -D "$D" list > /dev/null 2>&1 || fail "list"
[ -n "$(ls "$T/cache/gavel/")" ] || fail "no cache written"
q="alpha \"$phrase\""
for f in txt csv json; do
	GAVEL_NO_CACHE=1 "$GAVEL_BIN" -D "$D" search "$q" --format $f > "$T/ref" 2> "$T/err" ||
		fail "$f, no cache: $(cat "$T/err")"
	"$GAVEL_BIN" -D "$D" search "$q" --format $f > "$T/got" 2> "$T/err" || fail "$f, cached: exit $?: $(cat "$T/err")"
	cmp -s "$T/ref" "$T/got" || fail "$f: cached answers differ from no cache:
$(diff "$T/ref" "$T/got" | head -n 10)"
done
# The phrase is shown whole and marked, past the 200 bytes of the window.
"$GAVEL_BIN" -D "$D" search "$q" > "$T/got" 2> /dev/null || fail "txt, cached"
n=$(grep -c "^    \[alpha\] x* \[$phrase\]…\$" "$T/got")
[ "$n" = 2000 ] || fail "$n contexts with the whole phrase marked, not 2000"
echo "ok"
