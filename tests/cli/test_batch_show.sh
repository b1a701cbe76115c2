#!/bin/sh
# gavel show: the particulars, attendance, agenda with states and numbers,
# interventions with times and notes (a multi-line note indented), positions,
# reservations, outcome, queue, deadlines and actions, as plain text; it reads
# while another gavel holds the write lock; exit codes.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
fail() { echo "FAIL: $*"; echo "--- show ---"; cat "$T/show" 2>/dev/null; exit 1; }

S=$("$GAVEL_BIN" new --title "Horizontal Working Party on Cyber Issues" --date 2017-05-12 --roster eu28-2017) ||
	fail "new"
"$GAVEL_BIN" exec "$S" <<'SCRIPT' || fail "exec"
set place Brussels
set chair "MT Presidency"
set docno 10876/17
set marking LIMITE
attend FR present
attend DE present
attend EE video
attend MT absent
item add "Adoption of the agenda" doc "CM 2622/1/17 REV 1"
item add "EU Cyber Security Strategy review"
item add "Prevention & awareness raising" under 2 doc "WK 4977/17 INIT"
at 10:00
item 1
outcome agreed The agenda was adopted.
item add "OSCE informal group" kind info requested HU
at 10:10
item 2.1
floor PRES FR DE
next
presents "WK 4977/17"
note Four questions.\nSecond paragraph.
at 10:14
next
pos FR supports more capacity at EU level
reserve UK scrutiny
deadline 31 May written comments on WK 4977/17 by PRES
action FR 2017-06-01 send the non-paper
SCRIPT
"$GAVEL_BIN" show "$S" > "$T/show" 2> "$T/err" || fail "show"
[ -s "$T/err" ] && fail "show wrote to stderr: $(cat "$T/err")"
expect() { grep -qF -- "$1" "$T/show" || fail "missing: $1"; }
expect "Horizontal Working Party on Cyber Issues"
expect "Date:      12 May 2017"
expect "Place:     Brussels"
expect "Chair:     MT Presidency"
expect "Document:  10876/17"
expect "Marking:   LIMITE"
expect "present       DE FR"
expect "video         EE"
expect "absent        MT"
expect "1. Adoption of the agenda  [done]"
expect "documents: CM 2622/1/17 REV 1"
expect "outcome: agreed: The agenda was adopted."
expect "2. EU Cyber Security Strategy review  ["
expect "2.1. Prevention & awareness raising  [current]"
expect "documents: WK 4977/17 INIT"
expect "taken up at 10:10"
expect "3. OSCE informal group  [pending, information point]"
expect "added during the meeting at the request of HU"
expect "10:10-10:14   4m00s PRES presents WK 4977/17: Four questions."
expect "Second paragraph."
expect "FR (speaking)"
expect "position: FR supports: more capacity at EU level"
expect "reservation: UK scrutiny (entered)"
expect "queue: DE"
expect "2017-05-31  written comments on WK 4977/17 (set by PRES, for all delegations) [item 2.1]"
expect "FR by 2017-06-01: send the non-paper [item 2.1]"
grep -q "^      *Second paragraph.$" "$T/show" || fail "the second line of a note is not indented"

# Reading while a writer holds the lock.
mkfifo "$T/fifo"
"$GAVEL_BIN" exec "$S" --progress < "$T/fifo" > "$T/holder" &
holder=$!
exec 3> "$T/fifo"
echo "set place Strasbourg" >&3
i=0; while [ $i -lt 400 ] && ! grep -q ok "$T/holder"; do sleep 0.05; i=$((i + 1)); done
"$GAVEL_BIN" show "$S" > "$T/show" 2> "$T/err"; rc=$?
exec 3>&-
wait $holder
[ $rc -eq 0 ] || fail "show while locked: exit $rc"
expect "Place:     Strasbourg"

"$GAVEL_BIN" show "$T/none.gavel" 2> /dev/null; [ $? -eq 1 ] || fail "missing session: not 1"
"$GAVEL_BIN" show 2> /dev/null; [ $? -eq 2 ] || fail "no session: not 2"
"$GAVEL_BIN" show "$S" extra 2> /dev/null; [ $? -eq 2 ] || fail "extra argument: not 2"
echo ok
