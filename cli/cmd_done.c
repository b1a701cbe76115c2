/* gavel done ACTION-ID: marks an action of the archive done. The archive
 * says which session holds the action; `done ID` then goes through that
 * session's normal write path (journaled, fdatasync'ed), so that the live
 * screen, undo and the exports all see it. A session that a live gavel is
 * writing is refused: that gavel is the one writer. */
#include "cli/cmd_done.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/visible.h"
#include "storage/archive.h"
#include "storage/sessionfile.h"

int CmdDone_run(const CliEnv *env, int argc, char **argv) {
   if (argc == 2 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)) {
      fputs("usage: gavel done ACTION-ID\n"
            "  marks the action done in the session it came from ('gavel actions' shows the ids)\n",
            stdout);
      return CLI_OK;
   }
   if (argc != 2 || argv[1][0] == '-')
      return Cli_usage(env, "usage: gavel done ACTION-ID");
   char path[PATH_MAX], msg[PATH_MAX + 512];
   char *id = Visible_dup(argv[1], 0);
   if (!id)
      return Cli_fail(env, "done: out of memory");
   if (Archive_findAction(env->datadir, argv[1], path, sizeof path, msg, sizeof msg) != 0) {
      char *vm = Visible_dup(msg, 0);
      Cli_fail(env, "done: %s", vm ? vm : "");
      free(vm);
      free(id);
      return CLI_FAIL;
   }
   SessionFileOptions opts = { .io = NULL, .readOnly = 0, .datadir = env->datadir };
   SessionFile *sf = SessionFile_open(path, &opts, msg, sizeof msg);
   int rc = CLI_FAIL;
   if (!sf) {
      char *vm = Visible_dup(msg, 0);
      Cli_fail(env, "done: %s", vm ? vm : "");
      free(vm);
   } else if (SessionFile_readOnly(sf)) {
      char *vm = Visible_dup(SessionFile_readOnlyReason(sf), 0);
      Cli_fail(env, "done: action %s not marked: %s", id, vm ? vm : "");
      free(vm);
   } else {
      char line[64];
      snprintf(line, sizeof line, "done %s", argv[1]);
      SessionFileRun r = SessionFile_run(sf, line, msg, sizeof msg);
      if (r == SESSIONFILE_DONE) {
         char *vp = Visible_dup(path, 0);
         printf("action %s done in %s\n", id, vp ? vp : "");
         free(vp);
         rc = CLI_OK;
      } else {
         char *vm = Visible_dup(msg, 0);
         Cli_fail(env, "done: %s", vm ? vm : "");
         free(vm);
      }
   }
   SessionFile_close(sf);
   free(id);
   return rc;
}
