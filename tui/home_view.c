/* The home screen on the terminal: the sessions list with its filter, the
 * open actions beside it (below it on a small terminal), the search hits,
 * the text views and the help, the question line and the keys. */
#include "tui/home_state.h"

#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/visible.h"
#include "tui/app.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/text.h"

typedef struct HomeLayout {
   Rect list, side;   /* side.h == 0: no room for the actions */
} HomeLayout;

static HomeLayout HomeView_layout(const Home *h) {
   HomeLayout l;
   int body = h->rows - 3;
   if (h->cols >= 120) {
      int sw = h->cols * 2 / 5;
      l.list = (Rect){ 1, 0, body, h->cols - sw };
      l.side = (Rect){ 1, h->cols - sw, body, sw };
   } else {
      int sh = body >= 14 ? body * 2 / 5 : 0;
      l.list = (Rect){ 1, 0, body - sh, h->cols };
      l.side = (Rect){ 1 + body - sh, 0, sh, h->cols };
   }
   return l;
}

static int HomeView_overdue(const Home *h, const ActionRow *r) {
   char today[11];
   Date_format_iso(h->today, today);
   return r->kind == ACTION_TODO && !r->done && r->due[0] && strcmp(r->due, today) < 0;
}

/* A row cut to w columns ends in an ellipsis (Draw_textCut). */
static void HomeView_row(Home *h, int y, int x, int w, int attr, const char *text) {
   Draw_line(y, x, w, attr, "");
   Draw_textCut(y, x, w, attr, text, h->ascii);
}

/* Keeps sel in view: top moves by as little as it must. */
static void HomeView_scroll(int sel, int *top, int rows) {
   if (rows < 1)
      rows = 1;
   if (sel < *top)
      *top = sel;
   if (sel >= *top + rows)
      *top = sel - rows + 1;
   if (*top < 0)
      *top = 0;
}

static void HomeView_drawList(Home *h, Rect r) {
   char title[700];
   int focus = !h->focusActions;
   if (h->filter[0] || h->ask == ASK_FILTER) {
      char *v = Visible_dup(h->filter, 0);
      snprintf(title, sizeof title, "Sessions %zu of %zu  filter: %s", h->nshown, h->a.count, v ? v : "");
      free(v);
   } else
      snprintf(title, sizeof title, "Sessions (%zu), newest first", h->a.count);
   Draw_clear(r, 0);
   Draw_frame(r, title, h->attr[ROLE_BORDER], h->attr[focus ? ROLE_TITLE : ROLE_DIM], h->ascii);
   int x = r.x + 1, w = r.w - 2, rows = r.h - 3;
   if (w < 10 || rows < 1)
      return;
   /* The numbers keep their columns at the right; the body takes the rest. */
   const int nw = 19;
   char head[64];
   snprintf(head, sizeof head, "%5s %6s %5s", "items", "spoke", "open");
   Draw_text(r.y + 1, x, w, h->attr[ROLE_DIM], "date        body");
   if (w > nw + 20)
      Draw_text(r.y + 1, x + w - nw, nw, h->attr[ROLE_DIM], head);
   HomeView_scroll(h->sel, &h->top, rows);
   if (h->nshown == 0)
      Draw_text(r.y + 2, x, w, h->attr[ROLE_DIM],
                h->a.count ? "  no session matches the filter (Esc clears it)"
                           : "  no session yet: n starts one");
   for (int i = 0; i < rows && h->top + i < (int)h->nshown; i++) {
      const ArchiveEntry *e = &h->a.entries[h->shown[h->top + i]];
      int y = r.y + 2 + i, sel = h->top + i == h->sel;
      int attr = sel ? h->attr[focus ? ROLE_SELECTED : ROLE_CURRENT] : 0;
      char date[16] = "(no date) ", nums[64] = "", line[1200];
      if (e->day != GV_NO_DAY)
         Date_format_iso(e->day, date);
      if (e->state != ARCHIVE_UNREADABLE)
         snprintf(nums, sizeof nums, "%5zu %6zu %5zu", e->items, e->interventions, e->open_actions);
      char *body = Visible_dup(e->body ? e->body : e->name, 0);
      /* The problem names the file by its path: the name is enough here. */
      const char *pr = e->problem;
      size_t pl = strlen(e->path);
      if (pr && strncmp(pr, e->path, pl) == 0 && pr[pl] == ':')
         pr += pl + 1;
      char *problem = NULL;
      if (pr) {
         GvBuf pb = GV_BUF_INIT;
         GvBuf_printf(&pb, "%s:%s", e->name, pr);
         problem = Visible_dup(GvBuf_str(&pb), 0);
         GvBuf_free(&pb);
      }
      const char *mark = e->state == ARCHIVE_UNREADABLE ? "!! " : e->problem ? "! " : "";
      /* Today's marker first: a long body is what gets cut. */
      snprintf(line, sizeof line, "%-10s  %s%s%s%s", date, e->day == h->today ? "today: " : "", mark,
               e->state == ARCHIVE_UNREADABLE && problem ? problem : body ? body : "",
               e->locked ? "  (open in a live gavel)" : "");
      free(body);
      free(problem);
      int tw = w > nw + 20 ? w - nw - 1 : w;
      HomeView_row(h, y, x, w, attr, "");
      Draw_textCut(y, x, tw, attr | (e->problem ? h->attr[ROLE_WARN] : 0), line, h->ascii);
      if (tw < w)
         Draw_text(y, x + w - nw, nw, attr, nums);
      if (sel && focus)
         move(y, x);
   }
   char more[64] = "";
   int after = (int)h->nshown - (h->top + rows);
   if (after > 0)
      snprintf(more, sizeof more, "%d more below", after);
   Draw_text(r.y + r.h - 2, x, w, h->attr[ROLE_DIM], more);
}

