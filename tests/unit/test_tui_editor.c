/* The notes editor's buffer: UTF-8 and wide characters, word wrap, cursor
 * moves by character, word and row, deletion, paste. No terminal needed. */
#include <locale.h>

#include "tests/unit/testutil.h"
#include "tui/editor.h"
#include "tui/text.h"

static void type(Editor *ed, const char *s) {
   Editor_insert(ed, s, strlen(s));
}

static void insert_and_delete_utf8(void **state) {
   (void)state;
   Editor ed;
   Editor_init(&ed);
   type(&ed, "Ελλάδα café");
   assert_string_equal(Editor_text(&ed), "Ελλάδα café");
   Editor_backspace(&ed);
   assert_string_equal(Editor_text(&ed), "Ελλάδα caf");
   Editor_textStart(&ed);
   Editor_delete(&ed);
   assert_string_equal(Editor_text(&ed), "λλάδα caf");
   Editor_right(&ed);
   Editor_right(&ed);
   type(&ed, "X");
   assert_string_equal(Editor_text(&ed), "λλXάδα caf");
   Editor_free(&ed);
}

static void paste_cleans_control_characters(void **state) {
   (void)state;
   Editor ed;
   Editor_init(&ed);
   type(&ed, "a\tb\r\nc\rd\x01\x1b[e\xff");
   assert_string_equal(Editor_text(&ed), "a b\nc\nd[e\xef\xbf\xbd");
   Editor_free(&ed);
}

static void word_wrap_breaks_after_spaces(void **state) {
   (void)state;
   Editor ed;
   Editor_init(&ed);
   type(&ed, "the FR delegation presented a non-paper");
   size_t n;
   const EditorLine *L = Editor_layout(&ed, 12, &n);
   assert_int_equal(n, 4);
   assert_int_equal(L[0].start, 0);
   assert_int_equal(L[0].next, 7); /* "the FR " */
   assert_int_equal(L[1].next, 18); /* "delegation " */
   /* A word longer than the row breaks inside. */
   Editor_set(&ed, "abcdefghijkl");
   L = Editor_layout(&ed, 5, &n);
   assert_int_equal(n, 3);
   assert_int_equal(L[1].start, 5);
   assert_int_equal(L[2].start, 10);
   Editor_free(&ed);
}

static void wide_characters_take_two_columns(void **state) {
   (void)state;
   Editor ed;
   Editor_init(&ed);
   type(&ed, "日本語テキスト");
   size_t row;
   int col;
   Editor_cursorRowCol(&ed, 80, &row, &col);
   assert_int_equal(row, 0);
   assert_int_equal(col, 14);
   size_t n;
   Editor_layout(&ed, 5, &n);
   assert_int_equal(n, 4); /* 2 per row, then the cursor cell */
   Editor_cursorRowCol(&ed, 5, &row, &col);
   assert_int_equal(row, 3);
   assert_int_equal(col, 2);
   Editor_free(&ed);
}

static void cursor_moves_by_word_and_row(void **state) {
   (void)state;
   Editor ed;
   Editor_init(&ed);
   type(&ed, "one two\nthree four");
   Editor_wordLeft(&ed);
   assert_int_equal(ed.cursor, 14);
   Editor_wordLeft(&ed);
   assert_int_equal(ed.cursor, 8);
   Editor_wordLeft(&ed);
   assert_int_equal(ed.cursor, 4);
   Editor_wordRight(&ed);
   assert_int_equal(ed.cursor, 7);
   Editor_up(&ed, 80); /* already on the first row */
   assert_int_equal(ed.cursor, 0);
   Editor_end(&ed, 80);
   assert_int_equal(ed.cursor, 7);
   Editor_down(&ed, 80);
   assert_int_equal(ed.cursor, 15); /* column 7 of "three four" */
   Editor_home(&ed, 80);
   assert_int_equal(ed.cursor, 8);
   Editor_end(&ed, 80);
   assert_int_equal(ed.cursor, ed.len);
   Editor_free(&ed);
}

static void up_down_keep_the_goal_column(void **state) {
   (void)state;
   Editor ed;
   Editor_init(&ed);
   type(&ed, "abcdefgh\nab\nabcdefgh");
   Editor_up(&ed, 80);
   assert_int_equal(ed.cursor, 11); /* end of "ab" */
   Editor_up(&ed, 80);
   assert_int_equal(ed.cursor, 8); /* back to column 8 */
   Editor_free(&ed);
}

static void delete_word_and_kill_line(void **state) {
   (void)state;
   Editor ed;
   Editor_init(&ed);
   type(&ed, "supports the text  ");
   Editor_deleteWordBack(&ed);
   assert_string_equal(Editor_text(&ed), "supports the ");
   Editor_textStart(&ed);
   Editor_wordRight(&ed);
   Editor_killToEnd(&ed);
   assert_string_equal(Editor_text(&ed), "supports");
   Editor_free(&ed);
}

static void long_paste_and_scroll(void **state) {
   (void)state;
   Editor ed;
   Editor_init(&ed);
   char *big = malloc(6001);
   for (int i = 0; i < 6000; i++)
      big[i] = (i % 7 == 6) ? ' ' : 'a' + i % 26;
   big[6000] = '\0';
   type(&ed, big);
   assert_int_equal(ed.len, 6000);
   Editor_scrollTo(&ed, 40, 5);
   size_t row;
   int col;
   Editor_cursorRowCol(&ed, 40, &row, &col);
   assert_true(row >= ed.top && row < ed.top + 5);
   Editor_textStart(&ed);
   Editor_scrollTo(&ed, 40, 5);
   assert_int_equal(ed.top, 0);
   free(big);
   Editor_free(&ed);
}

static void case_insensitive_matching(void **state) {
   (void)state;
   assert_true(Text_startsWithCI("Ελλάδα", "ελλ"));
   assert_true(Text_startsWithCI("Österreich", "öster"));
   assert_false(Text_startsWithCI("France", "fra "));
   assert_int_equal(Text_findCI("Czech Republic", "rep"), 6);
   assert_int_equal(Text_width("Ελλάδα", strlen("Ελλάδα")), 6);
}

int main(void) {
   setlocale(LC_ALL, "C.UTF-8");
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(insert_and_delete_utf8),
      cmocka_unit_test(paste_cleans_control_characters),
      cmocka_unit_test(word_wrap_breaks_after_spaces),
      cmocka_unit_test(wide_characters_take_two_columns),
      cmocka_unit_test(cursor_moves_by_word_and_row),
      cmocka_unit_test(up_down_keep_the_goal_column),
      cmocka_unit_test(delete_word_and_kill_line),
      cmocka_unit_test(long_paste_and_scroll),
      cmocka_unit_test(case_insensitive_matching),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
