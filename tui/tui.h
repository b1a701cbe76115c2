/* The live screen, called from main.c: `gavel [--read-only] [SESSION]` and
 * `gavel follow SESSION`. */
#ifndef GAVEL_TUI_TUI_H
#define GAVEL_TUI_TUI_H

#include "cli/cli.h"

/* argv[0] is the program; argv[1], if any, the session (a path or a name in
 * the sessions folder). Without one: today's newest session, or an offer to
 * create one from the demo agenda. */
int Tui_main(const CliEnv *env, int argc, char **argv);

/* `gavel follow SESSION`: a read-only display for a second screen. */
int Tui_follow(const CliEnv *env, int argc, char **argv);

#endif
