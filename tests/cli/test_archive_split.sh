#!/bin/sh
# A search of a large archive shared by two threads (storage/archive.c
# scan_ordered: the newest parts here, the oldest in a second thread, its
# text kept part by part and written after): the same bytes as without the
# cache, for words in every session, rarer ones, accented and Greek ones and
# a filter; and when the second thread meets a session it cannot take from
# the cache (its records damaged in the cache), the first one replays it in
# its place, in order. GAVEL_THREADS=2 shares every search whatever the
# processors and the load (a search shares it on its own only when a
# processor is free); GAVEL_THREADS=1 keeps it in one thread.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-archsplit.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1516017600 GAVEL_THREADS=2
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }

D="$T/archive"
# Two sessions of 500 notes each (about 110 KB a file), and 20 copies of
# each: 42 sessions on two days, over 4 MB of cache (ARCHIVE_SPLIT_BYTES).
gen() { # DATE TITLE WORD
	p=$("$GAVEL_BIN" -D "$D" new --roster eu28-2017 --title "$2" --date "$1") || fail "new $1"
	{
		printf 'item add "Cyber toolbox"\nitem 1\n'
		i=0
		while [ "$i" -lt 500 ]; do
			case $((i % 6)) in
			0) c=FR ;; 1) c=DE ;; 2) c=EL ;; 3) c=PL ;; 4) c=IT ;; *) c=NL ;;
			esac
			printf 'floor %s\nnext\nnote %s note %d on the toolbox, sécurité of the Ελλάδα text, %s paragraph %d.\n' \
				"$c" "$3" "$i" "$3" "$((i * 7 % 101))"
			i=$((i + 1))
		done
	} | "$GAVEL_BIN" exec "$p" > /dev/null || fail "exec $1"
	printf '%s\n' "$p"
}
a=$(gen 2017-03-03 "Working Party on Cyber Issues" alpha) && [ -f "$a" ] || fail "alpha: $a"
b=$(gen 2018-04-04 "Working Party on Telecommunications" bravo) && [ -f "$b" ] || fail "bravo: $b"
dir=$(dirname "$a")
i=10
while [ "$i" -lt 30 ]; do
	cp -p "$a" "$dir/2017-03-03-copy$i.gavel"
	cp -p "$b" "$dir/2018-04-04-copy$i.gavel"
	i=$((i + 1))
done
"$GAVEL_BIN" -D "$D" list > /dev/null 2>&1 || fail "list"
c=$(ls "$T/cache/gavel/"*)
[ "$(wc -c < "$c")" -gt 4194304 ] || fail "the cache is only $(wc -c < "$c") bytes"
check() { # LABEL: every query, cached (shared by two threads) against no cache
	for q in toolbox sécurité ελλαδα 'alpha note' '"note 17 on"' bravo 'paragraph 33'; do
		GAVEL_NO_CACHE=1 "$GAVEL_BIN" -D "$D" search "$q" > "$T/ref" 2> /dev/null || fail "$1: $q: no cache"
		"$GAVEL_BIN" -D "$D" search "$q" > "$T/got" 2> "$T/err" || fail "$1: $q: exit $?: $(cat "$T/err")"
		cmp -s "$T/ref" "$T/got" || fail "$1: search $q: cached answers differ from no cache:
$(diff "$T/ref" "$T/got" | head -n 6)"
	done
	GAVEL_NO_CACHE=1 "$GAVEL_BIN" -D "$D" search toolbox --delegation EL > "$T/ref" 2> /dev/null
	"$GAVEL_BIN" -D "$D" search toolbox --delegation EL > "$T/got" 2> /dev/null
	cmp -s "$T/ref" "$T/got" || fail "$1: --delegation EL: cached answers differ from no cache"
}
check "whole cache"
# Every hit (500 notes and the item's title a session), newest first:
# bravo's 21 sessions before alpha's.
n=$("$GAVEL_BIN" -D "$D" search toolbox 2> /dev/null | grep -c '^    ')
[ "$n" = 21042 ] || fail "search toolbox: $n hits, not 21042"
"$GAVEL_BIN" -D "$D" search toolbox 2> /dev/null | sed -n '1p;$p' > "$T/ends"
grep -q '^2018-04-04  ' "$T/ends" && tail -n 1 "$T/ends" | grep -q 'alpha note [0-9]* on' ||
	fail "not newest first: $(cat "$T/ends")"

# The records of the two sessions visited last (the oldest day's last two
# names) damaged in the cache, one byte of a note each, the same length:
# the second thread, which starts from the oldest part, stops there; the
# first replays those files in its place, in order.
for name in $(ls "$dir" | grep '^2017-03-03' | tail -n 2); do
	at=$(grep -abo "^F	$name" "$c" | cut -d: -f1)
	[ -n "$at" ] || fail "no cache entry for $name"
	off=$(grep -abo 'alpha note 0 on' "$c" | awk -F: -v f="$at" '$1 > f { print $1; exit }')
	[ -n "$off" ] || fail "no note in the cache entry of $name"
	printf 'A' | dd of="$c" bs=1 seek="$off" conv=notrunc 2> /dev/null
done
[ "$(grep -ac 'Alpha note 0 on' "$c")" = 2 ] || fail "the cache was not damaged"
check "a damaged entry"

# A session changed since it was cached (a note added): the order is not
# known before the scan (the checks, shared by the two threads, say so), and
# the search goes the old way, in one thread, with the same answer, the new
# note in it.
k=0
for q in toolbox 'bravo note'; do
	k=$((k + 1))
	printf 'floor FR\nnext\nnote bravo note stale%s on the toolbox.\n' "$k" |
		"$GAVEL_BIN" exec "$dir/2018-04-04-copy15.gavel" > /dev/null || fail "exec stale"
	GAVEL_NO_CACHE=1 "$GAVEL_BIN" -D "$D" search "$q" > "$T/ref" 2> /dev/null
	grep -q "stale$k on" "$T/ref" || fail "stale: $q: the new note is not found"
	"$GAVEL_BIN" -D "$D" search "$q" > "$T/got" 2> "$T/err" || fail "stale: $q: exit $?: $(cat "$T/err")"
	cmp -s "$T/ref" "$T/got" || fail "a stale entry: search $q: answers differ from no cache:
$(diff "$T/ref" "$T/got" | head -n 6)"
done

# The second thread lists the folder while the cache is loaded: a folder
# that cannot be listed, an empty one and one of a single session answer as
# in one thread.
E="$T/edge"
mkdir -p "$E"
: > "$E/sessions"
for t in 1 2; do
	GAVEL_THREADS=$t "$GAVEL_BIN" -D "$E" search toolbox > "$T/out$t" 2>&1
	echo "exit $?" >> "$T/out$t"
done
grep -q 'sessions: Not a directory' "$T/out2" && cmp -s "$T/out1" "$T/out2" ||
	fail "a folder that cannot be listed: $(cat "$T/out2")"
rm "$E/sessions"
mkdir "$E/sessions"
for n in 0 1; do
	[ "$n" = 1 ] && cp -p "$a" "$E/sessions/"
	"$GAVEL_BIN" -D "$E" list > /dev/null 2>&1
	for t in 1 2; do
		GAVEL_THREADS=$t "$GAVEL_BIN" -D "$E" search toolbox > "$T/out$t" 2>&1
		echo "exit $?" >> "$T/out$t"
	done
	cmp -s "$T/out1" "$T/out2" || fail "$n sessions: two threads answer otherwise:
$(diff "$T/out1" "$T/out2" | head -n 6)"
done
grep -q 'alpha note 499' "$T/out2" || fail "one session: no hit"
exit 0
