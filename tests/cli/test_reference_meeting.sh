#!/bin/sh
# The reference meeting (outcome of proceedings 10876/17) written with
# `gavel exec` from tests/data/reference-meeting.gvs, then reopened by
# `gavel show`, which must print all of it: every item and sub-item (with the
# HU and EE points added during the meeting), every actor and intervention
# with its notes, the documents presented, positions, reservations, outcomes,
# the 31 May deadline and the actions. `gavel check` must find nothing wrong,
# and `gavel compact` must change nothing that `gavel show` prints.
# Everything expected is read from the script itself, so the two cannot drift.
# Exit 0 = pass.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
GAVEL_BIN=${GAVEL_BIN:-$top/gavel}
script=$top/tests/data/reference-meeting.gvs
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gavel-ref.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" GAVEL_DATADIR="$top"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

session=$("$GAVEL_BIN" new --date 2017-05-12 --title "Horizontal Working Party on Cyber Issues") ||
	{ echo "FAIL: gavel new"; exit 1; }
[ -f "$session" ] || { echo "FAIL: gavel new printed '$session', not a file"; exit 1; }
"$GAVEL_BIN" exec "$session" -f "$script" >"$tmp/exec.out" 2>&1 ||
	{ echo "FAIL: gavel exec"; cat "$tmp/exec.out"; exit 1; }
"$GAVEL_BIN" check "$session" >"$tmp/check.out" 2>&1 ||
	{ echo "FAIL: gavel check"; cat "$tmp/check.out"; exit 1; }
"$GAVEL_BIN" show "$session" >"$tmp/show" 2>"$tmp/show.err" ||
	{ echo "FAIL: gavel show"; cat "$tmp/show.err"; exit 1; }
[ -s "$tmp/show.err" ] && fail "gavel show complained: $(cat "$tmp/show.err")"

has() { # text what
	grep -F -q -- "$1" "$tmp/show" || fail "gavel show lacks $2: $1"
}

# Strips "COMMAND " and the quotes from one script line.
rest() { printf '%s\n' "$1" | sed "s/^$2 //"; }

# The metadata.
has "Horizontal Working Party on Cyber Issues" "the body"
has "12 May 2017" "the date"
has "Brussels" "the place"
has "MT Presidency" "the chair"
has "10876/17" "the document number"
has "CYBER 105, COPEN 220, JAI 652, POLMIL 83, TELECOM 179, RELEX 593, JAIEX 50, COPS 229, IND 178, COSI 154" "the subject codes"
has "LIMITE" "the marking"
has "General Secretariat of the Council" "the From line"
has "Summary of discussions" "the subject"
has "eu28-2017" "the roster"
grep -q '^  video  *EE SE$' "$tmp/show" || fail "EE and SE by videoconference"
grep -q '^  absent  *CY$' "$tmp/show" || fail "CY absent"

# Every item with its number, as the agenda and the meeting numbered them.
for n in "1. Adoption of the agenda" \
	"2. Information from the Presidency, Commission and EEAS" \
	"3. EU Cyber Security Strategy review - state-of-play and future steps" \
	"3.1. Foreign and security policy cyber issues - exchange of views" \
	"3.2. Prevention & awareness raising, education & training - exchange of views" \
	"4. Joint EU Diplomatic Response to Cyber Operations (Cyber toolbox)" \
	"4.1. Cyber toolbox - presentation of the revised text and initial views" \
	"4.2. Draft Council Conclusions - examination of the revised text" \
	"5. E-evidence" "6. AOB" \
	"6.1. OSCE informal group on cybersecurity - outcome of the first meeting" \
	"6.2. Tallinn Manual 2.0 and cyber events in June and September"; do
	has "$n  [" "item"
done
# All taken up; the last one may still be current when the meeting closes.
grep -q '  \[pending' "$tmp/show" && fail "an item left pending"
[ "$(grep -c '  \[current' "$tmp/show")" -le 1 ] || fail "more than one current item"
[ "$(grep -c 'added during the meeting at the request of HU' "$tmp/show")" = 1 ] ||
	fail "the HU point added during the meeting"
