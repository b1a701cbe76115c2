/* gavel list: the sessions of the archive, newest first, one row each:
 * date, body, document number, items, interventions, open actions, path,
 * and the problem of a file that did not open cleanly (listed all the same). */
#include "cli/cmd_list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "render/archive_digest.h"
#include "cli/archive_scan.h"
#include "cli/table.h"
#include "model/date.h"
#include "model/match.h"

static const char CmdList_usage[] =
   "usage: gavel list [--since DATE] [--until DATE] [--body TEXT] [--format text|csv|json]\n"
   "  the sessions of the archive, newest first\n";

int CmdList_run(const CliEnv *env, int argc, char **argv) {
   DayRange range = { GV_NO_DAY, GV_NO_DAY };
   const char *body = NULL, *format = NULL;
   for (int i = 1; i < argc; i++) {
      int r = ArchiveCli_dateOption(env, argc, argv, &i, &range);
      if (r < 0)
         return CLI_USAGE;
      if (r > 0)
         continue;
      if ((strcmp(argv[i], "--body") == 0 || strcmp(argv[i], "--format") == 0) && i + 1 < argc) {
         *(argv[i][2] == 'b' ? &body : &format) = argv[i + 1];
         i++;
      } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
         fputs(CmdList_usage, stdout);
         return CLI_OK;
      } else {
         return Cli_usage(env, "list: unexpected '%s' (try 'gavel list --help')", argv[i]);
      }
   }
   TableFormat f;
   if (Table_parseFormat(format, &f) != 0)
      return Cli_usage(env, "list: unknown format '%s' (text, csv, json)", format);
   MatchQuery q = { 0 };
   char msg[128];
   if (body && MatchQuery_parse(&q, body, strlen(body), msg, sizeof msg) != GV_OK)
      return Cli_usage(env, "list: --body: %s", msg);

   Archive a;
   /* The digest fills the cache that the next list reads instead of the files. */
   ArchiveScan how = { .today = ArchiveCli_today(), .digest = ArchiveDigest_build,
                       .digest_version = ARCHIVE_DIGEST_VERSION };
   if (ArchiveCli_scan(env, &a, &how) != 0) {
      MatchQuery_free(&q);
      return CLI_FAIL;
   }
   static const char *const head[] = { "date", "body", "document", "items", "interventions",
                                       "open actions", "path", "problem" };
   Table t;
   Table_init(&t, 8, head);
   GvBuf scratch = GV_BUF_INIT;
   for (size_t i = 0; i < a.count; i++) {
      const ArchiveEntry *e = &a.entries[i];
      if (!ArchiveCli_inRange(&range, e->day))
         continue;
      if (body && !(e->body && Match_text(&q, e->body, strlen(e->body), &scratch, NULL, 0, NULL)))
         continue;
      char date[11] = "", items[24] = "", ivs[24] = "", open[24] = "";
      if (e->day != GV_NO_DAY)
         Date_format_iso(e->day, date);
      if (e->state != ARCHIVE_UNREADABLE) {
         snprintf(items, sizeof items, "%zu", e->items);
         snprintf(ivs, sizeof ivs, "%zu", e->interventions);
         snprintf(open, sizeof open, "%zu", e->open_actions);
      }
      const char *cells[8] = { date, e->body, e->docno, items, ivs, open, e->path, e->problem };
      if (!Table_add(&t, cells)) {
         Cli_fail(env, "list: out of memory");
         break;
      }
   }
   GvBuf_free(&scratch);
   MatchQuery_free(&q);
   Table_print(&t, stdout, f, isatty(1));
   Table_free(&t);
   Archive_free(&a);
   return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
