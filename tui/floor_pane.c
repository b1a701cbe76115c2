#include "tui/floor_pane.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/session.h"
#include "tui/agenda_pane.h"
#include "tui/text.h"

int FloorPane_clockRole(int secs, int limit, const char **word) {
   *word = "";
   if (limit <= 0)
      return ROLE_CLOCK;
   if (secs >= limit) {
      *word = "OVER TIME";
      return ROLE_ALERT;
   }
   int warn = limit >= 150 ? limit - 30 : limit * 4 / 5;
   if (secs >= warn) {
      *word = "time nearly up";
      return ROLE_WARN;
   }
   return ROLE_CLOCK;
}

static void FloorPane_names(const Delegation *d, char *buf, size_t n) {
   if (!d) {
      snprintf(buf, n, "?");
      return;
   }
   if (d->native && d->name && strcmp(d->native, d->name) != 0)
      snprintf(buf, n, "%s  %s / %s", d->code, d->name, d->native);
   else
      snprintf(buf, n, "%s  %s", d->code, d->name ? d->name : "");
}

static int FloorPane_bigFits(Rect r, const char *code) {
   return r.h - 2 >= 16 && Draw_bigWidth(code) + 2 <= r.w - 2;
}

/* Queue row k at screen row yy, between columns x - 1 and x + w + 1. */
static void FloorPane_drawQueueRow(App *app, int k, int yy, int x, int w, int focus) {
   Session *s = App_session(app);
   size_t nq = 0;
   const QueueEntry *q = Session_queue(s, &nq);
   if (k < 0 || k >= (int)nq)
      return;
   const QueueEntry *e = &q[k];
   const Delegation *d = Session_delegation(s, e->delegation);
   char names[256], line[512];
   FloorPane_names(d, names, sizeof names);
   const char *mark = e->point_of_order ? "!" : (k == 0 ? (app->ascii ? ">" : "\xe2\x96\xb8") : " ");
   snprintf(line, sizeof line, "%2d %s %s", k + 1, mark, names);
   char tag[96];
   snprintf(tag, sizeof tag, "%s", e->point_of_order ? (k == 0 ? "point of order, next" : "point of order")
                                   : k == 0            ? "next"
                                                       : "");
   /* On a wide pane, how long each has been waiting. */
   if (w >= 70 && e->asked != GV_NO_TIME) {
      char wait[16];
      App_duration(app, (long)(Session_clock(s, App_now()) - e->asked), wait, sizeof wait);
      size_t tl = strlen(tag);
      if (wait[0])
         snprintf(tag + tl, sizeof tag - tl, "%swaiting %6s", tl ? "  " : "", wait);
   }
   int selected = focus && k == app->queueSel;
   int hl = selected && app->selRow;
   int role = e->point_of_order ? ROLE_POINT : k == 0 ? ROLE_NEXT : ROLE_NORMAL;
   int a = hl ? app->attr[ROLE_SELECTED] : app->attr[role];
   if (hl)
      Draw_line(yy, x - 1, w + 2, a, "");
   else
      AgendaPane_drawMark(app, yy, x - 1, selected);
   if (selected) {
      /* On the mark: the first cell the next move changes. */
      app->cursorY = yy;
      app->cursorX = hl ? x : x - 1;
   }
   int tw = tag[0] ? Text_width(tag, strlen(tag)) + 1 : 0;
   Draw_textCut(yy, x, w - tw, a, line, app->ascii);
   if (tag[0])
      Draw_text(yy, x + w - tw + 1, tw - 1, a, tag);
}

/* The queue rows shown for selection sel: the first (*top) and how many
 * (*shown); returns how many are below them (counted on the row under). */
static int FloorPane_window(int nq, int sel, int rows, int *top, int *shown) {
   *top = sel >= rows ? sel - rows + 1 : 0;
   /* A cut queue says so: the row under the last shown counts the rest. */
   *shown = rows;
   if (rows >= 2 && nq - *top > rows) {
      *shown = rows - 1;
      if (sel >= *top + *shown)
         *top = sel - *shown + 1;
      return nq - *top - *shown;
   }
   return 0;
}

