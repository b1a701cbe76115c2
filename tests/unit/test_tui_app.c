/* The live screen's handlers without a terminal: they change state and go
 * through the journal, never draw. A real session file in a private folder;
 * keys, the picker, the notes editor and clicks drive it as a user would. */
#include <curses.h>
#include <locale.h>

#include "tests/unit/testutil.h"
#include "model/session.h"
#include "storage/sessionfile.h"
#include "tui/actions.h"
#include "tui/agenda_pane.h"
#include "tui/app.h"
#include "tui/floor_pane.h"
#include "tui/form.h"
#include "tui/notes_pane.h"
#include "tui/picker.h"
#include "tui/text.h"

typedef struct Fixture {
   char *dir;
   char path[PATH_MAX];
   App app;
} Fixture;

static int setup(void **state) {
   Fixture *f = calloc(1, sizeof *f);
   f->dir = TestUtil_tmpdir();
   char cwd[PATH_MAX];
   assert_non_null(getcwd(cwd, sizeof cwd));
   setenv("GAVEL_DATADIR", cwd, 1); /* rosters/ of the source tree */
   snprintf(f->path, sizeof f->path, "%s/data/test.gavel", f->dir);
   char err[512];
   SessionFileOptions opts = { 0 };
   assert_int_equal(SessionFile_create(f->path, NULL, 0, &opts, err, sizeof err), 0);
   App *app = &f->app;
   app->sf = SessionFile_open(f->path, &opts, err, sizeof err);
   assert_non_null(app->sf);
   Editor_init(&app->notes);
   Editor_init(&app->form.ed);
   Cmdline_init(&app->cmd, &app->history);
   Actions_keyDefs(app->keydefs);
   KeyMap_init(&app->keys, app->keydefs, ActionCount);
   app->rows = 24;
   app->cols = 80;
   app->rAgenda = (Rect){ 1, 0, 21, 32 };
   app->rFloor = (Rect){ 1, 32, 11, 48 };
   app->rNotes = (Rect){ 12, 32, 10, 48 };
   app->focus = FOCUS_FLOOR;
   assert_int_equal(App_run(app, "roster eu28-2017"), 0);
   assert_int_equal(App_run(app, "item add \"Adoption of the agenda\""), 0);
   assert_int_equal(App_run(app, "item add \"Cyber toolbox\""), 0);
   *state = f;
   return 0;
}

static int teardown(void **state) {
   Fixture *f = *state;
   Editor_free(&f->app.notes);
   Editor_free(&f->app.form.ed);
   Cmdline_free(&f->app.cmd);
   History_free(&f->app.history);
   SessionFile_close(f->app.sf);
   TestUtil_rmtree(f->dir);
   free(f->dir);
   free(f);
   return 0;
}

static unsigned press(App *app, const char *action) {
   int a = Actions_find(action);
   assert_true(a >= 0);
   return Actions_run(app, a);
}

static void type_picker(App *app, const char *s) {
   while (*s) {
      uint32_t cp;
      s += Text_decode(s, strlen(s), &cp);
      Picker_key(app, (int)cp);
   }
}

static size_t queue_len(App *app) {
   size_t n = 0;
   Session_queue(App_session(app), &n);
   return n;
}

/* An intervention's notes as one string (Notes_text). */
static const char *notes_of(const Intervention *iv) {
   static GvBuf b;
   return Notes_text(&iv->notes, &b);
}

static const char *speaker(App *app) {
   const Intervention *iv = Session_speaker(App_session(app));
   return iv ? Session_delegation(App_session(app), iv->delegation)->code : NULL;
}

static void picker_queues_several_by_partial_names(void **state) {
   Fixture *f = *state;
   App *app = &f->app;
   press(app, "item_next");
   assert_non_null(Session_current_item(App_session(app)));
   press(app, "ask");
   assert_int_equal(app->overlay, OV_PICKER);
   type_picker(app, "Fran");
   assert_true(app->picker.n >= 1);
   Picker_key(app, TK_TAB);
   type_picker(app, "Ελλ");
   Picker_key(app, TK_TAB);
   assert_int_equal(app->overlay, OV_PICKER); /* Tab: still open for more */
   type_picker(app, "öster");
   Picker_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->overlay, OV_NONE); /* Enter: the last one, and done */
   assert_string_equal(app->picker.queued, "FR EL AT");
   assert_int_equal(queue_len(app), 3);
   /* The common case: one delegation, one Enter. */
   press(app, "ask");
   type_picker(app, "Deut");
   Picker_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->overlay, OV_NONE);
   assert_int_equal(queue_len(app), 4);
}

