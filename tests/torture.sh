#!/bin/sh
# make torture: the storage harness long (TORTURE_KILLS writers killed,
# TORTURE_RACERS racing writers) and every bit flip and every cut of a real
# session; then a table of the figures (doc/reliability.md keeps the last).
# Usage: torture.sh BUILD. Uses $GAVEL_BIN. Exit 0 = every promise held.
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp -d "${TMPDIR:-/tmp}/gavel-torture.XXXXXX")
trap 'rm -rf "$log"' EXIT INT TERM
# Copies of the binaries: a rebuild during a long run must not change them.
cp "$GAVEL_BIN" "$log/gavel" && cp "$build/tests/test_storage_integrity" "$log/integrity" || exit 1
export GAVEL_BIN="$log/gavel"
rc=0
start=$(date +%s)
echo "storage harness: ${TORTURE_KILLS:-10000} kills, ${TORTURE_RACERS:-100} racers (several minutes)"
(cd "$top" && HARNESS_KILLS=${TORTURE_KILLS:-10000} HARNESS_RACERS=${TORTURE_RACERS:-100} \
	sh tests/cli/test_storage_harness.sh) > "$log/harness" 2>&1 || rc=1
mid=$(date +%s)
echo "every bit flip and every cut of a real session"
(cd "$top" && GAVEL_FLIP_ALL=1 "$log/integrity") > "$log/flips" 2>&1 || rc=1
end=$(date +%s)
row() { printf '| %-9s | %-92s |\n' "$1" "$2"; }
echo
row "part" "figures"
row "---------" "--------------------------------------------------------------------------------------------"
for part in kills enospc ulimit racers; do
	f=$(sed -n "s/^figures: $part //p" "$log/harness")
	row "$part" "${f:-FAILED (see below)}"
done
f=$(sed -n 's/^bit flips: //p' "$log/flips"); row "bit flips" "${f:-FAILED (see below)}"
f=$(sed -n 's/^cuts: //p' "$log/flips"); row "cuts" "${f:-FAILED (see below)}"
row "time" "harness $((mid - start)) s, flips and cuts $((end - mid)) s, on $(nproc) cores"
echo
if [ $rc -ne 0 ]; then
	echo "FAILED:"
	grep -h "FAIL\|ERROR" "$log/harness" "$log/flips" | head -n 20
fi
exit $rc
