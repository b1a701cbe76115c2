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
   /* the Arabic letter mark is two bytes long, among letters that pass */
   expect("\xd8\xa7\xd8\x9c\xd8\xa8 long printable ASCII text", 0,
          "\xd8\xa7<U+061C>\xd8\xa8 long printable ASCII text");
   expect("sixteen bytes ok\xc2\x85 and \xc2\xa0", 0, "sixteen bytes ok\\x85 and \xc2\xa0");
}

static void letters_of_every_script_pass(void **state) {
   (void)state;
   expect("Ελλάδα Österreich България עברית 日本", 0, "Ελλάδα Österreich България עברית 日本");
   expect("", 0, "");
   char *e = Visible_dup(NULL, 0);
   assert_string_equal(e, "");
   free(e);
}

/* LANG=C or Latin-1: one ASCII character per character, never broken bytes. */
static void ascii_terminal_transliterates(void **state) {
   (void)state;
   expect("Espa\xc3\xb1" "a \xc3\x96sterreich \xc5\xa0koda \xc4\x8c" "esko", VISIBLE_ASCII,
          "Espana Osterreich Skoda Cesko");
   expect("\xce\x95\xce\xbb\xce\xbb \xe2\x80\x9c" "q\xe2\x80\x9d", VISIBLE_ASCII, "??? \"q\"");
   expect("\x1b[2J\xe2\x80\xae\xc2\x9b\n", VISIBLE_ASCII | VISIBLE_NEWLINE,
          "^[[2J<U+202E>\\x9b\n");
   char *got = Visible_dup("\xc3\xa9t\xc3\xa9 \xe6\x97\xa5", VISIBLE_ASCII);
   for (const char *p = got; *p; p++)
      assert_true((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7f);
   assert_string_equal(got, "ete ?");
   free(got);
}

/* The live screen measures a control by the form it shows. */
static void forms_of_single_code_points(void **state) {
   (void)state;
   char f[12];
   assert_int_equal(Visible_form(0x1b, f), 2);
   assert_string_equal(f, "^[");
   assert_int_equal(Visible_form(0x9b, f), 4);
   assert_string_equal(f, "\\x9b");
   assert_int_equal(Visible_form(0x202E, f), 8);
   assert_int_equal(Visible_form(0xE9, f), 0);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(c0_and_del_as_caret),
      cmocka_unit_test(c1_and_bad_bytes_as_hex),
      cmocka_unit_test(bidi_controls_named),
      cmocka_unit_test(letters_of_every_script_pass),
      cmocka_unit_test(ascii_terminal_transliterates),
      cmocka_unit_test(forms_of_single_code_points),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