void FloorPane_draw(App *app, Rect r) {
   Session *s = App_session(app);
   app->queueY = 0;
   int focus = app->focus == FOCUS_FLOOR && !app->follow;
   Draw_clear(r, A_NORMAL);
   const Item *cur = Session_current_item(s);
   char title[256];
   if (cur) {
      char num[32];
      Agenda_label(&s->agenda, Session_current_index(s), s->meta.numbering, num, sizeof num);
      snprintf(title, sizeof title, "Floor%s  item %s %s", focus ? " *" : "", num,
               cur->title ? cur->title : "");
   } else {
      snprintf(title, sizeof title, "Floor%s  no item taken up", focus ? " *" : "");
   }
   Draw_frame(r, title, app->attr[focus ? ROLE_TITLE : ROLE_BORDER], app->attr[ROLE_TITLE], app->ascii);
   int x = r.x + 2, w = r.w - 4, y = r.y + 1;
   if (w < 4 || r.h < 4)
      return;
   const Intervention *sp = Session_speaker(s);
   int big = 0;
   if (sp) {
      const Delegation *d = Session_delegation(s, sp->delegation);
      int64_t now = Session_clock(s, App_now());
      int secs = (int)(now - sp->start);
      const char *word;
      int crole = FloorPane_clockRole(secs, app->speakingLimit, &word);
      char clock[16], names[256], line[512];
      App_duration(app, secs, clock, sizeof clock);
      FloorPane_names(d, names, sizeof names);
      big = d && FloorPane_bigFits(r, d->code);
      if (big) {
         int bw = Draw_big(y + 1, x, w, app->attr[ROLE_SPEAKER], d->code);
         /* The clock big too, when there is room beside the code. */
         int cwid = Draw_bigWidth(clock);
         if (clock[0] && bw + 6 + cwid <= w)
            Draw_big(y + 1, x + w - cwid, cwid, app->attr[crole], clock);
         y += 7;
         /* The clock keeps its place at the right; a long name gives way. */
         char ck[64];
         snprintf(ck, sizeof ck, "  %s%s%s", clock, word[0] ? "  " : "", word);
         int cw = Text_width(ck, strlen(ck));
         snprintf(line, sizeof line, "%s %s", app->ascii ? ">" : "\xe2\x96\xb6", names);
         int used = Draw_textCut(y, x, w - cw, app->attr[ROLE_SPEAKER], line, app->ascii);
         Draw_text(y, x + used, w - used, app->attr[crole], ck);
         y++;
      } else {
         snprintf(line, sizeof line, "%s %s", app->ascii ? ">" : "\xe2\x96\xb6", names);
         char ck[64];
         snprintf(ck, sizeof ck, " %s%s%s ", word, word[0] ? " " : "", clock);
         int cw = Text_width(ck, strlen(ck));
         /* A banner across the pane: the one thing to see from across the room. */
         int banner = app->attr[ROLE_SPEAKER] | (int)(A_BOLD | A_REVERSE);
         Draw_line(y, x - 1, w + 2, banner, "");
         Draw_textCut(y, x, w - cw - 1, banner, line, app->ascii);
         Draw_text(y, x + w - cw, cw, crole == ROLE_CLOCK ? banner : app->attr[crole] | (int)A_BOLD, ck);
         y++;
      }
      char since[9], info[512];
      Time_format_hm(sp->start, false, since);
      char lim[32] = "";
      if (app->speakingLimit > 0) {
         char l[16];
         Draw_duration(app->speakingLimit, l, sizeof l);
         snprintf(lim, sizeof lim, " %s limit %s", app->ascii ? "-" : "\xc2\xb7", l);
      }
      snprintf(info, sizeof info, "  has the floor since %s%s%s", since, lim,
               sp->point_of_order ? "  (point of order)" : "");
      Draw_text(y, x, w, app->attr[ROLE_DIM], info);
      y++;
   } else {
      char idle[128];
      if (!cur && s->meta.end != GV_NO_TIME) {
         char hm[9];
         Time_format_hm(s->meta.end, false, hm);
         snprintf(idle, sizeof idle, "The meeting was closed at %s", hm);
      } else {
         /* A reader cannot take an item up: offer only what works. */
         snprintf(idle, sizeof idle, "%s", cur || app->readOnly ? "Nobody has the floor"
                                                                : "Nobody has the floor; take up an item first");
      }
      Draw_text(y, x, w, app->attr[ROLE_DIM], idle);
      y++;
      y++;
   }
   size_t nq = 0;
   Session_queue(s, &nq);
   char head[64];
   snprintf(head, sizeof head, "Queue (%zu)", nq);
   /* A low pane drops the blank row, then shows the count on the frame. */
   if (y + 1 < r.y + r.h - 1)
      y++;
   if (y >= r.y + r.h - 1) {
      Draw_text(r.y + r.h - 1, x, w, app->attr[ROLE_TITLE], head);
      return;
   }
   Draw_text(y, x, w, app->attr[ROLE_TITLE], head);
   if (nq == 0)
      Draw_text(y, x + (int)strlen(head) + 2, w - (int)strlen(head) - 2, app->attr[ROLE_DIM],
                app->readOnly ? "empty" : "empty (a: ask, t: tour)");
   y++;
   if (app->queueSel >= (int)nq)
      app->queueSel = nq ? (int)nq - 1 : 0;
   int rows = r.y + r.h - 1 - y, top, shown;
   int below = FloorPane_window((int)nq, app->queueSel, rows, &top, &shown);
   if (below > 0) {
      char more[96];
      snprintf(more, sizeof more, "   %s %d more (%s)", app->ascii ? "..." : "\xe2\x80\xa6", below,
               focus ? "j/Down" : "Tab, then j/Down");
      Draw_textCut(y + shown, x, w, app->attr[ROLE_DIM], more, app->ascii);
   }
   app->queueTop = top;
   app->queueShown = shown;
   app->queueRows = rows;
   app->queueY = y;
   app->queueDrawnSel = app->queueSel;
   for (int i = 0; i < shown && top + i < (int)nq; i++)
      FloorPane_drawQueueRow(app, top + i, y + i, x, w, focus);
}

