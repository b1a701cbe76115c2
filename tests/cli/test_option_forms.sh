#!/bin/sh
# Option conventions of every command: "--" ends the options (a session
# named "-odd.gavel" is reachable), a short option takes its value glued on
# ("-oFILE" like "-o FILE", "-fSCRIPT", "-DDIR") and a long one after "="
# ("--output=FILE"); "--help" and "-h" print the command's usage on standard
# output and exit 0, for every command, follow included.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" SOURCE_DATE_EPOCH=1500000000
fail() { echo "FAIL: $*"; exit 1; }

for c in render actions new exec show check compact follow; do
	for h in --help -h; do
		"$GAVEL_BIN" $c $h > "$T/out" 2> "$T/err" || fail "$c $h: exit $? ($(cat "$T/err"))"
		grep -q "^usage: gavel $c" "$T/out" || fail "$c $h printed no usage: $(cat "$T/out" "$T/err")"
	done
done

S=$("$GAVEL_BIN" new -t"Glued title" -d2017-05-12) || fail "new -tTEXT -dDATE"
grep -q "Glued title" "$S" || fail "new -tTEXT lost the title"
printf 'item add "Adoption of the agenda"\ndeadline 2017-06-01 send it\n' > "$T/script.txt"
"$GAVEL_BIN" exec "$S" -f"$T/script.txt" || fail "exec -fSCRIPT"
grep -q "Adoption" "$S" || fail "exec -fSCRIPT did not run the script"

"$GAVEL_BIN" render "$S" -o"$T/glued.md" || fail "render -oFILE"
[ -s "$T/glued.md" ] || fail "render -oFILE wrote nothing"
[ -e "$T/-o$T/glued.md" ] && fail "render -oFILE took the option for a session"
"$GAVEL_BIN" render "$S" --output="$T/long.html" || fail "render --output=FILE"
grep -q "<html" "$T/long.html" || fail "render --output=FILE: not HTML by its extension"
"$GAVEL_BIN" render "$S" -thtml -o "$T/t.out" || fail "render -tFORMAT"
grep -q "<html" "$T/t.out" || fail "render -thtml is not HTML"
"$GAVEL_BIN" actions "$S" -o"$T/glued.csv" || fail "actions -oFILE"
head -n 1 "$T/glued.csv" | grep -q "^type," || fail "actions -oFILE.csv is not CSV"
"$GAVEL_BIN" actions "$S" -tics > "$T/a.ics" || fail "actions -tFORMAT"
grep -q "BEGIN:VCALENDAR" "$T/a.ics" || fail "actions -tics is not iCalendar"

mkdir -p "$T/glued-data"
"$GAVEL_BIN" -D"$T/glued-data" new --title "In glued data" > "$T/path" || fail "-DDIR"
case $(cat "$T/path") in "$T/glued-data"/*) ;; *) fail "-DDIR: $(cat "$T/path")" ;; esac

# A session whose name begins with '-'.
cp "$S" "$T/-odd.gavel"
cd "$T" || fail "cd"
"$GAVEL_BIN" show -odd.gavel > /dev/null 2> "$T/err" && fail "show took -odd.gavel for a session without --"
"$GAVEL_BIN" show -- -odd.gavel > "$T/out" || fail "show -- -odd.gavel"
grep -q "Glued title" "$T/out" || fail "show -- -odd.gavel showed something else"
"$GAVEL_BIN" render -o "$T/odd.md" -- -odd.gavel || fail "render -- -odd.gavel"
"$GAVEL_BIN" actions -- -odd.gavel > /dev/null || fail "actions -- -odd.gavel"
"$GAVEL_BIN" check -- -odd.gavel > /dev/null || fail "check -- -odd.gavel"
printf 'item add Second\n' | "$GAVEL_BIN" exec -- -odd.gavel || fail "exec -- -odd.gavel"
grep -q Second "$T/-odd.gavel" || fail "exec -- -odd.gavel missed the session"
"$GAVEL_BIN" compact -- -odd.gavel > /dev/null || fail "compact -- -odd.gavel"
exit 0
