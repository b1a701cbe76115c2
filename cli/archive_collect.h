/* The archive's items grouped into dossiers (render/archive_items.h), read
 * by one scan of the archive: for `gavel dossier` and `gavel reservations`. */
#ifndef GAVEL_CLI_ARCHIVE_COLLECT_H
#define GAVEL_CLI_ARCHIVE_COLLECT_H

#include "cli/cli.h"
#include "render/archive_items.h"

/* Scans (problems reported on stderr) and groups. 0, or -1 after a message;
 * ArchiveItems_free it either way. */
int ArchiveCollect_items(const CliEnv *env, ArchiveItems *ai);

#endif
