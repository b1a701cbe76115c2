/* The parsers of the command language: words, TEXT, dates and times,
 * document references, UTF-8 folding. */
#include "tests/unit/testutil.h"

#include <ctype.h>

#include "model/command.h"
#include "model/session.h"
#include "model/date.h"
#include "model/docref.h"
#include "model/utf8.h"
#include "model/util.h"
#include "model/words.h"

static Words split(const char *line) {
   Words w;
   char msg[128];
   assert_int_equal(Words_split(&w, line, strlen(line), msg, sizeof msg), GV_OK);
   return w;
}

static void words_split_like_a_shell(void **state) {
   (void)state;
   Words w = split("  item add \"Adoption of the agenda\"  doc  CM\t2622/1/17 ");
   assert_int_equal(w.count, 6);
   assert_string_equal(w.word[0], "item");
   assert_string_equal(w.word[2], "Adoption of the agenda");
   assert_true(w.quoted[2]);
   assert_false(w.quoted[3]);
   assert_string_equal(w.word[4], "CM");
   assert_string_equal(w.word[5], "2622/1/17");
   assert_true(Words_is(&w, 3, "doc"));
   assert_false(Words_is(&w, 2, "doc"));
   assert_int_equal(w.open_quote, SIZE_MAX);
   Words_free(&w);

   w = split("name=\"DG Home\" a\\\"b \"x\\ny\" \"\"");
   assert_int_equal(w.count, 4);
   assert_string_equal(w.word[0], "name=DG Home");
   assert_string_equal(w.word[1], "a\"b");
   assert_string_equal(w.word[2], "x\ny");
   assert_string_equal(w.word[3], "");
   Words_free(&w);

   w = split("note he said \"hi");
   assert_int_equal(w.open_quote, 3);
   Words_free(&w);

   w = split("   ");
   assert_int_equal(w.count, 0);
   Words_free(&w);
}

/* The reading of words one byte at a time, as the rules say: the reference
 * for the splitter, which reads plain runs whole. Writes
 * each word followed by '\0' into out, with its start, quotedness and
 * length into the arrays; returns the count. */
static size_t words_by_bytes(const char *l, size_t len, size_t max, char *out, size_t *start,
                             bool *quoted, size_t *wlen, size_t *open) {
   size_t n = 0, i = 0;
   *open = SIZE_MAX;
   for (;;) {
      while (i < len && (l[i] == ' ' || l[i] == '\t' || l[i] == '\r' || l[i] == '\n'))
         i++;
      if (i >= len || n == max)
         return n;
      bool inq = false;
      start[n] = i;
      quoted[n] = false;
      size_t o = 0;
      while (i < len && (inq || !(l[i] == ' ' || l[i] == '\t' || l[i] == '\r' || l[i] == '\n'))) {
         char c = l[i];
         unsigned h = i + 3 < len ? (unsigned)strtoul((char[]){ l[i + 2], l[i + 3], 0 }, NULL, 16) : 0;
         bool hex2 = i + 3 < len && l[i + 1] == 'x' && isxdigit((unsigned char)l[i + 2]) &&
                     isxdigit((unsigned char)l[i + 3]) && ((h > 0 && h < 0x20) || h == 0x7f);
         if (c == '"') {
            inq = !inq;
            quoted[n] = true;
            i++;
         } else if (c == '\\' && i + 1 < len && (l[i + 1] == 'n' || l[i + 1] == '\\' || l[i + 1] == '"')) {
            out[o++] = l[i + 1] == 'n' ? '\n' : l[i + 1];
            i += 2;
         } else if (c == '\\' && hex2) {
            out[o++] = (char)h;
            i += 4;
         } else {
            out[o++] = c;
            i++;
         }
      }
      if (inq && *open == SIZE_MAX)
         *open = n;
      out[o++] = '\0';
      wlen[n] = o - 1;
      out += o;
      n++;
   }
}

/* The splitter reads plain runs whole: the same words as one byte at a
 * time, for every mix of quotes, escapes, blanks and long runs, with and
 * without a limit on the words. */
