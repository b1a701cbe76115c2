#!/bin/sh
# The archive commands over a generated archive (tests/cli/archive_gen.sh):
# list, search, said, dossier, reservations, actions --open and done, each
# checked against what the generator put in; a damaged file, a foreign file
# and a session held by a live writer are listed and never stop a scan.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-archq.XXXXXX")
holder=
trap '[ -n "$holder" ] && kill $holder 2>/dev/null; rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
. "$(dirname "$0")/archive_gen.sh"

# An empty archive lists nothing and searches find nothing.
out=$("$GAVEL_BIN" list) || fail "empty list: exit $?"
[ -z "$out" ] || fail "empty list printed: $out"
"$GAVEL_BIN" search anything > /dev/null 2>&1; [ $? -eq 1 ] || fail "empty search: not exit 1"

gen_archive
gen_lock

# --- list: newest first, every file, problems named file:line ----------------
"$GAVEL_BIN" list > "$T/list" 2> "$T/list.err" || fail "list: exit $?"
[ "$(wc -l < "$T/list")" -eq 7 ] || fail "list: not 7 rows: $(cat "$T/list")"
cut -f1 "$T/list" | tr '\n' ' ' | grep -q '^2018-01-12 2018-01-10 2017-06-12 2017-05-12 2017-05-12 2016-11-20  $' \
	|| fail "list order: $(cut -f1 "$T/list" | tr '\n' ' ')"
grep -q 'notes.gavel:1: ' "$T/list" || fail "foreign file problem not listed"
grep 'corrupt' "$T/list" | grep -q 'corrupt.gavel:3: ' || fail "damaged file problem not listed with its line"
grep 'README' "$T/list" && fail "README.md was listed"
# S2: 2 items, 1 intervention, 2 open actions
grep "^2017-05-12" "$T/list" | cut -f4-6 | grep -q "^2	1	2$" || fail "S2 counts: $(grep ^2017-05-12 "$T/list")"
# S5 is held by the live writer and still listed, with its open action
grep "^2018-01-12" "$T/list" | cut -f6 | grep -q "^1$" || fail "locked S5 not summarised"
[ "$("$GAVEL_BIN" list --body telecom | wc -l)" -eq 2 ] || fail "--body telecom"
[ "$("$GAVEL_BIN" list --since 2017-01-01 --until 2017-12-31 | wc -l)" -eq 3 ] || fail "--since/--until"
"$GAVEL_BIN" list --format csv | head -n 1 | grep -q '^date,body,document,items,interventions,open actions,path,problem' || fail "csv header"
"$GAVEL_BIN" list --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert len(d)==7 and d[0]["date"]=="2018-01-12", d' || fail "json"
"$GAVEL_BIN" list --since nonsense > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad date: not a usage error"

# --- search -----------------------------------------------------------------
"$GAVEL_BIN" search ελλαδα > "$T/s1" || fail "search ελλαδα: exit $?"
grep -q '^2017-05-12  Horizontal Working Party on Cyber Issues  1 Cyber toolbox  EL  (said)$' "$T/s1" || fail "hit header: $(cat "$T/s1")"
grep -q '\[Ελλάδα\]' "$T/s1" || fail "match not marked: $(cat "$T/s1")"
# the damaged copy of S2 holds the same note: found there too, its problem on stderr
[ "$(grep -c '^2017' "$T/s1")" -eq 2 ] || fail "search ελλαδα: not 2 hits: $(cat "$T/s1")"
"$GAVEL_BIN" search securite > "$T/s2" || fail "search securite"
grep -q '\[sécurité\]' "$T/s2" && grep -q '\[securite\]' "$T/s2" || fail "accent folding: $(cat "$T/s2")"
head -n 1 "$T/s2" | grep -q '^2018-01-10' || fail "search not newest first"
"$GAVEL_BIN" search securite --since 2017-01-01 | grep -q 2016 && fail "search --since"
"$GAVEL_BIN" search '"scrutiny reservation"' | grep -q 'maintains its \[scrutiny reservation\]' || fail "phrase"
"$GAVEL_BIN" search 'reservation scrutiny maintains' > /dev/null || fail "words in any order"
"$GAVEL_BIN" search '"reservation scrutiny"' > /dev/null; [ $? -eq 1 ] || fail "phrase order"
"$GAVEL_BIN" search zzzyzzy > "$T/none"; [ $? -eq 1 ] || fail "no match: not exit 1"
[ -s "$T/none" ] && fail "no match printed something"
"$GAVEL_BIN" search securite --delegation fr | grep -c '(said)' | grep -q '^2$' || fail "--delegation FR"
"$GAVEL_BIN" search securite --delegation DE > /dev/null; [ $? -eq 1 ] || fail "--delegation DE found"
"$GAVEL_BIN" search toolbox --doc "7923/1/17 REV 1" > "$T/s3" || fail "--doc"
grep -q 'Roaming' "$T/s3" && fail "--doc let another document through"
grep -q 'Cyber toolbox' "$T/s3" || fail "--doc same document by another revision"
"$GAVEL_BIN" search 'the' --item roaming | grep -v '^ ' | grep -qv 'Roaming' && fail "--item"
"$GAVEL_BIN" search 'comments' --format csv | head -n 1 | grep -q '^date,body,item,title,delegation,kind,text,path' || fail "search csv"
"$GAVEL_BIN" search 'written comments' | grep -q '(action)' || fail "actions not searched"
# control characters in recorded text never reach the output raw
printf 'item add "Bell\\x07 test"\n' | "$GAVEL_BIN" exec "$S4" > /dev/null || fail "exec bell"
"$GAVEL_BIN" search bell | grep -q '\^G' || fail "control character not made visible"

