/* Archive search: words and quoted phrases, case- and accent-insensitive,
 * with the byte offsets of each match in the original text. */
#include "tests/unit/testutil.h"

#include "model/match.h"

/* The text with each span put in [brackets], or "-" when q does not match. */
static char *marked(const char *query, const char *text) {
   MatchQuery q;
   char msg[128];
   assert_int_equal(MatchQuery_parse(&q, query, strlen(query), msg, sizeof msg), GV_OK);
   GvBuf scratch = GV_BUF_INIT, out = GV_BUF_INIT;
   MatchSpan spans[16];
   size_t n = 0;
   bool hit = Match_text(&q, text, strlen(text), &scratch, spans, 16, &n);
   /* The same answer from a folded text given (the archive cache's). */
   GvBuf folded = GV_BUF_INIT;
   assert_true(Match_fold(&folded, text, strlen(text)));
   MatchSpan fspans[16];
   size_t fn = 0;
   assert_int_equal(Match_textFolded(&q, text, strlen(text), GvBuf_str(&folded), folded.len, fspans,
                                     16, &fn),
                    hit);
   assert_int_equal(fn, n);
   for (size_t i = 0; i < n; i++) {
      assert_int_equal(fspans[i].start, spans[i].start);
      assert_int_equal(fspans[i].end, spans[i].end);
   }
   /* And told where the lead term first is (as a search of lines finds
    * it): nothing looked for before it, the same answer. */
   size_t lead = Match_lead(&q);
   const char *lf = strstr(GvBuf_str(&folded), q.terms[lead]);
   size_t first = lf ? (size_t)(lf - GvBuf_str(&folded)) : folded.len;
   assert_int_equal(Match_textFoldedFrom(&q, text, strlen(text), GvBuf_str(&folded), folded.len,
                                         first, fspans, 16, &fn),
                    hit);
   assert_int_equal(fn, n);
   for (size_t i = 0; i < n; i++) {
      assert_int_equal(fspans[i].start, spans[i].start);
      assert_int_equal(fspans[i].end, spans[i].end);
   }
   assert_int_equal(Match_textFoldedFrom(&q, text, strlen(text), GvBuf_str(&folded), folded.len,
                                         first, NULL, 0, NULL),
                    hit);
   /* Told it is nowhere: no match, whatever the text holds. */
   assert_false(Match_textFoldedFrom(&q, text, strlen(text), GvBuf_str(&folded), folded.len,
                                     folded.len, fspans, 16, &fn));
   GvBuf_free(&folded);
   if (!hit) {
      GvBuf_puts(&out, "-");
   } else {
      size_t at = 0;
      for (size_t i = 0; i < n; i++) {
         assert_true(spans[i].start >= at && spans[i].end > spans[i].start);
         GvBuf_append(&out, text + at, spans[i].start - at);
         GvBuf_putc(&out, '[');
         GvBuf_append(&out, text + spans[i].start, spans[i].end - spans[i].start);
         GvBuf_putc(&out, ']');
         at = spans[i].end;
      }
      GvBuf_puts(&out, text + at);
   }
   GvBuf_free(&scratch);
   MatchQuery_free(&q);
   char *s = strdup(GvBuf_str(&out));
   GvBuf_free(&out);
   return s;
}

static void expect(const char *query, const char *text, const char *want) {
   char *got = marked(query, text);
   assert_string_equal(got, want);
   free(got);
}

static void accents_and_case_fold(void **state) {
   (void)state;
   expect("ελλαδα", "Η Ελλάδα στηρίζει", "Η [Ελλάδα] στηρίζει");
   expect("securite", "la sécurité des réseaux", "la [sécurité] des réseaux");
   expect("SÉCURITÉ", "la securite", "la [securite]");
   expect("osterreich", "Österreich supports", "[Österreich] supports");
   expect("ёлка", "ЕЛКА and Ёлка", "[ЕЛКА] and [Ёлка]");
   expect("romania", "România", "[România]");
   expect("member's", "the member\xe2\x80\x99s view", "the [member\xe2\x80\x99s] view");
   expect("cyber", "Horizontal Working Party", "-");
}