static void words_agree_with_a_byte_reading(void **state) {
   (void)state;
   static const char *const piece[] = {
      "a", "bcdefghijk", " ", "  ", "\t", "\"", "\\\"", "\\\\", "\\n", "\\x01", "\\x41", "!",
      "\xc3\xa9", "\\", "lorem ipsum dolor sit amet", "\r", "#", "0123456789abcdefgh", "x\"y z\"w",
      /* runs of sixteen bytes and more, read a step at a time: every byte
       * that ends a step (blanks, quotes, backslashes, a raw control byte,
       * which ends the step but not the run, bytes just above and below) */
      "abcdefghijklmnopqrstuvwxyz0123456789", "Zusammenarbeit-\xc3\xa9-Cybersicherheit!",
      "\x01", "\x1f", "\x7f", "!#$%&'()*+,-./[]^_`{|}~", "\n", "\t",
      /* a quoted run, blanks and all, up to its quote or a backslash */
      "\"Sub-item 1.1 \xe2\x80\x93 examen du texte r\xc3\xa9vis\xc3\xa9\"", "\" a b c d e f g h i j k \\",
   };
   char line[800], ref[1600];
   size_t start[800], wlen[800];
   bool quoted[800];
   unsigned x = 7;
   for (int t = 0; t < 20000; t++) {
      size_t n = 0;
      for (int j = 0, k = (int)((x = x * 1103515245u + 12345u) >> 16) % 18; j < k; j++) {
         x = x * 1103515245u + 12345u;
         const char *p = piece[(x >> 16) % (sizeof piece / sizeof *piece)];
         memcpy(line + n, p, strlen(p));
         n += strlen(p);
      }
      size_t max = t % 3 ? SIZE_MAX : (size_t)(t % 5 + 1), open;
      size_t count = words_by_bytes(line, n, max, ref, start, quoted, wlen, &open);
      Words w;
      assert_int_equal(Words_split_max(&w, line, n, max, NULL, 0), GV_OK);
      if (w.count != count || w.open_quote != open)
         fail_msg("line %d '%.*s': %zu words (open %zu), expected %zu (open %zu)", t, (int)n, line,
                  w.count, w.open_quote, count, open);
      const char *r = ref;
      for (size_t k = 0; k < count; k++) {
         if (memcmp(w.word[k], r, wlen[k] + 1) != 0 || w.start[k] != start[k] ||
             w.quoted[k] != quoted[k])
            fail_msg("line %d '%.*s', word %zu: '%s' at %zu, expected '%s' at %zu", t, (int)n,
                     line, k, w.word[k], w.start[k], r, start[k]);
         r += wlen[k] + 1;
      }
      Words_free(&w);
      /* The same in a caller's buffer (a line of one word alone is read
       * without the general loop). */
      char inbuf[4096];
      assert_int_equal(Words_split_in(&w, line, n, max, inbuf, sizeof inbuf, NULL, 0), GV_OK);
      if (w.count != count || w.open_quote != open)
         fail_msg("line %d '%.*s' in a buffer: %zu words (open %zu), expected %zu (open %zu)", t,
                  (int)n, line, w.count, w.open_quote, count, open);
      r = ref;
      for (size_t k = 0; k < count; k++) {
         if (memcmp(w.word[k], r, wlen[k] + 1) != 0 || w.start[k] != start[k] ||
             w.quoted[k] != quoted[k])
            fail_msg("line %d '%.*s' in a buffer, word %zu: '%s' at %zu, expected '%s' at %zu", t,
                     (int)n, line, k, w.word[k], w.start[k], r, start[k]);
         r += wlen[k] + 1;
      }
      Words_free(&w);
      /* A TEXT from word `text` on is only found: the words before it as
       * the byte reading has them, its start, and the same rest. */
      size_t text = (size_t)t % 4;
      count = words_by_bytes(line, n, text + 1, ref, start, quoted, wlen, &open);
      char buf[4096];
      assert_int_equal(Words_split_text(&w, line, n, text, buf, sizeof buf, NULL, 0), GV_OK);
      if (w.count != count)
         fail_msg("line %d '%.*s', TEXT at %zu: %zu words, expected %zu", t, (int)n, line, text,
                  w.count, count);
      r = ref;
      for (size_t k = 0; k < count; k++) {
         bool same = k < text ? memcmp(w.word[k], r, wlen[k] + 1) == 0 && w.quoted[k] == quoted[k]
                              : w.word[k][0] == '\0' && !w.quoted[k];
         if (!same || w.start[k] != start[k])
            fail_msg("line %d '%.*s', TEXT at %zu, word %zu: '%s' at %zu, expected '%s' at %zu", t,
                     (int)n, line, text, k, w.word[k], w.start[k], r, start[k]);
         r += wlen[k] + 1;
      }
      if (open < text && w.open_quote != open)
         fail_msg("line %d: open quote %zu, expected %zu", t, w.open_quote, open);
      Words full;
      assert_int_equal(Words_split(&full, line, n, NULL, 0), GV_OK);
      size_t n1, n2;
      char *r1 = Words_rest(&w, text, &n1), *r2 = Words_rest(&full, text, &n2);
      if (n1 != n2 || memcmp(r1, r2, n1) != 0)
         fail_msg("line %d '%.*s': TEXT from %zu '%s', expected '%s'", t, (int)n, line, text, r1, r2);
      free(r1);
      free(r2);
      Words_free(&full);
      Words_free(&w);
   }
}

static char *rest(const char *line, size_t from) {
   Words w = split(line);
   size_t n;
   char *r = Words_rest(&w, from, &n);
   assert_non_null(r);
   assert_int_equal(strlen(r), n);
   Words_free(&w);
   return r;
}

static void text_takes_the_rest_of_the_line(void **state) {
   (void)state;
   char *r = rest("note  presented their \"non-paper\", as usual  ", 1);
   assert_string_equal(r, "presented their \"non-paper\", as usual");
   free(r);
   r = rest("note a\\nb \\\\n c\\t", 1);
   assert_string_equal(r, "a\nb \\n c\\t");
   free(r);
   r = rest("set body \"Horizontal Working Party\"", 2);
   assert_string_equal(r, "Horizontal Working Party");
   free(r);
   r = rest("note \"Yes,\" said FR", 1);
   assert_string_equal(r, "\"Yes,\" said FR");
   free(r);
   r = rest("note a\\x07b \\x41 \\x00", 1);   /* only control characters decode, never NUL */
   assert_string_equal(r, "a\ab \\x41 \\x00");
   free(r);
   r = rest("note", 1);
   assert_string_equal(r, "");
   free(r);
}

static const char *p_last(const char *s) {
   return *s ? s + strlen(s) - 1 : s;
}

/* Whatever the text, writing it and reading it back gives it exactly. */
static void text_writer_round_trips(void **state) {
   (void)state;
   const char *texts[] = {
      "plain words", "\"quoted\" start", "ends with blank ", " starts with blank", "a\\b\\\\c",
      "line\nbreaks\n", "\"", "\\", "\\n literal", "Ελλάδα «x» \"y\"", "tab\tinside", "x",
      "bell\a esc\x1b cr\r del\x7f", "\x01start", "end\r", "\\x1b typed literally", "\\x41",
   };
   for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
      GvBuf b = GV_BUF_INIT;
      GvBuf_puts(&b, "note ");
      Words_put_text(&b, texts[i], strlen(texts[i]));
      /* no raw control byte but tab ever reaches a journal line */
      for (const char *p = b.data; *p; p++)
         assert_true((unsigned char)*p >= 0x20 || *p == '\t');
      assert_int_not_equal(*p_last(b.data), 0x7f);
      char *r = rest(b.data, 1);
      assert_string_equal(r, texts[i]);
      free(r);
      GvBuf_free(&b);
      /* and as a word */
      GvBuf_puts(&b, "w ");
      Words_put_word(&b, texts[i], strlen(texts[i]));
      for (const char *p = b.data; *p; p++)
         assert_true(((unsigned char)*p >= 0x20 && *p != 0x7f) || *p == '\t');
      Words w = split(b.data);
      assert_int_equal(w.count, 2);
      assert_string_equal(w.word[1], texts[i]);
      Words_free(&w);
      GvBuf_free(&b);
   }
   GvBuf b = GV_BUF_INIT;
   Words_put_word(&b, "", 0);
   assert_string_equal(b.data, "\"\"");
   GvBuf_free(&b);
}

