#ifndef GAVEL_CLI_CMD_NEW_H
#define GAVEL_CLI_CMD_NEW_H

#include "cli/cli.h"

/* gavel new [--agenda FILE] [--roster NAME] [--title TEXT] [--date DATE] */
int CmdNew_run(const CliEnv *env, int argc, char **argv);

#endif
