#!/bin/sh
# make bench-instr: instruction counts (callgrind) of open (replaying every
# line, and from the state image as the live screen opens), replay, render,
# one committed key and one undo on the benchmark session, and of one key
# on the live screen (an agenda move, a queue move, a letter typed). Counts do not
# depend on the machine's load: compare them before and after a change.
# Usage: instr.sh BUILD   (BENCH_INTERVENTIONS: 10000; INSTR_CASES and
# INSTR_LIVE: the cases to run, e.g. INSTR_CASES= INSTR_LIVE=agenda)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
cd "$top" || exit 1
bin=$build/bench
N=${BENCH_INTERVENTIONS:-10000}
data=$build/bench-instr
rm -rf "$data"
mkdir -p "$data/xdg" "$data/config" "$data/home" "$data/tmp" || exit 1
export XDG_DATA_HOME="$data/xdg" XDG_CONFIG_HOME="$data/config" HOME="$data/home" \
	TMPDIR="$data/tmp" SOURCE_DATE_EPOCH=1499256000 LC_ALL=C.UTF-8
command -v valgrind >/dev/null 2>&1 || { echo "bench-instr: valgrind is not installed"; exit 1; }
s=$data/session.gavel
"$bin/bench_gen" "$s" "$N" rosters/eu28-2017.ini >/dev/null || { echo "bench-instr: generator failed"; exit 1; }
bytes=$(wc -c < "$s")
echo "gavel bench-instr: callgrind instruction counts on $N interventions ($bytes bytes)"
echo "| case   |   instructions | per byte |"
echo "|--------|----------------|----------|"
for c in ${INSTR_CASES-open image replay render key undo}; do
	out=$data/callgrind.$c
	valgrind --tool=callgrind --collect-atstart=no --toggle-collect="instr_$c*" \
		--callgrind-out-file="$out" "$bin/bench_instr" "$c" "$s" "$data" >"$data/$c.log" 2>&1 ||
		{ echo "| $c | failed: see $data/$c.log |"; continue; }
	ir=$(sed -n 's/^summary: *//p; s/^totals: *//p' "$out" | head -n 1)
	awk -v c="$c" -v ir="$ir" -v b="$bytes" 'BEGIN { printf "| %-6s | %14.0f | %8.2f |\n", c, ir, ir / b }'
done
# The live screen's keys: gavel run whole under callgrind in a pseudo-
# terminal (bench_pty), once with the keys to leave only and once with 40
# keys more; the difference over 40 is what one key costs.
live=$data/live.gavel
g=${GAVEL_BIN:-$top/gavel}
cp "$s" "$live"
printf 'give FR\nfloor DE NL PL\n' | "$g" exec "$live" >/dev/null 2>&1
export TERM=xterm-256color
# A cache of its own, emptied before each run: both runs of a case open the
# session cold (a state image left by the first would make the second skip
# the replay, and the difference would no longer be the keys).
export XDG_CACHE_HOME="$data/cache"
keys40() { k=; i=0; while [ $i -lt 20 ]; do k="$k$1|$2|"; i=$((i + 1)); done; printf %s "$k"; }
echo "| live key       | instructions per key |"
echo "|----------------|----------------------|"
for c in ${INSTR_LIVE-agenda queue typing}; do
	case $c in
	agenda) pre='' keys=$(keys40 j k) quit='q' file=$s ro=--read-only ;;
	queue) pre='' keys=$(keys40 j k) quit='q|y' file=$live ro= ;;
	typing) pre='\t' keys=$(keys40 a b) quit='\e|q|y' file=$live ro= ;;
	esac
	for n in 0 40; do
		ks=$quit
		[ "$n" = 0 ] || ks="$keys$quit"
		cp "$file" "$data/run.gavel"
		rm -rf "$data/cache"
		nk=$(printf %s "$ks" | awk -F'|' '{ print NF }')
		"$bin/bench_pty" -r 1 -k "$nk" -w 120 "$c" -- gavel "$pre" "$ks" \
			"valgrind --tool=callgrind --callgrind-out-file=$data/callgrind.live-$c-$n $g $ro $data/run.gavel" \
			>"$data/live-$c-$n.log" 2>&1
	done
	a=$(sed -n 's/^summary: *//p; s/^totals: *//p' "$data/callgrind.live-$c-0" | head -n 1)
	b=$(sed -n 's/^summary: *//p; s/^totals: *//p' "$data/callgrind.live-$c-40" | head -n 1)
	awk -v c="$c" -v a="${a:-0}" -v b="${b:-0}" 'BEGIN { if (a > 0 && b > a) printf "| %-14s | %20.0f |\n", c, (b - a) / 40; else printf "| %-14s | failed               |\n", c }'
done
echo "profiles: $data/callgrind.CASE (callgrind_annotate --inclusive=yes FILE)"
