#!/bin/sh
# gavel new --agenda: a value the agenda file holds and the model refuses
# only once it is run (a 30 February, a roster that does not exist) is named
# by the agenda file and its line, and no session is made.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" GAVEL_DATADIR="$(pwd)"
fail() { echo "FAIL: $*"; exit 1; }

printf '[meeting]\nbody = Working Party\ndate = 2017-02-30\n\n[a]\ntitle = Adoption\n' > "$T/date.ini"
"$GAVEL_BIN" new --agenda "$T/date.ini" > "$T/out" 2> "$T/err"; [ $? -eq 1 ] || fail "a 30 February made a session"
grep -q "^gavel: $T/date.ini:3: .*2017-02-30.*no such day" "$T/err" || fail "date: $(cat "$T/err")"
[ ! -d "$T/data/gavel/sessions" ] || [ -z "$(ls "$T/data/gavel/sessions")" ] || fail "a session was made"

printf '[meeting]\nbody = Working Party\n; the roster\nroster = eu99\n\n[a]\ntitle = Adoption\n' > "$T/roster.ini"
"$GAVEL_BIN" new --agenda "$T/roster.ini" > "$T/out" 2> "$T/err"; [ $? -eq 1 ] || fail "an unknown roster made a session"
grep -q "^gavel: $T/roster.ini:4: .*eu99" "$T/err" || fail "roster: $(cat "$T/err")"
echo ok
