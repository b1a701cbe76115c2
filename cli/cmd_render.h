#ifndef GAVEL_CLI_CMD_RENDER_H
#define GAVEL_CLI_CMD_RENDER_H

#include "cli/cli.h"

/* gavel render SESSION [--format md|html|txt] [-o FILE] [--annex LIST] [--date DATE]:
 * the outcome of proceedings, on standard output or written atomically to FILE. */
int CmdRender_run(const CliEnv *env, int argc, char **argv);

#endif
