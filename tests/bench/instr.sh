#!/bin/sh
# make bench-instr: instruction counts (callgrind) of open, replay, render,
# one committed key and one undo on the benchmark session. Counts do not
# depend on the machine's load: compare them before and after a change.
# Usage: instr.sh BUILD   (BENCH_INTERVENTIONS: 10000)
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
for c in open replay render key undo; do
	out=$data/callgrind.$c
	valgrind --tool=callgrind --collect-atstart=no --toggle-collect="instr_$c*" \
		--callgrind-out-file="$out" "$bin/bench_instr" "$c" "$s" "$data" >"$data/$c.log" 2>&1 ||
		{ echo "| $c | failed: see $data/$c.log |"; continue; }
	ir=$(sed -n 's/^summary: *//p; s/^totals: *//p' "$out" | head -n 1)
	awk -v c="$c" -v ir="$ir" -v b="$bytes" 'BEGIN { printf "| %-6s | %14.0f | %8.2f |\n", c, ir, ir / b }'
done
echo "profiles: $data/callgrind.CASE (callgrind_annotate --inclusive=yes FILE)"
