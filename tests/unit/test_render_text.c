/* The text pieces of the renderers: UTF-8, cleaning, wrapping, escaping for
 * each format, dates, number words and lists. */
#include "tests/unit/testutil.h"

#include "render/buf.h"
#include "render/escape.h"
#include "render/chars.h"
#include "render/phrase.h"
#include "render/wrap.h"

typedef void (*EscapeFn)(Buf *, const char *);

static char *esc(EscapeFn f, const char *s) {
   Buf b = BUF_INIT;
   f(&b, s);
   return Buf_take(&b);
}

#define assert_escaped(f, in, want)            \
   do {                                        \
      char *got_ = esc(f, in);                 \
      assert_string_equal(got_, want);         \
      free(got_);                              \
   } while (0)

static void utf8_decode_valid_and_invalid(void **state) {
   (void)state;
   uint32_t cp;
   assert_int_equal(Chars_decode("A", 1, &cp), 1);
   assert_int_equal(cp, 'A');
   assert_int_equal(Chars_decode("é", 2, &cp), 2);
   assert_int_equal(cp, 0xE9);
   assert_int_equal(Chars_decode("€", 3, &cp), 3);
   assert_int_equal(cp, 0x20AC);
   assert_int_equal(Chars_decode("😀", 4, &cp), 4);
   assert_int_equal(cp, 0x1F600);
   /* truncated, overlong, surrogate, lone continuation */
   assert_int_equal(Chars_decode("\xE2\x82", 2, &cp), 1);
   assert_int_equal(cp, 0xFFFD);
   assert_int_equal(Chars_decode("\xC0\xAF", 2, &cp), 1);
   assert_int_equal(cp, 0xFFFD);
   assert_int_equal(Chars_decode("\xED\xA0\x80", 3, &cp), 1);
   assert_int_equal(cp, 0xFFFD);
   assert_int_equal(Chars_decode("\x80", 1, &cp), 1);
   assert_int_equal(cp, 0xFFFD);
}

static void utf8_columns_count_code_points_not_bytes(void **state) {
   (void)state;
   assert_int_equal(Chars_columns("Ελλάδα", strlen("Ελλάδα")), 6);
   assert_int_equal(Chars_columns("e\xCC\x81", 3), 1);    /* e + combining acute */
   assert_int_equal(Chars_columns("日本", strlen("日本")), 4);
   assert_int_equal(Chars_columns("שלום", strlen("שלום")), 4);
}

static void clean_strips_controls_and_fixes_bytes(void **state) {
   (void)state;
   char *s = Chars_cleandup("a\x01" "b\x7f" "c\xC2\x85" "d\te\r\nf\xff", CHARS_NEWLINES);
   assert_string_equal(s, "abcd e\nf\xEF\xBF\xBD");
   free(s);
   s = Chars_cleandup("one\ntwo\rthree", 0);
   assert_string_equal(s, "one two three");
   free(s);
   s = Chars_cleandup(NULL, 0);
   assert_string_equal(s, "");
   free(s);
}

static void clean_keeps_rtl_and_closes_overrides(void **state) {
   (void)state;
   char *s = Chars_cleandup("مرحبا שלום", 0);
   assert_string_equal(s, "مرحبا שלום");
   free(s);
   /* RLO left open would reverse everything after the note: closed with PDF */
   s = Chars_cleandup("x\xE2\x80\xAE" "abc", 0);
   assert_string_equal(s, "x\xE2\x80\xAE" "abc\xE2\x80\xAC");
   free(s);
   /* an isolate opened and closed stays as it is; a stray PDF goes */
   s = Chars_cleandup("\xE2\x81\xA7" "a\xE2\x81\xA9\xE2\x80\xAC", 0);
   assert_string_equal(s, "\xE2\x81\xA7" "a\xE2\x81\xA9");
   free(s);
}

static void wrap_at_80_columns(void **state) {
   (void)state;
   Buf b = BUF_INIT;
   Wrap_text(&b, "The Presidency set 31 May 2017 as the deadline for written comments on the "
                 "questions set out in doc. WK 4977/17.", 40, "", "");
   assert_string_equal(Buf_str(&b), "The Presidency set 31 May 2017 as the\n"
                                    "deadline for written comments on the\n"
                                    "questions set out in doc. WK 4977/17.\n");
   Buf_clear(&b);
   Wrap_text(&b, "a  b\nc", 80, "1. ", "   ");
   assert_string_equal(Buf_str(&b), "1. a b\n   c\n");
   Buf_free(&b);
}

