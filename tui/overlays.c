#include "tui/overlays.h"

#include <curses.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "tui/actions.h"
#include "tui/agenda_pane.h"
#include "tui/deleg_view.h"
#include "tui/picker.h"
#include "tui/text.h"

void OverlayLines_free(OverlayLines *l) {
   free(l->line);
   memset(l, 0, sizeof *l);
}

__attribute__((format(printf, 3, 4)))
static OverlayLine *Ov_add(OverlayLines *l, int role, const char *fmt, ...) {
   if (l->n == l->cap) {
      l->cap = l->cap ? l->cap * 2 : 64;
      l->line = realloc(l->line, (size_t)l->cap * sizeof *l->line);
   }
   OverlayLine *o = &l->line[l->n++];
   memset(o, 0, sizeof *o);
   o->role = role;
   o->bar = -1;
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(o->text, sizeof o->text, fmt, ap);
   va_end(ap);
   return o;
}

/* Long text (notes) wrapped at width, each row indented. */
static void Ov_wrap(OverlayLines *l, int role, const char *indent, const char *text, int width) {
   if (width < 10)
      width = 10;
   const char *p = text;
   while (*p) {
      const char *nl = strchr(p, '\n');
      size_t len = nl ? (size_t)(nl - p) : strlen(p);
      /* The whole paragraph, however long (a pasted text is one line). */
      char *para = malloc(len + 1);
      if (!para)
         abort();
      memcpy(para, p, len);
      para[len] = '\0';
      const char *q = para;
      do {
         int used;
         size_t b = Text_fit(q, width, &used);
         if (q[b]) {
            size_t sp = b;
            while (sp > 0 && q[sp] != ' ')
               sp--;
            if (sp > 0)
               b = sp + 1;
         }
         /* The blank a row was broken at is not part of it. */
         size_t e = b;
         while (e > 0 && q[e - 1] == ' ')
            e--;
         Ov_add(l, role, "%s%.*s", indent, (int)e, q);
         q += b;
      } while (*q);
      free(para);
      p = nl ? nl + 1 : p + len;
   }
}

void Overlays_help(App *app, OverlayLines *out, int width) {
   snprintf(out->title, sizeof out->title, "Keys");
   snprintf(out->foot, sizeof out->foot, "Esc or q closes  Up/Down/PgUp/PgDn/Home/End scroll");
   const char *group = "";
   /* A reader is offered only the keys that work for a reader. */
   if (app->readOnly) {
      Ov_add(out, ROLE_DIM, "read-only: %s", app->roReason);
      Ov_add(out, ROLE_NORMAL, "%s", "");
   }
   for (int i = 0; i < ActionCount; i++) {
      int selectRo = app->readOnly && strcmp(Actions[i].name, "select") == 0;
      if (app->readOnly && !selectRo &&
          (Actions[i].writes || strcmp(Actions[i].name, "command") == 0))
         continue;
      if (strcmp(group, Actions[i].group) != 0) {
         group = Actions[i].group;
         if (i)
            Ov_add(out, ROLE_NORMAL, "%s", "");
         Ov_add(out, ROLE_TITLE, "%s", group);
      }
      char keys[96], head[160];
      KeyMap_keysOf(&app->keys, i, keys, sizeof keys);
      snprintf(head, sizeof head, "  %-12s %-11s ", keys[0] ? keys : "(none)", Actions[i].name);
      /* The help wraps under itself on a narrow screen. */
      int hw = Text_width(head, strlen(head));
      OverlayLines tmp = { 0 };
      Ov_wrap(&tmp, ROLE_NORMAL, "", selectRo ? "read the record of the selected item" : Actions[i].help,
              width - hw);
      for (int j = 0; j < tmp.n; j++)
         Ov_add(out, ROLE_NORMAL, "%-*s%s", hw, j == 0 ? head : "", tmp.line[j].text);
      OverlayLines_free(&tmp);
   }
   if (app->readOnly) {
      Ov_add(out, ROLE_NORMAL, "%s", "");
      Ov_add(out, ROLE_NORMAL, "%s", "Keys can be changed in the [keys] section of config.ini: review = v");
      return;
   }
   Ov_add(out, ROLE_NORMAL, "%s", "");
   Ov_add(out, ROLE_TITLE, "%s", "Typing notes (i, or after n / give)");
   Ov_add(out, ROLE_NORMAL, "%s", "  Esc leaves the notes; keys that type nothing (F5, F6, F2, C-e) still work");
   Ov_add(out, ROLE_NORMAL, "%s", "  arrows, Home/End, PgUp/PgDn, C-Left/C-Right by word, C-Home/C-End");
   Ov_add(out, ROLE_NORMAL, "%s", "  Backspace, Delete, C-w deletes a word, C-k to the end of the line");
   Ov_add(out, ROLE_NORMAL, "%s", "  the note is saved as a draft when you pause, and every few seconds");
   Ov_add(out, ROLE_NORMAL, "%s", "");
   Ov_add(out, ROLE_TITLE, "%s", "Forms (p x D o d c A)");
   Ov_add(out, ROLE_NORMAL, "%s", "  a digit or a first letter picks from a list; Enter takes a field, the last one records");
   Ov_add(out, ROLE_NORMAL, "%s", "  S-Tab (or Backspace on an empty field) goes back; Esc cancels; the line built shows below");
   Ov_add(out, ROLE_NORMAL, "%s", "  with the agenda's focus on another item, the record goes there (on NUM)");
   Ov_add(out, ROLE_NORMAL, "%s", "");
   Ov_add(out, ROLE_TITLE, "%s", "The : line");
   Ov_add(out, ROLE_NORMAL, "%s", "  any command of gavel(1): floor FR DE, give EL, pos FR supports, outcome agreed ...");
   Ov_add(out, ROLE_NORMAL, "%s", "  Tab completes commands, codes and item numbers; Up/Down recall; :quit leaves");
   Ov_add(out, ROLE_NORMAL, "%s", "");
   Ov_add(out, ROLE_NORMAL, "%s", "Keys can be changed in the [keys] section of config.ini: next = n F5");
}

