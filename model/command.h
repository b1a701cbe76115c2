/* The command language inside model/ (not a public header): one Exec per
 * command line run or replayed, and the handlers grouped by topic. */
#ifndef GAVEL_MODEL_COMMAND_H
#define GAVEL_MODEL_COMMAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "model/session.h"
#include "model/session_copy.h"
#include "model/util.h"
#include "model/words.h"

typedef struct Exec {
   Session *s;
   const RunContext *ctx; /* NULL on replay */
   int64_t time;          /* the event's time */
   const char *uuid;      /* the event's uuid (entities it creates take it through
                           * Cmd_uuid: when uuid_whole, its 36 bytes in the line,
                           * not followed by a NUL) */
   GvBuf *canon;          /* the canonical payload is written here */
   GvBuf *extra;          /* live `roster`: canonical cmd+ payloads, one per line */
   GvEntryKind kind;      /* set by the handler: UNIT unless DRAFT */
   size_t draft_target;   /* DRAFT: intervention written, or GV_NONE */
   bool live;             /* typed now: resolve defaults, relative dates, targets */
   bool at_clock;         /* `at`: the line's time is the new clock */
   bool checked;          /* the payload is known valid UTF-8 without NUL */
   bool plain;            /* the payload is known to hold no backslash */
   bool uuid_whole;       /* uuid is known to be 36 bytes without a NUL */
   uint8_t word;          /* Command_word of the payload when known, else 0 */
   uint8_t word_at, word_len;
   char *msg;
   size_t msglen;
} Exec;

typedef GvStatus (*CommandFn)(Exec *e, Words *w);

/* The command a payload's first word names, read once (by the checks of an
 * open, beside the replay): COMMAND_WORD_UNDO, _REDO, or a command of the
 * table when that word is plain (no quote, escape or line end) and is the
 * command's own name in any case; 0 (not known: Command_exec reads the word
 * itself) for anything else, an alias or `on` among them. *at and *n: the
 * word's place in the payload. */
enum { COMMAND_WORD_UNDO = 1, COMMAND_WORD_REDO = 2, COMMAND_WORD_TABLE = 3 };
/* draft's: the fifth of the table (odd_command_words_replay_the_same,
 * test_storage_beside, is red when it is not). */
#define COMMAND_WORD_DRAFT (COMMAND_WORD_TABLE + 4)
unsigned Command_word(const char *payload, size_t len, size_t *at, size_t *n);

/* Runs one payload (a command line without TYPE TIME UUID). */
GvStatus Command_exec(Exec *e, const char *payload, size_t len);
/* The command word of a payload ("floor"), lower-cased into out. */
void Command_name(const char *payload, size_t len, char *out, size_t n);
/* Is the command word of payload (its first word, in any case) `word`, given
 * in lower case? */
bool Command_word_is(const char *payload, size_t len, const char *word);

