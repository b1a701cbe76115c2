#!/bin/sh
# Bidirectional overrides and isolates in recorded text (U+202E, U+2066)
# stay inside the text that opened them: in the rendered documents (HTML,
# Markdown, plain text) and the exports, every line closes what it opened,
# and gavel's own words after a recorded text (the date after the place,
# "delegation", the punctuation) are never under an override. On standard
# output in Markdown the overrides show as <U+202E> (test_hostile_output.sh).
# POSIX sh and python3; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
PYTHON=${PYTHON:-python3}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1500000000
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
fail() { echo "FAIL: $*"; exit 1; }

RLO=$(printf '\342\200\256') LRI=$(printf '\342\201\246') RLE=$(printf '\342\200\253')
S=$("$GAVEL_BIN" new --title "Body ${RLO}x" --roster eu28-2017 --date 2017-05-12) || fail "new"
"$GAVEL_BIN" exec "$S" <<SCRIPT || fail "exec"
set place "Brux${RLO}elles"
delegation COM/HOME name="DG ${RLE}Home" native="DG ${LRI}Maison"
item add "Item ${RLO}one"
item 1
floor FR COM/HOME
next
note supports the ${RLO}text
next
note asks for ${LRI}more
outcome agreed Agreed ${RLO}as is
action FR 2017-06-01 send ${RLO}the note
SCRIPT
for f in html md txt; do
	"$GAVEL_BIN" render "$S" --annex all --date 2017-07-14 -o "$T/out.$f" || fail "render $f"
done
for f in csv ics md txt; do
	"$GAVEL_BIN" actions "$S" --format $f -o "$T/actions.$f" || fail "actions $f"
done
"$PYTHON" - "$T" <<'PY' || exit 1
import glob, sys
opens = {0x202A, 0x202B, 0x202D, 0x202E}
iso = {0x2066, 0x2067, 0x2068}
ours = ['14 July 2017', 'delegation', '(OR. en)']
bad = 0
files = sorted(glob.glob(sys.argv[1] + '/out.*') + glob.glob(sys.argv[1] + '/actions.*'))
seen = 0
for f in files:
    text = open(f, encoding='utf-8', newline='').read()
    if f.endswith('.ics'):
        text = text.replace('\r\n ', '')  # a folded line is one line
    for n, line in enumerate(text.replace('\r\n', '\n').split('\n'), 1):
        depth = 0
        at = {}
        for i, ch in enumerate(line):
            o = ord(ch)
            if o in opens or o in iso:
                depth += 1; seen += 1
            elif o in (0x202C, 0x2069):
                depth -= 1
                if depth < 0:
                    print('FAIL: %s:%d: closes what it did not open' % (f, n)); bad += 1
            for w in ours:
                if line.startswith(w, i) and depth:
                    print('FAIL: %s:%d: "%s" under an override: %r' % (f, n, w, line[:120])); bad += 1
        if depth:
            print('FAIL: %s:%d: %d left open at the end of the line' % (f, n, depth)); bad += 1
if not seen:
    print('FAIL: no override reached the documents (the test tests nothing)'); bad += 1
sys.exit(1 if bad else 0)
PY
grep -q '<bdi>\|dir="auto"' "$T/out.html" || fail "the HTML does not isolate recorded text"
exit 0