static void HomeView_drawSide(Home *h, Rect r) {
   if (r.h < 4)
      return;
   size_t late = 0;
   for (size_t i = 0; i < h->actions.count; i++)
      late += (size_t)HomeView_overdue(h, &h->actions.rows[i]);
   char title[128];
   snprintf(title, sizeof title, "Open actions and deadlines (%zu, %zu overdue)", h->actions.count, late);
   int focus = h->focusActions;
   Draw_clear(r, 0);
   Draw_frame(r, title, h->attr[ROLE_BORDER], h->attr[focus ? ROLE_TITLE : ROLE_DIM], h->ascii);
   int x = r.x + 1, w = r.w - 2, rows = r.h - 2;
   HomeView_scroll(h->asel, &h->atop, rows);
   if (h->actions.count == 0)
      Draw_text(r.y + 1, x, w, h->attr[ROLE_DIM], "  nothing open");
   for (int i = 0; i < rows && h->atop + i < (int)h->actions.count; i++) {
      const ActionRow *a = &h->actions.rows[h->atop + i];
      int y = r.y + 1 + i, sel = h->atop + i == h->asel;
      int over = HomeView_overdue(h, a);
      int attr = sel ? h->attr[focus ? ROLE_SELECTED : ROLE_CURRENT] : over ? h->attr[ROLE_ALERT] : 0;
      char line[1400];
      snprintf(line, sizeof line, "%-7s %-10s %-6s %s  (%s %s)",
               over ? "OVERDUE" : a->kind == ACTION_DEADLINE ? "due" : "open",
               a->due[0] ? a->due : "no date", a->owner[0] ? a->owner : "all", a->what,
               a->meetingDate, a->meeting);
      HomeView_row(h, y, x, w, attr, line);
      if (sel && focus)
         move(y, x);
   }
}

/* A hit's context: the text between \x01 and \x02 is a match, drawn bold
 * and underlined; a context cut at the edge ends in an ellipsis. */
