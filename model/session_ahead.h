/* The first pass of a load (model/ only): which units a whole file leaves
 * in force, from the record types and the undo/redo lines alone. */
#ifndef GAVEL_MODEL_SESSION_AHEAD_H
#define GAVEL_MODEL_SESSION_AHEAD_H

#include <stddef.h>

typedef struct SessionAhead SessionAhead;

/* NULL when out of memory (the load then rebuilds at its end, as without). */
SessionAhead *SessionAhead_new(void);
void SessionAhead_free(SessionAhead *a);
/* One line of the file, in order (a trailing '\n' allowed). */
void SessionAhead_line(SessionAhead *a, const char *line, size_t len);
/* The ordinal (0, 1, ... among the units of the file) of the first unit that
 * ends undone, or (size_t)-1 when none does or the pass ran out of memory.
 * Computed once, at the first call: lines given after it are ignored. */
size_t SessionAhead_first_undone(SessionAhead *a);
/* How many units the file leaves in force, or (size_t)-1 as above. */
size_t SessionAhead_in_force(const SessionAhead *a);

#endif
