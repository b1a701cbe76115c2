/* A deep copy of a session's state (model/ only): what undo checkpoints
 * keep. Intervention notes are shared, not copied (Notes_share). */
#ifndef GAVEL_MODEL_SESSION_COPY_H
#define GAVEL_MODEL_SESSION_COPY_H

#include <stdbool.h>

#include "model/session.h"

/* Copies meta, roster, agenda, floor, records, clock, last time and roster
 * name of src into dst, whose state must be empty (as Session_new leaves
 * it); neither the journal nor the uuid. False on ENOMEM: dst then holds a
 * part of the copy, which clearing its state frees. */
bool SessionCopy_state(Session *dst, const Session *src);

#endif
