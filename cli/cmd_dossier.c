/* gavel dossier NAME|REF: every item on one file across meetings, oldest
 * first, with its outcome; then each delegation's latest position and the
 * reservations still standing. An item is on the file by its tag or by a
 * document it shares with an item already on it (model/dossier.h). */
#include "cli/cmd_dossier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/archive_collect.h"
#include "model/date.h"
#include "model/visible.h"

static int CmdDossier_items(const void *x, const void *y) {
   const ArchItem *a = *(const ArchItem *const *)x, *b = *(const ArchItem *const *)y;
   if (a->day != b->day)
      return a->day < b->day ? -1 : 1;
   return (a->seq > b->seq) - (a->seq < b->seq);
}

static void CmdDossier_day(int64_t day, char out[11]) {
   if (day == GV_NO_DAY)
      snprintf(out, 11, "(no date)");
   else
      Date_format_iso(day, out);
}

int CmdDossier_run(const CliEnv *env, int argc, char **argv) {
   if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
      fputs("usage: gavel dossier NAME|REF\n"
            "  every item on one file across meetings: by its dossier tag or a shared document\n",
            stdout);
      return CLI_OK;
   }
   if (argc != 2 || argv[1][0] == '-')
      return Cli_usage(env, "usage: gavel dossier NAME|REF");
   ArchiveItems ai;
   if (ArchiveCollect_items(env, &ai) != 0) {
      ArchiveItems_free(&ai);
      return CLI_FAIL;
   }
   size_t group = ArchiveItems_group(&ai, argv[1]);
   if (group == GV_NONE) {
      char *v = Visible_dup(argv[1], 0);
      Cli_fail(env, "dossier: no dossier or document '%s' in the archive", v ? v : "");
      free(v);
      ArchiveItems_free(&ai);
      return CLI_FAIL;
   }
   const ArchItem **mine = malloc((ai.nitems + 1) * sizeof *mine);
   size_t n = 0;
   for (size_t i = 0; mine && i < ai.nitems; i++)
      if (ai.items[i].group == group)
         mine[n++] = &ai.items[i];
   if (!mine) {
      ArchiveItems_free(&ai);
      return Cli_fail(env, "dossier: out of memory");
   }
   qsort(mine, n, sizeof *mine, CmdDossier_items);
   char day[11];
   printf("Dossier: %s (%zu item%s)\n\n", ArchiveItems_label(&ai, group), n, n == 1 ? "" : "s");
   for (size_t i = 0; i < n; i++) {
      const ArchItem *a = mine[i];
      CmdDossier_day(a->day, day);
      printf("%s  %s  %s %s\n", day, a->body ? a->body : "", a->num, a->title);
      if (a->docs[0])
         printf("    documents: %s\n", a->docs);
      if (a->tag)
         printf("    dossier: %s\n", a->tag);
      printf("    outcome: %s\n", a->outcome[0] ? a->outcome : "none recorded");
   }
   size_t *pos = ArchiveItems_sorted(&ai, false);
   bool any = false;
   for (size_t at = 0; pos && at < ai.npos;) {
      size_t end = ArchiveItems_chainEnd(&ai, pos, ai.npos, at, false);
      const ArchRecord *last = &ai.pos[pos[end - 1]];
      at = end;
      if (ai.items[last->item].group != group)
         continue;
      if (!any)
         printf("\nLatest positions\n");
      any = true;
      CmdDossier_day(ai.items[last->item].day, day);
      printf("  %-8s %-10s %s  %s\n", last->code, GvStance_word((GvStance)last->kind), day, last->text);
   }
   free(pos);
   size_t *res = ArchiveItems_sorted(&ai, true);
   any = false;
   for (size_t at = 0; res && at < ai.nres;) {
      size_t end = ArchiveItems_chainEnd(&ai, res, ai.nres, at, true);
      const ArchRecord *first = &ai.res[res[at]], *last = &ai.res[res[end - 1]];
      at = end;
      if (ai.items[last->item].group != group || last->status == GV_RESERVE_LIFTED)
         continue;
      if (!any)
         printf("\nStanding reservations\n");
      any = true;
      char since[11];
      CmdDossier_day(ai.items[first->item].day, since);
      CmdDossier_day(ai.items[last->item].day, day);
      printf("  %-8s %-13s entered %s, last %s  %s\n", first->code,
             GvReserveType_word((GvReserveType)first->kind), since, day,
             last->text[0] ? last->text : first->text);
   }
   free(res);
   free(mine);
   ArchiveItems_free(&ai);
   return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
