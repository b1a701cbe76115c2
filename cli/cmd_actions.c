/* gavel actions [SESSION...] [--open] [--owner CODE] [--format md|csv|ics|txt] [-o FILE]
 *
 * Collects the actions and deadlines of the sessions named (read-only, no
 * lock), or of every session in the data folder when none is named, and
 * exports them: a Markdown checklist by owner (default), CSV, iCalendar or
 * plain text. --open leaves out the actions marked done; --owner CODE keeps
 * that delegation's actions and the deadlines that concern it. */
#include "cli/cmd_actions.h"
#include "cli/out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "render/archive_digest.h"
#include "cli/archive_scan.h"
#include "model/session.h"
#include "render/actions.h"
#include "render/actions_csv.h"
#include "render/actions_ics.h"
#include "render/actions_md.h"
#include "render/actions_txt.h"
#include "storage/datadir.h"
#include "storage/sessionfile.h"

typedef enum ActionsFormat { FMT_MD, FMT_CSV, FMT_ICS, FMT_TXT } ActionsFormat;

static const char CmdActions_usage[] =
   "usage: gavel actions [SESSION...] [--open] [--owner CODE] [--format md|csv|ics|txt] [-o FILE]\n"
   "  with no SESSION: every session in the data folder\n"
   "  --open         leave out the actions that are done\n"
   "  --owner CODE   only that delegation's actions (and deadlines for everyone)\n"
   "  --format F     md (default), csv, ics or txt (default from -o's extension)\n"
   "  -o FILE        write FILE (replaced atomically; '-' is standard output)\n";

static int CmdActions_format(const char *s, ActionsFormat *f) {
   if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0)
      *f = FMT_MD;
   else if (strcmp(s, "csv") == 0)
      *f = FMT_CSV;
   else if (strcmp(s, "ics") == 0 || strcmp(s, "ical") == 0 || strcmp(s, "icalendar") == 0)
      *f = FMT_ICS;
   else if (strcmp(s, "txt") == 0 || strcmp(s, "text") == 0)
      *f = FMT_TXT;
   else
      return -1;
   return 0;
}

/* DTSTAMP: now in UTC, or SOURCE_DATE_EPOCH for reproducible output. */
static void CmdActions_stamp(char out[17]) {
   const char *sde = getenv("SOURCE_DATE_EPOCH");
   time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
   struct tm tm;
   gmtime_r(&t, &tm);
   strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

/* Opens one session and adds its rows; 0, or -1 after saying why. */
static int CmdActions_add(const CliEnv *env, ActionList *l, const char *name) {
   char err[1024];
   SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = env->datadir };
   SessionFile *sf = SessionFile_openNamed(env->datadir, name, &opts, err, sizeof err);
   if (!sf) {
      Out_printf(stderr, "%s: %s\n", env->progname, err);
      return -1;
   }
   for (size_t k = 0; k < SessionFile_problemCount(sf); k++)
      Out_printf(stderr, "%s: warning: %s\n", env->progname, SessionFile_problem(sf, k));
   ActionList_addSession(l, SessionFile_session(sf));
   SessionFile_close(sf);
   return 0;
}

typedef struct CmdActionsScan {
   ActionList *l;
   int openOnly;
} CmdActionsScan;

static void CmdActions_visit(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   const CmdActionsScan *c = ud;
   ArchiveDigest_actions(d, c->l, c->openOnly);
}

/* Every session of the archive (storage/archive.h); a file that does not
 * open is reported and the others still listed. */
static int CmdActions_addAll(const CliEnv *env, ActionList *l, int openOnly) {
   Archive a;
   CmdActionsScan c = { l, openOnly };
   ArchiveScan how = { .today = ArchiveCli_today(), .digest = ArchiveDigest_build,
                       .visitDigest = CmdActions_visit, .digest_version = ARCHIVE_DIGEST_VERSION,
                       .digest_types = "A",
                       .ud = &c };
   if (ArchiveCli_scan(env, &a, &how) != 0)
      return -1;
   size_t bad = ArchiveCli_reportProblems(env, &a);
   Archive_free(&a);
   return bad ? -1 : 0;
}