static void every_word_must_occur(void **state) {
   (void)state;
   expect("france toolbox", "France supports the toolbox", "[France] supports the [toolbox]");
   expect("france toolbox", "France supports the strategy", "-");
   expect("ab", "abcab", "[ab]c[ab]");
   /* Overlapping matches of two words merge into one mark. */
   expect("cyber bersecurity", "cybersecurity", "[cybersecurity]");
}

static void quoted_phrases(void **state) {
   (void)state;
   expect("\"scrutiny reservation\"", "a scrutiny reservation stands", "a [scrutiny reservation] stands");
   expect("\"scrutiny reservation\"", "reservation of scrutiny", "-");
   expect("\"  scrutiny  \" de", "Scrutiny by DE", "[Scrutiny] by [DE]");
   /* An unclosed quote runs to the end. */
   expect("\"parliamentary scr", "a parliamentary scrutiny", "a [parliamentary scr]utiny");
}

static void nothing_to_search_is_refused(void **state) {
   (void)state;
   MatchQuery q;
   char msg[128];
   assert_int_equal(MatchQuery_parse(&q, "  \"\" ", 5, msg, sizeof msg), GV_USAGE);
   assert_string_equal(msg, "nothing to search for");
   assert_int_equal(q.count, 0);
   /* A stray byte would match inside a character ("\xb1" in the "α" of
    * "Ελλάδα", found by the fuzzer): refused. */
   assert_int_equal(MatchQuery_parse(&q, "\xb1", 1, msg, sizeof msg), GV_BAD_UTF8);
   assert_int_equal(q.count, 0);
}

static void raw_prefilter(void **state) {
   (void)state;
   MatchQuery q;
   char msg[128];
   GvBuf scratch = GV_BUF_INIT;
   const char *file = "cmd 2017-05-12T10:00:00 u note Η Ελλάδα ζητά\\nΣΕΚΟΥΡΙΤΙ\n";
   assert_int_equal(MatchQuery_parse(&q, "ελλαδα", 12, msg, sizeof msg), GV_OK);
   assert_true(Match_couldContain(&q, file, strlen(file), &scratch));
   MatchQuery_free(&q);
   assert_int_equal(MatchQuery_parse(&q, "france", 6, msg, sizeof msg), GV_OK);
   assert_false(Match_couldContain(&q, file, strlen(file), &scratch));
   MatchQuery_free(&q);
   /* A term with a backslash could be escaped in the file: cannot tell. */
   assert_int_equal(MatchQuery_parse(&q, "a\\b", 3, msg, sizeof msg), GV_OK);
   assert_true(Match_couldContain(&q, file, strlen(file), &scratch));
   MatchQuery_free(&q);
   GvBuf_free(&scratch);
}

/* Bytes that are not UTF-8 neither crash nor shift the offsets. */
/* The lines of folded text that hold every term, as a search of the cache
 * reads them; a term with a tab, newline or backslash is not for lines. */
static void lines_holding_every_term(void **state) {
   (void)state;
   const char *text = "V\t0\tFR\tLa SÉCURITÉ du Toolbox\n"
                      "V\t0\tDE\tnothing here\n"
                      "P\t1\tEL\tΗ Ελλάδα: toolbox, sécurité\n"
                      "R\t1\tIT\tsecurite only\n";
   GvBuf f = GV_BUF_INIT;
   assert_true(Match_fold(&f, text, strlen(text)));
   assert_non_null(strstr(GvBuf_str(&f), "la securite du toolbox\n"));
   MatchQuery q;
   char msg[128];
   size_t *lines = NULL, cap = 0;
   assert_int_equal(MatchQuery_parse(&q, "toolbox securite", 16, msg, sizeof msg), GV_OK);
   assert_true(q.line_ok);
   assert_int_equal(Match_lines(&q, f.data, f.len, &lines, &cap), 2);
   assert_int_equal(lines[0], 0);
   assert_int_equal(lines[1], 2);
   /* Where they are: the start of each line and its length. */
   MatchLine *at = NULL;
   size_t atcap = 0;
   assert_int_equal(Match_linesAt(&q, f.data, f.len, &at, &atcap), 2);
   assert_int_equal(at[0].start, 0);
   assert_int_equal(at[0].len, strcspn(f.data, "\n"));
   const char *third = strstr(f.data, "p\t1\tel");
   assert_non_null(third);
   assert_int_equal(at[1].start, (size_t)(third - f.data));
   assert_int_equal(at[1].len, strcspn(third, "\n"));
   /* And where the lead term (the longest) first is in each. */
   assert_string_equal(q.terms[Match_lead(&q)], "securite");
   assert_int_equal(at[0].at, (size_t)(strstr(f.data, "securite") - f.data));
   assert_int_equal(at[1].at, (size_t)(strstr(third, "securite") - third));
   free(at);
   MatchQuery_free(&q);
   assert_int_equal(MatchQuery_parse(&q, "ελλαδα", strlen("ελλαδα"), msg, sizeof msg), GV_OK);
   assert_int_equal(Match_lines(&q, f.data, f.len, &lines, &cap), 1);
   assert_int_equal(lines[0], 2);
   MatchQuery_free(&q);
   assert_int_equal(MatchQuery_parse(&q, "nowhere", 7, msg, sizeof msg), GV_OK);
   assert_int_equal(Match_lines(&q, f.data, f.len, &lines, &cap), 0);
   MatchQuery_free(&q);
   assert_int_equal(MatchQuery_parse(&q, "a\\b", 3, msg, sizeof msg), GV_OK);
   assert_false(q.line_ok);
   MatchQuery_free(&q);
   free(lines);
   GvBuf_free(&f);
}

