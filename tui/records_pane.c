#include "tui/records_pane.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "tui/text.h"

size_t RecordsPane_item(App *app) {
   Session *s = App_session(app);
   size_t cur = Session_current_index(s);
   if (cur != GV_NONE)
      return cur;
   size_t n = Agenda_count(&s->agenda);
   if (app->agendaSel >= 0 && (size_t)app->agendaSel < n)
      return Agenda_index_at(&s->agenda, (size_t)app->agendaSel);
   return GV_NONE;
}

static size_t RecordsPane_put(RecordRef *out, size_t max, size_t k, RecordKind kind, size_t index) {
   if (out && k < max)
      out[k] = (RecordRef){ kind, index };
   return k + 1;
}

size_t RecordsPane_list(App *app, size_t item, RecordRef *out, size_t max) {
   Session *s = App_session(app);
   if (item == GV_NONE)
      return 0;
   size_t k = 0, niv = 0;
   const size_t *ivs = Session_item_interventions(s, item, &niv);
   for (size_t i = 0; i < niv; i++)
      k = RecordsPane_put(out, max, k, REC_INTERVENTION, ivs[i]);
   for (size_t i = 0; i < s->rec.npos; i++)
      if (s->rec.pos[i].item == item)
         k = RecordsPane_put(out, max, k, REC_POSITION, i);
   for (size_t i = 0; i < s->rec.nres; i++)
      if (s->rec.res[i].item == item)
         k = RecordsPane_put(out, max, k, REC_RESERVATION, i);
   for (size_t i = 0; i < s->rec.ndeadlines; i++)
      if (s->rec.deadlines[i].item == item)
         k = RecordsPane_put(out, max, k, REC_DEADLINE, i);
   for (size_t i = 0; i < s->rec.nactions; i++)
      if (s->rec.actions[i].item == item)
         k = RecordsPane_put(out, max, k, REC_ACTION, i);
   return k;
}

static const char *RecordsPane_code(Session *s, size_t d) {
   const Delegation *dl = Session_delegation(s, d);
   return dl ? dl->code : "?";
}

/* One row: what the record is, who, and the first line of its text. */
static void RecordsPane_row(App *app, const RecordRef *ref, char *buf, size_t n) {
   Session *s = App_session(app);
   switch (ref->kind) {
   case REC_INTERVENTION: {
      const Intervention *iv = Session_intervention(s, ref->index);
      char t[9];
      Time_format_hm(iv->start, false, t);
      const char *nl = strchr(iv->notes, '\n');
      int len = nl ? (int)(nl - iv->notes) : (int)strlen(iv->notes);
      snprintf(buf, n, "%s %-7s %s%.*s%s", t, RecordsPane_code(s, iv->delegation),
               iv->end == GV_NO_TIME ? "(speaking) " : "", len, iv->notes, nl ? " ..." : "");
      break;
   }
   case REC_POSITION: {
      const Position *p = &s->rec.pos[ref->index];
      snprintf(buf, n, "pos   %-7s %s%s%s", RecordsPane_code(s, p->delegation), GvStance_word(p->stance),
               p->text && p->text[0] ? ": " : "", p->text ? p->text : "");
      break;
   }
   case REC_RESERVATION: {
      const Reservation *r = &s->rec.res[ref->index];
      snprintf(buf, n, "res   %-7s %s, %s%s%s", RecordsPane_code(s, r->delegation), GvReserveType_word(r->type),
               GvReserveStatus_word(r->status), r->text && r->text[0] ? ": " : "", r->text ? r->text : "");
      break;
   }
   case REC_DEADLINE: {
      const Deadline *d = &s->rec.deadlines[ref->index];
      char day[24];
      Date_format_long(d->day, day);
      snprintf(buf, n, "deadline %s: %s", day, d->what);
      break;
   }
   case REC_ACTION: {
      const Action *a = &s->rec.actions[ref->index];
      char day[11] = "-";
      if (a->due != GV_NO_DAY)
         Date_format_iso(a->due, day);
      snprintf(buf, n, "action %-7s %s %s%s", RecordsPane_code(s, a->owner), day, a->what,
               a->done ? " (done)" : "");
      break;
   }
   }
}

