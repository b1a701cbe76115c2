/* The agenda: adding, numbering and renumbering, taking up, moving,
 * dropping, postponing, and the letters house style. */
#include "tests/unit/test_model_fixture.h"

/* "1 Title; 2 Title; 2.1 Title" in tree order. */
static char *outline(const Fx *f) {
   GvBuf b = GV_BUF_INIT;
   for (size_t k = 0; k < Agenda_count(&f->s->agenda); k++) {
      size_t idx = Agenda_index_at(&f->s->agenda, k);
      char path[32];
      Agenda_path(&f->s->agenda, idx, path, sizeof path);
      GvBuf_printf(&b, "%s%s %s", k ? "; " : "", path, Agenda_item(&f->s->agenda, idx)->title);
   }
   return b.data ? b.data : strdup("");
}

static void assert_outline(const Fx *f, const char *want) {
   char *got = outline(f);
   assert_string_equal(got, want);
   free(got);
}

static Fx *agenda(void) {
   Fx *f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_run(f, "item add A");
   Fx_run(f, "item add B");
   Fx_run(f, "item add C");
   Fx_run(f, "item add C1 under 3");
   Fx_run(f, "item add C2 under 3");
   Fx_run(f, "item add D");
   return f;
}

/* Items appended in reading order take the quick path (no renumbering), the
 * others renumber the tree: either way the order, numbers and depths are
 * those a full renumbering gives, and a full uuid finds its item. */
static void appending_keeps_the_numbering_a_renumber_gives(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_run(f, "item add D1 under 4");
   Fx_run(f, "item add D11 under 4.1");
   Fx_run(f, "item add D12 under 4.1");
   Fx_run(f, "item add D2 under 4");
   Fx_run(f, "item add B1 under 2");      /* not at the end: renumbers */
   Fx_run(f, "item add E");
   Fx_run(f, "item 4.2");
   Fx_run(f, "item drop 3.1");
   Fx_run(f, "item add E1 under 5");
   assert_outline(f, "1 A; 2 B; 2.1 B1; 3 C; 3.1 C2; 4 D; 4.1 D1; 4.1.1 D11; 4.1.2 D12; 4.2 D2; 5 E; 5.1 E1");
   /* After a heading (no number of its own), F is shown as 6. */
   Fx_run(f, "item add \"Part two\" kind heading");
   Fx_run(f, "item add F");
   Fx_run(f, "item add F1 under 7");
   Agenda *a = &f->s->agenda;
   size_t fi = Agenda_find(a, "7", 1);
   assert_int_not_equal(fi, GV_NONE);
   assert_int_equal(a->items[fi].shown, 6);
   size_t n = Agenda_count(a);
   size_t *order = malloc(n * sizeof *order);
   unsigned *num = malloc(a->count * sizeof *num), *depth = malloc(a->count * sizeof *depth);
   unsigned *shown = malloc(a->count * sizeof *shown);
   for (size_t k = 0; k < n; k++)
      order[k] = Agenda_index_at(a, k);
   for (size_t i = 0; i < a->count; i++) {
      num[i] = a->items[i].number;
      depth[i] = a->items[i].depth;
      shown[i] = a->items[i].shown;
   }
   assert_true(Agenda_renumber(a));
   assert_int_equal(Agenda_count(a), n);
   for (size_t k = 0; k < n; k++)
      assert_int_equal(Agenda_index_at(a, k), order[k]);
   for (size_t i = 0; i < a->count; i++) {
      if (a->items[i].dropped)
         continue;
      assert_int_equal(a->items[i].number, num[i]);
      assert_int_equal(a->items[i].depth, depth[i]);
      assert_int_equal(a->items[i].shown, shown[i]);
      /* The full uuid and an 8-character prefix find the same item. */
      assert_int_equal(Agenda_find(a, a->items[i].uuid, 36), i);
      assert_int_equal(Agenda_find(a, a->items[i].uuid, 8), i);
   }
   /* A dropped item is not found by its uuid, nor is an unknown uuid. */
   size_t c1 = 3;
   assert_true(a->items[c1].dropped);
   assert_int_equal(Agenda_find(a, a->items[c1].uuid, 36), GV_NONE);
   assert_int_equal(Agenda_find(a, "00000000-0000-4000-8000-000000000000", 36), GV_NONE);
   free(order);
   free(num);
   free(depth);
   free(shown);
   Fx_free(f);
}

