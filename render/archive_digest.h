/* What the archive views keep of each session (model/digest.h), in the
 * archive cache (storage/archive.h): one digest for list, search, said,
 * actions, dossier and reservations, on the command line and on the live
 * screen alike, so that any of them fills the cache for all. Pass
 * ArchiveDigest_build as ArchiveScan.digest with ARCHIVE_DIGEST_VERSION.
 *   'I' item:        number, title, dossier tag, outcome ("agreed: text"), documents,
 *                    dossier keys (\x1f-separated), notes, requested by (code)
 *   'V' intervention: item (index among the 'I' records), code, start (HH:MM), notes, uuid
 *   'P' position:    item, code, stance, text, uuid
 *   'R' reservation: item, code, type, status, text, uuid
 * (the uuid of the journal event that recorded it: where a search hit opens)
 *   'A' action row:  the fields of an ActionRow (render/actions.h), in order
 * Every text a search or `said` looks at is here, so those read the cache too. */
#ifndef GAVEL_RENDER_ARCHIVE_DIGEST_H
#define GAVEL_RENDER_ARCHIVE_DIGEST_H

#include "model/digest.h"
#include "model/session.h"
#include "render/actions.h"

/* Names the format above: change it when the records change. */
#define ARCHIVE_DIGEST_VERSION "gavel-digest-3"

/* The digest of a session (the ArchiveScan.digest callback). */
void ArchiveDigest_build(const Session *s, ArchiveDigest *out);
enum {
   DIGEST_ITEM_FIELDS = 8,
   DIGEST_V_FIELDS = 5,
   DIGEST_P_FIELDS = 5,
   DIGEST_R_FIELDS = 6,
   DIGEST_ROW_FIELDS = 14,
};

/* Adds the 'A' records of d to l (openOnly: not the actions done). */
void ArchiveDigest_actions(const ArchiveDigest *d, ActionList *l, int openOnly);

#endif