static void HomeView_marked(Home *h, int y, int x, int w, int attr, const char *s) {
   char plain[2048];
   size_t n = 0;
   for (const char *p = s; *p && n + 1 < sizeof plain; p++)
      if (*p != '\x01' && *p != '\x02')
         plain[n++] = *p;
   plain[n] = '\0';
   int cut = Text_width(plain, n) > w;
   int room = cut ? w - 1 : w, used = 0;
   int on = 0;
   const char *p = s;
   while (*p && used < room) {
      if (*p == '\x01' || *p == '\x02') {
         on = *p == '\x01';
         p++;
         continue;
      }
      size_t k = strcspn(p, "\x01\x02");
      char seg[2048];
      if (k >= sizeof seg)
         k = sizeof seg - 1;
      memcpy(seg, p, k);
      seg[k] = '\0';
      used += Draw_text(y, x + used, room - used, on ? (attr | (int)(A_BOLD | A_UNDERLINE)) : attr, seg);
      p += k;
   }
   if (cut)
      Draw_text(y, x + room, 1, attr, h->ascii ? ">" : "\xe2\x80\xa6");
}

static void HomeView_drawHits(Home *h, Rect r) {
   char title[400];
   snprintf(title, sizeof title, "Search: %zu hit%s", h->search.nhits, h->search.nhits == 1 ? "" : "s");
   Draw_clear(r, 0);
   Draw_frame(r, title, h->attr[ROLE_BORDER], h->attr[ROLE_TITLE], h->ascii);
   int x = r.x + 1, w = r.w - 2, rows = (r.h - 3) / 2;
   HomeView_scroll(h->hsel, &h->htop, rows);
   for (int i = 0; i < rows && h->htop + i < (int)h->search.nhits; i++) {
      const SearchHit *t = &h->search.hits[h->htop + i];
      int y = r.y + 1 + 2 * i, sel = h->htop + i == h->hsel;
      int attr = sel ? h->attr[ROLE_SELECTED] : 0;
      /* The short, telling parts first: a long body is what gets cut. */
      char line[2400];
      snprintf(line, sizeof line, "%s  %s%s(%s)  %s%s%s  %s", t->date[0] ? t->date : "(no date)",
               t->delegation, t->delegation[0] ? " " : "", t->what, t->item, t->item[0] ? " " : "",
               t->title, t->body[0] ? t->body : "(no body)");
      HomeView_row(h, y, x, w, attr | A_BOLD, line);
      Draw_line(y + 1, x, w, 0, "");
      Draw_text(y + 1, x, 4, 0, "    ");
      HomeView_marked(h, y + 1, x + 4, w - 4, 0, t->text);
      if (sel)
         move(y, x);
   }
   char more[64] = "";
   int after = (int)h->search.nhits - (h->htop + rows);
   if (after > 0)
      snprintf(more, sizeof more, "%d more hit%s below (n, PgDn)", after, after == 1 ? "" : "s");
   Draw_text(r.y + r.h - 2, x, w, h->attr[ROLE_DIM], more);
}

static void HomeView_drawText(Home *h, Rect r) {
   Draw_clear(r, 0);
   Draw_frame(r, h->textTitle, h->attr[ROLE_BORDER], h->attr[ROLE_TITLE], h->ascii);
   int x = r.x + 2, w = r.w - 4, rows = r.h - 3;
   int max = (int)h->nlines - rows;
   if (h->tscroll > max)
      h->tscroll = max;
   if (h->tscroll < 0)
      h->tscroll = 0;
   for (int i = 0; i < rows && h->tscroll + i < (int)h->nlines; i++) {
      const char *l = h->lines[h->tscroll + i];
      int attr = l[0] && l[0] != ' ' ? A_BOLD : 0;
      Draw_textCut(r.y + 1 + i, x, w, attr, l, h->ascii);
   }
   char more[64] = "";
   int after = (int)h->nlines - (h->tscroll + rows);
   if (after > 0)
      snprintf(more, sizeof more, "%d more line%s (Down, PgDn, End)", after, after == 1 ? "" : "s");
   Draw_text(r.y + r.h - 2, x, w, h->attr[ROLE_DIM], more);
   move(r.y + 1, x);
}

