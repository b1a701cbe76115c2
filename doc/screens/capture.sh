#!/bin/sh
# Captures the live screen as text into doc/screens/ (what the README shows).
# A meeting in progress is written with `gavel exec` (today, clock times a
# little before now), then gavel runs in a private tmux server at 80x24 and
# 200x60 while keys are sent. Needs tmux. Usage:
#   sh doc/screens/capture.sh [GAVEL_BIN]
bin=${1:-./gavel}
case "$bin" in /*) ;; *) bin="$(pwd)/$bin" ;; esac
out=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gavel-screens.XXXXXX")
sock="gavel-screens-$$"
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT INT TERM
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"

ago() { date -d "-$1 min" +%H:%M:%S; }
meeting() { # a fresh meeting in progress; prints its path
	s=$("$bin" new --agenda demo --date "$(date +%Y-%m-%d)") || exit 1
	"$bin" exec "$s" >/dev/null <<EOC || exit 1
at $(ago 48)
item 1
floor PRES
next
note The agenda was adopted with the addition of information points by HU and EE.
end
outcome agreed The agenda as set out in doc. CM 2622/1/17 REV 1 was adopted.
at $(ago 44)
item 2
floor PRES COM/HOME EEAS
next
note Cyber Attacks & Defence - Hands on Workshop, 24 May 2017, Brussels.
at $(ago 41)
next
note UN IEG on Cybercrime, Vienna 10-13 April: no new legal instrument needed.
at $(ago 36)
next
note Cyber dialogue with China, India and the US this year; no dates yet.
at $(ago 34)
end
outcome noted Delegations took note of the information.
at $(ago 33)
item 3
floor COM/CNECT
next
note Outcome of the High-level meeting with VP Ansip: the start of the consultation.
at $(ago 25)
floor FR DE EL
next
presents non-paper
note Non-paper on the future strategy: pragmatic approach, inclusive drafting.
pos FR supports
at $(ago 21)
next
pos DE supports a high-level, ambitious and concise strategy
at $(ago 18)
next
note Η Ελλάδα υποστηρίζει — Council conclusions before the review.
at $(ago 15)
end
at $(ago 14)
item 3.1
floor DE EEAS
next
note UNGGE under DE chairmanship: CBMs, capacity building, international law.
at $(ago 9)
next
at $(ago 6)
deadline 31 May written comments on WK 4977/17 by PRES
action COM 2017-06-15 circulate a summary of the interventions to Member States
floor ES IT PL
at $(ago 4)
floor EE first
next
note Point of order: the incoming EE Presidency will prepare conclusions.
at $(ago 2)
end
floor NL
next
at now
EOC
	echo "$s"
}

start() { # W H ARGS...
	w=$1 h=$2; shift 2
	tmux -L "$sock" kill-server >/dev/null 2>&1 && sleep 0.3
	printf 'set -g status off\n' > "$tmp/tmux.conf"
	args=""
	for a in "$@"; do args="$args '$a'"; done
	tmux -L "$sock" -f "$tmp/tmux.conf" new-session -d -s c -x "$w" -y "$h" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 ESCDELAY=25 TERM=tmux-256color '$bin' $args; sleep 60"
	wait_for "gavel"
}
screen() { tmux -L "$sock" capture-pane -p -t c; }
wait_for() { i=0; while [ $i -lt 100 ]; do screen 2>/dev/null | grep -qF -- "$1" && return 0; sleep 0.05; i=$((i + 1)); done; return 1; }
keys() { tmux -L "$sock" send-keys -t c "$@"; sleep 0.3; }
save() { screen > "$out/$1"; echo "$out/$1"; }

for size in "80 24" "200 60"; do
	set -- $size
	tag="$1x$2"
	s=$(meeting)
	start "$1" "$2" "$s"
	keys i
	keys -l "Spain supports the EEAS approach; asks for a clear strategic vision for the EU in its external relations (Η Ελλάδα: ναι)."
	sleep 1.2 # the draft reaches the journal after a pause
	save "live-$tag.txt"
	keys Escape; keys '?'; save "help-$tag.txt"; keys Escape
	keys a; keys -l "Öster"; save "picker-$tag.txt"; keys Escape
	keys p; save "form-position-$tag.txt"; keys Escape
	keys o; keys a; keys -l "The working party held an exchange of views."; save "form-outcome-$tag.txt"; keys Escape
	keys d; keys -l "31 May"; save "form-deadline-$tag.txt"; keys Escape
	keys A; keys -l "Tallinn Manual 2.0"; keys Enter; keys -l "6"; save "form-item-add-$tag.txt"; keys Escape
	keys Tab; keys Tab; save "records-$tag.txt"; keys BTab; keys BTab
	keys C; save "close-$tag.txt"; keys n
	keys s; keys Tab; save "stats-$tag.txt"; keys Escape
	keys R; save "roster-$tag.txt"; keys Escape
	keys BTab; keys v; save "review-$tag.txt"; keys Left; save "review-item3-$tag.txt"; keys Escape
	keys :; keys -l "floor XX"; keys Enter; save "cmdline-refused-$tag.txt"; keys Escape
	keys q; keys y
	start "$1" "$2" follow "$s"; save "follow-$tag.txt"
	[ "$tag" = 80x24 ] && { start 80 24 --read-only "$s"; save "readonly-80x24.txt"; }
	[ "$tag" = 80x24 ] && { start 60 15 "$s"; save "live-60x15.txt"; }
	[ "$tag" = 80x24 ] && { start 20 6 "$s"; wait_for enlarge; save "enlarge-20x6.txt"; }
done

# The archive: the home screen, its search, dossier view and reservations
# board, and a meeting's delegation view, on the archive the tests generate
# (tests/cli/archive_gen.sh; today is 2018-01-15 there).
(
	GAVEL_BIN=$bin
	T="$tmp/archive"
	mkdir -p "$T"
	export XDG_DATA_HOME="$T/data"
	fail() { echo "capture: $*" >&2; exit 1; }
	. "$out/../../tests/cli/archive_gen.sh"
	gen_archive
	for size in "80 24" "200 60"; do
		set -- $size
		tag="$1x$2"
		start "$1" "$2"
		wait_for "Sessions"
		save "home-$tag.txt"
		keys f; keys -l "cyber"; save "home-filter-$tag.txt"; keys Escape
		keys /; keys -l "securite"; keys Enter; save "search-$tag.txt"; keys Escape
		keys d; keys -l "7923/17"; keys Enter; save "dossier-$tag.txt"; keys Escape
		keys r; save "reservations-$tag.txt"; keys Escape
		keys '?'; save "home-help-$tag.txt"; keys q; keys q
		start "$1" "$2" "$S3"
		keys V; keys -l "EL"; keys Enter; keys Tab; save "delegation-$tag.txt"; keys Escape
		keys q; keys y
	done
)
