/* The copy of a session's state that an undo checkpoint keeps (model/ only).
 * Intervention notes are shared, not copied (Notes_share); the floor is
 * borrowed: the checkpoint keeps only the interventions the session changes
 * after it, as they were (Floor, SessionCopy_touch). */
#ifndef GAVEL_MODEL_SESSION_COPY_H
#define GAVEL_MODEL_SESSION_COPY_H

#include <stdbool.h>

#include "model/session.h"

/* Copies meta, roster, agenda, records, clock, last time and roster name of
 * src into dst, whose state must be empty (as Session_new leaves it), and
 * borrows src's floor; neither the journal nor the uuid. False on ENOMEM:
 * dst then holds a part of the copy, which clearing its state frees. */
bool SessionCopy_state(Session *dst, const Session *src);
/* Does the checkpoint cp still borrow s's floor as it is (not cleared or
 * rebuilt since)? Only then can s go back to it. */
bool SessionCopy_current(const Session *s, const Session *cp);
/* Before s changes intervention i in place: each checkpoint that borrows it
 * keeps it as it was (one without the memory for it is dropped). Inline: a
 * replay without checkpoints (an open read-only) makes no call per line. */
void SessionCopy_touch_held(Session *s, size_t i);
static inline void SessionCopy_touch(Session *s, size_t i) {
   for (size_t c = 0; c < GV_CHECKPOINTS; c++)
      if (s->checkpoints[c].state) {
         SessionCopy_touch_held(s, i);
         return;
      }
}
/* s back to the checkpoint cp: s's state but its floor is empty, its floor
 * the one cp borrows. False when cp is not current (SessionCopy_current) or
 * on ENOMEM: then s's state must be cleared. */
bool SessionCopy_restore(Session *s, Session *cp);
/* The state the checkpoint cp of s stands for, whole, into the empty dst
 * (tests look at it). False when cp is not current or on ENOMEM. */
bool SessionCopy_view(Session *dst, const Session *s, const Session *cp);

#endif
