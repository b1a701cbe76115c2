#ifndef GAVEL_CLI_CMD_SHOW_H
#define GAVEL_CLI_CMD_SHOW_H

#include <stdio.h>

#include "cli/cli.h"
#include "model/session.h"

/* gavel show SESSION */
int CmdShow_run(const CliEnv *env, int argc, char **argv);

/* The plain-text view of a session that gavel show prints. */
void CmdShow_print(FILE *out, const Session *s);

#endif
