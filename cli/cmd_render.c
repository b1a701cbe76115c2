/* gavel render SESSION [--format md|html|txt|docx] [-o FILE] [--annex LIST] [--date DATE]
 *
 * Opens the session read-only (no lock: a meeting still being written can be
 * drafted from) and writes its outcome of proceedings, a block at a time as
 * it is composed. With -o it goes to a temporary file that then replaces
 * FILE atomically, so an open editor or browser never sees half a file. The format follows -o's extension unless
 * --format says otherwise. --date sets the date in the header (the
 * document's own date, "Brussels, 5 July 2017"); default today, or
 * SOURCE_DATE_EPOCH when set, for reproducible output. A .docx is binary:
 * it is refused on a terminal, where it would only garble the screen. */
#include "cli/cmd_render.h"
#include "cli/out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model/session.h"
#include "render/outcome.h"
#include "storage/sessionfile.h"
#include "storage/style_file.h"

static const char CmdRender_usage[] =
   "usage: gavel render SESSION [--format md|html|txt|docx] [-o FILE] [--annex LIST] [--date DATE] [--style NAME]\n"
   "  --format F     md (default), html, txt or docx (default from -o's extension)\n"
   "  -o FILE        write FILE (replaced atomically; '-' is standard output)\n"
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

typedef struct CmdRenderJob {
   const Session *s;
   OutcomeFormat f;
   const OutcomeOptions *o;
   int composed;
} CmdRenderJob;

static int CmdRender_fill(FILE *out, void *ctx) {
   CmdRenderJob *job = ctx;
   job->composed = Outcome_write(out, job->s, job->f, job->o);
   return job->composed;
}

int CmdRender_run(const CliEnv *env, int argc, char **argv) {
   const char *session = NULL, *outPath = NULL, *format = NULL, *annex = NULL, *date = NULL,
              *style = NULL;
   int optionsOn = 1, r = 0;
   for (int i = 1; i < argc; i++) {
      const char *a = argv[i];
      if (optionsOn && strcmp(a, "--") == 0) {
         optionsOn = 0;  /* what follows is a session, even "-x" */
      } else if (optionsOn && ((r = Cli_value(argc, argv, &i, "-t", "--format", &format)) != 0 ||
                          (r = Cli_value(argc, argv, &i, "-o", "--output", &outPath)) != 0 ||
                          (r = Cli_value(argc, argv, &i, NULL, "--annex", &annex)) != 0 ||
                          (r = Cli_value(argc, argv, &i, NULL, "--date", &date)) != 0 ||
                          (r = Cli_value(argc, argv, &i, NULL, "--style", &style)) != 0)) {
         if (r < 0)
            return Cli_usage(env, "render: %s needs a value", a);
      } else if (optionsOn && Cli_isHelp(a)) {
         Out_puts(stdout, CmdRender_usage);
         return CLI_OK;
      } else if (optionsOn && a[0] == '-' && a[1] != '\0') {
         return Cli_usage(env, "render: unknown option '%s'", a);
      } else if (!session) {
         session = a;
      } else {
         return Cli_usage(env, "render: one session at a time ('%s' is extra)", a);
      }
   }
   if (!session)
      return Cli_usage(env, "usage: gavel render SESSION [--format md|html|txt|docx] [-o FILE]");

   OutcomeFormat f = OUTCOME_MD;
   if (format) {
      if (Outcome_parseFormat(format, &f) != 0)
         return Cli_usage(env, "render: unknown format '%s' (md, html, txt, docx)", format);
   } else if (outPath && Outcome_parseFormat(CmdRender_ext(outPath), &f) != 0) {
      f = OUTCOME_MD;
   }
   int toStdout = !outPath || strcmp(outPath, "-") == 0;
   if (f == OUTCOME_DOCX && toStdout && isatty(STDOUT_FILENO))
      return Cli_usage(env, "render: a .docx is binary and would garble the terminal; "
                            "write it with -o FILE.docx or redirect standard output");
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
      Out_printf(stderr, "%s: warning: %s\n", env->progname, SessionFile_problem(sf, k));
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
      Out_puts(stderr, styleErr ? styleErr : "style: cannot be read\n");   /* quotes the file */
      free(styleErr);
      SessionFile_close(sf);
      return Cli_fail(env, "render: the style '%s' has errors (nothing written)", styleName);
   }
   o.style = &st;

   /* Written as it is composed, so a long meeting is never held whole: a
    * file is still replaced only by a complete, synced copy. */
   CmdRenderJob job = { .s = s, .f = f, .o = &o, .composed = 0 };
   int failed = 0;
   int rc = Out_documentWith(env, "render", outPath, CmdRender_fill, &job,
                             f == OUTCOME_MD || f == OUTCOME_TXT, &failed);
   if (failed)
      rc = Cli_fail(env, "render: the document is too large for a .docx");
   SessionFile_closeAtExit(sf);
   return rc;
}
