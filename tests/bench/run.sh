#!/bin/sh
# make bench: prints figures, asserts nothing about time (see tests/README.md).
#   1. bench_gen writes a 10,000-intervention session (the model, no fdatasync)
#   2. bench_core times open/replay, appends with fdatasync, undo, render and
#      exports inside one process
#   3. the gavel binary, whole commands: show, render, actions, check, exec
#   4. reference figures from cat, wc -l, grep, pandoc and nano where
#      installed; then targets 3 and 4 in one table beside their peers
# Everything is written under BUILD/bench-data; XDG_* and HOME point there.
#   5. an archive of BENCH_ARCHIVE sessions: list, actions, reservations,
#      search beside cat and grep -rFi on the same files, and the home
#      screen's start-up through a pseudo-terminal (script(1))
#   6. gavel, nano and less side by side in a pseudo-terminal (bench_pty):
#      start-up (with the state image warm and cold), keys (first byte,
#      settled), bytes per key, peak memory;
#      gavel follow beside tail -f while gavel exec appends
#   7. the growth table: 1k, 10k, 100k interventions, then agenda items;
#      then targets 7 and 8 beside their limits
# Knobs: BENCH_RUNS (3), BENCH_CLI_RUNS (2), BENCH_INTERVENTIONS (10000),
#        BENCH_APPENDS (1000), BENCH_ARCHIVE (1000), BENCH_PTY_ROUNDS (5),
#        BENCH_PTY_KEYS (40).
# Usage: run.sh BUILD   (GAVEL_BIN: the gavel to time)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
cd "$top" || exit 1
bin=$build/bench
GAVEL_BIN=${GAVEL_BIN:-$top/gavel}
RUNS=${BENCH_RUNS:-3}
CLI_RUNS=${BENCH_CLI_RUNS:-2}
N=${BENCH_INTERVENTIONS:-10000}
APPENDS=${BENCH_APPENDS:-1000}
PTY_ROUNDS=${BENCH_PTY_ROUNDS:-5}
PTY_KEYS=${BENCH_PTY_KEYS:-40}
ARCHIVE=${BENCH_ARCHIVE:-1000}

data=$build/bench-data
rm -rf "$data"
mkdir -p "$data/xdg" "$data/config" "$data/home" "$data/tmp" || exit 1
# Never the user's own folders; a fixed document date.
export XDG_DATA_HOME="$data/xdg" XDG_CONFIG_HOME="$data/config" HOME="$data/home" \
	TMPDIR="$data/tmp" SOURCE_DATE_EPOCH=1499256000 LC_ALL=C.UTF-8
big=$data/big.gavel
started=$(date +%s)

have() { command -v "$1" >/dev/null 2>&1; }
HYPERFINE=
have hyperfine && HYPERFINE=hyperfine

# timeit LABEL OUTFILE COMMAND...: wall time of a whole command, stdout to OUTFILE.
timeit() {
	label=$1 out=$2 runs=$3
	shift 3
	if [ -n "$HYPERFINE" ]; then
		cmd=
		for a in "$@"; do cmd="$cmd '$a'"; done
		printf '  %s\n' "$label"
		hyperfine --runs "$runs" --style basic -n "$label" "$cmd > '$out'" 2>&1 |
			sed -n 's/^ *\(Time\|Range\)/    \1/p'
	else
		"$bin/bench_timeit" -n "$runs" -o "$out" "$label" -- "$@"
	fi
}

echo "gavel bench ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo "  host:  $(uname -srm), $(nproc 2>/dev/null || echo '?') cpu(s)," \
	"$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)"
echo "  disk:  $(df -PT "$data" 2>/dev/null | awk 'NR==2 {print $2 " on " $1}') (fdatasync figures depend on it)"
echo "  gavel: $GAVEL_BIN"
if [ -n "$HYPERFINE" ]; then
	echo "  whole commands timed with $(hyperfine --version)"