/* The help: generated from the key table, each view's keys under its
 * name, long lines wrapped under their own column; a text view, so that it
 * scrolls on a small terminal. */
static void HomeView_help(Home *h) {
   static const struct { int view; const char *name; } groups[] = {
      { HOME_IN_LIST, "Sessions and open actions" },
      { HOME_IN_HITS, "Search hits" },
      { HOME_IN_TEXT, "Dossier, reservations and delegation views" },
   };
   int width = h->cols - 4 - 17;
   if (width < 20)
      width = 20;
   h->text.len = 0;
   for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
      GvBuf_printf(&h->text, "%s%s\n", g ? "\n" : "", groups[g].name);
      for (int i = 0; i < HomeKeyCount; i++) {
         if (!(HomeKeys[i].views & groups[g].view))
            continue;
         const char *t = HomeKeys[i].help;
         int first = 1;
         while (*t) {
            int used;
            size_t n = Text_fit(t, width, &used);
            if (t[n]) {
               size_t sp = n;
               while (sp > 0 && t[sp] != ' ')
                  sp--;
               if (sp > 0)
                  n = sp;
            }
            GvBuf_printf(&h->text, "  %-14s %.*s\n", first ? HomeKeys[i].keys : "", (int)n, t);
            first = 0;
            t += n;
            while (*t == ' ')
               t++;
         }
      }
   }
   h->back = h->view == HV_TEXT ? HV_LIST : h->view;
   HomeReports_setText(h, "Keys of the home screen");
   h->textIsBoard = 0;
   h->textIsHelp = 1;
}

static void HomeView_drawStatus(Home *h) {
   char left[300];
   size_t late = 0;
   for (size_t i = 0; i < h->actions.count; i++)
      late += (size_t)HomeView_overdue(h, &h->actions.rows[i]);
   char day[24];
   Date_format_long(h->today, day);
   snprintf(left, sizeof left, " gavel  %s  archive: %zu session%s, %zu open action%s and deadline%s, %zu overdue",
            day, h->a.count, h->a.count == 1 ? "" : "s", h->actions.count,
            h->actions.count == 1 ? "" : "s", h->actions.count == 1 ? "" : "s", late);
   Draw_line(0, 0, h->cols, h->attr[ROLE_STATUS], "");
   Draw_textCut(0, 0, h->cols, h->attr[ROLE_STATUS], left, h->ascii);
}

static const char *HomeView_askLabel(HomeAsk a) {
   switch (a) {
   case ASK_FILTER: return "filter: ";
   case ASK_SEARCH: return "search the archive: ";
   case ASK_NEW: return "new session: agenda file (Enter: copy the selected session): ";
   case ASK_DOSSIER: return "dossier NAME or document REF: ";
   case ASK_SAID: return "delegation CODE: ";
   default: return "";
   }
}

static void HomeView_drawBottom(Home *h) {
   int y = h->rows - 2;
   Draw_line(y, 0, h->cols, 0, "");
   if (h->ask != ASK_NONE) {
      const char *label = HomeView_askLabel(h->ask);
      int lw = Draw_text(y, 0, h->cols, A_BOLD, label);
      /* The end of a long answer stays in view. */
      const char *a = h->answer;
      while (Text_width(a, strlen(a)) > h->cols - lw - 1 && *a)
         a += Text_next(a, strlen(a), 0);
      int aw = Draw_text(y, lw, h->cols - lw, h->attr[ROLE_INPUT], a);
      move(y, lw + aw);
   } else if (h->message[0]) {
      char m[800];
      snprintf(m, sizeof m, " %s%s", h->messageRole == ROLE_ERROR ? (h->ascii ? "! " : "\xe2\x9c\x97 ") : "",
               h->message);
      Draw_textCut(y, 0, h->cols, h->attr[h->messageRole], m, h->ascii);
   }
   static const char *const hints[][2] = {
      { " Enter open  w write  / search  f filter  n new  x done  d dossier  r reservations  s said",
        " ? help  q quit " },
      { " Enter open at the item  n next  N previous  / search again", " Esc back " },
      { " Up/Down PgUp/PgDn scroll  / search", " Esc back " },
   };
   int v = h->view == HV_LIST ? 0 : h->view == HV_HITS ? 1 : 2;
   const char *left = hints[v][0], *right = hints[v][1];
   if (h->view == HV_TEXT && h->textIsHelp)
      left = " Up/Down PgUp/PgDn scroll";
   else if (h->view == HV_TEXT && h->textIsBoard)
      left = h->boardAll ? " a standing only  Up/Down PgUp/PgDn scroll  / search"
                         : " a lifted too  Up/Down PgUp/PgDn scroll  / search";
   int rw = Text_width(right, strlen(right));
   Draw_line(h->rows - 1, 0, h->cols, h->attr[ROLE_HINT], "");
   Draw_textCut(h->rows - 1, 0, h->cols - rw, h->attr[ROLE_HINT], left, h->ascii);
   if (rw < h->cols)
      Draw_text(h->rows - 1, h->cols - rw, rw, h->attr[ROLE_HINTKEY], right);
}

