/* Tab completion on the `:` line and the command line's history. */
#include <curses.h>
#include <locale.h>

#include "tests/unit/testutil.h"
#include "tui/cmdline.h"
#include "tui/complete.h"
#include "tui/keys.h"

static const char *const Codes[] = { "FR", "DE", "EL", "EE", "ES", "COM", "COM/HOME", "PRES" };
static const char *const Items[] = { "1", "2", "3", "3.1", "3.2", "4" };
static const CompleteSource Src = { Codes, 8, Items, 6 };

static char *complete(const char *line) {
   static char buf[256];
   snprintf(buf, sizeof buf, "%s", line);
   Completion c;
   Complete_line(buf, strlen(buf), &Src, &c);
   Complete_apply(buf, sizeof buf, &c);
   return buf;
}

static void command_names(void **state) {
   (void)state;
   assert_string_equal(complete("wi"), "withdraw ");
   assert_string_equal(complete("fl"), "floor ");
   Completion c;
   assert_int_equal(Complete_line("d", 1, &Src, &c), 3); /* deadline, delete, done */
   assert_string_equal(complete("par"), "paragraph ");
   assert_string_equal(complete("speaker 4539ddb f"), "speaker 4539ddb FR ");
   assert_string_equal(complete("move 4539ddb af"), "move 4539ddb after ");
   assert_string_equal(complete("item add X kind he"), "item add X kind heading ");
   assert_int_equal(Complete_line("set doc", 7, &Src, &c), 2);   /* docno, doc-date */
   assert_string_equal(complete("xyz"), "xyz");
}

static void delegation_codes_any_case(void **state) {
   (void)state;
   assert_string_equal(complete("floor fr"), "floor FR ");
   assert_string_equal(complete("floor FR d"), "floor FR DE ");
   assert_string_equal(complete("give co"), "give COM");    /* COM, COM/HOME: common prefix */
   assert_string_equal(complete("give com/"), "give COM/HOME ");
   assert_string_equal(complete("pos FR sup"), "pos FR supports ");
   assert_string_equal(complete("reserve DE scr"), "reserve DE scrutiny ");
   assert_string_equal(complete("deadline 31/05 comments by pr"), "deadline 31/05 comments by PRES ");
   Completion c;
   assert_int_equal(Complete_line("floor e", 7, &Src, &c), 3); /* EL EE ES */
   assert_string_equal(c.common, "E");
}

static void item_numbers_and_words(void **state) {
   (void)state;
   assert_string_equal(complete("item 3."), "item 3.");
   Completion c;
   assert_int_equal(Complete_line("item 3.", 7, &Src, &c), 2);
   assert_string_equal(complete("item 3.2"), "item 3.2 ");
   assert_string_equal(complete("item po"), "item postpone ");
   assert_string_equal(complete("item move 4 bef"), "item move 4 before ");
   assert_string_equal(complete("outcome ag"), "outcome agreed ");
   assert_string_equal(complete("attend UK abs"), "attend UK absent ");
}

static void completes_in_the_middle(void **state) {
   (void)state;
   char buf[64] = "floor d EL";
   Completion c;
   assert_int_equal(Complete_line(buf, 7, &Src, &c), 1);
   size_t cur = Complete_apply(buf, sizeof buf, &c);
   assert_string_equal(buf, "floor DE EL");
   assert_int_equal(cur, 9);
}

static void history_and_editing(void **state) {
   (void)state;
   History h = { 0 };
   Cmdline c;
   Cmdline_init(&c, &h);
   History_add(&h, "floor FR");
   History_add(&h, "next");
   History_add(&h, "next"); /* repeated: kept once */
   assert_int_equal(h.n, 2);
   Cmdline_open(&c, "");
   const char *typed = "tou";
   for (const char *p = typed; *p; p++)
      assert_int_equal(Cmdline_key(&c, *p, &Src), CMDLINE_EDITING);
   Cmdline_key(&c, KEY_FN(KEY_UP), &Src);
   assert_string_equal(Cmdline_text(&c), "next");
   Cmdline_key(&c, KEY_FN(KEY_UP), &Src);
   assert_string_equal(Cmdline_text(&c), "floor FR");
   Cmdline_key(&c, KEY_FN(KEY_UP), &Src); /* the oldest: stays */
   assert_string_equal(Cmdline_text(&c), "floor FR");
   Cmdline_key(&c, KEY_FN(KEY_DOWN), &Src);
   Cmdline_key(&c, KEY_FN(KEY_DOWN), &Src);
   assert_string_equal(Cmdline_text(&c), "tou"); /* what was being typed */
   assert_int_equal(Cmdline_key(&c, TK_TAB, &Src), CMDLINE_EDITING);
   assert_string_equal(Cmdline_text(&c), "tour ");
   assert_int_equal(Cmdline_key(&c, KEY_FN(KEY_ENTER), &Src), CMDLINE_RUN);
   Cmdline_open(&c, "");
   assert_int_equal(Cmdline_key(&c, KEY_FN(KEY_BACKSPACE), &Src), CMDLINE_CANCEL);
   Cmdline_open(&c, "note Ελλάδα");
   Cmdline_key(&c, KEY_CTRL('w'), &Src);
   assert_string_equal(Cmdline_text(&c), "note ");
   assert_int_equal(Cmdline_key(&c, TK_ESC, &Src), CMDLINE_CANCEL);
   Cmdline_free(&c);
   History_free(&h);
}

int main(void) {
   setlocale(LC_ALL, "C.UTF-8");
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(command_names),
      cmocka_unit_test(delegation_codes_any_case),
      cmocka_unit_test(item_numbers_and_words),
      cmocka_unit_test(completes_in_the_middle),
      cmocka_unit_test(history_and_editing),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