static void items_number_themselves(void **state) {
   (void)state;
   Fx *f = agenda();
   assert_outline(f, "1 A; 2 B; 3 C; 3.1 C1; 3.2 C2; 4 D");
   Fx_run(f, "item add C21 under 3.2");
   assert_outline(f, "1 A; 2 B; 3 C; 3.1 C1; 3.2 C2; 3.2.1 C21; 4 D");
   char label[16];
   Agenda_label(&f->s->agenda, Fx_item(f, "3.2"), GV_NUMBERING_LETTERS, label, sizeof label);
   assert_string_equal(label, "b)");
   Agenda_label(&f->s->agenda, Fx_item(f, "3.2.1"), GV_NUMBERING_LETTERS, label, sizeof label);
   assert_string_equal(label, "i)");
   Agenda_label(&f->s->agenda, Fx_item(f, "3"), GV_NUMBERING_LETTERS, label, sizeof label);
   assert_string_equal(label, "3");
   Agenda_label(&f->s->agenda, Fx_item(f, "3.2"), GV_NUMBERING_NUMERIC, label, sizeof label);
   assert_string_equal(label, "3.2");
   /* the canonical form names the parent by uuid, so replay cannot misplace it */
   const Item *c = Agenda_item(&f->s->agenda, Fx_item(f, "3"));
   char want[128];
   snprintf(want, sizeof want, "item add \"C1\" under %s\n", c->uuid);
   assert_non_null(strstr(f->out.data, want));
   /* addressing by uuid or a unique prefix works too */
   assert_int_equal(Agenda_find(&f->s->agenda, c->uuid, 36), Fx_item(f, "3"));
   assert_int_equal(Agenda_find(&f->s->agenda, c->uuid, 8), Fx_item(f, "3"));
   assert_int_equal(Agenda_find(&f->s->agenda, "3.", 2), Fx_item(f, "3"));
   assert_int_equal(Agenda_find(&f->s->agenda, "9", 1), GV_NONE);
   assert_int_equal(Agenda_find(&f->s->agenda, "3.0", 3), GV_NONE);
   assert_int_equal(Agenda_find(&f->s->agenda, "", 0), GV_NONE);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void item_add_options(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_run(f, "item add Cyber toolbox doc 8946/17 doc \"JOIN(2017) 450 final\" kind info requested hu");
   const Item *it = Agenda_item(&f->s->agenda, Fx_item(f, "5"));
   assert_string_equal(it->title, "Cyber toolbox");
   assert_int_equal(it->ndocs, 2);
   assert_string_equal(it->docs[0].text, "8946/17");
   assert_string_equal(it->docs[1].text, "JOIN(2017) 450 final");
   assert_int_equal(it->kind, GV_ITEM_INFO);
   assert_int_equal(it->requested_by, Fx_del(f, "HU"));
   assert_false(it->added);   /* nothing taken up yet: the agenda as prepared */
   Fx_run(f, "item add Adoption doc CM 2622/1/17 REV 1 kind aob");
   it = Agenda_item(&f->s->agenda, Fx_item(f, "6"));
   assert_string_equal(it->docs[0].text, "CM 2622/1/17 REV 1");
   assert_int_equal(it->kind, GV_ITEM_AOB);
   Fx_run(f, "item add \"doc\"");   /* a title that is a keyword, quoted */
   assert_string_equal(Agenda_item(&f->s->agenda, Fx_item(f, "7"))->title, "doc");

   Fx_refuse(f, "item add", GV_USAGE, "item add needs a TITLE");
   Fx_refuse(f, "item add doc 8946/17", GV_USAGE, "needs a TITLE");
   Fx_refuse(f, "item add X under 9", GV_NO_ITEM, "item 9 does not exist (items: 1-7)");
   Fx_refuse(f, "item add X doc ST 10876", GV_BAD_DOCREF, "invalid document reference");
   Fx_refuse(f, "item add X kind big", GV_BAD_VALUE, "kind is item, info, aob or heading");
   Fx_refuse(f, "item add X requested XX", GV_NO_DELEGATION, "unknown delegation 'XX'");
   Fx_refuse(f, "item add X doc", GV_USAGE, "doc needs a document reference");
   Fx_refuse(f, "item add \"X", GV_BAD_QUOTE, "unterminated quote");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

/* A second under, kind or requested used to replace the first without a
 * word, and a blank title made an item nobody could read: both refused when
 * typed. An older journal holding a blank title still replays. */
static void item_options_once_titles_not_blank(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_refuse(f, "item add X kind info kind aob", GV_USAGE, "'kind' given twice");
   Fx_refuse(f, "item add X requested HU requested EE", GV_USAGE, "'requested' given twice");
   Fx_refuse(f, "item add X under 1 under 2", GV_USAGE, "'under' given twice");
   Fx_refuse(f, "item add \"\"", GV_USAGE, "not blank");
   Fx_refuse(f, "item add \"  \"", GV_USAGE, "not blank");
   Fx_refuse(f, "item title 1 \"   \"", GV_USAGE, "item title needs NUM TITLE");
   Fx_run(f, "item add X doc 8946/17 doc 8947/17 kind info");   /* doc may repeat */
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "5"))->ndocs, 2);
   const char old[] = "cmd 2017-05-12T10:00:00 0000000f-0000-4000-8000-000000000001 item add \"\"";
   assert_int_equal(Session_replay(f->s, old, strlen(old), f->msg, sizeof f->msg), GV_OK);
   assert_string_equal(Agenda_item(&f->s->agenda, Fx_item(f, "6"))->title, "");
   Fx_free(f);
}

