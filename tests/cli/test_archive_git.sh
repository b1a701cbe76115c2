#!/bin/sh
# A shared archive in git (doc/archive.md): two clones each record a
# different meeting and mark a different action of a third meeting done;
# with `*.gavel merge=union` in .gitattributes, `git pull` merges without a
# conflict and every session still opens cleanly. A gavel that holds a
# session while a pull rewrites it refuses to append to its stale view.
# POSIX sh; exit 0 = pass. Uses $GAVEL_BIN.
GAVEL_BIN=${GAVEL_BIN:-$(pwd)/gavel}
command -v git > /dev/null || { echo "FAIL: git is not installed"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/gavel-git.XXXXXX")
holder=
trap '[ -n "$holder" ] && kill $holder 2>/dev/null; rm -rf "$T"' EXIT INT TERM
export XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config" LC_ALL=C.UTF-8 HOME="$T"
export GIT_AUTHOR_NAME=gavel GIT_AUTHOR_EMAIL=gavel@example.org
export GIT_COMMITTER_NAME=gavel GIT_COMMITTER_EMAIL=gavel@example.org
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
fail() { echo "FAIL: $*"; exit 1; }
g() { git -C "$@" > "$T/git.out" 2>&1 || fail "git $*: $(cat "$T/git.out")"; }

git init -q --bare "$T/origin.git" || fail "init"
git clone -q "$T/origin.git" "$T/a" 2> /dev/null || fail "clone a"
# The archive is the -D folder: its sessions/ holds the files.
S3=$("$GAVEL_BIN" -D "$T/a" new --roster eu28-2017 --title "HWP Cyber" --date 2017-05-12) || fail "new S3"
"$GAVEL_BIN" -D "$T/a" exec "$S3" <<-'X' || fail "exec S3"
	item add "Cyber toolbox"
	item 1
	action FR 2017-06-01 send written comments
	action DE 2017-06-15 report on the toolbox
	X
echo '*.gavel merge=union' > "$T/a/.gitattributes"
g "$T/a" add -A
g "$T/a" commit -qm "first meeting"
g "$T/a" push -q origin HEAD
git clone -q "$T/origin.git" "$T/b" 2> /dev/null || fail "clone b"

ids=$("$GAVEL_BIN" -D "$T/a" actions --format csv | tail -n +2 | cut -d, -f2,5)
fr=$(echo "$ids" | grep 'send written' | cut -d, -f1)
de=$(echo "$ids" | grep 'report on' | cut -d, -f1)
[ -n "$fr" ] && [ -n "$de" ] || fail "action ids: $ids"

# Clone a: a new meeting, and FR's action done.
A=$("$GAVEL_BIN" -D "$T/a" new --roster eu28-2017 --title "HWP Cyber" --date 2017-06-12) || fail "new A"
printf 'item add "Guidelines"\nitem 1\nfloor EL\nnext\nnote Ελλάδα: ναι\n' | "$GAVEL_BIN" -D "$T/a" exec "$A" || fail "exec A"
"$GAVEL_BIN" -D "$T/a" done "$fr" > /dev/null || fail "done in a"
g "$T/a" add -A
g "$T/a" commit -qm "second meeting"
g "$T/a" push -q origin HEAD

# Clone b: another meeting, and DE's action done, without a's work.
B=$("$GAVEL_BIN" -D "$T/b" new --roster eu28-2017 --title "TELE" --date 2017-06-20) || fail "new B"
printf 'item add "Roaming"\nitem 1\nfloor FR\nnext\nnote sécurité\n' | "$GAVEL_BIN" -D "$T/b" exec "$B" || fail "exec B"
"$GAVEL_BIN" -D "$T/b" done "$(echo "$de" | cut -c1-8)" > /dev/null || fail "done in b"
g "$T/b" add -A
g "$T/b" commit -qm "third meeting"

# A live gavel holds b's copy of the first meeting while the pull rewrites it.
S3b="$T/b/sessions/$(basename "$S3")"
mkfifo "$T/fifo"
"$GAVEL_BIN" -D "$T/b" exec "$S3b" --progress < "$T/fifo" > "$T/holder" 2> "$T/holder.err" &
holder=$!
exec 3> "$T/fifo"
echo "set place Brussels" >&3
i=0; while [ $i -lt 400 ] && ! grep -q ok "$T/holder"; do sleep 0.05; i=$((i + 1)); done
grep -q ok "$T/holder" || fail "the live writer did not start"
g "$T/b" add -A
g "$T/b" commit -qm "place"

g "$T/b" pull -q --no-rebase --no-edit origin HEAD
grep -q '<<<<<<<\|>>>>>>>' "$T/b/sessions/"*.gavel && fail "conflict markers in a session"

echo "set chair \"MT Presidency\"" >&3
exec 3>&-
wait $holder; rc=$?
holder=
[ $rc -ne 0 ] || fail "the stale writer appended after the pull"
grep -q "changed by another program" "$T/holder.err" || fail "stale writer message: $(cat "$T/holder.err")"
grep -q 'MT Presidency' "$S3b" && fail "appended to a stale view"

# Every session opens cleanly, with both dones and the place set in b.
"$GAVEL_BIN" check "$T/b/sessions/"*.gavel > "$T/check" 2>&1 || fail "check after merge: $(cat "$T/check")"
[ "$("$GAVEL_BIN" -D "$T/b" list | wc -l)" -eq 3 ] || fail "b does not list three meetings"
"$GAVEL_BIN" -D "$T/b" actions --open --format csv | grep -q 'send written\|report on' && fail "a done action is open after the merge"
"$GAVEL_BIN" -D "$T/b" search ελλαδα > /dev/null || fail "a's meeting not searchable in b"
grep -q 'set place' "$S3b" || fail "b's own line lost in the merge"
g "$T/b" push -q origin HEAD
g "$T/a" pull -q --no-rebase --no-edit origin HEAD
"$GAVEL_BIN" check "$T/a/sessions/"*.gavel > "$T/check" 2>&1 || fail "check in a: $(cat "$T/check")"
[ "$("$GAVEL_BIN" -D "$T/a" list | wc -l)" -eq 3 ] || fail "a does not list three meetings"
"$GAVEL_BIN" -D "$T/a" actions --open --format csv | grep -q 'send written\|report on' && fail "a: done action open"
exit 0
