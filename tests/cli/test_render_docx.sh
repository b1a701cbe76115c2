#!/bin/sh
# gavel render --format docx on the reference meeting (tests/data/
# reference-meeting.gvs), read by real readers: python3 zipfile checks the
# container (CRCs, fixed timestamps), python-docx reads every heading with
# its style name and number and every table, and they must be the ones the
# Markdown render of the same meeting has; every paragraph of text must be
# there in order; pandoc -f docx reads it without a warning. Then hostile
# text, determinism, -o x.docx, and the refusal to write to a terminal.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN and /usr/bin/python3 ($PYTHON).
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
PY=${PYTHON:-/usr/bin/python3}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-docx.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
"$PY" -c 'import docx' 2>/dev/null || fail "python3-docx is needed ('make deps' installs it)"
command -v pandoc >/dev/null 2>&1 || fail "pandoc is needed ('make deps' installs it)"

S=$("$GAVEL_BIN" new --date 2017-05-12 --title "Horizontal Working Party on Cyber Issues") || fail "gavel new"
"$GAVEL_BIN" exec "$S" -f tests/data/reference-meeting.gvs > "$T/exec.out" 2>&1 || { cat "$T/exec.out"; fail "exec"; }
"$GAVEL_BIN" render "$S" --date 2017-07-05 --annex all > "$T/out.md" || fail "render md"
"$GAVEL_BIN" render "$S" --date 2017-07-05 --annex all -o "$T/out.docx" || fail "render -o out.docx"
"$GAVEL_BIN" render "$S" --date 2017-07-05 --annex all --format docx > "$T/stdout.docx" || fail "render --format docx"
"$GAVEL_BIN" render "$S" --date 2017-07-05 --annex all -o "$T/UPPER.DOCX" || fail "render -o UPPER.DOCX"

# -o x.docx picks the format; standard output and a file get the same
# bytes, and so does a second run: nothing depends on the clock
[ "$(head -c 4 "$T/out.docx" | od -An -c | tr -d ' ')" = 'PK003004' ] || fail "-o out.docx is not a ZIP"
cmp -s "$T/out.docx" "$T/stdout.docx" || fail "standard output differs from -o"
cmp -s "$T/out.docx" "$T/UPPER.DOCX" || fail "-o UPPER.DOCX differs"
sleep 1
"$GAVEL_BIN" render "$S" --date 2017-07-05 --annex all -o "$T/again.docx" || fail "render again"
cmp -s "$T/out.docx" "$T/again.docx" || fail "two renders differ"
[ "$(stat -c %a "$T/out.docx")" = 600 ] || fail "out.docx is not 0600"

# The container, by python's zipfile: CRCs, the directory, the timestamps.
"$PY" - "$T/out.docx" <<'PY' || fail "zipfile rejects the container"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
assert bad is None, "bad CRC in " + bad
names = z.namelist()
assert names[0] == "[Content_Types].xml", names
for want in ("_rels/.rels", "word/document.xml", "word/styles.xml", "word/footer1.xml",
             "word/_rels/document.xml.rels", "docProps/core.xml"):
    assert want in names, want
for i in z.infolist():
    assert i.date_time == (1980, 1, 1, 0, 0, 0), (i.filename, i.date_time)
    assert i.compress_type == zipfile.ZIP_DEFLATED, i.filename
PY

# Word's reading, against the Markdown render of the same meeting.
"$PY" - "$T/out.docx" "$T/out.md" <<'PY' || fail "python-docx reading differs from the Markdown"
import re, sys
import docx
from docx.shared import Mm

d = docx.Document(sys.argv[1])
md = open(sys.argv[2], encoding="utf-8").read()

def unmd(s):
    s = s.strip()
    s = re.sub(r"^\*\*(.*)\*\*$", r"\1", s)
    s = re.sub(r"^\*(.*)\*$", r"\1", s)
    return re.sub(r"\\(.)", r"\1", s)

# what the Markdown says: headings (level, number, title), tables, paragraphs
want_heads, want_tables, want_paras = [], [], []
blocks = md.split("\n\n")
body = False
for b in blocks:
    b = b.strip("\n")
    if not b:
        continue
    if not body and "\nSubject: " in b:
        body = True
        continue
    if not body or b == "---":
        continue
    m = re.match(r"^(#{3,}) (.*)$", b)
    if m:
        level = min(len(m.group(1)) - 2, 3)
        t = unmd(m.group(2))
        num, _, title = t.partition(" ")
        want_heads.append(("Heading %d" % level, num + "\t" + title))
        continue
    m = re.match(r"^## ANNEX ([^:]*): (.*)$", b)
    if m:
        want_heads.append(("Heading 1", "ANNEX %s\n%s" % (unmd(m.group(1)), unmd(m.group(2)))))
        continue
    if b.startswith("|"):
        rows = [r for r in b.split("\n") if not re.match(r"^\|( -+:? \|)+$", r)]
        want_tables.append([[unmd(c) for c in r.strip("|").split(" | ")] for r in rows])
        continue
    want_paras.append(unmd(b))