static void calendar_arithmetic(void **state) {
   (void)state;
   assert_int_equal(Date_days_from_civil(1970, 1, 1), 0);
   assert_int_equal(Date_days_from_civil(2017, 5, 12), 17298);
   assert_int_equal(Date_days_from_civil(2000, 3, 1), 11017);
   assert_int_equal(Date_days_from_civil(1969, 12, 31), -1);
   for (int64_t d = -800000; d < 800000; d += 997) {
      int64_t y;
      unsigned m, dd;
      Date_civil_from_days(d, &y, &m, &dd);
      assert_int_equal(Date_days_from_civil(y, m, dd), d);
   }
   assert_true(Date_valid(2020, 2, 29));
   assert_false(Date_valid(2017, 2, 29));
   assert_false(Date_valid(1900, 2, 29));
   assert_true(Date_valid(2000, 2, 29));
   assert_false(Date_valid(2017, 4, 31));
   assert_false(Date_valid(2017, 13, 1));
   assert_int_equal(Date_weekday(Date_days_from_civil(2017, 5, 12)), 4);   /* a Friday */
   char iso[11], lng[24];
   Date_format_iso(Date_days_from_civil(2017, 5, 31), iso);
   assert_string_equal(iso, "2017-05-31");
   Date_format_long(Date_days_from_civil(2017, 5, 31), lng);
   assert_string_equal(lng, "31 May 2017");
}

static int64_t parse_ok(const char *s, int64_t ref) {
   int64_t day = 0;
   char msg[128] = "";
   GvStatus st = Date_parse(s, strlen(s), ref, &day, msg, sizeof msg);
   if (st != GV_OK)
      fail_msg("'%s': %s", s, msg);
   return day;
}

static void parse_fail(const char *s, int64_t ref, const char *part) {
   int64_t day = 0;
   char msg[128] = "";
   assert_int_equal(Date_parse(s, strlen(s), ref, &day, msg, sizeof msg), GV_BAD_DATE);
   if (!strstr(msg, part))
      fail_msg("'%s': message '%s' lacks '%s'", s, msg, part);
}

static void date_forms(void **state) {
   (void)state;
   int64_t ref = Date_days_from_civil(2017, 5, 12);
   int64_t may31 = Date_days_from_civil(2017, 5, 31);
   assert_int_equal(parse_ok("2017-05-31", GV_NO_DAY), may31);
   assert_int_equal(parse_ok("31 May", ref), may31);
   assert_int_equal(parse_ok("31 may", ref), may31);
   assert_int_equal(parse_ok("31 MAY 2017", GV_NO_DAY), may31);
   assert_int_equal(parse_ok("31/05", ref), may31);
   assert_int_equal(parse_ok("31/5", ref), may31);
   assert_int_equal(parse_ok("31/05/2017", GV_NO_DAY), may31);
   assert_int_equal(parse_ok("31/05/17", GV_NO_DAY), may31);
   assert_int_equal(parse_ok("31.05.2017", GV_NO_DAY), may31);
   assert_int_equal(parse_ok("  14 September ", ref), Date_days_from_civil(2017, 9, 14));
   assert_int_equal(parse_ok("14 Sept", ref), Date_days_from_civil(2017, 9, 14));
   assert_int_equal(parse_ok("6 Jun", ref), Date_days_from_civil(2017, 6, 6));
   /* without a year: the session's year */
   assert_int_equal(parse_ok("19 June", Date_days_from_civil(2018, 1, 1)), Date_days_from_civil(2018, 6, 19));
   parse_fail("31 Mayy", ref, "unknown month 'Mayy'");
   parse_fail("31 June", ref, "no such day");
   parse_fail("2017-02-29", ref, "no such day");
   parse_fail("2017-5-31", ref, "invalid date");
   parse_fail("31/13", ref, "no such day");
   parse_fail("tomorrow", ref, "invalid date 'tomorrow'");
   parse_fail("31 May", GV_NO_DAY, "no year");
   parse_fail("", ref, "invalid date");
   parse_fail("2017-05-31x", ref, "invalid date");
}

static void time_forms(void **state) {
   (void)state;
   int64_t s;
   char msg[128];
   assert_int_equal(Time_parse_hms("10:02", 5, &s, msg, sizeof msg), GV_OK);
   assert_int_equal(s, 10 * 3600 + 120);
   assert_int_equal(Time_parse_hms("9:05:30", 7, &s, msg, sizeof msg), GV_OK);
   assert_int_equal(s, 9 * 3600 + 330);
   assert_int_equal(Time_parse_hms("24:00", 5, &s, msg, sizeof msg), GV_BAD_TIME);
   assert_non_null(strstr(msg, "invalid time '24:00'"));
   assert_int_equal(Time_parse_hms("10:60", 5, &s, msg, sizeof msg), GV_BAD_TIME);
   assert_int_equal(Time_parse_hms("10", 2, &s, msg, sizeof msg), GV_BAD_TIME);
   assert_int_equal(Time_parse_hms("10:5", 4, &s, msg, sizeof msg), GV_BAD_TIME);
   int64_t t;
   assert_int_equal(Time_parse_iso("2017-05-12T10:02:13", 19, &t), GV_OK);
   char iso[20], hm[9];
   Time_format_iso(t, iso);
   assert_string_equal(iso, "2017-05-12T10:02:13");
   Time_format_hm(t, true, hm);
   assert_string_equal(hm, "10:02:13");
   Time_format_hm(t, false, hm);
   assert_string_equal(hm, "10:02");
   assert_int_equal(Time_parse_iso("2017-05-12 10:02:13", 19, &t), GV_BAD_TIME);
   /* Every digit read: each one, in turn not a digit, is refused; each
    * one changed changes the time. */
   static const char digitsAt[] = { 0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18 };
   for (size_t i = 0; i < sizeof digitsAt; i++) {
      char x[20] = "2016-02-29T13:37:48";
      int64_t before, after;
      assert_int_equal(Time_parse_iso(x, 19, &before), GV_OK);
      x[(int)digitsAt[i]] = '/';
      assert_int_equal(Time_parse_iso(x, 19, &after), GV_BAD_TIME);
      x[(int)digitsAt[i]] = ':';
      assert_int_equal(Time_parse_iso(x, 19, &after), GV_BAD_TIME);
      x[(int)digitsAt[i]] = "2016-02-29T13:37:48"[(int)digitsAt[i]] == '0' ? '1' : '0';
      if (Time_parse_iso(x, 19, &after) == GV_OK)
         assert_true(after != before);
   }
   assert_int_equal(Time_parse_iso("2016-02-29T13:37:48", 19, &t), GV_OK);
   Time_format_iso(t, iso);
   assert_string_equal(iso, "2016-02-29T13:37:48");
   assert_int_equal(Time_parse_iso("2017-02-29T13:37:48", 19, &t), GV_BAD_TIME);
   assert_int_equal(Time_parse_iso("2017-05-12T24:00:00", 19, &t), GV_BAD_TIME);
   assert_int_equal(Time_parse_iso("2017-05-12T23:60:00", 19, &t), GV_BAD_TIME);
   /* before 1970 the arithmetic still holds */
   assert_int_equal(Time_parse_iso("1969-12-31T23:59:59", 19, &t), GV_OK);
   assert_int_equal(t, -1);
   Time_format_iso(t, iso);
   assert_string_equal(iso, "1969-12-31T23:59:59");
   assert_int_equal(Time_day(-1), -1);
   assert_int_equal(Time_of_day(-1), 86399);
}