static void taking_up_items(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_refuse(f, "item", GV_USAGE, NULL);
   Fx_refuse(f, "item 9", GV_NO_ITEM, "item 9 does not exist (items: 1-4)");
   Fx_refuse(f, "item 1 2", GV_USAGE, NULL);
   Fx_run(f, "item 1");
   assert_int_equal(Session_current_index(f->s), Fx_item(f, "1"));
   assert_int_equal(Session_current_item(f->s)->state, GV_STATE_CURRENT);
   assert_int_equal(Session_current_item(f->s)->taken_up, f->ctx.now);
   Fx_refuse(f, "item 1", GV_STATE, "item 1 is already the current item");
   Fx_tick(f, 600);
   Fx_run(f, "item 3.1");
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "1"))->state, GV_STATE_DONE);
   assert_int_equal(Session_current_item(f->s)->taken_up, f->ctx.now);
   assert_int_equal(Session_start_time(f->s), Fx_time("2017-05-12T10:00:00"));
   /* items added now were added during the meeting */
   Fx_run(f, "item add \"Information from HU\" under 4 kind info requested HU");
   assert_true(Agenda_item(&f->s->agenda, Fx_item(f, "4.1"))->added);
   Fx_run(f, "item postpone 2");
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "2"))->state, GV_STATE_POSTPONED);
   Fx_refuse(f, "item postpone 2", GV_STATE, "item 2 is already postponed");
   /* a postponed item stays postponed when the current one moves on */
   Fx_run(f, "item 2");
   Fx_run(f, "item postpone 2");
   assert_null(Session_current_item(f->s));
   Fx_run(f, "item 4");
   Fx_run(f, "item done");
   assert_null(Session_current_item(f->s));
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "4"))->state, GV_STATE_DONE);
   Fx_refuse(f, "item done", GV_NO_CURRENT, "no item is taken up");
   Fx_refuse(f, "item done 4", GV_STATE, "already done");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

/* An item added once an item has been taken up is added during the
 * meeting, even when none is current any more; an undone take-up (a
 * rebuild) leaves the meeting not begun. */
static void added_once_the_meeting_began(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_run(f, "item 1");
   Fx_run(f, "undo");
   Fx_run(f, "item add \"Prepared late\"");
   assert_false(Agenda_item(&f->s->agenda, Fx_item(f, "5"))->added);
   Fx_run(f, "item 1");
   Fx_run(f, "item done");
   assert_null(Session_current_item(f->s));
   Fx_run(f, "item add \"Raised at the table\"");
   assert_true(Agenda_item(&f->s->agenda, Fx_item(f, "6"))->added);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void reaching_a_sub_item_deals_with_its_parent(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_tick(f, 60);
   Fx_run(f, "item 3.2");
   const Item *c = Agenda_item(&f->s->agenda, Fx_item(f, "3"));
   assert_int_equal(c->state, GV_STATE_DONE);
   assert_int_equal(c->taken_up, f->ctx.now);
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "3.1"))->state, GV_STATE_PENDING);
   Fx_run(f, "item 3");   /* and it can still be taken up itself */
   assert_int_equal(c->state, GV_STATE_CURRENT);
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "3.2"))->state, GV_STATE_DONE);
   Fx_free(f);
}

