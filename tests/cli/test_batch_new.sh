#!/bin/sh
# gavel new: creates a session in the data folder (XDG or -D), prints its
# path, names it DATE-SLUG.gavel with -2 when taken, files 0600 in 0700
# folders; a refused setup command makes no file; usage errors exit 2.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
mkdir -p "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
umask 022

S=$("$GAVEL_BIN" new --title "Horizontal Working Party on Cyber Issues" --date 2017-05-12) || fail "new failed"
[ "$S" = "$T/data/gavel/sessions/2017-05-12-horizontal-working-party-on-cyber-issues.gavel" ] || fail "path: $S"
[ "$(head -n 1 "$S")" = "gavel-session 2" ] || fail "header: $(head -n 1 "$S")"
[ "$(stat -c %a "$S")" = 600 ] || fail "file mode $(stat -c %a "$S")"
[ "$(stat -c %a "$T/data/gavel/sessions")" = 700 ] || fail "folder mode"
[ "$(stat -c %a "$T/data/gavel")" = 700 ] || fail "folder mode"
grep -q 'set body' "$S" || fail "no body line"
grep -q 'set date 2017-05-12' "$S" || fail "no date line"
"$GAVEL_BIN" show "$S" | grep -q "Horizontal Working Party on Cyber Issues" || fail "show lacks the body"

S2=$("$GAVEL_BIN" new --title "Horizontal Working Party on Cyber Issues" --date 2017-05-12) || fail "second new"
case $S2 in *-issues-2.gavel) ;; *) fail "second name: $S2" ;; esac

# -D DIR: sessions in DIR/sessions.
S3=$("$GAVEL_BIN" -D "$T/other" new --title "CATS" --date 2017-05-24) || fail "new -D"
[ "$S3" = "$T/other/sessions/2017-05-24-cats.gavel" ] || fail "-D path: $S3"
"$GAVEL_BIN" -D "$T/other" show 2017-05-24-cats > /dev/null || fail "show by name with -D"

# With a roster (found beside the binary or in the source tree).
if [ -f rosters/eu28-2017.ini ]; then
	S4=$(GAVEL_DATADIR=$(pwd) "$GAVEL_BIN" new --title "HWP" --date 2017-05-12 --roster eu28-2017) ||
		fail "new --roster"
	grep -q '^cmd+ .* delegation UK ' "$S4" || fail "roster not recorded with its delegations"
fi

# A refused setup command makes no file.
n=$(ls "$T/data/gavel/sessions" | wc -l)
"$GAVEL_BIN" new --title "Bad" --date 2017-02-30 2> "$T/err"; rc=$?
[ $rc -eq 1 ] || fail "bad date: exit $rc"
grep -q "no session made" "$T/err" || fail "bad date message: $(cat "$T/err")"
[ "$(ls "$T/data/gavel/sessions" | wc -l)" -eq "$n" ] || fail "a file was made for a refused setup"
"$GAVEL_BIN" new --roster no-such-roster --date 2017-05-12 2> "$T/err"; rc=$?
[ $rc -eq 1 ] || fail "bad roster: exit $rc"

# --from: a copy of a past session's agenda (numbers, parents, documents,
# kinds, dossiers) and roster, none of its records
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
P=$("$GAVEL_BIN" new --roster eu28-2017 --title "Working Party on Copies" --date 2017-01-10) || fail "new P"
"$GAVEL_BIN" exec "$P" > /dev/null <<'X' || fail "exec P"
item add "Cyber toolbox" doc 7923/17 dossier "Cyber toolbox"
item add "Implementing guidelines" under 1 doc "7923/1/17 REV 1"
item add "Other business" kind aob
item 1
floor FR
next
note recorded words that stay behind
X
C=$("$GAVEL_BIN" new --from "$P" --date 2017-02-10) || fail "new --from"
"$GAVEL_BIN" show "$C" > "$T/copy" || fail "show the copy"
grep -q "Roster: *eu28-2017" "$T/copy" || fail "--from: roster: $(cat "$T/copy")"
grep -q "^Working Party on Copies" "$T/copy" || fail "--from: body"
grep -q "1.1. Implementing guidelines" "$T/copy" || fail "--from: the sub-item"
grep -q "dossier: Cyber toolbox" "$T/copy" || fail "--from: the dossier"
grep -q "any other business" "$T/copy" || fail "--from: the kind"
grep -q "7923/1/17 REV 1" "$T/copy" || fail "--from: the documents"
grep -q "recorded words" "$T/copy" && fail "--from copied the records"
case "$C" in *2017-02-10-working-party-on-copies.gavel) ;; *) fail "--from: path $C" ;; esac
"$GAVEL_BIN" new --from "$P" --agenda demo 2> /dev/null; [ $? -eq 2 ] || fail "--from with --agenda should exit 2"
"$GAVEL_BIN" new --from nothing-such 2> "$T/err"; [ $? -eq 1 ] || fail "--from a missing session should fail"
grep -q "new: --from:" "$T/err" || fail "--from: message: $(cat "$T/err")"

"$GAVEL_BIN" new --bogus 2> /dev/null; [ $? -eq 2 ] || fail "unknown option should exit 2"
"$GAVEL_BIN" new --title 2> /dev/null; [ $? -eq 2 ] || fail "missing value should exit 2"
echo ok
