#!/bin/sh
# The hits from the cache as without it. A match that starts inside the
# context shown and ends past it is shown whole (each hit's context is
# written straight into the search's arena). Two thousand such hits, kept for csv and
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

# A term found first, on its cached line, before the text (in the
# delegation's code, the item's number): the text is still searched whole.
E="$T/early"
p=$("$GAVEL_BIN" -D "$E" new --roster eu28-2017 --title "Early" --date 2018-04-04) || fail "new early"
printf '%s\n' 'item add "Item"' 'item 1' 'floor FR' 'next' 'note The Frontex file, fr.' 'floor DE' 'next' \
	'note Nothing here.' 'position FR supports frankly' 'reserve FR scrutiny for France' |
	"$GAVEL_BIN" exec "$p" > /dev/null || fail "exec early"
"$GAVEL_BIN" -D "$E" list > /dev/null 2>&1 || fail "list early"
for q in fr 1 de; do
	GAVEL_NO_CACHE=1 "$GAVEL_BIN" -D "$E" search "$q" > "$T/ref" 2> /dev/null
	"$GAVEL_BIN" -D "$E" search "$q" > "$T/got" 2> "$T/err"
	cmp -s "$T/ref" "$T/got" || fail "search $q: cached answers differ from no cache:
$(diff "$T/ref" "$T/got" | head -n 10)"
done
"$GAVEL_BIN" -D "$E" search fr > "$T/got" 2> /dev/null
n=$(grep -c '^    .*\[[Ff][Rr]\]' "$T/got")
[ "$n" = 3 ] || fail "search fr: $n texts marked, not 3:
$(cat "$T/got")"

# A term that ends its text, after accented letters (the folded text is
# shorter than the record's): the folded field is cut to its last byte. A
# query's longest term is looked for first, its place known from the line's
# search; a shorter one ending the text is looked for within the field.
L="$T/last"
p=$("$GAVEL_BIN" -D "$L" new --roster eu28-2017 --title "Last" --date 2018-05-05) || fail "new last"
printf '%s\n' 'item add "Item"' 'item 1' 'floor FR' 'next' 'note the Sécurité and études, lastterm zq' \
	'position DE supports the Élysée text lastterm zq' 'reserve IT scrutiny on the Öresund part lastterm zq' |
	"$GAVEL_BIN" exec "$p" > /dev/null || fail "exec last"
"$GAVEL_BIN" -D "$L" list > /dev/null 2>&1 || fail "list last"
# Its folded line padded with its marks: one capital for each byte folded
# away, the block of sixteen folded bytes of its letter (the three é at
# 18, 24 and 30: B), for a search to map offsets back from near them.
grep -aq "^V	0	fr	..:..	the securite and etudes, lastterm zq	[0-9a-f-]*BBB\$" "$T/cache/gavel/"* ||
	fail "no marks in the folded line:
$(grep -a 'lastterm zq' "$T/cache/gavel/"* | cat -A)"
for q in zq "lastterm zq" "zq lastterm" "öresund zq"; do
	GAVEL_NO_CACHE=1 "$GAVEL_BIN" -D "$L" search "$q" > "$T/ref" 2> /dev/null
	"$GAVEL_BIN" -D "$L" search "$q" > "$T/got" 2> "$T/err"
	cmp -s "$T/ref" "$T/got" || fail "search $q: cached answers differ from no cache:
$(diff "$T/ref" "$T/got" | head -n 10)"
	n=$(grep -c '^    .* \[zq\]$' "$T/got")
	want=3
	case $q in *öresund*) want=1 ;; esac
	[ "$n" = $want ] || fail "search $q: $n texts ending in the marked term, not $want:
$(cat "$T/got")"
done
echo "ok"
