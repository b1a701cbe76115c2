/* gavel exec SESSION [-f SCRIPT] [--keep-going] [--progress]
 *
 * Applies command lines from SCRIPT (or standard input, read as it comes)
 * to a session, each appended and fdatasync'ed before the next is read.
 * Blank lines and lines whose first non-blank character is '#' are skipped.
 * A refused command is reported as SCRIPT:LINE: message; without
 * --keep-going it stops there (everything before it is kept). --progress
 * prints "SCRIPT:LINE: ok" on standard output as soon as each command is
 * durable, so that a front end (or the crash test) knows what is safe.
 * A line may hold at most 1 MiB (GV_LINE_MAX); a longer one stops the run
 * with SCRIPT:LINE:, even with --keep-going. */
#include "cli/cmd_exec.h"
#include "cli/out.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/session.h"
#include "storage/sessionfile.h"

/* Reads one line of at most GV_LINE_MAX bytes (plus its CR LF) into *line.
 * Its length, -1 at the end of the input or on a read error, -2 when the
 * line goes on past the limit: then reading stops there, since the rest of
 * the input (/dev/zero, a binary file) cannot be trusted to be lines. */
static ssize_t CmdExec_readLine(FILE *in, char **line, size_t *cap) {
   size_t n = 0, max = GV_LINE_MAX + 2;
   int c;
   while ((c = getc_unlocked(in)) != EOF) {
      if (n + 2 > *cap) {
         size_t nc = *cap ? *cap * 2 : 4096;
         char *nl = realloc(*line, nc);
         if (!nl)
            return -1;
         *line = nl;
         *cap = nc;
      }
      (*line)[n++] = (char)c;
      if (c == '\n')
         break;
      if (n >= max)
         return -2;
   }
   if (n == 0)
      return -1;
   (*line)[n] = '\0';
   return (ssize_t)n;
}

static int CmdExec_skip(const char *s, size_t n) {
   size_t i = 0;
   while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
      i++;
   return i == n || s[i] == '#';
}

int CmdExec_run(const CliEnv *env, int argc, char **argv) {
   const char *session = NULL, *script = NULL;
   int keepGoing = 0, progress = 0;
   int optionsOn = 1, r;
   for (int i = 1; i < argc; i++) {
      const char *a = argv[i];
      if (optionsOn && strcmp(a, "--") == 0) {
         optionsOn = 0;  /* what follows is the session, even "-x" */
      } else if (optionsOn && (r = Cli_value(argc, argv, &i, "-f", "--file", &script)) != 0) {
         if (r < 0)
            return Cli_usage(env, "exec: -f needs a script file");
      } else if (optionsOn && (strcmp(a, "--keep-going") == 0 || strcmp(a, "-k") == 0)) {
         keepGoing = 1;
      } else if (optionsOn && strcmp(a, "--progress") == 0) {
         progress = 1;
      } else if (optionsOn && Cli_isHelp(a)) {
         Out_printf(stdout, "usage: gavel exec SESSION [-f SCRIPT] [--keep-going] [--progress]\n");
         return CLI_OK;
      } else if (optionsOn && a[0] == '-' && a[1] != '\0') {
         return Cli_usage(env, "exec: unknown option '%s'", a);
      } else if (!session) {
         session = a;
      } else {
         return Cli_usage(env, "exec: one session at a time ('%s' is extra)", a);
      }
   }
   if (!session)
      return Cli_usage(env, "usage: gavel exec SESSION [-f SCRIPT] [--keep-going]");

   int fromStdin = !script || strcmp(script, "-") == 0;
   const char *name = fromStdin ? "<stdin>" : script;
   FILE *in = fromStdin ? stdin : fopen(script, "r");
   if (!in)
      return Cli_fail(env, "%s: cannot read: %s", name, strerror(errno));
   struct stat sst;
   if (!fromStdin && fstat(fileno(in), &sst) == 0 && S_ISDIR(sst.st_mode)) {
      fclose(in);
      return Cli_fail(env, "%s: is a folder, not a script", name);
   }

   char err[1024];
   SessionFileOptions opts = { .io = NULL, .readOnly = env->read_only, .datadir = env->datadir };
   SessionFile *sf = SessionFile_openNamed(env->datadir, session, &opts, err, sizeof err);
   if (!sf) {
      if (!fromStdin)
         fclose(in);
      return Cli_fail(env, "%s", err);
   }
   for (size_t i = 0; i < SessionFile_problemCount(sf); i++)
      Out_printf(stderr, "%s\n", SessionFile_problem(sf, i));
   if (SessionFile_readOnly(sf)) {
      int rc = Cli_fail(env, "%s", SessionFile_readOnlyReason(sf));
      SessionFile_close(sf);
      if (!fromStdin)
         fclose(in);
      return rc;
   }

   int refused = 0, stop = 0;
   long lineno = 0;
   char *line = NULL;
   size_t cap = 0;
   ssize_t got;
   char msg[1024];
   while (!stop && (got = CmdExec_readLine(in, &line, &cap)) != -1) {
      lineno++;
      if (got == -2) {
         Out_printf(stderr, "%s:%ld: the line is longer than 1 MiB (%zu bytes); stopped there\n",
                    name, lineno, GV_LINE_MAX);
         refused++;
         break;
      }
      size_t n = (size_t)got;
      if (n > 0 && line[n - 1] == '\n')
         line[--n] = '\0';
      if (n > 0 && line[n - 1] == '\r')
         line[--n] = '\0';
      /* A script saved by a Windows editor may begin with a byte order mark;
       * it is not part of the first command. */
      char *text = line;
      if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
         text += 3;
         n -= 3;
      }
      if (CmdExec_skip(text, n))
         continue;
      if (strlen(text) != n) {
         Out_printf(stderr, "%s:%ld: a NUL byte in the line\n", name, lineno);
         refused++;
         stop = !keepGoing;
         continue;
      }
      msg[0] = '\0';
      switch (SessionFile_run(sf, text, msg, sizeof msg)) {
      case SESSIONFILE_DONE:
         if (progress) {
            Out_printf(stdout, "%s:%ld: ok\n", name, lineno);
            fflush(stdout);
         }
         break;
      case SESSIONFILE_REFUSED:
         Out_printf(stderr, "%s:%ld: %s\n", name, lineno, msg);
         refused++;
         stop = !keepGoing;
         break;
      case SESSIONFILE_FAILED:
         /* The disk said no: what follows could not be kept either. */
         Out_printf(stderr, "%s:%ld: not saved: %s\n", name, lineno, msg);
         refused++;
         stop = 1;
         break;
      }
   }
   if (ferror(in)) {
      Out_printf(stderr, "%s:%ld: read error: %s\n", name, lineno, strerror(errno));
      refused++;
   }
   free(line);
   if (!fromStdin)
      fclose(in);
   SessionFile_close(sf);
   return refused ? CLI_FAIL : CLI_OK;
}
