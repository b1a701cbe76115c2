/* The floor pane: who has the floor (large), the running clock against the
 * speaking-time limit, and the numbered queue with points of order marked
 * and the next speaker obvious. */
#ifndef GAVEL_TUI_FLOOR_PANE_H
#define GAVEL_TUI_FLOOR_PANE_H

#include "tui/app.h"

void FloorPane_draw(App *app, Rect r);
/* Moves the queue's selection: RD_QUEUE_SEL when only two rows change on
 * screen (FloorPane_drawMove draws them), else RD_FLOOR. */
unsigned FloorPane_move(App *app, int dir);
void FloorPane_drawMove(App *app);
/* Where FloorPane_move(dir) then FloorPane_drawMove would move the focused
 * mark when only the two marks change: 1 and the rows and column, else 0.
 * Changes nothing (asked before the key is read). */
int FloorPane_moveTarget(App *app, int dir, int *oldY, int *newY, int *x);
/* The code of the selected queued delegation, or NULL (empty queue). */
const char *FloorPane_selectedCode(App *app);
/* A click on a queued delegation gives it the floor. */
unsigned FloorPane_click(App *app, int y, int x);

/* The role and word for a clock of secs against limit (0 = none). */
int FloorPane_clockRole(int secs, int limit, const char **word);

#endif