# --- said -------------------------------------------------------------------
"$GAVEL_BIN" said EL > "$T/said" || fail "said EL"
grep -q 'position: supports: the approach' "$T/said" && grep -q 'position: concerns: about the timing' "$T/said" || fail "said positions: $(cat "$T/said")"
[ "$(grep -n '^2017-05-12' "$T/said" | head -n1 | cut -d: -f1)" -lt "$(grep -n '^2017-06-12' "$T/said" | cut -d: -f1)" ] || fail "said not oldest first"
"$GAVEL_BIN" said EL --since 2017-06-01 | grep -q 'supports' && fail "said --since"
"$GAVEL_BIN" said DE | grep -q 'reservation: scrutiny (entered): on the annex' || fail "said reservations"
"$GAVEL_BIN" said MT > /dev/null 2>&1; [ $? -eq 1 ] || fail "said nothing: not exit 1"

# --- dossier ----------------------------------------------------------------
"$GAVEL_BIN" dossier "cyber TOOLBOX" > "$T/d1" || fail "dossier by tag"
head -n 1 "$T/d1" | grep -q '^Dossier: Cyber toolbox (3 items)' || fail "dossier count (S2, its damaged copy, S3): $(head -n1 "$T/d1")"
grep -q 'Implementing guidelines' "$T/d1" || fail "shared document did not join the dossier"
grep -q 'E-evidence\|Roaming' "$T/d1" && fail "other dossiers leaked in"
grep -A3 'Latest positions' "$T/d1" | grep 'EL' | grep -q concerns || fail "latest EL position"
grep -A3 'Standing reservations' "$T/d1" | grep -q 'DE *scrutiny *entered 2017-05-12, last 2017-06-12' || fail "standing DE scrutiny: $(cat "$T/d1")"
grep -A3 'Standing reservations' "$T/d1" | grep -q PL && fail "lifted PL reservation shown standing"
"$GAVEL_BIN" dossier 7923/17 | head -n 1 | grep -q 'Cyber toolbox' || fail "dossier by document"
"$GAVEL_BIN" dossier nothing-like-it > /dev/null 2>&1; [ $? -eq 1 ] || fail "unknown dossier: not exit 1"

# --- reservations -------------------------------------------------------------
"$GAVEL_BIN" reservations > "$T/r" || fail "reservations"
grep -q '^PL	general	Cyber toolbox	2017-05-12	lifted 2017-06-12	lifted' "$T/r" || fail "PL chain: $(cat "$T/r")"
grep -q '^DE	scrutiny	Cyber toolbox	2017-05-12	maintained 2017-06-12	standing' "$T/r" || fail "DE chain: $(cat "$T/r")"
"$GAVEL_BIN" reservations --open > "$T/ro" || fail "reservations --open"
grep -q '^PL' "$T/ro" && fail "--open kept a lifted one"
grep -q '^IT	parliamentary	Roaming' "$T/ro" && grep -q '^DE	substantive	E-evidence' "$T/ro" || fail "--open lost one: $(cat "$T/ro")"
[ "$("$GAVEL_BIN" reservations --dossier Roaming | wc -l)" -eq 1 ] || fail "--dossier"
[ "$("$GAVEL_BIN" reservations --delegation de --open | wc -l)" -eq 2 ] || fail "--delegation"
"$GAVEL_BIN" reservations --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert any(r["status"]=="lifted" for r in d)' || fail "reservations json"