static void docref_ok(const char *in, const char *canon, GvDocRefKind kind) {
   DocRef r;
   char msg[256] = "";
   GvStatus st = DocRef_parse(in, strlen(in), &r, msg, sizeof msg);
   if (st != GV_OK)
      fail_msg("'%s': %s", in, msg);
   assert_int_equal(r.kind, kind);
   assert_string_equal(r.text, canon);
   DocRef copy;
   assert_true(DocRef_copy(&copy, &r));
   assert_string_equal(copy.text, canon);
   DocRef_free(&copy);
   DocRef_free(&r);
}

static void docref_bad(const char *in, const char *part) {
   DocRef r;
   char msg[256] = "";
   assert_int_equal(DocRef_parse(in, strlen(in), &r, msg, sizeof msg), GV_BAD_DOCREF);
   assert_null(r.text);
   if (!strstr(msg, part))
      fail_msg("'%s': message '%s' lacks '%s'", in, msg, part);
}

static void document_references(void **state) {
   (void)state;
   docref_ok("ST 10876/17", "ST 10876/17", GV_DOCREF_COUNCIL);
   docref_ok("10876/17", "10876/17", GV_DOCREF_COUNCIL);
   docref_ok("cm 2622/1/17 rev 1", "CM 2622/1/17 REV 1", GV_DOCREF_COUNCIL);
   docref_ok("WK 4977/17 INIT", "WK 4977/17 INIT", GV_DOCREF_COUNCIL);
   docref_ok("WK 10837/2020 INIT", "WK 10837/2020 INIT", GV_DOCREF_COUNCIL);
   docref_ok("12104/18 ADD 2", "12104/18 ADD 2", GV_DOCREF_COUNCIL);
   docref_ok("12104/18  ADD 2 COR 1", "12104/18 ADD 2 COR 1", GV_DOCREF_COUNCIL);
   docref_ok("7923/1/17 REV 1", "7923/1/17 REV 1", GV_DOCREF_COUNCIL);
   docref_ok("ST 5000/07", "ST 5000/07", GV_DOCREF_COUNCIL);
   docref_ok("WK 4977/2017 REV 1", "WK 4977/2017 REV 1", GV_DOCREF_COUNCIL);
   docref_ok("JOIN(2017) 450 final", "JOIN(2017) 450 final", GV_DOCREF_FREE);
   docref_ok("  non-paper  ", "non-paper", GV_DOCREF_FREE);
   docref_ok("2017/0225 (COD)", "2017/0225 (COD)", GV_DOCREF_FREE);
   docref_ok("COM(2017) 477 final", "COM(2017) 477 final", GV_DOCREF_FREE);
   /* series in any case, numbers written again: zeros in front dropped but
    * for a two-digit year's; two letters that are no series make a free one */
   docref_ok("st 010876/17", "ST 10876/17", GV_DOCREF_COUNCIL);
   docref_ok("ds 1/00", "DS 1/00", GV_DOCREF_COUNCIL);
   docref_ok("SN 999999/2199 REV 999", "SN 999999/2199 REV 999", GV_DOCREF_COUNCIL);
   docref_ok("sn 5/99/1950 rev 99 add 3 cor 12 init", "SN 5/99/1950 REV 99 ADD 3 COR 12 INIT",
             GV_DOCREF_COUNCIL);
   docref_ok("Wk 100000/05 ADD 10", "WK 100000/05 ADD 10", GV_DOCREF_COUNCIL);
   docref_ok("dS 7/2/09 REV 2 COR 1", "DS 7/2/09 REV 2 COR 1", GV_DOCREF_COUNCIL);
   docref_ok("Xs 1/17", "Xs 1/17", GV_DOCREF_FREE);
   docref_ok("CMS 1/17", "CMS 1/17", GV_DOCREF_FREE);
   DocRef r;
   char msg[256];
   assert_int_equal(DocRef_parse("CM 2622/1/17 REV 1", 18, &r, msg, sizeof msg), GV_OK);
   assert_string_equal(r.series, "CM");
   assert_int_equal(r.number, 2622);
   assert_int_equal(r.revision, 1);
   assert_int_equal(r.year, 17);
   assert_int_equal(r.rev, 1);
   DocRef_free(&r);
   assert_int_equal(DocRef_parse("12104/18 ADD 2 COR 1", 20, &r, msg, sizeof msg), GV_OK);
   assert_int_equal(r.add, 2);
   assert_int_equal(r.cor, 1);
   assert_false(r.init);
   DocRef_free(&r);

   docref_bad("", "empty");
   docref_bad("ST", "ST must be followed by a number");
   docref_bad("ST 10876", "'10876' is not a document number");
   docref_bad("10876/1", "not a document number");
   docref_bad("10876/17/18/19", "not a document number");
   docref_bad("0/17", "not a document number");
   docref_bad("1234567/17", "not a document number");
   docref_bad("WK 10837/1850 INIT", "not a document number");
   docref_bad("ST 10876/17 XYZ", "unexpected 'XYZ'");
   docref_bad("12104/18 ADD", "ADD must be followed by a number");
   docref_bad("12104/18 ADD x", "ADD must be followed by a number");
   docref_bad("12104/18 ADD 1 ADD 2", "ADD given twice");
   docref_bad("CM 2622/1/17", "needs REV 1");
   docref_bad("CM 2622/1/17 REV 2", "REV 2 does not match the revision /1/");
   docref_bad("WK 4977/17 INIT REV 1", "INIT must come last");
}