static void HomeView_draw(Home *h) {
   getmaxyx(stdscr, h->rows, h->cols);
   erase();
   if (h->cols < 40 || h->rows < 10) {
      Draw_text(0, 0, h->cols, A_BOLD, "Please enlarge the terminal");
      refresh();
      return;
   }
   HomeView_drawStatus(h);
   HomeLayout l = HomeView_layout(h);
   Rect whole = { 1, 0, h->rows - 3, h->cols };
   int cursor = 0;
   switch (h->view) {
   case HV_LIST:
      HomeView_drawSide(h, l.side);
      HomeView_drawList(h, l.list);
      break;
   case HV_HITS: HomeView_drawHits(h, whole); break;
   case HV_TEXT: HomeView_drawText(h, whole); break;
   }
   int cy, cx;
   getyx(stdscr, cy, cx);
   HomeView_drawBottom(h);
   if (h->ask != ASK_NONE)
      cursor = 1;
   else
      move(cy, cx);
   curs_set(cursor);
   refresh();
}

/* --- keys ------------------------------------------------------------------------ */

static void HomeView_ask(Home *h, HomeAsk a, const char *start) {
   h->ask = a;
   snprintf(h->answer, sizeof h->answer, "%s", start);
}

/* The answer to a question, Enter pressed. 1: leave the screen. */
static int HomeView_answer(Home *h) {
   HomeAsk a = h->ask;
   h->ask = ASK_NONE;
   const char *t = h->answer;
   while (*t == ' ')
      t++;
   switch (a) {
   case ASK_FILTER:
      h->sel = h->top = 0;
      return 0;
   case ASK_SEARCH:
      if (*t)
         HomeReports_search(h, t);
      return 0;
   case ASK_DOSSIER:
      if (*t)
         HomeReports_dossier(h, t);
      return 0;
   case ASK_SAID:
      if (*t)
         HomeReports_said(h, t);
      return 0;
   case ASK_NEW: {
      const ArchiveEntry *e = Home_selected(h);
      if (!*t && h->a.count == 0)
         t = "demo";
      if (!*t && (!e || e->state == ARCHIVE_UNREADABLE)) {
         Home_message(h, ROLE_ERROR, "no session to copy: type an agenda file");
         return 0;
      }
      h->out->what = HOME_NEW;
      snprintf(h->out->agenda, sizeof h->out->agenda, "%s", t);
      if (!*t)
         snprintf(h->out->from, sizeof h->out->from, "%s", e->path);
      return 1;
   }
   default: return 0;
   }
}

