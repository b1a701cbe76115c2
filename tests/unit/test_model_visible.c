/* Visible_append: the one function that makes control characters visible
 * before any recorded text reaches a terminal or a pipe. */
#include "tests/unit/testutil.h"

#include "model/visible.h"

static void expect(const char *in, int flags, const char *want) {
   char *got = Visible_dup(in, flags);
   assert_non_null(got);
   assert_string_equal(got, want);
   assert_int_equal(Visible_isClean(in, strlen(in), flags), strcmp(in, want) == 0);
   free(got);
}

static void c0_and_del_as_caret(void **state) {
   (void)state;
   expect("plain text", 0, "plain text");
   expect("\x1b]52;c;aGk=\x07", 0, "^[]52;c;aGk=^G");
   expect("\x1b[2Jcleared", 0, "^[[2Jcleared");
   expect("a\tb\nc\rd\x7f", 0, "a^Ib^Jc^Md^?");
   expect("a\tb\nc", VISIBLE_NEWLINE | VISIBLE_TAB, "a\tb\nc");
   expect("a\r\nb", VISIBLE_NEWLINE, "a^M\nb");
}

static void c1_and_bad_bytes_as_hex(void **state) {
   (void)state;
   expect("\xc2\x9b" "31m", 0, "\\x9b31m");  /* U+009B, the 8-bit CSI */
   expect("\x9b" "31m", 0, "\\x9b31m");      /* a lone 0x9B byte */
   expect("ab\xff" "cd\xc3", 0, "ab\\xffcd\\xc3");
}

static void bidi_controls_named(void **state) {
   (void)state;
   expect("abc\xe2\x80\xae" "fdp.exe", 0, "abc<U+202E>fdp.exe");
   expect("\xe2\x81\xa6x\xe2\x81\xa9", 0, "<U+2066>x<U+2069>");
   expect("line\xe2\x80\xa8sep", 0, "line<U+2028>sep");
}

static void letters_of_every_script_pass(void **state) {
   (void)state;
   expect("Ελλάδα Österreich България עברית 日本", 0, "Ελλάδα Österreich България עברית 日本");
   expect("", 0, "");
   char *e = Visible_dup(NULL, 0);
   assert_string_equal(e, "");
   free(e);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(c0_and_del_as_caret),
      cmocka_unit_test(c1_and_bad_bytes_as_hex),
      cmocka_unit_test(bidi_controls_named),
      cmocka_unit_test(letters_of_every_script_pass),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
