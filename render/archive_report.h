/* The dossier report and the reservations board over the archive's items
 * (render/archive_items.h): `gavel dossier` and `gavel reservations` print
 * them, the live screen's dossier view and reservations board show them. */
#ifndef GAVEL_RENDER_ARCHIVE_REPORT_H
#define GAVEL_RENDER_ARCHIVE_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "render/archive_items.h"

/* Every item of the dossier group, oldest first, with its outcome; then
 * each delegation's latest position and the reservations still standing.
 * false when memory ran out. */
bool ArchiveReport_dossier(FILE *out, ArchiveItems *ai, size_t group);

/* One row per reservation followed across meetings: delegation, type,
 * dossier, entered, last (maintained/lifted DATE, "" if never again),
 * standing|lifted, text, item, path. openOnly: the standing ones; deleg
 * (or NULL) and group (or GV_NONE) narrow it. */
enum { RESERVATION_CELLS = 9 };
void ArchiveReport_reservations(ArchiveItems *ai, bool openOnly, const char *deleg, size_t group,
                                void (*row)(void *ud, const char *const cells[9]), void *ud);

#endif
