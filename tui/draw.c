#include "tui/draw.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/visible.h"

#include "tui/text.h"

int Draw_text(int y, int x, int w, int attr, const char *s) {
   if (w <= 0 || !s)
      return 0;
   /* Recorded text is hostile: its controls are drawn in their visible form
    * (^[, \x9b, <U+202E>), the same as in every batch output, and measured
    * so (Text_cpWidth). */
   int flags = Text_isAscii() ? VISIBLE_ASCII : 0;
   char *shown = NULL;
   if (!Visible_isClean(s, strlen(s), flags)) {
      shown = Visible_dup(s, flags);
      if (!shown)
         return 0;
      s = shown;
   }
   int used = 0;
   size_t bytes = Text_fit(s, w, &used);
   attrset(attr);
   move(y, x);
   if (bytes)
      addnstr(s, (int)bytes);
   attrset(A_NORMAL);
   free(shown);
   return used;
}

int Draw_textCut(int y, int x, int w, int attr, const char *s, int ascii) {
   if (w <= 0 || !s)
      return 0;
   if (Text_width(s, strlen(s)) <= w)
      return Draw_text(y, x, w, attr, s);
   int used = Draw_text(y, x, w - 1, attr, s);
   return used + Draw_text(y, x + used, 1, attr, ascii ? "~" : "\xe2\x80\xa6");
}

void Draw_line(int y, int x, int w, int attr, const char *s) {
   int used = Draw_text(y, x, w, attr, s);
   if (used < w) {
      attrset(attr);
      mvhline(y, x + used, ' ', w - used);
      attrset(A_NORMAL);
   }
}

void Draw_clear(Rect r, int attr) {
   attrset(attr);
   for (int i = 0; i < r.h; i++)
      mvhline(r.y + i, r.x, ' ', r.w);
   attrset(A_NORMAL);
}

/* Box lines: Unicode when the terminal takes UTF-8 (the line-drawing
 * charset is lost inside some multiplexers), else the terminal's ACS. */
/* A box character as a curses cell in the current attribute: set whole,
 * without decoding UTF-8 cell by cell (a frame is redrawn with its pane). */
static cchar_t Draw_cell(wchar_t wc) {
   cchar_t c;
   wchar_t w[2] = { wc, L'\0' };
   attr_t a;
   short pair;
   attr_get(&a, &pair, NULL);
   setcchar(&c, w, a, pair, NULL);
   return c;
}

static void Draw_hline(int y, int x, int n, int ascii) {
   if (n <= 0)
      return;
   if (ascii) {
      mvhline(y, x, ACS_HLINE, n);
      return;
   }
   cchar_t c = Draw_cell(L'\x2500');
   mvhline_set(y, x, &c, n);
}

static void Draw_corner(int y, int x, chtype acs, wchar_t u, int ascii) {
   if (ascii) {
      mvaddch(y, x, acs);
      return;
   }
   cchar_t c = Draw_cell(u);
   mvadd_wch(y, x, &c);
}

