/* Interventions: who spoke, on which item, from when to when, what they said
 * and which document they presented. The floor queue itself lives in each
 * Item (agenda.h); the speaker is the running intervention. */
#ifndef GAVEL_MODEL_FLOOR_H
#define GAVEL_MODEL_FLOOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/buf.h"
#include "model/docref.h"

/* An intervention's notes ("" when none), most of a meeting's memory. A
 * note replayed from the file that the session holds (Session_hold_text)
 * stays a slice of that text, and the notes of an intervention are then a
 * list of such slices, joined by newlines when read; notes typed, edited, or
 * written with escapes in the file are text of their own. Text of their own
 * and lists are shared between the session and its undo checkpoint (a count
 * of holders before them) until one of them changes them. Read them only
 * with Notes_text and Notes_len; only the Notes_* functions change them. */
typedef struct Notes {
   void *at;               /* by form (model/floor.c) */
   uint32_t len;           /* the text's length, the pieces joined */
   uint32_t form;
} Notes;

/* The text, NUL-ended: in place when it is one piece, else the pieces joined
 * into scratch (emptied first; valid until it is used again). "" with
 * scratch->failed set when the memory to join them is missing. */
const char *Notes_text(const Notes *n, GvBuf *scratch);
static inline size_t Notes_len(const Notes *n) {
   return n->len;
}

/* The flags fill the uuid's last word, the notes take 16 bytes and the
 * document presented a pointer: 96 bytes (one a speaker). */
typedef struct Intervention {
   char uuid[37];          /* the uuid of the event that gave the floor */
   bool point_of_order;    /* the floor came from a point of order */
   bool has_doc;
   bool deleted;           /* `delete REF`: off the record and the statistics */
   size_t item;            /* agenda index */
   size_t delegation;      /* roster index: the unit (COM/HOME) when a unit spoke */
   int64_t start;
   int64_t end;            /* GV_NO_TIME while it runs */
   Notes notes;            /* UTF-8, any length: read with Notes_text */
   DocRef *doc;            /* the document presented, when has_doc (else NULL):
                            * most interventions present none */
} Intervention;

typedef struct Floor {
   Intervention *list;     /* every intervention, in speaking order */
   size_t count, cap;
   size_t speaking;        /* index of the running one, or GV_NONE */
   unsigned long gen;      /* one more at every Floor_clear */
   /* An undo checkpoint's floor (model/session_copy.c) has no list: it is
    * the first `count` interventions of its session's floor of generation
    * `gen`, except those changed since, kept in before[] as they were
    * (before[k] is intervention at[k]; changed has a bit for each). */
   bool borrowed;
   Intervention *before;
   size_t *at;
   size_t nbefore, before_cap;
   unsigned char *changed;
} Floor;

/* Seconds spoken: end - start, or now - start while it runs. */
int64_t Intervention_duration(const Intervention *iv, int64_t now);

/* For model/ only. */
void Floor_init(Floor *f);
void Floor_clear(Floor *f);
/* Frees what an intervention owns (its notes, its document). */
void Intervention_release(Intervention *iv);

/* For model/ only: what makes, changes and frees notes. False / NULL on
 * ENOMEM, the notes unchanged. */
void Notes_init(Notes *n);
/* One more note, text[0..len) (len > 0): a slice of the text the session
 * holds, which will be NUL at text[len] before anyone reads it (the end of
 * the line Journal_append keeps in place). */
bool Notes_add_slice(Notes *n, const char *text, size_t len);
/* Room for a note of at most room bytes after the notes, in text of their
 * own (pieces and shared text are copied first): where to write it, after
 * the newline to come. Notes_commit then ends the notes after the n bytes
 * written (n == 0: the text unchanged). */
char *Notes_grow(Notes *n, size_t room);
void Notes_commit(Notes *n, size_t written);
/* Replaces the notes whole: with a copy of text, or with a slice of the held
 * text (as for Notes_add_slice). */
bool Notes_set(Notes *n, const char *text, size_t len);
bool Notes_set_slice(Notes *n, const char *text, size_t len);
/* For the state image: notes that are a list of slices (joined when read)
 * have Notes_piece_count() > 0 pieces, each NUL-ended text; other notes
 * have 0, and their one text is Notes_piece(n, 0). */
size_t Notes_piece_count(const Notes *n);
const char *Notes_piece(const Notes *n, size_t i);
/* For the state image: notes that are one slice (Notes_set_slice) made a
 * list with room for count pieces in all, so that the count - 1
 * Notes_add_slice to come take no allocation each. False on ENOMEM (the
 * notes unchanged) or when n is not one slice. */
bool Notes_reserve_pieces(Notes *n, size_t count);
/* One more holder of the same notes. */
Notes Notes_share(const Notes *n);
void Notes_release(Notes *n);

#endif