/* What Utf8_decode accepts, one code point after another: the reference. */
static bool utf8_by_decoding(const char *s, size_t n) {
   for (size_t i = 0; i < n;) {
      uint32_t cp;
      size_t l = Utf8_decode(s + i, n - i, &cp);
      if (cp == 0xFFFD && l == 1 && (unsigned char)s[i] >= 0x80)
         return false;
      i += l;
   }
   return true;
}

/* Utf8_valid_lines' reference: the stop at the first control character
 * but a tab and a line end, and each line before it decoded. */
static bool utf8_lines_by_decoding(const char *lb, size_t m, size_t *end) {
   size_t e = 0;
   while (e < m && !(((unsigned char)lb[e] < 0x20 && lb[e] != '\t' && lb[e] != '\n') ||
                     lb[e] == 0x7f))
      e++;
   *end = e;
   bool ok = true;
   for (size_t from = 0; from <= e;) {
      const char *nl = memchr(lb + from, '\n', e - from);
      size_t to = nl ? (size_t)(nl - lb) : e;
      ok = ok && utf8_by_decoding(lb + from, to - from);
      from = to + 1;
   }
   return ok;
}

/* Long strings are validated sixteen bytes at a time where the processor
 * can: the same answer as decoding, for every sequence and every damage at
 * every place, across block boundaries and the end. */
static void utf8_validation_agrees_with_decoding(void **state) {
   (void)state;
   static const char *const piece[] = {
      "a", "b ", "\xc3\xa9", "\xce\xba", "\xe2\x80\x9e", "\xf0\x9f\x98\x80", "\xed\x9f\xbf",
      "\xef\xbf\xbd", "\xf4\x8f\xbf\xbf", "\xe0\xa0\x80", "\xc2\x80",
      /* damage from here on */
      "\x80", "\xc0\xaf", "\xc1\xbf", "\xc2", "\xe0\x80\xaf", "\xe0\x9f\xbf", "\xed\xa0\x80",
      "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe", "\xe2\x82",
      "\xf0\x9f\x98", "\xbf\xbf", "\xf8\x88\x80\x80\x80",
   };
   const size_t good = 11, npiece = sizeof piece / sizeof *piece;
   char buf[600];
   unsigned x = 2021;
   size_t valid = 0, tests = 0;
   for (int t = 0; t < 20000; t++) {
      size_t n = 0;
      for (int j = 0, k = (int)((x = x * 1103515245u + 12345u) >> 16) % 120; j < k; j++) {
         x = x * 1103515245u + 12345u;
         /* Mostly sound text; one string in three may hold damage. */
         size_t p = (x >> 16) % (t % 3 ? good : npiece);
         size_t l = strlen(piece[p]);
         memcpy(buf + n, piece[p], l);
         n += l;
      }
      x = x * 1103515245u + 12345u;
      if (t % 5 == 0 && n)
         n = (x >> 16) % n;   /* cut anywhere, even inside a sequence */
      bool want = utf8_by_decoding(buf, n);
      if (Utf8_valid(buf, n) != want)
         fail_msg("string %d (%zu bytes): Utf8_valid says %d", t, n, !want);
      valid += want;
      tests++;
   }
   /* Both answers were asked for often. */
   assert_true(valid > tests / 3 && valid < tests - tests / 10);
}

/* A journal line's bytes are read in one pass, 32 at a time where the
 * processor can: up to the first control character but a tab, and checked
 * as UTF-8 up to there. The same answers as a byte loop and decoding, with
 * the stop at every place of a block, in a sequence, at the end, or absent. */