static const char *Ov_code(Session *s, size_t idx) {
   const Delegation *d = Session_delegation(s, idx);
   return d ? d->code : "?";
}

/* "Greece / Ελλάδα": the English name, and the own-language one when it differs. */
static void Ov_names(const Delegation *d, char *buf, size_t n) {
   const char *name = d->name ? d->name : "";
   if (d->native && strcmp(d->native, name) != 0)
      snprintf(buf, n, "%s / %s", name, d->native);
   else
      snprintf(buf, n, "%s", name);
}

static void Overlays_roster(App *app, OverlayLines *out, int width) {
   Session *s = App_session(app);
   snprintf(out->title, sizeof out->title, "Roster");
   snprintf(out->foot, sizeof out->foot, "Esc closes   spoken on this item / queued / has the floor / absent");
   size_t n = s->roster.count;
   if (n == 0) {
      Ov_add(out, ROLE_DIM, "%s", "No roster loaded: :roster eu27");
      return;
   }
   size_t *order = calloc(n, sizeof *order);
   Roster_protocol_order(&s->roster, order);
   size_t cur = Session_current_index(s);
   const Intervention *sp = Session_speaker(s);
   size_t nq = 0;
   const QueueEntry *q = Session_queue(s, &nq);
   size_t niv = 0;
   const size_t *ivs = cur != GV_NONE ? Session_item_interventions(s, cur, &niv) : NULL;
   /* Columns as wide as the roster needs: a unit's code (COM/CNECT) is
    * indented under its institution and must not run into its name. */
   int codew = 10, namew = 24;
   for (size_t i = 0; i < n; i++) {
      const Delegation *d = &s->roster.list[i];
      int cw = (int)Text_width(d->code, strlen(d->code)) + (d->parent != GV_NONE ? 2 : 0) + 1;
      if (cw > codew)
         codew = cw;
      char nm[256];
      Ov_names(d, nm, sizeof nm);
      int nw = (int)Text_width(nm, strlen(nm));
      if (nw > namew)
         namew = nw;
   }
   /* The state column keeps room for "▶ HAS THE FLOOR  ✓ spoken 2x". */
   if (namew > width - codew - 30)
      namew = width - codew - 30;
   if (namew > 60)
      namew = 60;
   if (namew < 16)
      namew = 16;
   for (size_t k = 0; k < n; k++) {
      size_t i = order[k];
      const Delegation *d = &s->roster.list[i];
      if (d->retired)
         continue;   /* a later roster left it out */
      int spoken = 0;
      for (size_t j = 0; j < niv; j++)
         if (Session_intervention(s, ivs[j])->delegation == i)
            spoken++;
      int queued = 0;
      for (size_t j = 0; j < nq; j++)
         if (q[j].delegation == i)
            queued = (int)j + 1;
      GvAttendance att = Roster_attendance(&s->roster, i);
      char state[160] = "";
      int role = ROLE_NORMAL;
      if (sp && sp->delegation == i) {
         strcat(state, app->ascii ? "> HAS THE FLOOR  " : "\xe2\x96\xb6 HAS THE FLOOR  ");
         role = ROLE_SPEAKER;
      }
      if (queued) {
         char t[32];
         snprintf(t, sizeof t, "queued %d  ", queued);
         strcat(state, t);
         if (role == ROLE_NORMAL)
            role = ROLE_NEXT;
      }
      if (spoken) {
         char t[32];
         snprintf(t, sizeof t, "%s spoken %dx  ", app->ascii ? "+" : "\xe2\x9c\x93", spoken);
         strcat(state, t);
      }
      if (att == GV_ATTEND_ABSENT) {
         strcat(state, "absent");
         role = ROLE_DIM;
      } else if (att == GV_ATTEND_VIDEO) {
         strcat(state, "video");
      }
      char names[256];
      Ov_names(d, names, sizeof names);
      char row[600] = "";
      Text_pad(row, sizeof row, d->parent != GV_NONE ? "  " : "", d->parent != GV_NONE ? 2 : 0);
      Text_pad(row, sizeof row, d->code, d->parent != GV_NONE ? codew - 2 : codew);
      Text_pad(row, sizeof row, names, namew);
      Ov_add(out, role, "%s %s", row, state);
   }
   free(order);
}

