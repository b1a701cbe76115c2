#include "tui/editor.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "tui/text.h"

void Editor_init(Editor *ed) {
   memset(ed, 0, sizeof *ed);
   ed->cap = 64;
   ed->text = calloc(ed->cap, 1);
   ed->goal = -1;
}

void Editor_free(Editor *ed) {
   free(ed->text);
   free(ed->lines);
   memset(ed, 0, sizeof *ed);
}

static void Editor_reserve(Editor *ed, size_t extra) {
   if (ed->len + extra + 1 <= ed->cap)
      return;
   size_t cap = ed->cap ? ed->cap : 64;
   while (ed->len + extra + 1 > cap)
      cap *= 2;
   ed->text = realloc(ed->text, cap);
   ed->cap = cap;
}

static void Editor_changed(Editor *ed) {
   ed->version++;
   ed->width = 0; /* layout is stale */
}

static void Editor_insertText(Editor *ed, const char *s, size_t n, int keep);

void Editor_set(Editor *ed, const char *text) {
   ed->len = 0;
   ed->text[0] = '\0';
   ed->cursor = 0;
   Editor_insertText(ed, text, strlen(text), 1);
   ed->cursor = ed->len;
   ed->goal = -1;
   ed->top = 0;
   Editor_changed(ed);
}

const char *Editor_text(const Editor *ed) {
   return ed->text;
}

int Editor_isEmpty(const Editor *ed) {
   return ed->len == 0;
}

static void Editor_splice(Editor *ed, size_t at, size_t del, const char *s, size_t n) {
   if (n > del)
      Editor_reserve(ed, n - del);
   memmove(ed->text + at + n, ed->text + at + del, ed->len - at - del + 1);
   memcpy(ed->text + at, s, n);
   ed->len = ed->len - del + n;
}

/* keep: a control character stays (text already recorded, shown in its
 * visible form) instead of being dropped (typed or pasted). */
static void Editor_insertText(Editor *ed, const char *s, size_t n, int keep) {
   /* Clean into a scratch buffer first: one splice for a whole paste. */
   char *clean = malloc(n * 3 + 1);
   size_t m = 0;
   for (size_t i = 0; i < n;) {
      uint32_t cp;
      size_t l = Text_decode(s + i, n - i, &cp);
      if (cp == '\r') {
         clean[m++] = '\n';
         if (i + 1 < n && s[i + 1] == '\n')
            l = 2;
      } else if (cp == '\t') {
         clean[m++] = ' ';
      } else if (cp == '\n') {
         clean[m++] = '\n';
      } else if (!keep && (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))) {
         /* dropped */
      } else {
         m += Text_encode(cp, clean + m);
      }
      i += l;
   }
   if (m) {
      Editor_splice(ed, ed->cursor, 0, clean, m);
      ed->cursor += m;
      Editor_changed(ed);
   }
   free(clean);
   ed->goal = -1;
}

void Editor_insert(Editor *ed, const char *s, size_t n) {
   Editor_insertText(ed, s, n, 0);
}

void Editor_insertCodepoint(Editor *ed, unsigned cp) {
   char buf[4];
   size_t n = Text_encode(cp, buf);
   Editor_insert(ed, buf, n);
}

/* Combining marks stay with the character before them. */
static size_t Editor_nextCluster(const Editor *ed, size_t i) {
   i = Text_next(ed->text, ed->len, i);
   while (i < ed->len) {
      uint32_t cp;
      size_t l = Text_decode(ed->text + i, ed->len - i, &cp);
      if (cp == '\n' || Text_cpWidth(cp) != 0)
         break;
      i += l;
   }
   return i;
}

static size_t Editor_prevCluster(const Editor *ed, size_t i) {
   while (i > 0) {
      i = Text_prev(ed->text, i);
      uint32_t cp;
      Text_decode(ed->text + i, ed->len - i, &cp);
      if (cp == '\n' || Text_cpWidth(cp) != 0)
         break;
   }
   return i;
}

void Editor_backspace(Editor *ed) {
   ed->goal = -1;
   if (ed->cursor == 0)
      return;
   /* Backspace removes one code point, so a combining accent typed last goes first. */
   size_t p = Text_prev(ed->text, ed->cursor);
   Editor_splice(ed, p, ed->cursor - p, "", 0);
   ed->cursor = p;
   Editor_changed(ed);
}

