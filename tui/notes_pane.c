#include "tui/notes_pane.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "model/session.h"
#include "tui/mark_move.h"
#include "tui/records_pane.h"
#include "tui/text.h"

/* The latest interventions and paragraphs on the item, oldest first, in
 * rows [y, bottom). */
static void NotesPane_recent(App *app, Rect r, int y, int bottom) {
   Session *s = App_session(app);
   size_t cur = Session_current_index(s);
   int x = r.x + 2, w = r.w - 4;
   if (cur == GV_NONE) {
      Draw_text(y, x, w, app->attr[ROLE_DIM],
                app->readOnly ? "No item is taken up" : "Take up an item: Enter on the agenda, or ]");
      return;
   }
   const Item *it = Agenda_item(&s->agenda, cur);
   size_t n = it->nsaid;
   /* The running intervention is in the editor above: not again here. */
   const Intervention *sp = Session_speaker(s);
   size_t shown = 0;
   for (size_t i = 0; i < n; i++)
      shown += it->said[i].kind == GV_SAID_PARA || Session_intervention(s, it->said[i].index) != sp;
   if (shown == 0) {
      Draw_text(y, x, w, app->attr[ROLE_DIM],
                sp ? "Nobody spoke before on this item" : "No intervention on this item yet");
      return;
   }
   /* The latest ones that fit, oldest first. */
   size_t skip = shown > (size_t)(bottom - y) ? shown - (size_t)(bottom - y) : 0;
   for (size_t i = 0; i < n && y < bottom; i++) {
      if (it->said[i].kind == GV_SAID_PARA) {
         if (skip) {
            skip--;
            continue;
         }
         /* a paragraph of the item, or a group's: no clock */
         const Para *pa = &s->rec.paras[it->said[i].index];
         const char *nl = strchr(pa->text, '\n');
         int nlen = nl ? (int)(nl - pa->text) : (int)strlen(pa->text);
         char line[1024];
         if (pa->kind == GV_PARA_GROUP)
            snprintf(line, sizeof line, "      %s: %.*s%s", pa->phrase ? pa->phrase : "", nlen, pa->text,
                     nl ? " ..." : "");
         else
            snprintf(line, sizeof line, "      paragraph: %.*s%s", nlen, pa->text, nl ? " ..." : "");
         Draw_textCut(y++, x, w, app->attr[ROLE_NEXT], line, app->ascii);
         continue;
      }
      const Intervention *iv = Session_intervention(s, it->said[i].index);
      if (iv == sp)
         continue;
      if (skip) {
         skip--;
         continue;
      }
      const Delegation *d = Session_delegation(s, iv->delegation);
      char t[9], dur[16], line[1024];
      Time_format_hm(iv->start, false, t);
      Draw_duration((long)Intervention_duration(iv, Session_clock(s, App_now())), dur, sizeof dur);
      /* The first line of the notes only. */
      GvBuf scratch = GV_BUF_INIT;   /* the notes in pieces */
      const char *notes = Notes_text(&iv->notes, &scratch);
      const char *nl = strchr(notes, '\n');
      int nlen = nl ? (int)(nl - notes) : (int)strlen(notes);
      snprintf(line, sizeof line, "%s %-6s %5s  %.*s%s", t, d ? d->code : "?", dur, nlen,
               notes, nl ? " ..." : "");
      GvBuf_free(&scratch);
      Draw_textCut(y++, x, w, iv->end == GV_NO_TIME ? app->attr[ROLE_SPEAKER] : 0, line, app->ascii);
   }
}

/* The frame's title: what the pane holds and whether it is saved. */
static void NotesPane_title(App *app, char *title, size_t n) {
   Session *s = App_session(app);
   int focus = app->focus == FOCUS_NOTES;
   const Intervention *sp = Session_speaker(s);
   if (app->editRef[0]) {
      /* a record's text lent to the editor (Enter on the item's record) */
      snprintf(title, n, "Editing %s%s  Esc saves, C-g drops  %s", app->editRef,
               app->notes.version != app->notesSaved ? " (changed)" : "", app->editWhat);
   } else if (sp) {
      const Delegation *d = Session_delegation(s, sp->delegation);
      const char *state = app->notes.version != app->notesSaved ? "  (typing)" : "";
      snprintf(title, n, "Notes%s  %s %s%s", focus ? " *" : "", d ? d->code : "?",
               d && d->name ? d->name : "", state);
   } else {
      snprintf(title, n, "Interventions on this item");
   }
}

/* One row of the editor's text, padded to the width; drawn only when it
 * differs from what the row shows (its hash), unless all is forced. */
