#!/bin/sh
# Shell completion (completion/gavel.bash, completion/_gavel): commands,
# options of each command, session names from the data folder (or -D DIR),
# roster names, formats and annexes. The bash script is run in bash; the zsh
# one is checked for syntax when zsh is installed. POSIX sh; exit 0 = pass.
# Run from the top of the source tree. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-cli.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" GAVEL_DATADIR="$(pwd)"
fail() { echo "FAIL: $*"; exit 1; }
command -v bash > /dev/null || fail "bash is needed"

"$GAVEL_BIN" new --title "Cyber" --date 2017-05-12 > /dev/null || fail "new"
"$GAVEL_BIN" -D "$T/other" new --title "Elsewhere" --date 2017-05-13 > /dev/null || fail "new -D"

# complete WORDS...: what bash completion offers for the last word.
complete_words() {
	bash -c '. completion/gavel.bash
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_gavel
		printf "%s\n" "${COMPREPLY[@]}"' gavel "$@"
}
offers() { # WORD... -- EXPECTED
	want=$1; shift
	complete_words "$@" > "$T/got"
	grep -qx -- "$want" "$T/got" || fail "'$*' does not offer '$want': $(tr '\n' ' ' < "$T/got")"
}
offers render gavel ""
offers follow gavel fo
offers 2017-05-12-cyber gavel ""
offers 2017-05-12-cyber gavel show ""
offers 2017-05-12-cyber gavel render 2017
offers 2017-05-13-elsewhere gavel -D "$T/other" show ""
offers --annex gavel render x --an
offers --keep-going gavel exec x --k
offers html gavel render x --format ""
offers ics gavel actions --format ""
offers speakers gavel render x --annex ""
offers eu28-2017 gavel new --roster ""
offers eu27 gavel new -r eu
complete_words gavel render x --format "" | grep -qx csv && fail "render offers csv"

grep -q "^#compdef gavel" completion/_gavel || fail "the zsh completion has no #compdef line"
if command -v zsh > /dev/null; then
	zsh -n completion/_gavel || fail "the zsh completion does not parse"
fi
exit 0