got_heads = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
assert got_heads == want_heads, "headings:\n%r\n!=\n%r" % (got_heads, want_heads)
# the reference's numbering, literally
for h in [("Heading 1", "1.\tAdoption of the agenda"),
          ("Heading 2", "3.1.\tForeign and security policy cyber issues - exchange of views"),
          ("Heading 1", "6.\tAOB"),
          ("Heading 1", "ANNEX I\nAttendance")]:
    assert h in got_heads, h
assert len(want_tables) == 3, len(want_tables)

got_tables = [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]
assert got_tables == want_tables, "tables differ"
for t in d.tables:
    tr = t.rows[0]._tr
    assert tr.trPr is not None and tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None, \
        "the first row is not a header row"
    for c in t.rows[0].cells:
        assert all(r.bold for p in c.paragraphs for r in p.runs), "header cell not bold"

# the running text, every paragraph in order
start = [i for i, p in enumerate(d.paragraphs) if p.style.name == "Rule"][0]
got_paras = [p.text for p in d.paragraphs[start + 1:]
             if p.text and not p.style.name.startswith("Heading")]
assert got_paras == want_paras, "paragraphs:\n%r\n!=\n%r" % (
    [x for x in got_paras if x not in want_paras], [x for x in want_paras if x not in got_paras])
docs = [p.text for p in d.paragraphs if p.style.name == "Documents"]
assert docs == ["Doc. WK 4977/17", "Doc. 8946/17", "Doc. 7923/1/17 REV 1"], docs

# the header block as in the HTML
texts = [p.text for p in d.paragraphs[:start]]
for want in ["Council of the\tBrussels, 5 July 2017", "European Union\t(OR. en)", "10876/17",
             "LIMITE", "OUTCOME OF PROCEEDINGS", "From:\tGeneral Secretariat of the Council",
             "On:\t12 May 2017", "To:\tHorizontal Working Party on Cyber Issues",
             "Subject:\tSummary of discussions"]:
    assert want in texts, (want, texts)
assert [p.style.name for p in d.paragraphs if p.text == "OUTCOME OF PROCEEDINGS"] == ["Title"]
codes = [t for t in texts if t.startswith("CYBER 105")]
assert codes and codes[0].split("\n")[-1] == "COSI 154", codes

# A4, and on every page the number, page X of Y and the marking
s = d.sections[0]
assert abs(s.page_width - Mm(210)) < Mm(1) and abs(s.page_height - Mm(297)) < Mm(1), "not A4"
assert Mm(15) < s.left_margin < Mm(30) and Mm(15) < s.top_margin < Mm(30), "margins"
assert not s.different_first_page_header_footer
f = s.footer
assert not f.is_linked_to_previous, "no footer of its own"
ft = f.paragraphs[0].text
assert ft.startswith("10876/17\t") and ft.endswith("\tLIMITE") and "Page " in ft, ft
instr = " ".join(e.text for e in f._element.iter(docx.oxml.ns.qn("w:instrText")))
assert "PAGE" in instr.split() and "NUMPAGES" in instr.split(), instr
PY

# pandoc reads it without a warning and finds the same words.
pandoc --verbose -f docx -t plain --wrap=none "$T/out.docx" -o "$T/pandoc.txt" 2> "$T/pandoc.err" || fail "pandoc -f docx failed"
! grep -q WARNING "$T/pandoc.err" || { cat "$T/pandoc.err"; fail "pandoc warned"; }
for want in '1. Adoption of the agenda' '3.1. Foreign and security policy cyber issues - exchange of views' \
	'The Presidency set 31 May as the deadline for written comments on the questions in WK 4977/17.' \
	'ANNEX II' 'Speaking time'
do
	grep -qF -- "$want" "$T/pandoc.txt" || fail "pandoc text lacks: $want"
done
pandoc -f docx -t markdown "$T/out.docx" 2>/dev/null | grep -q '^## 3\.1\. Foreign' || fail "pandoc does not see 3.1. as a level-2 heading"

