/* Why not curses' own update for a move of the mark: doupdate hashes every
 * changed line for its scroll optimiser, compares the lines, and chooses
 * the cursor's way to each changed cell by formatting every motion the
 * terminal has (cup, vpa, hpa, relative, from the margin, from home): for a
 * move that changes two cells, 49-80 k instructions between the key and the
 * answer. Here: the cursor rests on the old mark (every update leaves it on
 * the selected row's mark), so the blank needs no motion; one absolute move
 * (curses' mvcur from an unknown place: cup, nothing tried) to the new
 * mark; the mark; one step left, back onto it. 12-13 bytes, a few thousand
 * instructions.
 *
 * Curses stays right: mvcur tells it where the absolute move leaves the
 * cursor, the step left brings the terminal back to that place, and the two
 * cells are copied from newscr into curscr, so that its next update finds
 * nothing to send there. Only the simplest cells go this way; anything
 * else is left to curses. */
#include "tui/mark_move.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <term.h>
#include <wchar.h>

/* newscr's cell at y, x into *cell and its bytes into out, when it is one
 * character of one column with no attribute and no colour; else 0. */
static size_t MarkMove_plain(int y, int x, cchar_t *cell, char *out) {
   wchar_t wc[CCHARW_MAX + 1];
   attr_t a = 0;
   short pair = 0;
   if (mvwin_wch(newscr, y, x, cell) == ERR || getcchar(cell, wc, &a, &pair, NULL) == ERR)
      return 0;
   if ((a & ~A_COLOR) != A_NORMAL || (a & A_COLOR) || pair != 0 || wc[0] == L'\0' ||
       wc[1] != L'\0' || wcwidth(wc[0]) != 1)
      return 0;
   mbstate_t st;
   memset(&st, 0, sizeof st);
   size_t n = wcrtomb(out, wc[0], &st);
   return n == (size_t)-1 ? 0 : n;
}

static int MarkMove_putc(int c) {
   return putchar(c);
}

int MarkMove_send(MarkCursor *cur, int oldY, int newY, int x) {
   char off[MB_LEN_MAX], on[MB_LEN_MAX];
   cchar_t coff, con;
   /* The cursor must rest on the old mark, as every update leaves it. */
   if (!cursor_address || oldY == newY || !cur->known || cur->y != oldY || cur->x != x)
      return 0;
   wnoutrefresh(stdscr);
   size_t noff = MarkMove_plain(oldY, x, &coff, off);
   size_t non = MarkMove_plain(newY, x, &con, on);
   if (!noff || !non)
      return 0;
   /* Output goes through stdio, as mvcur's does: one write at the end. */
   fwrite(off, 1, noff, stdout);
   if (mvcur(-1, -1, newY, x) == ERR) {
      /* Curses no longer knows where the cursor is: repaint everything. */
      fflush(stdout);
      clearok(curscr, TRUE);
      cur->known = 0;
      return 0;
   }
   fwrite(on, 1, non, stdout);
   if (cursor_left)
      tputs(cursor_left, 1, MarkMove_putc);
   else
      mvcur(-1, -1, newY, x);
   fflush(stdout);
   mvwadd_wchnstr(curscr, oldY, x, &coff, 1);
   mvwadd_wchnstr(curscr, newY, x, &con, 1);
   cur->known = 1;
   cur->y = newY;
   cur->x = x;
   return 1;
}
