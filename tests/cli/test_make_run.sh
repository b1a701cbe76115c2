#!/bin/sh
# make run (tests/demo.sh) keeps the demo meeting between runs and says
# where it is; make demo-reset (demo.sh --reset) removes it and the next run
# starts over. make run installs only what running needs: deps.sh run asks
# for no test tool (cmocka, tmux, tidy, pandoc, python3-icalendar), which
# deps.sh check (make check) does. POSIX sh; exit 0 = pass. Run from the top
# of the source tree. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
top=$(pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" GAVEL_DEMO_DATA="$T/demo"
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
fail() { echo "FAIL: $*"; exit 1; }

sh tests/demo.sh "$GAVEL_BIN" < /dev/null > "$T/out" 2>&1 || fail "first run: $(cat "$T/out")"
grep -q "$T/demo" "$T/out" || fail "the first run does not say where the demo data is: $(cat "$T/out")"
S=$(ls "$T"/demo/sessions/*.gavel) || fail "no demo session made"
printf 'item 1\nfloor FR\nnext\nnote kept between runs\n' | "$GAVEL_BIN" exec "$S" || fail "exec"

sh tests/demo.sh "$GAVEL_BIN" < /dev/null > "$T/out" 2>&1 || fail "second run: $(cat "$T/out")"
grep -q "kept in $T/demo" "$T/out" || fail "the second run does not say the data is kept: $(cat "$T/out")"
[ "$(ls "$T"/demo/sessions/*.gavel | wc -l)" -eq 1 ] || fail "a second demo session was made"
grep -q "kept between runs" "$S" || fail "the second run lost what was recorded"

sh tests/demo.sh --reset "$GAVEL_BIN" > "$T/out" 2>&1 || fail "reset: $(cat "$T/out")"
[ -e "$T/demo" ] && fail "demo-reset left the demo data"
sh tests/demo.sh "$GAVEL_BIN" < /dev/null > /dev/null 2>&1 || fail "run after reset"
grep -q "kept between runs" "$T"/demo/sessions/*.gavel && fail "the run after a reset kept the old meeting"
grep -q "^demo-reset:" Makefile || fail "no make demo-reset"
grep -q "^run: deps-run" Makefile || fail "make run does not use the run-only dependencies"

# What each mode asks for, on a PATH with the build tools and no test tool
# (and no apt-get: deps.sh then prints what is missing instead of installing).
mkdir "$T/bin"
for c in sh cc make pkg-config id; do
	p=$(command -v $c) && ln -s "$p" "$T/bin/$c"
done
PATH="$T/bin" sh tests/deps.sh run > "$T/out" 2>&1 || fail "deps.sh run wants more than running needs: $(cat "$T/out")"
PATH="$T/bin" sh tests/deps.sh check > "$T/out" 2>&1 && fail "deps.sh check found the test tools on a PATH without them"
grep -q "tmux" "$T/out" && grep -q "tidy" "$T/out" && grep -q "pandoc" "$T/out" ||
	fail "deps.sh check does not name the test tools: $(cat "$T/out")"
exit 0
