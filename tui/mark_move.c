/* Why not curses' own update for a move of the mark: doupdate hashes every
 * changed line for its scroll optimiser, compares the lines, and chooses
 * the cursor's way to each changed cell by formatting every motion the
 * terminal has (cup, vpa, hpa, relative, from the margin, from home): for a
 * move that changes two cells, 49-80 k instructions between the key and the
 * answer at 80x24, 89-137 k at 200x60. Here, before anything of curses:
 * the cursor rests on the old mark (every update leaves it on the selected
 * row's mark), so the blank needs no motion; the absolute move to the new
 * mark (cup, formatted once per row and kept); the mark; one step left,
 * back onto it. 12-13 bytes in one write, before even the two cells are
 * drawn into stdscr.
 *
 * Curses is told afterwards (MarkMove_settle): stdscr's change goes to newscr, and the two
 * cells as the terminal now shows them into curscr, so that its next
 * update finds nothing to send there (were a cell not the plain character
 * sent, curses' update follows at once and puts it right). Curses still
 * believes the cursor where it rested before the moves; MarkMove_sync
 * tells it, with an absolute move, before it next writes. */
#include "tui/mark_move.h"

#include <curses.h>
#include <limits.h>
#include <sched.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "model/width.h"

/* A terminfo string that needs no padding and no parameter, as bytes. */
static int MarkMove_plainCap(const char *cap) {
   return cap && cap != (const char *)-1 && *cap && !strstr(cap, "$<");
}

static MarkMoves *MarkMove_movesFor(MarkCursor *cur, int x) {
   for (int i = 0; i < 2; i++) {
      MarkMoves *m = &cur->moves[i];
      if (m->x == x && m->rows == LINES && m->cols == COLS)
         return m;
   }
   MarkMoves *m = &cur->moves[cur->next];
   cur->next = !cur->next;
   memset(m->len, 0, sizeof m->len);
   m->x = x;
   m->rows = LINES;
   m->cols = COLS;
   return m;
}

/* The bytes of the move to y, x; 0 when there are none to trust. */
static size_t MarkMove_to(MarkCursor *cur, int y, int x, const char **seq) {
   if (y < 0 || y >= MARK_MOVE_ROWS || !MarkMove_plainCap(cursor_address))
      return 0;
   MarkMoves *m = MarkMove_movesFor(cur, x);
   if (!m->len[y]) {
      const char *s = tiparm(cursor_address, y, x);
      size_t n = s ? strlen(s) : 0;
      if (!n || n >= sizeof m->seq[y] || strstr(s, "$<"))
         return 0;
      memcpy(m->seq[y], s, n);
      m->len[y] = (unsigned char)n;
   }
   *seq = m->seq[y];
   return m->len[y];
}

/* newscr's cell at y, x when it is the character wc, alone, of one column,
 * with no attribute and no colour: 1 and the cell in *cell. */
static int MarkMove_cellIs(int y, int x, wchar_t wc, cchar_t *cell) {
   wchar_t w[CCHARW_MAX + 1];
   attr_t a = 0;
   short pair = 0;
   return mvwin_wch(newscr, y, x, cell) != ERR && getcchar(cell, w, &a, &pair, NULL) != ERR &&
          a == A_NORMAL && pair == 0 && w[0] == wc && w[1] == L'\0';
}

int MarkMove_write(MarkCursor *cur, int oldY, int newY, int x, wchar_t mark) {
   if (cur->early) {
      /* sent already, as the key came in: claimed, if it is this move */
      int same = cur->earlyOld == oldY && cur->earlyNew == newY && cur->earlyX == x &&
                 cur->earlyMark == mark;
      if (same) {
         cur->early = 0;
         return 1;
      }
      return 0;
   }
   if (!cur->known || cur->y != oldY || cur->x != x || oldY == newY || !MarkMove_plainCap(cursor_left))
      return 0;
   const char *to;
   size_t nto = MarkMove_to(cur, newY, x, &to);
   if (cur->glyphOf != mark) {
      char g[MB_LEN_MAX];
      mbstate_t st;
      memset(&st, 0, sizeof st);
      size_t ng = wcrtomb(g, mark, &st);
      if (ng == (size_t)-1 || ng > sizeof cur->glyph || Width_cp((uint32_t)mark) != 1)
         return 0;
      memcpy(cur->glyph, g, ng);
      cur->glyphLen = ng;
      cur->glyphOf = mark;
   }
   size_t ng = cur->glyphLen;
   size_t nleft = strlen(cursor_left);
   char buf[64];
   if (!nto || 1 + nto + ng + nleft > sizeof buf)
      return 0;
   size_t n = 0;
   buf[n++] = ' ';
   memcpy(buf + n, to, nto);
   n += nto;
   memcpy(buf + n, cur->glyph, ng);
   n += ng;
   memcpy(buf + n, cursor_left, nleft);
   n += nleft;
   /* curses' own output is flushed at the end of each of its updates. */
   if (write(STDOUT_FILENO, buf, n) != (ssize_t)n) {
      cur->known = 0;
      clearok(curscr, TRUE); /* the terminal may hold part of it: repaint */
      return 0;
   }
   cur->y = newY;
   cur->stale = 1;
   return 1;
}

