/* A move of the selection's mark sent straight to the terminal: the old mark
 * blanked, the new one drawn, the cursor left on it, in one write, without
 * curses' screen update (tui/mark_move.c says why). */
#ifndef GAVEL_TUI_MARK_MOVE_H
#define GAVEL_TUI_MARK_MOVE_H

/* Where the terminal's cursor is, when the program knows it. */
typedef struct MarkCursor {
   int known, y, x;
} MarkCursor;

/* stdscr holds the move already (the cell at oldY, x blanked, the mark at
 * newY, x) and *cur says the cursor is on oldY, x. Sends the two cells and
 * leaves the cursor on the new one, and curses' images of the screen agree
 * with the terminal afterwards; returns 1. Returns 0 having sent nothing
 * when the cursor is elsewhere or not known, a cell is not a plain
 * character of one column (an attribute, a colour), or the terminal cannot
 * address the cursor: the caller then updates the screen the usual way
 * (refresh). */
int MarkMove_send(MarkCursor *cur, int oldY, int newY, int x);

#endif
