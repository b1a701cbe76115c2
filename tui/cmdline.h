/* The `:` command line: a one-line editor with history and tab completion.
 * Its key handling needs no terminal; Cmdline_draw paints it. */
#ifndef GAVEL_TUI_CMDLINE_H
#define GAVEL_TUI_CMDLINE_H

#include "tui/complete.h"
#include "tui/editor.h"

#define HISTORY_MAX 200

typedef struct History {
   char *lines[HISTORY_MAX];   /* oldest first */
   int n;
} History;

void History_add(History *h, const char *line);
void History_free(History *h);

typedef enum CmdlineResult {
   CMDLINE_EDITING,   /* the key was taken, keep editing */
   CMDLINE_RUN,       /* Enter: run Cmdline_text() */
   CMDLINE_CANCEL,    /* Esc, or Backspace on an empty line */
} CmdlineResult;

typedef struct Cmdline {
   Editor ed;
   History *history;
   int hpos;          /* history index while browsing; history->n = the line being typed */
   char *stash;       /* the line being typed, kept while browsing */
   char hint[256];    /* completions offered, shown above the line */
   int ascii;         /* marks of a cut line: "<" ">" instead of an ellipsis */
} Cmdline;

void Cmdline_init(Cmdline *c, History *h);
void Cmdline_free(Cmdline *c);
/* Starts a new line with text already typed (e.g. "pos FR "). */
void Cmdline_open(Cmdline *c, const char *text);
const char *Cmdline_text(const Cmdline *c);

/* Handles one key (see tui/keys.h for the codes). */
CmdlineResult Cmdline_key(Cmdline *c, int key, const CompleteSource *src);

/* Paints ":TEXT" on row y, columns [x, x+w), scrolled so the cursor shows,
 * and places the terminal cursor. */
void Cmdline_draw(Cmdline *c, int y, int x, int w);

#endif
