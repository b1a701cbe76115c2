/* Interventions: who spoke, on which item, from when to when, what they said
 * and which document they presented. The floor queue itself lives in each
 * Item (agenda.h); the speaker is the running intervention. */
#ifndef GAVEL_MODEL_FLOOR_H
#define GAVEL_MODEL_FLOOR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/docref.h"

/* The flags fill the uuid's last word: 136 bytes, not 160 (one a speaker). */
typedef struct Intervention {
   char uuid[37];          /* the uuid of the event that gave the floor */
   bool point_of_order;    /* the floor came from a point of order */
   bool has_doc;
   bool deleted;           /* `delete REF`: off the record and the statistics */
   size_t item;            /* agenda index */
   size_t delegation;      /* roster index: the unit (COM/HOME) when a unit spoke */
   int64_t start;
   int64_t end;            /* GV_NO_TIME while it runs */
   char *notes;            /* UTF-8, any length; "" when none (never NULL) */
   size_t notes_len;
   DocRef doc;             /* the document presented, when has_doc */
} Intervention;

typedef struct Floor {
   Intervention *list;     /* every intervention, in speaking order */
   size_t count, cap;
   size_t speaking;        /* index of the running one, or GV_NONE */
} Floor;

/* Seconds spoken: end - start, or now - start while it runs. */
int64_t Intervention_duration(const Intervention *iv, int64_t now);

/* For model/ only. */
void Floor_init(Floor *f);
void Floor_clear(Floor *f);

/* Intervention notes, most of a meeting's memory, are shared between the
 * session and its undo checkpoints (model/checkpoint.c) until one of them
 * changes them: a count of holders sits before the text. Only these make,
 * change and free them. False / NULL on ENOMEM (the notes unchanged). */
char *Notes_new(const char *text, size_t n);
/* Room for a piece of at most room bytes after the notes, owned by this
 * holder: where to write it (after the newline to come), *len set to the
 * length before it. Notes_commit then ends the notes after the n bytes
 * written (n == 0: the text unchanged). NULL on ENOMEM. */
char *Notes_grow(char **notes, size_t *len, size_t room);
void Notes_commit(char **notes, size_t *len, size_t n);
/* Replaces the notes whole with a copy of text. */
bool Notes_set(char **notes, size_t *len, const char *text, size_t n);
/* One more holder of the same notes (returned). */
char *Notes_share(char *notes);
void Notes_release(char *notes);

#endif