static void wrap_never_splits_a_multibyte_character(void **state) {
   (void)state;
   /* 30 Greek letters (2 bytes each) in one word, at 10 columns */
   char word[61];
   for (int i = 0; i < 30; i++)
      memcpy(word + 2 * i, "λ", 2);
   word[60] = '\0';
   Buf b = BUF_INIT;
   Wrap_text(&b, word, 10, "", "");
   const char *p = Buf_str(&b);
   int lines = 0;
   while (*p) {
      size_t l = strcspn(p, "\n");
      assert_int_equal(Chars_columns(p, l), 10);
      assert_int_equal(l, 20);
      p += l + 1;
      lines++;
   }
   assert_int_equal(lines, 3);
   Buf_free(&b);
   /* wide characters: never more than the width */
   Wrap_text(&b, "日本語日本語日本語 日本", 7, "", "");
   for (p = Buf_str(&b); *p;) {
      size_t l = strcspn(p, "\n");
      assert_true(Chars_columns(p, l) <= 7);
      p += l + 1;
   }
   Buf_free(&b);
}

static void wrap_long_line_every_line_fits(void **state) {
   (void)state;
   Buf in = BUF_INIT, b = BUF_INIT;
   for (int i = 0; i < 5000; i++)
      Buf_add(&in, i % 7 == 6 ? " " : "é");
   Wrap_text(&b, Buf_str(&in), 80, "", "");
   size_t total = 0;
   for (const char *p = Buf_str(&b); *p;) {
      size_t l = strcspn(p, "\n");
      assert_true(Chars_columns(p, l) <= 80);
      total += Chars_columns(p, l);
      p += l + 1;
   }
   assert_true(total >= 4286 - 10);
   Buf_free(&in);
   Buf_free(&b);
}