static int HomeView_askKey(Home *h, int key) {
   size_t n = strlen(h->answer);
   if (key == TK_ESC || key == KEY_CTRL('c') || key == KEY_CTRL('g')) {
      if (h->ask == ASK_FILTER) {
         h->filter[0] = '\0';
         Home_applyFilter(h);
      }
      h->ask = ASK_NONE;
      return 0;
   }
   if (key == KEY_FN(KEY_ENTER))
      return HomeView_answer(h);
   if (key == KEY_FN(KEY_BACKSPACE)) {
      if (n)
         h->answer[Text_prev(h->answer, n)] = '\0';
   } else if (key == KEY_CTRL('u')) {
      h->answer[0] = '\0';
   } else if (!KEY_ISFN(key) && key >= 0x20 && n + 5 < sizeof h->answer) {
      n += Text_encode((uint32_t)key, h->answer + n);
      h->answer[n] = '\0';
   } else if (h->ask == ASK_FILTER && (key == KEY_FN(KEY_UP) || key == KEY_FN(KEY_DOWN))) {
      h->ask = ASK_NONE; /* arrows leave the filter line for the list */
      h->sel += key == KEY_FN(KEY_UP) ? -1 : 1;
   }
   if (h->ask == ASK_FILTER) {
      /* As you type: the list narrows at every key. */
      snprintf(h->filter, sizeof h->filter, "%s", h->answer);
      Home_applyFilter(h);
      h->sel = h->top = 0;
   }
   return 0;
}

/* Up, Down, pages: 1 when the key moved *sel. */
static int HomeView_move(int key, int *sel, int count, int page) {
   int old = *sel;
   switch (key) {
   case KEY_FN(KEY_UP): case 'k': (*sel)--; break;
   case KEY_FN(KEY_DOWN): case 'j': (*sel)++; break;
   case KEY_FN(KEY_PPAGE): *sel -= page; break;
   case KEY_FN(KEY_NPAGE): *sel += page; break;
   case KEY_FN(KEY_HOME): *sel = 0; break;
   case KEY_FN(KEY_END): *sel = count - 1; break;
   default: return 0;
   }
   if (*sel >= count)
      *sel = count - 1;
   if (*sel < 0)
      *sel = 0;
   (void)old;
   return 1;
}

static void HomeView_showProblem(Home *h) {
   const ArchiveEntry *e = Home_selected(h);
   if (e && e->problem) {
      char *v = Visible_dup(e->problem, 0);
      Home_message(h, ROLE_ERROR, "%s", v ? v : "");
      free(v);
   }
}

static int HomeView_listKey(Home *h, int key) {
   int page = h->rows / 2 > 1 ? h->rows / 2 : 1;
   if (h->focusActions ? HomeView_move(key, &h->asel, (int)h->actions.count, page)
                       : HomeView_move(key, &h->sel, (int)h->nshown, page)) {
      h->message[0] = '\0';
      if (!h->focusActions)
         HomeView_showProblem(h);
      return 0;
   }
   switch (key) {
   case 'q': case KEY_FN(KEY_F(10)): case KEY_CTRL('c'):
      h->out->what = HOME_QUIT;
      return 1;
   case '?': case KEY_FN(KEY_F(1)):
      HomeView_help(h);
      return 0;
   case TK_TAB: case KEY_FN(KEY_BTAB):
      h->focusActions = !h->focusActions;
      return 0;
   case KEY_FN(KEY_ENTER):
      if (h->focusActions) {
         Home_message(h, ROLE_NORMAL, "x marks the selected action done; Tab goes back to the sessions");
         return 0;
      }
      return Home_open(h, 0);
   case 'w':
      return Home_open(h, 1);
   case 'f':
      HomeView_ask(h, ASK_FILTER, h->filter);
      return 0;
   case TK_ESC:
      if (h->filter[0]) {
         h->filter[0] = '\0';
         Home_applyFilter(h);
      }
      h->message[0] = '\0';
      return 0;
   case 'n':
      HomeView_ask(h, ASK_NEW, "");
      return 0;
   case 'x':
      Home_markDone(h);
      return 0;
   case 'd':
      HomeView_ask(h, ASK_DOSSIER, "");
      return 0;
   case 'r':
      h->boardAll = 0;
      HomeReports_board(h);
      return 0;
   case 's':
      HomeView_ask(h, ASK_SAID, "");
      return 0;
   default: {
      char name[32];
      Home_message(h, ROLE_ERROR, "%s: no such key here (? shows the keys)", Keys_name(key, name, sizeof name));
      return 0;
   }
   }
}