else
	echo "  whole commands timed with bench_timeit (hyperfine not installed): min and median of $CLI_RUNS runs"
fi
echo

echo "== 1. the session"
"$bin/bench_gen" "$big" "$N" rosters/eu28-2017.ini || { echo "bench: generator failed"; exit 1; }
echo "  $(wc -c < "$big") bytes, $(wc -l < "$big") lines"
# The generator writes without syncing: its 10 MB going to disk while the
# open below is timed would time the kernel's writeback, not gavel.
sync
echo

echo "== 2. inside one process (bench_core, $RUNS runs each)"
"$bin/bench_core" "$big" "$data" "$RUNS" "$APPENDS" >"$data/core.txt" ||
	{ cat "$data/core.txt"; echo "bench: bench_core failed"; exit 1; }
cat "$data/core.txt"
echo

echo "== 3. whole gavel commands on the big session (each opens it: see 'open' above)"
if [ -x "$GAVEL_BIN" ]; then
	timeit "gavel show" "$data/show.txt" "$CLI_RUNS" "$GAVEL_BIN" show "$big"
	for f in md html txt; do
		timeit "gavel render --format $f" "$data/render.$f" "$CLI_RUNS" \
			"$GAVEL_BIN" render "$big" --format "$f" --annex all --date 2017-07-05
	done
	for f in csv ics; do
		timeit "gavel actions --format $f" "$data/actions-cli.$f" "$CLI_RUNS" \
			"$GAVEL_BIN" actions "$big" --format "$f"
	done
	timeit "gavel check" "$data/check.txt" "$CLI_RUNS" "$GAVEL_BIN" check "$big"
	# 1,000 commands through gavel exec: one open, then an fdatasync per line.
	cp "$big" "$data/exec.gavel"
	"$bin/bench_timeit" -n 1 -o "$data/exec.out" "gavel exec ($APPENDS commands, 1 run)" -- \
		sh -c 'i=0; while [ $i -lt "$1" ]; do
			echo "floor FR"; echo next; echo "note welcomed the text — coopération."; echo end
			i=$((i + 4)); done | "$2" exec "$3"' sh "$APPENDS" "$GAVEL_BIN" "$data/exec.gavel"
	echo "  outputs: show $(wc -c < "$data/show.txt") B, md $(wc -c < "$data/render.md") B," \
		"html $(wc -c < "$data/render.html") B, txt $(wc -c < "$data/render.txt") B"
else
	echo "  skipped: no gavel binary at $GAVEL_BIN"
fi
echo

echo "== 4. reference figures on the same data (for scale)"
timeit "cat session > /dev/null" /dev/null "$RUNS" cat "$big"
# The open's peer (target 3: within 10x of it), in bench_timeit's format
# whatever times the rest, as the table below reads it back.
rm -f "$data/pandoc.txt"
"$bin/bench_timeit" -n "$RUNS" "wc -l session" -- wc -l "$big" | tee "$data/wc.txt"
if have grep; then
	timeit "grep -c ' note ' session" "$data/grep.out" "$RUNS" grep -c ' note ' "$big"
	timeit "grep -c over the rendered md" "$data/grep2.out" "$RUNS" grep -c 'delegation' "$data/outcome.md"
else
	echo "  grep: not installed, skipped"
fi
if have pandoc; then
	# One run: pandoc takes seconds on a document this size.
	"$bin/bench_timeit" -n 1 "pandoc outcome.md -> html (1 run)" -- \
		pandoc -f markdown -t html -o "$data/pandoc.html" "$data/outcome.md" | tee "$data/pandoc.txt"
else
	echo "  pandoc: not installed, skipped"
fi
if have nano && have script; then
	# nano needs a terminal: script(1) gives it one; Ctrl-X quits at once.
	"$bin/bench_timeit" -n 1 "nano opens the session and quits" -- \
		sh -c 'printf "\030" | TERM=xterm timeout 60 script -qec "nano -R -- \"$1\"" /dev/null' sh "$big"