static void utf8_text_stops_at_the_first_control(void **state) {
   (void)state;
   static const char *const piece[] = {
      "a", "b ", "\t", "\xc3\xa9", "\xce\xba", "\xe2\x80\x9e", "\xf0\x9f\x98\x80",
      "\xed\x9f\xbf", "\xf4\x8f\xbf\xbf", "0123456789abcdef", "\xc2\x80",
      /* damage */
      "\x80", "\xc0\xaf", "\xc2", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xff",
      "\xe2\x82", "\xf0\x9f\x98",
      /* controls */
      "\n", "\r\n", "\r", "\x01", "\x1f", "\x7f", "\x0b",
   };
   const size_t good = 11, sound = 20, npiece = sizeof piece / sizeof *piece;
   char buf[700];
   unsigned x = 1999;
   size_t stops = 0, valid = 0, tests = 0, line_stops = 0, line_ends = 0,
          line_valid = 0;
   for (int t = 0; t < 30000; t++) {
      size_t n = 0;
      for (int j = 0, k = (int)((x = x * 1103515245u + 12345u) >> 16) % 150; j < k; j++) {
         x = x * 1103515245u + 12345u;
         size_t r = (x >> 16) % 1000, p;
         if (t % 4 == 0 || r >= 990)   /* now and then a control, in a string in four none */
            p = t % 4 ? sound + r % (npiece - sound) : (x >> 8) % good;
         else
            p = r % (t % 3 ? good : sound);
         size_t l = strlen(piece[p]);
         memcpy(buf + n, piece[p], l);
         n += l;
      }
      x = x * 1103515245u + 12345u;
      if (t % 7 == 0 && n)
         n = (x >> 16) % n;   /* cut anywhere, even inside a sequence */
      size_t want_end = 0;
      while (want_end < n && !(((unsigned char)buf[want_end] < 0x20 && buf[want_end] != '\t') ||
                               buf[want_end] == 0x7f))
         want_end++;
      bool want = utf8_by_decoding(buf, want_end);
      size_t end = SIZE_MAX;
      bool got = Utf8_valid_text(buf, n, &end);
      if (end != want_end || got != want)
         fail_msg("string %d (%zu bytes): end %zu valid %d, expected end %zu valid %d", t, n, end,
                  got, want_end, want);
      stops += end < n;
      valid += want;
      tests++;
      /* Many lines at once: the same string with line ends put in here and
       * there (inside a sequence too); a '\n' is no stop, and the bytes
       * before the stop are valid exactly when each line among them is. */
      char lb[1400];
      size_t m = 0;
      for (size_t i = 0; i < n; i++) {
         x = x * 1103515245u + 12345u;
         if ((x >> 16) % 29 == 0)
            lb[m++] = '\n';
         lb[m++] = buf[i];
      }
      size_t lines_end = 0;
      bool lines_want = utf8_lines_by_decoding(lb, m, &lines_end);
      end = SIZE_MAX;
      got = Utf8_valid_lines(lb, m, &end);
      if (end != lines_end || got != lines_want)
         fail_msg("lines %d (%zu bytes): end %zu valid %d, expected end %zu valid %d", t, m, end,
                  got, lines_end, lines_want);
      line_stops += lines_end < m;
      line_ends += lines_end > 0 && memchr(lb, '\n', lines_end) != NULL;
      line_valid += lines_want;
   }
   /* Lines at once: stops and none, and line ends passed. */
   assert_true(line_stops > tests / 10 && line_stops < tests - tests / 10);
   assert_true(line_ends > tests / 2);
   assert_true(line_valid > tests / 10 && line_valid < tests - tests / 10);
   /* Stops and none, sound text and damage, were all asked for often. */
   assert_true(stops > tests / 4 && stops < tests - tests / 5);
   assert_true(valid > tests / 3 && valid < tests - tests / 10);
}

/* Every byte value at every place of a long ASCII text (read 64 bytes a
 * step while no control character is in them): the stop is the first
 * control character but a tab (and '\n' for lines), and a lone byte above
 * 0x7f before it is invalid. Then a two-byte letter at every place, whole
 * or cut by the stop, across the steps' edges. */
static void utf8_every_byte_at_every_place(void **state) {
   (void)state;
   char buf[200];
   const size_t n = sizeof buf;
   for (int lines = 0; lines < 2; lines++)
      for (unsigned c = 0; c < 256; c++)
         for (size_t at = 0; at < 160; at++) {
            memset(buf, 'x', n);
            buf[at] = (char)c;
            bool control = (c < 0x20 && c != '\t' && !(lines && c == '\n')) || c == 0x7f;
            size_t end = SIZE_MAX;
            bool got = lines ? Utf8_valid_lines(buf, n, &end) : Utf8_valid_text(buf, n, &end);
            size_t want_end = control ? at : n;
            bool want = control || c < 0x80;
            if (end != want_end || got != want)
               fail_msg("byte %02x at %zu (lines %d): end %zu valid %d, expected %zu %d", c, at,
                        lines, end, got, want_end, want);
         }
   for (size_t at = 0; at + 1 < 160; at++)
      for (int cut = 0; cut < 2; cut++) {
         memset(buf, 'x', n);
         buf[at] = (char)0xc3;
         buf[at + 1] = cut ? '\x01' : (char)0xa9;
         size_t end = SIZE_MAX;
         bool got = Utf8_valid_lines(buf, n, &end);
         if (end != (cut ? at + 1 : n) || got != !cut)
            fail_msg("letter at %zu (cut %d): end %zu valid %d", at, cut, end, got);
         /* A lone lead then ASCII: the sequence is short wherever it falls. */
         buf[at + 1] = 'x';
         if (Utf8_valid_lines(buf, n, &end) || end != n)
            fail_msg("lone lead at %zu: taken as valid (end %zu)", at, end);
      }
}

/* Lines of text in the EU's scripts (two-byte letters, three-byte
 * punctuation, now and then a sequence only the full step checks: E0, ED,
 * F0, F4) shifted by 0 to 63 bytes against the 64-byte steps, each place
 * given each byte that may start, end or break a sequence, and the whole
 * cut at every length: the answers of the masks' check and of the full
 * step, and of the ways between them, are those of decoding; for the
 * text as one line (Utf8_valid_text) too. */
static void utf8_lines_every_damage_at_every_place(void **state) {
   (void)state;
   static const char *const piece[] = {
      "a", "the ", "\xc3\xa9", "\xce\xba\xce\xb1", "\xd0\x96", "\xe2\x80\x99", "\xe2\x80\x9e",
      "\xef\xbf\xbd", "\xe1\xbc\x80", "\n", "\t", "\xc2\xa0",
      /* the full step's: E0, ED, F0, F4 and a four-byte letter */
      "\xe0\xa4\x85", "\xed\x9f\xbf", "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf", "\xf1\x80\x80\x80",
   };
   static const unsigned char damage[] = { 0x80, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
                                           0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, '\n', 'x',
                                           0x01, 0x7f };
   const size_t common = 12, npiece = sizeof piece / sizeof *piece;
   char buf[400];
   unsigned x = 4242;
   size_t tests = 0, valid = 0;
   for (int t = 0; t < 48; t++) {
      size_t shift = (size_t)(t * 21) % 64, n = shift;
      memset(buf, 'x', shift);
      while (n < 300) {
         x = x * 1103515245u + 12345u;
         /* In texts of one kind in three, the full step's sequences too. */
         size_t p = (x >> 16) % (t % 3 == 0 ? npiece : common);
         size_t l = strlen(piece[p]);
         memcpy(buf + n, piece[p], l);
         n += l;
      }
      char lb[400];
      for (size_t at = shift; at < n; at++)
         for (size_t d = 0; d <= sizeof damage; d++) {
            memcpy(lb, buf, n);
            if (d < sizeof damage)
               lb[at] = (char)damage[d];
            size_t m = d < sizeof damage ? n : at;   /* undamaged: cut at this length */
            size_t want_end, end = SIZE_MAX;
            bool want = utf8_lines_by_decoding(lb, m, &want_end);
            bool got = Utf8_valid_lines(lb, m, &end);
            if (end != want_end || got != want)
               fail_msg("text %d, byte %02x at %zu of %zu: end %zu valid %d, expected %zu %d", t,
                        d < sizeof damage ? damage[d] : 0, at, m, end, got, want_end, want);
            tests++;
            valid += want;
            /* One line: the first '\n' is a stop too. */
            size_t text_end = 0;
            while (text_end < m && !(((unsigned char)lb[text_end] < 0x20 && lb[text_end] != '\t') ||
                                     lb[text_end] == 0x7f))
               text_end++;
            want = utf8_by_decoding(lb, text_end);
            got = Utf8_valid_text(lb, m, &end);
            if (end != text_end || got != want)
               fail_msg("text %d, byte %02x at %zu of %zu, one line: end %zu valid %d, expected "
                        "%zu %d", t, d < sizeof damage ? damage[d] : 0, at, m, end, got, text_end,
                        want);
         }
   }
   assert_true(valid > tests / 5 && valid < tests - tests / 5);
}

