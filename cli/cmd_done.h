/* gavel done ACTION-ID */
#ifndef GAVEL_CMD_DONE_H
#define GAVEL_CMD_DONE_H

#include "cli/cli.h"

int CmdDone_run(const CliEnv *env, int argc, char **argv);

#endif
