/* The first pass of a load (model/ only): which units a whole file leaves
 * in force, from the record types and the undo/redo lines alone. */
#ifndef GAVEL_MODEL_SESSION_AHEAD_H
#define GAVEL_MODEL_SESSION_AHEAD_H

#include <stdbool.h>
#include <stddef.h>

typedef struct SessionAhead SessionAhead;

/* NULL when out of memory (the load then rebuilds at its end, as without). */
SessionAhead *SessionAhead_new(void);
void SessionAhead_free(SessionAhead *a);
/* One line of the file, in order (a trailing '\n' allowed). */
void SessionAhead_line(SessionAhead *a, const char *line, size_t len);
/* What a line is to the pass (SESSION_AHEAD_*, session.h), read from it
 * alone: any thread may ask. */
unsigned char SessionAhead_kind(const char *line, size_t len);
/* The same as SessionAhead_line for a line of that kind; for n lines of
 * kinds[0..n). */
void SessionAhead_add(SessionAhead *a, unsigned char kind);
void SessionAhead_add_all(SessionAhead *a, const unsigned char *kinds, size_t n);
/* Moves the entries a load left unapplied from one pass to another. */
void SessionAhead_move_skipped(SessionAhead *to, SessionAhead *from);
/* The pass is over: frees its stacks (a word a unit), keeping what the
 * questions below need. Lines given after it are ignored. */
void SessionAhead_done(SessionAhead *a);
/* After the last line: does the unit of this ordinal (0, 1, ... among the
 * units of the file) end in force? True when the pass ran out of memory. */
static inline bool SessionAhead_unit_in_force(const SessionAhead *a, size_t ordinal);
/* How many units the file leaves in force, or (size_t)-1 when the pass ran
 * out of memory (then the load does without it). */
size_t SessionAhead_in_force(const SessionAhead *a);
/* The load keeps the journal entries of the units it left unapplied, to
 * check at its end that each was undone. False on ENOMEM. */
bool SessionAhead_skip(SessionAhead *a, size_t entry);
const size_t *SessionAhead_skipped(const SessionAhead *a, size_t *count);

/* Its state, here so that the replay's look at every unit is inline. */
struct SessionAhead {
   unsigned char *in_force;   /* per unit ordinal */
   size_t nunits, units_cap;
   size_t *forced, nforced, forced_cap;
   size_t *redo, nredo, redo_cap;
   bool failed;               /* out of memory: no prediction */
   bool done;                 /* SessionAhead_done: the stacks are gone */
   size_t *skipped, nskipped, skipped_cap;   /* entries the load left unapplied */
};

static inline bool SessionAhead_unit_in_force(const SessionAhead *a, size_t ordinal) {
   return !a || a->failed || ordinal >= a->nunits || a->in_force[ordinal];
}

#endif
