/* The key table: every action of the live screen with its config name,
 * default keys, help text and handler. The `?` screen, the hint line, the
 * man page's KEYS section and the dispatcher all read this one table. */
#ifndef GAVEL_TUI_ACTIONS_H
#define GAVEL_TUI_ACTIONS_H

#include "tui/app.h"
#include "tui/keys.h"

typedef unsigned (*ActionFn)(App *app);

typedef struct TuiAction {
   const char *name;      /* as in the config's [keys] */
   const char *keys;      /* default keys, space-separated */
   const char *help;      /* one line for the help screen */
   ActionFn run;
   int writes;            /* changes the session: refused when read-only */
   const char *group;     /* heading on the help screen */
} TuiAction;

extern const TuiAction Actions[];
extern const int ActionCount;

/* Action indexes used outside the table. */
int Actions_find(const char *name);

#define ACTIONS_MAX 64

/* The table as KeyDefs for the key map: out has ActionCount entries. */
void Actions_keyDefs(KeyDef *out);

/* Runs action a (checks read-only); returns redraw flags. */
unsigned Actions_run(App *app, int a);

#endif