elif have nano; then
	echo "  nano: installed, but script(1) is missing to give it a terminal; skipped"
else
	echo "  nano: not installed, skipped"
fi
echo

# Targets 3 and 4 in one table: gavel's figure, its peer's from the same
# run, the ratio and the target (the key and start-up cases print their own
# tables in section 6, the archive's in section 5).
median_of() { grep -F "  $1 " "$2" 2>/dev/null | head -n 1 | sed -n 's/.*median *\([0-9.]*\) ms.*/\1/p'; }
open_ms=$(median_of "open (read + scan + replay)" "$data/core.txt")
wc_ms=$(median_of "wc -l session" "$data/wc.txt")
html_ms=$(median_of "render HTML" "$data/core.txt")
pandoc_ms=$(median_of "pandoc outcome.md -> html (1 run)" "$data/pandoc.txt")
echo "== targets 3 and 4: gavel beside its peer in this run"
awk -v o="$open_ms" -v w="$wc_ms" -v h="$html_ms" -v p="$pandoc_ms" -v bytes="$(wc -c < "$big")" 'BEGIN {
	printf "  | %-32s | %-22s | %-20s | %-8s | %-40s | %-6s |\n", "case", "gavel", "peer", "ratio", "target", "status"
	if (o > 0 && w > 0) {
		mbs = bytes / (o / 1000) / 1e6
		printf "  | %-32s | %8.2f ms %5.0f MB/s | wc -l %8.2f ms    | %7.2fx | %-40s | %-6s |\n",
			"open and replay (median)", o, mbs, w, o / w, "<= 10x wc -l, < 20 ms, >= 500 MB/s",
			(o / w <= 10 && o < 20 && mbs >= 500) ? "met" : "OPEN"
	} else
		printf "  | %-32s | (no figure)\n", "open and replay"
	if (h > 0 && p > 0)
		printf "  | %-32s | %8.2f ms            | pandoc %8.1f ms   | %7.0fx | %-40s | %-6s |\n",
			"render HTML, every annex", h, p, p / h, ">= 100x faster than pandoc", (p / h >= 100) ? "met" : "OPEN"
	else
		printf "  | %-32s | (pandoc not run)\n", "render HTML vs pandoc"
}'
echo

echo "== 5. the archive: $ARCHIVE generated sessions, each command beside its peer on the same files"
adata=$data/archive
if "$bin/bench_archive_gen" "$adata/sessions" "$ARCHIVE" rosters/eu28-2017.ini; then
	echo "  $(ls "$adata/sessions" | wc -l) files, $(cat "$adata/sessions"/* | wc -c) bytes"
	export XDG_CACHE_HOME="$data/cache"
	G="$GAVEL_BIN -D $adata"
	S="$adata/sessions"
	IR=${BENCH_ROUNDS:-7}
	# Each gavel command beside its peer, interleaved (A B A B ...) $IR
	# rounds on the same files; medians. The load average is part of the figure.
	echo "  load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
	I="sh $top/tests/bench/interleave.sh $IR"
	printf '  | %-44s | %10s | %-24s | %10s | %5s | %-14s |
