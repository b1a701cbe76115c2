/* The agenda pane: the item tree with numbers, state glyphs and colours,
 * the current item highlighted with its elapsed time. */
#ifndef GAVEL_TUI_AGENDA_PANE_H
#define GAVEL_TUI_AGENDA_PANE_H

#include "tui/app.h"

void AgendaPane_draw(App *app, Rect r);
unsigned AgendaPane_move(App *app, int dir);
/* Takes up the selected item (`item NUM`). */
unsigned AgendaPane_takeUp(App *app);
/* A click at (y, x): selects the item there; RD_NONE if outside the pane. */
unsigned AgendaPane_click(App *app, int y, int x);
void AgendaPane_selectCurrent(App *app);

/* The glyph of an item state ("▶", or ">" in ASCII). */
const char *AgendaPane_glyph(const App *app, int state);

#endif
