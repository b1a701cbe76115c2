/* gavel dossier NAME|REF: every item on one file across meetings, oldest
 * first, with its outcome; then each delegation's latest position and the
 * reservations still standing. An item is on the file by its tag or by a
 * document it shares with an item already on it (model/dossier.h). */
#include "cli/cmd_dossier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/archive_collect.h"
#include "render/archive_report.h"
#include "model/visible.h"

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
   if (!ArchiveReport_dossier(stdout, &ai, group)) {
      ArchiveItems_free(&ai);
      return Cli_fail(env, "dossier: out of memory");
   }
   ArchiveItems_free(&ai);
   return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
