#!/bin/sh
# gavel exec against scripts as a hurried note-taker or another editor writes
# them: a script saved with a byte order mark (it used to be refused as
# "unknown command '<BOM>set'"), CRLF line ends, and refusals that must be one
# SCRIPT:LINE: line and leave the session file as it was: an option given
# twice (it used to replace the first silently), blank titles and texts, a
# quote left open before the command word. POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
fail() { echo "FAIL: $*"; exit 1; }

S=$("$GAVEL_BIN" new --title "Hostile" --date 2017-05-12) || fail "new"
printf '\357\273\277set place Brussels\r\nroster eu27\r\nitem add A\r\nitem add B\r\nitem 1\r\n' > "$T/bom.txt"
"$GAVEL_BIN" exec "$S" -f "$T/bom.txt" 2> "$T/err" || fail "a script with a BOM: $(cat "$T/err")"
grep -q 'set place Brussels [0-9a-f]\{8\}$' "$S" || fail "the first line after the BOM was not applied"

refuse() {
	cp "$S" "$T/before"
	printf '%s\n' "$1" > "$T/one.txt"
	"$GAVEL_BIN" exec "$S" -f "$T/one.txt" 2> "$T/err"; rc=$?
	[ $rc -eq 1 ] || fail "'$1': exit $rc"
	[ "$(wc -l < "$T/err")" -eq 1 ] || fail "'$1': not one line: $(cat "$T/err")"
	grep -q "^$T/one.txt:1: .*$2" "$T/err" || fail "'$1': $(cat "$T/err")"
	cmp -s "$S" "$T/before" || fail "'$1' changed the session"
}
refuse 'deadline 31 May comments by FR by DE' "'by' given twice"
refuse 'deadline 31 May comments for FR for DE' "'for' given twice"
refuse 'item add X requested HU requested EE' "'requested' given twice"
refuse 'item add X kind info kind aob' "'kind' given twice"
refuse 'item add X under 1 under 2' "'under' given twice"
refuse 'item add ""' 'not blank'
refuse 'item title 2 "   "' 'item title needs NUM TITLE'
refuse 'action FR - "  "' 'action needs CODE DATE TEXT'
refuse 'deadline 31 May "  "' 'deadline needs DATE TEXT'
refuse '"item add X' 'unterminated quote'
refuse 'floor DE first first' "'first' given twice"
"$GAVEL_BIN" check "$S" > /dev/null || fail "check after the refusals"

# A folder given as the script: one clear line, exit 1, nothing run.
d=$(mktemp -d "${TMPDIR:-/tmp}/gavel-dir.XXXXXX")
"$GAVEL_BIN" exec "$S" -f "$d" 2> "$d.err"; rc=$?
[ $rc -eq 1 ] || { rm -rf "$d" "$d.err"; fail "exec -f DIR: exit $rc"; }
grep -q "is a folder, not a script" "$d.err" || { cat "$d.err"; rm -rf "$d" "$d.err"; fail "exec -f DIR: message"; }
rm -rf "$d" "$d.err"
exit 0
