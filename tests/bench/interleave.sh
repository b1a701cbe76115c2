#!/bin/sh
# interleave.sh ROUNDS LABEL TARGET CMD_A [PEER_LABEL CMD_B]: runs A and B
# alternately (A B A B ...) ROUNDS times, so that a busy machine slows both
# alike, and prints the median wall time of each in ms, and A/B.
# CMD_* are sh command lines; their output goes to /dev/null. No assertion.
R=$1 label=$2 target=$3 ca=$4 lb=${5:-} cb=${6:-}
ta= tb=
now() { date +%s%N; }
i=0
while [ "$i" -lt "$R" ]; do
	s=$(now); sh -c "$ca" > /dev/null 2>&1; e=$(now); ta="$ta $(((e - s) / 1000))"
	if [ -n "$cb" ]; then
		s=$(now); sh -c "$cb" > /dev/null 2>&1; e=$(now); tb="$tb $(((e - s) / 1000))"
	fi
	i=$((i + 1))
done
med() { printf '%s\n' $1 | sort -n | awk '{a[NR] = $1} END {printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) / 1000}'; }
# printf pads by bytes: widen a column by what its accented letters take
# beyond one byte, so that the table stays aligned (LC_ALL is UTF-8 here).
pad() { echo $(($2 + $(printf %s "$1" | wc -c) - $(printf %s "$1" | wc -m))); }
wl=$(pad "$label" 44) wp=$(pad "$lb" 24)
ma=$(med "$ta")
if [ -n "$cb" ]; then
	mb=$(med "$tb")
	printf "  | %-${wl}s | %7s ms | %-${wp}s | %7s ms | %5s | %-14s |\n" "$label" "$ma" "$lb" "$mb" \
		"$(awk "BEGIN {printf \"%.2f\", $ma / ($mb > 0 ? $mb : 1)}")" "$target"
else
	printf "  | %-${wl}s | %7s ms | %-24s | %7s    | %5s | %-14s |\n" "$label" "$ma" "" "" "" "$target"
fi
