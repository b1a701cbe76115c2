/* gavel said CODE [--since DATE]: everything one delegation said, meeting
 * by meeting (oldest first), item by item: its interventions, its position
 * and its reservations (render/archive_said.h). What a chair reads before
 * the next meeting. */
#include "cli/cmd_said.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/archive_scan.h"
#include "model/visible.h"
#include "render/archive_digest.h"
#include "render/archive_said.h"

typedef struct SaidReport {
   ArchiveSaid w;
   DayRange range;
} SaidReport;

static void Said_visit(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   SaidReport *r = ud;
   if (ArchiveCli_inRange(&r->range, e->day))
      ArchiveSaid_digest(&r->w, e->day, e->body, e->path, d);
}

int CmdSaid_run(const CliEnv *env, int argc, char **argv) {
   SaidReport w;
   memset(&w, 0, sizeof w);
   w.range = (DayRange){ GV_NO_DAY, GV_NO_DAY };
   const char *code = NULL;
   for (int i = 1; i < argc; i++) {
      int r = ArchiveCli_dateOption(env, argc, argv, &i, &w.range);
      if (r < 0)
         return CLI_USAGE;
      if (r > 0)
         continue;
      if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
         fputs("usage: gavel said CODE [--since DATE] [--until DATE]\n", stdout);
         return CLI_OK;
      }
      if (argv[i][0] == '-' || code)
         return Cli_usage(env, "said: unexpected '%s' (gavel said CODE [--since DATE])", argv[i]);
      code = argv[i];
   }
   if (!code)
      return Cli_usage(env, "said needs a delegation CODE (gavel said FR)");
   ArchiveSaid_init(&w.w, code);
   Archive a;
   ArchiveScan how = { .today = ArchiveCli_today(), .digest = ArchiveDigest_build,
                       .visitDigest = Said_visit, .digest_version = ARCHIVE_DIGEST_VERSION,
                       .digest_types = "IVPR",
                       .ud = &w };
   int rc = CLI_FAIL;
   if (ArchiveCli_scan(env, &a, &how) == 0) {
      ArchiveCli_reportProblems(env, &a);
      GvBuf text = GV_BUF_INIT;
      ArchiveSaid_text(&w.w, &text);
      fwrite(text.data ? text.data : "", 1, text.len, stdout);
      GvBuf_free(&text);
      if (!w.w.found) {
         char *v = Visible_dup(code, 0);
         fprintf(stderr, "%s: nothing recorded for %s\n", env->progname, v ? v : "");
         free(v);
      }
      rc = w.w.found && fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
      Archive_free(&a);
   }
   ArchiveSaid_free(&w.w);
   return rc;
}
