#!/bin/sh
# Runs every suite and prints one closing line: "N passed, N failed".
#   unit        build/tests/test_*         (cmocka)
#   unit-asan   build/asan/tests/test_*    (the same, AddressSanitizer + UBSan)
#   fuzz        build/fuzz/regress/fuzz_*  (every fuzz target over its seeds and past crashes)
#   cli         tests/cli/test_*.sh        (batch subcommands, no terminal)
#   e2e         tests/e2e/test_*.sh        (the real program in tmux)
# Usage: check.sh [--e2e-only | --suites "unit cli ..."] BUILD
# Nothing passes by saying nothing: a unit binary must print cmocka's summary
# with at least one test run, and the counts must add up; a suite that finds
# nothing to run (a wrong BUILD) fails. Skipped cmocka tests are counted and
# printed; with CI=true (as CI services set it) any skip fails the binary.
suites="unit unit-asan fuzz cli e2e"
case "${1:-}" in
--e2e-only) suites=e2e; shift ;;
--suites) suites=$2; shift 2 ;;
esac
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0 failed=0 failures="" skipped=0 skips=""
log=$(mktemp -d "${TMPDIR:-/tmp}/gavel-check.XXXXXX")
trap 'rm -rf "$log"' EXIT INT TERM
unset CMOCKA_MESSAGE_OUTPUT CMOCKA_TEST_ABORT

wanted() { case " $suites " in *" $1 "*) true ;; *) false ;; esac; }

# A suite that found nothing to run counts as one failure.
nothing() { # suite where
	failed=$((failed + 1)); failures="$failures $1"
	echo "FAIL $1: nothing to run in $2 (wrong BUILD, or not built?)"
}
# The archive commands keep a cache: never in the home of whoever runs this.
export XDG_CACHE_HOME="$log/cache"

run_cmocka() { # suite binary
	name="$1/$(basename "$2")"
	out="$log/out"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
		timeout 600 "$2" >"$out" 2>&1
	rc=$?
	n=$(sed -n 's/^\[==========\] \([0-9]*\) test(s) run\.$/\1/p' "$out" | tail -n 1)
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	s=$(sed -n 's/^\[  SKIPPED \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	p=${p:-0} f=${f:-0} s=${s:-0}
	why=""
	if [ -z "$n" ]; then
		why="no cmocka summary"
	elif [ "$n" -eq 0 ]; then
		why="no test ran"
	elif [ $((p + f + s)) -ne "$n" ]; then
		why="$n tests run, but $p passed, $f failed, $s skipped"
	elif [ "$s" -gt 0 ] && [ "${CI:-}" = true ]; then
		why="$s skipped (CI=true: every test must run)"
	elif [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		why="exit $rc" # a crash or a sanitizer report after the summary
	fi
	[ -n "$why" ] && [ "$f" -eq 0 ] && f=1
	passed=$((passed + p)) failed=$((failed + f))
	if [ "$s" -gt 0 ]; then
		skipped=$((skipped + s)); skips="$skips $name($s)"
	fi
	if [ "$f" -ne 0 ]; then
		failures="$failures $name"
		echo "FAIL $name (exit $rc${why:+; $why})"; sed 's/^/    /' "$out" | tail -n 60
	elif [ "$s" -gt 0 ]; then
		echo "ok   $name ($p, $s skipped)"
	else
		echo "ok   $name ($p)"
	fi
}

run_script() { # suite script
	name="$1/$(basename "$2" .sh)"
	out="$log/out"
	(cd "$top" && timeout 600 sh "$2") >"$out" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		passed=$((passed + 1)); echo "ok   $name"
		# A measure a test prints (not a timing) shows with its result.
		sed -n 's/^figure: /     /p' "$out"
	else
		failed=$((failed + 1)); failures="$failures $name"
		echo "FAIL $name (exit $rc)"
		# the failure's own line first: the screen after it may push it out of the tail
		grep -m 3 '^FAIL' "$out" | sed 's/^/    /'
		sed 's/^/    /' "$out" | tail -n 60
	fi
}

# Each suite in turn; found counts what it ran.
run_units() { # suite folder
	found=0
	for t in "$2"/test_*; do
		[ -f "$t" ] && [ -x "$t" ] || continue
		case $t in *.d | *.o) continue ;; esac
		found=$((found + 1)); run_cmocka "$1" "$t"
	done
	[ $found -gt 0 ] || nothing "$1" "$2"
}
wanted unit && run_units unit "$build/tests"
wanted unit-asan && run_units unit-asan "$build/asan/tests"
if wanted fuzz; then
	found=0
	for t in "$build"/fuzz/regress/fuzz_*; do
		[ -f "$t" ] && [ -x "$t" ] || continue
		case $t in *.d | *.o | *.log) continue ;; esac
		found=$((found + 1))
		name=$(basename "$t" | sed 's/^fuzz_//')
		if FUZZ_TARGETS=$name sh "$top/tests/fuzz/run.sh" --regress "$build/fuzz" >"$log/out" 2>&1; then
			passed=$((passed + 1)); echo "ok   fuzz/$name"
		else
			failed=$((failed + 1)); failures="$failures fuzz/$name"
			echo "FAIL fuzz/$name"; sed 's/^/    /' "$log/out" | tail -n 40
		fi
	done
	[ $found -gt 0 ] || nothing fuzz "$build/fuzz/regress"
fi
for suite in cli e2e; do
	wanted $suite || continue
	found=0
	for t in "$top"/tests/$suite/test_*.sh; do
		[ -f "$t" ] || continue
		found=$((found + 1)); run_script $suite "$t"
	done
	[ $found -gt 0 ] || nothing $suite "$top/tests/$suite"
done

[ $skipped -eq 0 ] || echo "$skipped tests skipped:$skips (they fail when CI=true)"
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
