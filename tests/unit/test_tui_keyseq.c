/* The chunks read from the terminal (tui/keyseq.h): which are plain, and
 * how much of a chunk's end is a key sequence or a character cut short.
 * Every proper prefix of every sequence a terminal sends for a key is cut,
 * after any text; the whole sequence is not. */
#include <string.h>

#include "tests/unit/testutil.h"
#include "tui/keyseq.h"

static size_t cut(const char *s) {
   return KeySeq_cut((const unsigned char *)s, strlen(s));
}

static void plain_is_printable_ascii_only(void **state) {
   (void)state;
   const unsigned char *jk = (const unsigned char *)"jk ~";
   assert_true(KeySeq_plain(jk, 4));
   assert_false(KeySeq_plain(jk, 0));
   static const char *const not[] = { "\x1b", "a\r", "\t", "\x7f", "a\xc3\xa9", "\x1f", "ab\x1bOB" };
   for (size_t i = 0; i < sizeof not / sizeof *not; i++)
      assert_false(KeySeq_plain((const unsigned char *)not[i], strlen(not[i])));
}

static void every_prefix_of_a_key_is_cut(void **state) {
   (void)state;
   /* Arrows in both modes, Shift-Tab, End, Ctrl-Left, F5, the Linux
    * console's F1, an SGR and an X10 mouse report, the paste brackets,
    * two- three- and four-byte characters, Alt-x. */
   static const char *const keys[] = { "\x1bOB",      "\x1b[B",         "\x1b[Z",   "\x1b[4~",
                                       "\x1b[1;5D",   "\x1b[15~",       "\x1b[[A",  "\x1b[<0;12;7M",
                                       "\x1b[M !!",   "\x1b[200~",      "\x1b[201~", "\xc3\xa9",
                                       "\xe2\x82\xac", "\xf0\x9d\x84\x9e", "\x1bx" };
   static const char *const before[] = { "", "jk", "\x1bOA", "\xc3\xa9", "\x1b[200~text" };
   for (size_t b = 0; b < sizeof before / sizeof *before; b++) {
      for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
         char buf[64];
         size_t pre = strlen(before[b]), n = strlen(keys[k]);
         memcpy(buf, before[b], pre);
         memcpy(buf + pre, keys[k], n);
         for (size_t i = 1; i < n; i++) {
            buf[pre + i] = '\0';
            if (cut(buf) != i)
               fail_msg("'%s' then %zu bytes of key %zu: cut %zu", before[b], i, k, cut(buf));
            buf[pre + i] = keys[k][i];
         }
         buf[pre + n] = '\0';
         if (cut(buf) != 0)
            fail_msg("'%s' then the whole key %zu: cut %zu", before[b], k, cut(buf));
      }
   }
}

static void whole_chunks_are_not_cut(void **state) {
   (void)state;
   assert_int_equal(cut("j"), 0);
   assert_int_equal(cut("\x1b[B" "jk"), 0);
   assert_int_equal(cut("\x1bn"), 0);        /* Esc then n: two keys, whole */
   assert_int_equal(cut("\x1b" "\x1b"), 1);  /* the second Esc may begin a key */
   assert_int_equal(cut("\x1b[1;5"), 5);     /* parameters without their final */
   assert_int_equal(cut("\xc3\xa9\xc3"), 1);
   assert_int_equal(cut("\xa9"), 0);         /* a stray continuation byte: curses' */
   /* An Esc further back than any key: its sequence is over. */
   char longer[100];
   memset(longer, '1', sizeof longer);
   longer[0] = 0x1b;
   longer[1] = '[';
   longer[sizeof longer - 1] = '\0';
   assert_int_equal(cut(longer), 0);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(plain_is_printable_ascii_only),
      cmocka_unit_test(every_prefix_of_a_key_is_cut),
      cmocka_unit_test(whole_chunks_are_not_cut),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
