/* Agenda files (agendas/NAME.ini, format in doc/gavel-agenda.5): a meeting
 * prepared in advance, turned into the command lines that
 * "gavel new --agenda FILE" runs in the new session:
 *
 *   set body "Horizontal Working Party on Cyber Issues"   (one per [meeting] key)
 *   roster eu28-2017
 *   item add "Adoption of the agenda" doc "CM 2622/1/17 REV 1"
 *   item add "Cyber toolbox - ..." under 4 doc "8946/17"
 *   set numbering numeric
 *
 * Items are added in file order to an empty agenda, so the file can name each
 * sub-item's parent by its section and the number is worked out here. */
#ifndef GAVEL_STORAGE_AGENDA_FILE_H
#define GAVEL_STORAGE_AGENDA_FILE_H

#include <stddef.h>

#include "storage/ini_commands.h"
#include "storage/paths.h"

/* Appends the command lines of the agenda in buf[0..len) (file called name)
 * to out. roster, if not NULL, replaces the roster the file names (gavel new
 * --roster NAME). 0, or -1 with *errors = every problem as
 * "name:line: message\n..." (free it) and nothing appended. */
int AgendaFile_parse(const char *buf, size_t len, const char *name, const char *roster,
                     IniCommands *out, char **errors);

/* The same for the file at a PATH, or the agenda NAME in the data folders
 * (agendas/NAME.ini, see storage/paths.h; hint may be NULL). */
int AgendaFile_load(const char *name_or_path, const PathsHint *hint, const char *roster,
                    IniCommands *out, char **errors);

#endif
