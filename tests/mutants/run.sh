#!/bin/sh
# make mutants (see tests/README.md): every tests/mutants/*.mut, one at a
# time, on a copy of the tree; never on the tree itself.
#   run.sh WORKDIR [NAME...]     NAME: a mutant's file name without .mut
# A .mut file holds one change to one line:
#   file:  model/floor.c            the source file
#   from:  if (q->point_of_order)   exact text, found exactly once in that file
#   to:    if (0)                   what it becomes (may be empty)
#   after: static int Floor_next(   optional: search only the 20 lines from
#                                   this text (found once), when from: alone
#                                   is not unique
#   tests: unit/test_model_floor cli/test_x e2e/test_y
#   env:   CRASH_ROUNDS=40          optional, for the tests
# Each named test must fail on the mutant ("killed"); a test that stays green
# makes it SURVIVED. A mutant whose text is not found exactly once, or whose
# copy does not build, is BROKEN. Closing line: "N mutants, N killed, N
# survived"; exit 0 only when every mutant was killed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
work=${1:?usage: run.sh WORKDIR [NAME...]}
shift
mkdir -p "$work"
work=$(cd "$work" && pwd)
case "$work" in "$top" | "$top"/tests* | "$top"/model* | "$top"/storage* | "$top"/render*)
	echo "run.sh: WORKDIR must not be the source tree"; exit 2 ;;
esac
export CFLAGS="${MUTANT_CFLAGS:--O0 -g}"
jobs=${MUTANT_JOBS:-2}
start=$(date +%s)

