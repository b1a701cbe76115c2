#!/bin/sh
# gavel render on a session full of hostile text: every format comes out
# escaped and intact, and real parsers accept it (HTML: tidy with zero
# errors; Markdown: pandoc without warnings; text: 80 columns at most).
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-render.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
hasnt() { ! grep -qF -- "$2" "$1" || fail "$1 has: $2"; }

S=$("$GAVEL_BIN" new --roster eu28-2017 --title "Hostile <b>&</b> Party" --date 2017-05-12) || fail "gavel new"
LONG=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "%c", 97 + i % 26 }')
RTL='مرحبا بالعالم שלום'
cat > "$T/script" <<SCRIPT
set docno 10876/17
set codes CYBER 105, COPEN 220
set marking LIMITE
item add "Adoption of the agenda" doc "CM 2622/1/17 REV 1"
item add "Hostile <script>alert('t')</script> & \"title\""
item 1
item 2
give FR
note said <script>alert("x")</script> & "quoted" =cmd|' /C calc'!A0
end
give DE
note $LONG
end
give EL
note $RTL
end
give ES
end
SCRIPT
"$GAVEL_BIN" exec "$S" -f "$T/script" || fail "gavel exec refused the script"
"$GAVEL_BIN" render "$S" --date 2017-07-05 > "$T/out.md" || fail "render md"
"$GAVEL_BIN" render "$S" --date 2017-07-05 --format html --annex all > "$T/out.html" || fail "render html"
"$GAVEL_BIN" render "$S" --date 2017-07-05 -o "$T/out.txt" --annex all || fail "render -o txt"
"$GAVEL_BIN" render "$S" --date 2017-07-05 -o "$T/out2.html" || fail "render -o html"

# Markdown: escaped, and pandoc reads it without a warning
has "$T/out.md" 'The FR delegation said \<script\>alert("x")\</script\> \& "quoted" =cmd\|'"' /C calc'"'!A0.'
has "$T/out.md" "$LONG"
has "$T/out.md" "$RTL"
has "$T/out.md" '### **2. Hostile \<script\>alert('"'t'"')\</script\> \& "title"**'
has "$T/out.md" 'The ES delegation also took the floor.'
if command -v pandoc >/dev/null 2>&1; then
	pandoc --verbose -f markdown -t html "$T/out.md" -o "$T/md.html" 2> "$T/pandoc.err" || fail "pandoc failed"
	! grep -q WARNING "$T/pandoc.err" || { cat "$T/pandoc.err"; fail "pandoc warned"; }
	hasnt "$T/md.html" '<script>'
	has "$T/md.html" "$LONG"
else
	fail "pandoc is needed ('make deps' installs it)"
fi

# HTML: self-contained, escaped, tidy finds no error
for f in "$T/out.html" "$T/out2.html"; do
	hasnt "$f" '<script'
	hasnt "$f" 'src='
	hasnt "$f" '<link'
	has "$f" '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; =cmd|&#39; /C calc&#39;!A0'
	has "$f" "$RTL"
	has "$f" "$LONG"
	has "$f" '@page'
	has "$f" 'counter(page)'
	if command -v tidy >/dev/null 2>&1; then
		tidy -q -e "$f" > "$T/tidy.out" 2>&1
		[ $? -le 1 ] || { cat "$T/tidy.out"; fail "tidy found errors in $f"; }
		! grep -q 'Error:' "$T/tidy.out" || { cat "$T/tidy.out"; fail "tidy errors in $f"; }
	else
		fail "tidy is needed ('make deps' installs it)"
	fi
done
has "$T/out.html" '<svg class="chart"'

# text: 80 columns, every letter of the long note kept, nothing escaped
[ "$(wc -L < "$T/out.txt")" -le 80 ] \
	|| fail "text wider than 80 columns"
has "$T/out.txt" 'said <script>alert("x")</script> & "quoted"'
n=$(tr -cd 'a-z' < "$T/out.txt" | wc -c)
[ "$n" -ge 5000 ] || fail "long note cut in text ($n letters)"
has "$T/out.txt" 'ANNEX I: Attendance'

# A control character in a note: the model may refuse it; if it keeps it,
# every format drops it (a session of its own: a refusal must not spoil S).
C=$("$GAVEL_BIN" new --roster eu28-2017 --title "Control" --date 2017-05-12) || fail "gavel new control"
printf 'item add "Bell\007 item"\nitem 1\ngive HU\nnote bell\007 escape\033[31m red\010\nend\n' \
	| "$GAVEL_BIN" exec --keep-going "$C" >/dev/null 2>&1
"$GAVEL_BIN" render "$C" > "$T/ctl.md" 2>/dev/null || fail "render control md"
"$GAVEL_BIN" render "$C" --format html > "$T/ctl.html" 2>/dev/null || fail "render control html"
"$GAVEL_BIN" render "$C" --format txt > "$T/ctl.txt" 2>/dev/null || fail "render control txt"
"$GAVEL_BIN" actions "$C" --format csv > "$T/ctl.csv" 2>/dev/null || fail "actions control"

# no control characters in any format (tab and newline aside)
for f in "$T/out.md" "$T/out.html" "$T/out.txt" "$T/ctl.md" "$T/ctl.html" "$T/ctl.txt"; do
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$f"; then fail "control character in $f"; fi
done

# -o replaces a file whole (atomically, through a temporary in its folder)
printf 'old content that is longer than nothing at all\n%.0s' $(seq 1 500) > "$T/replace.md"
"$GAVEL_BIN" render "$S" --date 2017-07-05 -o "$T/replace.md" || fail "render -o over a file"
cmp -s "$T/replace.md" "$T/out.md" || fail "-o did not replace the file with the document"
[ -z "$(find "$T" -maxdepth 1 -name '*.tmp*' -o -maxdepth 1 -name '.*replace*')" ] || fail "a temporary file was left"
"$GAVEL_BIN" render "$S" -o "$T/no/such/dir/x.md" >/dev/null 2>&1; [ $? -eq 1 ] || fail "-o into a missing folder not a failure"

# errors: unknown format, unknown annex, missing session
"$GAVEL_BIN" render "$S" --format pdf >/dev/null 2>&1; [ $? -eq 2 ] || fail "--format pdf not a usage error"
"$GAVEL_BIN" render "$S" --annex nope >/dev/null 2>&1; [ $? -eq 2 ] || fail "--annex nope not a usage error"
"$GAVEL_BIN" render "$T/none.gavel" >/dev/null 2>&1; [ $? -eq 1 ] || fail "missing session not a failure"
exit 0
