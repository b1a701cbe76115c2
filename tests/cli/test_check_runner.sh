#!/bin/sh
# tests/check.sh and the fuzz driver refuse to pass on nothing: fake unit
# binaries in a temporary BUILD (no summary, no test run, a skip), a BUILD
# with nothing in it, an empty suite folder, and a fuzz target with an empty
# corpus. Each has a control that passes, so the refusals are not a runner
# that fails everything. POSIX sh; exit 0 = pass.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gavel-runner.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { echo "FAIL: $*"; [ -f "$tmp/out" ] && sed 's/^/    /' "$tmp/out"; exit 1; }

# A copy of the runner in a tree of its own, so that its cli and e2e suites
# are the fakes below, not this repository's (which include this test).
tree=$tmp/tree
mkdir -p "$tree/tests/cli" "$tree/tests/e2e" "$tree/tests/fuzz/corpus/fake"
cp "$top/tests/check.sh" "$tree/tests/check.sh"
cp "$top/tests/fuzz/run.sh" "$tree/tests/fuzz/run.sh"
echo 'exit 0' > "$tree/tests/e2e/test_fine.sh"
check() { # expected-exit ARGS...: runs the copy, output in $tmp/out
	want=$1; shift
	sh "$tree/tests/check.sh" "$@" > "$tmp/out" 2>&1
	rc=$?
	if [ "$want" = 0 ]; then [ $rc -eq 0 ] || fail "check.sh $* exited $rc, expected 0"
	else [ $rc -ne 0 ] || fail "check.sh $* passed, expected a failure"; fi
}
fake() { # NAME: a fake unit binary in $b/tests whose output is standard input
	mkdir -p "$b/tests"
	cat > "$b/tests/$1.out"
	printf '#!/bin/sh\ncat "%s"\nexit %s\n' "$b/tests/$1.out" "${fake_rc:-0}" > "$b/tests/$1"
	chmod +x "$b/tests/$1"
}
summary() { # RUN PASSED [SKIPPED]: cmocka's closing lines
	echo "[==========] Running $1 test(s)."
	echo "[==========] $1 test(s) run."
	echo "[  PASSED  ] $2 test(s)."
	if [ -n "${3:-}" ]; then
		echo "[  SKIPPED ] $3 test(s), listed below:"
		echo "[  SKIPPED ] test_skipped"
	fi
}

# Control: a binary that runs two tests and says so.
b=$tmp/good
summary 2 2 | fake test_good
check 0 --suites unit "$b"
grep -q "^ok   unit/test_good (2)$" "$tmp/out" || fail "the good binary was not counted"
grep -q "^2 passed, 0 failed$" "$tmp/out" || fail "wrong closing line"

# Exit 0 without a summary (stopped early): fails.
b=$tmp/silent
printf '[==========] Running 4 test(s).\n[ RUN      ] a\n[       OK ] a\n' | fake test_silent
check 1 --suites unit "$b"
grep -q "FAIL unit/test_silent.*no cmocka summary" "$tmp/out" || fail "no reason given for the silent binary"

# A summary with no test run: fails.
b=$tmp/zero
summary 0 0 | fake test_zero
check 1 --suites unit "$b"
grep -q "FAIL unit/test_zero.*no test ran" "$tmp/out" || fail "no reason given for 0 tests run"

# Counts that do not add up (4 run, 3 passed, nothing failed or skipped): fails.
b=$tmp/short
summary 4 3 | fake test_short
check 1 --suites unit "$b"
grep -q "FAIL unit/test_short.*4 tests run, but 3 passed" "$tmp/out" || fail "a vanished test was not noticed"

# A skip is counted and printed; it fails when CI=true.
b=$tmp/skip
summary 4 3 1 | fake test_skip
CI= check 0 --suites unit "$b"
grep -q "^ok   unit/test_skip (3, 1 skipped)$" "$tmp/out" || fail "the skip is not shown"
grep -q "^1 tests skipped: unit/test_skip(1)" "$tmp/out" || fail "the skips are not counted"
CI=true check 1 --suites unit "$b"
grep -q "FAIL unit/test_skip.*1 skipped (CI=true" "$tmp/out" || fail "a skip passed in CI"

# A failing binary still fails (exit 1 with cmocka's FAILED line).
b=$tmp/red
{ summary 2 1; echo "[  FAILED  ] 1 test(s), listed below:"; } | fake_rc=1 fake test_red
check 1 --suites unit "$b"

# A wrong BUILD: every suite that finds nothing fails, by name.
b=$tmp/empty
mkdir -p "$b"
check 1 --suites "unit unit-asan fuzz" "$b"
for s in unit unit-asan fuzz; do
	grep -q "^FAIL $s: nothing to run" "$tmp/out" || fail "$s with nothing to run passed"
done
# An empty suite folder of scripts.
check 1 --suites "cli e2e" "$b"
grep -q "^FAIL cli: nothing to run" "$tmp/out" || fail "an empty tests/cli passed"
grep -q "^ok   e2e/test_fine$" "$tmp/out" || fail "the control e2e script did not pass"

# The fuzz driver: a target built with it fails on an empty corpus, passes on one input.
command -v "${CC:-cc}" > /dev/null || fail "no C compiler to build the fuzz driver"
b=$tmp/fuzz
mkdir -p "$b/fuzz/regress"
printf '#include "tests/fuzz/fuzz.h"\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' \
	> "$tmp/fuzz_fake.c"
"${CC:-cc}" -I"$top" -o "$b/fuzz/regress/fuzz_fake" "$tmp/fuzz_fake.c" "$top/tests/fuzz/driver.c" ||
	fail "cannot build the fuzz driver"
"$b/fuzz/regress/fuzz_fake" "$tree/tests/fuzz/corpus/fake" > "$tmp/out" 2>&1 &&
	fail "the fuzz driver passed with no input"
check 1 --suites fuzz "$b"
grep -q "^FAIL fuzz/fake" "$tmp/out" || fail "check.sh passed a fuzz target with an empty corpus"
echo seed > "$tree/tests/fuzz/corpus/fake/seed"
check 0 --suites fuzz "$b"
grep -q "^ok   fuzz/fake$" "$tmp/out" || fail "the fuzz target with one input did not pass"
FUZZ_TARGETS=nosuch sh "$tree/tests/fuzz/run.sh" --regress "$b/fuzz" > "$tmp/out" 2>&1 &&
	fail "fuzz-regress passed with no target to run"
grep -q "no target to run" "$tmp/out" || fail "fuzz-regress does not say it ran nothing"
exit 0
