#include "tui/actions.h"

#include <stdio.h>
#include <string.h>

#include "model/session.h"
#include "tui/external_editor.h"
#include "tui/form.h"
#include "tui/picker.h"
#include "tui/records_pane.h"
#include "tui/agenda_pane.h"
#include "tui/floor_pane.h"

static unsigned Act_review(App *app);

static unsigned Act_help(App *app) {
   app->overlay = OV_HELP;
   app->overlayScroll = 0;
   return RD_ALL;
}

static unsigned Act_command(App *app) {
   return App_openCmdline(app, "");
}

/* `/`: the : line with "search " typed; Enter shows the archive's hits. */
static unsigned Act_search(App *app) {
   app->cmdOpen = 1;
   Cmdline_open(&app->cmd, "search ");
   return RD_STATUS;
}

static unsigned Act_delegation(App *app) {
   return Picker_open(app, PICK_VIEW);
}

static unsigned Act_ask(App *app) {
   return Picker_open(app, PICK_FLOOR);
}

static unsigned Act_point(App *app) {
   return Picker_open(app, PICK_POINT);
}

static unsigned Act_next(App *app) {
   if (App_run(app, "next") == 0)
      app->focus = FOCUS_NOTES;
   return RD_ALL;
}

/* Give and withdraw always ask whom, with the floor pane's selection
 * preselected: the selection is always on some queued delegation, so acting
 * on it at once would give or withdraw the first in the queue on a bare key,
 * and the name typed after it would run as keys. Enter on the floor pane
 * still gives to the selection at once. */
static unsigned Act_pickFromQueue(App *app, PickMode mode) {
   unsigned r = Picker_open(app, mode);
   if (app->focus == FOCUS_FLOOR && app->queueSel > 0 && app->queueSel < app->picker.n)
      app->picker.sel = app->queueSel;
   return r;
}

static unsigned Act_give(App *app) {
   return Act_pickFromQueue(app, PICK_GIVE);
}

static unsigned Act_end(App *app) {
   App_run(app, "end");
   if (app->focus == FOCUS_NOTES)
      app->focus = FOCUS_FLOOR;
   return RD_ALL;
}

static unsigned Act_tour(App *app) {
   App_run(app, "tour");
   return RD_ALL;
}

static unsigned Act_withdraw(App *app) {
   size_t nq = 0;
   Session_queue(App_session(app), &nq);
   if (nq == 0) {
      App_message(app, ROLE_ERROR, "nobody is in the queue");
      return RD_STATUS;
   }
   return Act_pickFromQueue(app, PICK_WITHDRAW);
}

/* Next or previous live item in reading order from the current one. */
static unsigned Act_itemStep(App *app, int dir) {
   Session *s = App_session(app);
   size_t n = Agenda_count(&s->agenda);
   if (n == 0) {
      App_message(app, ROLE_ERROR, "the agenda is empty: add an item with %s",
                  "A");
      return RD_STATUS;
   }
   size_t cur = Session_current_index(s);
   long k = -1;
   for (size_t i = 0; i < n; i++)
      if (Agenda_index_at(&s->agenda, i) == cur)
         k = (long)i;
   long to = k < 0 ? (dir > 0 ? 0 : (long)n - 1) : k + dir;
   /* headings are not items to take up: step over them */
   while (to >= 0 && to < (long)n && Agenda_at(&s->agenda, (size_t)to)->kind == GV_ITEM_HEADING)
      to += dir;
   if (to < 0 || to >= (long)n) {
      App_message(app, ROLE_ERROR, "no %s item", dir > 0 ? "next" : "previous");
      return RD_STATUS;
   }
   char num[32];
   Agenda_path(&s->agenda, Agenda_index_at(&s->agenda, (size_t)to), num, sizeof num);
   if (App_runf(app, "item %s", num) == 0)
      app->agendaSel = (int)to;
   return RD_ALL;
}

static unsigned Act_itemNext(App *app) {
   return Act_itemStep(app, 1);
}

