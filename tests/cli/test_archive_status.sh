#!/bin/sh
# A search whose output is thrown away (standard output /dev/null, as in
# `gavel search WORD > /dev/null && ...`): only its exit status can be seen,
# so once it has a hit it looks into no further cached session (grep stops
# reading a file there too). Its exit status and its standard error (the
# problems of the archive: a damaged session, a file that is no session) are
# those of the same search written to a file, in one thread and in two,
# cached or not; and a cached session after the first hit is not looked into
# (its damaged records are not even noticed, where the full search replays
# the file and writes the cache again).
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-archstatus.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" XDG_CACHE_HOME="$T/cache" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
. "$(dirname "$0")/archive_gen.sh"
gen_archive

# The archive of archive_gen.sh: a corrupt copy of a session and a file that
# is no session, both reported on standard error by every search.
"$GAVEL_BIN" list > /dev/null 2>&1
seen0=0 seen1=0
for threads in 1 2; do
	for cache in 0 1; do
		for q in toolbox zzqxj securite 'Ελλάδα' '"scrutiny reservation"' 'toolbox --delegation EL' \
			'toolbox --delegation SE' 'securite --since 2018-01-01' 'roaming --format csv' \
			'toolbox --item 1' 'cyber --format json'; do
			eval "GAVEL_THREADS=$threads GAVEL_NO_CACHE=$cache \"\$GAVEL_BIN\" search $q" \
				> /dev/null 2> "$T/err-null"
			rn=$?
			eval "GAVEL_THREADS=$threads GAVEL_NO_CACHE=$cache \"\$GAVEL_BIN\" search $q" \
				> "$T/out" 2> "$T/err-file"
			rf=$?
			[ "$rn" = "$rf" ] ||
				fail "search $q (threads $threads, no cache $cache): exit $rn to /dev/null, $rf to a file"
			cmp -s "$T/err-null" "$T/err-file" ||
				fail "search $q (threads $threads, no cache $cache): standard error differs:
$(diff "$T/err-file" "$T/err-null" | head -n 6)"
			[ "$rf" = 0 ] && [ -s "$T/out" ] && seen0=$((seen0 + 1))
			[ "$rf" = 1 ] && seen1=$((seen1 + 1))
		done
	done
done
[ "$seen0" -ge 20 ] && [ "$seen1" -ge 4 ] || fail "found $seen0 times, nothing $seen1 times"
grep -q 'corrupt' "$T/err-file" || fail "the corrupt session is not reported: $(cat "$T/err-file")"

# Three sessions on three days, each with the word, all cached: a search
# visits them newest first. The oldest one's note damaged in the cache's
# records (one byte, the same length; its folded line, in lower case, and
# the file itself are sound).
D="$T/three"
for day in 2019-01-10 2019-02-10 2019-03-10; do
	p=$("$GAVEL_BIN" -D "$D" new --roster eu28-2017 --title "Working Party on Cyber Issues" --date "$day") ||
		fail "new $day"
	printf 'item add "Follow-up"\nitem 1\nfloor FR\nnext\nnote The toolbox of %s kept.\n' "$day" |
		"$GAVEL_BIN" exec "$p" > /dev/null || fail "exec $day"
done
"$GAVEL_BIN" -D "$D" list > /dev/null 2>&1 || fail "list three"
c=$(ls -t "$T/cache/gavel/"*.cache | head -n 1)
grep -q 'toolbox of 2019-01-10 kept' "$c" || fail "the oldest note is not in the cache $c"
sed 's/The toolbox of 2019-01-10 kept/The toolbox of 2019-01-10 kapt/' "$c" > "$T/x" && cat "$T/x" > "$c"
grep -q 'The toolbox of 2019-01-10 kapt' "$c" && grep -q 'the toolbox of 2019-01-10 kept' "$c" ||
	fail "sed damaged no record, or the folded line too"
cp "$c" "$T/damaged"
GAVEL_THREADS=1 "$GAVEL_BIN" -D "$D" search toolbox > /dev/null 2> "$T/err" || fail "to /dev/null: exit $?"
cmp -s "$c" "$T/damaged" ||
	fail "a search to /dev/null looked into the oldest session after its first hit (the cache was written again)"
GAVEL_THREADS=1 "$GAVEL_BIN" -D "$D" search toolbox > "$T/out" 2> "$T/err" || fail "to a file: exit $?"
[ "$(grep -c '^    ' "$T/out")" = 3 ] || fail "not three hits: $(cat "$T/out")"
grep -q 'toolbox\] of 2019-01-10 kept' "$T/out" || fail "the oldest note is not read from its file: $(cat "$T/out")"
cmp -s "$c" "$T/damaged" && fail "the full search did not notice the damaged entry"
grep -q 'kapt' "$c" && fail "the damaged entry is still in the cache"
# Nothing found: the whole archive is looked into, exit 1 as to a file.
GAVEL_THREADS=1 "$GAVEL_BIN" -D "$D" search zzqxj > /dev/null 2>&1 && fail "zzqxj found to /dev/null"
exit 0
