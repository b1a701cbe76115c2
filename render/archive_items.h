/* Every item of the archive with its outcome, positions and reservations,
 * grouped into dossiers (model/dossier.h): what `gavel dossier` and `gavel
 * reservations` (and a dossier view or reservations board) read.
 *
 *   ArchiveItems ai;  ArchiveItems_init(&ai);
 *   ... for each session's digest (ArchiveScan.visitDigest, digest_types "IPR"):
 *       ArchiveItems_addDigest(&ai, e->day, e->path, e->body, d);
 *   ArchiveItems_finish(&ai);   then ArchiveItems_group / _sorted / _chainEnd
 *
 * One pass over the digests, then sorts: O(n log n). Every string is made
 * visible (Visible_dup) as it is taken in. */
#ifndef GAVEL_RENDER_ARCHIVE_ITEMS_H
#define GAVEL_RENDER_ARCHIVE_ITEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/digest.h"
#include "model/dossier.h"
#include "model/record.h"

typedef struct ArchItem {
   int64_t day;
   size_t seq;            /* order of collection (file, then agenda order) */
   char *path, *body;     /* the session's (visible) */
   char *num, *title, *outcome, *docs, *tag; /* visible; outcome "agreed: text" or "" */
   size_t group;          /* dossier group (Dossiers_group) */
} ArchItem;

typedef struct ArchRecord {  /* a position or a reservation of one meeting */
   size_t item;           /* index into items */
   char *code;            /* the delegation (visible) */
   int kind;              /* stance or reservation type */
   GvReserveStatus status;
   char *text;            /* visible */
} ArchRecord;

typedef struct ArchiveItems {
   ArchItem *items;   size_t nitems, items_cap;
   ArchRecord *pos;   size_t npos, pos_cap;
   ArchRecord *res;   size_t nres, res_cap;
   Dossiers d;
   const char **labels;   /* per group (an item index): ArchiveItems_label */
   bool nomem;
} ArchiveItems;

void ArchiveItems_init(ArchiveItems *ai);
/* Takes in one session's digest (render/archive_digest.h). */
void ArchiveItems_addDigest(ArchiveItems *ai, int64_t day, const char *path, const char *body,
                            const ArchiveDigest *d);
/* Groups the items into dossiers; false when memory ran out on the way. */
bool ArchiveItems_finish(ArchiveItems *ai);
void ArchiveItems_free(ArchiveItems *ai);
/* The group a NAME (a tag) or a REF (a document) names; GV_NONE if none. */
size_t ArchiveItems_group(ArchiveItems *ai, const char *nameOrRef);
/* A label for a group: its first tag, else its first document, else the title. */
const char *ArchiveItems_label(const ArchiveItems *ai, size_t group);

/* Indexes of the reservations (or positions) sorted by dossier group,
 * delegation, type (reservations only), then date: each run of equal group,
 * delegation and type is one reservation followed across meetings. Free it. */
size_t *ArchiveItems_sorted(const ArchiveItems *ai, bool reservations);
/* The end of the run that starts at idx[at] (n entries in idx). */
size_t ArchiveItems_chainEnd(const ArchiveItems *ai, const size_t *idx, size_t n, size_t at,
                             bool reservations);

#endif