static void Overlays_stats(App *app, OverlayLines *out) {
   Session *s = App_session(app);
   size_t cur = Session_current_index(s);
   int meeting = app->statsMeeting || cur == GV_NONE;
   snprintf(out->title, sizeof out->title, "Speaking time: %s",
            meeting ? "whole meeting" : "current item");
   snprintf(out->foot, sizeof out->foot, "Tab switches item / meeting   Esc closes");
   size_t n = s->roster.count;
   if (n == 0) {
      Ov_add(out, ROLE_DIM, "%s", "No roster loaded");
      return;
   }
   SpeakStat *st = calloc(n, sizeof *st);
   /* An item's figures name who spoke (COM/HOME); the meeting's add a
    * unit's time to its institution. */
   Session_speaking_stats(s, meeting ? GV_NONE : cur, Session_clock(s, App_now()), meeting, st);
   /* Sort by time spoken, most first; only those who spoke. */
   size_t *idx = calloc(n, sizeof *idx);
   size_t m = 0;
   int64_t max = 0, total = 0;
   size_t count = 0;
   for (size_t i = 0; i < n; i++)
      if (st[i].interventions > 0) {
         idx[m++] = i;
         if (st[i].seconds > max)
            max = st[i].seconds;
         total += st[i].seconds;
         count += st[i].interventions;
      }
   for (size_t a = 1; a < m; a++)
      /* the Chair apart, after the delegations */
      for (size_t b = a; b > 0 && ((s->roster.list[idx[b - 1]].kind == GV_KIND_CHAIR) >
                                       (s->roster.list[idx[b]].kind == GV_KIND_CHAIR) ||
                                   ((s->roster.list[idx[b - 1]].kind == GV_KIND_CHAIR) ==
                                       (s->roster.list[idx[b]].kind == GV_KIND_CHAIR) &&
                                    st[idx[b]].seconds > st[idx[b - 1]].seconds));
           b--) {
         size_t t = idx[b];
         idx[b] = idx[b - 1];
         idx[b - 1] = t;
      }
   char tot[16];
   Draw_duration((long)total, tot, sizeof tot);
   Ov_add(out, ROLE_TITLE, "%zu intervention%s, %s in all", count, count == 1 ? "" : "s", tot);
   Ov_add(out, ROLE_NORMAL, "%s", "");
   if (m == 0)
      Ov_add(out, ROLE_DIM, "%s", "Nobody has spoken yet");
   for (size_t k = 0; k < m; k++) {
      size_t i = idx[k];
      char dur[16];
      Draw_duration((long)st[i].seconds, dur, sizeof dur);
      OverlayLine *o = Ov_add(out, ROLE_NORMAL, "%s", Ov_code(s, i));
      o->bar = max > 0 ? (double)st[i].seconds / (double)max : 0;
      snprintf(o->right, sizeof o->right, "%7s  %zux", dur, st[i].interventions);
   }
   free(idx);
   free(st);
}

