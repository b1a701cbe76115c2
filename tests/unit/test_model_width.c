/* One display width for the rendered documents and the live screen: the
 * renderer's Chars_cpwidth and the screen's Text_cpWidth give the same
 * columns as model/width.c, emoji 2 columns, and glibc's wcwidth agrees. */
#include "tests/unit/testutil.h"

#include <locale.h>
#include <wchar.h>

#include "model/width.h"
#include "render/chars.h"
#include "tui/text.h"

static const uint32_t Samples[] = {
   'A', 0xE9, 0x0301, 0x0391, 0x03AC, 0x0416, 0x05D0, 0x0627, 0x064B, 0x0E01, 0x0E31,
   0x1100, 0x1160, 0x200B, 0x2060, 0x20AC, 0x2026, 0x231A, 0x2614, 0x2705, 0x2728, 0x2B50,
   0x3042, 0x4E2D, 0xAC00, 0xFE0F, 0xFF21, 0x1F389, 0x1F600, 0x1F680, 0x1F6A8, 0x1F91D,
   0x1F9E1, 0x1FA70, 0x20000,
};

static void emoji_take_two_columns_everywhere(void **state) {
   (void)state;
   Text_setAscii(0);
   /* U+1F680 rocket, U+1F6A8 light, U+1F91D handshake, U+2705 check mark */
   static const uint32_t emoji[] = { 0x1F680, 0x1F6A8, 0x1F91D, 0x2705, 0x1F600, 0x1FA70 };
   for (size_t i = 0; i < sizeof emoji / sizeof *emoji; i++) {
      assert_int_equal(Width_cp(emoji[i]), 2);
      assert_int_equal(Chars_cpwidth(emoji[i]), 2);
      assert_int_equal(Text_cpWidth(emoji[i]), 2);
   }
   assert_int_equal(Chars_columns("\xf0\x9f\x9a\x80 go", 7), 5);
   assert_int_equal(Text_width("\xf0\x9f\x9a\x80 go", 7), 5);
}

static void renderer_and_screen_agree(void **state) {
   (void)state;
   Text_setAscii(0);
   for (size_t i = 0; i < sizeof Samples / sizeof *Samples; i++) {
      assert_int_equal(Chars_cpwidth(Samples[i]), Width_cp(Samples[i]));
      assert_int_equal(Text_cpWidth(Samples[i]), Width_cp(Samples[i]));
   }
}

/* The table follows the C library's, which ncurses uses to place text. */
static void the_c_library_agrees(void **state) {
   (void)state;
   if (!setlocale(LC_CTYPE, "C.UTF-8"))
      skip();
   for (size_t i = 0; i < sizeof Samples / sizeof *Samples; i++) {
      int w = wcwidth((wchar_t)Samples[i]);
      if (w >= 0)
         assert_int_equal(Width_cp(Samples[i]), w);
   }
   setlocale(LC_CTYPE, "C");
}

/* Controls shown in their visible form take its columns on the screen. */
static void controls_measure_as_shown(void **state) {
   (void)state;
   Text_setAscii(0);
   assert_int_equal(Text_cpWidth(0x1B), 2);      /* ^[ */
   assert_int_equal(Text_cpWidth(0x9B), 4);      /* \x9b */
   assert_int_equal(Text_cpWidth(0x202E), 8);    /* <U+202E> */
   assert_int_equal(Chars_cpwidth(0x202E), 0);   /* dropped or balanced in documents */
   Text_setAscii(1);
   assert_int_equal(Text_cpWidth(0x4E2D), 1);    /* shown as '?' */
   assert_int_equal(Text_cpWidth(0x0301), 0);    /* dropped with its letter */
   Text_setAscii(0);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(emoji_take_two_columns_everywhere),
      cmocka_unit_test(renderer_and_screen_agree),
      cmocka_unit_test(the_c_library_agrees),
      cmocka_unit_test(controls_measure_as_shown),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
