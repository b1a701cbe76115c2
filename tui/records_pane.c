#include "tui/records_pane.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "model/words.h"
#include "tui/agenda_pane.h"
#include "tui/picker.h"
#include "tui/text.h"

size_t RecordsPane_item(App *app) {
   Session *s = App_session(app);
   size_t cur = Session_current_index(s);
   size_t n = Agenda_count(&s->agenda);
   /* A reader browses: the list follows the agenda's selection (a search
    * hit opens on an item that need not be the current one). */
   if (app->readOnly && !app->follow && app->agendaSel >= 0 && (size_t)app->agendaSel < n)
      return Agenda_index_at(&s->agenda, (size_t)app->agendaSel);
   if (cur != GV_NONE)
      return cur;
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
   size_t k = 0;
   const Item *it = Agenda_item(&s->agenda, item);
   for (size_t i = 0; it && i < it->nsaid; i++)
      k = RecordsPane_put(out, max, k, it->said[i].kind == GV_SAID_PARA ? REC_PARA : REC_INTERVENTION,
                          it->said[i].index);
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
      GvBuf scratch = GV_BUF_INIT;   /* the notes in pieces */
      const char *notes = Notes_text(&iv->notes, &scratch);
      const char *nl = strchr(notes, '\n');
      int len = nl ? (int)(nl - notes) : (int)strlen(notes);
      snprintf(buf, n, "%s %-7s %s%.*s%s", t, RecordsPane_code(s, iv->delegation),
               iv->end == GV_NO_TIME ? "(speaking) " : "", len, notes, nl ? " ..." : "");
      GvBuf_free(&scratch);
      break;
   }
   case REC_PARA: {
      const Para *pa = &s->rec.paras[ref->index];
      const char *nl = strchr(pa->text, '\n');
      int len = nl ? (int)(nl - pa->text) : (int)strlen(pa->text);
      if (pa->kind == GV_PARA_GROUP) {
         GvBuf who;
         GvBuf_init(&who);
         for (size_t i = 0; i < pa->nmembers; i++)
            GvBuf_printf(&who, "%s%s", i ? " " : " (", RecordsPane_code(s, pa->members[i]));
         if (pa->nmembers)
            GvBuf_putc(&who, ')');
         snprintf(buf, n, "group %s%s: %.*s%s", pa->phrase ? pa->phrase : "", who.failed ? "" : GvBuf_str(&who),
                  len, pa->text, nl ? " ..." : "");
         GvBuf_free(&who);
      } else {
         snprintf(buf, n, "para  %.*s%s", len, pa->text, nl ? " ..." : "");
      }
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
      int hl = sel && app->selRow;
      int a = hl ? app->attr[ROLE_SELECTED]
              : list[k].kind == REC_INTERVENTION || list[k].kind == REC_PARA ? app->attr[ROLE_NORMAL]
                                                                               : app->attr[ROLE_NEXT];
      if (hl)
         Draw_line(y, x - 1, w + 2, a, "");
      else
         AgendaPane_drawMark(app, y, x - 1, sel);
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

/* The selected record and its short reference; -1 with a message when
 * there is none. */
static int RecordsPane_selected(App *app, RecordRef *ref, char *shortRef, size_t n) {
   if (app->readOnly) {
      App_message(app, ROLE_ERROR, "read-only: %s", app->roReason);
      return -1;
   }
   if (app->focus != FOCUS_RECORDS) {
      App_message(app, ROLE_ERROR, "Tab to the item's record first, then choose a row (j, k)");
      return -1;
   }
   size_t item = RecordsPane_item(app);
   size_t cnt = RecordsPane_list(app, item, NULL, 0);
   if (cnt == 0 || app->recordSel < 0 || app->recordSel >= (int)cnt) {
      App_message(app, ROLE_ERROR, "nothing recorded on this item");
      return -1;
   }
   RecordRef *list = malloc(cnt * sizeof *list);
   if (!list)
      return -1;
   RecordsPane_list(app, item, list, cnt);
   *ref = list[app->recordSel];
   free(list);
   Session *s = App_session(app);
   static const GvRefKind kinds[] = { GV_REF_INTERVENTION, GV_REF_PARA, GV_REF_POSITION, GV_REF_RESERVATION,
                                      GV_REF_DEADLINE, GV_REF_ACTION };
   snprintf(shortRef, n, "%.*s", (int)Session_ref_len(s), Session_ref_uuid(s, kinds[ref->kind], ref->index));
   return 0;
}

/* The words of a record, as `edit` replaces them (an intervention's notes
 * in pieces are joined in scratch). */
static const char *RecordsPane_text(Session *s, const RecordRef *ref, GvBuf *scratch) {
   const char *t = NULL;
   switch (ref->kind) {
   case REC_INTERVENTION: t = Notes_text(&Session_intervention(s, ref->index)->notes, scratch); break;
   case REC_PARA: t = s->rec.paras[ref->index].text; break;
   case REC_POSITION: t = s->rec.pos[ref->index].text; break;
   case REC_RESERVATION: t = s->rec.res[ref->index].text; break;
   case REC_DEADLINE: t = s->rec.deadlines[ref->index].what; break;
   case REC_ACTION: t = s->rec.actions[ref->index].what; break;
   }
   return t ? t : "";
}

unsigned RecordsPane_edit(App *app) {
   RecordRef ref;
   char sref[40];
   if (RecordsPane_selected(app, &ref, sref, sizeof sref) != 0)
      return RD_STATUS;
   Session *s = App_session(app);
   /* the speaker's note is journaled before the editor is lent */
   App_flushDraft(app);
   char line[1024];
   RecordsPane_row(app, &ref, line, sizeof line);
   snprintf(app->editRef, sizeof app->editRef, "%s", sref);
   snprintf(app->editWhat, sizeof app->editWhat, "%.*s", (int)sizeof app->editWhat - 1, line);
   GvBuf scratch = GV_BUF_INIT;
   Editor_set(&app->notes, RecordsPane_text(s, &ref, &scratch));
   GvBuf_free(&scratch);
   Editor_textEnd(&app->notes);
   app->notesSaved = app->notes.version;
   app->focus = FOCUS_NOTES;
   App_message(app, ROLE_NORMAL, "editing %s: Esc saves it (edit %s TEXT), C-g drops the change", sref, sref);
   return RD_ALL;
}

unsigned RecordsPane_editDone(App *app, int save) {
   char ref[40];
   snprintf(ref, sizeof ref, "%s", app->editRef);
   int changed = app->notes.version != app->notesSaved;
   GvBuf b;
   GvBuf_init(&b);
   GvBuf_printf(&b, "edit %s ", ref);
   const char *t = Editor_text(&app->notes);
   Words_put_text(&b, t, strlen(t));
   /* the editor goes back to the speaker's note */
   app->editRef[0] = '\0';
   app->notesFor[0] = '\0';
   Editor_set(&app->notes, "");
   app->notesSaved = app->notes.version;
   app->focus = FOCUS_RECORDS;
   if (save && changed && !b.failed)
      App_run(app, GvBuf_str(&b));
   else
      App_message(app, ROLE_NORMAL, "%s: nothing changed", ref);
   GvBuf_free(&b);
   App_syncNotes(app);
   return RD_ALL | RD_CLEAR;
}

unsigned RecordsPane_speaker(App *app) {
   RecordRef ref;
   char sref[40];
   if (RecordsPane_selected(app, &ref, sref, sizeof sref) != 0)
      return RD_STATUS;
   if (ref.kind == REC_PARA) {
      App_message(app, ROLE_ERROR, "a paragraph has no speaker: Enter edits its text");
      return RD_STATUS;
   }
   unsigned r = Picker_open(app, PICK_SPEAKER);
   snprintf(app->picker.ref, sizeof app->picker.ref, "%s", sref);
   return r;
}

unsigned RecordsPane_delete(App *app) {
   RecordRef ref;
   char sref[40], ask[256], line[1024], cmd[64];
   if (RecordsPane_selected(app, &ref, sref, sizeof sref) != 0)
      return RD_STATUS;
   RecordsPane_row(app, &ref, line, sizeof line);
   snprintf(ask, sizeof ask, "Delete %s? (y/n)  %.60s", sref, line);
   snprintf(cmd, sizeof cmd, "delete %s", sref);
   return App_confirm(app, ask, cmd);
}

unsigned RecordsPane_reorder(App *app, int dir) {
   RecordRef ref;
   char sref[40];
   if (RecordsPane_selected(app, &ref, sref, sizeof sref) != 0)
      return RD_STATUS;
   if (ref.kind != REC_INTERVENTION && ref.kind != REC_PARA) {
      App_message(app, ROLE_ERROR, "only interventions and paragraphs have a place to move to");
      return RD_STATUS;
   }
   int to = app->recordSel + dir;
   size_t item = RecordsPane_item(app);
   size_t cnt = RecordsPane_list(app, item, NULL, 0);
   RecordRef *list = malloc(cnt * sizeof *list);
   if (!list)
      return RD_NONE;
   RecordsPane_list(app, item, list, cnt);
   int ok = to >= 0 && to < (int)cnt && (list[to].kind == REC_INTERVENTION || list[to].kind == REC_PARA);
   RecordRef other = ok ? list[to] : ref;
   free(list);
   if (!ok) {
      App_message(app, ROLE_ERROR, "already the %s of what is said on this item", dir < 0 ? "first" : "last");
      return RD_STATUS;
   }
   Session *s = App_session(app);
   const char *uuid = other.kind == REC_PARA ? s->rec.paras[other.index].uuid
                                             : Session_intervention(s, other.index)->uuid;
   if (App_runf(app, "move %s %s %.*s", sref, dir < 0 ? "before" : "after", (int)Session_ref_len(s), uuid) == 0)
      app->recordSel = to;
   return RD_ALL;
}
