#!/bin/sh
# gavel render writes the document as it is composed, a buffer at a time:
# to standard output (Markdown and text through the filter that makes
# controls visible) and to -o FILE (a temporary file renamed into place).
# Long notes of two- and three-byte characters are cut by the buffer's end
# many times over: standard output must still be the same bytes as the
# file, with no character shown as broken bytes (\xHH).
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-stream.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }

S=$("$GAVEL_BIN" new --roster eu28-2017 --title "Stream Party" --date 2017-05-12) || fail "gavel new"
EURO=$(awk 'BEGIN { for (i = 0; i < 7001; i++) printf "\342\202\254" }')
ACUTE=$(awk 'BEGIN { for (i = 0; i < 9001; i++) printf "\303\251" }')
{
	echo 'item add "Long notes"'
	echo 'item 1'
	for d in FR DE EL ES IT PT NL BE; do
		printf 'give %s\nnote x%s\nnote %s\nend\n' "$d" "$EURO" "$ACUTE"
	done
} > "$T/script"
"$GAVEL_BIN" exec "$S" -f "$T/script" > "$T/exec.out" 2>&1 || { cat "$T/exec.out"; fail "exec"; }
for f in md txt html; do
	"$GAVEL_BIN" render "$S" --date 2017-07-05 --format $f > "$T/out.$f" || fail "render $f to stdout"
	"$GAVEL_BIN" render "$S" --date 2017-07-05 --format $f -o "$T/file.$f" || fail "render $f -o"
	[ "$(wc -c < "$T/out.$f")" -gt 200000 ] || fail "$f: too short to cross buffers"
	cmp -s "$T/out.$f" "$T/file.$f" || fail "$f: standard output differs from the file"
	! grep -q '\\x[0-9a-f][0-9a-f]' "$T/out.$f" || fail "$f: a character came out as broken bytes"
	grep -q '€€€' "$T/out.$f" || fail "$f: the notes are missing"
done
# the .docx written straight to a pipe is the file's bytes
"$GAVEL_BIN" render "$S" --date 2017-07-05 --format docx | cat > "$T/out.docx" || fail "render docx to a pipe"
"$GAVEL_BIN" render "$S" --date 2017-07-05 -o "$T/file.docx" || fail "render docx -o"
cmp -s "$T/out.docx" "$T/file.docx" || fail "docx: the pipe differs from the file"
echo "PASS: test_render_stream"
