#!/bin/sh
# The archive cache and the folded lines a search reads from it: whatever
# state the cache is in (none, filled, stale after a file changed its size or
# mtime, deleted, damaged byte by byte, cut short, garbage), every command
# answers exactly as with no cache at all (GAVEL_NO_CACHE=1).
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-archidx.XXXXXX")
holder=
trap '[ -n "$holder" ] && kill $holder 2>/dev/null; rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
. "$(dirname "$0")/archive_gen.sh"
gen_archive
# Hostile text in a cached record: a control character, a C1 control, a
# bidirectional override and the Arabic letter mark, beside clean notes;
# and a note whose cache line has an escape (a backslash), found by a
# plain word.
printf 'floor NL\nnext\nnote Hostile \033[2J toolbox \302\233 \342\200\256 \330\234 end\nfloor BE\nnext\nnote Clean toolbox note.\nfloor DE\nnext\nnote Escaped C:\\share\\zzslash path.\n' |
	"$GAVEL_BIN" exec "$S4" > /dev/null || fail "exec hostile"

# The questions: searches of every kind (a rare word, a word in many
# sessions, a phrase, an accented query and its unaccented form, filters,
# a query the folded lines cannot answer), and the other archive commands.
queries() {
	cat <<-'Q'
	search ελλαδα
	search Ελλάδα
	search securite
	search sécurité
	search toolbox
	search TOOLBOX --format csv
	search "scrutiny reservation"
	search reservation scrutiny maintains
	search securite --delegation FR
	search toolbox --doc 7923/17 --format json
	search toolbox --item 1
	search hostile
	search "a\b"
	search zzslash
	search zzslash --delegation de
	search zzfresh
	search roaming --since 2017-01-01
	list
	actions --open --format txt
	reservations
	said FR
	dossier 7923/17
	Q
}

# ask NAME: every question's answer and exit status into $T/NAME.
ask() {
	: > "$T/$1"
	queries | while IFS= read -r q; do
		printf '== %s\n' "$q" >> "$T/$1"
		eval "\"\$GAVEL_BIN\" $q" >> "$T/$1" 2> /dev/null
		echo "exit $?" >> "$T/$1"
	done
}
same() { # STATE: the answers now equal those without a cache
	GAVEL_NO_CACHE=1 ask ref
	ask got
	cmp -s "$T/ref" "$T/got" || fail "$1: answers differ from no cache:
$(diff "$T/ref" "$T/got" | head -n 20)"
}

cachefile() { ls "$T/cache/gavel/"archive-*.cache 2> /dev/null; }

same "no cache yet"
[ -n "$(cachefile)" ] || fail "no cache written"
grep -q 'ελλαδα στηριζει' "$(cachefile)" || fail "no folded text in the cache"
same "a filled cache"
grep -q '^    Hostile ^\[\[2J \[toolbox\] \\x9b <U+202E> <U+061C> end$' "$T/got" ||
	fail "hostile text not made visible from the cache: $(grep -A1 'NL (said)' "$T/got")"
grep -q 'toolbox' "$T/got" || fail "the searches found nothing: $(head -n 20 "$T/got")"
grep -c '^exit 0' "$T/got" | grep -q '^1[0-9]$' || fail "too few answers: $(grep -c '^exit 0' "$T/got")"

# Each intervention keeps the uuid of the event that gave it the floor (EL's
# in S2 is the first `next`): a search hit opens on the live screen there.
iv=$(awk '$4 == "next" { print $3; exit }' "$S2")
[ -n "$iv" ] || fail "no next in S2"
grep -q "^V	0	EL	[0-9:]*	Η Ελλάδα στηρίζει την εργαλειοθήκη.	$iv\$" "$(cachefile)" ||
	fail "the cache does not carry EL's intervention $iv: $(grep '^V' "$(cachefile)")"
# A cache of the format before (its records without those uuids) is not
# read: it is rebuilt whole, and the answers do not change.
c=$(cachefile)
sed -e '1s/gavel-digest-[0-9]*$/gavel-digest-2/' -e 's/^\([Vv]	.*\)	[0-9a-f-]*$/\1/' "$c" > "$T/x" && cat "$T/x" > "$c"
head -n 1 "$c" | grep -q 'gavel-digest-2$' || fail "the old header was not written"
grep -q "$iv" "$c" && fail "the old cache still has the uuid"
same "a cache of the format before"
head -n 1 "$c" | grep -q 'gavel-digest-2$' && fail "a cache of the format before was kept"
grep -q "^V	0	EL	.*	$iv\$" "$c" || fail "the rebuilt cache lacks EL's intervention $iv"

# The index at the head of the cache (format 6): every entry's F line and
# its summary line, then "B", then the bodies (records, folded lines) in the
# same order; a list reads only the index.
c=$(cachefile)
head -n 1 "$c" | grep -q '^gavel-archive-cache 6 ' || fail "not format 6: $(head -n 1 "$c")"
awk 'NR == 1 { next }
	state == 0 && /^F	/ { state = 1; n++; next }
	state == 1 && /^S	/ { state = 0; next }
	state == 0 && $0 == "B" { print n; done = 1; exit }
	{ exit 1 }
	END { if (!done) exit 1 }' "$c" > "$T/n" || fail "no index of F and S lines ended by B at the head:
$(head -n 8 "$c" | cut -c1-80)"
[ "$(cat "$T/n")" -ge 4 ] || fail "only $(cat "$T/n") entries in the index"
awk '$0 == "B" { getline; print substr($0, 1, 2); exit }' "$c" | grep -q '^[IVPRAD]	' ||
	fail "no record after the index"