static unsigned Act_itemPrev(App *app) {
   return Act_itemStep(app, -1);
}

static unsigned Act_itemAdd(App *app) {
   return Form_open(app, FORM_ITEM_ADD);
}

static unsigned Act_deadline(App *app) {
   return Form_open(app, FORM_DEADLINE);
}

static unsigned Act_reserve(App *app) {
   return Form_open(app, FORM_RESERVE);
}

static unsigned Act_presents(App *app) {
   return Form_open(app, FORM_PRESENTS);
}

/* Asks first: closing ends the speaker and the current item. */
static unsigned Act_close(App *app) {
   Session *s = App_session(app);
   char ask[256], hm[9];
   Time_format_hm(Session_clock(s, App_now()), false, hm);
   const Intervention *sp = Session_speaker(s);
   const Delegation *d = sp ? Session_delegation(s, sp->delegation) : NULL;
   snprintf(ask, sizeof ask, "Close the meeting at %s%s%s? (y/n)", hm,
            d ? ", ending " : "", d ? d->code : "");
   return App_confirm(app, ask, "close");
}

/* The Chair takes the floor at once: no queue, no picker. */
static unsigned Act_chair(App *app) {
   if (App_run(app, "give CHAIR") == 0)
      app->focus = FOCUS_NOTES;
   return RD_ALL;
}

static unsigned Act_group(App *app) {
   return Form_open(app, FORM_GROUP);
}

static unsigned Act_paragraph(App *app) {
   return Form_open(app, FORM_PARAGRAPH);
}

static unsigned Act_recordSpeaker(App *app) {
   return RecordsPane_speaker(app);
}

static unsigned Act_recordDelete(App *app) {
   return RecordsPane_delete(app);
}

static unsigned Act_recordUp(App *app) {
   return RecordsPane_reorder(app, -1);
}

static unsigned Act_recordDown(App *app) {
   return RecordsPane_reorder(app, 1);
}

static unsigned Act_action(App *app) {
   return Form_open(app, FORM_ACTION);
}

static unsigned Act_outcome(App *app) {
   return Form_open(app, FORM_OUTCOME);
}

static unsigned Act_position(App *app) {
   return Form_open(app, FORM_POSITION);
}

static unsigned Act_undo(App *app) {
   App_run(app, "undo");
   return RD_ALL;
}

static unsigned Act_redo(App *app) {
   App_run(app, "redo");
   return RD_ALL;
}

static unsigned Act_roster(App *app) {
   app->overlay = OV_ROSTER;
   app->overlayScroll = 0;
   return RD_ALL;
}

static unsigned Act_stats(App *app) {
   app->overlay = OV_STATS;
   app->overlayScroll = 0;
   return RD_ALL;
}

static unsigned Act_review(App *app) {
   app->overlay = OV_DETAIL;
   app->overlayScroll = 0;
   return RD_ALL;
}

static unsigned Act_notes(App *app) {
   if (app->readOnly) {
      App_message(app, ROLE_ERROR, "read-only: %s", app->roReason);
      return RD_STATUS;
   }
   if (!Session_speaker(App_session(app))) {
      App_message(app, ROLE_ERROR,
                  "nobody has the floor: give it first (n, g), or write the item's own words with P");
      return RD_STATUS;
   }
   app->focus = FOCUS_NOTES;
   return RD_ALL;
}

static unsigned Act_editor(App *app) {
   if (!Session_speaker(App_session(app))) {
      App_message(app, ROLE_ERROR, "nobody has the floor: there is no note to edit");
      return RD_STATUS;
   }
   return ExternalEditor_edit(app);
}

/* Whether a pane can take the focus now: the notes while someone speaks,
 * the item's record while there is an item. */
static int Actions_canFocus(App *app, Focus f) {
   if (f == FOCUS_NOTES)
      return !app->readOnly && (Session_speaker(App_session(app)) != NULL || app->editRef[0]);
   if (f == FOCUS_RECORDS)
      return !app->follow && RecordsPane_item(app) != GV_NONE;
   return 1;
}