static int HomeView_hitsKey(Home *h, int key) {
   int page = (h->rows - 6) / 2 > 1 ? (h->rows - 6) / 2 : 1;
   int n = (int)h->search.nhits;
   if (key == 'n' || key == 'N') {
      h->hsel += key == 'n' ? 1 : -1;
      if (h->hsel >= n) {
         h->hsel = n - 1;
         Home_message(h, ROLE_ERROR, "the last hit");
      } else if (h->hsel < 0) {
         h->hsel = 0;
         Home_message(h, ROLE_ERROR, "the first hit");
      } else {
         Home_message(h, ROLE_NORMAL, "hit %d of %d", h->hsel + 1, n);
      }
      return 0;
   }
   if (HomeView_move(key, &h->hsel, n, page))
      return 0;
   if (key == KEY_FN(KEY_ENTER) && h->hsel < n) {
      const SearchHit *t = &h->search.hits[h->hsel];
      h->out->what = HOME_OPEN;
      h->out->readOnly = 1;
      snprintf(h->out->path, sizeof h->out->path, "%s", t->path);
      snprintf(h->out->item, sizeof h->out->item, "%s", t->item);
      snprintf(h->out->record, sizeof h->out->record, "%s", t->uid);
      return 1;
   }
   if ((key == TK_ESC || key == 'q') && h->backPath[0]) {
      h->out->what = HOME_OPEN;
      snprintf(h->out->path, sizeof h->out->path, "%s", h->backPath);
      h->out->readOnly = h->backReadOnly;
      return 1;
   }
   if (key == TK_ESC || key == 'q') {
      h->view = HV_LIST;
      h->message[0] = '\0';
   } else if (key == '?') {
      HomeView_help(h);
   }
   return 0;
}

static int HomeView_textKey(Home *h, int key) {
   int page = h->rows - 6 > 1 ? h->rows - 6 : 1;
   switch (key) {
   case KEY_FN(KEY_UP): case 'k': h->tscroll--; break;
   case KEY_FN(KEY_DOWN): case 'j': h->tscroll++; break;
   case KEY_FN(KEY_PPAGE): h->tscroll -= page; break;
   case KEY_FN(KEY_NPAGE): case ' ': h->tscroll += page; break;
   case KEY_FN(KEY_HOME): h->tscroll = 0; break;
   case KEY_FN(KEY_END): h->tscroll = INT_MAX / 2; break;
   case 'a':
      if (h->textIsBoard) {
         h->boardAll = !h->boardAll;
         HomeReports_board(h);
      }
      break;
   case '?': HomeView_help(h); break;
   case TK_ESC: case 'q':
      h->view = h->textIsHelp ? h->back : HV_LIST;
      h->textIsHelp = 0;
      h->message[0] = '\0';
      break;
   default: break;
   }
   return 0;
}

void HomeView_loop(Home *h) {
   for (;;) {
      HomeView_draw(h);
      timeout(-1);
      int key = Home_readKey();
      /* A blocking read fails only when the terminal is gone; a hang-up
       * or a termination request (caught since a meeting was open) ends
       * the screen as well. */
      if ((key == 0 && ++h->readErrors >= 3) || App_stopped()) {
         h->out->what = HOME_QUIT;
         return;
      }
      if (key == 0 || key == KEY_FN(KEY_RESIZE))
         continue;
      h->readErrors = 0;
      if (key == KEY_CTRL('l')) {
         clear();
         continue;
      }
      int done = 0;
      if (h->ask != ASK_NONE)
         done = HomeView_askKey(h, key);
      else if (key == '/')
         HomeView_ask(h, ASK_SEARCH, "");
      else if (h->view == HV_HITS)
         done = HomeView_hitsKey(h, key);
      else if (h->view == HV_TEXT)
         done = HomeView_textKey(h, key);
      else
         done = HomeView_listKey(h, key);
      if (done)
         return;
   }
}