static void next_notes_draft_and_end(void **state) {
   Fixture *f = *state;
   App *app = &f->app;
   press(app, "item_next");
   App_run(app, "floor DE PL");
   press(app, "next");
   assert_string_equal(speaker(app), "DE");
   assert_int_equal(app->focus, FOCUS_NOTES);
   const char *text = "Zusammenarbeit – ça va";
   while (*text) {
      uint32_t cp;
      text += Text_decode(text, strlen(text), &cp);
      assert_int_not_equal(NotesPane_key(app, (int)cp), (unsigned)-1);
   }
   NotesPane_key(app, KEY_FN(KEY_ENTER));
   NotesPane_key(app, 'x');
   NotesPane_key(app, KEY_FN(KEY_BACKSPACE));
   assert_string_equal(Editor_text(&app->notes), "Zusammenarbeit – ça va\n");
   /* F6 is not the editor's: the key table ends the intervention, and the
    * note is journaled first. */
   assert_int_equal(NotesPane_key(app, KEY_FN(KEY_F(6))), (unsigned)-1);
   Actions_run(app, KeyMap_lookup(&app->keys, KEY_FN(KEY_F(6))));
   assert_null(speaker(app));
   const Session *s = App_session(app);
   assert_string_equal(notes_of(&s->floor.list[s->floor.count - 1]), "Zusammenarbeit – ça va\n");
   /* And the file has it: reopen read-only. */
   char err[256];
   SessionFileOptions ro = { .readOnly = 1 };
   SessionFile *again = SessionFile_open(f->path, &ro, err, sizeof err);
   assert_non_null(again);
   const Session *s2 = SessionFile_session(again);
   assert_string_equal(notes_of(&s2->floor.list[s2->floor.count - 1]), "Zusammenarbeit – ça va\n");
   SessionFile_close(again);
}

static void point_of_order_tour_undo(void **state) {
   Fixture *f = *state;
   App *app = &f->app;
   press(app, "item_next");
   App_run(app, "floor FR DE");
   press(app, "point");
   type_picker(app, "EE");
   Picker_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->overlay, OV_NONE);
   size_t n = 0;
   const QueueEntry *q = Session_queue(App_session(app), &n);
   assert_int_equal(n, 3);
   assert_true(q[0].point_of_order);
   assert_string_equal(Session_delegation(App_session(app), q[0].delegation)->code, "EE");
   press(app, "tour");
   assert_true(queue_len(app) > 20);
   press(app, "undo");
   assert_int_equal(queue_len(app), 3);
   press(app, "redo");
   assert_true(queue_len(app) > 20);
}

static void refusals_are_messages(void **state) {
   Fixture *f = *state;
   App *app = &f->app;
   assert_int_equal(App_run(app, "floor FR"), -1); /* no item taken up */
   assert_int_equal(app->messageRole, ROLE_ERROR);
   press(app, "item_next");
   assert_int_equal(App_run(app, "floor XX"), -1);
   assert_int_equal(app->messageRole, ROLE_ERROR);
   assert_non_null(strstr(app->message, "XX"));
   press(app, "item_prev"); /* nothing before the first: refused, no crash */
   press(app, "end");
   assert_int_equal(app->messageRole, ROLE_ERROR);
   /* A read-only view refuses every change with its reason. */
   app->readOnly = 1;
   snprintf(app->roReason, sizeof app->roReason, "another gavel is writing");
   press(app, "tour");
   assert_non_null(strstr(app->message, "read-only: another gavel is writing"));
   press(app, "help"); /* reading still works */
   assert_int_equal(app->overlay, OV_HELP);
}

