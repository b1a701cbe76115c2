#!/bin/sh
# gavel actions: CSV read back by Python's csv module, iCalendar by the
# icalendar package, Markdown by pandoc; hostile text intact in each; the
# --open and --owner filters; every session of the data folder by default.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN and /usr/bin/python3 ($PYTHON).
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
PY=${PYTHON:-/usr/bin/python3}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-actions.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1500000000
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }

HOSTILE='=cmd|'"'"' /C calc'"'"'!A0 <script>alert("x")</script> & a, b; c\d'
LONG=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "%c", 97 + i % 26 }')
RTL='مرحبا بالعالم'
S1=$("$GAVEL_BIN" new --roster eu28-2017 --title "Cyber Issues" --date 2017-05-12) || fail "gavel new 1"
S2=$("$GAVEL_BIN" new --roster eu28-2017 --title "Telecom, \"Party\"" --date 2017-06-02) || fail "gavel new 2"
cat > "$T/s1" <<SCRIPT
item add "Prevention & awareness"
item 1
deadline 2017-05-31 written comments on WK 4977/17 by PRES
action FR 2017-06-15 $HOSTILE
action DE 2017-06-20 $LONG
action EL 2017-06-01 $RTL
SCRIPT
"$GAVEL_BIN" exec "$S1" -f "$T/s1" || fail "exec s1"
cat > "$T/s2" <<SCRIPT
item add "Other"
item 1
action FR 2017-07-01 send the revised text
SCRIPT
"$GAVEL_BIN" exec "$S2" -f "$T/s2" || fail "exec s2"
# mark DE's action done
id=$("$GAVEL_BIN" actions "$S1" --format csv | awk -F, '$3 == "DE" { print $2 }')
[ -n "$id" ] || fail "no id for DE's action"
echo "done $id" | "$GAVEL_BIN" exec "$S1" || fail "done $id"

# CSV, read back by Python
"$GAVEL_BIN" actions --format csv > "$T/all.csv" || fail "actions csv"
HOSTILE="$HOSTILE" LONG="$LONG" RTL="$RTL" "$PY" - "$T/all.csv" <<'PY' || fail "csv check"
import csv, os, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n'), 'records end in CRLF'
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
kinds = sorted((r['type'], r['owner']) for r in rows)
assert kinds == [('action', 'DE'), ('action', 'EL'), ('action', 'FR'), ('action', 'FR'), ('deadline', '')], kinds
fr = [r for r in rows if r['owner'] == 'FR' and r['meeting'] == 'Cyber Issues'][0]
assert fr['what'] == "'" + os.environ['HOSTILE'], repr(fr['what'])   # neutralised, else intact
assert fr['due'] == '2017-06-15' and fr['status'] == 'open' and fr['item'] == '1'
de = [r for r in rows if r['owner'] == 'DE'][0]
assert de['what'] == os.environ['LONG'] and de['status'] == 'done'
el = [r for r in rows if r['owner'] == 'EL'][0]
assert el['what'] == os.environ['RTL']
dl = [r for r in rows if r['type'] == 'deadline'][0]
assert dl['due'] == '2017-05-31' and dl['set_by'] == 'PRES' and dl['what'] == 'written comments on WK 4977/17'
other = [r for r in rows if r['meeting'] == 'Telecom, "Party"']
assert len(other) == 1 and other[0]['meeting_date'] == '2017-06-02'
for r in rows:
    for v in r.values():
        assert not v or v[0] not in '=+-@', ('formula', v)
PY

# iCalendar, read back by the icalendar package
"$GAVEL_BIN" actions --format ics > "$T/all.ics" || fail "actions ics"
if "$PY" -c 'import icalendar' 2>/dev/null; then
	HOSTILE="$HOSTILE" LONG="$LONG" RTL="$RTL" "$PY" - "$T/all.ics" <<'PY' || fail "ics check"
