/* The agenda pane: the item tree with numbers, state glyphs and colours,
 * the current item highlighted with its elapsed time. */
#ifndef GAVEL_TUI_AGENDA_PANE_H
#define GAVEL_TUI_AGENDA_PANE_H

#include "tui/app.h"

void AgendaPane_draw(App *app, Rect r);
/* Moves the selection: RD_AGENDA_SEL when only the two rows it leaves and
 * reaches change (then AgendaPane_drawMove draws just those), else
 * RD_AGENDA. */
unsigned AgendaPane_move(App *app, int dir);
void AgendaPane_drawMove(App *app, Rect r);
/* Where AgendaPane_move(dir) then AgendaPane_drawMove would move the focused
 * mark when only the two marks change: 1 and the rows and column, else 0.
 * Changes nothing (asked before the key is read). */
int AgendaPane_moveTarget(App *app, int dir, int *oldY, int *newY, int *x);
/* Takes up the selected item (`item NUM`). */
unsigned AgendaPane_takeUp(App *app);
/* A click at (y, x): selects the item there; RD_NONE if outside the pane. */
unsigned AgendaPane_click(App *app, int y, int x);
void AgendaPane_selectCurrent(App *app);

/* The glyph of an item state ("▶", or ">" in ASCII). */
const char *AgendaPane_glyph(const App *app, int state);

/* The selected row's mark: a block, '#' without UTF-8. */
wchar_t AgendaPane_markChar(const App *app);

/* The selected row's mark in the lists' marker column (selection = marker)
 * at (y, x); a blank when not selected. */
void AgendaPane_drawMark(App *app, int y, int x, int selected);

#endif
