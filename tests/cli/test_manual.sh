#!/bin/sh
# The manual is complete: gavel.1 has ENVIRONMENT and FILES sections naming
# every environment variable the code reads (getenv) and the locale ones,
# and a SEE ALSO naming every section 5 page shipped; gavel-config.5 names
# every key the config reader accepts and every action of the key table;
# every page renders without a warning. POSIX sh; exit 0 = pass. Run from
# the top of the source tree.
fail() { echo "FAIL: $*"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM

# section NAME PAGE: the text of one .SH section.
section() { awk -v s=".SH $1" '$0 == s {on = 1; next} /^\.SH / {on = 0} on' "$2"; }

for s in ENVIRONMENT FILES "SEE ALSO" "OUTPUT FILES" LIMITS; do
	[ -n "$(section "$s" doc/gavel.1)" ] || fail "gavel.1 has no $s section"
done
section ENVIRONMENT doc/gavel.1 | sed 's/\\//g' > "$T/env"
vars=$(grep -ho 'getenv("[A-Z_]*")' model/*.c storage/*.c render/*.c tui/*.c cli/*.c main.c |
	sed 's/getenv("\(.*\)")/\1/' | sort -u)
for v in $vars LANG; do
	grep -q "\\b$v\\b" "$T/env" || fail "ENVIRONMENT does not mention $v"
done
for page in doc/*.5; do
	name=$(basename "$page" .5)
	section "SEE ALSO" doc/gavel.1 | sed 's/\\//g' | grep -q "$name" || fail "SEE ALSO lacks $name(5)"
done

[ -f doc/gavel-config.5 ] || fail "no gavel-config.5"
keys=$(grep -o 'allowed\[\] = {[^}]*}' storage/config.c | grep -o '"[a-z_]*"' | tr -d '"')
[ -n "$keys" ] || fail "cannot read the config keys from storage/config.c"
sed 's/\\//g' doc/gavel-config.5 > "$T/config"
for k in $keys; do
	grep -q "^\.BI $k \|^\.B $k\b" "$T/config" || fail "gavel-config.5 does not document '$k'"
done
for a in $(grep -o '^   { "[a-z_]*", "' tui/actions.c | sed 's/^   { "\([a-z_]*\)".*/\1/'); do
	grep -q "\\b$a\\b" "$T/config" || fail "gavel-config.5 does not list the action '$a'"
done

if command -v man > /dev/null 2>&1; then
	for page in doc/*.1 doc/*.5; do
		LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2> "$T/warn" > /dev/null
		[ -s "$T/warn" ] && fail "$page: $(cat "$T/warn")"
	done
fi
exit 0