void Editor_delete(Editor *ed) {
   ed->goal = -1;
   if (ed->cursor >= ed->len)
      return;
   size_t n = Editor_nextCluster(ed, ed->cursor);
   Editor_splice(ed, ed->cursor, n - ed->cursor, "", 0);
   Editor_changed(ed);
}

void Editor_left(Editor *ed) {
   ed->goal = -1;
   ed->cursor = Editor_prevCluster(ed, ed->cursor);
}

void Editor_right(Editor *ed) {
   ed->goal = -1;
   ed->cursor = Editor_nextCluster(ed, ed->cursor);
}

static int Editor_isWordAt(const Editor *ed, size_t i) {
   uint32_t cp;
   Text_decode(ed->text + i, ed->len - i, &cp);
   if (cp < 0x80)
      return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
             cp == '_';
   return iswalnum((wint_t)cp) || Text_cpWidth(cp) == 0;
}

void Editor_wordRight(Editor *ed) {
   ed->goal = -1;
   size_t i = ed->cursor;
   while (i < ed->len && !Editor_isWordAt(ed, i))
      i = Text_next(ed->text, ed->len, i);
   while (i < ed->len && Editor_isWordAt(ed, i))
      i = Text_next(ed->text, ed->len, i);
   ed->cursor = i;
}

static size_t Editor_wordStartBefore(const Editor *ed, size_t i) {
   while (i > 0) {
      size_t p = Text_prev(ed->text, i);
      if (Editor_isWordAt(ed, p))
         break;
      i = p;
   }
   while (i > 0) {
      size_t p = Text_prev(ed->text, i);
      if (!Editor_isWordAt(ed, p))
         break;
      i = p;
   }
   return i;
}

void Editor_wordLeft(Editor *ed) {
   ed->goal = -1;
   ed->cursor = Editor_wordStartBefore(ed, ed->cursor);
}

void Editor_deleteWordBack(Editor *ed) {
   ed->goal = -1;
   size_t s = Editor_wordStartBefore(ed, ed->cursor);
   if (s == ed->cursor)
      return;
   Editor_splice(ed, s, ed->cursor - s, "", 0);
   ed->cursor = s;
   Editor_changed(ed);
}

void Editor_killToEnd(Editor *ed) {
   ed->goal = -1;
   size_t e = ed->cursor;
   while (e < ed->len && ed->text[e] != '\n')
      e++;
   if (e == ed->cursor && e < ed->len)
      e++; /* at the end of a line: join with the next */
   if (e == ed->cursor)
      return;
   Editor_splice(ed, ed->cursor, e - ed->cursor, "", 0);
   Editor_changed(ed);
}

void Editor_textStart(Editor *ed) {
   ed->goal = -1;
   ed->cursor = 0;
}

void Editor_textEnd(Editor *ed) {
   ed->goal = -1;
   ed->cursor = ed->len;
}

static void Editor_pushLine(Editor *ed, size_t start, size_t end, size_t next) {
   if (ed->nlines == ed->linecap) {
      ed->linecap = ed->linecap ? ed->linecap * 2 : 16;
      ed->lines = realloc(ed->lines, ed->linecap * sizeof *ed->lines);
   }
   ed->lines[ed->nlines++] = (EditorLine){ start, end, next };
}

/* Word wrap: a row breaks after the last space that fits, or inside a word
 * longer than the row. The end of a line (newline or end of text) needs one
 * cell for the cursor, so a full row pushes it to the next row. */
