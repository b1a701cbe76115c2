#!/bin/sh
# Kills a writer with SIGKILL at random moments, CRASH_ROUNDS times (200 by
# default), while `gavel exec --progress` appends commands to one session. After
# each kill: every command the writer acknowledged ("SCRIPT:LINE: ok" is
# printed only after its fdatasync) is in the file on a complete line, and
# the file opens (gavel check finds nothing worse than a torn last line).
# The next round opens the same file for writing, which sets a torn tail aside.
# SIGKILL rarely lands inside one write(2), so one more writer is stopped
# there on purpose: a preloaded write() puts part of a unit on disk and
# SIGKILL follows, as a crash mid-write would; its torn tail must be found,
# set aside in SESSION.torn, and nothing acknowledged may go with it.
# The test fails when too few commands were acknowledged to prove anything.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
ROUNDS=${CRASH_ROUNDS:-200}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-crash.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }

S=$("$GAVEL_BIN" new --title "Crash test" --date 2017-05-12) || fail "gavel new"
[ -f "$S" ] || fail "gavel new printed '$S', not a file"
printf 'item add "Crash test"\nitem 1\n' | "$GAVEL_BIN" exec "$S" || fail "setup refused"
pad=$(printf '%0200d' 0)
# Rosters are found beside the binary or, from the source tree, here.
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
roster=eu28-2017
echo "roster $roster" | "$GAVEL_BIN" exec "$S" || fail "the roster $roster does not load"

# Random delays in microseconds (0..40 ms), one per round, drawn up front.
awk -v n="$ROUNDS" -v seed="${CRASH_SEED:-$$}" 'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%d\n", rand() * 40000 }' > "$T/delays"

acked_total=0 torn_seen=0 round=0 rosters_acked=0 compactions=0
while read -r us; do
	round=$((round + 1))
	script="$T/s$round"
	j=1
	while [ $j -le 60 ]; do
		if [ $((j % 5)) -eq 0 ]; then
			# A unit of ~40 lines and 5 KB in one write: a kill can cut it.
			echo "roster $roster"
		else
			# `set place` replaces (notes would pile up).
			echo "set place \"tok-$round-$j-end Ελλάδα $pad\""
		fi
		j=$((j + 1))
	done > "$script"
	# A kill can land before the child has opened its output (after the fork,
	# under load): clear the last round's acknowledgements first, and count
	# only this round's script below.
	: > "$T/ack"
	"$GAVEL_BIN" exec "$S" --progress -f "$script" > "$T/ack" 2> "$T/err" &
	pid=$!
	sleep "$(awk -v us="$us" 'BEGIN { printf "%.6f", us / 1000000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# Every acknowledged line is in the file.
	for ln in $(grep -F "$script:" "$T/ack" | sed -n 's/^.*:\([0-9][0-9]*\): ok$/\1/p'); do
		if [ $((ln % 5)) -eq 0 ]; then
			rosters_acked=$((rosters_acked + 1))
			continue
		fi
		grep -q "tok-$round-$ln-end" "$S" || fail "round $round: acknowledged line $ln lost"
		echo "tok-$round-$ln-end" >> "$T/acked"
		acked_total=$((acked_total + 1))
	done
	# Every tenth round, kill a compaction too: the file must be the old one
	# or the new one, never a mix (checked below and by the final count).
	if [ $((round % 10)) -eq 0 ]; then
		"$GAVEL_BIN" compact "$S" > /dev/null 2>&1 &
		pid=$!
		sleep "$(awk -v us="$us" 'BEGIN { printf "%.6f", us / 4000000 }')"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		compactions=$((compactions + 1))
	fi
	# Every acknowledged roster load is there (a broken unit would fail check).
	have=$(grep -c "^cmd:[0-9]* [^ ]* [^ ]* roster $roster\( [0-9a-f]\{8\}\)\{0,1\}\$" "$S")
	[ "$have" -ge $((rosters_acked + 1)) ] ||
		fail "round $round: $rosters_acked roster loads acknowledged, $((have - 1)) in the file"
	out=$("$GAVEL_BIN" check "$S" 2>&1)
	case $? in
	0) ;;
	1)
		# The pieces kept in SESSION.torn are listed too: not problems
		# (a kill after a piece was set aside and before the cut leaves
		# the same tail in both, which the next writable open resolves).
		echo "$out" | grep -v 'incomplete last line' |
			grep -v "^$S\.torn:[0-9]*: set aside from line [0-9]* at " | grep -q . &&
			fail "round $round: check found more than a torn tail: $out"
		torn_seen=$((torn_seen + 1)) ;;
	*) fail "round $round: check crashed: $out" ;;
	esac
done < "$T/delays"

