#!/bin/sh
# The standing attack on storage (short in make check; `make torture` runs it
# long through tests/torture.sh). Each part checks one promise of
# doc/reliability.md:
#   kills      HARNESS_KILLS (300) SIGKILLs of `gavel exec --progress` at random
#              moments, and every tenth round one of `gavel compact`: every
#              command acknowledged by a progress line is in the file at the
#              end, every unit is whole, the file opens clean.
#   enospc     a 192 KB tmpfs (as root; else fault injection in the unit tests
#              and `ulimit -f` below stand in, and the line says so) filled
#              up by a writer: the command that does not fit is refused, the
#              file is cut back, everything acknowledged is there.
#   ulimit     `ulimit -f`: the write fails with EFBIG (SIGXFSZ ignored), the
#              command is refused with a message (exit 1, not a signal).
#   racers     HARNESS_RACERS (20) writers at once on one session: one at a
#              time writes, the others are told; nothing acknowledged lost.
# Bit flips and cuts at every offset of a real session are in
# tests/unit/test_storage_integrity.c (GAVEL_FLIP_ALL=1 for every bit).
# Prints one "figures:" line per part (tests/torture.sh makes a table of
# them). POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
KILLS=${HARNESS_KILLS:-300}
RACERS=${HARNESS_RACERS:-20}
SEGMENT=${HARNESS_SEGMENT:-150}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-harness.XXXXXX")
mounted=
cleanup() { [ -n "$mounted" ] && umount "$mounted" 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
fail() { echo "FAIL: $*"; exit 1; }

# Every acknowledged token of file $1 ("tok-..." one a line) is in session $2.
all_there() {
	grep -o 'tok-[0-9a-z]*-[0-9]*-[0-9]*-end' "$2" | sort -u > "$T/present"
	sort -u "$1" > "$T/acked.sorted"
	missing=$(comm -23 "$T/acked.sorted" "$T/present" | head -n 3)
	[ -z "$missing" ] || fail "$3: acknowledged commands lost: $missing"
}

# Every cmd:N unit in the file is whole (N cmd+ lines follow it).
units_whole() {
	awk '/^cmd:[0-9]+ / { if (want > 0) bad++; split($1, a, ":"); want = a[2]; next }
		/^cmd\+ / { want--; next }
		{ if (want > 0) bad++; want = 0 }
		END { if (want != 0) bad++; print bad + 0 }' "$1"
}

# Temporaries that killed rewrites of session $1 left: the next writer
# removes them all (their writers are dead). Adds them up in $swept.
swept=0
sweep_check() {
	base=$(basename "$1")
	before=$(ls "$(dirname "$1")" | grep -c "^$base\(\.torn\)\{0,1\}\.tmp-")
	"$GAVEL_BIN" exec "$1" < /dev/null 2>/dev/null || fail "$2: a writable open failed"
	after=$(ls "$(dirname "$1")" | grep -c "^$base\(\.torn\)\{0,1\}\.tmp-")
	[ "$after" -eq 0 ] || fail "$2: $after temporaries of dead writers left after a writable open"
	swept=$((swept + before))
}

# check exits 0, or 1 with nothing worse than a torn tail.
check_sound() {
	out=$("$GAVEL_BIN" check -q "$1" 2>&1)
	case $? in
	0) ;;
	1) echo "$out" | grep -v 'incomplete last line' | grep -q . && fail "$2: check: $out" ;;
	*) fail "$2: check crashed: $out" ;;
	esac
}