' command gavel peer peer ratio target
	$I "list, no cache (every file replayed)" "as replay" \
		"rm -rf '$XDG_CACHE_HOME'; $G list" "cat every file" "cat '$S'/* "
	$G list > "$data/list.txt" 2>&1
	echo "  cache: $(cat "$XDG_CACHE_HOME"/gavel/* | wc -c) bytes (records and their folded lines)"
	$I "list (cached)" "< 100 ms" "$G list"
	$I "actions --open (cached)" "< 300 ms" "$G actions --open --format txt"
	$I "reservations --open (cached)" "< 300 ms" "$G reservations --open"
	$I "actions --open, no cache" "as replay" "rm -rf '$XDG_CACHE_HOME'; $G actions --open --format txt"
	$G list > /dev/null 2>&1
	$I "search zzqxj (rare: nowhere)" "<= grep" "$G search zzqxj" "grep -rFi zzqxj" "grep -rFi zzqxj '$S'"
	$I "search schengen (1 session in 50)" "<= grep" "$G search schengen" "grep -rFi schengen" \
		"grep -rFi schengen '$S'"
	$I "search toolbox (in every session)" "<= grep" "$G search toolbox" "grep -rFi toolbox" \
		"grep -rFi toolbox '$S'"
	$I "search '\"scrutiny reservation\"' (phrase)" "<= grep" "$G search '\"scrutiny reservation\"'" \
		"grep -rFi 'scrutiny reservation'" "grep -rFi 'scrutiny reservation' '$S'"
	$I "search sécurité (accented, everywhere)" "<= grep" "$G search sécurité" "grep -rFi sécurité" \
		"grep -rFi sécurité '$S'"
	# To /dev/null only the exit status is seen: GNU grep then stops reading
	# each file at its first match, and gavel looks into no cached session
	# after its first hit. Written to a file, both do the whole work.
	$I "search toolbox > file (every hit written)" "<= grep" "$G search toolbox > '$data/s.out'" \
		"grep -rFi > file" "grep -rFi toolbox '$S' > '$data/g.out'"
	$I "search sécurité > file (every hit written)" "<= grep" "$G search sécurité > '$data/s.out'" \
		"grep -rFi > file" "grep -rFi sécurité '$S' > '$data/g.out'"
	rm -f "$data/s.out" "$data/g.out"
	$G search schengen > "$data/search2.txt" 2>&1
	grep -rFi schengen "$S" > "$data/grep2.txt"
	echo "  hits: gavel $(grep -c '^ ' "$data/search2.txt") for schengen, grep $(wc -l < "$data/grep2.txt") lines"
	if have valgrind; then
		# Instruction counts: exact on a busy machine (make bench-instr has the session's).
		for q in zzqxj toolbox; do
			n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $G search $q 2>&1 > /dev/null |
				sed -n 's/.*Collected : //p')
			m=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null grep -rFi $q "$S" 2>&1 > /dev/null |
				sed -n 's/.*Collected : //p')
			echo "  instructions, search $q: gavel $n, grep -rFi $m"
		done
		n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$data/vg.log" \
			$G search toolbox > "$data/s.out" 2>&1; sed -n 's/.*Collected : //p' "$data/vg.log")
		m=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$data/vg.log" \
			grep -rFi toolbox "$S" > "$data/g.out" 2>&1; sed -n 's/.*Collected : //p' "$data/vg.log")
		echo "  instructions, search toolbox > file: gavel $n, grep -rFi $m"
		rm -f "$data/s.out" "$data/g.out" "$data/vg.log"
	fi
	if have script; then
		# The home screen through a pseudo-terminal (script(1)): the scan from
		# the cache, the first screen drawn, then q. Its screen is checked.
		timeit "gavel alone: the home screen drawn, then q (cached)" "$data/home.txt" "$RUNS" \
			sh -c 'printf q | TERM=xterm timeout 60 script -qec "$1 -D \"$2\"" /dev/null' sh "$GAVEL_BIN" "$adata"
		grep -aq "Sessions ($ARCHIVE)" "$data/home.txt" || echo "  the home screen did not show the $ARCHIVE sessions"
	else
		echo "  home screen: script(1) is missing to give it a terminal; skipped"
	fi
else
	echo "  bench_archive_gen failed; skipped"