static void html_escape(void **state) {
   (void)state;
   assert_escaped(Escape_html, "<script>alert(\"x\" & 'y')</script>",
                  "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
   assert_escaped(Escape_html, "Ελλάδα", "Ελλάδα");
}

static void markdown_escape(void **state) {
   (void)state;
   assert_escaped(Escape_md, "<script> *a* _b_ [c](d) `e` & | $ @x",
                  "\\<script\\> \\*a\\* \\_b\\_ \\[c\\](d) \\`e\\` \\& \\| \\$ \\@x");
   assert_escaped(Escape_md, "- not a list", "\\- not a list");
   assert_escaped(Escape_md, "1. not a list", "1\\. not a list");
   assert_escaped(Escape_md, "# not a heading", "\\# not a heading");
   assert_escaped(Escape_md, "    not code", "not code");
   assert_escaped(Escape_md, "non-paper, 10-13 April", "non-paper, 10-13 April");
   assert_escaped(Escape_md, "a\nb", "a b");
}

static void csv_escape_quotes_and_neutralises_formulas(void **state) {
   (void)state;
   assert_escaped(Escape_csv, "plain", "plain");
   assert_escaped(Escape_csv, "a,b", "\"a,b\"");
   assert_escaped(Escape_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
   assert_escaped(Escape_csv, "two\nlines", "\"two\nlines\"");
   assert_escaped(Escape_csv, "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"");
   assert_escaped(Escape_csv, "+1", "\"'+1\"");
   assert_escaped(Escape_csv, "-1", "\"'-1\"");
   assert_escaped(Escape_csv, "@SUM(A1)", "\"'@SUM(A1)\"");
   assert_escaped(Escape_csv, "", "");
   /* A spreadsheet skips leading blanks and line ends before a formula. */
   assert_escaped(Escape_csv, "\n=cmd|' /C calc'!A0", "\"'\n=cmd|' /C calc'!A0\"");
   assert_escaped(Escape_csv, "\r=1+1", "\"'\r=1+1\"");
   assert_escaped(Escape_csv, "\t+1", "\"'\t+1\"");
   assert_escaped(Escape_csv, " -1", "\"' -1\"");
   assert_escaped(Escape_csv, " \n\t @SUM(A1)", "\"' \n\t @SUM(A1)\"");
   assert_escaped(Escape_csv, "\tplain", "\"'\tplain\"");
   assert_escaped(Escape_csv, " plain", "\" plain\"");
}

static void ical_escape_and_fold(void **state) {
   (void)state;
   assert_escaped(Escape_ical, "a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne");
   char *dir = TestUtil_tmpdir();
   char path[PATH_MAX];
   TestUtil_join(path, sizeof path, dir, "f.ics");
   FILE *f = fopen(path, "wb");
   assert_non_null(f);
   Buf line = BUF_INIT;
   Buf_add(&line, "SUMMARY:");
   for (int i = 0; i < 100; i++)
      Buf_add(&line, "€");  /* 3 octets each: a fold must fall between them */
   Escape_icalline(f, Buf_str(&line));
   Escape_icalline(f, "SHORT:x");
   fclose(f);
   char *text = TestUtil_slurp(path, NULL);
   Buf unfolded = BUF_INIT;
   for (const char *p = text; *p;) {
      const char *e = strstr(p, "\r\n");
      assert_non_null(e);
      assert_true(e - p <= 75);
      /* each physical line is valid UTF-8 on its own */
      for (const char *q = p; q < e;) {
         uint32_t cp;
         size_t l = Chars_decode(q, (size_t)(e - q), &cp);
         assert_int_not_equal(cp, 0xFFFD);
         q += l;
      }
      Buf_addn(&unfolded, p, (size_t)(e - p));
      p = e + 2;
      if (*p == ' ')
         p++;
      else
         Buf_add(&unfolded, "|");
   }
   Buf_add(&line, "|SHORT:x|");
   assert_string_equal(Buf_str(&unfolded), Buf_str(&line));
   Buf_free(&line);
   Buf_free(&unfolded);
   free(text);
   TestUtil_rmtree(dir);
   free(dir);
}

static void dates_numbers_and_lists(void **state) {
   (void)state;
   Buf b = BUF_INIT;
   Phrase_date(&b, "2017-05-31");
   assert_string_equal(Buf_str(&b), "31 May 2017");
   Buf_clear(&b);
   Phrase_date(&b, "2017-05-12T10:00:00");
   assert_string_equal(Buf_str(&b), "12 May 2017");
   Buf_clear(&b);
   Phrase_date(&b, "2017-01-05");
   assert_string_equal(Buf_str(&b), "5 January 2017");
   Buf_clear(&b);
   Phrase_date(&b, "soon");
   assert_string_equal(Buf_str(&b), "soon");
   Buf_clear(&b);
   Phrase_count(&b, 2, 1);
   Buf_add(&b, " ");
   Phrase_count(&b, 1, 0);
   Buf_add(&b, " ");
   Phrase_count(&b, 27, 1);
   assert_string_equal(Buf_str(&b), "Two one 27");
   Buf_clear(&b);
   const char *two[] = { "HU", "EE" };
   const char *three[] = { "DE", "ES", "HU" };
   Phrase_join(&b, two, 2, " and ");
   assert_string_equal(Buf_str(&b), "HU and EE");
   Buf_clear(&b);
   Phrase_join(&b, three, 3, ", ");
   assert_string_equal(Buf_str(&b), "DE, ES, HU");
   Buf_clear(&b);
   Phrase_join(&b, three, 3, " and ");
   assert_string_equal(Buf_str(&b), "DE, ES and HU");
   Buf_clear(&b);
   Phrase_join(&b, three, 1, " and ");
   assert_string_equal(Buf_str(&b), "DE");
   Buf_free(&b);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(utf8_decode_valid_and_invalid),
      cmocka_unit_test(utf8_columns_count_code_points_not_bytes),
      cmocka_unit_test(clean_strips_controls_and_fixes_bytes),
      cmocka_unit_test(clean_keeps_rtl_and_closes_overrides),
      cmocka_unit_test(wrap_at_80_columns),
      cmocka_unit_test(wrap_never_splits_a_multibyte_character),
      cmocka_unit_test(wrap_long_line_every_line_fits),
      cmocka_unit_test(html_escape),
      cmocka_unit_test(markdown_escape),
      cmocka_unit_test(csv_escape_quotes_and_neutralises_formulas),
      cmocka_unit_test(ical_escape_and_fold),
      cmocka_unit_test(dates_numbers_and_lists),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
