# Sourced by the archive tests: builds an archive in $XDG_DATA_HOME/gavel
# whose contents the tests know exactly. Needs $GAVEL_BIN and fail().
#   S1 2016-11-20 Telecommunications  item "Roaming" dossier Roaming (tag), FR says
#                 "sécurité", IT parliamentary reservation, NL action overdue
#   S2 2017-05-12 Cyber Issues        item "Cyber toolbox" dossier "Cyber toolbox",
#                 doc 7923/17; EL says "Ελλάδα", EL supports, DE scrutiny entered,
#                 PL general entered, FR action (marked done by a test), DE action open
#   S3 2017-06-12 Cyber Issues        item with doc "7923/1/17 REV 1" only (same
#                 document: in the dossier), DE scrutiny maintained, PL general lifted,
#                 EL concerns
#   S4 2018-01-10 Cyber Issues        item "E-evidence" dossier E-evidence, FR says
#                 "securite" (unaccented), DE substantive entered
#   S5 2018-01-12 Telecommunications  a live writer holds it (started by gen_lock)
#   2017-09-01-corrupt.gavel          a copy of S2 (so dated 2017-05-12) with a broken line 3
#   notes.gavel                       not a session at all;  README.md: not looked at
# Today for overdue counts: SOURCE_DATE_EPOCH = 2018-01-15.
export SOURCE_DATE_EPOCH=1516017600
[ -f rosters/eu28-2017.ini ] && export GAVEL_DATADIR="${GAVEL_DATADIR:-$(pwd)}"

gen_session() { # DATE TITLE -> path on stdout
	"$GAVEL_BIN" new --roster eu28-2017 --title "$2" --date "$1" || fail "new $1"
}

gen_archive() {
	TELE="Working Party on Telecommunications and Information Society"
	HWP="Horizontal Working Party on Cyber Issues"
	S1=$(gen_session 2016-11-20 "$TELE")
	"$GAVEL_BIN" exec "$S1" <<-'X' || fail "exec S1"
	item add "Roaming regulation" doc "ST 12104/16" dossier Roaming
	item 1
	floor FR
	next
	note La France demande une étude de sécurité.
	reserve IT parliamentary
	action NL 2016-12-15 circulate the roaming figures
	outcome agreed
	X
	S2=$(gen_session 2017-05-12 "$HWP")
	"$GAVEL_BIN" exec "$S2" <<-'X' || fail "exec S2"
	item add "Cyber toolbox" doc 7923/17 dossier "Cyber toolbox"
	item add "Other business"
	item 1
	floor EL
	next
	note Η Ελλάδα στηρίζει την εργαλειοθήκη.
	pos EL supports the approach
	reserve DE scrutiny on the annex
	reserve PL general
	action FR 2017-06-01 send written comments
	action DE 2018-03-01 report on the toolbox
	X
	S3=$(gen_session 2017-06-12 "$HWP")
	"$GAVEL_BIN" exec "$S3" <<-'X' || fail "exec S3"
	item add "Implementing guidelines" doc "7923/1/17 REV 1"
	item 1
	floor DE
	next
	note Germany maintains its scrutiny reservation.
	reserve DE scrutiny
	reserve PL general
	lift PL general
	pos EL concerns about the timing
	X
	S4=$(gen_session 2018-01-10 "$HWP")
	"$GAVEL_BIN" exec "$S4" <<-'X' || fail "exec S4"
	item add "E-evidence" dossier E-evidence
	item 1
	floor FR
	next
	note Question de securite juridique.
	reserve DE substantive
	X
	S5=$(gen_session 2018-01-12 "$TELE")
	"$GAVEL_BIN" exec "$S5" <<-'X' || fail "exec S5"
	item add "Spectrum"
	item 1
	action SE 2018-02-01 draft the spectrum note
	X
	dir=$(dirname "$S1")
	awk 'NR == 3 { print "cmd garbage line" } { print }' "$S2" > "$dir/2017-09-01-corrupt.gavel"
	chmod 600 "$dir/2017-09-01-corrupt.gavel"
	echo "not a session" > "$dir/notes.gavel"
	echo "a note beside the sessions" > "$dir/README.md"
}

# A live writer on S5 until gen_unlock: gavel exec reading from a FIFO.
gen_lock() {
	mkfifo "$T/fifo"
	"$GAVEL_BIN" exec "$S5" --progress < "$T/fifo" > "$T/holder" &
	holder=$!
	exec 3> "$T/fifo"
	echo "note held open" >&3
	i=0; while [ $i -lt 400 ] && ! grep -q ok "$T/holder"; do sleep 0.05; i=$((i + 1)); done
	grep -q ok "$T/holder" || fail "the live writer did not start"
}

gen_unlock() {
	exec 3>&-
	wait $holder
}