# The mutants to run.
if [ $# -gt 0 ]; then
	list=""
	for n in "$@"; do
		[ -f "$here/$n.mut" ] || { echo "no mutant $here/$n.mut"; exit 2; }
		list="$list $here/$n.mut"
	done
else
	list=$(ls "$here"/*.mut)
fi

field() { # FILE KEY: the value after "KEY:" and one space, as is
	sed -n "s/^$2: \{0,1\}//p" "$1" | head -n 1
}

# The tree as its files are now (committed or not), without any build.
rm -rf "$work/base" "$work/mut"
mkdir -p "$work/base"
(cd "$top" && git ls-files -z --cached --others --exclude-standard) > "$work/files" ||
	{ echo "run.sh: needs a git checkout to list the sources"; exit 2; }
(cd "$top" && xargs -0 cp --parents -t "$work/base" < "$work/files" 2>/dev/null)
# A file deleted but not yet committed is listed and absent: ignore it.
# Tests that read ../shared (the reference documents) find it beside the copy.
rm -f "$work/shared"
[ -d "$top/../shared" ] && ln -s "$top/../shared" "$work/shared"

tests_of() { field "$1" tests; }
units_of() { # the unit binaries a list of tests needs
	for t in $1; do case $t in unit/*) printf ' build/tests/%s' "${t#unit/}" ;; esac; done
}
build_tree() { # DIR UNIT-BINARIES
	# bench_pty: tests/e2e/test_tui_key_bytes.sh counts the bytes of each key
	make -C "$1" -j"$jobs" WERROR=0 BUILD=build BIN=gavel gavel build/bench/bench_pty $2 > "$1/build.log" 2>&1
}
run_test() { # TREE TEST ENV: exit status of the test
	tree=$1 t=$2 tenv=$3
	case $t in
	unit/*) (cd "$tree" && env $tenv timeout 300 "build/tests/${t#unit/}") > "$tree/test.log" 2>&1 ;;
	cli/* | e2e/*)
		[ -f "$tree/tests/$t.sh" ] || { echo "no test tests/$t.sh" > "$tree/test.log"; return 2; }
		(cd "$tree" && env $tenv GAVEL_BIN="$tree/gavel" timeout 300 sh "tests/$t.sh") > "$tree/test.log" 2>&1 ;;
	*) echo "unknown test kind: $t" > "$tree/test.log"; return 2 ;;
	esac
}

# Every named test must pass on the unmutated copy, or a kill proves nothing.
all_tests=$(for m in $list; do tests_of "$m" | tr ' ' '\n'; done | grep . | sort -u)
all_units=$(units_of "$all_tests")
echo "building the unmutated copy in $work/base"
build_tree "$work/base" "$all_units" || { tail -n 30 "$work/base/build.log"; echo "the unmutated copy does not build"; exit 2; }
for t in $all_tests; do
	run_test "$work/base" "$t" "" ||
		{ sed 's/^/    /' "$work/base/test.log" | tail -n 30; echo "$t fails on the unmutated tree"; exit 2; }
done
echo "$(echo "$all_tests" | wc -w) tests pass on the unmutated copy ($(( $(date +%s) - start ))s)"

total=0 killed=0 survived=0 broken=0 bad=""
for m in $list; do
	name=$(basename "$m" .mut)
	total=$((total + 1))
	file=$(field "$m" file) from=$(field "$m" from) to=$(field "$m" to)
	tests=$(tests_of "$m") tenv=$(field "$m" env) after=$(field "$m" after)
	if [ -z "$file" ] || [ -z "$from" ] || [ -z "$tests" ]; then
		echo "BROKEN   $name: needs file:, from: and tests:"; broken=$((broken + 1)); bad="$bad $name"; continue
	fi
	rm -rf "$work/mut"
	cp -a "$work/base" "$work/mut"
	src="$work/mut/$file"
	if [ ! -f "$src" ]; then
		echo "BROKEN   $name: no file $file"; broken=$((broken + 1)); bad="$bad $name"; continue
	fi
	# Fixed-string replacement; ENVIRON keeps backslashes as they are. With
	# after:, only the 20 lines from that (unique) anchor are searched.
	n=$(FROM=$from TO=$to AFTER=$after awk '
		BEGIN { from = ENVIRON["FROM"]; to = ENVIRON["TO"]; after = ENVIRON["AFTER"] }
		{ text[NR] = $0; if (after != "" && index($0, after)) { anchors++; at = NR } }
		END {
			if (after != "" && anchors != 1) { print "anchor:" anchors + 0; exit }
			lo = after == "" ? 1 : at; hi = after == "" ? NR : at + 20
			n = 0
			for (k = 1; k <= NR; k++) {
				line = text[k]; out = ""
				while (k >= lo && k <= hi && (i = index(line, from)) > 0) {
					n++; out = out substr(line, 1, i - 1) to; line = substr(line, i + length(from))
				}
				print out line > (FILENAME ".mutant")
			}
			print n
		}' "$src")
	case $n in
	anchor:*)
		echo "BROKEN   $name: after: '$after' found ${n#anchor:} times in $file (exactly once needed)"
		broken=$((broken + 1)); bad="$bad $name"; continue ;;
	1) ;;
	*)
		printf "BROKEN   %s: '%s' found %s times in %s%s (exactly once needed)\n" \
			"$name" "$from" "$n" "$file" "${after:+ after '$after'}"
		broken=$((broken + 1)); bad="$bad $name"; continue ;;
	esac
	mv "$src.mutant" "$src"
	touch "$src"
	if ! build_tree "$work/mut" "$(units_of "$tests")"; then
		echo "BROKEN   $name: the mutant does not build"; grep -m 3 'error' "$work/mut/build.log" | sed 's/^/    /'
		broken=$((broken + 1)); bad="$bad $name"; continue
	fi
	green=""
	for t in $tests; do
		run_test "$work/mut" "$t" "$tenv" && green="$green $t"
	done
	if [ -z "$green" ]; then
		killed=$((killed + 1)); echo "killed   $name ($file)"
	else
		survived=$((survived + 1)); bad="$bad $name"
		printf "SURVIVED %s (%s: '%s' -> '%s'; still green:%s)\n" "$name" "$file" "$from" "$to" "$green"
	fi
done
rm -rf "$work/mut"
[ $broken -eq 0 ] || echo "$broken mutants could not be applied or built:$bad"
echo "($(( $(date +%s) - start ))s)"
echo "$total mutants, $killed killed, $survived survived"
[ $killed -eq $total ]