# ---- kills ------------------------------------------------------------------
awk -v n="$KILLS" -v seed="${HARNESS_SEED:-$$}" 'BEGIN { srand(seed); for (i = 0; i < n; i++) printf "%.6f\n", rand() * 0.03 }' > "$T/delays"
: > "$T/acked"
acked=0 rosters=0 compactions=0 round=0 segs=0 S=
pad=$(printf '%040d' 0)
while read -r delay; do
	round=$((round + 1))
	if [ $(( (round - 1) % SEGMENT )) -eq 0 ]; then
		# A fresh session every SEGMENT rounds keeps each open fast in a long run.
		if [ -n "$S" ]; then
			sweep_check "$S" "segment $segs"
			all_there "$T/acked" "$S" "segment $segs"
			[ "$(units_whole "$S")" -eq 0 ] || fail "segment $segs: a unit is not whole"
			: > "$T/acked"
		fi
		segs=$((segs + 1))
		S=$("$GAVEL_BIN" new --title "Harness $segs" --date 2017-05-12) || fail "gavel new"
		printf 'item add "Harness"\nitem 1\n' | "$GAVEL_BIN" exec "$S" || fail "setup"
	fi
	script="$T/s$round"
	awk -v r="$round" -v s="$segs" -v pad="$pad" -v roster="${GAVEL_DATADIR:+eu28-2017}" 'BEGIN {
		for (j = 1; j <= 40; j++)
			if (j % 8 == 0 && roster != "") print "roster " roster
			else printf "set place \"tok-%s-%d-%d-end Ελλάδα %s\"\n", s, r, j, pad }' > "$script"
	: > "$T/ack"
	"$GAVEL_BIN" exec "$S" --progress -f "$script" > "$T/ack" 2> "$T/err" &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	for ln in $(sed -n 's/^.*:\([0-9][0-9]*\): ok$/\1/p' "$T/ack"); do
		acked=$((acked + 1))
		if [ $((ln % 8)) -eq 0 ] && [ -n "${GAVEL_DATADIR:-}" ]; then
			rosters=$((rosters + 1))
		else
			echo "tok-$segs-$round-$ln-end" >> "$T/acked"
		fi
	done
	if [ $((round % 10)) -eq 0 ]; then
		"$GAVEL_BIN" compact "$S" > /dev/null 2>&1 &
		pid=$!
		sleep "$(awk -v d="$delay" 'BEGIN { printf "%.6f", d / 3 }')"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		compactions=$((compactions + 1))
		check_sound "$S" "round $round"
	fi
done < "$T/delays"
[ "$round" -eq "$KILLS" ] || fail "ran $round rounds of $KILLS"
sweep_check "$S" "last segment"
echo "set place \"after the storm\"" | "$GAVEL_BIN" exec "$S" 2>/dev/null || fail "cannot append after the last kill"
"$GAVEL_BIN" check -q "$S" > /dev/null || fail "not clean after a writable open"
all_there "$T/acked" "$S" "last segment"
[ "$(units_whole "$S")" -eq 0 ] || fail "a unit is not whole"
torn_kept=$(grep -c '^# set aside ' "$S.torn" 2>/dev/null || echo 0)
[ "$torn_kept" -le 16 ] || fail ".torn holds $torn_kept pieces"
echo "figures: kills $KILLS writers killed, $compactions compactions killed, $acked acknowledged commands kept ($rosters roster units), $segs sessions, $swept temporaries of killed writers removed by the next writer"

# ---- enospc -----------------------------------------------------------------
small="$T/small"
mkdir -p "$small"
how="tmpfs"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=192k,mode=0700 tmpfs "$small" 2>/dev/null; then
	mounted=$small
else
	how="none (not root: fault injection in tests/unit/test_storage_session.c and ulimit -f below)"
fi
if [ -n "$mounted" ]; then
	D="$small/gavel"
	S2=$("$GAVEL_BIN" -D "$D" new --title "Full" --date 2017-05-12) || fail "enospc: new"
	awk -v pad="$(printf '%0900d' 0)" 'BEGIN { for (j = 1; j <= 400; j++) printf "set place \"tok-f-0-%d-end %s\"\n", j, pad }' > "$T/fill"
	"$GAVEL_BIN" -D "$D" exec "$S2" --progress -f "$T/fill" > "$T/ack" 2> "$T/err"; rc=$?
	[ $rc -eq 1 ] || fail "enospc: exec exit $rc: $(cat "$T/err")"
	grep -q "No space left on device" "$T/err" || fail "enospc: message: $(cat "$T/err")"
	n=$(grep -c ': ok$' "$T/ack")
	sed -n 's/^.*:\([0-9][0-9]*\): ok$/tok-f-0-\1-end/p' "$T/ack" > "$T/acked"
	all_there "$T/acked" "$S2" "enospc"
	[ "$(tail -c 1 "$S2" | od -An -c | tr -d ' ')" = '\n' ] || fail "enospc: the file was not cut back"
	"$GAVEL_BIN" -D "$D" check -q "$S2" > /dev/null || fail "enospc: not clean"
	# Still full: a compaction is refused and changes nothing.
	cp "$S2" "$T/before"
	"$GAVEL_BIN" -D "$D" compact "$S2" > /dev/null 2>&1
	"$GAVEL_BIN" -D "$D" check -q "$S2" > /dev/null || fail "enospc: compaction on a full disk broke the file"
	echo "figures: enospc $how of 192 KB filled, $n commands acknowledged and kept, the next refused and cut back"
	umount "$small" && mounted=
