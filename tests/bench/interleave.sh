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
med() { printf '%s\n' $1 | sort -n | awk '{a[NR] = $1} END {printf "%.0f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) / 1000}'; }
ma=$(med "$ta")
if [ -n "$cb" ]; then
	mb=$(med "$tb")
	printf '  | %-44s | %6s ms | %-24s | %6s ms | %5s | %-14s |\n' "$label" "$ma" "$lb" "$mb" \
		"$(awk "BEGIN {printf \"%.2f\", $ma / ($mb > 0 ? $mb : 1)}")" "$target"
else
	printf '  | %-44s | %6s ms | %-24s | %6s    | %5s | %-14s |\n' "$label" "$ma" "" "" "" "$target"
fi
