#ifndef GAVEL_CLI_CMD_ACTIONS_H
#define GAVEL_CLI_CMD_ACTIONS_H

#include "cli/cli.h"

/* gavel actions [SESSION...] [--open] [--owner CODE] [--format md|csv|ics|txt] [-o FILE]:
 * the actions and deadlines of the sessions named, or of every session. */
int CmdActions_run(const CliEnv *env, int argc, char **argv);

#endif