# --- actions --open and done ----------------------------------------------------
"$GAVEL_BIN" actions --open --format csv > "$T/a" 2> /dev/null
sed -n 2p "$T/a" | grep -q 'circulate the roaming figures' || fail "overdue not first: $(cat "$T/a")"
fr=$(grep ',send written comments,' "$T/a" | grep -v corrupt | head -n 1 | cut -d, -f2)
[ -n "$fr" ] || fail "no FR action id"
# the damaged copy holds the same action ids: a prefix is then ambiguous
"$GAVEL_BIN" done "$fr" > "$T/done" 2> "$T/done.err"; [ $? -eq 1 ] || fail "done in two copies"
grep -q 'is in 2 sessions (copies?)' "$T/done.err" || fail "copies: $(cat "$T/done.err")"
rm "$(dirname "$S1")/2017-09-01-corrupt.gavel"
"$GAVEL_BIN" done "$fr" > "$T/done" 2> "$T/done.err" || fail "done: $(cat "$T/done.err")"
grep -q "done in $S2" "$T/done" || fail "done: $(cat "$T/done") $(cat "$T/done.err")"
tail -n 1 "$S2" | grep -q " done $fr" || fail "done not journaled in S2: $(tail -n 1 "$S2")"
"$GAVEL_BIN" actions --open --format csv 2> /dev/null | grep -q "$fr" && fail "done action still open"
"$GAVEL_BIN" done "$fr" 2> "$T/again"; [ $? -eq 1 ] || fail "done twice"
grep -q 'already done' "$T/again" || fail "done twice: $(cat "$T/again")"
se=$("$GAVEL_BIN" actions --open --format csv 2> /dev/null | grep ',draft the spectrum note,' | cut -d, -f2)
"$GAVEL_BIN" done "$(echo "$se" | cut -c1-8)" 2> "$T/locked"; [ $? -eq 1 ] || fail "done on a locked session"
grep -q 'another gavel' "$T/locked" || fail "locked: $(cat "$T/locked")"
grep -q "done $se" "$S5" && fail "done written into a locked session"
"$GAVEL_BIN" done 0000 2> "$T/nf"; [ $? -eq 1 ] || fail "unknown id"
grep -q "no action '0000'" "$T/nf" || fail "unknown id: $(cat "$T/nf")"
gen_unlock
holder=
"$GAVEL_BIN" done "$(echo "$se" | cut -c1-8)" > /dev/null || fail "done after the writer left"

# --- the cache: under XDG_CACHE_HOME, checked against size and mtime ---------
"$GAVEL_BIN" list > "$T/l1" 2> /dev/null || fail "list for the cache"
cache=$(ls "$T/cache/gavel/"archive-*.cache) || fail "no cache written"
[ "$(stat -c %a "$cache")" = 600 ] && [ "$(stat -c %a "$T/cache/gavel")" = 700 ] || fail "cache modes"
"$GAVEL_BIN" list 2> /dev/null | cmp -s - "$T/l1" || fail "list from the cache differs"
"$GAVEL_BIN" reservations > "$T/r1" && "$GAVEL_BIN" reservations | cmp -s - "$T/r1" || fail "reservations from the cache differ"
GAVEL_NO_CACHE=1 "$GAVEL_BIN" reservations | cmp -s - "$T/r1" || fail "reservations without the cache differ"
for q in "search securite" "search ελλαδα --delegation EL" "said DE" "dossier 7923/17" "actions --open"; do
	"$GAVEL_BIN" $q > "$T/c1" 2> /dev/null
	GAVEL_NO_CACHE=1 "$GAVEL_BIN" $q 2> /dev/null | cmp -s - "$T/c1" || fail "$q: the cache and the files disagree"
	[ -s "$T/c1" ] || fail "$q: nothing"
done
# Same size and mtime: the cache answers without reading the file (so a
# cached dossier name outlives an edit that keeps both); a new mtime: re-read.
cp -p "$S4" "$T/s4.orig"
sed 's/dossier "E-evidence"/dossier "X-evidence"/' "$T/s4.orig" > "$S4"
# an edit by hand: sealed again (format 2), same size, then the old mtime back
"$GAVEL_BIN" check --accept "$S4" > /dev/null 2>&1 || fail "check --accept after the edit"
touch -r "$T/s4.orig" "$S4"
"$GAVEL_BIN" dossier E-evidence > /dev/null 2>&1 || fail "the cache was not used for an unchanged size and mtime"
touch -d '2030-01-01' "$S4"
"$GAVEL_BIN" dossier E-evidence > /dev/null 2>&1 && fail "a changed mtime did not invalidate the cache"
"$GAVEL_BIN" dossier X-evidence > /dev/null 2>&1 || fail "the changed file was not re-read"
# A damaged or deleted cache is only a slower scan.
cat "$T/s4.orig" > "$S4"
"$GAVEL_BIN" list > "$T/l1" 2> /dev/null
printf 'gavel-archive-cache 2 gavel-digest-2\nF\tgarbage\n\x01\n' > "$cache"
"$GAVEL_BIN" list 2> /dev/null | cmp -s - "$T/l1" || fail "a damaged cache changed the list"
rm -rf "$T/cache"
"$GAVEL_BIN" list 2> /dev/null | cmp -s - "$T/l1" || fail "a deleted cache changed the list"
exit 0
