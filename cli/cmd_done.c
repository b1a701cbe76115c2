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
#include "storage/archive_done.h"

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
   int rc = CLI_FAIL;
   if (strlen(argv[1]) > 100) {
      Cli_fail(env, "done: '%.40s...' is not an action id", id);
   } else if (ArchiveDone_mark(env->datadir, argv[1], path, sizeof path, msg, sizeof msg) != 0) {
      char *vm = Visible_dup(msg, 0);
      Cli_fail(env, "done: %s", vm ? vm : "");
      free(vm);
   } else {
      char *vp = Visible_dup(path, 0);
      printf("action %s done in %s\n", id, vp ? vp : "");
      free(vp);
      rc = CLI_OK;
   }
   free(id);
   return rc;
}