void RecordsPane_draw(App *app, Rect r) {
   if (r.h < 3 || r.w < 12)
      return;
   Session *s = App_session(app);
   int focus = app->focus == FOCUS_RECORDS;
   size_t item = RecordsPane_item(app);
   char title[128], num[32] = "";
   if (item != GV_NONE)
      Agenda_path(&s->agenda, item, num, sizeof num);
   snprintf(title, sizeof title, "Record of item %s%s", num, focus ? " *" : "");
   if (item == GV_NONE)
      snprintf(title, sizeof title, "Record%s", focus ? " *" : "");
   Draw_clear(r, A_NORMAL);
   Draw_frame(r, title, app->attr[focus ? ROLE_TITLE : ROLE_BORDER], app->attr[ROLE_TITLE], app->ascii);
   int x = r.x + 2, w = r.w - 4, rows = r.h - 2;
   size_t n = RecordsPane_list(app, item, NULL, 0);
   if (n == 0) {
      Draw_text(r.y + 1, x, w, app->attr[ROLE_DIM], "Nothing recorded on this item yet");
      if (focus) {
         app->cursorY = r.y + 1;
         app->cursorX = x;
      }
      return;
   }
   RecordRef *list = malloc(n * sizeof *list);
   if (!list)
      return;
   RecordsPane_list(app, item, list, n);
   if (app->recordSel >= (int)n)
      app->recordSel = (int)n - 1;
   if (app->recordSel < 0)
      app->recordSel = 0;
   if (app->recordSel < app->recordTop)
      app->recordTop = app->recordSel;
   if (app->recordSel >= app->recordTop + rows)
      app->recordTop = app->recordSel - rows + 1;
   for (int i = 0; i < rows && app->recordTop + i < (int)n; i++) {
      int k = app->recordTop + i, y = r.y + 1 + i;
      char line[1024];
      RecordsPane_row(app, &list[k], line, sizeof line);
      int sel = focus && k == app->recordSel;
      int a = sel ? app->attr[ROLE_SELECTED]
              : list[k].kind == REC_INTERVENTION ? app->attr[ROLE_NORMAL] : app->attr[ROLE_NEXT];
      Draw_line(y, x - 1, w + 2, sel ? a : 0, "");
      /* The last row shows that more follow, and how many. */
      int below = (int)n - (k + 1);
      if (i == rows - 1 && below > 0) {
         snprintf(line, sizeof line, "%s %d more (j/Down)", app->ascii ? "..." : "\xe2\x80\xa6", below + 1);
         a = app->attr[ROLE_DIM];
      }
      Draw_textCut(y, x, w, a, line, app->ascii);
      if (sel) {
         app->cursorY = y;
         app->cursorX = x;
      }
   }
   free(list);
}

unsigned RecordsPane_move(App *app, int dir) {
   size_t n = RecordsPane_list(app, RecordsPane_item(app), NULL, 0);
   app->recordSel += dir;
   if (app->recordSel >= (int)n)
      app->recordSel = (int)n - 1;
   if (app->recordSel < 0)
      app->recordSel = 0;
   return RD_NOTES;
}

unsigned RecordsPane_edit(App *app) {
   if (app->readOnly) {
      App_message(app, ROLE_ERROR, "read-only: %s", app->roReason);
      return RD_STATUS;
   }
   size_t item = RecordsPane_item(app);
   size_t n = RecordsPane_list(app, item, NULL, 0);
   if (n == 0 || app->recordSel < 0 || app->recordSel >= (int)n) {
      App_message(app, ROLE_ERROR, "nothing recorded on this item to edit");
      return RD_STATUS;
   }
   RecordRef *list = malloc(n * sizeof *list);
   if (!list)
      return RD_NONE;
   RecordsPane_list(app, item, list, n);
   RecordRef ref = list[app->recordSel];
   free(list);
   char line[1024];
   RecordsPane_row(app, &ref, line, sizeof line);
   /* Editing here needs the language's correction commands (`edit REF
    * TEXT`, `speaker REF CODE`, `delete REF`, `move REF before|after REF`):
    * once they exist, this loads the record's text into the notes editor
    * and runs `edit REF TEXT` when the editor is left. Until then it says
    * what it would edit and how to correct it today. */
   App_message(app, ROLE_ERROR, "cannot edit a record yet (%.60s): undo (u) takes back the last command",
               line);
   return RD_STATUS;
}