static void utf8_folding_and_validation(void **state) {
   (void)state;
   char *f = Utf8_fold("Ελλάδα", strlen("Ελλάδα"));
   assert_string_equal(f, "ελλαδα");
   free(f);
   f = Utf8_fold("Österreich ÉIRE Łódź Česko ß", strlen("Österreich ÉIRE Łódź Česko ß"));
   assert_string_equal(f, "osterreich eire lodz cesko ß");
   free(f);
   f = Utf8_fold("БЪЛГАРИЯ", strlen("БЪЛГАРИЯ"));
   assert_string_equal(f, "българия");
   free(f);
   f = Utf8_fold("ΆΈΉΊΌΎΏ ς", strlen("ΆΈΉΊΌΎΏ ς"));
   assert_string_equal(f, "αεηιουω σ");
   free(f);
   assert_true(Utf8_valid("Ελλάδα", strlen("Ελλάδα")));
   assert_false(Utf8_valid("\xC3", 1));
   assert_false(Utf8_valid("\xC0\xAF", 2));          /* overlong */
   assert_false(Utf8_valid("\xED\xA0\x80", 3));      /* surrogate */
   assert_false(Utf8_valid("\xFF", 1));
   assert_int_equal(Utf8_length("aΕλ€𝄞", strlen("aΕλ€𝄞")), 5);
   char enc[4];
   assert_int_equal(Utf8_encode(0x1D11E, enc), 4);
   assert_memory_equal(enc, "𝄞", 4);
}

/* A payload's command word read sixteen bytes a step (Command_first, when
 * sixteen are left) is what the byte loop reads of the same word alone:
 * the same command, place and length, whatever the case, the blanks before
 * it, a quote, an escape or a line end in it, or its length (up to twelve
 * bytes, one past the longest name). */
static void command_word_read_at_any_length(void **state) {
   (void)state;
   static const char *const words[] = {
      "note", "NOTE", "nOtE", "next", "end", "pos", "draft", "Draft", "floor", "give", "undo",
      "UNDO", "redo", "Redo", "paragraph", "delegation", "position", "on", "x", "notes", "not",
      "\"note\"", "no\"te", "no\\te", "no\\\\te", "nt\\x01", "note\r", "no\nte", "\rnote", "abcdefghijk", "abcdefghijkl",
      "Presents", "WITHDRAW", "deadline", "\xc3\xa9t\xc3\xa9", "no\x01te",
   };
   static const char *const before[] = { "", " ", "\t", "  \t " };
   static const char *const after[] = { " ", "\t", "  ", " \t" };
   char alone[64], line[256];
   for (size_t b = 0; b < sizeof before / sizeof *before; b++)
      for (size_t k = 0; k < sizeof words / sizeof *words; k++)
         for (size_t a = 0; a < sizeof after / sizeof *after; a++) {
            int n = snprintf(alone, sizeof alone, "%s%s", before[b], words[k]);
            assert_true(strlen(words[k]) < 16);   /* alone, the byte loop reads it */
            size_t at0, n0, at1, n1;
            unsigned w0 = Command_word(alone, (size_t)n, &at0, &n0);
            for (size_t tail = 0; tail < 40; tail += 7) {
               int m = snprintf(line, sizeof line, "%s%s%.*s", alone, after[a], (int)tail,
                                "the delegation supported the text of it");
               unsigned w1 = Command_word(line, (size_t)m, &at1, &n1);
               if (w0 != w1 || at0 != at1 || n0 != n1)
                  fail_msg("'%s' + %zu: %u at %zu (%zu), alone %u at %zu (%zu)", line, tail, w1,
                           at1, n1, w0, at0, n0);
            }
            /* A word that is no command (nor one once its escapes are read)
             * is named as the split reads it, however long the line. */
            if (w0 == 0 && !strpbrk(words[k], "\r\n\"") &&
                strcmp(words[k], "on") != 0 && strcmp(words[k], "position") != 0) {
               char msg[3][256];
               for (int v = 0; v < 3; v++) {
                  Session *se = Session_new();
                  assert_non_null(se);
                  snprintf(line, sizeof line,
                           "cmd 2017-05-12T10:00:00 6be302d5-0065-4006-8065-000000000068 %s%s",
                           alone, v == 1   ? " and the delegation said so at length"
                                  : v == 2 ? "                    "
                                           : "");
                  assert_int_not_equal(Session_replay_checked(se, line, strlen(line), msg[v],
                                                              sizeof msg[v]), GV_OK);
                  Session_free(se);
               }
               assert_string_equal(msg[0], msg[1]);
               assert_string_equal(msg[0], msg[2]);
            }
         }
   /* What the words are. */
   size_t at, n;
   unsigned note = Command_word("note x", 6, &at, &n);
   assert_true(note >= COMMAND_WORD_TABLE);
   assert_int_equal(Command_word("  NOTE the delegation supported it", 34, &at, &n), note);
   assert_int_equal(at, 2);
   assert_int_equal(n, 4);
   assert_int_equal(Command_word("Undo and the delegation said so", 31, &at, &n), COMMAND_WORD_UNDO);
   assert_int_equal(Command_word("REDO and the delegation said so", 31, &at, &n), COMMAND_WORD_REDO);
   assert_true(Command_word("DRAFT #uuid and the delegation said", 35, &at, &n) == COMMAND_WORD_DRAFT);
   assert_int_equal(Command_word("\"note\" and the delegation said so", 33, &at, &n), 0);
   assert_int_equal(Command_word("position FR supports the text of it", 35, &at, &n), 0);
   assert_int_equal(Command_word("notetoolongwordxx and the delegation", 36, &at, &n), 0);
}

