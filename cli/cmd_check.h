#ifndef GAVEL_CLI_CMD_CHECK_H
#define GAVEL_CLI_CMD_CHECK_H

#include "cli/cli.h"

/* gavel check SESSION: every problem as FILE:LINE: message; 0 clean, 1 problems. */
int CmdCheck_run(const CliEnv *env, int argc, char **argv);

#endif
