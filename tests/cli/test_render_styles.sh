#!/bin/sh
# House styles: the shipped council style by default, a user's style from
# $XDG_CONFIG_HOME/gavel/styles/, chosen by `set style NAME` or
# `render --style NAME`; a style with errors names FILE:LINE and writes
# nothing; `set numbering` still overrides the style. And `gavel check`
# warns about notes kept as written.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-styles.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME/gavel/styles"
fail() { echo "FAIL: $*"; exit 1; }

S=$("$GAVEL_BIN" new --date 2017-05-12 --title "Working Party") || fail "gavel new"
"$GAVEL_BIN" exec "$S" -f - > "$T/exec.out" 2>&1 <<'GVS' || { cat "$T/exec.out"; fail "exec"; }
roster eu27
item add "Adoption of the agenda"
item add "Toolbox"
item add "Revised text" under 2
item 2.1
give DE
note underlined the need for speed
note asked for a new text
note the text was acceptable to it
give SE
give FR
end
deadline 2017-05-31 written comments by PRES
GVS

"$GAVEL_BIN" render "$S" > "$T/council.md" || fail "render"
grep -qF '2.1. Revised text' "$T/council.md" || fail "council: numeric sub-items"
grep -qF 'The DE delegation underlined the need for speed. The DE delegation asked for a new text. the text was acceptable to it.' "$T/council.md" ||
	fail "council: subject repeated, lower-case text kept: $(grep DE "$T/council.md")"
grep -qF 'The following delegations also took the floor: FR and SE.' "$T/council.md" || fail "council: protocol order, and"
"$GAVEL_BIN" render "$S" --style council > "$T/council2.md" || fail "render --style council"
cmp -s "$T/council.md" "$T/council2.md" || fail "--style council differs from the default"

cat > "$XDG_CONFIG_HOME/gavel/styles/mine.ini" <<'INI'
[style]
description = letters and pronouns
[document]
numbering = letters
subject-again = pronoun
also-took-the-floor = speaking
deadline-year = other-years
INI
"$GAVEL_BIN" render "$S" --style mine > "$T/mine.md" || fail "render --style mine"
grep -qF 'a) Revised text' "$T/mine.md" || fail "mine: letters"
grep -qF 'It asked for a new text.' "$T/mine.md" || fail "mine: pronoun"
grep -qF 'also took the floor: SE and FR.' "$T/mine.md" || fail "mine: speaking order"
grep -qF 'set 31 May as the deadline' "$T/mine.md" || fail "mine: deadline without the year"

# the session's own style, and `set numbering` over it
"$GAVEL_BIN" exec "$S" -f - <<'GVS' > /dev/null || fail "set style"
set style mine
GVS
"$GAVEL_BIN" render "$S" > "$T/set.md" || fail "render with set style"
grep -qF 'a) Revised text' "$T/set.md" || fail "set style mine is not used"
echo 'set numbering numeric' | "$GAVEL_BIN" exec "$S" -f - > /dev/null || fail "set numbering"
"$GAVEL_BIN" render "$S" > "$T/num.md" || fail "render with set numbering"
grep -qF '2.1. Revised text' "$T/num.md" || fail "set numbering does not override the style"
grep -qF 'It asked for a new text.' "$T/num.md" || fail "the rest of the style is lost"

# a style with errors: FILE:LINE, exit 1, nothing written
printf '[document]\nnumbering = letters\nsubject-again = sometimes\n' > "$XDG_CONFIG_HOME/gavel/styles/bad.ini"
"$GAVEL_BIN" render "$S" --style bad -o "$T/bad.md" 2> "$T/bad.err"; rc=$?
[ $rc -eq 1 ] || fail "a bad style: exit $rc"
grep -qF "bad.ini:3: subject-again is 'repeat' or 'pronoun', not 'sometimes'" "$T/bad.err" || fail "no FILE:LINE: $(cat "$T/bad.err")"
[ -e "$T/bad.md" ] && fail "a bad style still wrote the document"
"$GAVEL_BIN" render "$S" --style nowhere > /dev/null 2> "$T/none.err" && fail "an unknown style renders"
grep -qF "style 'nowhere'" "$T/none.err" || fail "unknown style not named: $(cat "$T/none.err")"

# check warns about the note kept as written, and stays clean
"$GAVEL_BIN" check "$S" > "$T/check.out"; rc=$?
[ $rc -eq 0 ] || fail "check: exit $rc"
grep -q "warning: \[[0-9a-f]*\] DE: 'the text was acceptable to it' opens in lower case without a verb" "$T/check.out" ||
	fail "check does not warn: $(cat "$T/check.out")"
grep -q "underlined" "$T/check.out" && fail "check warns about a predicate"
echo "ok: styles"
