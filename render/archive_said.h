/* Everything one delegation said, meeting by meeting (oldest first), item
 * by item: its interventions, its positions and its reservations, from the
 * sessions' digests (render/archive_digest.h). `gavel said` prints it; the
 * live screen's delegation view shows it, for one meeting or the archive.
 *
 *   ArchiveSaid w;  ArchiveSaid_init(&w, "FR");
 *   ... ArchiveSaid_digest(&w, day, body, path, d) for each session
 *   ArchiveSaid_text(&w, &out);   the report, all visible
 *   ArchiveSaid_free(&w); */
#ifndef GAVEL_RENDER_ARCHIVE_SAID_H
#define GAVEL_RENDER_ARCHIVE_SAID_H

#include <stddef.h>
#include <stdint.h>

#include "model/buf.h"
#include "model/digest.h"

typedef struct ArchiveSaid {
   const char *code;      /* a unit (COM/HOME) speaks for its parent (COM) too */
   GvBuf out;             /* per session, in the order given */
   struct SaidPart { int64_t day; size_t from, to; } *parts;
   size_t nparts, cap;
   size_t found;          /* records of this delegation */
} ArchiveSaid;

void ArchiveSaid_init(ArchiveSaid *w, const char *code);
/* Takes one session's records of the delegation, under a line naming the
 * meeting (date, body, path: path NULL leaves it out). */
void ArchiveSaid_digest(ArchiveSaid *w, int64_t day, const char *body, const char *path,
                        const ArchiveDigest *d);
/* The meetings oldest first into out. */
void ArchiveSaid_text(ArchiveSaid *w, GvBuf *out);
void ArchiveSaid_free(ArchiveSaid *w);

#endif