void Draw_frame(Rect r, const char *title, int attr, int title_attr, int ascii) {
   if (r.h < 2 || r.w < 2)
      return;
   attrset(attr);
   Draw_hline(r.y, r.x + 1, r.w - 2, ascii);
   Draw_hline(r.y + r.h - 1, r.x + 1, r.w - 2, ascii);
   if (ascii) {
      mvvline(r.y + 1, r.x, ACS_VLINE, r.h - 2);
      mvvline(r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
   } else if (r.h > 2) {
      cchar_t v = Draw_cell(L'\x2502');
      mvvline_set(r.y + 1, r.x, &v, r.h - 2);
      mvvline_set(r.y + 1, r.x + r.w - 1, &v, r.h - 2);
   }
   Draw_corner(r.y, r.x, ACS_ULCORNER, L'\x250c', ascii);
   Draw_corner(r.y, r.x + r.w - 1, ACS_URCORNER, L'\x2510', ascii);
   Draw_corner(r.y + r.h - 1, r.x, ACS_LLCORNER, L'\x2514', ascii);
   Draw_corner(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER, L'\x2518', ascii);
   attrset(A_NORMAL);
   if (title && *title && r.w > 6) {
      char t[256];
      snprintf(t, sizeof t, " %s ", title);
      if (Text_width(t, strlen(t)) > r.w - 4) {
         /* Cut with an ellipsis and keep a space before the corner. */
         int used = Draw_text(r.y, r.x + 2, r.w - 6, title_attr, t);
         Draw_text(r.y, r.x + 2 + used, 2, title_attr, ascii ? "~ " : "\xe2\x80\xa6 ");
      } else {
         Draw_text(r.y, r.x + 2, r.w - 4, title_attr, t);
      }
   }
}

void Draw_bar(int y, int x, int w, double frac, int attr, int ascii) {
   if (w <= 0)
      return;
   if (frac < 0)
      frac = 0;
   if (frac > 1)
      frac = 1;
   /* In eighths of a cell, drawn with block glyphs: the bar shows in a text
    * capture and without colour too. */
   static const char *const part[8] = { "", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d",
                                        "\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a",
                                        "\xe2\x96\x89" };
   int eighths = (int)(frac * w * 8 + 0.5);
   if (eighths == 0 && frac > 0)
      eighths = 1;
   int full = eighths / 8, rest = eighths % 8;
   attrset(attr & ~A_REVERSE);
   move(y, x);
   for (int i = 0; i < full; i++)
      addstr(ascii ? "#" : "\xe2\x96\x88");
   if (rest && full < w)
      addstr(ascii ? "#" : part[rest]);
   attrset(A_NORMAL);
   int drawn = full + (rest && full < w ? 1 : 0);
   if (drawn < w)
      mvhline(y, x + drawn, ' ', w - drawn);
}

void Draw_rule(Rect r, int y, int attr, int ascii) {
   attrset(attr);
   Draw_corner(y, r.x, ACS_LTEE, L'\x251c', ascii);
   Draw_hline(y, r.x + 1, r.w - 2, ascii);
   Draw_corner(y, r.x + r.w - 1, ACS_RTEE, L'\x2524', ascii);
   attrset(A_NORMAL);
}

/* 3x5 glyphs, one row per string, '#' is ink. Drawn two columns per dot so
 * that they look square on a terminal. */
static const struct {
   char c;
   const char *rows[5];
} Big[] = {
   { 'A', { "###", "#.#", "###", "#.#", "#.#" } }, { 'B', { "##.", "#.#", "##.", "#.#", "##." } },
   { 'C', { "###", "#..", "#..", "#..", "###" } }, { 'D', { "##.", "#.#", "#.#", "#.#", "##." } },
   { 'E', { "###", "#..", "##.", "#..", "###" } }, { 'F', { "###", "#..", "##.", "#..", "#.." } },
   { 'G', { "###", "#..", "#.#", "#.#", "###" } }, { 'H', { "#.#", "#.#", "###", "#.#", "#.#" } },
   { 'I', { "###", ".#.", ".#.", ".#.", "###" } }, { 'J', { "..#", "..#", "..#", "#.#", "###" } },
   { 'K', { "#.#", "#.#", "##.", "#.#", "#.#" } }, { 'L', { "#..", "#..", "#..", "#..", "###" } },
   { 'M', { "#.#", "###", "###", "#.#", "#.#" } }, { 'N', { "##.", "#.#", "#.#", "#.#", "#.#" } },
   { 'O', { "###", "#.#", "#.#", "#.#", "###" } }, { 'P', { "###", "#.#", "###", "#..", "#.." } },
   { 'Q', { "###", "#.#", "#.#", "###", "..#" } }, { 'R', { "##.", "#.#", "##.", "#.#", "#.#" } },
   { 'S', { "###", "#..", "###", "..#", "###" } }, { 'T', { "###", ".#.", ".#.", ".#.", ".#." } },
   { 'U', { "#.#", "#.#", "#.#", "#.#", "###" } }, { 'V', { "#.#", "#.#", "#.#", "#.#", ".#." } },
   { 'W', { "#.#", "#.#", "###", "###", "#.#" } }, { 'X', { "#.#", "#.#", ".#.", "#.#", "#.#" } },
   { 'Y', { "#.#", "#.#", ".#.", ".#.", ".#." } }, { 'Z', { "###", "..#", ".#.", "#..", "###" } },
   { '0', { "###", "#.#", "#.#", "#.#", "###" } }, { '1', { ".#.", "##.", ".#.", ".#.", "###" } },
   { '2', { "###", "..#", "###", "#..", "###" } }, { '3', { "###", "..#", "###", "..#", "###" } },
   { '4', { "#.#", "#.#", "###", "..#", "..#" } }, { '5', { "###", "#..", "###", "..#", "###" } },
   { '6', { "###", "#..", "###", "#.#", "###" } }, { '7', { "###", "..#", "..#", "..#", "..#" } },
   { '8', { "###", "#.#", "###", "#.#", "###" } }, { '9', { "###", "#.#", "###", "..#", "###" } },
   { ':', { "...", ".#.", "...", ".#.", "..." } }, { '/', { "..#", "..#", ".#.", "#..", "#.." } },
   { ' ', { "...", "...", "...", "...", "..." } }, { '-', { "...", "...", "###", "...", "..." } },
};

static int Draw_bigIndex(char c) {
   if (c >= 'a' && c <= 'z')
      c = (char)(c - 'a' + 'A');
   for (size_t i = 0; i < sizeof Big / sizeof Big[0]; i++)
      if (Big[i].c == c)
         return (int)i;
   return -1;
}

int Draw_bigWidth(const char *s) {
   int w = 0;
   for (; *s; s++) {
      if (Draw_bigIndex(*s) < 0)
         return 0;
      w += 8; /* 6 columns of ink and 2 of space */
   }
   return w > 0 ? w - 2 : 0;
}

int Draw_big(int y, int x, int w, int attr, const char *s) {
   int need = Draw_bigWidth(s);
   if (need == 0 || need > w)
      return 0;
   int cx = x;
   for (; *s; s++) {
      int g = Draw_bigIndex(*s);
      for (int r = 0; r < 5; r++)
         for (int c = 0; c < 3; c++) {
            int ink = Big[g].rows[r][c] == '#';
            attrset(ink ? attr : 0);
            mvaddstr(y + r, cx + 2 * c, ink ? "\u2588\u2588" : "  ");
         }
      cx += 8;
   }
   attrset(A_NORMAL);
   return need;
}

void Draw_duration(long secs, char *buf, unsigned n) {
   if (secs < 0)
      secs = 0;
   if (secs >= 3600)
      snprintf(buf, n, "%ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
   else
      snprintf(buf, n, "%ld:%02ld", secs / 60, secs % 60);
}