static void NotesPane_row(App *app, int i, int y, int x, int w, const char *row, int all) {
   unsigned hash = 2166136261u;
   for (const char *c = row; *c; c++)
      hash = (hash ^ (unsigned char)*c) * 16777619u;
   if (i < NOTES_ROWS_KEPT) {
      if (!all && app->notesRowHash[i] == hash)
         return;
      app->notesRowHash[i] = hash;
   }
   Draw_line(y, x, w, A_NORMAL, row);
}

/* The editor's rows, the part of the pane a key typed changes. */
static void NotesPane_text(App *app, Rect r, int w, int h, int all) {
   Editor_scrollTo(&app->notes, w, h);
   size_t nl;
   const EditorLine *L = Editor_layout(&app->notes, w, &nl);
   const char *t = Editor_text(&app->notes);
   for (int i = 0; i < h; i++) {
      char row[2048];
      row[0] = '\0';
      if (app->notes.top + (size_t)i < nl) {
         const EditorLine *l = &L[app->notes.top + (size_t)i];
         size_t len = l->end - l->start < sizeof row - 1 ? l->end - l->start : sizeof row - 1;
         memcpy(row, t + l->start, len);
         row[len] = '\0';
      }
      NotesPane_row(app, i, r.y + 1 + i, r.x + 2, w, row, all);
   }
}

/* The height of the editor's rows: a tall pane keeps its lower part for what
 * was said before on the item. */
static int NotesPane_textRows(Rect r, int *list) {
   int h = r.h - 2;
   *list = h >= 14 ? h / 3 : 0;
   return *list ? h - *list - 1 : h;
}

int NotesPane_drawText(App *app, Rect r) {
   if (!app->notesDrawn || app->focus != FOCUS_NOTES || memcmp(&r, &app->notesRect, sizeof r) != 0)
      return 0;
   char title[256];
   NotesPane_title(app, title, sizeof title);
   if (strcmp(title, app->notesTitle) != 0)
      return 0;
   int list;
   NotesPane_text(app, r, r.w - 4, NotesPane_textRows(r, &list), 0);
   return 1;
}

void NotesPane_draw(App *app, Rect r) {
   app->notesDrawn = 0;
   if (r.h < 3)
      return;
   Session *s = App_session(app);
   int focus = app->focus == FOCUS_NOTES;
   const Intervention *sp = Session_speaker(s);
   char title[256];
   NotesPane_title(app, title, sizeof title);
   Draw_clear(r, A_NORMAL);
   Draw_frame(r, title, app->attr[focus ? ROLE_TITLE : ROLE_BORDER], app->attr[ROLE_TITLE], app->ascii);
   if (!sp && !app->editRef[0]) {
      NotesPane_recent(app, r, r.y + 1, r.y + r.h - 1);
      return;
   }
   int w = r.w - 4, list;
   if (w < 1 || r.h - 2 < 1)
      return;
   int h = NotesPane_textRows(r, &list);
   if (list) {
      int sy = r.y + 1 + h;
      Draw_rule(r, sy, app->attr[focus ? ROLE_TITLE : ROLE_BORDER], app->ascii);
      Draw_text(sy, r.x + 3, r.w - 6, app->attr[ROLE_TITLE], " Earlier on this item ");
      NotesPane_recent(app, r, sy + 1, r.y + r.h - 1);
   }
   if (Editor_isEmpty(&app->notes) && !focus) {
      Draw_text(r.y + 1, r.x + 2, w, app->attr[ROLE_DIM],
                app->readOnly ? "No notes yet" : "i types the notes of this intervention");
      return;
   }
   NotesPane_text(app, r, w, h, 1);
   snprintf(app->notesTitle, sizeof app->notesTitle, "%s", title);
   app->notesRect = r;
   app->notesDrawn = 1;
}

void NotesPane_placeCursor(App *app, Rect r) {
   int w = r.w - 4, h = r.h - 2;
   if (w < 1 || h < 1)
      return;
   if (h >= 14)
      h -= h / 3 + 1;
   size_t row;
   int col;
   Editor_scrollTo(&app->notes, w, h);
   Editor_cursorRowCol(&app->notes, w, &row, &col);
   if (col >= w)
      col = w - 1;
   move(r.y + 1 + (int)(row - app->notes.top), r.x + 2 + col);
}

/* Whether a letter typed next, at the end of the text, on its last row,
 * where it neither wraps nor scrolls nor changes the title, can be sent to
 * the terminal before the editor and the pane even see it (tui/mark_move.h;
 * App_draw settles it). Worked out before the key is read, when nothing is
 * waiting: then the letter leaves as soon as it arrives. */
