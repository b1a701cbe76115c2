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
   int early;                 /* a move sent as the key arrived (MarkMove_early) */
   int earlyOld, earlyNew, earlyX;
   wchar_t earlyMark;
} MarkCursor;

/* A move of the mark from oldY, x to newY, x, when *cur says the cursor is
 * on oldY, x: sends the blank, the new mark and the cursor onto it, before
 * curses knows of the move; returns 1. Returns 0 having sent nothing when
 * the cursor is elsewhere or not known, or the terminal lacks what this
 * needs: the caller then updates the screen the usual way (refresh). */
int MarkMove_write(MarkCursor *cur, int oldY, int newY, int x, wchar_t mark);

/* MarkMove_write as soon as the key is read, before the key is even
 * dispatched, where a move was worked out while the terminal was idle; the
 * pane's own MarkMove_write of the same move then returns 1 at once. */
int MarkMove_early(MarkCursor *cur, int oldY, int newY, int x, wchar_t mark);

/* After a key: 1 when a move sent early was not claimed by the pane (the
 * terminal then shows what curses does not know: repaint). Forgets it. */
int MarkMove_earlyLeft(MarkCursor *cur);

/* After MarkMove_write, once stdscr holds the move too: brings curses'
 * images of the screen to what the terminal shows (or, were a cell not the
 * plain character sent, lets curses' update put it right at once). */
void MarkMove_settle(MarkCursor *cur, int oldY, int newY, int x, wchar_t mark);

/* Whether a one-column, one-byte character typed where the cursor is, at
 * y, x, could be sent at once: the cursor known to be there, the cell a
 * plain blank, a column to its right. Asked before the key is read, so
 * that nothing stands between its arrival and MarkMove_typed. */
int MarkMove_typedCan(const MarkCursor *cur, int y, int x);

/* Sends c (printable ASCII) where MarkMove_typedCan said it could go (the
 * cursor then one column right); returns 1. Returns 0 having sent nothing
 * when c is not printable ASCII or the cursor has left y, x. */
int MarkMove_typed(MarkCursor *cur, int y, int x, char c);

/* After MarkMove_typed, once stdscr holds the letter and the cursor: brings
 * curses' images to what the terminal shows; alone: nothing else of the
 * screen changed, else (or were the cell not the letter sent) curses'
 * update follows at once. */
void MarkMove_typedSettle(MarkCursor *cur, int y, int x, wchar_t c, int alone);

/* Before curses writes to the terminal (a screen update, endwin): tells it
 * where the cursor is after moves sent by MarkMove_write. */
void MarkMove_sync(MarkCursor *cur);

/* Forgets the cached moves (the cursor no longer known either). */
void MarkMove_reset(MarkCursor *cur);

#endif
