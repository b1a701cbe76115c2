/* The INI wrapper: every trap of iniparser 4.1 is caught, each problem is
 * "file:line: message" with the right line, and what parses is verbatim. */
#include <iniparser/iniparser.h>

#include "storage/ini.h"
#include "tests/unit/ini_testutil.h"

static Ini *parse(const char *text) {
   Ini *ini = Ini_parse(text, strlen(text), "t.ini");
   assert_non_null(ini);
   return ini;
}

static char *errors(const Ini *ini) {
   return Ini_errorText(ini);
}

static void assert_error(const Ini *ini, int line, const char *needle) {
   char *t = errors(ini);
   IniTest_hasError(t, "t.ini", line, needle);
   free(t);
}

static void sections_keys_and_order(void **state) {
   (void)state;
   Ini *ini = parse("; a comment\n"
                    "# another\n"
                    "\n"
                    "[first]\n"
                    "a = 1\n"
                    "  b   =   two words  \n"
                    "[COM/HOME]\n"
                    "name=DG Home\n");
   assert_int_equal(Ini_errorCount(ini), 0);
   assert_int_equal(Ini_sectionCount(ini), 2);
   assert_string_equal(Ini_sectionName(ini, 0), "first");
   assert_int_equal(Ini_sectionLine(ini, 0), 4);
   assert_string_equal(Ini_sectionName(ini, 1), "COM/HOME");
   assert_string_equal(Ini_get(ini, "first", "b"), "two words");
   assert_string_equal(Ini_get(ini, "com/home", "NAME"), "DG Home");
   assert_int_equal(Ini_line(ini, "first", "b"), 6);
   assert_int_equal(Ini_line(ini, "COM/HOME", NULL), 7);
   assert_int_equal(Ini_keyCount(ini, 0), 2);
   IniKey k = Ini_key(ini, 0, 1);
   assert_string_equal(k.key, "b");
   assert_int_equal(k.line, 6);
   assert_null(Ini_get(ini, "first", "c"));
   assert_null(Ini_get(ini, "nosuch", "a"));
   assert_int_equal(Ini_findSection(ini, "FIRST"), 0);
   Ini_free(ini);
}

/* iniparser cuts "a; b" to "a": the wrapper keeps the whole value. */
static void semicolon_and_hash_in_values_are_kept(void **state) {
   (void)state;
   Ini *ini = parse("[item]\n"
                    "title = AOB; information from HU # and EE\n"
                    "key = #\n"
                    "semi = ;\n");
   assert_int_equal(Ini_errorCount(ini), 0);
   assert_string_equal(Ini_get(ini, "item", "title"), "AOB; information from HU # and EE");
   assert_string_equal(Ini_get(ini, "item", "key"), "#");
   assert_string_equal(Ini_get(ini, "item", "semi"), ";");
   Ini_free(ini);
}

static int silent(const char *fmt, ...) {
   (void)fmt;
   return 0;
}

/* The trap itself, so that the reason for the wrapper stays visible: iniparser
 * alone loses the text after ';' and the case of keys. */
static void iniparser_alone_truncates(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX];
   TestUtil_join(p, sizeof p, dir, "raw.ini");
   TestUtil_write(p, "[Item]\nTitle = AOB; HU point\n");
   dictionary *d = iniparser_load(p);
   assert_non_null(d);
   assert_string_equal(iniparser_getstring(d, "item:title", "?"), "AOB");
   iniparser_freedict(d);
   Ini *ini = Ini_load(p);
   assert_int_equal(Ini_errorCount(ini), 0);
   assert_string_equal(Ini_get(ini, "item", "title"), "AOB; HU point");
   assert_string_equal(Ini_sectionName(ini, 0), "Item");
   assert_string_equal(Ini_key(ini, 0, 0).key, "Title");
   Ini_free(ini);
   /* and a line over 1022 bytes makes iniparser drop the whole file */
   char big[1200 + 32];
   memset(big, 'x', sizeof big);
   memcpy(big, "[a]\nk = ", 8);
   strcpy(big + 1200, "\n");
   TestUtil_write(p, big);
   iniparser_set_error_callback(silent);
   assert_null(iniparser_load(p));
   iniparser_set_error_callback(NULL);
   ini = Ini_load(p);
   assert_int_equal(Ini_errorCount(ini), 0);
   assert_int_equal(strlen(Ini_get(ini, "a", "k")), 1200 - 8);
   Ini_free(ini);
   TestUtil_rmtree(dir);
   free(dir);
}

