#!/bin/sh
# Writes the reference meeting (tests/data/reference-meeting.gvs) with
# gavel exec, renders it, and compares its structure with the checked-in
# tests/data/reference-outcome.structure: the header block, every heading
# with its number and title, and per paragraph who speaks (the actor that
# opens it), the "also took the floor" lists, the adoption, attendance and
# deadline sentences. The reference document is
# shared/reference/outcome-of-proceedings-10876-17.md.
# Then the same meeting in every format through the real parsers.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-refout.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
DATA=tests/data
[ -f "$DATA/reference-meeting.gvs" ] || fail "no $DATA/reference-meeting.gvs"

S=$("$GAVEL_BIN" new --date 2017-05-12 --title "Horizontal Working Party on Cyber Issues") || fail "gavel new"
"$GAVEL_BIN" exec "$S" -f "$DATA/reference-meeting.gvs" > "$T/exec.out" 2>&1 || { cat "$T/exec.out"; fail "exec"; }
"$GAVEL_BIN" render "$S" --date 2017-07-05 > "$T/out.md" || fail "render"

# The structure of a rendered Markdown outcome, one fact a line.
structure() {
	awk '
	function plain(s) { gsub(/\\/, "", s); gsub(/\*\*/, "", s); sub(/ +$/, "", s); return s }
	BEGIN { head = 1 }
	/^#+ / {
		head = 0
		level = index($0, " ") - 1
		t = plain(substr($0, level + 2))
		if (t == "OUTCOME OF PROCEEDINGS") { print "header: " t; head = 1; next }
		ind = ""; for (i = 3; i < level; i++) ind = ind "  "
		print ind "item " t
		next
	}
	/^---$/ || /^$/ { next }
	head { print "header: " plain($0); next }
	{
		p = plain($0)
		if (p ~ /^The agenda / || p ~ /delegations? \(.*\) (were|was) also connected/ ||
		    p ~ /delegations? \(.*\) did not attend/ || p ~ / as the deadline for / ||
		    p ~ /^The following delegations also took the floor: / || p ~ /^Action: /) {
			print ind "  " p
		} else if (match(p, /^The [A-Z][A-Z] delegation /)) {
			print ind "  actor: " substr(p, 5, RLENGTH - 5)
		} else if (match(p, /^The Commission \([^)]*\) /) || match(p, /^The (Presidency|Commission|EEAS|Council Legal Service) /)) {
			print ind "  actor: " substr(p, 5, RLENGTH - 5)
		} else if (p ~ /^\*Docs?\. /) {
			print ind "  " p
		} else if (p ~ /^(Supported|Could accept|Flexible|Concerns|Opposed|Asked for clarification|[A-Z][a-z]+ reservations?|Reservations? lifted): /) {
			print ind "  positions"
		} else {
			print ind "  sentence"
		}
	}' "$1"
}

structure "$T/out.md" > "$T/got.structure"
if [ -n "$GAVEL_WRITE_EXPECTED" ]; then
	cp "$T/got.structure" "$DATA/reference-outcome.structure"
	echo "wrote $DATA/reference-outcome.structure"
fi
diff -u "$DATA/reference-outcome.structure" "$T/got.structure" || fail "structure differs from $DATA/reference-outcome.structure"

# What the reference document says, literally.
for want in \
	'Brussels, 5 July 2017' '(OR. en)' '10876/17' 'CYBER 105' 'COSI 154' '## OUTCOME OF PROCEEDINGS' \
	'From: General Secretariat of the Council' 'On: 12 May 2017' \
	'To: Horizontal Working Party on Cyber Issues' 'Subject: Summary of discussions' \
	'### **1. Adoption of the agenda**' \
	'The agenda as set out in doc. CM 2622/1/17 REV 1 was adopted with the addition of information points by the HU and the EE delegations.' \
	'#### **3.1. Foreign and security policy cyber issues - exchange of views**' \
	'The Commission (DG Home) informed delegations about the outcome' \
	'The FR delegation presented their non-paper, supported by a number of other Member States' \
	'The Presidency set 31 May 2017 as the deadline for written comments' \
	'### **6. AOB**'
do
	grep -qF -- "$want" "$T/out.md" || fail "rendered Markdown lacks: $want"
done

# Every format through its parser.
"$GAVEL_BIN" render "$S" --date 2017-07-05 --annex all -o "$T/out.html" || fail "render html"
"$GAVEL_BIN" render "$S" --date 2017-07-05 --annex all -o "$T/out.txt" || fail "render txt"
"$GAVEL_BIN" render "$S" --date 2017-07-05 --annex all > "$T/annex.md" || fail "render md annexes"
command -v tidy >/dev/null 2>&1 || fail "tidy is needed ('make deps' installs it)"
command -v pandoc >/dev/null 2>&1 || fail "pandoc is needed ('make deps' installs it)"
tidy -q -e "$T/out.html" > "$T/tidy.out" 2>&1
[ $? -le 1 ] && ! grep -q 'Error:' "$T/tidy.out" || { cat "$T/tidy.out"; fail "tidy found errors"; }
for f in "$T/out.md" "$T/annex.md"; do
	pandoc --verbose -f markdown -t html "$f" -o "$T/p.html" 2> "$T/pandoc.err" || fail "pandoc $f"
	! grep -q WARNING "$T/pandoc.err" || { cat "$T/pandoc.err"; fail "pandoc warned on $f"; }
done
[ "$(wc -L < "$T/out.txt")" -le 80 ] || fail "text wider than 80 columns"
# The lettered house style renders the same meeting with a) b)
echo "set numbering letters" | "$GAVEL_BIN" exec "$S" || fail "set numbering letters"
"$GAVEL_BIN" render "$S" --date 2017-07-05 > "$T/letters.md" || fail "render letters"
grep -qF '#### **a) Foreign and security policy cyber issues - exchange of views**' "$T/letters.md" || fail "no a) sub-item"
grep -qF '#### **b) Prevention' "$T/letters.md" || fail "no b) sub-item"
exit 0
