#!/bin/sh
# make fuzz / make fuzz-regress (see tests/README.md).
#   run.sh FUZZ_DIR SECONDS      each FUZZ_DIR/fuzz_* (libFuzzer) for SECONDS,
#                                from tests/fuzz/corpus/NAME, with NAME.dict if any;
#                                new inputs in FUZZ_DIR/corpus/NAME, crashes in
#                                FUZZ_DIR/crashes/NAME-*
#   run.sh --regress FUZZ_DIR    each FUZZ_DIR/regress/fuzz_* (no libFuzzer) once over
#                                tests/fuzz/corpus/NAME and tests/fuzz/crashes/NAME-*
# Exit 1 if any target crashed, or if no target ran (nothing built in
# FUZZ_DIR, or FUZZ_TARGETS names none). FUZZ_TARGETS="command date" runs only those.
set -u
here=$(cd "$(dirname "$0")" && pwd)
regress=0
[ "${1:-}" = "--regress" ] && { regress=1; shift; }
dir=${1:?usage: run.sh [--regress] FUZZ_DIR [SECONDS]}
secs=${2:-20}
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=""
ran=0
wanted() { [ -z "${FUZZ_TARGETS:-}" ] || case " $FUZZ_TARGETS " in *" $1 "*) true ;; *) false ;; esac; }

if [ $regress -eq 1 ]; then
	for t in "$dir"/regress/fuzz_*; do
		[ -x "$t" ] || continue
		name=$(basename "$t" | sed 's/^fuzz_//')
		wanted "$name" || continue
		ran=$((ran + 1))
		set -- "$here/corpus/$name"
		for c in "$here/crashes/$name"-*; do [ -f "$c" ] && set -- "$@" "$c"; done
		if "$t" "$@" >"$dir/regress/$name.log" 2>&1; then
			echo "ok   fuzz-regress/$name ($(tail -n 1 "$dir/regress/$name.log" | sed 's/.*: //'))"
		else
			echo "FAIL fuzz-regress/$name"; tail -n 30 "$dir/regress/$name.log" | sed 's/^/    /'
			failed="$failed $name"
		fi
	done
	[ $ran -gt 0 ] || { echo "FAIL fuzz-regress: no target to run in $dir/regress${FUZZ_TARGETS:+ named '$FUZZ_TARGETS'}"; exit 1; }
	[ -z "$failed" ] || { echo "failed:$failed"; exit 1; }
	exit 0
fi

mkdir -p "$dir/crashes"
for t in "$dir"/fuzz_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t" | sed 's/^fuzz_//')
	wanted "$name" || continue
	ran=$((ran + 1))
	mkdir -p "$dir/corpus/$name"
	dict=
	[ -f "$here/$name.dict" ] && dict="-dict=$here/$name.dict"
	log=$dir/$name.log
	# -max_len: commands and INI files are small; longer inputs only slow it down.
	"$t" -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$dir/crashes/$name-" $dict "$dir/corpus/$name" "$here/corpus/$name" \
		>"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
	if [ $rc -eq 0 ]; then
		echo "ok   fuzz/$name: ${execs:-?} execs in ${secs}s, $cov, corpus $(ls "$dir/corpus/$name" | wc -l)"
	else
		echo "FAIL fuzz/$name (exit $rc) after ${execs:-?} execs; input in $dir/crashes/:"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz property failed|.*runtime error)|Test unit written' "$log" |
			head -n 8 | sed 's/^/    /'
		failed="$failed $name"
	fi
done
[ $ran -gt 0 ] || { echo "FAIL fuzz: no target to run in $dir${FUZZ_TARGETS:+ named '$FUZZ_TARGETS'}"; exit 1; }
[ -z "$failed" ] || { echo "failed:$failed (logs in $dir)"; exit 1; }
