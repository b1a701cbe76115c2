#!/bin/sh
# Records the reference meeting exactly as its outcome of proceedings reads
# (tests/data/reference-exact.gvs: group paragraphs, item paragraphs, the
# heading under 3.1, the information points), renders it, and compares its
# structure with the Secretariat's own document
# (../shared/reference/outcome-of-proceedings-10876-17.md, from the
# repository root): the header lines, every heading with its number, and
# per paragraph the start of each sentence (its first three words: who acts,
# and how the sentence opens). No difference is allowed. A missing
# reference fails: it is what this test is about. Then the same recording
# rendered to Word: python-docx must read the Markdown render's headings.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
REF=${GAVEL_REFERENCE:-../shared/reference/outcome-of-proceedings-10876-17.md}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-exact.XXXXXX")
[ -n "$GAVEL_KEEP" ] || trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
[ -f "$REF" ] || fail "the reference document $REF is missing"
DATA=tests/data/reference-exact.gvs
[ -f "$DATA" ] || fail "no $DATA"

S=$("$GAVEL_BIN" new --date 2017-05-12 --title "Horizontal Working Party on Cyber Issues") || fail "gavel new"
"$GAVEL_BIN" exec "$S" -f "$DATA" > "$T/exec.out" 2>&1 || { cat "$T/exec.out"; fail "exec"; }
"$GAVEL_BIN" render "$S" > "$T/out.md" || fail "render"

# One fact a line: "header: ...", "heading: 3.1. Title", and per paragraph
# "  para: First three words / of each sentence".
structure() {
	awk '
	function plain(s) {
		gsub(/\[[^]]*\]\(#\)/, "&", s)
		while (match(s, /\[[^]]*\]\(#\)/)) {
			inner = substr(s, RSTART + 1, RLENGTH - 1)
			sub(/\]\(#\)$/, "", inner)
			s = substr(s, 1, RSTART - 1) inner substr(s, RSTART + RLENGTH)
		}
		gsub(/\\/, "", s); gsub(/\*\*/, "", s); gsub(/\*/, "", s)
		sub(/^ +/, "", s); sub(/ +$/, "", s)
		return s
	}
	function words3(s,   n, w, i, out) {
		n = split(s, w, / +/)
		out = ""
		for (i = 1; i <= n && i <= 3; i++) out = out (i > 1 ? " " : "") w[i]
		return out
	}
	# the start of every sentence: a sentence ends with . ! or ? before a
	# blank and a capital, a digit or an opening bracket ("doc. WK" does not)
	function starts(p,   out, rest, before) {
		out = words3(p)
		rest = p
		while (match(rest, /[.!?] [A-Z0-9(]/)) {
			before = substr(rest, 1, RSTART)
			rest = substr(rest, RSTART + 2)
			if (before ~ /(^|[^A-Za-z])[Dd]ocs?\.$/)
				continue
			out = out " / " words3(rest)
		}
		return out
	}
	BEGIN { body = 0 }
	/^---$/ { next }
	/^ *$/ { next }
	/^#+ / {
		t = $0; sub(/^#+ +/, "", t); t = plain(t)
		if (t ~ /^[0-9]/ || t ~ /^[\xe2]/ || t ~ /^–/ || t ~ /^-/) { body = 1; print "heading: " t; next }
		print "header: " t
		next
	}
	!body { print "header: " plain($0); next }
	{ print "  para: " starts(plain($0)) }
	' "$1"
}

structure "$REF" > "$T/want.structure"
structure "$T/out.md" > "$T/got.structure"
[ -s "$T/want.structure" ] || fail "nothing read from $REF"
grep -q '^heading: 3.1. ' "$T/want.structure" || fail "the structure of $REF was not read (no 3.1)"
diff -u "$T/want.structure" "$T/got.structure" || fail "the rendered outcome differs from the reference in structure"
echo "reference exact: $(grep -c '^heading' "$T/got.structure") headings, $(grep -c 'para:' "$T/got.structure") paragraphs as the reference"

# The same recording in Word: python-docx reads the headings (style and
# text) and they are the Markdown render's, the heading under 3.1 included.
PY=${PYTHON:-/usr/bin/python3}
"$PY" -c 'import docx' 2>/dev/null || fail "python3-docx is needed ('make deps' installs it)"
"$GAVEL_BIN" render "$S" -o "$T/out.docx" || fail "render docx"
"$PY" - "$T/out.docx" "$T/out.md" <<'PY' || fail "the Word headings differ from the Markdown's"
import re, sys
import docx
d = docx.Document(sys.argv[1])
md = open(sys.argv[2], encoding="utf-8").read()
def plain(s):
    s = re.sub(r"\*\*|\*", "", s.strip())
    return re.sub(r"\\(.)", r"\1", s)
want = []
for line in md.split("\n"):
    m = re.match(r"^(#{3,}) (.*)$", line)
    if m:
        num, _, title = plain(m.group(2)).partition(" ")
        want.append(("Heading %d" % min(len(m.group(1)) - 2, 3), num + "\t" + title))
got = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
assert got == want, "headings:\n%r\n!=\n%r" % (got, want)
assert any(t.startswith("\u2013\tDiscussion on CFSP") for _, t in got), got
print("reference exact in Word: %d headings as the Markdown's" % len(got))
PY
