/* Marking an action of the archive done: the archive says which session
 * holds the action; `done ID` then goes through that session's normal write
 * path (journaled, fdatasync'ed), so that the live screen, undo and the
 * exports all see it. A session a live gavel is writing is refused: that
 * gavel is the one writer. `gavel done` and the home screen share it. */
#ifndef GAVEL_STORAGE_ARCHIVE_DONE_H
#define GAVEL_STORAGE_ARCHIVE_DONE_H

#include <stddef.h>

/* Marks the action id (full uuid or unique prefix) done in its session:
 * 0 with the session's path in path; -1 with msg (no such action, the
 * session is locked by a live gavel, the command was refused). */
int ArchiveDone_mark(const char *datadir, const char *id, char *path, size_t pathlen, char *msg,
                     size_t msglen);

#endif