import os, sys, icalendar
raw = open(sys.argv[1], 'rb').read()
lines = raw.split(b'\r\n')
assert lines[-1] == b'', 'ends in CRLF'
for l in lines:
    assert b'\n' not in l and b'\r' not in l, 'bare line end'
    assert len(l) <= 75, ('line over 75 octets', len(l))
    l.decode('utf-8')  # a fold never splits a character
cal = icalendar.Calendar.from_ical(raw)
todos = cal.walk('VTODO')
events = cal.walk('VEVENT')
assert len(todos) == 4 and len(events) == 1, (len(todos), len(events))
uids = [str(c['UID']) for c in todos + events]
assert len(set(uids)) == 5 and all(u.endswith('@gavel') for u in uids)
for c in todos + events:
    assert 'DTSTAMP' in c
summ = [str(t['SUMMARY']) for t in todos]
assert 'FR: ' + os.environ['HOSTILE'] in summ, summ
assert 'DE: ' + os.environ['LONG'] in summ
assert 'EL: ' + os.environ['RTL'] in summ
de = [t for t in todos if str(t['SUMMARY']).startswith('DE: ')][0]
assert str(de['STATUS']) == 'COMPLETED'
ev = events[0]
assert ev.decoded('DTSTART').isoformat() == '2017-05-31'
assert ev.decoded('DTEND').isoformat() == '2017-06-01'
assert str(ev['SUMMARY']) == 'Deadline: written comments on WK 4977/17'
PY
else
	fail "python3-icalendar is needed to check the iCalendar export ('make deps' installs it)"
fi
# stable UIDs: a second export gives the same ones
"$GAVEL_BIN" actions --format ics > "$T/again.ics"
cmp -s "$T/all.ics" "$T/again.ics" || fail "a second export differs"

# Markdown checklist: grouped by owner, pandoc reads it without warnings
"$GAVEL_BIN" actions > "$T/all.md" || fail "actions md"
has "$T/all.md" '## FR (the FR delegation)'
has "$T/all.md" '- [x] '
has "$T/all.md" '- [ ] send the revised text (due 1 July 2017; item 1 Other; Telecom, "Party", 2 June 2017)'
has "$T/all.md" '## All delegations'
command -v pandoc >/dev/null 2>&1 || fail "pandoc is needed ('make deps' installs it)"
pandoc --verbose -f markdown -t html "$T/all.md" -o "$T/md.html" 2> "$T/pandoc.err" || fail "pandoc"
! grep -q WARNING "$T/pandoc.err" || { cat "$T/pandoc.err"; fail "pandoc warned"; }
! grep -q '<script>' "$T/md.html" || fail "script survived Markdown"

# text: 80 columns
"$GAVEL_BIN" actions --format txt > "$T/all.txt" || fail "actions txt"
[ "$(wc -L < "$T/all.txt")" -le 80 ] || fail "text wider than 80 columns"

# filters
"$GAVEL_BIN" actions --open --format csv > "$T/open.csv" || fail "--open"
! grep -q ',DE,' "$T/open.csv" || fail "--open kept a done action"
"$GAVEL_BIN" actions --owner fr --format csv > "$T/fr.csv" || fail "--owner"
[ "$(grep -c ',FR,' "$T/fr.csv")" -eq 2 ] || fail "--owner fr: not both FR actions"
! grep -q ',EL,' "$T/fr.csv" || fail "--owner fr kept EL"
grep -q '^deadline,' "$T/fr.csv" || fail "--owner fr lost the deadline for everyone"
"$GAVEL_BIN" actions "$S2" --format csv > "$T/s2.csv" || fail "one session"
[ "$(wc -l < "$T/s2.csv")" -eq 2 ] || fail "one session: not one row"
"$GAVEL_BIN" actions "$S2" -o "$T/out.ics" || fail "-o"
grep -q 'BEGIN:VCALENDAR' "$T/out.ics" || fail "-o FILE.ics not iCalendar"
"$GAVEL_BIN" actions --format pdf >/dev/null 2>&1; [ $? -eq 2 ] || fail "--format pdf not a usage error"
exit 0