static unsigned Actions_focusStep(App *app, int dir) {
   Focus f = app->focus;
   do
      f = (Focus)((f + FOCUS_COUNT + dir) % FOCUS_COUNT);
   while (!Actions_canFocus(app, f));
   app->focus = f;
   return RD_ALL;
}

static unsigned Act_focusNext(App *app) {
   return Actions_focusStep(app, 1);
}

static unsigned Act_focusPrev(App *app) {
   return Actions_focusStep(app, -1);
}

static unsigned Act_up(App *app) {
   return app->focus == FOCUS_AGENDA    ? AgendaPane_move(app, -1)
          : app->focus == FOCUS_RECORDS ? RecordsPane_move(app, -1)
                                        : FloorPane_move(app, -1);
}

static unsigned Act_down(App *app) {
   return app->focus == FOCUS_AGENDA    ? AgendaPane_move(app, 1)
          : app->focus == FOCUS_RECORDS ? RecordsPane_move(app, 1)
                                        : FloorPane_move(app, 1);
}

static unsigned Act_select(App *app) {
   if (app->focus == FOCUS_AGENDA && app->readOnly)
      return Act_review(app);
   if (app->focus == FOCUS_AGENDA)
      return AgendaPane_takeUp(app);
   if (app->focus == FOCUS_RECORDS)
      return RecordsPane_edit(app);
   const char *code = app->focus == FOCUS_FLOOR ? FloorPane_selectedCode(app) : NULL;
   if (code) {
      if (App_runf(app, "give %s", code) == 0)
         app->focus = FOCUS_NOTES;
      return RD_ALL;
   }
   return Act_give(app);
}

static unsigned Act_quit(App *app) {
   return App_quit(app, 1);
}

static unsigned Act_suspend(App *app) {
   return App_suspend(app);
}

static unsigned Act_refresh(App *app) {
   return RD_ALL | RD_CLEAR;
}

