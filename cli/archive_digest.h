/* What the archive commands keep of each session in the cache
 * (storage/archive.h, ArchiveDigest): one digest for list, actions,
 * dossier and reservations, so that any of them fills the cache for all.
 *   'I' item:        number, title, dossier tag, outcome ("agreed: text"), documents,
 *                    dossier keys (\x1f-separated), notes, requested by (code)
 *   'V' intervention: item (index among the 'I' records), code, start (HH:MM), notes
 *   'P' position:    item, code, stance, text
 *   'R' reservation: item, code, type, status, text
 *   'A' action row:  the fields of an ActionRow (render/actions.h), in order
 * Every text a search or `said` looks at is here, so those read the cache too. */
#ifndef GAVEL_CLI_ARCHIVE_DIGEST_H
#define GAVEL_CLI_ARCHIVE_DIGEST_H

#include "render/actions.h"
#include "storage/archive.h"

/* Names the format above: change it when the records change. */
#define ARCHIVE_DIGEST_VERSION "gavel-digest-2"

/* The ArchiveScan.digest callback. */
void ArchiveDigestCli_build(void *ud, const ArchiveEntry *e, const Session *s, ArchiveDigest *out);
enum { DIGEST_ITEM_FIELDS = 8, DIGEST_ROW_FIELDS = 14 };

/* Adds the 'A' records of d to l (openOnly: not the actions done). */
void ArchiveDigestCli_actions(const ArchiveDigest *d, ActionList *l, int openOnly);

#endif
