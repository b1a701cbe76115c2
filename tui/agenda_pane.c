#include "tui/agenda_pane.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/session.h"
#include "tui/text.h"

const char *AgendaPane_glyph(const App *app, int state) {
   static const char *const uni[] = { "\xc2\xb7", "\xe2\x96\xb6", "\xe2\x9c\x93", "\xc2\xbb" };
   static const char *const asc[] = { "-", ">", "+", "~" };
   if (state < 0 || state > 3)
      return " ";
   return app->ascii ? asc[state] : uni[state];
}

static int AgendaPane_stateRole(int state) {
   switch (state) {
   case GV_STATE_CURRENT: return ROLE_CURRENT;
   case GV_STATE_DONE: return ROLE_DONE;
   case GV_STATE_POSTPONED: return ROLE_POSTPONED;
   default: return ROLE_PENDING;
   }
}

void AgendaPane_selectCurrent(App *app) {
   Session *s = App_session(app);
   size_t cur = Session_current_index(s), n = Agenda_count(&s->agenda);
   for (size_t k = 0; k < n; k++)
      if (Agenda_index_at(&s->agenda, k) == cur)
         app->agendaSel = (int)k;
}

/* The selection's mark in the marker column (selection = marker): a solid
 * block (# without UTF-8), a glyph and no attribute, so that a move sends a
 * dozen bytes (turning reverse video on and off again costs 15, a colour
 * 25), where a highlighted row repaints whole. */
wchar_t AgendaPane_markChar(const App *app) {
   return app->ascii ? L'#' : L'\x2588';
}

void AgendaPane_drawMark(App *app, int y, int x, int selected) {
   /* One whole cell: nothing to decode or measure on the way. */
   wchar_t w[2] = { selected ? AgendaPane_markChar(app) : L' ', L'\0' };
   cchar_t c;
   setcchar(&c, w, A_NORMAL, 0, NULL);
   mvadd_wch(y, x, &c);
}

/* Row k of the agenda (in reading order) at screen row y. */
static void AgendaPane_drawRow(App *app, Rect r, int k, int focus, int64_t now) {
   Session *s = App_session(app);
   int w = r.w - 2, x = r.x + 1;
   int y = r.y + 1 + k - app->agendaTop;
   size_t idx = Agenda_index_at(&s->agenda, (size_t)k);
   const Item *it = Agenda_item(&s->agenda, idx);
   char label[32];
   Agenda_label(&s->agenda, idx, s->meta.numbering, label, sizeof label);
   int role = AgendaPane_stateRole(it->state);
   int selected = k == app->agendaSel && (focus || app->readOnly) && !app->follow;
   /* The highlighted row, or the row as it is with a mark beside it. */
   int hl = selected && app->selRow;
   if (!app->selRow) {
      AgendaPane_drawMark(app, y, x, selected);
      x++;
      w--;
   }
   int base = hl ? app->attr[ROLE_SELECTED] : app->attr[role];
   if (it->state == GV_STATE_CURRENT && !hl)
      base |= A_BOLD;
   Draw_line(y, x, w, hl ? base : 0, "");
   if (selected && focus) {
      /* With a mark, on it: the first cell the next move changes. */
      app->cursorY = y;
      app->cursorX = app->selRow ? x : x - 1;
   }
   char clock[16] = "";
   if (it->state == GV_STATE_CURRENT && it->taken_up != GV_NO_TIME)
      App_duration(app, (long)(Session_clock(s, now) - it->taken_up), clock, sizeof clock);
   int cw = clock[0] ? (int)strlen(clock) + 1 : 0;
   char line[512];
   char tag[48] = "";
   if (it->kind == GV_ITEM_INFO)
      snprintf(tag, sizeof tag, " [info]");
   else if (it->kind == GV_ITEM_AOB)
      snprintf(tag, sizeof tag, " [AOB]");
   if (it->added && it->requested_by != GV_NONE) {
      const Delegation *d = Session_delegation(s, it->requested_by);
      size_t tl = strlen(tag);
      snprintf(tag + tl, sizeof tag - tl, " +%s", d ? d->code : "?");
   }
   snprintf(line, sizeof line, "%s %*s%s %s%s", AgendaPane_glyph(app, (int)it->state),
            (int)(it->depth * 2), "", label, it->title ? it->title : "", tag);
   Draw_textCut(y, x, w - cw, base, line, app->ascii);
   if (clock[0])
      Draw_text(y, x + w - cw + 1, cw - 1, hl ? base : app->attr[ROLE_CLOCK], clock);
}

