/* gavel reservations [--open] [--delegation CODE] [--dossier NAME] [--format text|csv|json] */
#ifndef GAVEL_CMD_RESERVATIONS_H
#define GAVEL_CMD_RESERVATIONS_H

#include "cli/cli.h"

int CmdReservations_run(const CliEnv *env, int argc, char **argv);

#endif