static void quoted_values(void **state) {
   (void)state;
   Ini *ini = parse("[q]\n"
                    "spaces = \"  kept  \"\n"
                    "escapes = \"say \\\"yes\\\" \\\\ no\"\n"
                    "inner = the \"X\" delegation\n"
                    "empty = \"\"\n"
                    "bare =\n"
                    "trail = C:\\\n");
   assert_int_equal(Ini_errorCount(ini), 0);
   assert_string_equal(Ini_get(ini, "q", "spaces"), "  kept  ");
   assert_string_equal(Ini_get(ini, "q", "escapes"), "say \"yes\" \\ no");
   assert_string_equal(Ini_get(ini, "q", "inner"), "the \"X\" delegation");
   assert_string_equal(Ini_get(ini, "q", "empty"), "");
   assert_string_equal(Ini_get(ini, "q", "bare"), "");
   /* a trailing backslash is text, not a continuation that eats line 8 */
   assert_string_equal(Ini_get(ini, "q", "trail"), "C:\\");
   Ini_free(ini);
}

static void bad_quotes(void **state) {
   (void)state;
   Ini *ini = parse("[q]\n"
                    "a = \"open\n"
                    "b = \"one\" and \"two\"\n");
   assert_int_equal(Ini_errorCount(ini), 2);
   assert_error(ini, 2, "unclosed '\"'");
   assert_error(ini, 3, "text after the closing");
   assert_null(Ini_get(ini, "q", "a"));
   Ini_free(ini);
}

static void duplicate_keys_are_reported(void **state) {
   (void)state;
   Ini *ini = parse("[FR]\n"
                    "name = France\n"
                    "kind = ms\n"
                    "name = Frankreich\n");
   assert_int_equal(Ini_errorCount(ini), 1);
   assert_error(ini, 4, "duplicate key 'name' in [FR] (first at line 2)");
   /* the first one stays: no silent last-wins */
   assert_string_equal(Ini_get(ini, "FR", "name"), "France");
   Ini_free(ini);
}

/* iniparser lower-cases keys, so Name and name are one key to it. */
static void mixed_case_duplicate_keys(void **state) {
   (void)state;
   Ini *ini = parse("[FR]\n"
                    "Name = France\n"
                    "\n"
                    "NAME = Frankreich\n");
   assert_int_equal(Ini_errorCount(ini), 1);
   assert_error(ini, 4, "key 'NAME' in [FR] repeats 'Name' of line 2 (keys ignore case)");
   assert_string_equal(Ini_get(ini, "fr", "name"), "France");
   Ini_free(ini);
}

static void duplicate_sections_are_reported(void **state) {
   (void)state;
   Ini *ini = parse("[FR]\n"
                    "name = France\n"
                    "[DE]\n"
                    "name = Germany\n"
                    "[FR]\n"
                    "kind = ms\n"
                    "[de]\n"
                    "x = 1\n");
   assert_int_equal(Ini_errorCount(ini), 2);
   assert_error(ini, 5, "duplicate section [FR] (first at line 1)");
   assert_error(ini, 7, "section [de] repeats [DE] of line 3");
   /* keys under a rejected section go nowhere, and bring no second message */
   assert_null(Ini_get(ini, "FR", "kind"));
   assert_null(Ini_get(ini, "DE", "x"));
   assert_int_equal(Ini_sectionCount(ini), 2);
   Ini_free(ini);
}

/* iniparser rejects a whole file for one line over 1022 bytes; the wrapper
 * has no limit on a line. */
