/* gavel render SESSION [--format md|html|txt] [-o FILE] [--annex LIST] [--date DATE]
 *
 * Opens the session read-only (no lock: a meeting still being written can be
 * drafted from) and writes its outcome of proceedings. With -o the document
 * is composed in memory and replaces FILE atomically, so an open editor or
 * browser never sees half a file. The format follows -o's extension unless
 * --format says otherwise. --date sets the date in the header (the
 * document's own date, "Brussels, 5 July 2017"); default today, or
 * SOURCE_DATE_EPOCH when set, for reproducible output. */
#include "cli/cmd_render.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/session.h"
#include "render/outcome.h"
#include "storage/fileio.h"
#include "storage/sessionfile.h"
#include "storage/style_file.h"

static const char CmdRender_usage[] =
   "usage: gavel render SESSION [--format md|html|txt] [-o FILE] [--annex LIST] [--date DATE] [--style NAME]\n"
   "  --format F     md (default), html or txt (default from -o's extension)\n"
   "  -o FILE        write FILE atomically instead of standard output\n"
   "  --annex LIST   attendance,speakers,actions (or all)\n"
   "  --date DATE    the document's date (YYYY-MM-DD); default set doc-date, else today\n"
   "  --style NAME   the house style (styles/NAME.ini); default set style, else council\n";

/* Today's date as YYYY-MM-DD: SOURCE_DATE_EPOCH when set, else the clock. */
static void CmdRender_today(char out[11]) {
   const char *sde = getenv("SOURCE_DATE_EPOCH");
   time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
   struct tm tm;
   if (sde && *sde)
      gmtime_r(&t, &tm);
   else
      localtime_r(&t, &tm);
   strftime(out, 11, "%Y-%m-%d", &tm);
}

static int CmdRender_isoDate(const char *s) {
   int64_t day;
   char msg[128];
   return strlen(s) == 10 && Date_parse(s, 10, GV_NO_DAY, &day, msg, sizeof msg) == GV_OK;
}

static const char *CmdRender_ext(const char *path) {
   const char *slash = strrchr(path, '/');
   const char *dot = strrchr(slash ? slash : path, '.');
   return dot ? dot + 1 : "";
}

int CmdRender_run(const CliEnv *env, int argc, char **argv) {
   const char *session = NULL, *outPath = NULL, *format = NULL, *annex = NULL, *date = NULL,
              *style = NULL;
   for (int i = 1; i < argc; i++) {
      const char *a = argv[i];
      const char **opt = strcmp(a, "--format") == 0 || strcmp(a, "-t") == 0 ? &format
                         : strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 ? &outPath
                         : strcmp(a, "--annex") == 0 ? &annex
                         : strcmp(a, "--date") == 0 ? &date
                         : strcmp(a, "--style") == 0 ? &style
                         : NULL;
      if (opt) {
         if (i + 1 >= argc)
            return Cli_usage(env, "render: %s needs a value", a);
         *opt = argv[++i];
      } else if (strncmp(a, "--format=", 9) == 0) {
         format = a + 9;
      } else if (strncmp(a, "--annex=", 8) == 0) {
         annex = a + 8;
      } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
         fputs(CmdRender_usage, stdout);
         return CLI_OK;
      } else if (a[0] == '-' && a[1] != '\0') {
         return Cli_usage(env, "render: unknown option '%s'", a);
      } else if (!session) {
         session = a;
      } else {
         return Cli_usage(env, "render: one session at a time ('%s' is extra)", a);
      }
   }
   if (!session)
      return Cli_usage(env, "usage: gavel render SESSION [--format md|html|txt] [-o FILE]");

   OutcomeFormat f = OUTCOME_MD;
   if (format) {
      if (Outcome_parseFormat(format, &f) != 0)
         return Cli_usage(env, "render: unknown format '%s' (md, html, txt)", format);
   } else if (outPath && Outcome_parseFormat(CmdRender_ext(outPath), &f) != 0) {
      f = OUTCOME_MD;
   }
   OutcomeOptions o = { .annexes = 0, .docDate = NULL };
   char err[1024];
   if (annex && Outcome_parseAnnexes(annex, &o.annexes, err, sizeof err) != 0)
      return Cli_usage(env, "render: %s", err);
   char today[11];
   if (date && !CmdRender_isoDate(date))
      return Cli_usage(env, "render: --date wants YYYY-MM-DD, not '%s'", date);

   SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = env->datadir };
   SessionFile *sf = SessionFile_openNamed(env->datadir, session, &opts, err, sizeof err);
   if (!sf)
      return Cli_fail(env, "%s", err);
   /* a damaged session still renders what could be read; say what is missing */
   for (size_t k = 0; k < SessionFile_problemCount(sf); k++)
      fprintf(stderr, "%s: warning: %s\n", env->progname, SessionFile_problem(sf, k));
   const Session *s = SessionFile_session(sf);
   if (date) {
      o.docDate = date;
   } else if (s->meta.doc_date == GV_NO_DAY) {
      CmdRender_today(today);
      o.docDate = today;
   }
   /* the house style: --style, else the session's `set style`, else council */
   Style st;
   char *styleErr = NULL;
   const char *styleName = style ? style : s->meta.style && *s->meta.style ? s->meta.style : "council";
   PathsHint hint = { .argv0 = NULL, .datadir = env->datadir };
   if (StyleFile_load(styleName, &hint, &st, &styleErr) != 0) {
      fputs(styleErr ? styleErr : "style: cannot be read\n", stderr);
      free(styleErr);
      SessionFile_close(sf);
      return Cli_fail(env, "render: the style '%s' has errors (nothing written)", styleName);
   }
   o.style = &st;

   int rc = CLI_OK;
   if (!outPath || strcmp(outPath, "-") == 0) {
      Outcome_write(stdout, s, f, &o);
      if (fflush(stdout) != 0 || ferror(stdout))
         rc = Cli_fail(env, "render: cannot write to standard output: %s", strerror(errno));
   } else {
      char *buf = NULL;
      size_t len = 0;
      FILE *mem = open_memstream(&buf, &len);
      if (!mem) {
         rc = Cli_fail(env, "render: out of memory");
      } else {
         Outcome_write(mem, s, f, &o);
         if (fclose(mem) != 0)
            rc = Cli_fail(env, "render: out of memory");
         else if (FileIO_replace(FileIO_system(), outPath, buf, len, err, sizeof err) != 0)
            rc = Cli_fail(env, "%s", err);
      }
      free(buf);
   }
   SessionFile_close(sf);
   return rc;
}