/* Every command name (and words one byte off one) in three cases, each
 * byte value at each place of the word and just past it: the word read
 * where it starts the payload, alone or before a TEXT (sixteen bytes a
 * step and its hash), gives what the same word after a blank gives (a
 * byte at a time, through the table). */
static void command_word_every_byte_at_every_place(void **state) {
   (void)state;
   static const char *const extra[] = { "abcdefghijk", "abcdefghijkl", "delegations", "x" };
   size_t names = 0;
   while (Session_command_name(names))
      names++;
   size_t found = 0;
   for (size_t k = 0; k < names + sizeof extra / sizeof *extra; k++) {
      const char *name = k < names ? Session_command_name(k) : extra[k - names];
      size_t len = strlen(name);
      for (int form = 0; form < 3; form++) {
         char word[16];
         for (size_t i = 0; i <= len; i++) {
            char c = name[i];
            word[i] = form == 1 && c >= 'a' && c <= 'z' ? (char)(c - 32)
                      : form == 2 && i % 2 && c >= 'a' && c <= 'z' ? (char)(c - 32)
                                                                  : c;
         }
         for (size_t p = 0; p <= len; p++)
            for (int b = p ? 0 : -1; b < 256; b++) {   /* -1: the word as it is */
               char w[16], alone[16], line[64];
               if (p == 0 && (b == ' ' || b == '\t'))
                  continue;   /* a blank first: the word would be the tail's */
               memcpy(w, word, len + 1);
               size_t wl = len;
               if (b >= 0) {
                  w[p] = (char)b;
                  if (p == len)
                     wl++;
               }
               memcpy(alone, w, wl);
               /* Built by memcpy: a NUL among the bytes stays where it is. */
               static const char tail[] = " and the delegation said so";
               memcpy(line, w, wl);
               memcpy(line + wl, tail, sizeof tail);
               size_t m = wl + sizeof tail - 1;
               char led[64] = " ";
               memcpy(led + 1, line, m);
               size_t at0 = 99, n0 = 99, at1 = 77, n1 = 77, at2 = 55, n2 = 55;
               unsigned w0 = Command_word(alone, wl, &at0, &n0);
               unsigned w1 = Command_word(line, m, &at1, &n1);
               unsigned w2 = Command_word(led, m + 1, &at2, &n2);
               if (w0 != w2 || at0 + 1 != at2 || n0 != n2 || w1 != w2 || at1 + 1 != at2 ||
                   n1 != n2)
                  fail_msg("'%s': %u at %zu (%zu), alone %u at %zu (%zu), after a blank %u at "
                           "%zu (%zu)", line, w1, at1, n1, w0, at0, n0, w2, at2, n2);
               found += w1 != 0;
            }
      }
   }
   /* Each name but `on` (read by the replay itself) found in each case. */
   assert_true(found >= (names - 1) * 3);
}

/* Words_is: a keyword in any case, every byte in the word's first place,
 * the word quoted, past the last word, against the word compared whole. */
static void keyword_words_in_any_case(void **state) {
   (void)state;
   static const char *const keys[] = { "first", "poo", "doc", "all", "x", "-" };
   size_t hits = 0;
   for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
      for (int form = 0; form < 3; form++)
         for (int b = -1; b < 256; b++) {
            char word[16];
            snprintf(word, sizeof word, "%s", keys[k]);
            for (size_t i = 0; word[i]; i++)   /* lower, upper, first upper */
               if (form == 1 || (form == 2 && i == 0))
                  word[i] = (char)toupper((unsigned char)word[i]);
            if (b >= 0) {
               if (b == 0 || b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '"' || b == '\\')
                  continue;
               word[0] = (char)b;
            }
            char line[64];
            snprintf(line, sizeof line, "floor FR %s \"%s\"", word, word);
            Words w;
            char msg[128];
            assert_int_equal(Words_split(&w, line, strlen(line), msg, sizeof msg), GV_OK);
            assert_int_equal(w.count, 4);
            bool want = Util_word_eq(w.word[2], keys[k]);
            assert_int_equal(Words_is(&w, 2, keys[k]), want);
            assert_false(Words_is(&w, 3, keys[k]));   /* quoted: never a keyword */
            assert_false(Words_is(&w, 4, keys[k]));
            hits += want;
            Words_free(&w);
         }
   /* each keyword in three cases as it is, and with its first letter (if a
    * letter) in either case in the place of every byte */
   assert_int_equal(hits, 5 * 3 * 3 + 3 * 2);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(words_split_like_a_shell),
      cmocka_unit_test(keyword_words_in_any_case),
      cmocka_unit_test(words_agree_with_a_byte_reading),
      cmocka_unit_test(text_takes_the_rest_of_the_line),
      cmocka_unit_test(text_writer_round_trips),
      cmocka_unit_test(calendar_arithmetic),
      cmocka_unit_test(date_forms),
      cmocka_unit_test(time_forms),
      cmocka_unit_test(document_references),
      cmocka_unit_test(utf8_every_byte_at_every_place),
      cmocka_unit_test(utf8_lines_every_damage_at_every_place),
      cmocka_unit_test(utf8_folding_and_validation),
      cmocka_unit_test(utf8_validation_agrees_with_decoding),
      cmocka_unit_test(utf8_text_stops_at_the_first_control),
      cmocka_unit_test(command_word_read_at_any_length),
      cmocka_unit_test(command_word_every_byte_at_every_place),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
