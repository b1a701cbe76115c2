/* gavel check SESSION...: opens each session read-only (no lock, no write)
 * and lists every problem the open found, one "FILE:LINE: message" a line:
 * the header, a torn last line, lines whose frame is broken, lines the model
 * cannot replay. Exit 0 when every file is clean, 1 otherwise. */
#include "cli/cmd_check.h"
#include "cli/out.h"

#include <stdio.h>
#include <string.h>

#include "storage/sessionfile.h"

int CmdCheck_run(const CliEnv *env, int argc, char **argv) {
   int files = 0, bad = 0, quiet = 0, end = argc;  /* argv[end]: "--", what follows are sessions */
   for (int i = 1; i < argc; i++) {
      if (strcmp(argv[i], "--") == 0) {
         end = i;
         break;
      } else if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0)
         quiet = 1;
      else if (Cli_isHelp(argv[i])) {
         Out_printf(stdout, "usage: gavel check [-q] SESSION...\n");
         return CLI_OK;
      } else if (argv[i][0] == '-' && argv[i][1] != '\0')
         return Cli_usage(env, "check: unknown option '%s'", argv[i]);
   }
   for (int i = 1; i < argc; i++) {
      if (i <= end && argv[i][0] == '-' && argv[i][1] != '\0')
         continue;
      files++;
      char err[1024];
      SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = env->datadir };
      SessionFile *sf = SessionFile_openNamed(env->datadir, argv[i], &opts, err, sizeof err);
      if (!sf) {
         Out_printf(stderr, "%s\n", err);
         bad++;
         continue;
      }
      size_t n = SessionFile_problemCount(sf);
      for (size_t k = 0; k < n; k++)
         Out_printf(stdout, "%s\n", SessionFile_problem(sf, k));
      if (n > 0)
         bad++;
      else if (!quiet)
         Out_printf(stdout, "%s: ok (%zu lines)\n", SessionFile_path(sf), SessionFile_lineCount(sf) + 1);
      SessionFile_close(sf);
   }
   if (files == 0)
      return Cli_usage(env, "usage: gavel check SESSION...");
   return bad ? CLI_FAIL : CLI_OK;
}