# The header of a document that is not the reference: its type, the access
# marking above the block, an extra header line, several addressees; and a
# note's list as a real Word list (List Bullet, numbered by numbering.xml).
N=$("$GAVEL_BIN" new --roster eu28-2017 --title "Party" --date 2019-02-12) || fail "gavel new note"
cat > "$T/note.gvs" <<'SCRIPT'
set type NOTE
set access "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (12.02.2019)"
set header "Interinstitutional File" "2018/0108 (COD)"
set to "Delegations" "Coreper"
item add "Planks"
item 1
give FR
note "proposed three planks:\n- explain the text\n- agree on a date"
end
SCRIPT
"$GAVEL_BIN" exec "$N" -f "$T/note.gvs" > "$T/nx.out" 2>&1 || { cat "$T/nx.out"; fail "exec note"; }
"$GAVEL_BIN" render "$N" --date 2019-02-13 -o "$T/note.docx" || fail "render note"
"$PY" - "$T/note.docx" <<'PY' || fail "python-docx does not see the note's header fields and list"
import sys, docx
d = docx.Document(sys.argv[1])
ps = [(p.style.name, p.text) for p in d.paragraphs]
assert ps[0] == ("Access", "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (12.02.2019)"), ps[0]
assert d.paragraphs[0].runs[0].bold or d.paragraphs[0].style.font.bold, "access marking not bold"
for want in [("Header Block", "Interinstitutional File:\n2018/0108 (COD)"), ("Title", "NOTE"),
             ("Header Field", "To:\tDelegations\nCoreper"), ("List Bullet", "explain the text"),
             ("List Bullet", "agree on a date")]:
    assert want in ps, (want, ps)
assert not any(t == "OUTCOME OF PROCEEDINGS" for _, t in ps), ps
# the list style is numbered, with a bullet
ls = d.styles["List Bullet"]
numId = ls.element.pPr.numPr.numId.val
num = d.part.numbering_part.element
fmts = [f.get(docx.oxml.ns.qn("w:val")) for f in num.iter(docx.oxml.ns.qn("w:numFmt"))]
ids = [n.get(docx.oxml.ns.qn("w:numId")) for n in num.iter(docx.oxml.ns.qn("w:num"))]
assert str(numId) in ids and fmts == ["bullet"], (numId, ids, fmts)
PY
pandoc -f docx -t markdown "$T/note.docx" 2> "$T/pandoc.err" > "$T/note.md" || fail "pandoc note"
! grep -q WARNING "$T/pandoc.err" || { cat "$T/pandoc.err"; fail "pandoc warned on the note"; }
grep -q '^- *explain the text' "$T/note.md" || { cat "$T/note.md"; fail "pandoc does not read the list as a list"; }

# Hostile text comes out intact and escaped.
H=$("$GAVEL_BIN" new --roster eu28-2017 --title "Hostile <b>&</b> Party" --date 2017-05-12) || fail "gavel new hostile"
RTL='مرحبا بالعالم שלום'
cat > "$T/hostile" <<SCRIPT
set docno 10876/17 <&>
set marking LIMITE
item add "Hostile <script>alert('t')</script> & \"title\" ]]>"
item 1
give FR
note said <w:p>&amp; <![CDATA[x]]> "quoted" $RTL
end
SCRIPT
"$GAVEL_BIN" exec "$H" -f "$T/hostile" > "$T/hx.out" 2>&1 || { cat "$T/hx.out"; fail "exec hostile"; }
"$GAVEL_BIN" render "$H" --date 2017-07-05 --annex all -o "$T/h.docx" || fail "render hostile"
"$PY" - "$T/h.docx" "$RTL" <<'PY' || fail "hostile text not intact"
import sys, docx
d = docx.Document(sys.argv[1])
heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
assert "1.\tHostile <script>alert('t')</script> & \"title\" ]]>" in heads, heads
paras = [p.text for p in d.paragraphs]
want = "The FR delegation said <w:p>&amp; <![CDATA[x]]> \"quoted\" " + sys.argv[2] + "."
assert want in paras, paras
assert d.sections[0].footer.paragraphs[0].text.startswith("10876/17 <&>\t")
PY
pandoc --verbose -f docx -t plain "$T/h.docx" -o /dev/null 2> "$T/pandoc.err" || fail "pandoc hostile"
! grep -q WARNING "$T/pandoc.err" || { cat "$T/pandoc.err"; fail "pandoc warned on hostile"; }

# Never to a terminal: a message, a usage error, nothing written.
if command -v script >/dev/null 2>&1; then
	script -qec "'$GAVEL_BIN' render '$S' --format docx" /dev/null > "$T/tty.out" 2>&1
	rc=$?
	[ $rc -eq 2 ] || { cat "$T/tty.out"; fail "docx to a terminal: exit $rc, not 2"; }
	grep -q 'binary' "$T/tty.out" || { cat "$T/tty.out"; fail "no message for docx to a terminal"; }
	! grep -q 'PK' "$T/tty.out" || fail "docx bytes reached the terminal"
	# text formats still go to a terminal
	script -qec "'$GAVEL_BIN' render '$S' --format txt" /dev/null > "$T/tty.txt" 2>&1 || fail "txt to a terminal"
	grep -q 'OUTCOME OF PROCEEDINGS' "$T/tty.txt" || fail "txt to a terminal lost"
else
	fail "script (util-linux) is needed for the terminal check"
fi
exit 0