void AgendaPane_draw(App *app, Rect r) {
   Session *s = App_session(app);
   int focus = app->focus == FOCUS_AGENDA && !app->follow;
   app->agendaRows = 0;
   Draw_clear(r, A_NORMAL);
   Draw_frame(r, focus ? "Agenda *" : "Agenda", app->attr[focus ? ROLE_TITLE : ROLE_BORDER],
              app->attr[ROLE_TITLE], app->ascii);
   int n = (int)Agenda_count(&s->agenda);
   int inner = r.h - 2, w = r.w - 2, x = r.x + 1;
   int legend = inner >= 8 && n + 2 <= inner;
   int rows = legend ? inner - 1 : inner;
   if (n == 0) {
      Draw_text(r.y + 1, x + 1, w - 1, app->attr[ROLE_DIM], app->readOnly ? "No items" : "No items yet: A adds one");
      return;
   }
   if (app->agendaSel >= n)
      app->agendaSel = n - 1;
   if (app->agendaSel < 0)
      app->agendaSel = 0;
   if (app->agendaSel < app->agendaTop)
      app->agendaTop = app->agendaSel;
   if (app->agendaSel >= app->agendaTop + rows)
      app->agendaTop = app->agendaSel - rows + 1;
   if (app->agendaTop > 0 && app->agendaTop + rows > n)
      app->agendaTop = n > rows ? n - rows : 0;
   int64_t now = App_now();
   for (int i = 0; i < rows && app->agendaTop + i < n; i++)
      AgendaPane_drawRow(app, r, app->agendaTop + i, focus, now);
   app->agendaDrawnSel = app->agendaSel;
   app->agendaRows = rows;
   /* Spare rows under a short agenda: where the meeting stands (a rule
    * and three lines, and a blank row above the legend when there is room:
    * the two items added at the table must not hide it at 80x24). */
   int lrows = legend ? (w - 1 >= 41 ? 1 : 2) : 0;
   int spare = inner - n - lrows;
   if (spare >= 4) {
      int gap = spare >= 5 ? 1 : 0;
      int y = r.y + r.h - 1 - lrows - 4 - gap;
      int64_t start = Session_start_time(s), clk = Session_clock(s, now);
      size_t done = 0;
      for (int k = 0; k < n; k++)
         if (Agenda_at(&s->agenda, (size_t)k)->state == GV_STATE_DONE)
            done++;
      char l[256], t[9] = "", d[16] = "";
      Draw_rule(r, y, app->attr[focus ? ROLE_TITLE : ROLE_BORDER], app->ascii);
      Draw_text(y, x + 2, w - 2, app->attr[ROLE_TITLE], " Meeting ");
      if (start != GV_NO_TIME && s->meta.end != GV_NO_TIME) {
         char e[9];
         Time_format_hm(start, false, t);
         Time_format_hm(s->meta.end, false, e);
         Draw_duration((long)(s->meta.end - start), d, sizeof d);
         snprintf(l, sizeof l, "started %s, ended %s (%s)", t, e, d);
         if (Text_width(l, strlen(l)) > w - 1)
            snprintf(l, sizeof l, "started %s, ended %s", t, e);
      } else if (start != GV_NO_TIME) {
         Time_format_hm(start, false, t);
         App_duration(app, (long)(clk - start), d, sizeof d);
         if (d[0])
            snprintf(l, sizeof l, "started %s, running %s", t, d);
         else
            snprintf(l, sizeof l, "started %s, running", t);
      } else {
         snprintf(l, sizeof l, "%s", app->readOnly ? "not started" : "not started: ] takes up the first item");
      }
      Draw_textCut(y + 1, x + 1, w - 1, 0, l, app->ascii);
      snprintf(l, sizeof l, "%zu of %d items done, %zu intervention%s", done, n, s->floor.count,
               s->floor.count == 1 ? "" : "s");
      Draw_textCut(y + 2, x + 1, w - 1, 0, l, app->ascii);
      size_t open = 0;
      for (size_t k = 0; k < s->rec.nactions; k++)
         if (!s->rec.actions[k].done)
            open++;
      snprintf(l, sizeof l, "%zu deadline%s, %zu open action%s", s->rec.ndeadlines,
               s->rec.ndeadlines == 1 ? "" : "s", open, open == 1 ? "" : "s");
      Draw_textCut(y + 3, x + 1, w - 1, 0, l, app->ascii);
   }
   if (legend) {
      char lg[160], l2[80];
      snprintf(lg, sizeof lg, "%s current  %s done  ", AgendaPane_glyph(app, GV_STATE_CURRENT),
               AgendaPane_glyph(app, GV_STATE_DONE));
      snprintf(l2, sizeof l2, "%s pending  %s postponed", AgendaPane_glyph(app, GV_STATE_PENDING),
               AgendaPane_glyph(app, GV_STATE_POSTPONED));
      /* One row when it fits, else two. */
      if (Text_width(lg, strlen(lg)) + Text_width(l2, strlen(l2)) <= w - 1 || n + 3 > inner) {
         strncat(lg, l2, sizeof lg - strlen(lg) - 1);
         Draw_text(r.y + r.h - 2, x + 1, w - 1, app->attr[ROLE_DIM], lg);
      } else {
         Draw_text(r.y + r.h - 3, x + 1, w - 1, app->attr[ROLE_DIM], lg);
         Draw_text(r.y + r.h - 2, x + 1, w - 1, app->attr[ROLE_DIM], l2);
      }
   }
}