/* Spans mapped back from the folded text over long mixed runs: ASCII,
 * letters that fold shorter (é, Ł, İ), two-byte letters that keep their
 * length (Greek, Cyrillic), three-byte characters (…), bytes that are no
 * character (a lone continuation byte, 0xFF), on both sides of the
 * sixteen-byte steps. Each span folds to the term, and there are as many as
 * the folded text holds. */
static void spans_mapped_over_mixed_text(void **state) {
   (void)state;
   static const char *const pieces[] = { "a", "Bc ", "\xc3\xa9", "\xc5\x81", "\xc4\xb0",
                                         "\xce\xb5\xce\xbb", "\xd0\x96", "\xe2\x80\xa6",
                                         "\x80", "\xff", "TOOLBOX", "toolbox", "t\xc3\xb2olbox",
                                         "      ", "\xce\x86" };
   const size_t np = sizeof pieces / sizeof *pieces;
   MatchQuery q;
   char msg[128];
   assert_int_equal(MatchQuery_parse(&q, "toolbox", 7, msg, sizeof msg), GV_OK);
   GvBuf text = GV_BUF_INIT, folded = GV_BUF_INIT, piece = GV_BUF_INIT;
   unsigned seed = 12345;
   for (int round = 0; round < 2000; round++) {
      GvBuf_clear(&text);
      size_t count = 1 + (size_t)(round % 60);
      for (size_t k = 0; k < count; k++) {
         seed = seed * 1103515245u + 12345u;
         GvBuf_puts(&text, pieces[(seed >> 16) % np]);
      }
      GvBuf_clear(&folded);
      assert_true(Match_fold(&folded, text.data, text.len));
      size_t want = 0;
      for (const char *p = GvBuf_str(&folded); (p = strstr(p, "toolbox")); p += 7)
         want++;
      MatchSpan sp[64];
      size_t n = 0;
      bool hit = Match_textFolded(&q, text.data, text.len, GvBuf_str(&folded), folded.len, sp, 64, &n);
      assert_int_equal(hit, want > 0);
      size_t seen = 0;
      for (size_t i = 0; i < n; i++) {
         /* A merged span holds whole occurrences, back to back. */
         GvBuf_clear(&piece);
         assert_true(Match_fold(&piece, text.data + sp[i].start, sp[i].end - sp[i].start));
         assert_true(piece.len % 7 == 0 && piece.len > 0);
         for (size_t at = 0; at < piece.len; at += 7)
            assert_memory_equal(piece.data + at, "toolbox", 7);
         seen += piece.len / 7;
         /* And what comes before it folds to where it was found. */
         GvBuf_clear(&piece);
         assert_true(Match_fold(&piece, text.data, sp[i].start));
         assert_memory_equal(GvBuf_str(&folded) + piece.len, "toolbox", 7);
      }
      assert_int_equal(seen, want);
   }
   GvBuf_free(&text);
   GvBuf_free(&folded);
   GvBuf_free(&piece);
   MatchQuery_free(&q);
}

