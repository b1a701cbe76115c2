#!/bin/sh
# Runs every suite and prints one closing line: "N passed, N failed".
#   unit        build/tests/test_*         (cmocka)
#   unit-asan   build/asan/tests/test_*    (the same, AddressSanitizer + UBSan)
#   fuzz        build/fuzz/regress/fuzz_*  (every fuzz target over its seeds and past crashes)
#   cli         tests/cli/test_*.sh        (batch subcommands, no terminal)
#   e2e         tests/e2e/test_*.sh        (the real program in tmux)
# Usage: check.sh [--e2e-only] BUILD
e2e_only=0
[ "$1" = "--e2e-only" ] && { e2e_only=1; shift; }
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
passed=0 failed=0 failures=""
log=$(mktemp -d "${TMPDIR:-/tmp}/gavel-check.XXXXXX")
trap 'rm -rf "$log"' EXIT INT TERM
# The archive commands keep a cache: never in the home of whoever runs this.
export XDG_CACHE_HOME="$log/cache"

run_cmocka() { # suite binary
	name="$1/$(basename "$2")"
	out="$log/out"
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
		timeout 600 "$2" >"$out" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	p=${p:-0} f=${f:-0}
	# A crash or a sanitizer report after the summary still fails the binary.
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p)) failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		failures="$failures $name"
		echo "FAIL $name (exit $rc)"; sed 's/^/    /' "$out" | tail -n 60
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
	else
		failed=$((failed + 1)); failures="$failures $name"
		echo "FAIL $name (exit $rc)"; sed 's/^/    /' "$out" | tail -n 60
	fi
}

if [ $e2e_only -eq 0 ]; then
	for t in "$build"/tests/test_*; do [ -x "$t" ] && run_cmocka unit "$t"; done
	for t in "$build"/asan/tests/test_*; do [ -x "$t" ] && run_cmocka unit-asan "$t"; done
	for t in "$build"/fuzz/regress/fuzz_*; do
		[ -x "$t" ] || continue
		name=$(basename "$t" | sed 's/^fuzz_//')
		if FUZZ_TARGETS=$name sh "$top/tests/fuzz/run.sh" --regress "$build/fuzz" >"$log/out" 2>&1; then
			passed=$((passed + 1)); echo "ok   fuzz/$name"
		else
			failed=$((failed + 1)); failures="$failures fuzz/$name"
			echo "FAIL fuzz/$name"; sed 's/^/    /' "$log/out" | tail -n 40
		fi
	done
	for t in "$top"/tests/cli/test_*.sh; do [ -f "$t" ] && run_script cli "$t"; done
fi
for t in "$top"/tests/e2e/test_*.sh; do [ -f "$t" ] && run_script e2e "$t"; done

[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ $failed -eq 0 ] && [ $passed -gt 0 ]