# A cache of format 5 (the summary line with its records, no index) is not
# read: rebuilt whole as format 6, the same answers.
sed '1s/^gavel-archive-cache 6 /gavel-archive-cache 5 /' "$c" > "$T/x" && cat "$T/x" > "$c"
same "a cache of format 5"
head -n 1 "$c" | grep -q '^gavel-archive-cache 6 ' || fail "a cache of format 5 was kept"
# The index without its end ("B"): nothing is read from it.
grep -v '^B$' "$c" > "$T/x" && cat "$T/x" > "$c"
same "an index without its end"
grep -qx B "$c" || fail "the cache was not rewritten"
# A summary line damaged (a digit of its counts): that entry is a miss.
awk 'done == 0 && /^S	/ { sub(/	[0-9]+	/, "	99999	"); done = 1 } { print }' "$c" > "$T/x" &&
	cat "$T/x" > "$c"
grep -q '^S	.*	99999	' "$c" || grep -q '^S	99999	' "$c" || fail "no summary line damaged"
same "a damaged summary line"

# A session grows (new size and mtime): its entry is stale, read again.
"$GAVEL_BIN" exec "$S2" <<-'X' > /dev/null || fail "exec S2"
item add "Zzfresh toolbox matters"
X
same "a session that grew"
grep -q 'Zzfresh' "$T/got" || fail "the new item was not found"

# Same size, a new mtime only: read again (and still the same answers).
touch -d '2030-01-01' "$S1"
same "a new mtime"

# Deleted at any time.
rm -rf "$T/cache"
same "a deleted cache"

# A byte changed in the folded lines: the entry's hash no longer holds, and
# the search does not trust them (without the check, a hit would vanish).
ask filled
c=$(cachefile)
sed 's/ελλαδα στηριζει/ελλαδο στηριζει/' "$c" > "$T/x" && cat "$T/x" > "$c"
cmp -s "$T/x" "$T/filled" && fail "sed changed nothing"
same "a damaged folded line"
# A byte changed in the records: the same.
"$GAVEL_BIN" list > /dev/null 2>&1
c=$(cachefile)
sed 's/Cyber toolbox/Cyber toolbux/' "$c" > "$T/x" && cat "$T/x" > "$c"
grep -q 'toolbux' "$c" || fail "sed changed no record"
same "a damaged record"
# A byte changed in a record a search shows, the search asked first: a
# session whose folded lines hold the word has its records checked before
# they are read (one whose folded lines cannot match has them neither read
# nor checked).
"$GAVEL_BIN" list > /dev/null 2>&1
c=$(cachefile)
sed 's/Clean toolbox note\./Clean toolbox nite./' "$c" > "$T/x" && cat "$T/x" > "$c"
grep -q 'toolbox nite' "$c" || fail "sed changed no note"
"$GAVEL_BIN" search toolbox > "$T/got" 2> /dev/null
GAVEL_NO_CACHE=1 "$GAVEL_BIN" search toolbox > "$T/ref" 2> /dev/null
grep -q 'Clean \[toolbox\] note\.' "$T/ref" || fail "the clean note is not found: $(head -n 5 "$T/ref")"
cmp -s "$T/ref" "$T/got" || fail "a damaged note read from the cache:
$(diff "$T/ref" "$T/got" | head -n 6)"
same "a damaged note"
# An entry's parts shifted by one byte in its F line (its records one byte
# longer, its folded lines one shorter: the entries after it keep their
# places), so that neither part ends with its last line's newline. A list
# reads the index alone: it trusts the summary and leaves the cache as it is
# (checking the parts' ends at load would drop the entry, replay it and
# rewrite the cache). A search reads the parts: a miss, the same answers,
# the entry written again whole.
"$GAVEL_BIN" list > /dev/null 2>&1
c=$(cachefile)
cp "$c" "$T/unshifted"
awk -F '\t' 'BEGIN { OFS = "\t" } done == 0 && /^F\t/ && $6 > 1 { $5 = $5 + 1; $6 = $6 - 1; done = 1 } { print }' \
	"$c" > "$T/x" && cat "$T/x" > "$c"
cmp -s "$T/x" "$T/unshifted" && fail "awk shifted no entry"
cp "$c" "$T/shifted"
"$GAVEL_BIN" list > "$T/got" 2> /dev/null
GAVEL_NO_CACHE=1 "$GAVEL_BIN" list > "$T/ref" 2> /dev/null
cmp -s "$T/ref" "$T/got" || fail "a list over a shifted entry: $(diff "$T/ref" "$T/got" | head -n 6)"
cmp -s "$c" "$T/shifted" || fail "a list rewrote the cache over an entry whose parts it does not read"
same "an entry's parts shifted by a byte"
cmp -s "$c" "$T/shifted" && fail "a search kept an entry whose parts do not hold"
# Cut short, then garbage, then empty.
"$GAVEL_BIN" list > /dev/null 2>&1
c=$(cachefile)
head -c "$(( $(wc -c < "$c") / 2 ))" "$c" > "$T/x" && cat "$T/x" > "$c"
same "a cache cut in half"
printf 'gavel-archive-cache 3 gavel-digest-2\nF\tx.gavel\t1\t2\t99\t0\t0\t0\n\001\002' > "$c"
same "a garbage cache"
: > "$c"
same "an empty cache"
exit 0
