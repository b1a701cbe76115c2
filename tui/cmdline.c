#include "tui/cmdline.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/text.h"

void History_add(History *h, const char *line) {
   if (!line[0])
      return;
   if (h->n > 0 && strcmp(h->lines[h->n - 1], line) == 0)
      return;
   if (h->n == HISTORY_MAX) {
      free(h->lines[0]);
      memmove(h->lines, h->lines + 1, (HISTORY_MAX - 1) * sizeof h->lines[0]);
      h->n--;
   }
   h->lines[h->n++] = strdup(line);
}

void History_free(History *h) {
   for (int i = 0; i < h->n; i++)
      free(h->lines[i]);
   h->n = 0;
}

void Cmdline_init(Cmdline *c, History *h) {
   memset(c, 0, sizeof *c);
   Editor_init(&c->ed);
   c->history = h;
}

void Cmdline_free(Cmdline *c) {
   Editor_free(&c->ed);
   free(c->stash);
   c->stash = NULL;
}

void Cmdline_open(Cmdline *c, const char *text) {
   Editor_set(&c->ed, text ? text : "");
   c->hpos = c->history ? c->history->n : 0;
   free(c->stash);
   c->stash = NULL;
   c->hint[0] = '\0';
}

const char *Cmdline_text(const Cmdline *c) {
   return Editor_text(&c->ed);
}

static void Cmdline_browse(Cmdline *c, int dir) {
   History *h = c->history;
   if (!h)
      return;
   int to = c->hpos + dir;
   if (to < 0 || to > h->n)
      return;
   if (c->hpos == h->n) {
      free(c->stash);
      c->stash = strdup(Editor_text(&c->ed));
   }
   c->hpos = to;
   Editor_set(&c->ed, to == h->n ? (c->stash ? c->stash : "") : h->lines[to]);
}

static void Cmdline_complete(Cmdline *c, const CompleteSource *src) {
   Completion comp;
   char line[1024];
   snprintf(line, sizeof line, "%s", Editor_text(&c->ed));
   size_t cur = c->ed.cursor < strlen(line) ? c->ed.cursor : strlen(line);
   int n = Complete_line(line, cur, src, &comp);
   c->hint[0] = '\0';
   if (n == 0)
      return;
   size_t at = Complete_apply(line, sizeof line, &comp);
   Editor_set(&c->ed, line);
   c->ed.cursor = at;
   if (n > 1) {
      size_t used = 0;
      int shown = n < COMPLETE_MAX ? n : COMPLETE_MAX;
      for (int i = 0; i < shown && used + 2 < sizeof c->hint; i++) {
         int w = snprintf(c->hint + used, sizeof c->hint - used, "%s%s", i ? "  " : "",
                          comp.match[i]);
         if (w < 0 || (size_t)w >= sizeof c->hint - used)
            break;
         used += (size_t)w;
      }
   }
}

CmdlineResult Cmdline_key(Cmdline *c, int key, const CompleteSource *src) {
   Editor *ed = &c->ed;
   if (key != TK_TAB)
      c->hint[0] = '\0';
   switch (key) {
   case KEY_FN(KEY_ENTER):
      return CMDLINE_RUN;
   case TK_ESC:
   case KEY_CTRL('c'):
   case KEY_CTRL('g'):
      return CMDLINE_CANCEL;
   case KEY_FN(KEY_BACKSPACE):
      if (Editor_isEmpty(ed))
         return CMDLINE_CANCEL;
      Editor_backspace(ed);
      break;
   case KEY_FN(KEY_DC):
   case KEY_CTRL('d'):
      Editor_delete(ed);
      break;
   case KEY_FN(KEY_LEFT):
   case KEY_CTRL('b'):
      Editor_left(ed);
      break;
   case KEY_FN(KEY_RIGHT):
   case KEY_CTRL('f'):
      Editor_right(ed);
      break;
   case TK_CLEFT:
      Editor_wordLeft(ed);
      break;
   case TK_CRIGHT:
      Editor_wordRight(ed);
      break;
   case KEY_FN(KEY_HOME):
   case KEY_CTRL('a'):
      Editor_textStart(ed);
      break;
   case KEY_FN(KEY_END):
   case KEY_CTRL('e'):
      Editor_textEnd(ed);
      break;
   case KEY_CTRL('w'):
      Editor_deleteWordBack(ed);
      break;
   case KEY_CTRL('k'):
      Editor_killToEnd(ed);
      break;
   case KEY_CTRL('u'):
      Editor_set(ed, ed->text + ed->cursor);
      Editor_textStart(ed);
      break;
   case KEY_FN(KEY_UP):
   case KEY_CTRL('p'):
      Cmdline_browse(c, -1);
      break;
   case KEY_FN(KEY_DOWN):
   case KEY_CTRL('n'):
      Cmdline_browse(c, 1);
      break;
   case TK_TAB:
      Cmdline_complete(c, src);
      break;
   default:
      if (!KEY_ISFN(key) && !(key & KEY_ALT(0)) && key >= 0x20 && key != 0x7F)
         Editor_insertCodepoint(ed, (unsigned)key);
      break;
   }
   return CMDLINE_EDITING;
}

void Cmdline_draw(Cmdline *c, int y, int x, int w) {
   if (w < 3)
      return;
   const char *t = Editor_text(&c->ed);
   int before = Text_width(t, c->ed.cursor);
   int room = w - 2; /* ':' and the cursor cell */
   /* Scroll so that the cursor stays in view, by whole characters. */
   size_t from = 0;
   while (before > room) {
      size_t n = Text_next(t, c->ed.len, from);
      before -= Text_width(t + from, n - from);
      from = n;
   }
   /* A line scrolled or cut says so: an ellipsis where text is hidden,
    * which takes a cell of its own. */
   int lead = from > 0;
   while (lead && before > room - 1 && from < c->ed.len) {
      size_t n = Text_next(t, c->ed.len, from);
      before -= Text_width(t + from, n - from);
      from = n;
   }
   mvaddch(y, x, ':');
   const char *mark = c->ascii ? "<" : "\xe2\x80\xa6";
   if (lead)
      addstr(mark);
   int cells = w - 1 - lead;
   int cut = Text_width(t + from, c->ed.len - from) > cells;
   /* Draw_text shows controls in their visible form, measured so. */
   int used = Draw_text(y, x + 1 + lead, cells - cut, A_NORMAL, t + from);
   move(y, x + 1 + lead + used);
   if (cut) {
      addstr(c->ascii ? ">" : mark);
      used++;
   }
   for (int i = 1 + lead + used; i < w; i++)
      addch(' ');
   move(y, x + 1 + lead + before);
}