/* The marks of a folded text (Match_foldMarks): one for each byte folded
 * away, and spans mapped back from them the same as from the field's start,
 * for a field that is the whole text or starts a piece or two in (its own
 * offsets in the folded and the source line). A mark one block off, or a
 * walk started a byte off, changes a span. */
static void spans_mapped_from_marks(void **state) {
   (void)state;
   static const char *const pieces[] = { "a", "Bc ", "\xc3\xa9", "\xc5\x81", "\xc4\xb0",
                                         "\xce\xb5\xce\xbb", "\xd0\x96", "\xe2\x80\xa6",
                                         "\x80", "\xff", "TOOLBOX", "toolbox", "t\xc3\xb2olbox",
                                         "      ", "\xce\x86", "\xc3\x89t\xc3\xa9" };
   const size_t np = sizeof pieces / sizeof *pieces;
   MatchQuery q;
   char msg[128];
   assert_int_equal(MatchQuery_parse(&q, "toolbox", 7, msg, sizeof msg), GV_OK);
   GvBuf text = GV_BUF_INIT, folded = GV_BUF_INIT, head = GV_BUF_INIT;
   unsigned seed = 4242;
   size_t marked = 0, jumped = 0;
   for (int round = 0; round < 2000; round++) {
      GvBuf_clear(&text);
      size_t count = 1 + (size_t)(round % 60), cut[3] = { 0, 0, 0 };
      for (size_t k = 0; k < count; k++) {
         seed = seed * 1103515245u + 12345u;
         GvBuf_puts(&text, pieces[(seed >> 16) % np]);
         if (k < 2)
            cut[k + 1] = text.len;
      }
      GvBuf_clear(&folded);
      assert_true(Match_fold(&folded, text.data, text.len));
      char marks[512];
      size_t nm = Match_foldMarks(text.data, text.len, marks, sizeof marks);
      if (nm == SIZE_MAX) {
         assert_true(folded.len > 26 * MATCH_MARK_BLOCK - 4);
         continue;
      }
      assert_int_equal(nm, text.len - folded.len);
      for (size_t k = 0; k < nm; k++)
         assert_true(marks[k] >= 'A' && marks[k] <= 'Z' && (k == 0 || marks[k] >= marks[k - 1]));
      marked += nm > 0;
      for (int c = 0; c < 3; c++) {
         GvBuf_clear(&head);
         assert_true(Match_fold(&head, text.data, cut[c]));
         const char *t = text.data + cut[c], *f = GvBuf_str(&folded) + head.len;
         size_t tn = text.len - cut[c], fn = folded.len - head.len;
         MatchMarks mk = { marks, nm, head.len, cut[c] };
         MatchSpan a[64], b[64];
         size_t na = 0, nb = 0;
         bool ha = Match_textFoldedMarked(&q, t, tn, f, fn, SIZE_MAX, NULL, a, 64, &na);
         bool hb = Match_textFoldedMarked(&q, t, tn, f, fn, SIZE_MAX, &mk, b, 64, &nb);
         assert_int_equal(ha, hb);
         assert_int_equal(na, nb);
         for (size_t i = 0; i < na; i++) {
            assert_int_equal(a[i].start, b[i].start);
            assert_int_equal(a[i].end, b[i].end);
            jumped += nm && a[i].start >= MATCH_MARK_BLOCK;
         }
      }
   }
   /* Most rounds had marks, and many spans lay past the first block. */
   assert_true(marked > 1000);
   assert_true(jumped > 1000);
   GvBuf_free(&text);
   GvBuf_free(&folded);
   GvBuf_free(&head);
   MatchQuery_free(&q);
}

static void bad_bytes(void **state) {
   (void)state;
   expect("ab", "\xff" "AB\xc3", "\xff[AB]\xc3");
   expect("é", "\xc3" "é", "\xc3[é]");
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(accents_and_case_fold),
      cmocka_unit_test(every_word_must_occur),
      cmocka_unit_test(quoted_phrases),
      cmocka_unit_test(nothing_to_search_is_refused),
      cmocka_unit_test(raw_prefilter),
      cmocka_unit_test(bad_bytes),
      cmocka_unit_test(spans_mapped_over_mixed_text),
      cmocka_unit_test(spans_mapped_from_marks),
      cmocka_unit_test(lines_holding_every_term),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
