/* What the archive commands (list, search, said, dossier, reservations)
 * share: --since/--until, the scan with its progress line, today's date. */
#ifndef GAVEL_CLI_ARCHIVE_SCAN_H
#define GAVEL_CLI_ARCHIVE_SCAN_H

#include <stdbool.h>
#include <stdint.h>

#include "cli/cli.h"
#include "storage/archive.h"

/* --since DATE / --until DATE: a day range, open ends GV_NO_DAY. */
typedef struct DayRange {
   int64_t since, until;
} DayRange;

/* Takes argv[*i] when it is --since or --until (with its value): 1 taken,
 * 0 not this option, -1 after a usage message. */
int ArchiveCli_dateOption(const CliEnv *env, int argc, char **argv, int *i, DayRange *r);
bool ArchiveCli_inRange(const DayRange *r, int64_t day);
/* Today in the local time zone (SOURCE_DATE_EPOCH if set, for tests). */
int64_t ArchiveCli_today(void);
/* Archive_scan with a progress line on stderr when it is a terminal; how's
 * progress is filled in. Prints the error and returns -1 on failure. */
int ArchiveCli_scan(const CliEnv *env, Archive *a, ArchiveScan *how);
/* Prints each problem entry on stderr ("gavel: warning: FILE:LINE: ...");
 * returns how many files could not be read at all. */
size_t ArchiveCli_reportProblems(const CliEnv *env, const Archive *a);

#endif
