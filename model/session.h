/* A meeting: its metadata, roster, agenda, floor and records, and the journal
 * that made them. Everything changes through Session_run() (a typed command
 * line -> canonical journal lines) or Session_replay() (a journal line). The
 * structs are public for reading (render/, tui/, cli/); only model/ mutates.
 * No global state: a process may hold several sessions. */
#ifndef GAVEL_MODEL_SESSION_H
#define GAVEL_MODEL_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/agenda.h"
#include "model/buf.h"
#include "model/date.h"
#include "model/docref.h"
#include "model/floor.h"
#include "model/journal.h"
#include "model/record.h"
#include "model/roster.h"
#include "model/status.h"

/* `set KEY VALUE`: text values are NULL when not set. */
typedef struct SessionMeta {
   char *body;       /* "Horizontal Working Party on Cyber Issues" */
   int64_t date;     /* day number, or GV_NO_DAY */
   int64_t start;    /* `set start HH:MM`, or GV_NO_TIME (see Session_start_time) */
   int64_t end;      /* `set end HH:MM`, or GV_NO_TIME (see Session_end_time) */
   char *place;      /* "Brussels" */
   char *chair;      /* "MT Presidency" */
   char *docno;      /* "10876/17" */
   char *codes;      /* "CYBER 105, COPEN 220, JAI 652" (as typed) */
   char *marking;    /* "LIMITE" or NULL */
   char *language;   /* "en" */
   char *from;       /* "General Secretariat of the Council" */
   char *to;         /* "Horizontal Working Party on Cyber Issues" */
   char *subject;    /* "Summary of discussions" */
   GvNumbering numbering;
   bool numbering_set; /* `set numbering` overrides the house style's */
   int64_t date_end; /* `set date A..B`: the last day of a meeting over days, or GV_NO_DAY */
   int64_t doc_date; /* `set doc-date`: the document's own date, or GV_NO_DAY */
   char *type;       /* `set type`: "NOTE"; NULL: "OUTCOME OF PROCEEDINGS" */
   char *on;         /* `set on TEXT`; with on_set and NULL the On: line is left out */
   bool on_set;
   char *headers;    /* `set header LABEL VALUE`: lines "LABEL\tVALUE", or NULL */
   char *access;     /* `set access`: "DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC" */
   char *style;      /* `set style NAME`: the house style, or NULL (council) */
} SessionMeta;

/* A copy of the state as the journal entries before `entry` made it, kept so
 * that undo and redo replay only what follows it (model/session.c). */
typedef struct SessionCheckpoint {
   struct Session *state;  /* the state (its journal empty), or NULL */
   size_t entry;
   size_t units;           /* units in force before `entry` when it was taken */
} SessionCheckpoint;

#define GV_CHECKPOINTS 1          /* kept at once: each costs ~0.05x the file */
#define GV_CHECKPOINT_EVERY 256   /* units between two checkpoints, at least */

typedef struct Session {
   char uuid[37];    /* the uuid of the first event of the journal */
   SessionMeta meta;
   Roster roster;
   Agenda agenda;
   Floor floor;
   Records rec;
   Journal journal;
   int64_t clock;    /* `at`: the clock for the following commands, or GV_NO_TIME */
   int64_t last_time;/* time of the last event applied (GV_NO_TIME before any) */
   char *roster_name;/* the last `roster NAME` loaded, or NULL */
   bool loading;     /* between Session_load_begin() and Session_load_end() */
   bool stale;       /* loading: the state lags the journal (an undo or redo came) */
   bool unchecked;    /* a line entered the journal without its UTF-8 checked */
   struct SessionAhead *ahead; /* loading: the units the whole file leaves in force */
   bool load_planned;/* loading after a first pass: only units that stay are applied */
   bool load_skipping;/* the lines of the current unit are kept unapplied (it ends undone) */
   size_t load_units;/* loading: units read so far (as the first pass counts them) */
   size_t load_applied; /* loading: units applied so far */
   char day_key[10]; /* YYYY-MM-DD of the last journal time read whole */
   int64_t day_start;/* its first second, or GV_NO_TIME */
   SessionCheckpoint checkpoints[GV_CHECKPOINTS];
   size_t checkpoint_every;    /* units between checkpoints (tests); 0: Session_checkpoint_spacing() */
   /* Lines replayed into the session (a load, lines appended by another
    * writer) take no checkpoint: for a session opened read-only, which
    * never undoes itself (a batch command, a follower), the copies would
    * be memory spent for nothing (0.2x the file). An undo line that comes
    * after all rebuilds the meeting once, which takes them then. */
   bool replay_no_checkpoints;
} Session;