/* Helpers shared by the handlers (command.c). */
GvStatus Cmd_fail(Exec *e, GvStatus st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Refuses words before `upto` with an unclosed quote. Inline: most
 * handlers ask it of every line. */
static inline GvStatus Cmd_check_quotes(Exec *e, const Words *w, size_t upto);
GvStatus Cmd_open_quote(Exec *e, const Words *w);
GvStatus Cmd_delegation(Exec *e, const Words *w, size_t i, size_t *idx);
GvStatus Cmd_item(Exec *e, const Words *w, size_t i, size_t *idx);
/* The current item into *idx. Inline: nearly every handler asks it first. */
static inline GvStatus Cmd_current(Exec *e, size_t *idx);
GvStatus Cmd_no_current(Exec *e);
/* TEXT from word i on (may be empty), checked as UTF-8. Free *out. */
GvStatus Cmd_text(Exec *e, const Words *w, size_t i, char **out, size_t *n);
/* A date of one to three words starting at word i ("2017-05-31", "31 May",
 * "31 May 2017"); *used gets how many words it took. */
GvStatus Cmd_date(Exec *e, const Words *w, size_t i, int64_t *day, size_t *used);
/* The reference day for dates without a year: the session date, else the
 * day of the event. */
int64_t Cmd_ref_day(const Exec *e);
/* " CODE" into the canonical text; inline: a replay has none to write. */
static inline void Cmd_put_code(Exec *e, size_t idx);
void Cmd_put_code_text(Exec *e, size_t idx);
void Cmd_put_item(Exec *e, size_t idx);
/* The number of an item for messages: "3.1". */
void Cmd_item_name(const Exec *e, size_t idx, char *buf, size_t n);
/* Ends the running intervention at e->time. Inline: every next, give and
 * end asks it. */
static inline void Cmd_end_speaker(Exec *e);
/* The intervention notes go to: running, else the last on the current item.
 * Inline: every note asks it. */
static inline size_t Cmd_note_target(const Exec *e);
/* The event's uuid into a record's uuid field (at most 36 characters).
 * Inline: every intervention, position, reservation takes one. */
static inline void Cmd_uuid(const Exec *e, char out[37]);
void Cmd_uuid_copy(const Exec *e, char out[37]);
/* Moves a string into a field, freeing the old one. */
void Cmd_replace(char **field, char *value);

/* Appends to what is said on an item; false on ENOMEM. Inline: every
 * intervention is said. */
static inline bool Cmd_said_append(Item *it, GvSaidKind kind, size_t index);

/* Handlers. */
GvStatus Cmd_set(Exec *e, Words *w);
GvStatus Cmd_roster(Exec *e, Words *w);
GvStatus Cmd_delegation_def(Exec *e, Words *w);
GvStatus Cmd_attend(Exec *e, Words *w);
GvStatus Cmd_at(Exec *e, Words *w);
GvStatus Cmd_item_cmd(Exec *e, Words *w);
GvStatus Cmd_floor(Exec *e, Words *w);
GvStatus Cmd_tour(Exec *e, Words *w);
GvStatus Cmd_withdraw(Exec *e, Words *w);
GvStatus Cmd_next(Exec *e, Words *w);
GvStatus Cmd_give(Exec *e, Words *w);
GvStatus Cmd_end(Exec *e, Words *w);
GvStatus Cmd_note(Exec *e, Words *w);
GvStatus Cmd_draft(Exec *e, Words *w);
GvStatus Cmd_presents(Exec *e, Words *w);
GvStatus Cmd_pos(Exec *e, Words *w);
GvStatus Cmd_reserve(Exec *e, Words *w);
GvStatus Cmd_lift(Exec *e, Words *w);
GvStatus Cmd_outcome(Exec *e, Words *w);
GvStatus Cmd_deadline(Exec *e, Words *w);
GvStatus Cmd_action(Exec *e, Words *w);
GvStatus Cmd_done(Exec *e, Words *w);
GvStatus Cmd_close(Exec *e, Words *w);
GvStatus Cmd_paragraph(Exec *e, Words *w);
GvStatus Cmd_group(Exec *e, Words *w);
GvStatus Cmd_edit(Exec *e, Words *w);
GvStatus Cmd_speaker(Exec *e, Words *w);
GvStatus Cmd_delete(Exec *e, Words *w);
GvStatus Cmd_move(Exec *e, Words *w);

static inline GvStatus Cmd_check_quotes(Exec *e, const Words *w, size_t upto) {
   return w->open_quote < upto ? Cmd_open_quote(e, w) : GV_OK;
}

static inline void Cmd_put_code(Exec *e, size_t idx) {
   if (!e->canon->failed)   /* a replay keeps no canonical text */
      Cmd_put_code_text(e, idx);
}

static inline void Cmd_uuid(const Exec *e, char out[37]) {
   /* As snprintf(out, 37, "%s", e->uuid), without its cost on every replayed line. */
   if (e->uuid_whole) {   /* read in the line: no NUL after it there */
      memcpy(out, e->uuid, 36);
      out[36] = '\0';
      return;
   }
   Cmd_uuid_copy(e, out);
}

static inline void Cmd_end_speaker(Exec *e) {
   Floor *f = &e->s->floor;
   if (f->speaking == GV_NONE)
      return;
   SessionCopy_touch(e->s, f->speaking);
   Intervention *iv = &f->list[f->speaking];
   iv->end = e->time < iv->start ? iv->start : e->time;
   f->speaking = GV_NONE;
}

static inline bool Cmd_said_append(Item *it, GvSaidKind kind, size_t index) {
   Said *s = Util_grow(it->said, &it->said_cap, it->nsaid, sizeof *s);
   if (!s)
      return false;
   it->said = s;
   it->said[it->nsaid++] = (Said){ kind, index };
   return true;
}

static inline GvStatus Cmd_current(Exec *e, size_t *idx) {
   *idx = e->s->agenda.current;
   return *idx == GV_NONE ? Cmd_no_current(e) : GV_OK;
}

static inline size_t Cmd_note_target(const Exec *e) {
   const Session *s = e->s;
   if (s->floor.speaking != GV_NONE)
      return s->floor.speaking;
   if (s->agenda.current != GV_NONE) {
      const Item *it = &s->agenda.items[s->agenda.current];
      if (it->ninterventions)
         return it->interventions[it->ninterventions - 1];
   }
   return GV_NONE;
}

#endif