static void Overlays_records(App *app, OverlayLines *out, size_t idx, const char *what);

static void Overlays_detail(App *app, OverlayLines *out, int width) {
   Session *s = App_session(app);
   int n = (int)Agenda_count(&s->agenda);
   snprintf(out->foot, sizeof out->foot, "Left/Right: previous/next item   Esc closes");
   if (n == 0 || app->agendaSel < 0 || app->agendaSel >= n) {
      snprintf(out->title, sizeof out->title, "Item");
      Ov_add(out, ROLE_DIM, "%s", "No item");
      return;
   }
   size_t idx = Agenda_index_at(&s->agenda, (size_t)app->agendaSel);
   const Item *it = Agenda_item(&s->agenda, idx);
   char num[32];
   Agenda_label(&s->agenda, idx, s->meta.numbering, num, sizeof num);
   snprintf(out->title, sizeof out->title, "Item %s", num);
   Ov_add(out, ROLE_TITLE, "%s %s", num, it->title ? it->title : "");
   Ov_add(out, ROLE_NORMAL, "%s %s  (%s)%s", AgendaPane_glyph(app, (int)it->state),
          GvItemState_word(it->state), GvItemKind_label(it->kind), it->added ? "  added during the meeting" : "");
   for (size_t d = 0; d < it->ndocs; d++)
      Ov_add(out, ROLE_NORMAL, "  doc. %s", it->docs[d].text);
   GvBuf notes = GV_BUF_INIT;   /* an intervention's notes in pieces */
   if (it->notes && *it->notes) {
      Ov_add(out, ROLE_NORMAL, "%s", "");
      Ov_wrap(out, ROLE_NORMAL, "  ", it->notes, width - 2);
   }
   size_t niv = 0;
   Session_item_interventions(s, idx, &niv);
   size_t rl = Session_ref_len(s);
   Ov_add(out, ROLE_NORMAL, "%s", "");
   Ov_add(out, ROLE_TITLE, "Interventions (%zu) and paragraphs, in reading order", niv);
   /* each with its short reference, for :edit, :speaker, :delete and :move */
   for (size_t k = 0; k < it->nsaid; k++) {
      if (it->said[k].kind == GV_SAID_PARA) {
         const Para *pa = &s->rec.paras[it->said[k].index];
         Ov_add(out, ROLE_NEXT, "[%.*s] %s%s", (int)rl, pa->uuid,
                pa->kind == GV_PARA_GROUP ? "group: " : "paragraph",
                pa->kind == GV_PARA_GROUP && pa->phrase ? pa->phrase : "");
         Ov_wrap(out, ROLE_NORMAL, "      ", pa->text, width - 6);
         continue;
      }
      const Intervention *iv = Session_intervention(s, it->said[k].index);
      char t[9], dur[16];
      Time_format_hm(iv->start, false, t);
      Draw_duration((long)Intervention_duration(iv, Session_clock(s, App_now())), dur, sizeof dur);
      Ov_add(out, iv->end == GV_NO_TIME ? ROLE_SPEAKER : ROLE_NEXT, "[%.*s] %s  %-9s %6s%s%s%s", (int)rl,
             iv->uuid, t, Ov_code(s, iv->delegation), dur, iv->point_of_order ? "  point of order" : "",
             iv->has_doc ? "  presents " : "", iv->has_doc ? iv->doc->text : "");
      if (Notes_len(&iv->notes))
         Ov_wrap(out, ROLE_NORMAL, "      ", Notes_text(&iv->notes, &notes), width - 6);
   }
   GvBuf_free(&notes);
   int any = 0;
   for (size_t k = 0;; k++) {
      const Position *p = Session_position(s, idx, k);
      if (!p)
         break;
      if (!any++) {
         Ov_add(out, ROLE_NORMAL, "%s", "");
         Ov_add(out, ROLE_TITLE, "%s", "Positions");
      }
      Ov_add(out, ROLE_NORMAL, "  %-9s %s%s%s", Ov_code(s, p->delegation), GvStance_label(p->stance),
             p->text[0] ? ": " : "", p->text);
   }
   any = 0;
   for (size_t k = 0;; k++) {
      const Reservation *r = Session_reservation(s, idx, k);
      if (!r)
         break;
      if (!any++) {
         Ov_add(out, ROLE_NORMAL, "%s", "");
         Ov_add(out, ROLE_TITLE, "%s", "Reservations");
      }
      Ov_add(out, ROLE_NORMAL, "  %-9s %s reservation, %s", Ov_code(s, r->delegation),
             GvReserveType_word(r->type), GvReserveStatus_word(r->status));
   }
   if (it->outcome != GV_OUTCOME_NONE) {
      Ov_add(out, ROLE_NORMAL, "%s", "");
      Ov_add(out, ROLE_TITLE, "Outcome: %s", GvOutcome_word(it->outcome));
      if (it->outcome_text)
         Ov_wrap(out, ROLE_NORMAL, "  ", it->outcome_text, width - 2);
   }
   Overlays_records(app, out, idx, "");
   /* What belongs to no item is read with every item. */
   Overlays_records(app, out, GV_NONE, "not tied to an item");
}