const EditorLine *Editor_layout(Editor *ed, int width, size_t *nlines) {
   if (width < 1)
      width = 1;
   if (ed->width == width && ed->lines) {
      *nlines = ed->nlines;
      return ed->lines;
   }
   ed->nlines = 0;
   size_t pos = 0;
   for (;;) {
      size_t start = pos, i = pos, brk = 0;
      int w = 0;
      for (;;) {
         if (i >= ed->len || ed->text[i] == '\n') {
            if (w + 1 > width && i > start) {
               if (brk > start) {
                  Editor_pushLine(ed, start, brk, brk);
                  pos = brk;
               } else {
                  Editor_pushLine(ed, start, i, i);
                  pos = i;
               }
            } else if (i >= ed->len) {
               Editor_pushLine(ed, start, i, ed->len + 1);
               pos = ed->len + 1;
            } else {
               Editor_pushLine(ed, start, i, i + 1);
               pos = i + 1;
            }
            break;
         }
         uint32_t cp;
         size_t l = Text_decode(ed->text + i, ed->len - i, &cp);
         int cw = Text_cpWidth(cp);
         if (w + cw > width && i > start) {
            if (brk > start) {
               Editor_pushLine(ed, start, brk, brk);
               pos = brk;
            } else {
               Editor_pushLine(ed, start, i, i);
               pos = i;
            }
            break;
         }
         w += cw;
         i += l;
         if (cp == ' ')
            brk = i;
      }
      if (pos > ed->len)
         break;
   }
   ed->width = width;
   *nlines = ed->nlines;
   return ed->lines;
}

static size_t Editor_rowOf(Editor *ed, int width, size_t at) {
   size_t n;
   const EditorLine *L = Editor_layout(ed, width, &n);
   for (size_t r = 0; r < n; r++)
      if (at >= L[r].start && at < L[r].next)
         return r;
   return n - 1;
}

void Editor_cursorRowCol(Editor *ed, int width, size_t *row, int *col) {
   size_t r = Editor_rowOf(ed, width, ed->cursor);
   *row = r;
   *col = Text_width(ed->text + ed->lines[r].start, ed->cursor - ed->lines[r].start);
}

/* The offset in row r nearest to column goal without passing it. */
static size_t Editor_offsetAtCol(Editor *ed, size_t r, int goal) {
   const EditorLine *L = &ed->lines[r];
   size_t i = L->start;
   int w = 0;
   while (i < L->end) {
      uint32_t cp;
      size_t l = Text_decode(ed->text + i, ed->len - i, &cp);
      int cw = Text_cpWidth(cp);
      if (w + cw > goal)
         break;
      w += cw;
      i += l;
   }
   /* A soft-wrapped row's last offset belongs to the next row. */
   if (i == L->next && i > L->start)
      i = Text_prev(ed->text, i);
   return i;
}

static void Editor_vertical(Editor *ed, int width, int dir) {
   size_t row;
   int col;
   Editor_cursorRowCol(ed, width, &row, &col);
   if (ed->goal < 0)
      ed->goal = col;
   if (dir < 0 && row == 0) {
      ed->cursor = 0;
      return;
   }
   if (dir > 0 && row + 1 >= ed->nlines) {
      ed->cursor = ed->len;
      return;
   }
   int goal = ed->goal;
   ed->cursor = Editor_offsetAtCol(ed, dir < 0 ? row - 1 : row + 1, goal);
   ed->goal = goal;
}

void Editor_up(Editor *ed, int width) {
   Editor_vertical(ed, width, -1);
}

void Editor_down(Editor *ed, int width) {
   Editor_vertical(ed, width, 1);
}

void Editor_home(Editor *ed, int width) {
   size_t r = Editor_rowOf(ed, width, ed->cursor);
   ed->goal = -1;
   ed->cursor = ed->lines[r].start;
}

void Editor_end(Editor *ed, int width) {
   size_t r = Editor_rowOf(ed, width, ed->cursor);
   ed->goal = -1;
   const EditorLine *L = &ed->lines[r];
   size_t e = L->end;
   /* On a soft-wrapped row, stop before the space or the character that
    * the next row starts with. */
   if (L->next == L->end && e > L->start)
      e = Text_prev(ed->text, e);
   ed->cursor = e;
}

void Editor_scrollTo(Editor *ed, int width, int height) {
   size_t row;
   int col;
   Editor_cursorRowCol(ed, width, &row, &col);
   if (height < 1)
      height = 1;
   if (row < ed->top)
      ed->top = row;
   else if (row >= ed->top + (size_t)height)
      ed->top = row - (size_t)height + 1;
   size_t n = ed->nlines;
   if (ed->top > 0 && ed->top + (size_t)height > n)
      ed->top = n > (size_t)height ? n - (size_t)height : 0;
}