/* The answer is out: the processor goes first to whoever waits for it (the
 * terminal, woken by the write), then to the rest of the key's work. Where
 * both share a processor the answer is read at once instead of after that
 * work, and the pair stays on one processor, so the next key wakes gavel
 * there rather than on another, idle one (on this 2-vCPU machine that
 * wake-up was about 75 us of a key's 140; doc/performance.md, target 2). */
static void MarkMove_yield(void) {
   (void)sched_yield();
}

int MarkMove_early(MarkCursor *cur, int oldY, int newY, int x, wchar_t mark) {
   cur->early = 0;
   if (!MarkMove_write(cur, oldY, newY, x, mark))
      return 0;
   MarkMove_yield();
   cur->early = 1;
   cur->earlyOld = oldY;
   cur->earlyNew = newY;
   cur->earlyX = x;
   cur->earlyMark = mark;
   return 1;
}

int MarkMove_earlyLeft(MarkCursor *cur) {
   int left = cur->early;
   cur->early = 0;
   return left;
}

void MarkMove_settle(MarkCursor *cur, int oldY, int newY, int x, wchar_t mark) {
   wnoutrefresh(stdscr);
   cchar_t off, on;
   if (MarkMove_cellIs(oldY, x, L' ', &off) && MarkMove_cellIs(newY, x, mark, &on)) {
      mvwadd_wchnstr(curscr, oldY, x, &off, 1);
      mvwadd_wchnstr(curscr, newY, x, &on, 1);
   } else {
      MarkMove_sync(cur);
      doupdate();
   }
}

/* The same for a letter typed at the end of the notes: the cursor rests at
 * the insertion point, so the byte alone is the whole answer to the key
 * (curses' update of the row: 30-odd k instructions). */
int MarkMove_typedCan(const MarkCursor *cur, int y, int x) {
   cchar_t cell;
   if (!cur->known || cur->y != y || cur->x != x || x + 1 >= COLS)
      return 0;
   wchar_t w[CCHARW_MAX + 1];
   attr_t a = 0;
   short pair = 0;
   return mvwin_wch(curscr, y, x, &cell) != ERR && getcchar(&cell, w, &a, &pair, NULL) != ERR &&
          a == A_NORMAL && pair == 0 && w[0] == L' ' && w[1] == L'\0';
}

int MarkMove_typed(MarkCursor *cur, int y, int x, char c) {
   if (c < 0x20 || c > 0x7E || !cur->known || cur->y != y || cur->x != x)
      return 0;
   if (write(STDOUT_FILENO, &c, 1) != 1) {
      cur->known = 0;
      clearok(curscr, TRUE);
      return 0;
   }
   MarkMove_yield();
   cur->x = x + 1;
   cur->stale = 1;
   return 1;
}

void MarkMove_typedSettle(MarkCursor *cur, int y, int x, wchar_t c, int alone) {
   wnoutrefresh(stdscr);
   /* curscr holds what the terminal shows, whatever newscr wants there. */
   wchar_t w[2] = { c, L'\0' };
   cchar_t sent, want;
   if (setcchar(&sent, w, A_NORMAL, 0, NULL) != ERR)
      mvwadd_wchnstr(curscr, y, x, &sent, 1);
   else
      clearok(curscr, TRUE);
   /* Reading newscr's cell moves its cursor: put back where stdscr left it. */
   int cy = getcury(newscr), cx = getcurx(newscr);
   int same = MarkMove_cellIs(y, x, c, &want);
   wmove(newscr, cy, cx);
   if (alone && same && cy == cur->y && cx == cur->x)
      return;
   MarkMove_sync(cur);
   doupdate();
}

void MarkMove_sync(MarkCursor *cur) {
   if (!cur->stale)
      return;
   cur->stale = 0;
   mvcur(-1, -1, cur->y, cur->x);
   fflush(stdout);
}

void MarkMove_reset(MarkCursor *cur) {
   memset(cur, 0, sizeof *cur);
   cur->moves[0].x = cur->moves[1].x = -1;
}