static void clicks_select_items_and_give_the_floor(void **state) {
   Fixture *f = *state;
   App *app = &f->app;
   press(app, "item_next");
   App_run(app, "floor IT ES");
   /* Agenda rows start under the frame: row 2 is the second item. */
   assert_int_not_equal(AgendaPane_click(app, 3, 5), RD_NONE);
   assert_int_equal(app->focus, FOCUS_AGENDA);
   assert_int_equal(app->agendaSel, 1);
   assert_int_equal(AgendaPane_click(app, 15, 5), RD_NONE); /* below the items */
   /* The queue's rows: frame, two speaker rows, a blank, the heading. */
   int first = app->rFloor.y + 1 + 2 + 1 + 1;
   FloorPane_click(app, first + 1, app->rFloor.x + 5);
   assert_string_equal(speaker(app), "ES");
   assert_int_equal(queue_len(app), 1);
   assert_int_equal(AgendaPane_click(app, 1, 100), RD_NONE); /* outside */
   /* Enter on the agenda takes up the selected item. */
   app->focus = FOCUS_AGENDA;
   app->agendaSel = 1;
   press(app, "select");
   assert_int_equal(Session_current_index(App_session(app)),
                    Agenda_index_at(&App_session(app)->agenda, 1));
}

static int inside(Rect r, int rows, int cols) {
   return r.y >= 0 && r.x >= 0 && r.h >= 0 && r.w >= 0 && r.y + r.h <= rows - 2 && r.x + r.w <= cols;
}

static void layout_fits_every_size(void **state) {
   (void)state;
   for (int follow = 0; follow <= 1; follow++)
      for (int rows = APP_MIN_ROWS; rows <= 120; rows++)
         for (int cols = APP_MIN_COLS; cols <= 320; cols += 3) {
            App app = { 0 };
            app.follow = follow;
            App_layoutFor(&app, rows, cols);
            assert_false(app.tooSmall);
            assert_true(inside(app.rAgenda, rows, cols));
            assert_true(inside(app.rFloor, rows, cols));
            assert_true(inside(app.rNotes, rows, cols));
            /* Side by side, stacked, never overlapping, every row used. */
            assert_int_equal(app.rAgenda.x + app.rAgenda.w, app.rFloor.x);
            assert_int_equal(app.rFloor.y + app.rFloor.h, app.rNotes.y);
            assert_int_equal(app.rAgenda.h, app.rFloor.h + app.rNotes.h);
            assert_true(app.rFloor.h >= 5 && app.rAgenda.w >= 16);
            if (!follow)
               assert_true(app.rNotes.h >= 3);
         }
   App app = { 0 };
   App_layoutFor(&app, 6, 20);
   assert_true(app.tooSmall);
}

static void clock_warns_then_alerts(void **state) {
   (void)state;
   const char *word;
   assert_int_equal(FloorPane_clockRole(500, 0, &word), ROLE_CLOCK); /* no limit: never */
   assert_string_equal(word, "");
   assert_int_equal(FloorPane_clockRole(100, 180, &word), ROLE_CLOCK);
   assert_int_equal(FloorPane_clockRole(150, 180, &word), ROLE_WARN);
   assert_string_equal(word, "time nearly up");
   assert_int_equal(FloorPane_clockRole(180, 180, &word), ROLE_ALERT);
   assert_string_equal(word, "OVER TIME");
   assert_int_equal(FloorPane_clockRole(48, 60, &word), ROLE_WARN); /* short limits: at 80% */
}

static void form_type(App *app, const char *s) {
   while (*s) {
      uint32_t cp;
      s += Text_decode(s, strlen(s), &cp);
      Form_key(app, (int)cp);
   }
}

/* The record forms build one command line of the language from choices and
 * typed fields, and run it like the : line; a refused line keeps the form. */
