/* A move of the selection's mark sent straight to the terminal: the old mark
 * blanked, the new one drawn, the cursor left on it, in one write, before
 * any screen update of curses (tui/mark_move.c says why and how curses is
 * kept right). */
#ifndef GAVEL_TUI_MARK_MOVE_H
#define GAVEL_TUI_MARK_MOVE_H

#include <stddef.h>
#include <wchar.h>

/* The absolute moves to the mark's column, one per row, kept for two
 * columns (the agenda's and the queue's): formatted once, not at each key. */
#define MARK_MOVE_ROWS 160
typedef struct MarkMoves {
   int x, rows, cols;           /* what they are for; x -1: none yet */
   unsigned char len[MARK_MOVE_ROWS];
   char seq[MARK_MOVE_ROWS][15];
} MarkMoves;

typedef struct MarkCursor {
   int known, y, x; /* the terminal's cursor is at y, x */
   int stale;       /* and curses believes it where it was before the moves */
   MarkMoves moves[2];
   int next;        /* the slot to reuse */
   wchar_t glyphOf; /* the mark whose bytes glyph holds (0: none yet) */
   char glyph[8];
   size_t glyphLen;
} MarkCursor;

/* stdscr holds the move already (the cell at oldY, x blanked, mark at newY,
 * x) and *cur says the cursor is on oldY, x. Sends the two cells, leaves the
 * cursor on the new one, then brings curses' images of the screen to what
 * the terminal shows; returns 1. Returns 0 having sent nothing when the
 * cursor is elsewhere or not known, or the terminal lacks what this needs:
 * the caller then updates the screen the usual way (refresh). */
int MarkMove_send(MarkCursor *cur, int oldY, int newY, int x, wchar_t mark);

/* Before curses writes to the terminal (a screen update, endwin): tells it
 * where the cursor is after moves sent by MarkMove_send. */
void MarkMove_sync(MarkCursor *cur);

/* Forgets the cached moves (the cursor no longer known either). */
void MarkMove_reset(MarkCursor *cur);

#endif