unsigned FloorPane_move(App *app, int dir) {
   size_t nq = 0;
   Session_queue(App_session(app), &nq);
   int was = app->queueSel;
   app->queueSel += dir;
   if (app->queueSel >= (int)nq)
      app->queueSel = (int)nq - 1;
   if (app->queueSel < 0)
      app->queueSel = 0;
   int top, shown;
   FloorPane_window((int)nq, app->queueSel, app->queueRows, &top, &shown);
   if (app->queueY > 0 && app->queueDrawnSel == was && top == app->queueTop && shown == app->queueShown)
      return app->queueSel == was ? RD_NONE : RD_QUEUE_SEL;
   return RD_FLOOR;
}

int FloorPane_moveTarget(App *app, int dir, int *oldY, int *newY, int *x) {
   size_t nq = 0;
   Session_queue(App_session(app), &nq);
   int was = app->queueSel, sel = was + dir;
   if (app->selRow || app->follow || app->focus != FOCUS_FLOOR || app->queueY <= 0)
      return 0;
   if (sel >= (int)nq)
      sel = (int)nq - 1;
   if (sel < 0)
      sel = 0;
   /* FloorPane_move's RD_QUEUE_SEL, then FloorPane_drawMove's marks */
   int top, shown, old = app->queueDrawnSel;
   FloorPane_window((int)nq, sel, app->queueRows, &top, &shown);
   if (sel == was || old != was || top != app->queueTop || shown != app->queueShown ||
       old < top || old >= top + shown)
      return 0;
   *oldY = app->queueY + old - top;
   *newY = app->queueY + sel - top;
   *x = app->rFloor.x + 1;
   return 1;
}

void FloorPane_drawMove(App *app) {
   Rect r = app->rFloor;
   int x = r.x + 2, w = r.w - 4;
   int focus = app->focus == FOCUS_FLOOR && !app->follow;
   int old = app->queueDrawnSel, sel = app->queueSel;
   if (!app->selRow) {
      /* The rows stay as they are: only the two marks change. */
      int oldY = -1;
      if (old != sel && old >= app->queueTop && old < app->queueTop + app->queueShown)
         oldY = app->queueY + old - app->queueTop;
      int y = app->queueY + sel - app->queueTop;
      /* The terminal first, curses after (tui/mark_move.h). */
      if (app->marksAlone && focus && oldY >= 0)
         app->marksSent = MarkMove_write(&app->cursorAt, oldY, y, x - 1, AgendaPane_markChar(app));
      if (oldY >= 0)
         AgendaPane_drawMark(app, oldY, x - 1, 0);
      AgendaPane_drawMark(app, y, x - 1, focus);
      if (focus) {
         app->moveOldY = oldY;
         app->moveNewY = y;
         app->moveX = x - 1;
         app->cursorY = y;
         app->cursorX = x - 1;
      }
      app->queueDrawnSel = sel;
      return;
   }
   if (old != sel && old >= app->queueTop && old < app->queueTop + app->queueShown)
      FloorPane_drawQueueRow(app, old, app->queueY + old - app->queueTop, x, w, focus);
   FloorPane_drawQueueRow(app, sel, app->queueY + sel - app->queueTop, x, w, focus);
   app->queueDrawnSel = sel;
}

const char *FloorPane_selectedCode(App *app) {
   Session *s = App_session(app);
   size_t nq = 0;
   const QueueEntry *q = Session_queue(s, &nq);
   if (nq == 0 || app->queueSel < 0 || app->queueSel >= (int)nq)
      return NULL;
   const Delegation *d = Session_delegation(s, q[app->queueSel].delegation);
   return d ? d->code : NULL;
}

unsigned FloorPane_click(App *app, int y, int x) {
   Rect r = app->rFloor;
   if (y <= r.y || y >= r.y + r.h - 1 || x < r.x || x >= r.x + r.w)
      return RD_NONE;
   app->focus = FOCUS_FLOOR;
   /* Find the queue row under the click by drawing positions: the rows
    * start after the speaker block and the "Queue" heading. */
   Session *s = App_session(app);
   const Intervention *sp = Session_speaker(s);
   int big = 0;
   if (sp) {
      const Delegation *d = Session_delegation(s, sp->delegation);
      big = d && FloorPane_bigFits(r, d->code);
   }
   int first = r.y + 1 + (sp ? (big ? 9 : 2) : 2) + 1 + 1;
   size_t nq = 0;
   Session_queue(s, &nq);
   int rows = r.y + r.h - 1 - first;
   int top = app->queueSel >= rows ? app->queueSel - rows + 1 : 0;
   int k = top + (y - first);
   if (y < first || k < 0 || k >= (int)nq)
      return RD_ALL;
   app->queueSel = k;
   if (app->readOnly)
      return RD_ALL;
   const char *code = FloorPane_selectedCode(app);
   if (code && App_runf(app, "give %s", code) == 0)
      app->focus = FOCUS_NOTES;
   return RD_ALL;
}
