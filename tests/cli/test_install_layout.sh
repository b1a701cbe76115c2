# An installed gavel finds its rosters and agendas in ../share/gavel beside
# itself, wherever it was installed, and a user's own roster wins over the
# shipped one of the same name.
set -u
bin=${GAVEL_BIN:-$PWD/gavel}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gavel-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
unset GAVEL_DATADIR
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/opt/bin" "$tmp/opt/share/gavel/rosters" "$tmp/opt/share/gavel/agendas"
cp "$bin" "$tmp/opt/bin/gavel"
cp rosters/*.ini "$tmp/opt/share/gavel/rosters/"
cp agendas/*.ini "$tmp/opt/share/gavel/agendas/"
g="$tmp/opt/bin/gavel"

s=$(cd "$tmp" && "$g" new --agenda demo --roster eu27 --title Demo) || fail "new with the installed data"
"$g" show "$s" > "$tmp/show" || fail "show"
grep -q "^Roster: *eu27\$" "$tmp/show" || fail "the eu27 roster was not loaded: $(cat "$tmp/show")"
# eu27 has AT and no UK (eu28-2017 has both).
grep -q "^  not recorded .* AT " "$tmp/show" || fail "AT is not in the loaded roster"
! grep -q "^  not recorded .* UK " "$tmp/show" || fail "UK is in the loaded roster: not eu27"

# The user's own eu27 replaces the shipped one.
mkdir -p "$XDG_DATA_HOME/gavel/rosters"
printf '[CHAIR]\nkind = institution\nname = Chair\nphrase = the Chair\n' \
	> "$XDG_DATA_HOME/gavel/rosters/eu27.ini"
s2=$("$g" new --roster eu27 --title Board --date 2017-05-13) || fail "new with the user's roster"
printf 'item add Opening\nitem 1\nfloor CHAIR\n' | "$g" exec "$s2" ||
	fail "the user's roster is not the one loaded"
echo "floor FR" | "$g" exec "$s2" 2>"$tmp/err" && fail "FR should be unknown in the user's roster"
grep -q "FR" "$tmp/err" || fail "no message naming FR: $(cat "$tmp/err")"

# make install puts the manual pages and the bash and zsh completion in place.
make -s install BIN="$bin" PREFIX=/usr DESTDIR="$tmp/stage" > /dev/null || fail "make install"
for f in share/bash-completion/completions/gavel share/zsh/site-functions/_gavel \
	share/man/man1/gavel.1 share/man/man5/gavel-config.5; do
	[ -s "$tmp/stage/usr/$f" ] || fail "make install did not install $f"
done
exit 0