[ $round -eq "$ROUNDS" ] || fail "ran $round rounds of $ROUNDS"
# The last state opens for writing and shows.
echo "note after the storm" | "$GAVEL_BIN" exec "$S" || fail "cannot append after the last kill"
"$GAVEL_BIN" check "$S" > /dev/null || fail "not clean after a writable open"
# At least a quarter of a command a round (about three are usual), and some
# roster loads among them: fewer and the rounds above proved little.
[ $((acked_total + rosters_acked)) -ge $((ROUNDS / 4)) ] ||
	fail "only $((acked_total + rosters_acked)) commands acknowledged in $ROUNDS rounds"
[ "$rosters_acked" -ge 1 ] || fail "no roster load was acknowledged"

# A kill mid-write: a preloaded write() (tests/cli/midwrite_kill.c) puts
# 1,200 bytes of a roster unit of ~5 KB on disk, then SIGKILL.
size=$(wc -c < "$S")
loads=$(grep -c "^cmd:[0-9]* [^ ]* [^ ]* roster $roster\( [0-9a-f]\{8\}\)\{0,1\}\$" "$S")
${CC:-cc} -shared -fPIC -o "$T/midwrite.so" tests/cli/midwrite_kill.c -ldl ||
	fail "cannot build the mid-write kill shim"
echo "roster $roster" > "$T/torn-script"
rm -f "$S.torn"
(ulimit -c 0; LD_PRELOAD="$T/midwrite.so" GAVEL_KILL_MIN=2000 GAVEL_KILL_AFTER=1200 \
	exec "$GAVEL_BIN" exec "$S" --progress -f "$T/torn-script") > "$T/ack" 2> "$T/err"
rc=$?
[ $rc -gt 128 ] || fail "the writer was not killed mid-write (exit $rc): $(cat "$T/err")"
! grep -q ': ok$' "$T/ack" || fail "a write that was cut short was acknowledged"
[ "$(wc -c < "$S")" -eq $((size + 1200)) ] || fail "the cut write did not stop after 1,200 bytes"
out=$("$GAVEL_BIN" check "$S" 2>&1)
[ $? -eq 1 ] || fail "check does not see the torn tail: $out"
echo "$out" | grep -q 'incomplete last line' || fail "check does not name the torn tail: $out"
echo "$out" | grep -v 'incomplete last line' | grep -q . && fail "check found more than a torn tail: $out"
torn_seen=$((torn_seen + 1))
echo "note after the tear" | "$GAVEL_BIN" exec "$S" || fail "cannot append after the mid-write kill"
"$GAVEL_BIN" check "$S" > /dev/null || fail "not clean after the torn tail was set aside"
[ -s "$S.torn" ] || fail "the torn tail was not set aside in $S.torn"
# The tail is the start of the cut unit: its cmd:N line and a part of the rest.
grep -v "^# " "$S.torn" | head -n 1 | grep -q "^cmd:[0-9]* [^ ]* [^ ]* roster $roster\( [0-9a-f]\{8\}\)\{0,1\}\$" ||
	fail "$S.torn does not hold the cut roster load: $(head -c 200 "$S.torn")"
[ "$(wc -c < "$S.torn")" -ge 1000 ] || fail "$S.torn holds less than was written"
[ "$(grep -c "^cmd:[0-9]* [^ ]* [^ ]* roster $roster\( [0-9a-f]\{8\}\)\{0,1\}\$" "$S")" -eq "$loads" ] ||
	fail "the cut roster load was replayed from the session file"
# No acknowledged command went out with a torn tail set aside: all are
# still on complete lines now that the file is clean.
grep -o 'tok-[0-9]*-[0-9]*-end' "$S" | sort -u > "$T/present"
sort -u "$T/acked" > "$T/acked.sorted"
missing=$(comm -23 "$T/acked.sorted" "$T/present" | head -n 5)
[ -z "$missing" ] || fail "acknowledged commands lost: $missing"
"$GAVEL_BIN" show "$S" > /dev/null || fail "show failed"
# Every unit left in the file is whole: a cmd:N line and then N cmd+ lines
# (a unit that a kill cut at a line boundary was set aside, not replayed).
short=$(awk '/^cmd:[0-9]+ / { if (want > 0) bad++; split($1, a, ":"); want = a[2]; next }
	/^cmd\+ / { want--; next }
	{ if (want > 0) bad++; want = 0 }
	END { if (want != 0) bad++; print bad + 0 }' "$S")
[ "$short" -eq 0 ] || fail "$short units in the file are not whole"
echo "ok: $ROUNDS writers and $compactions compactions killed, $((acked_total + rosters_acked)) acknowledged commands kept ($rosters_acked roster loads), $torn_seen torn tails set aside"