/* What the caller supplies to Session_run(). */
typedef struct RunContext {
   int64_t now;      /* meeting clock: naive local seconds since 1970 */
   /* A fresh uuid per event (the caller uses libuuid), lower-case, 36 chars. */
   void (*new_uuid)(void *ud, char out[37]);
   /* `roster NAME`: append to `lines` the roster's `delegation CODE key=value...`
    * command lines, one per line ('\n'-separated). Return 0, or -1 with a
    * one-line reason in msg ("no roster 'eu29'"). May be NULL (then `roster`
    * is refused). */
   int (*load_roster)(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen);
   void *ud;
} RunContext;

/* NULL when out of memory. */
Session *Session_new(void);
void Session_free(Session *s);
/* Units between two undo checkpoints around the p-th unit in force: grows
 * with the meeting, so that checkpoints cost O(n) over n units in all. */
size_t Session_checkpoint_spacing(const Session *s, size_t p);

/* The longest command line Session_run() takes, in bytes, without its line
 * end: 1 MiB. The same bound holds for a line of `gavel exec`, the : line
 * and a paste in the live screen (gavel(1), LIMITS). */
#define GV_LINE_MAX ((size_t)1 << 20)

/* Runs one typed line (at most GV_LINE_MAX bytes). On success applies it, appends its canonical journal
 * line(s) to `out` (each ending in '\n', ready to be written and fdatasync'ed)
 * and returns GV_OK; msg may carry a short note ("undid 'floor FR'") or "".
 * On refusal nothing changes and msg holds one line naming what is wrong. */
GvStatus Session_run(Session *s, const char *line, size_t len, const RunContext *ctx,
                     GvBuf *out, char *msg, size_t msglen);
/* Applies one journal line (`cmd`, `cmd+` or any other TYPE; a trailing '\n'
 * is allowed; not the header). Unknown TYPEs are kept verbatim. On failure
 * nothing is stored and msg says why. */
GvStatus Session_replay(Session *s, const char *line, size_t len, char *msg, size_t msglen);
/* The same for a line that passed SessionScan_checkLine (no control
 * character, valid UTF-8): the model does not check it a second time. */
GvStatus Session_replay_checked(Session *s, const char *line, size_t len, char *msg, size_t msglen);
/* A line's fields read ahead, for a loader that reads lines in another
 * thread: what Session_replay reads from line[0..len) (without its line
 * end): its TYPE line[0..type_len), TIME, the UUID's length after the TIME,
 * and whether a PAYLOAD follows. Session_fields is pure (any thread); day remembers the
 * day last read, which spares the next line of that day most of the work
 * (zero it, then set day.start = GV_NO_TIME, before the first line). False
 * when the line does not split so (then replay it as it is). */
typedef struct SessionDay {
   char key[10];
   int64_t start;
} SessionDay;
typedef struct SessionFields {
   int64_t time;
   uint32_t type_len;
   uint16_t uuid_len;
   bool payload;     /* a PAYLOAD follows the UUID and its blank */
   bool plain;       /* the PAYLOAD holds no backslash (no escape to decode) */
   uint8_t word;     /* the command its first word names (Command_word), 0 when not known */
   uint8_t word_at, word_len;   /* that word's place in the PAYLOAD */
} SessionFields;
bool Session_fields(const char *line, size_t len, SessionDay *day, SessionFields *f);
/* The same for a line whose frame is known sound, its TYPE line[0..type_len)
 * followed by a blank, a TIME of 19 bytes and a blank, a UUID of 36 bytes and
 * a blank or the end (SessionScan's check; the TIME's shape too, digits and
 * separators where they go): only the TIME is read.
 * backslash: the first '\\' at or after line in the same text, or an address
 * at or past line + len when there is none before it (a search of many
 * lines at once); NULL: not known, the PAYLOAD is searched. */
