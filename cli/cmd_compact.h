#ifndef GAVEL_CLI_CMD_COMPACT_H
#define GAVEL_CLI_CMD_COMPACT_H

#include "cli/cli.h"

/* gavel compact SESSION: rewrite the journal atomically. */
int CmdCompact_run(const CliEnv *env, int argc, char **argv);

#endif
