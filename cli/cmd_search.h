/* gavel search QUERY [--delegation CODE] [--doc REF] [--item TEXT] [--since DATE] [--until DATE] [--format text|csv|json] */
#ifndef GAVEL_CMD_SEARCH_H
#define GAVEL_CMD_SEARCH_H

#include "cli/cli.h"

int CmdSearch_run(const CliEnv *env, int argc, char **argv);

#endif