bool Session_fields_framed(const char *line, size_t len, size_t type_len, const char *backslash,
                           SessionDay *day, SessionFields *f);
/* Session_replay_checked of a line whose fields are f (Session_fields of
 * the same line[0..len)). */
GvStatus Session_replay_fields(Session *s, const char *line, size_t len, const SessionFields *f,
                               char *msg, size_t msglen);
/* After the last line replayed: how many cmd+ lines its unit's `cmd:N` still
 * announces. Not 0 at the end of a file means a crash cut the unit short at a
 * line boundary: it was never acknowledged, and Session_rollback() drops it. */
size_t Session_replay_awaiting(const Session *s);

/* Loading a whole file: between these two, an undo or redo line only marks
 * what it takes back or brings back, and the lines after it are kept without
 * being applied; Session_load_end() then applies them once. Each undo
 * would otherwise rebuild the meeting on the spot, and a long meeting with
 * many of them would open in seconds. Session_load_end() returns how many
 * kept lines failed to apply (0 normally); for the first, *line gets its
 * index (Session_line) and msg the reason. */
void Session_load_begin(Session *s);
/* Optional, after Session_load_begin(): about n lines will be replayed
 * (room is made for them at once). */
void Session_load_reserve(Session *s, size_t n);
/* Optional, between Session_load_begin() and the first Session_replay(): the
 * lines to be replayed, in order, looked at once (their record types and
 * undo/redo lines only) so that the load knows which units the file leaves in
 * force. Each line is then applied once, as it is replayed, unless its unit
 * ends undone (it is only kept), and the end has nothing to rebuild. Without
 * it, or when the lines replayed were not those looked at, the end rebuilds
 * the meeting as it would without, with the same result. */
void Session_load_ahead(Session *s, const char *line, size_t len);
/* The same first look in two steps, for a loader that reads the lines in
 * another thread: Session_ahead_kind (pure: any thread may call it) tells
 * what a line is to it, Session_load_ahead_kinds hands the kinds of n
 * lines to the load, in their order, as Session_load_ahead would each line
 * (n = 0: as if none was given). */
enum { SESSION_AHEAD_NONE, SESSION_AHEAD_UNIT, SESSION_AHEAD_UNDO, SESSION_AHEAD_REDO };
unsigned char Session_ahead_kind(const char *line, size_t len);
void Session_load_ahead_kinds(Session *s, const unsigned char *kinds, size_t n);
/* For a loader that gave the first look a line it then did not replay (its
 * seal turned out broken; the load is past some lines): the look again,
 * over the kinds of the lines it does replay, kinds[0..n). The load keeps
 * its plan when the units already passed keep their fate under the new
 * look; otherwise its end rebuilds the meeting, with the same result.
 * kinds NULL (out of memory): the end rebuilds. */
void Session_load_replan(Session *s, const unsigned char *kinds, size_t n);
size_t Session_load_end(Session *s, size_t *line, char *msg, size_t msglen);
/* Before replaying a file read whole into text[0..len) (malloc'ed): the
 * session takes it (Session_free frees it), and each line replayed from it
 * is kept as a slice of it, not copied; the byte after such a line (its
 * '\n', or the blank before its seal) becomes a NUL. False when the session
 * already holds a text: then it takes nothing. */
bool Session_hold_text(Session *s, char *text, size_t len);
/* The same for a text free() cannot release (a mapping): release(text, len)
 * gives it back when the session goes. */
bool Session_hold_text_with(Session *s, char *text, size_t len,
                            void (*release)(char *text, size_t len));
/* For model/ only: does text[0..len] (the byte after it too) lie in the held
 * text? A note replayed from there stays a slice of it (model/floor.h). */
static inline bool Session_holds(const Session *s, const char *text, size_t len) {
   uintptr_t p = (uintptr_t)text, h = (uintptr_t)s->journal.held;
   size_t n = s->journal.held_len;
   return s->journal.held && p >= h && p - h < n && len < n - (p - h);
}
/* Forgets the last entry added by Session_run() (the disk write failed). */
void Session_rollback(Session *s);

