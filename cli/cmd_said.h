/* gavel said CODE [--since DATE] */
#ifndef GAVEL_CMD_SAID_H
#define GAVEL_CMD_SAID_H

#include "cli/cli.h"

int CmdSaid_run(const CliEnv *env, int argc, char **argv);

#endif
