#!/bin/sh
# Recorded text is hostile: a session whose every field holds terminal
# escapes (ESC ]52 writes the clipboard, ESC ]0 the window title, ESC [2J
# clears the screen), BEL, the C1 CSI both as U+009B and as a raw 0x9B byte,
# and bidirectional overrides. Every batch output (show, check, exec and new
# messages, render and actions to standard output in every format, help and
# usage messages quoting an argument) is captured, and no control character
# may reach standard output or standard error: each shows visibly (^[, ^G,
# \x9b, <U+202E>). Text formats read on a terminal (show, messages, Markdown,
# plain text) carry no bidirectional control at all; HTML, CSV and iCalendar
# keep what the renderer balanced. POSIX sh and python3; exit 0 = pass.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
PYTHON=${PYTHON:-python3}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=1500000000
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
fail() { echo "FAIL: $*"; exit 1; }

E=$(printf '\033') B=$(printf '\007') C1=$(printf '\302\233') RAW=$(printf '\233')
RLO=$(printf '\342\200\256') LRI=$(printf '\342\201\246')
H="a${E}]52;c;QUJD${B}b${E}]0;pwned${B}c${E}[2Jd${B}e${C1}31mf${RLO}gnp.exe${LRI}h"

O="$T/out"
mkdir "$O"
n=0
# cap KIND CMD...: runs a gavel command, keeping its stdout and stderr.
cap() {
	kind=$1; shift
	n=$((n + 1))
	"$@" > "$O/$n.$kind.out" 2> "$O/$n.text.err"
	printf '%s\n' "$*" > "$O/$n.cmd"
}

S=$("$GAVEL_BIN" new --title "Body $H" --roster eu28-2017 --date 2017-05-12) || fail "new"
cat > "$T/s.txt" <<SCRIPT
set place "P $H"
set chair "C $H"
set subject "S $H"
delegation XX name="Name $H"
item add "Item $H"
item 1
floor FR XX
next
note N $H
pos FR supports $H
next
note M $H
note zzz lower $H
outcome agreed O $H
deadline 31 May D $H by FR
action FR 2017-06-01 A $H
action XX 2017-06-02 B $H
SCRIPT
"$GAVEL_BIN" exec "$S" -f "$T/s.txt" 2> "$T/err" || fail "exec: $(cat "$T/err")"
grep -q "pwned" "$S" || fail "the hostile text was not recorded"

cap text "$GAVEL_BIN" show "$S"
for f in md txt; do cap text "$GAVEL_BIN" render "$S" --format $f --annex all; done
cap doc "$GAVEL_BIN" render "$S" --format html --annex all
for f in md txt; do cap text "$GAVEL_BIN" actions "$S" --format $f; done
for f in csv ics; do cap doc "$GAVEL_BIN" actions "$S" --format $f; done
cap text "$GAVEL_BIN" actions "$S" --owner "X$H"
# Messages that quote what was typed: refused commands, unknown names,
# options and sessions, a script or a session named with a raw 0x9B byte.
printf 'item add "T %s" doc "WK %s"\nfloor Z%s\nnote %s\n' "$H" "$H" "$H" "$H" > "$T/bad.txt"
cap text "$GAVEL_BIN" exec "$S" -k -f "$T/bad.txt"
printf 'note raw %s byte\n' "$RAW" > "$T/raw.txt"
cap text "$GAVEL_BIN" exec "$S" -f "$T/raw.txt"
cap text "$GAVEL_BIN" exec "$S" -f "$T/no-$RAW-$H.txt"
cap text "$GAVEL_BIN" show "no-$RAW-$H"
cap text "$GAVEL_BIN" render "$S" --format "x$H"
cap text "$GAVEL_BIN" "--x$H"
cap text "$GAVEL_BIN" "sess$RAW$H"
cap text "$GAVEL_BIN" new --agenda "$T/a-$RAW$H.ini"
cap text "$GAVEL_BIN" new --title "$H" --roster "r$H"
# A session damaged by hand: a raw byte and escapes in its lines.
cp "$S" "$T/damaged.gavel"
printf 'x %s%s junk\n' "$RAW" "$H" >> "$T/damaged.gavel"
cap text "$GAVEL_BIN" check "$T/damaged.gavel"
cap text "$GAVEL_BIN" show "$T/damaged.gavel"
# A house style whose file quotes hostile text in its error.
mkdir -p "$XDG_CONFIG_HOME/gavel/styles"
printf '[document]\nnumbering = n%s\n' "$H" > "$XDG_CONFIG_HOME/gavel/styles/bad.ini"
cap text "$GAVEL_BIN" render "$S" --style bad
# Help of the program and of every command.
cap text "$GAVEL_BIN" --help
for c in render actions new exec show check compact follow; do cap text "$GAVEL_BIN" $c --help; done

"$PYTHON" - "$O" <<'PY' || exit 1
import os, sys, unicodedata
d = sys.argv[1]
bidi = {0x061C, 0x200E, 0x200F} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
bad = 0
for name in sorted(os.listdir(d)):
    if name.endswith('.cmd'):
        continue
    data = open(os.path.join(d, name), 'rb').read()
    n = name.split('.')[0]
    cmd = open(os.path.join(d, n + '.cmd'), 'rb').read().decode('utf-8', 'replace').strip()
    doc = '.doc.' in name
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError as e:
        print('FAIL: %s (%s): a byte that is not UTF-8 at %d' % (name, cmd[:60], e.start)); bad += 1
        continue
    for i, ch in enumerate(text):
        o = ord(ch)
        ok = ch in '\n\t' or (doc and ch == '\r')
        if (o < 0x20 and not ok) or 0x7F <= o <= 0x9F or (o in bidi and not doc) or o in (0x2028, 0x2029):
            print('FAIL: %s (%s): U+%04X at %d: %r' % (name, cmd[:60], o, i, text[max(0, i-20):i+20]))
            bad += 1
            break
sys.exit(1 if bad else 0)
PY
# The text is still there, made visible.
grep -qF '^[]52;c;QUJD^G' "$O/1.text.out" || fail "show does not show the escape visibly"
grep -qF '\x9b31m' "$O/1.text.out" || fail "show does not show U+009B visibly"
grep -qF '<U+202E>gnp.exe' "$O/1.text.out" || fail "show does not show the override visibly"
cat "$O"/*.err | grep -qF '\x9b' || fail "no message showed the raw byte visibly"
# gavel check's warning on a note that opens in lower case quotes the note.
grep -l 'opens in lower case' "$O"/*.out | xargs grep -qF "zzz lower a^[]52;c;QUJD^G" \
	|| fail "check does not warn about the lower-case note, or not visibly"
grep -h 'numbering' "$O"/*.err | grep -qF "'na^[]52;c;QUJD^G" || fail "the style error does not quote the value visibly"
exit 0
