#include "tui/picker.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/session.h"
#include "tui/deleg_view.h"
#include "tui/text.h"

static const char *Picker_title(PickMode m) {
   switch (m) {
   case PICK_FLOOR: return "Ask for the floor";
   case PICK_POINT: return "Point of order";
   case PICK_GIVE: return "Give the floor to";
   case PICK_WITHDRAW: return "Withdraw from the queue";
   case PICK_POSITION: return "Position of";
   case PICK_SPEAKER: return "Who it was";
   case PICK_VIEW: return "Delegation view of";
   }
   return "";
}

static int Picker_queuePos(Session *s, size_t idx) {
   size_t nq = 0;
   const QueueEntry *q = Session_queue(s, &nq);
   for (size_t i = 0; i < nq; i++)
      if (q[i].delegation == idx)
         return (int)i + 1;
   return 0;
}

void Picker_rank(App *app, RosterMatch *m, size_t n) {
   Session *s = App_session(app);
   size_t spoke[PICKER_MAX] = { 0 };
   if (n > PICKER_MAX)
      n = PICKER_MAX;
   for (size_t i = 0; i < s->floor.count; i++) {
      const Intervention *iv = &s->floor.list[i];
      if (iv->deleted)
         continue;
      for (size_t k = 0; k < n; k++)
         if (m[k].index == iv->delegation) {
            spoke[k]++;
            break;
         }
   }
   for (size_t i = 1; i < n; i++) {
      RosterMatch x = m[i];
      size_t sx = spoke[i], j = i;
      while (j > 0 && m[j - 1].score == x.score && spoke[j - 1] < sx) {
         m[j] = m[j - 1];
         spoke[j] = spoke[j - 1];
         j--;
      }
      m[j] = x;
      spoke[j] = sx;
   }
}

void Picker_refresh(App *app) {
   Picker *p = &app->picker;
   Session *s = App_session(app);
   p->n = 0;
   if (!p->query[0]) {
      if (p->mode == PICK_WITHDRAW || p->mode == PICK_GIVE) {
         size_t nq = 0;
         const QueueEntry *q = Session_queue(s, &nq);
         for (size_t i = 0; i < nq && p->n < PICKER_MAX; i++)
            p->codes[p->n++] = q[i].delegation;
      }
   } else {
      RosterMatch m[PICKER_MAX];
      size_t n = Roster_match(&s->roster, p->query, strlen(p->query), m, PICKER_MAX);
      Picker_rank(app, m, n);
      for (size_t i = 0; i < n; i++)
         p->codes[p->n++] = m[i].index;
   }
   if (p->sel >= p->n)
      p->sel = p->n ? p->n - 1 : 0;
   if (p->sel < 0)
      p->sel = 0;
}

unsigned Picker_open(App *app, PickMode mode) {
   Picker *p = &app->picker;
   memset(p, 0, sizeof *p);
   p->mode = mode;
   Picker_refresh(app);
   app->overlay = OV_PICKER;
   return RD_ALL;
}

/* Enter: act on the highlighted match and close (one delegation asking is
 * the common case); stay: Tab while asking, queue it and wait for the next. */
static unsigned Picker_choose(App *app, int stay) {
   Picker *p = &app->picker;
   Session *s = App_session(app);
   if (p->n == 0 && !p->query[0]) {
      /* Enter on an empty line: done. */
      app->overlay = OV_NONE;
      return RD_ALL | RD_CLEAR;
   }
   if (p->n == 0) {
      App_message(app, ROLE_ERROR, "no delegation matches '%s'", p->query);
      return RD_ALL;
   }
   const Delegation *d = Session_delegation(s, p->codes[p->sel]);
   if (!d)
      return RD_ALL;
   char code[64];
   snprintf(code, sizeof code, "%s", d->code);
   switch (p->mode) {
   case PICK_FLOOR:
      if (App_runf(app, "floor %s", code) == 0) {
         size_t l = strlen(p->queued);
         snprintf(p->queued + l, sizeof p->queued - l, "%s%s", l ? " " : "", code);
         App_message(app, ROLE_OK, "queued %s", p->queued);
      }
      if (!stay)
         break;
      p->query[0] = '\0';
      p->sel = 0;
      Picker_refresh(app);
      return RD_ALL;
   case PICK_POINT:
      App_runf(app, "floor %s first", code);
      break;
   case PICK_GIVE:
      if (App_runf(app, "give %s", code) == 0)
         app->focus = FOCUS_NOTES;
      break;
   case PICK_WITHDRAW:
      App_runf(app, "withdraw %s", code);
      break;
   case PICK_SPEAKER:
      App_runf(app, "speaker %s %s", p->ref, code);
      break;
   case PICK_VIEW:
      return DelegView_open(app, code);
   case PICK_POSITION: {
      char pre[80];
      snprintf(pre, sizeof pre, "pos %s ", code);
      app->overlay = OV_NONE;
      return App_openCmdline(app, pre) | RD_ALL | RD_CLEAR;
   }
   }
   app->overlay = OV_NONE;
   return RD_ALL | RD_CLEAR;
}

