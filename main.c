/* gavel: run and minute formal working-party meetings.
 *
 * The command line: global options, then either a session to open on the live
 * screen or a batch subcommand from the table below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/cli.h"
#include "cli/out.h"
#include "cli/cmd_actions.h"
#include "cli/cmd_check.h"
#include "cli/cmd_compact.h"
#include "cli/cmd_exec.h"
#include "cli/cmd_new.h"
#include "cli/cmd_show.h"
#include "cli/cmd_render.h"
#include "storage/datadir.h"
#include "cli/cmd_live.h"
#include "cli/cmd_list.h"
#include "cli/cmd_search.h"
#include "cli/cmd_said.h"
#include "cli/cmd_dossier.h"
#include "cli/cmd_reservations.h"
#include "cli/cmd_done.h"

typedef struct Subcommand {
   const char *name;
   CliRun run;
   const char *synopsis;
   const char *summary;
} Subcommand;

/* One row per subcommand; --help is generated from it. */
static const Subcommand Subcommands[] = {
   { "render", CmdRender_run, "render SESSION [--format F]", "write the outcome of proceedings" },
   { "actions", CmdActions_run, "actions [SESSION...] [--format F]", "export actions and deadlines" },
   { "new", CmdNew_run, "new [--agenda F|--from S] [--roster R] ...", "create a session and print its path" },
   { "exec", CmdExec_run, "exec SESSION [-f SCRIPT] [-k]", "apply commands from a script or stdin" },
   { "show", CmdShow_run, "show SESSION", "print a session's state as text" },
   { "check", CmdCheck_run, "check SESSION...", "verify session files" },
   { "compact", CmdCompact_run, "compact SESSION", "rewrite a session file atomically" },
   { "list", CmdList_run, "list [--since D] [--until D] [--body T]", "the sessions of the archive, newest first" },
   { "search", CmdSearch_run, "search QUERY [--delegation C] ...", "search every session of the archive" },
   { "said", CmdSaid_run, "said CODE [--since DATE]", "what one delegation said, meeting by meeting" },
   { "dossier", CmdDossier_run, "dossier NAME|REF", "one file across meetings" },
   { "reservations", CmdReservations_run, "reservations [--open] ...", "reservations across the archive" },
   { "done", CmdDone_run, "done ACTION-ID", "mark an action of the archive done" },
   { "follow", CmdLive_follow, "follow SESSION", "a read-only live display for a second screen" },
   { NULL, NULL, NULL, NULL },
};

static void Main_help(FILE *out) {
   Out_puts(out, "usage: gavel [-D DIR] [--read-only] [SESSION]\n"
         "       gavel [-D DIR] COMMAND [ARGS...]\n"
         "\n"
         "Run and minute formal working-party meetings.\n"
         "\n"
         "options:\n"
         "  -D DIR          keep sessions in DIR instead of $XDG_DATA_HOME/gavel\n"
         "  --read-only     open the session without changing it\n"
         "  -h, --help      show this help\n"
         "  -V, --version   show the version\n");
   if (Subcommands[0].name) {
      Out_puts(out, "\ncommands:\n");
      for (const Subcommand *c = Subcommands; c->name; c++)
         Out_printf(out, "  %-34s %s\n", c->synopsis, c->summary);
   }
   Out_puts(out, "\nSee gavel(1) for details.\n");
}

static const Subcommand *Main_find(const char *name) {
   for (const Subcommand *c = Subcommands; c->name; c++)
      if (strcmp(c->name, name) == 0)
         return c;
   return NULL;
}

static int Main_isSession(const CliEnv *env, const char *name) {
   char dir[PATH_MAX], path[PATH_MAX], err[512];
   struct stat st;
   return DataDir_sessions(env->datadir, dir, sizeof dir, err, sizeof err) == 0 &&
          DataDir_resolve(dir, name, path, sizeof path, err, sizeof err) == 0 &&
          stat(path, &st) == 0;
}

int main(int argc, char **argv) {
   CliEnv env = { .progname = "gavel", .datadir = NULL, .read_only = 0 };
   Out_init();
   /* Past `ulimit -f` a write then fails with EFBIG and takes the rollback
    * path (refused, file cut back) instead of killing gavel mid-write. */
   signal(SIGXFSZ, SIG_IGN);
#ifdef M_MMAP_THRESHOLD
   /* glibc's default, fixed: left dynamic, the first large block freed
    * (the open's check across lines) raises it, and the arrays the open
    * then grows by doubling land in the heap, leaving their old copies
    * behind, instead of in mappings that grow in place (0.4 MB of the
    * peak on a 10 MB session). */
   mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
   int i = 1, r;
   for (; i < argc && argv[i][0] == '-'; i++) {
      const char *a = argv[i];
      if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
         Main_help(stdout);
         return CLI_OK;
      } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
         Out_printf(stdout, "gavel %s\n", GAVEL_VERSION);
         return CLI_OK;
      } else if ((r = Cli_value(argc, argv, &i, "-D", NULL, &env.datadir)) != 0) {
         if (r < 0)
            return Cli_usage(&env, "-D needs a folder (try 'gavel --help')");
      } else if (strcmp(a, "--read-only") == 0) {
         env.read_only = 1;
      } else if (strcmp(a, "--") == 0) {
         i++;
         break;
      } else {
         return Cli_usage(&env, "unknown option '%s' (try 'gavel --help')", a);
      }
   }
   if (i < argc) {
      const Subcommand *c = Main_find(argv[i]);
      if (c)
         return c->run(&env, argc - i, argv + i);
      /* Anything else names a session (a path, or a name in the data folder)
       * for the live screen; a word that is neither is most likely a typo. */
      if (!strchr(argv[i], '/') && !Main_isSession(&env, argv[i]))
         return Cli_usage(&env, "unknown command or session '%s' (try 'gavel --help')", argv[i]);
   }
   return CmdLive_run(&env, argc - i, argv + i);
}
