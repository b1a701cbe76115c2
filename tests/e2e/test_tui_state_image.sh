# The state image (storage/stateimage.h): the live screen on a long session
# keeps an image of its replayed state in the cache, and the next start opens
# from it. The second start shows the same screen as the first; a command
# appended underneath (gavel exec) is on screen; a byte changed in the
# middle of the file is seen as the full replay sees it, not hidden by the
# image.
. tests/e2e/lib.sh
SESSION=$("$GAVEL_BIN" new --agenda demo 2>"$E2E_DIR/new.err") || e2e_fail "new: $(cat "$E2E_DIR/new.err")"
# About 400 kB: past the size below which no image is kept.
w="Ελλάδα words and more words of the note,"
w="$w $w $w $w $w $w $w $w $w $w"
w="$w $w"
{
	echo "item 1"
	i=0
	while [ $i -lt 300 ]; do
		case $((i % 6)) in 0) c=FR ;; 1) c=DE ;; 2) c=EL ;; 3) c=ES ;; 4) c=HU ;; *) c=AT ;; esac
		echo "give $c"
		echo "note $i $w end $i"
		i=$((i + 1))
	done
	echo "end"
} > "$E2E_DIR/cmds"
"$GAVEL_BIN" exec "$SESSION" < "$E2E_DIR/cmds" > "$E2E_DIR/exec.out" 2>&1 || e2e_fail "exec: $(cat "$E2E_DIR/exec.out")"
[ "$(wc -c < "$SESSION")" -gt 300000 ] || e2e_fail "the session is too short for an image: $(wc -c < "$SESSION") bytes, $(tail -3 "$E2E_DIR/exec.out")"
images="$XDG_CACHE_HOME/gavel/state"

# The screen without its title bar and message line, and without the times
# that run with the clock (the meeting's, the item's).
body() { e2e_screen | sed '1d' | grep -v "shows every key" | sed 's/[0-9]*:[0-9][0-9]/T/g'; }
# same NAME TEXT WHY REFERENCE: a start at 80x24 whose screen, once TEXT is
# on it, is REFERENCE's; then quit.
same() {
	e2e_start_in "$1" 80 24 "$SESSION"
	e2e_expect "$2" "$3"
	body > "$E2E_DIR/$1"
	diff "$E2E_DIR/$4" "$E2E_DIR/$1" > "$E2E_DIR/diff" || e2e_fail "$1: another screen: $(cat "$E2E_DIR/diff")"
	e2e_type "q"
	e2e_wait_exit 0 || e2e_fail "$1: quit"
}

e2e_start 80 24 "$SESSION"
e2e_expect "299 Ελλάδα" "the last note is not on the first screen"
# Written once the first screen is out.
i=0
while [ $i -lt 100 ] && ! ls "$images"/*.image >/dev/null 2>&1; do sleep 0.05; i=$((i + 1)); done
ls "$images"/*.image >/dev/null 2>&1 || e2e_fail "no state image in $images"
[ "$(stat -c %a "$images")" = 700 ] || e2e_fail "the image folder is not 0700"
[ "$(stat -c %a "$images"/*.image)" = 600 ] || e2e_fail "the image is not 0600"
body > "$E2E_DIR/first"
e2e_type "q"
e2e_wait_exit 0 || e2e_fail "quit"
before=$(stat -c %Y.%i "$images"/*.image)

# Again: the same screen, from the image (still current: not written again).
same second "299 Ελλάδα" "the second start lost the last note" first
[ "$(stat -c %Y.%i "$images"/*.image)" = "$before" ] || e2e_fail "a current image was written again"

# A command appended underneath: replayed after the image.
grep -q "LU" "$E2E_DIR/first" && e2e_fail "LU was on screen before"
printf 'give LU\nnote appended underneath\nend\n' | "$GAVEL_BIN" exec "$SESSION" > "$E2E_DIR/exec2.out" 2>&1 ||
	e2e_fail "exec: $(cat "$E2E_DIR/exec2.out")"
e2e_start_in third 80 24 "$SESSION"
e2e_expect "appended underneath" "the appended note is not on screen"
e2e_expect "LU" "the appended speaker is not on screen"
# The image written again, from this start's text: the old image's, mapped,
# with the appended lines read in behind it.
i=0
while [ $i -lt 100 ] && [ "$(stat -c %Y.%i "$images"/*.image)" = "$before" ]; do sleep 0.05; i=$((i + 1)); done
[ "$(stat -c %Y.%i "$images"/*.image)" != "$before" ] || e2e_fail "the image was not brought up to date"
body > "$E2E_DIR/third"
e2e_type "q"
e2e_wait_exit 0 || e2e_fail "quit"
again=$(stat -c %Y.%i "$images"/*.image)
same third-again "appended underneath" "the appended note is lost from the image written after it" third
[ "$(stat -c %Y.%i "$images"/*.image)" = "$again" ] || e2e_fail "the new image was not used"

# The image cut short: not used, the same screen from the file, and a
# whole image written in its place.
img=$(ls "$images"/*.image)
truncate -s $(($(wc -c < "$img") / 2)) "$img"
e2e_start_in cut 80 24 "$SESSION"
e2e_expect "appended underneath" "the appended note is lost with the image cut short"
body > "$E2E_DIR/cut"
diff "$E2E_DIR/third" "$E2E_DIR/cut" > "$E2E_DIR/diff" || e2e_fail "another screen with the image cut short: $(cat "$E2E_DIR/diff")"
i=0
while [ $i -lt 100 ] && [ "$(stat -c %Y.%i "$img")" = "$again" ]; do sleep 0.05; i=$((i + 1)); done
[ "$(stat -c %Y.%i "$img")" != "$again" ] || e2e_fail "no whole image written in place of the cut one"
e2e_type "q"
e2e_wait_exit 0 || e2e_fail "quit"

# A follower reads the image but writes none (its peak memory would carry
# the image's bytes): without one, it starts from the file and leaves none.
rm -f "$images"/*.image
e2e_start_in follower 80 24 follow "$SESSION"
e2e_expect "FOLLOWING" "the follower did not start"
sleep 0.3
ls "$images"/*.image >/dev/null 2>&1 && e2e_fail "a follower wrote a state image"
e2e_type "q"
e2e_wait_exit 0 || e2e_fail "quit the follower"
ls "$images"/*.image >/dev/null 2>&1 && e2e_fail "a follower wrote a state image when it quit"

# A byte changed in the middle (a git pull, an editor): the image no longer
# stands for the file; the line's damage is on screen, as without an image.
line=$(grep -n "note 150 " "$SESSION" | head -1 | cut -d: -f1)
[ -n "$line" ] || e2e_fail "no line for note 150"
sed -i "${line}s/note 150 /note 15O /" "$SESSION"
e2e_start_in fourth 200 60 "$SESSION"
e2e_expect "could not be read" "the damaged line is not reported"
e2e_expect ":$line" "the damaged line's number is not on screen"
e2e_type "q"
e2e_wait_exit 0 || e2e_fail "quit"
echo "ok"