fi
echo
echo "== 6. side by side in a pseudo-terminal (bench_pty): gavel, nano, less on the same file"
# The same bytes for every program: the session file itself. Each case runs
# the programs interleaved, A B C A B C, $PTY_ROUNDS rounds; see bench_pty.c.
if have nano && have less; then
	# A writable copy where someone has the floor and three are queued: the
	# queue moves and the notes take keys.
	live=$data/live.gavel
	cp "$big" "$live"
	printf 'give FR\nfloor DE NL PL\n' | "$GAVEL_BIN" exec "$live" >/dev/null 2>&1 ||
		echo "  (could not prepare $live)"
	pty() { "$bin/bench_pty" -r "$PTY_ROUNDS" -k "$PTY_KEYS" -f "$big" "$@"; }
	export TERM=xterm-256color
	# Start-up with and without the state image (storage/stateimage.h): the
	# live screen keeps one for a long session in the cache once its first
	# screen is out, and opens from it next time. Cold: a cache folder that
	# cannot exist, so no image is read or written in any round; warm: the
	# image a first start (not timed) wrote. Each gets its folder by an
	# assignment before the exec (no env(1): its peers pay for none).
	imgcache=$data/cache-image
	rm -rf "$imgcache"
	"$bin/bench_pty" -r 1 -k 1 -f "$big" "state image: a first start writes it" -- \
		gavel '' 'j' "XDG_CACHE_HOME='$imgcache' '$GAVEL_BIN' --read-only '$big'" >/dev/null 2>&1
	img=$(ls "$imgcache"/gavel/state/*.image 2>/dev/null | head -n 1)
	if [ -n "$img" ]; then
		echo "  state image: warm for gavel-warm in every round ($(wc -c < "$img") bytes, for $(wc -c < "$big") bytes of session); none for gavel-cold"
	else
		echo "  state image: NOT written: gavel-warm is cold too"
	fi
	pty "start-up, state image" -- \
		gavel-warm '' 'j|k' "XDG_CACHE_HOME='$imgcache' '$GAVEL_BIN' --read-only '$big'" \
		gavel-cold '' 'j|k' "XDG_CACHE_HOME=/dev/null/none '$GAVEL_BIN' --read-only '$big'" \
		less '' 'j|k' "less '$big'" \
		nano '' '\e[B|\e[A' "nano -I -v '$big'"
	echo
	# The cases below open through the cache of section 5: their first round
	# is cold (it writes the image), the others warm.
	echo "  state image below: cold in round 1 (it writes one in ${XDG_CACHE_HOME:-$HOME/.cache}), warm after"
	# floor: bench_echo, a program that only writes each key back (poll,
	# read, write): the terminal's share of a key, which nothing beats.
	echo "  floor: bench_echo writes each key back and does nothing else: the pseudo-terminal's own share"
	pty "agenda keys j/k" -- \
		gavel '' 'j|k' "'$GAVEL_BIN' --read-only '$big'" \
		nano '' '\e[B|\e[A' "nano -I -v '$big'" \
		less '' 'j|k' "less '$big'" \
		floor '' 'j|k' "'$bin/bench_echo'"
	echo
	pty "queue keys j/k" -- \
		gavel '' 'j|k' "'$GAVEL_BIN' '$live'" \
		nano '' '\e[B|\e[A' "nano -I -v '$big'" \
		floor '' 'j|k' "'$bin/bench_echo'"
	echo
	pty "typing a note" -- \
		gavel '\t' 'a|b|c|d|e|f|g|h| ' "'$GAVEL_BIN' '$live'" \
		nano '' 'a|b|c|d|e|f|g|h| ' "nano -I '$big'" \
		floor '' 'a|b|c|d|e|f|g|h| ' "'$bin/bench_echo'"
	echo
	# gavel follow on a copy of the big session while a writer appends
	# (gavel exec), beside tail -f on the same file: from the append
	# (inotify on the file) to the follower's last byte. Fewer keys: each
	# writer opens the whole session first.
	fol=$data/follow.gavel
	cp "$big" "$fol"
	printf 'floor SE\n' > "$data/follow-1.txt"
	printf 'withdraw SE\n' > "$data/follow-2.txt"
	w="!'$GAVEL_BIN' exec '$fol' -f '$data/follow-1.txt'|!'$GAVEL_BIN' exec '$fol' -f '$data/follow-2.txt'"
	"$bin/bench_pty" -r "$PTY_ROUNDS" -k 10 -f "$fol" "follow: append to screen" -- \
		gavel '' "$w" "'$GAVEL_BIN' follow '$fol'" \
		tail '' "$w" "tail -f '$fol'"
else
	echo "  nano or less is not installed (make bench installs nano): skipped"
fi
echo

echo "== 7. growth: the same commands on 1k, 10k and 100k interventions, then agenda items"
# Whole commands, best of $CLI_RUNS wall clock; the per-unit column must stay
# flat (or grow like log n) from one row to the next: a quadratic path shows
# as a column that grows tenfold per row.
growth_row() { # LABEL N FILE
	label=$1 n=$2 f=$3
	row="$(awk -v l="$label" -v n="$n" -v b="$(wc -c < "$f")" 'BEGIN { printf "| %-26s | %7s | %6.1f MB |", l, n, b / 1e6 }')"
	for what in check show html; do
		case $what in
		check) set -- "$GAVEL_BIN" check "$f" ;;
		show) set -- "$GAVEL_BIN" show "$f" ;;
		html) set -- "$GAVEL_BIN" render "$f" --format html -o "$data/growth.html" ;;
		esac
		best=
		i=0
		while [ $i -lt "$CLI_RUNS" ]; do
			t0=$(date +%s%N)
			"$@" >/dev/null 2>&1
			t1=$(date +%s%N)
			t=$(( (t1 - t0) / 1000 ))
			if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
			i=$((i + 1))
		done
		row="$row $(awk -v b="$best" -v n="$n" 'BEGIN { printf "%8.1f ms %6.2f us |", b / 1000, b / n }')"
	done
	echo "$row"
}
rm -f "$data/growth.txt"
echo "| session                    |       n |   file   | gavel check (per n)    | gavel show (per n)     | render html (per n)    |"
echo "|----------------------------|---------|----------|------------------------|------------------------|------------------------|"
for n in 1000 10000 100000; do
	f=$data/growth-$n.gavel
	if [ "$n" = "$N" ]; then cp "$big" "$f"; else
		"$bin/bench_gen" "$f" "$n" rosters/eu28-2017.ini >/dev/null || { echo "bench_gen $n failed"; continue; }
	fi
	growth_row "interventions (40 items)" "$n" "$f" | tee -a "$data/growth.txt"
done
for n in 1000 10000 100000; do
	f=$data/growth-items-$n.gavel
	"$bin/bench_gen" "$f" "$n" rosters/eu28-2017.ini $((n / 4)) >/dev/null || { echo "bench_gen items $n failed"; continue; }
	growth_row "agenda items (n interv.)" "$n" "$f" | tee -a "$data/growth.txt"
done
echo
# Targets 7 and 8 beside their limits, from the growth table and section 2.
echo "== targets 7 and 8: gavel beside its limit in this run"
undo_ms=$(median_of "undo on the big session" "$data/core.txt")
awk -F'|' -v u="$undo_ms" -v n="$N" '
	$3 + 0 == 100000 && $2 ~ /interventions/ { iv = $5 + 0 }
	$3 + 0 == 100000 && $2 ~ /agenda items/ { it = $5 + 0 }
	function row(c, v, t, ok) {
		if (v > 0) printf "  | %-40s | %10.2f ms | %-10s | %-6s |\n", c, v, t, ok ? "met" : "OPEN"
		else printf "  | %-40s | (no figure)\n", c
	}
	END {
		printf "  | %-40s | %13s | %-10s | %-6s |\n", "case", "gavel", "target", "status"
		row("100,000 interventions: gavel check", iv, "< 1000 ms", iv < 1000)
		row("100,000 agenda items: gavel check", it, "< 1000 ms", it < 1000)
		row(sprintf("live undo, %d interventions (median)", n), u, "< 20 ms", u < 20)
	}' "$data/growth.txt"
echo
echo "bench done in $(( $(date +%s) - started )) s; data in $data"