else
	echo "figures: enospc $how"
fi

# ---- ulimit -f ---------------------------------------------------------------
S3=$("$GAVEL_BIN" new --title "Ulimit" --date 2017-05-12) || fail "ulimit: new"
awk -v pad="$(printf '%0900d' 0)" 'BEGIN { for (j = 1; j <= 200; j++) printf "set place \"tok-u-0-%d-end %s\"\n", j, pad }' > "$T/big"
# 64 blocks: 32 KB in dash's 512-byte blocks, 64 KB in bash's.
(ulimit -f 64 && exec "$GAVEL_BIN" exec "$S3" --progress -f "$T/big") > "$T/ack" 2> "$T/err"; rc=$?
[ $rc -eq 1 ] || fail "ulimit: exit $rc (killed by SIGXFSZ?): $(cat "$T/err")"
grep -q "File too large" "$T/err" || fail "ulimit: message: $(cat "$T/err")"
sed -n 's/^.*:\([0-9][0-9]*\): ok$/tok-u-0-\1-end/p' "$T/ack" > "$T/acked"
n=$(wc -l < "$T/acked")
[ "$n" -gt 0 ] || fail "ulimit: nothing acknowledged before the limit"
all_there "$T/acked" "$S3" "ulimit"
"$GAVEL_BIN" check -q "$S3" > /dev/null || fail "ulimit: not clean (a torn line left?)"
[ ! -s "$S3.torn" ] || fail "ulimit: a torn line was set aside"
echo "figures: ulimit $n commands acknowledged under ulimit -f 64, the next refused with EFBIG, exit 1, file clean"

# ---- racing writers ----------------------------------------------------------
S4=$("$GAVEL_BIN" new --title "Race" --date 2017-05-12) || fail "race: new"
i=0
while [ $i -lt "$RACERS" ]; do
	i=$((i + 1))
	awk -v r="$i" 'BEGIN { for (j = 1; j <= 20; j++) printf "set place \"tok-r-%d-%d-end\"\n", r, j }' > "$T/r$i"
	"$GAVEL_BIN" exec "$S4" --progress -f "$T/r$i" > "$T/rack$i" 2> "$T/rerr$i" &
done
wait
: > "$T/acked"
wrote=0 told=0
i=0
while [ $i -lt "$RACERS" ]; do
	i=$((i + 1))
	sed -n "s/^.*:\([0-9][0-9]*\): ok\$/tok-r-$i-\1-end/p" "$T/rack$i" >> "$T/acked"
	if [ -s "$T/rack$i" ]; then wrote=$((wrote + 1)); fi
	if grep -q "another gavel" "$T/rerr$i"; then told=$((told + 1)); fi
	if [ ! -s "$T/rack$i" ] && ! grep -q "another gavel" "$T/rerr$i"; then
		fail "race: writer $i neither wrote nor was told: $(cat "$T/rerr$i")"
	fi
done
all_there "$T/acked" "$S4" "race"
"$GAVEL_BIN" check -q "$S4" > /dev/null || fail "race: not clean"
[ "$(grep -c 'tok-r-' "$S4")" -eq "$(wc -l < "$T/acked")" ] || fail "race: lines in the file that nobody acknowledged"
echo "figures: racers $RACERS writers at once, $wrote wrote, $told were told another gavel was writing, $(wc -l < "$T/acked") commands kept"
echo ok
