#!/bin/sh
# search_outputs.sh GAVEL DATADIR OUTDIR: saves the output (standard output,
# standard error and exit code) of a fixed list of archive commands over
# DATADIR into OUTDIR, one file a command, so that two builds can be
# compared byte for byte (diff -r). Words, phrases, accented and Greek
# terms, filters, csv and json, no cache, and a terminal through script(1).
# The caller sets XDG_CACHE_HOME and the rest of the environment.
g=$1 d=$2 out=$3
mkdir -p "$out" || exit 1
n=0
run() { # NAME ARGS...: one command
	name=$1
	shift
	n=$((n + 1))
	"$g" -D "$d" "$@" > "$out/$name.out" 2> "$out/$name.err"
	echo "rc $?" >> "$out/$name.err"
}
formats() { # NAME QUERY: a search as text, csv and json
	run "$1" search "$2"
	run "$1-csv" search "$2" --format csv
	run "$1-json" search "$2" --format json
}
words="toolbox sécurité securite SÉCURITÉ zzqxj schengen Ελλάδα ελλαδα κυβερνοασφάλεια Łódź lodz
Österreich osterreich coopération Zusammenarbeit e-evidence scrutiny reservation paragraph
Commission's 10:1 ENISA item dossier x a é Ł"
i=0
for w in $words; do
	i=$((i + 1))
	formats "w$i" "$w"
done
i=0
for q in '"scrutiny reservation"' 'scrutiny reservation' 'toolbox sécurité' '"coherent text"' \
	'attribution toolbox' '"Łódź on"' 'Ελλάδα toolbox' '"renforcée approach"' 'toolbox zzqxj' \
	'"the delegation"'; do
	i=$((i + 1))
	formats "p$i" "$q"
done
i=0
for f in "--delegation PL" "--delegation EL" "--item 3" "--item Follow-up" "--doc 7013/16" \
	"--since 2019-01-01" "--until 2016-06-30" "--since 2018-01-01 --until 2018-12-31" \
	"--delegation FR --since 2020-01-01"; do
	i=$((i + 1))
	# shellcheck disable=SC2086
	run "f$i" search toolbox $f
	# shellcheck disable=SC2086
	run "f$i-s" search sécurité $f --format csv
	# shellcheck disable=SC2086
	run "f$i-j" search '"coherent text"' $f --format json
done
for w in toolbox sécurité 'scrutiny reservation'; do
	i=$((i + 1))
	n=$((n + 1))
	GAVEL_NO_CACHE=1 "$g" -D "$d" search "$w" > "$out/nc$i.out" 2> "$out/nc$i.err"
	echo "rc $?" >> "$out/nc$i.err"
done
if command -v script > /dev/null 2>&1; then
	for w in toolbox sécurité Ελλάδα; do
		i=$((i + 1))
		n=$((n + 1))
		TERM=xterm script -qec "'$g' -D '$d' search '$w'" /dev/null > "$out/tty$i.out" 2>&1
		# and a terminal on standard output alone (the progress line not shown)
		n=$((n + 1))
		TERM=xterm script -qec "'$g' -D '$d' search '$w' 2>/dev/null" /dev/null > "$out/tty$i-o.out" 2>&1
	done
fi
run list list
run list-json list --format json
run actions actions --open
run actions-csv actions --open --format csv
run res reservations --open
run res-json reservations --open --format json
echo "$n commands"