static void forms_build_command_lines(void **state) {
   Fixture *f = *state;
   App *app = &f->app;
   char line[1024];
   press(app, "item_next");
   App_run(app, "give FR");
   /* Position: the speaker's, stance by its first letter, then the text. */
   press(app, "position");
   assert_int_equal(app->overlay, OV_FORM);
   assert_int_equal(app->form.at, 1);
   Form_key(app, 'c');
   form_type(app, "on the \"title\"");
   Form_line(app, line, sizeof line);
   assert_string_equal(line, "pos FR concerns on the \"title\"");
   Form_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->overlay, OV_NONE);
   const Position *p = Session_position(App_session(app), Session_current_index(App_session(app)), 0);
   assert_non_null(p);
   assert_string_equal(p->text, "on the \"title\"");
   /* A shared first letter steps through the choices and waits for Enter. */
   press(app, "position");
   Form_key(app, 'a');
   assert_string_equal(app->form.f[1].choices[app->form.f[1].sel], "accepts");
   Form_key(app, 'a');
   assert_string_equal(app->form.f[1].choices[app->form.f[1].sel], "asks");
   assert_int_equal(app->form.at, 1);
   Form_key(app, TK_ESC);
   assert_int_equal(app->overlay, OV_NONE);
   /* Deadline: the date resolved to ISO; a wrong one keeps the field. */
   press(app, "deadline");
   form_type(app, "31 Mai");
   Form_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->form.at, 0);
   assert_non_null(strstr(app->form.note, "not a date"));
   Form_key(app, KEY_CTRL('u'));
   form_type(app, "31/5");
   char v[64];
   Form_value(app, 0, v, sizeof v);
   assert_int_equal(strlen(v), 10);
   assert_string_equal(v + 4, "-05-31");
   Form_key(app, KEY_FN(KEY_ENTER));
   form_type(app, "written comments");
   Form_key(app, KEY_FN(KEY_ENTER));
   Form_line(app, line, sizeof line);
   assert_non_null(strstr(line, "-05-31 by PRES written comments"));
   Form_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->overlay, OV_NONE);
   assert_int_equal(App_session(app)->rec.ndeadlines, 1);
   /* Item add: options in the language's order, documents split on ';'. */
   press(app, "item_add");
   form_type(app, "Tallinn Manual");
   Form_key(app, KEY_FN(KEY_ENTER));
   form_type(app, "2");
   Form_key(app, KEY_FN(KEY_ENTER));
   Form_key(app, '2'); /* info */
   form_type(app, "Eest");
   Form_key(app, KEY_FN(KEY_ENTER));
   form_type(app, "WK 1/17 INIT; 8946/17");
   Form_line(app, line, sizeof line);
   assert_string_equal(line, "item add \"Tallinn Manual\" under 2 kind info requested EE doc \"WK 1/17 INIT\" doc \"8946/17\"");
   Form_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->overlay, OV_NONE);
   /* A refusal keeps the form open with the reason. */
   press(app, "action");
   App_run(app, "end");
   Form_key(app, KEY_FN(KEY_ENTER)); /* FR, the speaker when it opened */
   Form_key(app, KEY_FN(KEY_ENTER)); /* no date */
   form_type(app, "send the text");
   Form_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->overlay, OV_NONE);
   press(app, "outcome");
   Form_key(app, 'n');
   app->readOnly = 1;
   snprintf(app->roReason, sizeof app->roReason, "test");
   Form_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(app->overlay, OV_FORM);
   assert_non_null(strstr(app->form.note, "read-only"));
   app->readOnly = 0;
   Form_key(app, TK_ESC);
}

/* With the agenda's focus on another item than the current one, a record
 * goes there through `on NUM` and the current item stays. */
static void forms_record_on_the_selected_item(void **state) {
   Fixture *f = *state;
   App *app = &f->app;
   press(app, "item_next");
   press(app, "item_next");
   size_t cur = Session_current_index(App_session(app));
   app->focus = FOCUS_AGENDA;
   app->agendaSel = 0;
   press(app, "outcome");
   assert_string_equal(app->form.prefix, "on 1 ");
   Form_key(app, 'a');
   char line[256];
   Form_line(app, line, sizeof line);
   assert_string_equal(line, "on 1 outcome agreed");
   Form_key(app, KEY_FN(KEY_ENTER));
   assert_int_equal(Session_current_index(App_session(app)), cur);
   assert_int_equal(Agenda_at(&App_session(app)->agenda, 0)->outcome, GV_OUTCOME_AGREED);
}

int main(void) {
   setlocale(LC_ALL, "C.UTF-8");
   const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(picker_queues_several_by_partial_names, setup, teardown),
      cmocka_unit_test_setup_teardown(forms_build_command_lines, setup, teardown),
      cmocka_unit_test_setup_teardown(forms_record_on_the_selected_item, setup, teardown),
      cmocka_unit_test_setup_teardown(next_notes_draft_and_end, setup, teardown),
      cmocka_unit_test_setup_teardown(point_of_order_tour_undo, setup, teardown),
      cmocka_unit_test_setup_teardown(refusals_are_messages, setup, teardown),
      cmocka_unit_test_setup_teardown(clicks_select_items_and_give_the_floor, setup, teardown),
      cmocka_unit_test(layout_fits_every_size),
      cmocka_unit_test(clock_warns_then_alerts),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