unsigned Picker_key(App *app, int key) {
   Picker *p = &app->picker;
   switch (key) {
   case TK_ESC:
   case KEY_CTRL('c'):
   case KEY_CTRL('g'):
      app->overlay = OV_NONE;
      return RD_ALL | RD_CLEAR;
   case KEY_FN(KEY_ENTER):
      return Picker_choose(app, 0);
   case KEY_FN(KEY_UP):
   case KEY_FN(KEY_BTAB):
   case KEY_CTRL('p'):
      if (p->sel > 0)
         p->sel--;
      return RD_OVERLAY;
   case TK_TAB:
      if (p->mode == PICK_FLOOR && (p->n > 0 || p->query[0]))
         return Picker_choose(app, 1);
      /* Elsewhere Tab moves down. */
      /* fall through */
   case KEY_FN(KEY_DOWN):
   case KEY_CTRL('n'):
      if (p->sel + 1 < p->n)
         p->sel++;
      return RD_OVERLAY;
   case KEY_FN(KEY_BACKSPACE): {
      size_t l = strlen(p->query);
      if (l == 0) {
         app->overlay = OV_NONE;
         return RD_ALL | RD_CLEAR;
      }
      p->query[Text_prev(p->query, l)] = '\0';
      p->sel = 0;
      Picker_refresh(app);
      return RD_OVERLAY;
   }
   case KEY_CTRL('u'):
   case KEY_CTRL('w'):
      p->query[0] = '\0';
      Picker_refresh(app);
      return RD_OVERLAY;
   default:
      if (!KEY_ISFN(key) && !(key & KEY_ALT(0)) && key >= 0x20 && key != 0x7F) {
         char u[5];
         size_t n = Text_encode((uint32_t)key, u), l = strlen(p->query);
         if (l + n < sizeof p->query) {
            memcpy(p->query + l, u, n);
            p->query[l + n] = '\0';
         }
         p->sel = 0;
         Picker_refresh(app);
         return RD_OVERLAY;
      }
      /* F5 and friends still work: close and let the caller retry. */
      return RD_NONE;
   }
}

void Picker_draw(App *app) {
   Picker *p = &app->picker;
   Session *s = App_session(app);
   int w = app->cols - 8 < 64 ? app->cols - 8 : 64;
   int h = app->rows - 6 < 18 ? app->rows - 6 : 18;
   if (w < 20 || h < 6)
      return;
   Rect r = { (app->rows - h) / 2, (app->cols - w) / 2, h, w };
   Draw_clear(r, A_NORMAL);
   Draw_frame(r, Picker_title(p->mode), app->attr[ROLE_TITLE], app->attr[ROLE_TITLE], app->ascii);
   int x = r.x + 2, iw = r.w - 4, y = r.y + 1;
   char q[200];
   snprintf(q, sizeof q, "> %s", p->query);
   int qw = Draw_text(y, x, iw, A_BOLD, q);
   y += 1;
   if (p->n == 0)
      Draw_text(y + 1, x, iw, app->attr[ROLE_DIM],
                p->query[0] ? "no delegation matches" : "type a code or a name: fr, Fran, Ελλ, Öster");
   size_t nq = 0;
   Session_queue(s, &nq);
   const Intervention *sp = Session_speaker(s);
   int rows = r.h - 5;
   int top = p->sel >= rows ? p->sel - rows + 1 : 0;
   for (int i = 0; i < rows && top + i < p->n; i++) {
      int k = top + i;
      size_t idx = p->codes[k];
      const Delegation *d = Session_delegation(s, idx);
      if (!d)
         continue;
      char names[256], state[64] = "";
      if (d->native && d->name && strcmp(d->native, d->name) != 0)
         snprintf(names, sizeof names, "%-9s %s / %s", d->code, d->name, d->native);
      else
         snprintf(names, sizeof names, "%-9s %s", d->code, d->name ? d->name : "");
      int qp = Picker_queuePos(s, idx);
      if (sp && sp->delegation == idx)
         snprintf(state, sizeof state, "has the floor");
      else if (qp)
         snprintf(state, sizeof state, "queued %d", qp);
      else if (Roster_attendance(&s->roster, idx) == GV_ATTEND_ABSENT)
         snprintf(state, sizeof state, "absent");
      int sel = k == p->sel;
      int a = sel ? app->attr[ROLE_SELECTED] : 0;
      int yy = y + 1 + i;
      Draw_line(yy, x - 1, iw + 2, a, "");
      int sw = state[0] ? (int)strlen(state) + 1 : 0;
      Draw_text(yy, x, iw - sw, a, names);
      if (state[0])
         Draw_text(yy, x + iw - sw + 1, sw - 1, sel ? a : app->attr[ROLE_DIM], state);
   }
   char foot[600];
   const char *verb = p->mode == PICK_FLOOR ? "queue" : p->mode == PICK_GIVE ? "give"
                      : p->mode == PICK_WITHDRAW ? "withdraw" : p->mode == PICK_POINT ? "put first"
                      : p->mode == PICK_VIEW ? "view"
                                                                                        : "choose";
   if (p->mode == PICK_FLOOR && p->queued[0])
      snprintf(foot, sizeof foot, "Enter queue, close  Tab queue, next  Esc done   queued: %s", p->queued);
   else if (p->mode == PICK_FLOOR)
      snprintf(foot, sizeof foot, "Enter queue, close  Tab queue, then another  Esc close");
   else
      snprintf(foot, sizeof foot, "Enter %s  Up/Down choose  Esc close", verb);
   Draw_textCut(r.y + r.h - 2, x, iw, app->attr[ROLE_HINT], foot, app->ascii);
   move(r.y + 1, x + qw);
}
