#!/bin/sh
# A search printed as it goes: when every session is in the cache, the
# sessions are visited newest first by the days the cache holds (their
# `set date`), whatever their file names say, and each hit is printed as
# found; when one is not in the cache (its day unknown until it is
# replayed), they are visited in name order and the hits sorted. Either
# way the answer is the one without a cache: newest day first, sessions of
# one day in name order.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-archord.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1516017600
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }

# mk DIR NAME DATE: a session in DIR/sessions named NAME.gavel, dated DATE,
# with one toolbox note naming it.
mk() {
	p=$("$GAVEL_BIN" -D "$1" new --roster eu28-2017 --title "Party $2" --date "$3") || fail "new $2"
	printf 'item add "Item of %s"\nitem 1\nfloor FR\nnext\nnote The %s toolbox.\n' "$2" "$2" |
		"$GAVEL_BIN" exec "$p" > /dev/null || fail "exec $2"
	[ "$p" = "$1/sessions/$2.gavel" ] || mv "$p" "$1/sessions/$2.gavel" || fail "mv $2"
}

# check DIR STATE ORDER...: search toolbox in DIR answers as without a
# cache, its hits' sessions in ORDER (the words of their notes).
check() {
	d=$1 state=$2
	shift 2
	GAVEL_NO_CACHE=1 "$GAVEL_BIN" -D "$d" search toolbox > "$T/ref" 2> /dev/null || fail "$state: no-cache search"
	"$GAVEL_BIN" -D "$d" search toolbox > "$T/got" 2> "$T/err" || fail "$state: search: $(cat "$T/err")"
	cmp -s "$T/ref" "$T/got" || fail "$state: answers differ from no cache:
$(diff "$T/ref" "$T/got" | head -n 20)"
	want=$(printf '%s ' "$@")
	got=$(sed -n 's/^    The \(.*\) \[toolbox\]\.$/\1/p' "$T/got" | tr '\n' ' ')
	[ "$got" = "$want" ] || fail "$state: sessions in the order '$got', not '$want'"
}

# Names in the order of their days, two sessions on one day.
R="$T/rising"
mk "$R" 2016-01-10-a 2016-01-10
mk "$R" 2016-05-05-x 2016-05-05
mk "$R" 2016-05-05-y 2016-05-05
mk "$R" 2017-03-03-b 2017-03-03
check "$R" "rising, no cache yet" 2017-03-03-b 2016-05-05-x 2016-05-05-y 2016-01-10-a
"$GAVEL_BIN" -D "$R" list > /dev/null 2>&1
[ -n "$(ls "$T/cache/gavel/")" ] || fail "no cache written"
check "$R" "rising, cached" 2017-03-03-b 2016-05-05-x 2016-05-05-y 2016-01-10-a

# Names that do not say the day: a session named 2015 held in 2019, one
# named 2017 held in 2014, two on one day among them.
M="$T/mixed"
mk "$M" 2015-01-01-late 2019-03-01
mk "$M" 2016-05-05-x 2016-05-05
mk "$M" 2016-05-05-y 2016-05-05
mk "$M" 2017-02-02-early 2014-01-01
mk "$M" 2018-08-08-z 2016-05-05
check "$M" "mixed, no cache yet" 2015-01-01-late 2016-05-05-x 2016-05-05-y 2018-08-08-z 2017-02-02-early
"$GAVEL_BIN" -D "$M" list > /dev/null 2>&1
check "$M" "mixed, cached" 2015-01-01-late 2016-05-05-x 2016-05-05-y 2018-08-08-z 2017-02-02-early

# One session not in the cache yet, its name not saying its day: the
# others are cached, this one is replayed where its name puts it.
mk "$M" 2013-04-04-new 2018-02-02
check "$M" "one session not cached" 2015-01-01-late 2013-04-04-new 2016-05-05-x 2016-05-05-y \
	2018-08-08-z 2017-02-02-early
# And once it is.
check "$M" "all cached again" 2015-01-01-late 2013-04-04-new 2016-05-05-x 2016-05-05-y \
	2018-08-08-z 2017-02-02-early

# A body too long for the line kept from one hit to the next (512 bytes):
# printed whole all the same, at each hit.
L="$T/long"
long=$(printf 'Working Party %0600d' 7)
p=$("$GAVEL_BIN" -D "$L" new --roster eu28-2017 --title "$long" --date 2016-02-02) || fail "new long"
printf 'item add "Long item"\nitem 1\nfloor FR\nnext\nnote One toolbox.\nfloor DE\nnext\nnote Two toolbox.\n' |
	"$GAVEL_BIN" exec "$p" > /dev/null || fail "exec long"
"$GAVEL_BIN" -D "$L" list > /dev/null 2>&1
"$GAVEL_BIN" -D "$L" search toolbox > "$T/got" 2> "$T/err" || fail "long: search: $(cat "$T/err")"
n=$(grep -c "^2016-02-02  $long  1 Long item  [A-Z]*  (said)\$" "$T/got")
[ "$n" = 2 ] || fail "long body: $n whole header lines, not 2: $(cut -c 1-80 "$T/got")"
exit 0