static void Overlays_records(App *app, OverlayLines *out, size_t idx, const char *what) {
   Session *s = App_session(app);
   int any = 0;
   for (size_t k = 0; k < s->rec.ndeadlines; k++) {
      const Deadline *d = &s->rec.deadlines[k];
      if (d->item != idx)
         continue;
      if (!any++) {
         Ov_add(out, ROLE_NORMAL, "%s", "");
         Ov_add(out, ROLE_TITLE, "Deadlines%s%s", what[0] ? ", " : "", what);
      }
      char day[24];
      Date_format_long(d->day, day);
      Ov_add(out, ROLE_NORMAL, "  %s  %s%s%s", day, d->what, d->set_by != GV_NONE ? "  set by " : "",
             d->set_by != GV_NONE ? Ov_code(s, d->set_by) : "");
   }
   any = 0;
   for (size_t k = 0; k < s->rec.nactions; k++) {
      const Action *a = &s->rec.actions[k];
      if (a->item != idx)
         continue;
      if (!any++) {
         Ov_add(out, ROLE_NORMAL, "%s", "");
         Ov_add(out, ROLE_TITLE, "Actions%s%s", what[0] ? ", " : "", what);
      }
      char day[24] = "";
      if (a->due != GV_NO_DAY)
         Date_format_iso(a->due, day);
      Ov_add(out, ROLE_NORMAL, "  [%s] %-9s %s %s  (%.8s)", a->done ? "x" : " ", Ov_code(s, a->owner),
             day, a->what, a->uuid);
   }
}

/* The delegation view (tui/deleg_view.h): the report's lines, long notes
 * wrapped under their own indent. */
static void Overlays_deleg(App *app, OverlayLines *out, int width) {
   snprintf(out->title, sizeof out->title, "%s %s", app->delegCode,
            app->delegArchive ? "across the archive" : "in this meeting");
   snprintf(out->foot, sizeof out->foot, "Tab: %s  Esc closes",
            app->delegArchive ? "this meeting" : "across the archive");
   const char *p = GvBuf_str(&app->delegText);
   while (*p) {
      const char *nl = strchr(p, '\n');
      size_t len = nl ? (size_t)(nl - p) : strlen(p);
      char line[1024], indent[64];
      snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line - 1 ? len : sizeof line - 1), p);
      size_t in = strspn(line, " ");
      if (in >= sizeof indent)
         in = sizeof indent - 1;
      memcpy(indent, line, in);
      indent[in] = '\0';
      Ov_wrap(out, in ? ROLE_NORMAL : ROLE_TITLE, indent, line + in, width - (int)in);
      if (!*line)
         Ov_add(out, ROLE_NORMAL, "%s", "");
      p += len + (nl ? 1 : 0);
   }
}