unsigned AgendaPane_move(App *app, int dir) {
   Session *s = App_session(app);
   int n = (int)Agenda_count(&s->agenda);
   int was = app->agendaSel;
   app->agendaSel += dir;
   if (app->agendaSel < 0)
      app->agendaSel = 0;
   if (app->agendaSel >= n)
      app->agendaSel = n - 1;
   if (app->agendaSel == was && was == app->agendaDrawnSel)
      return RD_NONE;
   /* Within the rows on screen only two rows change (AgendaPane_drawMove). */
   if (app->agendaDrawnSel == was && app->agendaSel >= app->agendaTop &&
       app->agendaSel < app->agendaTop + app->agendaRows)
      return RD_AGENDA_SEL;
   return RD_AGENDA;
}

int AgendaPane_moveTarget(App *app, int dir, int *oldY, int *newY, int *x) {
   Session *s = App_session(app);
   int n = (int)Agenda_count(&s->agenda);
   int was = app->agendaSel, sel = was + dir;
   if (n <= 0 || app->selRow || app->follow || app->focus != FOCUS_AGENDA)
      return 0;
   if (sel < 0)
      sel = 0;
   if (sel >= n)
      sel = n - 1;
   /* AgendaPane_move's RD_AGENDA_SEL, then AgendaPane_drawMove's marks */
   int old = app->agendaDrawnSel, top = app->agendaTop, rows = app->agendaRows;
   if (sel == was || old != was || sel < top || sel >= top + rows || old < top || old >= top + rows)
      return 0;
   Rect r = app->rAgenda;
   *oldY = r.y + 1 + old - top;
   *newY = r.y + 1 + sel - top;
   *x = r.x + 1;
   return 1;
}

void AgendaPane_drawMove(App *app, Rect r) {
   Session *s = App_session(app);
   int n = (int)Agenda_count(&s->agenda);
   int focus = app->focus == FOCUS_AGENDA && !app->follow;
   int old = app->agendaDrawnSel, sel = app->agendaSel;
   int shows = (focus || app->readOnly) && !app->follow;
   if (!app->selRow) {
      /* The rows stay as they are: only the two marks change. */
      int oldY = -1;
      if (old >= app->agendaTop && old < app->agendaTop + app->agendaRows && old != sel)
         oldY = r.y + 1 + old - app->agendaTop;
      if (sel >= 0 && sel < n) {
         int y = r.y + 1 + sel - app->agendaTop;
         /* The terminal first, curses after (tui/mark_move.h). */
         if (app->marksAlone && shows && focus && oldY >= 0)
            app->marksSent = MarkMove_write(&app->cursorAt, oldY, y, r.x + 1, AgendaPane_markChar(app));
         if (oldY >= 0)
            AgendaPane_drawMark(app, oldY, r.x + 1, 0);
         AgendaPane_drawMark(app, y, r.x + 1, shows);
         if (shows) {
            app->moveOldY = oldY;
            app->moveNewY = y;
            app->moveX = r.x + 1;
         }
         if (shows && focus) {
            app->cursorY = y;
            app->cursorX = r.x + 1;
         }
      } else if (oldY >= 0) {
         AgendaPane_drawMark(app, oldY, r.x + 1, 0);
      }
      app->agendaDrawnSel = sel;
      return;
   }
   int64_t now = App_now();
   if (old >= app->agendaTop && old < app->agendaTop + app->agendaRows && old < n && old != sel)
      AgendaPane_drawRow(app, r, old, focus, now);
   if (sel >= 0 && sel < n)
      AgendaPane_drawRow(app, r, sel, focus, now);
   app->agendaDrawnSel = sel;
}

unsigned AgendaPane_takeUp(App *app) {
   Session *s = App_session(app);
   int n = (int)Agenda_count(&s->agenda);
   if (app->agendaSel < 0 || app->agendaSel >= n)
      return RD_NONE;
   char num[32];
   Agenda_path(&s->agenda, Agenda_index_at(&s->agenda, (size_t)app->agendaSel), num, sizeof num);
   App_runf(app, "item %s", num);
   return RD_ALL;
}

unsigned AgendaPane_click(App *app, int y, int x) {
   Rect r = app->rAgenda;
   if (y <= r.y || y >= r.y + r.h - 1 || x < r.x || x >= r.x + r.w)
      return RD_NONE;
   Session *s = App_session(app);
   int k = app->agendaTop + (y - r.y - 1);
   if (k < 0 || k >= (int)Agenda_count(&s->agenda))
      return RD_NONE;
   app->focus = FOCUS_AGENDA;
   app->agendaSel = k;
   return RD_ALL;
}