static void moving_renumbers(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_run(f, "item move 4 before 2");
   assert_outline(f, "1 A; 2 D; 3 B; 4 C; 4.1 C1; 4.2 C2");
   Fx_run(f, "item move 2 after 4");
   assert_outline(f, "1 A; 2 B; 3 C; 3.1 C1; 3.2 C2; 4 D");
   Fx_run(f, "item move 3.2 before 3.1");
   assert_outline(f, "1 A; 2 B; 3 C; 3.1 C2; 3.2 C1; 4 D");
   Fx_run(f, "item move 3.1 after 4");   /* out of its parent */
   assert_outline(f, "1 A; 2 B; 3 C; 3.1 C1; 4 D; 5 C2");
   Fx_run(f, "item move 1 under 5");
   assert_outline(f, "1 B; 2 C; 2.1 C1; 3 D; 4 C2; 4.1 A");
   Fx_refuse(f, "item move 1 after 1", GV_STATE, "cannot move item 1 after itself");
   Fx_refuse(f, "item move 2 under 2.1", GV_STATE, "cannot move item 2 under 2.1: it would be inside itself");
   Fx_refuse(f, "item move 2 before 2", GV_STATE, "cannot move item 2 before itself");
   Fx_refuse(f, "item move 2 beside 3", GV_USAGE, "before|after|under");
   Fx_refuse(f, "item move 2 before 9", GV_NO_ITEM, "item 9 does not exist");
   Fx_refuse(f, "item move 9 before 2", GV_NO_ITEM, "item 9 does not exist");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void dropping_renumbers(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_run(f, "item drop 2");
   assert_outline(f, "1 A; 2 C; 2.1 C1; 2.2 C2; 3 D");
   Fx_run(f, "item drop 2");   /* with its sub-items */
   assert_outline(f, "1 A; 2 D");
   Fx_refuse(f, "item drop 3", GV_NO_ITEM, "item 3 does not exist (items: 1-2)");
   Fx_run(f, "item 2");
   Fx_refuse(f, "item drop 2", GV_STATE, "item 2 is being discussed");
   Fx_run(f, "give FR");
   Fx_run(f, "item 1");
   Fx_refuse(f, "item drop 2", GV_STATE, "item 2 already has 1 record");
   Fx_refuse(f, "item drop", GV_USAGE, NULL);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void editing_items(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_run(f, "item title 3.1 Foreign and security policy cyber issues - exchange of views");
   assert_string_equal(Agenda_item(&f->s->agenda, Fx_item(f, "3.1"))->title,
                       "Foreign and security policy cyber issues - exchange of views");
   Fx_refuse(f, "item title 3.1", GV_USAGE, "item title needs");
   Fx_run(f, "item doc 2 WK 4977/17 INIT");
   Fx_refuse(f, "item doc 2 wk 4977/17 init", GV_DUPLICATE, "item 2 already has doc WK 4977/17 INIT");
   Fx_refuse(f, "item doc 2 4977", GV_BAD_DOCREF, NULL);
   Fx_refuse(f, "item doc 2", GV_USAGE, NULL);
   Fx_run(f, "item kind 4 aob");
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "4"))->kind, GV_ITEM_AOB);
   Fx_refuse(f, "item kind 4 other", GV_USAGE, NULL);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void undo_redo_each_agenda_command(void **state) {
   (void)state;
   Fx *f = agenda();
   Fx_run_undo_redo(f, "item add E doc 8946/17 kind info requested EE");
   Fx_run_undo_redo(f, "item add E1 under 5");
   Fx_run_undo_redo(f, "item 1");
   Fx_run_undo_redo(f, "item 3.2");
   Fx_run_undo_redo(f, "item doc 4 7923/1/17 REV 1");
   Fx_run_undo_redo(f, "item title 4 Joint EU Diplomatic Response");
   Fx_run_undo_redo(f, "item kind 4 info");
   Fx_run_undo_redo(f, "item move 4 before 1");
   Fx_run_undo_redo(f, "item drop 2");
   Fx_run_undo_redo(f, "item postpone 3.1");
   Fx_run_undo_redo(f, "item done");
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(items_number_themselves),
      cmocka_unit_test(item_add_options),
      cmocka_unit_test(item_options_once_titles_not_blank),
      cmocka_unit_test(taking_up_items),
      cmocka_unit_test(added_once_the_meeting_began),
      cmocka_unit_test(reaching_a_sub_item_deals_with_its_parent),
      cmocka_unit_test(moving_renumbers),
      cmocka_unit_test(appending_keeps_the_numbering_a_renumber_gives),
      cmocka_unit_test(dropping_renumbers),
      cmocka_unit_test(editing_items),
      cmocka_unit_test(undo_redo_each_agenda_command),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
