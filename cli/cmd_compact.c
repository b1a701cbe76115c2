/* gavel compact SESSION: rewrites the session file through the atomic path
 * (temporary file, fsync, rename, folder fsync), so a crash leaves either
 * the old file or the new one. Refused when the session is read-only: a
 * line that could not be read (compaction would drop it) or another gavel
 * writing it. */
#include "cli/cmd_compact.h"
#include "cli/out.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "storage/sessionfile.h"

int CmdCompact_run(const CliEnv *env, int argc, char **argv) {
   const char *session = NULL;
   int optionsOn = 1;
   for (int i = 1; i < argc; i++) {
      if (optionsOn && strcmp(argv[i], "--") == 0) {
         optionsOn = 0;  /* what follows is the session, even "-x" */
         continue;
      }
      if (optionsOn && Cli_isHelp(argv[i])) {
         Out_printf(stdout, "usage: gavel compact SESSION\n");
         return CLI_OK;
      } else if (optionsOn && argv[i][0] == '-' && argv[i][1] != '\0') {
         return Cli_usage(env, "compact: unknown option '%s'", argv[i]);
      } else if (session) {
         return Cli_usage(env, "compact: one session at a time ('%s' is extra)", argv[i]);
      }
      session = argv[i];
   }
   if (!session)
      return Cli_usage(env, "usage: gavel compact SESSION");
   char err[1024];
   SessionFileOptions opts = { .io = NULL, .readOnly = env->read_only, .datadir = env->datadir };
   SessionFile *sf = SessionFile_openNamed(env->datadir, session, &opts, err, sizeof err);
   if (!sf)
      return Cli_fail(env, "%s", err);
   int rc = CLI_OK;
   for (size_t k = 0; k < SessionFile_problemCount(sf); k++)
      Out_printf(stderr, "%s\n", SessionFile_problem(sf, k));
   if (SessionFile_readOnly(sf)) {
      rc = Cli_fail(env, "%s; not compacted", SessionFile_readOnlyReason(sf));
   } else {
      struct stat before, after;
      int had = stat(SessionFile_path(sf), &before) == 0;
      size_t lines = SessionFile_lineCount(sf);
      if (SessionFile_compact(sf, err, sizeof err) != 0)
         rc = Cli_fail(env, "%s", err);
      else if (had && stat(SessionFile_path(sf), &after) == 0)
         Out_printf(stdout, "%s: %zu -> %zu lines, %lld -> %lld bytes\n", SessionFile_path(sf), lines + 1,
                SessionFile_lineCount(sf) + 1, (long long)before.st_size, (long long)after.st_size);
   }
   SessionFile_close(sf);
   return rc;
}
