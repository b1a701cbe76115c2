#include "cli/archive_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model/date.h"
#include "model/visible.h"

int ArchiveCli_dateOption(const CliEnv *env, int argc, char **argv, int *i, DayRange *r) {
   const char *a = argv[*i];
   int64_t *slot = strcmp(a, "--since") == 0 ? &r->since : strcmp(a, "--until") == 0 ? &r->until : NULL;
   if (!slot)
      return 0;
   if (*i + 1 >= argc) {
      Cli_usage(env, "%s needs a DATE (YYYY-MM-DD)", a);
      return -1;
   }
   const char *v = argv[++*i];
   char msg[256];
   if (Date_parse(v, strlen(v), ArchiveCli_today(), slot, msg, sizeof msg) != GV_OK) {
      char *vis = Visible_dup(v, 0);
      Cli_usage(env, "%s: '%s': %s", a, vis ? vis : "", msg);
      free(vis);
      return -1;
   }
   return 1;
}

bool ArchiveCli_inRange(const DayRange *r, int64_t day) {
   if (r->since != GV_NO_DAY && (day == GV_NO_DAY || day < r->since))
      return false;
   if (r->until != GV_NO_DAY && (day == GV_NO_DAY || day > r->until))
      return false;
   return true;
}

int64_t ArchiveCli_today(void) {
   const char *sde = getenv("SOURCE_DATE_EPOCH");
   time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
   struct tm tm;
   localtime_r(&t, &tm);
   return Date_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday);
}

static void ArchiveCli_progress(void *ud, size_t done, size_t total) {
   (void)ud;
   /* Only a long scan is worth a line; and it is cleared at the end. */
   if (total < 200)
      return;
   if (done == total)
      fputs("\r\033[K", stderr);
   else if (done % 50 == 0)
      fprintf(stderr, "\rreading the archive: %zu of %zu sessions", done, total);
}

int ArchiveCli_scan(const CliEnv *env, Archive *a, ArchiveScan *how) {
   char err[4200];
   how->datadir = env->datadir;
   how->progress = isatty(2) ? ArchiveCli_progress : NULL;
   if (Archive_scan(a, how, err, sizeof err) != 0) {
      Cli_fail(env, "%s", err);
      Archive_free(a);
      return -1;
   }
   return 0;
}

size_t ArchiveCli_reportProblems(const CliEnv *env, const Archive *a) {
   size_t bad = 0;
   for (size_t i = 0; i < a->count; i++) {
      const ArchiveEntry *e = &a->entries[i];
      if (!e->problem)
         continue;
      char *v = Visible_dup(e->problem, 0);
      fprintf(stderr, "%s: %s%s\n", env->progname,
              e->state == ARCHIVE_UNREADABLE ? "" : "warning: ", v ? v : "");
      free(v);
      bad += e->state == ARCHIVE_UNREADABLE;
   }
   return bad;
}
