/* gavel list [--since DATE] [--until DATE] [--body TEXT] [--format text|csv|json] */
#ifndef GAVEL_CMD_LIST_H
#define GAVEL_CMD_LIST_H

#include "cli/cli.h"

int CmdList_run(const CliEnv *env, int argc, char **argv);

#endif
