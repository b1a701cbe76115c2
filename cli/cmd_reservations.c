/* gavel reservations [--open] [--delegation CODE] [--dossier NAME]: every
 * reservation across the archive, followed from meeting to meeting on the
 * same file (its dossier, model/dossier.h): where it was entered, where it
 * was last maintained or lifted. --open keeps those still standing at the
 * latest meeting that dealt with them. */
#include "cli/cmd_reservations.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/archive_collect.h"
#include "cli/table.h"
#include "model/date.h"
#include "model/visible.h"

static const char CmdReservations_usage[] =
   "usage: gavel reservations [--open] [--delegation CODE] [--dossier NAME|REF] [--format text|csv|json]\n";

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
   size_t *idx = ArchiveItems_sorted(&ai, true);
   static const char *const head[] = { "delegation", "reservation", "dossier", "entered",
                                       "last", "status", "text", "item", "path" };
   Table t;
   Table_init(&t, 9, head);
   for (size_t at = 0; idx && at < ai.nres;) {
      size_t end = ArchiveItems_chainEnd(&ai, idx, ai.nres, at, true);
      const ArchRecord *first = &ai.res[idx[at]], *last = &ai.res[idx[end - 1]];
      const ArchItem *fi = &ai.items[first->item], *li = &ai.items[last->item];
      at = end;
      bool standing = last->status != GV_RESERVE_LIFTED;
      if ((openOnly && !standing) || (deleg && strcasecmp(deleg, first->code) != 0) ||
          (group != GV_NONE && fi->group != group))
         continue;
      char entered[11] = "", lastDay[11] = "", lastCell[64];
      if (fi->day != GV_NO_DAY)
         Date_format_iso(fi->day, entered);
      if (li->day != GV_NO_DAY)
         Date_format_iso(li->day, lastDay);
      /* A reservation re-entered in a later meeting reads as maintained there. */
      const char *how = end - 1 > (size_t)0 && last != first && last->status == GV_RESERVE_ENTERED
                           ? "maintained" : GvReserveStatus_word(last->status);
      snprintf(lastCell, sizeof lastCell, "%s %s", how, lastDay);
      const char *text = last->text[0] ? last->text : first->text;
      char item[512];
      snprintf(item, sizeof item, "%s %s", li->num, li->title);
      const char *cells[9] = { first->code, GvReserveType_word((GvReserveType)first->kind),
                               ArchiveItems_label(&ai, fi->group), entered,
                               last == first && last->status == GV_RESERVE_ENTERED ? "" : lastCell,
                               standing ? "standing" : "lifted", text, item, li->path };
      Table_add(&t, cells);
   }
   Table_print(&t, stdout, f, isatty(1));
   Table_free(&t);
   free(idx);
   ArchiveItems_free(&ai);
   return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