const TuiAction Actions[] = {
   { "ask", "a F2", "ask for the floor: type a code or a name; Enter queues it, Tab queues it and waits for the next", Act_ask, 1, "Floor" },
   { "next", "n F5", "the next speaker in the queue takes the floor", Act_next, 1, "Floor" },
   { "give", "g F4", "give the floor: pick a queued delegation or type a name", Act_give, 1, "Floor" },
   { "end", "e F6", "end the running intervention", Act_end, 1, "Floor" },
   { "chair", "H", "the Chair takes the floor (\"The Chair concluded ...\")", Act_chair, 1, "Floor" },
   { "point", "! F3", "point of order: a delegation goes first in the queue", Act_point, 1, "Floor" },
   { "tour", "t", "tour de table: queue every present Member State in protocol order", Act_tour, 1, "Floor" },
   { "withdraw", "w", "withdraw a delegation from the queue: pick it or type a name", Act_withdraw, 1, "Floor" },
   { "notes", "i", "type the notes of the running intervention (Esc leaves)", Act_notes, 1, "Floor" },
   { "editor", "C-e", "edit the note in $VISUAL or $EDITOR", Act_editor, 1, "Floor" },
   { "item_next", "]", "take up the next agenda item", Act_itemNext, 1, "Agenda" },
   { "item_prev", "[", "take up the previous agenda item", Act_itemPrev, 1, "Agenda" },
   { "item_add", "A", "add an agenda item: title, then parent, kind, requested by, documents", Act_itemAdd, 1, "Agenda" },
   { "select", "Enter", "agenda: take up the selected item; floor: give the floor to it; record: edit it", Act_select, 1, "Agenda" },
   { "up", "k Up", "move the selection up", Act_up, 0, "Agenda" },
   { "down", "j Down", "move the selection down", Act_down, 0, "Agenda" },
   { "review", "v", "read the record of the selected item", Act_review, 0, "Agenda" },
   { "position", "p F7", "position: the stance of the speaker (or a delegation), then a text", Act_position, 1, "Record" },
   { "reservation", "x", "reservation: delegation, type, entered/maintained/lifted", Act_reserve, 1, "Record" },
   { "presents", "D F8", "the speaker presents a document (a non-paper, a WK)", Act_presents, 1, "Record" },
   { "outcome", "o", "outcome of the item: the status from a list, then the text", Act_outcome, 1, "Record" },
   { "deadline", "d", "deadline: the date (31 May, 31/05), what, and who set it", Act_deadline, 1, "Record" },
   { "action", "c", "action point: for whom, due when, what", Act_action, 1, "Record" },
   { "group", "G", "several speakers at once: \"several delegations\" or another subject, members (Tab adds), the text", Act_group, 1, "Record" },
   { "paragraph", "P", "a paragraph of the item itself, whoever spoke (\"Delegations were invited to ...\")", Act_paragraph, 1, "Record" },
   { "close", "C", "close the meeting: ends the speaker and the item, records the end time (asks first)", Act_close, 1, "Record" },
   { "undo", "u", "undo the last command", Act_undo, 1, "Record" },
   { "redo", "r", "redo what was undone", Act_redo, 1, "Record" },
   { "speaker", "S", "item's record: correct who spoke (or owns, or set) the selected one", Act_recordSpeaker, 1, "Item's record (Tab to it, Enter edits the text)" },
   { "delete", "X", "item's record: delete the selected one (asks first; u brings it back)", Act_recordDelete, 1, "Item's record (Tab to it, Enter edits the text)" },
   { "move_up", "K", "item's record: move the selected intervention or paragraph up", Act_recordUp, 1, "Item's record (Tab to it, Enter edits the text)" },
   { "move_down", "J", "item's record: move the selected intervention or paragraph down", Act_recordDown, 1, "Item's record (Tab to it, Enter edits the text)" },
   { "command", ":", "run any command of the language (Tab completes, Up/Down history)", Act_command, 0, "Screen" },
   { "search", "/", "search the archive: every meeting's hits; Enter opens one read-only at the record that matched, Esc comes back", Act_search, 0, "Screen" },
   { "delegation", "V", "delegation view: pick one; its interventions, positions and reservations here, Tab across the archive (also from the roster)", Act_delegation, 0, "Screen" },
   { "roster", "R", "every delegation: spoken, queued, has the floor, absent", Act_roster, 0, "Screen" },
   { "stats", "s", "speaking time and interventions per delegation", Act_stats, 0, "Screen" },
   { "focus_next", "Tab", "next pane: agenda, floor, notes, the item's record", Act_focusNext, 0, "Screen" },
   { "focus_prev", "S-Tab", "previous pane", Act_focusPrev, 0, "Screen" },
   { "help", "? F1", "this help", Act_help, 0, "Screen" },
   { "refresh", "C-l", "repaint the screen", Act_refresh, 0, "Screen" },
   { "suspend", "C-z", "suspend gavel to the shell (fg brings it back)", Act_suspend, 0, "Screen" },
   { "quit", "q F10 C-c", "leave gavel (asks while someone has the floor)", Act_quit, 0, "Screen" },
};

const int ActionCount = (int)(sizeof Actions / sizeof Actions[0]);

int Actions_find(const char *name) {
   for (int i = 0; i < ActionCount; i++)
      if (strcmp(Actions[i].name, name) == 0)
         return i;
   return -1;
}

void Actions_keyDefs(KeyDef *out) {
   for (int i = 0; i < ActionCount; i++) {
      out[i].name = Actions[i].name;
      out[i].defaults = Actions[i].keys;
   }
}

unsigned Actions_run(App *app, int a) {
   if (a < 0 || a >= ActionCount)
      return RD_NONE;
   if (Actions[a].writes && app->readOnly && strcmp(Actions[a].name, "select") != 0) {
      App_message(app, ROLE_ERROR, "read-only: %s", app->roReason);
      return RD_STATUS;
   }
   return Actions[a].run(app);
}
