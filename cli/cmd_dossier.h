/* gavel dossier NAME|REF */
#ifndef GAVEL_CMD_DOSSIER_H
#define GAVEL_CMD_DOSSIER_H

#include "cli/cli.h"

int CmdDossier_run(const CliEnv *env, int argc, char **argv);

#endif