static void long_lines_load(void **state) {
   (void)state;
   size_t n = 5000;
   char *text = malloc(n + 64);
   strcpy(text, "[item]\ntitle = ");
   size_t at = strlen(text);
   for (size_t i = 0; i < n; i++)
      text[at + i] = "abcdefghij"[i % 10];
   strcpy(text + at + n, "\nkind = aob\n");
   Ini *ini = parse(text);
   assert_int_equal(Ini_errorCount(ini), 0);
   assert_int_equal(strlen(Ini_get(ini, "item", "title")), n);
   assert_string_equal(Ini_get(ini, "item", "kind"), "aob");
   assert_int_equal(Ini_line(ini, "item", "kind"), 3);
   Ini_free(ini);
   free(text);
}

static void long_names_are_reported(void **state) {
   (void)state;
   char text[400];
   snprintf(text, sizeof text, "[s]\nok = 1\n%0100d = 2\n[%0100d]\n", 0, 0);
   Ini *ini = parse(text);
   assert_int_equal(Ini_errorCount(ini), 2);
   assert_error(ini, 3, "key longer than 64");
   assert_error(ini, 4, "section name longer than 64");
   Ini_free(ini);
}

static void malformed_lines(void **state) {
   (void)state;
   Ini *ini = parse("orphan = 1\n"
                    "[ok]\n"
                    "just words\n"
                    "[unclosed\n"
                    "[ok2] trailing\n"
                    "[]\n"
                    "[a:b]\n"
                    " = value\n"
                    "bad key = 1\n"
                    "c:d = 2\n"
                    "[fine]\n"
                    "x = 1\n");
   assert_error(ini, 1, "key 'orphan' outside any section");
   assert_error(ini, 3, "expected 'key = value', '[section]' or a comment");
   assert_error(ini, 4, "unclosed '['");
   assert_error(ini, 5, "text after ']'");
   assert_error(ini, 6, "empty section name");
   assert_error(ini, 7, "section name 'a:b' may hold only");
   assert_error(ini, 9, "key 'bad key' may hold only");
   assert_error(ini, 10, "key 'c:d' may hold only");
   assert_error(ini, 8, "missing key before '='");
   assert_int_equal(Ini_errorCount(ini), 9);
   /* everything that parsed is there */
   assert_string_equal(Ini_get(ini, "fine", "x"), "1");
   Ini_free(ini);
}

static void section_comment_and_blanks(void **state) {
   (void)state;
   Ini *ini = parse("  [ spaced ]   ; why not\n\tk\t=\tv\t\n");
   assert_int_equal(Ini_errorCount(ini), 0);
   assert_string_equal(Ini_sectionName(ini, 0), "spaced");
   assert_string_equal(Ini_get(ini, "spaced", "k"), "v");
   Ini_free(ini);
}

static void utf8_crlf_bom_nul(void **state) {
   (void)state;
   const char text[] = "\xef\xbb\xbf[EL]\r\n"
                       "native = \xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1\r\n"
                       "bad = \xff\xfe\r\n"
                       "overlong = \xc0\xaf\n"
                       "nul = a\0b\n"
                       "last = no newline";
   Ini *ini = Ini_parse(text, sizeof text - 1, "t.ini");
   assert_string_equal(Ini_sectionName(ini, 0), "EL");
   assert_string_equal(Ini_get(ini, "EL", "native"), "Ελλάδα");
   assert_error(ini, 3, "not valid UTF-8");
   assert_error(ini, 4, "not valid UTF-8");
   assert_error(ini, 5, "NUL byte");
   assert_int_equal(Ini_errorCount(ini), 3);
   assert_string_equal(Ini_get(ini, "EL", "last"), "no newline");
   Ini_free(ini);
}

static void missing_file(void **state) {
   (void)state;
   Ini *ini = Ini_load("/nonexistent/gavel/x.ini");
   assert_non_null(ini);
   assert_int_equal(Ini_errorCount(ini), 1);
   assert_string_equal(Ini_error(ini, 0),
                       "/nonexistent/gavel/x.ini: cannot read: No such file or directory");
   assert_int_equal(Ini_sectionCount(ini), 0);
   Ini_free(ini);
}

