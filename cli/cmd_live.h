/* Opening the live screen from the command line: `gavel [--read-only]
 * [SESSION]` and `gavel follow SESSION` find the session, then hand it to
 * tui/ (App_main). */
#ifndef GAVEL_CLI_CMD_LIVE_H
#define GAVEL_CLI_CMD_LIVE_H

#include "cli/cli.h"

/* argv[0] is the program; argv[1], if any, the session (a path or a name in
 * the sessions folder). Without one: today's newest session, or an offer to
 * create one from the demo agenda. */
int CmdLive_run(const CliEnv *env, int argc, char **argv);

/* `gavel follow SESSION`: a read-only display for a second screen. */
int CmdLive_follow(const CliEnv *env, int argc, char **argv);

#endif