static void CmdActions_write(FILE *out, const ActionList *l, ActionsFormat f) {
   char stamp[17];
   switch (f) {
   case FMT_MD: ActionsMd_write(out, l); break;
   case FMT_CSV: ActionsCsv_write(out, l); break;
   case FMT_TXT: ActionsTxt_write(out, l); break;
   case FMT_ICS:
      CmdActions_stamp(stamp);
      ActionsIcs_write(out, l, stamp);
      break;
   }
}

int CmdActions_run(const CliEnv *env, int argc, char **argv) {
   const char *owner = NULL, *format = NULL, *outPath = NULL;
   int openOnly = 0;
   char **sessions = calloc((size_t)argc + 1, sizeof *sessions);
   size_t nsessions = 0;
   if (!sessions)
      return Cli_fail(env, "actions: out of memory");
   int rc = CLI_OK;
   int optionsOn = 1, r = 0;
   for (int i = 1; i < argc && rc == CLI_OK; i++) {
      const char *a = argv[i];
      if (optionsOn && strcmp(a, "--") == 0) {
         optionsOn = 0;  /* what follows are sessions, even "-x" */
      } else if (optionsOn && strcmp(a, "--open") == 0) {
         openOnly = 1;
      } else if (optionsOn && ((r = Cli_value(argc, argv, &i, NULL, "--owner", &owner)) != 0 ||
                          (r = Cli_value(argc, argv, &i, "-t", "--format", &format)) != 0 ||
                          (r = Cli_value(argc, argv, &i, "-o", "--output", &outPath)) != 0)) {
         if (r < 0)
            rc = Cli_usage(env, "actions: %s needs a value", a);
      } else if (optionsOn && Cli_isHelp(a)) {
         Out_puts(stdout, CmdActions_usage);
         free(sessions);
         return CLI_OK;
      } else if (optionsOn && a[0] == '-' && a[1] != '\0') {
         rc = Cli_usage(env, "actions: unknown option '%s'", a);
      } else {
         sessions[nsessions++] = argv[i];
      }
   }
   ActionsFormat f = FMT_MD;
   if (rc == CLI_OK && format && CmdActions_format(format, &f) != 0)
      rc = Cli_usage(env, "actions: unknown format '%s' (md, csv, ics, txt)", format);
   if (rc == CLI_OK && !format && outPath) {
      const char *dot = strrchr(outPath, '.');
      if (dot && strchr(dot, '/') == NULL && CmdActions_format(dot + 1, &f) != 0)
         f = FMT_MD;
   }
   if (rc != CLI_OK) {
      free(sessions);
      return rc;
   }

   ActionList l;
   ActionList_init(&l);
   int bad = 0;
   if (nsessions == 0)
      bad = CmdActions_addAll(env, &l, openOnly) != 0;
   for (size_t i = 0; i < nsessions; i++)
      bad |= CmdActions_add(env, &l, sessions[i]) != 0;
   free(sessions);
   ActionList_filter(&l, openOnly, owner);
   ActionList_sort(&l);

   char *buf = NULL;
   size_t len = 0;
   FILE *mem = open_memstream(&buf, &len);
   if (!mem) {
      bad = Cli_fail(env, "actions: out of memory");
   } else {
      CmdActions_write(mem, &l, f);
      if (fclose(mem) != 0)
         bad = Cli_fail(env, "actions: out of memory");
      else if (Out_document(env, "actions", outPath, buf, len, f == FMT_MD || f == FMT_TXT) != 0)
         bad = 1;
   }
   free(buf);
   ActionList_free(&l);
   return bad ? CLI_FAIL : CLI_OK;
}