void NotesPane_armTyped(App *app) {
   Editor *ed = &app->notes;
   Rect r = app->rNotes;
   int w = r.w - 4, list;
   int h = NotesPane_textRows(r, &list);
   app->typedArmed = 0;
   if (!app->notesDrawn || app->focus != FOCUS_NOTES || app->tooSmall || app->follow ||
       app->cmdOpen || app->overlay != OV_NONE || app->redraw ||
       ed->cursor != ed->len || memcmp(&r, &app->notesRect, sizeof r) != 0 ||
       ed->version == app->notesSaved || ed->version + 1 == app->notesSaved || w < 2 || h < 1)
      return;
   size_t nl;
   const EditorLine *L = Editor_layout(ed, w, &nl);
   size_t row = nl - 1;
   if (!nl || row < ed->top || row - ed->top >= (size_t)h)
      return;
   int col = Text_width(ed->text + L[row].start, ed->len - L[row].start);
   /* the letter and, after it, the cursor's cell */
   if (col + 2 > w)
      return;
   int y = r.y + 1 + (int)(row - ed->top), x = r.x + 2 + col;
   if (!MarkMove_typedCan(&app->cursorAt, y, x))
      return;
   app->typedArmed = 1;
   app->typedArmY = y;
   app->typedArmX = x;
}

int NotesPane_sendArmed(App *app, int key) {
   int armed = app->typedArmed;
   app->typedArmed = 0;
   if (!armed || key < 0x20 || key > 0x7E ||
       !MarkMove_typed(&app->cursorAt, app->typedArmY, app->typedArmX, (char)key))
      return 0;
   app->typedSent = 1;
   app->typedY = app->typedArmY;
   app->typedX = app->typedArmX;
   app->typedCh = (wchar_t)key;
   return 1;
}

unsigned NotesPane_key(App *app, int key) {
   Editor *ed = &app->notes;
   int w = app->rNotes.w - 4;
   int h = app->rNotes.h - 2;
   if (w < 1)
      w = 1;
   if (app->editRef[0]) {
      /* leaving the text of a record: Esc (or Tab) saves, C-g drops */
      if (key == TK_ESC || key == TK_TAB || key == KEY_FN(KEY_BTAB))
         return RecordsPane_editDone(app, 1);
      if (key == KEY_CTRL('g'))
         return RecordsPane_editDone(app, 0);
   }
   switch (key) {
   case TK_ESC:
      app->focus = FOCUS_FLOOR;
      return RD_ALL;
   case KEY_FN(KEY_ENTER):
      Editor_insert(ed, "\n", 1);
      break;
   case KEY_FN(KEY_BACKSPACE):
      Editor_backspace(ed);
      break;
   case KEY_FN(KEY_DC):
   case KEY_CTRL('d'):
      Editor_delete(ed);
      break;
   case KEY_FN(KEY_LEFT):
      Editor_left(ed);
      break;
   case KEY_FN(KEY_RIGHT):
      Editor_right(ed);
      break;
   case KEY_FN(KEY_UP):
      Editor_up(ed, w);
      break;
   case KEY_FN(KEY_DOWN):
      Editor_down(ed, w);
      break;
   case KEY_FN(KEY_PPAGE):
      for (int i = 0; i < h - 1; i++)
         Editor_up(ed, w);
      break;
   case KEY_FN(KEY_NPAGE):
      for (int i = 0; i < h - 1; i++)
         Editor_down(ed, w);
      break;
   case KEY_FN(KEY_HOME):
      Editor_home(ed, w);
      break;
   case KEY_FN(KEY_END):
      Editor_end(ed, w);
      break;
   case TK_CLEFT:
      Editor_wordLeft(ed);
      break;
   case TK_CRIGHT:
      Editor_wordRight(ed);
      break;
   case TK_CHOME:
      Editor_textStart(ed);
      break;
   case TK_CEND:
      Editor_textEnd(ed);
      break;
   case KEY_CTRL('w'):
      Editor_deleteWordBack(ed);
      break;
   case KEY_CTRL('k'):
      Editor_killToEnd(ed);
      break;
   default:
      if (!KEY_ISFN(key) && !(key & KEY_ALT(0)) && key >= 0x20 && key != 0x7F) {
         Editor_insertCodepoint(ed, (unsigned)key);
         break;
      }
      return (unsigned)-1;
   }
   /* The notes' text alone changes: the status, message and hint lines
    * and the pane's frame stay. */
   return RD_NOTES_TEXT;
}