static void check_keys_and_report(void **state) {
   (void)state;
   Ini *ini = parse("[FR]\nname = France\nnmae = typo\n");
   static const char *const allowed[] = {"kind", "name", NULL};
   Ini_checkKeys(ini, 0, allowed);
   assert_error(ini, 3, "unknown key 'nmae' in [FR] (known: kind, name)");
   Ini_report(ini, 0, "no delegations");
   assert_string_equal(Ini_error(ini, 1), "t.ini: no delegations");
   char *t = errors(ini);
   assert_string_equal(t, "t.ini:3: unknown key 'nmae' in [FR] (known: kind, name)\n"
                          "t.ini: no delegations\n");
   free(t);
   Ini_free(ini);
}

static void too_many_errors_stop(void **state) {
   (void)state;
   size_t n = 200 * 8 + 1;
   char *text = malloc(n);
   text[0] = '\0';
   for (int i = 0; i < 200; i++)
      strcat(text, "garbage\n");
   Ini *ini = parse(text);
   assert_int_equal(Ini_errorCount(ini), 51);
   assert_non_null(strstr(Ini_error(ini, 50), "too many problems"));
   Ini_free(ini);
   free(text);
}

static void empty_buffer(void **state) {
   (void)state;
   Ini *ini = Ini_parse("", 0, "empty.ini");
   assert_int_equal(Ini_errorCount(ini), 0);
   assert_int_equal(Ini_sectionCount(ini), 0);
   Ini_free(ini);
}

/* Random files made of the characters that matter: the parser never crashes,
 * every message names a real line, and what it keeps is what a file that
 * says only that would give. */
static void random_files(void **state) {
   (void)state;
   static const char *const atoms[] = {"[", "]", "=", ";", "#", "\"", "\\", " ", "\t",
                                       "\n", "\r\n", "a", "B", "k", "/", ":", "\xce\x95",
                                       "\xff", "[s]\n", "k = v\n", "K = w\n"};
   uint32_t seed = 12345;
   for (int round = 0; round < 3000; round++) {
      char text[512];
      size_t len = 0;
      int atomsWanted = (int)(seed % 60);
      for (int i = 0; i < atomsWanted; i++) {
         seed = seed * 1103515245u + 12345u;
         const char *a = atoms[(seed >> 16) % (sizeof atoms / sizeof *atoms)];
         size_t n = strlen(a);
         if (len + n >= sizeof text)
            break;
         memcpy(text + len, a, n);
         len += n;
      }
      seed = seed * 1103515245u + 12345u;
      int lines = 1;
      for (size_t i = 0; i < len; i++)
         lines += text[i] == '\n';
      Ini *ini = Ini_parse(text, len, "r.ini");
      for (int e = 0; e < Ini_errorCount(ini); e++) {
         const char *msg = Ini_error(ini, e);
         int line = 0;
         assert_int_equal(sscanf(msg, "r.ini:%d: ", &line), 1);
         assert_true(line >= 1 && line <= lines);
      }
      /* every key kept reads back through iniparser's dictionary */
      for (int sct = 0; sct < Ini_sectionCount(ini); sct++)
         for (int k = 0; k < Ini_keyCount(ini, sct); k++) {
            IniKey key = Ini_key(ini, sct, k);
            assert_true(key.line >= 1 && key.line <= lines);
            assert_string_equal(Ini_get(ini, Ini_sectionName(ini, sct), key.key), key.value);
         }
      Ini_free(ini);
   }
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(sections_keys_and_order),
      cmocka_unit_test(semicolon_and_hash_in_values_are_kept),
      cmocka_unit_test(iniparser_alone_truncates),
      cmocka_unit_test(quoted_values),
      cmocka_unit_test(bad_quotes),
      cmocka_unit_test(duplicate_keys_are_reported),
      cmocka_unit_test(mixed_case_duplicate_keys),
      cmocka_unit_test(duplicate_sections_are_reported),
      cmocka_unit_test(long_lines_load),
      cmocka_unit_test(long_names_are_reported),
      cmocka_unit_test(malformed_lines),
      cmocka_unit_test(section_comment_and_blanks),
      cmocka_unit_test(utf8_crlf_bom_nul),
      cmocka_unit_test(missing_file),
      cmocka_unit_test(check_keys_and_report),
      cmocka_unit_test(too_many_errors_stop),
      cmocka_unit_test(empty_buffer),
      cmocka_unit_test(random_files),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