/* The journal lines of a compacted session (no header): the units in force,
 * the drafts that still matter, unknown lines; undone units, undo/redo lines
 * and superseded drafts left out. Replaying them gives the same state. */
GvStatus Session_compact(const Session *s, GvBuf *out);
/* Journal iteration (for compaction and `gavel show`). */
size_t Session_entry_count(const Session *s);
const JournalEntry *Session_entry(const Session *s, size_t i);
/* Line `i` of the journal, without '\n'; *len its length. */
const char *Session_line(const Session *s, size_t i, size_t *len);
size_t Session_line_count(const Session *s);
/* Splits a journal line into its fields (pointers into line). */
GvStatus Session_split_line(const char *line, size_t len, const char **type, size_t *type_len,
                            int64_t *time, const char **uuid, const char **payload,
                            size_t *payload_len);
bool Session_can_undo(const Session *s);
bool Session_can_redo(const Session *s);

/* The command names of the language, for completion and help: i = 0, 1, ...
 * until NULL ("action", "at", ... "undo", "withdraw"), in alphabetical order. */
const char *Session_command_name(size_t i);

/* Reading the state. */
const Item *Session_current_item(const Session *s);            /* or NULL */
size_t Session_current_index(const Session *s);                /* or GV_NONE */
const Intervention *Session_speaker(const Session *s);         /* running, or NULL */
const Delegation *Session_delegation(const Session *s, size_t idx);
/* The queue of the current item (NULL/0 when there is none). */
const QueueEntry *Session_queue(const Session *s, size_t *count);
/* Indexes into s->floor.list of the interventions on an item, speaking order. */
const size_t *Session_item_interventions(const Session *s, size_t item, size_t *count);
const Intervention *Session_intervention(const Session *s, size_t idx);
/* Positions and reservations on an item: call with k = 0, 1, ... until NULL. */
const Position *Session_position(const Session *s, size_t item, size_t k);
const Reservation *Session_reservation(const Session *s, size_t item, size_t k);
/* The position of one delegation on an item, or NULL. */
const Position *Session_position_of(const Session *s, size_t item, size_t delegation);
/* The meeting's start: `set start`, else the first take-up, else the first
 * intervention; its end: `set end`, else the last intervention's end. */
int64_t Session_start_time(const Session *s);
int64_t Session_end_time(const Session *s);
/* The clock a command run now would record: the `at` clock or ctx->now. */
int64_t Session_clock(const Session *s, int64_t now);
/* An action by full uuid or unique prefix: its index, or GV_NONE (msg says why). */
size_t Session_find_action(const Session *s, const char *id, size_t n, char *msg, size_t msglen);

/* Short references: every intervention, paragraph, position, reservation,
 * deadline and action is named by the first characters of its uuid, as
 * git names commits. */
typedef enum GvRefKind {
   GV_REF_INTERVENTION,
   GV_REF_PARA,
   GV_REF_POSITION,
   GV_REF_RESERVATION,
   GV_REF_DEADLINE,
   GV_REF_ACTION,
} GvRefKind;
/* The length of the short references of this session: the shortest prefix
 * that tells every record apart, at least 7. O(n log n). */
size_t Session_ref_len(const Session *s);
/* A record by reference (a unique prefix of 4 or more characters, or the full
 * uuid). On GV_NOT_FOUND or GV_AMBIGUOUS msg says so. */
GvStatus Session_find_ref(const Session *s, const char *ref, size_t n, GvRefKind *kind, size_t *idx,
                          char *msg, size_t msglen);
/* The full uuid of a record. */
const char *Session_ref_uuid(const Session *s, GvRefKind kind, size_t idx);
/* "intervention", "paragraph", ... */
const char *GvRefKind_word(GvRefKind kind);

/* Speaking time per roster entry, for one item or (item == GV_NONE) the
 * whole meeting. out has s->roster.count entries; a running intervention
 * counts up to `now`. With fold_units, a unit's time goes to its parent. */
typedef struct SpeakStat {
   size_t interventions;
   int64_t seconds;
} SpeakStat;
void Session_speaking_stats(const Session *s, size_t item, int64_t now, bool fold_units,
                            SpeakStat *out);

#endif