static void Overlays_build(App *app, OverlayLines *l, int width) {
   memset(l, 0, sizeof *l);
   switch (app->overlay) {
   case OV_HELP: Overlays_help(app, l, width); break;
   case OV_ROSTER: Overlays_roster(app, l, width); break;
   case OV_STATS: Overlays_stats(app, l); break;
   case OV_DETAIL: Overlays_detail(app, l, width); break;
   case OV_DELEG: Overlays_deleg(app, l, width); break;
   default: break;
   }
}

static Rect Overlays_rect(App *app) {
   int big = app->cols >= 120 && app->rows >= 40;
   int w = big ? app->cols * 3 / 4 : app->cols;
   int h = big ? app->rows * 3 / 4 : app->rows - 3;
   return (Rect){ 1 + (app->rows - 3 - h) / 2, (app->cols - w) / 2, h, w };
}

void Overlays_draw(App *app) {
   if (app->overlay == OV_CONFIRM) {
      int w = Text_width(app->confirmAsk, strlen(app->confirmAsk)) + 6;
      if (w > app->cols)
         w = app->cols;
      Rect r = { app->rows / 2 - 2, (app->cols - w) / 2, 5, w };
      Draw_clear(r, A_NORMAL);
      Draw_frame(r, "Confirm", app->attr[ROLE_WARN], app->attr[ROLE_WARN], app->ascii);
      Draw_text(r.y + 2, r.x + 3, r.w - 6, A_BOLD, app->confirmAsk);
      move(r.y + 2, r.x + 3);
      return;
   }
   if (app->overlay == OV_CONFIRM_QUIT) {
      Session *s = App_session(app);
      const Intervention *sp = Session_speaker(s);
      char q[256];
      snprintf(q, sizeof q, "%s has the floor. Quit anyway? (y/n)", sp ? Ov_code(s, sp->delegation) : "Someone");
      int w = Text_width(q, strlen(q)) + 6;
      if (w > app->cols)
         w = app->cols;
      Rect r = { app->rows / 2 - 2, (app->cols - w) / 2, 5, w };
      Draw_clear(r, A_NORMAL);
      Draw_frame(r, "Quit", app->attr[ROLE_WARN], app->attr[ROLE_WARN], app->ascii);
      Draw_text(r.y + 2, r.x + 3, r.w - 6, A_BOLD, q);
      return;
   }
   Rect r = Overlays_rect(app);
   OverlayLines l;
   Overlays_build(app, &l, r.w - 4);
   Draw_clear(r, A_NORMAL);
   Draw_frame(r, l.title, app->attr[ROLE_TITLE], app->attr[ROLE_TITLE], app->ascii);
   int rows = r.h - 3, x = r.x + 2, w = r.w - 4;
   if (app->overlayScroll > l.n - rows)
      app->overlayScroll = l.n - rows;
   if (app->overlayScroll < 0)
      app->overlayScroll = 0;
   int labelw = 10, rightw = 14;
   for (int i = 0; i < l.n; i++)
      if (l.line[i].bar >= 0 && Text_width(l.line[i].text, strlen(l.line[i].text)) + 1 > labelw)
         labelw = Text_width(l.line[i].text, strlen(l.line[i].text)) + 1;
   if (labelw > w / 3)
      labelw = w / 3;
   for (int i = 0; i < rows && app->overlayScroll + i < l.n; i++) {
      OverlayLine *o = &l.line[app->overlayScroll + i];
      int y = r.y + 1 + i;
      if (o->bar >= 0) {
         Draw_textCut(y, x, labelw - 1, A_BOLD, o->text, app->ascii);
         int bw = w - labelw - rightw - 1;
         Draw_bar(y, x + labelw, bw, o->bar, app->attr[ROLE_BAR], app->ascii);
         Draw_text(y, x + labelw + bw + 1, rightw, A_NORMAL, o->right);
      } else {
         /* A line cut at the edge ends in an ellipsis. */
         Draw_textCut(y, x, w, app->attr[o->role], o->text, app->ascii);
      }
   }
   /* "more" at the right keeps its place when the legend is cut short; it
    * says how much follows and the key that fits. */
   char more[64] = "";
   int after = l.n - (app->overlayScroll + rows);
   if (after == 1)
      snprintf(more, sizeof more, "   (1 more line: Down)");
   else if (after > 1)
      snprintf(more, sizeof more, "   (%d more lines: PgDn, End)", after);
   int mw = (int)strlen(more);
   int used = Draw_textCut(r.y + r.h - 2, x, w - mw, app->attr[ROLE_DIM], l.foot, app->ascii);
   Draw_text(r.y + r.h - 2, x + used, w - used, app->attr[ROLE_DIM], more);
   /* The cursor on the first line shown: where a screen reader starts. */
   move(r.y + 1, x);
   OverlayLines_free(&l);
}