[ "$(grep -c 'added during the meeting at the request of EE' "$tmp/show")" = 1 ] ||
	fail "the EE point added during the meeting"
for d in "CM 2622/1/17 REV 1" "WK 4977/17" "8946/17" "7923/1/17 REV 1"; do
	has "documents: $d" "the item document"
done

# Every title, note, outcome and document of the script.
while IFS= read -r line; do
	case $line in
	"item add "*)
		t=$(printf '%s\n' "$line" | sed 's/^item add "\([^"]*\)".*/\1/')
		has "$t" "the item title" ;;
	"note "* | "outcome "*)
		t=$(rest "$line" "[a-z]*")
		case $line in "outcome "*) t=$(rest "$t" "[a-z]*") ;; esac
		# the first 60 bytes: enough to be sure, short of any line folding
		t=$(printf '%s' "$t" | cut -c1-60)
		has "$t" "the text" ;;
	"presents "*)
		t=$(rest "$line" presents | tr -d '"')
		has "presents $t" "the document presented" ;;
	"deadline "*)
		d=$(printf '%s\n' "$line" | cut -d' ' -f2)
		has "$d  Written comments on the questions in WK 4977/17" "the deadline"
		has "set by PRES" "who set the deadline" ;;
	"action "*)
		t=$(printf '%s\n' "$line" | cut -d' ' -f4- | cut -c1-50)
		has "$t" "the action" ;;
	"reserve "*)
		set -- $line
		has "reservation: $2 $3" "the reservation" ;;
	"pos "*)
		set -- $line
		has "position: $2 $3" "the position" ;;
	esac
done <"$script"

# Every actor spoke, as often as the script gave them the floor.
# each record opens with its short reference: [4539ddb]
ivline='^ *\[[0-9a-f]\{7,\}\] [0-9][0-9]:[0-9][0-9]-[0-9][0-9]:[0-9][0-9] *[0-9]*m[0-9][0-9]s '
want=$(grep -c -E '^(give|next)( |$)' "$script")
got=$(grep -c "$ivline" "$tmp/show")
[ "$want" = "$got" ] || fail "$want interventions in the script, $got in gavel show"
for who in PRES COM COM/HOME COM/CNECT EEAS DE FR NL PL SE UK EE FI IT ES LV BE LT RO AT DK PT HU; do
	grep -q "${ivline}$who[: ]" "$tmp/show" || fail "no intervention of $who"
done
grep -q "${ivline}ES presents WK 5192/17" "$tmp/show" || fail "the ES non-paper WK 5192/17"
grep -q "${ivline}FR presents non-paper" "$tmp/show" || fail "the FR non-paper"
grep -q "${ivline}.*(speaking)" "$tmp/show" && fail "an intervention still running"
grep -q "2017-05-31  Written comments on the questions in WK 4977/17 (set by PRES" "$tmp/show" ||
	fail "the 31 May deadline set by the Presidency"
[ "$(grep -c '^  \[[0-9a-f]*\] open ' "$tmp/show")" = "$(grep -c '^action ' "$script")" ] ||
	fail "every action, open"

# Compaction keeps all of it.
"$GAVEL_BIN" compact "$session" >"$tmp/compact.out" 2>&1 ||
	fail "gavel compact: $(cat "$tmp/compact.out")"
"$GAVEL_BIN" show "$session" >"$tmp/show2" 2>&1 || fail "gavel show after compact"
cmp -s "$tmp/show" "$tmp/show2" || fail "gavel show differs after compact: $(diff "$tmp/show" "$tmp/show2")"

if [ $fails -ne 0 ]; then
	echo "--- gavel show:"; cat "$tmp/show"
	exit 1
fi
echo "ok: $(grep -c . "$script") script lines, $got interventions"
