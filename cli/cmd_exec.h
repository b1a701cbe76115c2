#ifndef GAVEL_CLI_CMD_EXEC_H
#define GAVEL_CLI_CMD_EXEC_H

#include "cli/cli.h"

/* gavel exec SESSION [-f SCRIPT] [--keep-going] [--progress] */
int CmdExec_run(const CliEnv *env, int argc, char **argv);

#endif