unsigned Overlays_key(App *app, int key) {
   Rect r = Overlays_rect(app);
   int page = r.h - 4 > 1 ? r.h - 4 : 1;
   switch (key) {
   case TK_ESC:
   case 'q':
   case KEY_CTRL('c'):
   case KEY_FN(KEY_ENTER):
      app->overlay = OV_NONE;
      return RD_ALL | RD_CLEAR;
   case KEY_FN(KEY_UP):
   case 'k':
      app->overlayScroll--;
      return RD_OVERLAY;
   case KEY_FN(KEY_DOWN):
   case 'j':
      app->overlayScroll++;
      return RD_OVERLAY;
   case KEY_FN(KEY_PPAGE):
      app->overlayScroll -= page;
      return RD_OVERLAY;
   case KEY_FN(KEY_NPAGE):
   case ' ':
      app->overlayScroll += page;
      return RD_OVERLAY;
   case KEY_FN(KEY_HOME):
      app->overlayScroll = 0;
      return RD_OVERLAY;
   case KEY_FN(KEY_END):
      /* Past the end: drawing clamps it to the last page. */
      app->overlayScroll = INT_MAX / 2;
      return RD_OVERLAY;
   case TK_TAB:
      if (app->overlay == OV_DELEG)
         return DelegView_toggle(app);
      if (app->overlay == OV_STATS) {
         app->statsMeeting = !app->statsMeeting;
         return RD_ALL;
      }
      return RD_NONE;
   case KEY_FN(KEY_LEFT):
   case KEY_FN(KEY_RIGHT):
      if (app->overlay == OV_DETAIL) {
         int n = (int)Agenda_count(&App_session(app)->agenda);
         app->agendaSel += key == KEY_FN(KEY_LEFT) ? -1 : 1;
         if (app->agendaSel < 0)
            app->agendaSel = 0;
         if (app->agendaSel >= n)
            app->agendaSel = n - 1;
         app->overlayScroll = 0;
         return RD_ALL;
      }
      return RD_NONE;
   default: {
      /* The key that opened the view closes it again (? ? , s s). */
      int a = KeyMap_lookup(&app->keys, key);
      /* From the roster: the delegation view, picked by name. */
      if (a >= 0 && app->overlay == OV_ROSTER && strcmp(Actions[a].name, "delegation") == 0)
         return Picker_open(app, PICK_VIEW) | RD_CLEAR;
      if (a >= 0 && ((app->overlay == OV_HELP && strcmp(Actions[a].name, "help") == 0) ||
                     (app->overlay == OV_STATS && strcmp(Actions[a].name, "stats") == 0) ||
                     (app->overlay == OV_ROSTER && strcmp(Actions[a].name, "roster") == 0) ||
                     (app->overlay == OV_DETAIL && strcmp(Actions[a].name, "review") == 0))) {
         app->overlay = OV_NONE;
         return RD_ALL | RD_CLEAR;
      }
      return RD_NONE;
   }
   }
}
