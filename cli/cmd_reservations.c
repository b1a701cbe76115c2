/* gavel reservations [--open] [--delegation CODE] [--dossier NAME]: every
 * reservation across the archive, followed from meeting to meeting on the
 * same file (its dossier, model/dossier.h): where it was entered, where it
 * was last maintained or lifted. --open keeps those still standing at the
 * latest meeting that dealt with them. */
#include "cli/cmd_reservations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/archive_collect.h"
#include "cli/table.h"
#include "render/archive_report.h"
#include "model/visible.h"

static const char CmdReservations_usage[] =
   "usage: gavel reservations [--open] [--delegation CODE] [--dossier NAME|REF] [--format text|csv|json]\n";

static void CmdReservations_row(void *ud, const char *const cells[9]) {
   Table_add(ud, cells);
}

int CmdReservations_run(const CliEnv *env, int argc, char **argv) {
   const char *deleg = NULL, *dossier = NULL, *format = NULL;
   bool openOnly = false;
   for (int i = 1; i < argc; i++) {
      const char *a = argv[i];
      const char **slot = strcmp(a, "--delegation") == 0 ? &deleg
                          : strcmp(a, "--dossier") == 0  ? &dossier
                          : strcmp(a, "--format") == 0   ? &format
                                                         : NULL;
      if (slot) {
         if (i + 1 >= argc)
            return Cli_usage(env, "reservations: %s needs a value", a);
         *slot = argv[++i];
      } else if (strcmp(a, "--open") == 0) {
         openOnly = true;
      } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
         fputs(CmdReservations_usage, stdout);
         return CLI_OK;
      } else {
         return Cli_usage(env, "reservations: unexpected '%s' (try 'gavel reservations --help')", a);
      }
   }
   TableFormat f;
   if (Table_parseFormat(format, &f) != 0)
      return Cli_usage(env, "reservations: unknown format '%s' (text, csv, json)", format);
   ArchiveItems ai;
   if (ArchiveCollect_items(env, &ai) != 0) {
      ArchiveItems_free(&ai);
      return CLI_FAIL;
   }
   size_t group = GV_NONE;
   if (dossier && (group = ArchiveItems_group(&ai, dossier)) == GV_NONE) {
      ArchiveItems_free(&ai);
      char *v = Visible_dup(dossier, 0);
      Cli_fail(env, "reservations: no dossier or document '%s' in the archive", v ? v : "");
      free(v);
      return CLI_FAIL;
   }
   static const char *const head[] = { "delegation", "reservation", "dossier", "entered",
                                       "last", "status", "text", "item", "path" };
   Table t;
   Table_init(&t, 9, head);
   ArchiveReport_reservations(&ai, openOnly, deleg, group, CmdReservations_row, &t);
   Table_print(&t, stdout, f, isatty(1));
   Table_free(&t);
   ArchiveItems_free(&ai);
   return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
