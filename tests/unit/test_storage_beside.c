/* A long session file scanned beside its replay (SessionScan_begin, and
 * SessionFile_open from 512 kB): the same lines, the same meeting and the
 * same problems at the same FILE:LINE as a file scanned whole before its
 * replay, wherever the quick pass cuts it in two (inside a unit of cmd+
 * lines, at an undo line, inside a long escaped note) and whatever is
 * damaged in its second half. */
#include "tests/unit/testutil.h"

#include "model/session.h"
#include "render/outcome.h"
#include "storage/sessionfile.h"
#include "storage/sessionscan.h"

/* ---- a meeting made by the model --------------------------------------- */

typedef struct Gen {
   Session *s;
   RunContext ctx;
   unsigned long uuids;
   GvBuf *out;   /* the sealed lines of the piece being made */
} Gen;

static void gen_uuid(void *ud, char out[37]) {
   Gen *g = ud;
   snprintf(out, 37, "00000000-0000-4000-8000-%012lu", ++g->uuids);
}

static int gen_roster(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen) {
   (void)ud;
   (void)name;
   (void)msg;
   (void)msglen;
   GvBuf_puts(lines, "delegation FR kind=ms order=1 name=France native=France\n"
                     "delegation DE kind=ms order=2 name=Germany native=Deutschland\n"
                     "delegation NL kind=ms order=3 name=Netherlands native=Nederland\n"
                     "delegation PL kind=ms order=4 name=Poland native=Polska\n");
   return 0;
}

/* Runs one command; its journal lines go sealed to the current piece. */
__attribute__((format(printf, 2, 3)))
static void gen(Gen *g, const char *fmt, ...) {
   char line[8192], msg[512];
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(line, sizeof line, fmt, ap);
   va_end(ap);
   GvBuf raw = GV_BUF_INIT;
   GvStatus st = Session_run(g->s, line, strlen(line), &g->ctx, &raw, msg, sizeof msg);
   if (st != GV_OK)
      fail_msg("'%.80s': %s", line, msg);
   g->ctx.now += 7;
   assert_true(SessionScan_seal(g->out, raw.data, raw.len, GV_JOURNAL_VERSION));
   GvBuf_free(&raw);
}

static const char *const Who[] = { "FR", "DE", "NL", "PL" };

/* One intervention with a note of about 300 bytes. */
static void round_of(Gen *g, int i) {
   gen(g, "floor %s", Who[i % 4]);
   gen(g, "next");
   gen(g, "note The delegation %d supported the text of the Presidency and asked for more time "
          "to consult its capital on articles 3 and 4, \"as agreed\" in May; it recalled its "
          "written comments and its concern about the date of application (%d)", i, i * 7);
}

typedef enum Middle { MID_UNIT, MID_UNDO, MID_NOTE } Middle;

/* What the quick pass's cut falls into: its line(s), and the offset and
 * length in the piece of the line the middle of the file must be inside. */
static void middle(Gen *g, Middle m, size_t *at, size_t *len) {
   size_t before = 0;
   switch (m) {
   case MID_UNIT:   /* a cmd:N unit: its third cmd+ line */
      gen(g, "roster small");
      break;
   case MID_UNDO:   /* undo, the unit before it, a redo, an undo again */
      gen(g, "note taken back");
      before = g->out->len;
      gen(g, "undo");
      *at = before;
      *len = g->out->len - before;
      gen(g, "redo");
      gen(g, "undo");
      return;
   case MID_NOTE: { /* a long note with every escape */
      GvBuf t = GV_BUF_INIT;
      for (int k = 0; k < 24; k++)
         GvBuf_puts(&t, "l\xc3\xa0 \"quoted\" \\\\ back, tab\\t and a new line\\n then \xce\xb5\xce\xbb ");
      gen(g, "note %s", GvBuf_str(&t));
      GvBuf_free(&t);
      *at = 0;
      *len = g->out->len;
      return;
   }
   }
   /* The unit: its first line, then cmd+ lines; the third of those. */
   const char *p = GvBuf_str(g->out);
   size_t l0 = (size_t)((const char *)memchr(p, '\n', g->out->len) - p) + 1;
   size_t at3 = l0;
   for (int k = 0; k < 2; k++)
      at3 += (size_t)((const char *)memchr(p + at3, '\n', g->out->len - at3) - (p + at3)) + 1;
   *at = at3;
   *len = (size_t)((const char *)memchr(p + at3, '\n', g->out->len - at3) - (p + at3)) + 1;
}

/* A session file of more than 512 kB whose record lines have their middle
 * inside the line middle() names: the quick pass cuts it at that line's end. */
static void long_file(Middle m, GvBuf *text) {
   Gen g = { .s = Session_new() };
   assert_non_null(g.s);
   g.ctx = (RunContext){ .now = 1494583200 /* 2017-05-12 10:00 */, .new_uuid = gen_uuid,
                         .load_roster = gen_roster, .ud = &g };
   GvBuf P = GV_BUF_INIT, M = GV_BUF_INIT, S = GV_BUF_INIT;
   g.out = &P;
   gen(&g, "roster small");
   gen(&g, "item add \"Item 1\"");
   gen(&g, "item 1");
   for (int i = 0; P.len < 300 * 1024; i++)
      round_of(&g, i);
   g.out = &M;
   size_t at = 0, len = 0;
   middle(&g, m, &at, &len);
   /* The middle of P + M + S inside M[at, at + len): S near P - M + 2 at + len. */
   size_t want = P.len + 2 * at + len - M.len;
   g.out = &S;
   /* The second day of the meeting: the lines' day changes (times are read
    * a day at a time). */
   g.ctx.now += 86400 - 3600;
   for (int i = 0; S.len + 2000 < want; i++)
      round_of(&g, 1000 + i);
   size_t empty = strlen("cmd 2017-05-12T10:00:00 00000000-0000-4000-8000-000000000000 note ") +
                  SESSIONSCAN_SEAL_LEN + 1;
   assert_true(want >= S.len + empty + 1);
   size_t n = want - S.len - empty;
   char *pad = malloc(n + 1);
   memset(pad, 'x', n);
   pad[n] = '\0';
   gen(&g, "note %s", pad);
   free(pad);
   GvBuf_puts(text, SessionScan_header());
   size_t head = text->len;
   GvBuf_append(text, P.data, P.len);
   GvBuf_append(text, M.data, M.len);
   GvBuf_append(text, S.data, S.len);
   assert_false(text->failed);
   /* As SessionScan_begin cuts: the middle is in the line meant. */
   size_t mid = head + (text->len - head) / 2;
   if (mid < head + P.len + at || mid >= head + P.len + at + len)
      fail_msg("middle %zu not in [%zu, %zu)", mid, head + P.len + at, head + P.len + at + len);
   GvBuf_free(&P);
   GvBuf_free(&M);
   GvBuf_free(&S);
   Session_free(g.s);
}

/* ---- comparing the two ways ---------------------------------------------- */

static void write_file(const char *path, const GvBuf *text) {
   FILE *f = fopen(path, "wb");
   assert_non_null(f);
   assert_int_equal(fwrite(text->data, 1, text->len, f), text->len);
   assert_int_equal(fclose(f), 0);
}

static SessionFile *open_as(const char *path, int scanFirst) {
   char err[512];
   SessionFileOptions o = { .readOnly = 1, .scanFirst = scanFirst };
   SessionFile *sf = SessionFile_open(path, &o, err, sizeof err);
   if (!sf)
      fail_msg("%s", err);
   return sf;
}

/* Everything an open leaves to be seen: its problems, why it is read-only,
 * the journal it holds, the meeting as a document. */
static char *what_opened(SessionFile *sf) {
   char *text = NULL;
   size_t n = 0;
   FILE *f = open_memstream(&text, &n);
   assert_non_null(f);
   for (size_t i = 0; i < SessionFile_problemCount(sf); i++)
      fprintf(f, "problem %s\n", SessionFile_problem(sf, i));
   fprintf(f, "reason %s\nlines %zu\n", SessionFile_readOnlyReason(sf), SessionFile_lineCount(sf));
   Session *s = SessionFile_session(sf);
   for (size_t i = 0; i < Session_line_count(s); i++) {
      size_t len;
      const char *l = Session_line(s, i, &len);
      fprintf(f, "%.*s\n", (int)len, l);
   }
   /* The times read from the lines, to the second. */
   fprintf(f, "last %lld\n", (long long)s->last_time);
   GvBuf scratch = GV_BUF_INIT;
   for (size_t i = 0; i < s->floor.count; i++)
      fprintf(f, "intervention %s %zu %lld %lld\n%s\n", s->floor.list[i].uuid,
              s->floor.list[i].delegation, (long long)s->floor.list[i].start,
              (long long)s->floor.list[i].end, Notes_text(&s->floor.list[i].notes, &scratch));
   GvBuf_free(&scratch);
   GvBuf c = GV_BUF_INIT;
   assert_int_equal(Session_compact(s, &c), GV_OK);
   fprintf(f, "compact %zu\n%.*s", c.len, (int)c.len, GvBuf_str(&c));
   GvBuf_free(&c);
   OutcomeOptions o = { .annexes = OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_SPEAKERS |
                                   OUTCOME_ANNEX_ACTIONS,
                        .docDate = "2017-05-12", .style = NULL };
   Outcome_write(f, s, OUTCOME_MD, &o);
   assert_int_equal(fclose(f), 0);
   return text;
}

/* The file at path opened both ways: the same. Returns what it opened to. */
static char *both_ways(const char *path) {
   SessionFile *a = open_as(path, 0), *b = open_as(path, 1);
   char *x = what_opened(a), *y = what_opened(b);
   if (strcmp(x, y) != 0) {
      size_t i = 0;
      while (x[i] && x[i] == y[i])
         i++;
      size_t from = i > 200 ? i - 200 : 0;
      fail_msg("beside and first differ at %zu:\n--- beside\n%.400s\n--- first\n%.400s", i, x + from,
               y + from);
   }
   SessionFile_close(a);
   SessionFile_close(b);
   free(y);
   return x;
}

static int setup(void **state) {
   *state = TestFile_new("beside.gavel");
   return 0;
}

static int teardown(void **state) {
   TestFile_free(*state);
   return 0;
}

/* Cut inside a unit, at an undo line, inside an escaped note: the meeting
 * is the one the whole scan gives, and it is the meeting that was made. */
static void cut_anywhere_replays_the_same(void **state) {
   TestFile *fx = *state;
   for (Middle m = MID_UNIT; m <= MID_NOTE; m++) {
      GvBuf text = GV_BUF_INIT;
      long_file(m, &text);
      write_file(fx->path, &text);
      char *seen = both_ways(fx->path);
      /* Nothing wrong with it; the undone note is not in the meeting. */
      const char *meeting = strstr(seen, "\ncompact ");
      if (strstr(seen, "problem ") || !meeting || strstr(meeting, "taken back") ||
          !strstr(meeting, "Netherlands"))
         fail_msg("middle %d: %.300s", (int)m, seen);
      if (m == MID_NOTE && !strstr(seen, "\\\\ back, tab\\\\t and a new line\\n then"))
         fail_msg("the long note is not in the journal");
      free(seen);
      GvBuf_free(&text);
   }
}

/* Command words the writers never write (any case, blanks or a tab before
 * them, quoted, escaped, aliases, `on`, undo and redo, too long) at the end of
 * a long file: the replay beside the checks, which read each line's command
 * word for it, opens what the replay reading the words itself does. */
static void odd_command_words_replay_the_same(void **state) {
   TestFile *fx = *state;
   static const char *const payloads[] = {
      "draft", "DRAFT alone", "NOTE upper case", "Floor FR", "  Next", "note\tafter a tab",
      "\tnote a tab before", "  note  two blanks", "\"note\" quoted", "n\\x41te escaped",
      "position FR supports the text", "on 1 pos DE opposes it", "Reservation NL scrutiny",
      "note taken back", "UNDO", "Redo", "uNdO", "notetoolongwordxx x", "note", "END", "end",
      "give PL", "  Give", "\tfloor",
      "note \"fully quoted\"", "undone", "redoing it", "drafts", "floor\tDE", "next", "note last",
   };
   GvBuf text = GV_BUF_INIT;
   long_file(MID_UNIT, &text);
   for (size_t i = 0; i < sizeof payloads / sizeof *payloads; i++) {
      char line[256];
      snprintf(line, sizeof line, "cmd 2017-05-14T09:%02zu:00 7a1c0de5-0000-4000-8000-%012zx %s\n",
               i, i + 1, payloads[i]);
      assert_true(SessionScan_seal(&text, line, strlen(line), GV_JOURNAL_VERSION));
   }
   write_file(fx->path, &text);
   char *seen = both_ways(fx->path);
   /* Read as commands: the alias, the upper-case note, the undone one. */
   const char *meeting = strstr(seen, "\ncompact ");
   if (!meeting || !strstr(meeting, "upper case") || !strstr(meeting, "scrutiny") ||
       !strstr(seen, "\nafter a tab\na tab before\ntwo blanks\n") ||
       strstr(meeting, "taken back") || !strstr(meeting, "note last"))
      fail_msg("%.2000s", meeting ? meeting : seen);
   free(seen);
   GvBuf_free(&text);
}

/* The n-th line (1 = the header) of text: its offset and length without '\n'. */
static size_t line_at(const GvBuf *text, long n, size_t *len) {
   size_t at = 0;
   for (long k = 1; k < n; k++)
      at += (size_t)((const char *)memchr(text->data + at, '\n', text->len - at) - (text->data + at)) + 1;
   *len = (size_t)((const char *)memchr(text->data + at, '\n', text->len - at) - (text->data + at));
   return at;
}

/* The line whose record begins "cmd TIME UUID WORD" (the first after from). */
static long find_line(const GvBuf *text, long from, const char *word) {
   long n = 1;
   size_t len, at = 0;
   for (; at < text->len; n++) {
      at = line_at(text, n, &len);
      if (n > from && len > 61 && strncmp(text->data + at + 61, word, strlen(word)) == 0)
         return n;
      at += len + 1;
   }
   fail_msg("no '%s' after line %ld", word, from);
   return 0;
}

static void reseal(GvBuf *text, long n) {
   size_t len, at = line_at(text, n, &len);
   char crc[16];
   snprintf(crc, sizeof crc, "%08lx",
            SessionScan_crc(text->data + at, len - SESSIONSCAN_SEAL_LEN) & 0xffffffffUL);
   memcpy(text->data + at + len - 8, crc, 8);
}

/* Damage in the second half, each kind alone and all at once: each named
 * at its FILE:LINE, the rest read as the whole scan reads it. */
static void second_half_damage_named_at_its_line(void **state) {
   TestFile *fx = *state;
   GvBuf base = GV_BUF_INIT;
   long_file(MID_UNDO, &base);
   long total = 0;
   for (size_t i = 0; i < base.len; i++)
      total += base.data[i] == '\n';
   /* Four notes past the middle, and the undo just after it. */
   long n1 = find_line(&base, total * 3 / 4, "note"), n2 = find_line(&base, n1, "note");
   long n3 = find_line(&base, n2, "note"), n4 = find_line(&base, n3, "note");
   long undo2 = find_line(&base, find_line(&base, total / 2 - 10, "undo"), "undo");
   for (int kind = 0; kind <= 5; kind++) {
      GvBuf text = GV_BUF_INIT;
      GvBuf_append(&text, base.data, base.len);
      size_t len, at;
      char want[6][PATH_MAX + 200];
      size_t nwant = 0;
      if (kind == 0 || kind == 5) {   /* bad UTF-8, sealed as it is */
         at = line_at(&text, n1, &len);
         text.data[at + 80] = (char)0xff;
         reseal(&text, n1);
         snprintf(want[nwant++], sizeof want[0], "%s:%ld: not valid UTF-8", fx->path, n1);
      }
      if (kind == 1 || kind == 5) {   /* a byte changed after the seal: a unit's line */
         at = line_at(&text, n2, &len);
         text.data[at + 80] ^= 1;
         snprintf(want[nwant++], sizeof want[0], "%s:%ld: checksum mismatch", fx->path, n2);
      }
      if (kind == 2 || kind == 5) {   /* a line that does not parse, sealed */
         at = line_at(&text, n3, &len);
         memcpy(text.data + at + 61, "frobn", 5);
         reseal(&text, n3);
         snprintf(want[nwant++], sizeof want[0], "%s:%ld: unknown command", fx->path, n3);
      }
      if (kind == 3 || kind == 5) {   /* a control character, sealed */
         at = line_at(&text, n4, &len);
         text.data[at + 70] = '\x01';
         reseal(&text, n4);
         snprintf(want[nwant++], sizeof want[0], "%s:%ld: control character 0x01", fx->path, n4);
      }
      if (kind == 4) {   /* the seal broken on the undo after the cut: the note stays */
         at = line_at(&text, undo2, &len);
         text.data[at + len - 1] = text.data[at + len - 1] == '0' ? '1' : '0';
         snprintf(want[nwant++], sizeof want[0], "%s:%ld: checksum mismatch", fx->path, undo2);
      }
      write_file(fx->path, &text);
      char *seen = both_ways(fx->path);
      size_t problems = 0;
      for (const char *p = seen; (p = strstr(p, "problem ")); p++)
         problems++;
      if (problems != nwant)
         fail_msg("kind %d: %zu problems, %zu wanted:\n%.2000s", kind, problems, nwant, seen);
      for (size_t k = 0; k < nwant; k++)
         if (!strstr(seen, want[k]))
            fail_msg("kind %d: no '%s' in:\n%.2000s", kind, want[k], seen);
      /* An undo whose seal broke undoes nothing: the note it took back stays. */
      const char *meeting = strstr(seen, "\ncompact ");
      assert_non_null(meeting);
      if ((kind == 4) != (strstr(meeting, "taken back") != NULL))
         fail_msg("kind %d: the note taken back is %s", kind, kind == 4 ? "gone" : "there");
      free(seen);
      GvBuf_free(&text);
   }
   GvBuf_free(&base);
}

/* What the checks across lines report, one "LINE: message" a line. */
static void keep_report(void *ud, long lineno, const char *msg) {
   GvBuf_printf(ud, "%ld: %s\n", lineno, msg);
}

/* The scan beside: every line as SessionScan_run gives it, in the caller's
 * table and in the thread's, with damage of every kind, LF and CRLF, a
 * torn tail, and the first look's kind read from each sound line. */
static void beside_scan_is_the_whole_scan(void **state) {
   (void)state;
   static const char *const bad[] = { "\xc3", "\x01", "\r", "\x7f", "G" };
   GvBuf base = GV_BUF_INIT;
   long_file(MID_UNDO, &base);
   for (int crlf = 0; crlf < 2; crlf++) {
      GvBuf text = GV_BUF_INIT;
      size_t at = 0;
      for (long n = 1; at < base.len; n++) {
         const char *nl = memchr(base.data + at, '\n', base.len - at);
         size_t len = (size_t)(nl - (base.data + at));
         size_t body = len - SESSIONSCAN_SEAL_LEN;
         /* Damage in one line in 97: sealed again (the checks of the bytes
          * find it) or not (the seal does). */
         if (n % 97 == 50 && len > 100) {
            size_t from = text.len;
            GvBuf_append(&text, base.data + at, 90);
            GvBuf_puts(&text, bad[n / 97 % 5]);
            GvBuf_append(&text, base.data + at + 90, body - 90);
            if (n / 97 % 2)
               GvBuf_printf(&text, " %08lx", SessionScan_crc(text.data + from, text.len - from) & 0xffffffffUL);
            else
               GvBuf_append(&text, base.data + at + body, SESSIONSCAN_SEAL_LEN);
         } else if (n % 97 == 60) {
            GvBuf_append(&text, base.data + at, body);   /* no seal */
         } else {
            GvBuf_append(&text, base.data + at, len);
            if (n % 1009 == 700) {   /* a copied line: across lines */
               GvBuf_puts(&text, crlf ? "\r\n" : "\n");
               GvBuf_append(&text, base.data + at, len);
            }
         }
         GvBuf_puts(&text, crlf ? "\r\n" : "\n");
         at += len + 1;
      }
      GvBuf_puts(&text, "cmd 2017-05-12T11:00:00 torn");
      assert_false(text.failed);
      char err[256];
      SessionScan whole, quick;
      SessionScanLive *live = NULL;
      GvBuf beside = GV_BUF_INIT, first = GV_BUF_INIT;
      assert_int_equal(SessionScan_run(text.data, text.len, &whole, err, sizeof err), 0);
      assert_int_equal(SessionScan_begin(text.data, text.len, &quick, &live, keep_report, &beside,
                                         err, sizeof err), 0);
      assert_non_null(live);
      assert_int_equal(quick.count, whole.count);
      size_t kinds[4] = { 0 };
      for (size_t i = 0; i < whole.count; i++) {
         const ScanLine *q = SessionScan_ready(live, &quick, i), *w = &whole.lines[i];
         if (q->start != w->start || q->len != w->len || q->lineno != w->lineno ||
             q->seal != w->seal || q->checked != w->checked || q->after != w->after)
            fail_msg("line %ld (crlf %d): len %zu/%zu seal %d/%d checked %d/%d", w->lineno, crlf,
                     q->len, w->len, q->seal, w->seal, q->checked, w->checked);
         if (w->seal != SCAN_SEAL_MISSING && w->seal != SCAN_SEAL_BAD) {
            assert_int_equal(q->ahead, Session_ahead_kind(text.data + w->start, w->len));
            kinds[q->ahead & 3]++;
         }
      }
      assert_int_equal(SessionScan_end(live, &quick), 1);
      /* The checks across lines in the thread: those of the whole scan, in
       * the same order (copied lines among the damaged ones). */
      SessionScan_crossCheck(text.data, &whole, SessionScan_kept(text.data, &whole), keep_report,
                             &first);
      assert_true(first.len > 0);
      assert_string_equal(GvBuf_str(&beside), GvBuf_str(&first));
      GvBuf_free(&beside);
      GvBuf_free(&first);
      assert_int_equal(quick.torn, 1);
      assert_int_equal(quick.tornLine.lineno, whole.tornLine.lineno);
      assert_int_equal(quick.tornLine.start, whole.tornLine.start);
      assert_int_equal(quick.goodLength, whole.goodLength);
      assert_int_equal(quick.crlf, crlf);
      /* Units, undo and redo lines were all seen; lines of each kind were damaged. */
      assert_true(kinds[SESSION_AHEAD_UNIT] > 1000 && kinds[SESSION_AHEAD_UNDO] >= 2 &&
                  kinds[SESSION_AHEAD_REDO] >= 1 && kinds[SESSION_AHEAD_NONE] > 4);
      SessionScan_free(&quick);
      SessionScan_free(&whole);
      GvBuf_free(&text);
   }
   GvBuf_free(&base);
}

/* The checks across lines read a checked line's uuid where its frame has
 * it (after a "cmd" TYPE taken as it is, or after the first blank): a
 * draft naming an intervention that exists is sound, one naming none and
 * a copied line are named at their lines, whatever the TYPE. */
static void cross_checks_read_the_uuid(void **state) {
   (void)state;
   static const char raw[] =
      "cmd 2017-05-12T09:30:00 6be302d5-0065-4006-8065-000000000001 floor FR\n"
      "cmd 2017-05-12T09:30:01 6be302d5-0065-4006-8065-000000000002 draft #6be302d5-0065-4006-8065-000000000001 a\n"
      "cmd 2017-05-12T09:30:02 6be302d5-0065-4006-8065-000000000003 draft #6be302d5-0065-4006-8065-00000000000f b\n"
      "cmd:1 2017-05-12T09:30:03 6be302d5-0065-4006-8065-000000000004 item add X\n"
      "cmd+ 2017-05-12T09:30:03 6be302d5-0065-4006-8065-000000000005 item add Y\n"
      "vote 2017-05-12T09:30:04 6be302d5-0065-4006-8065-000000000006\n"
      "cmd 2017-05-12T09:30:05 6be302d5-0065-4006-8065-000000000004 next\n"
      "cmd+ 2017-05-12T09:30:06 6be302d5-0065-4006-8065-000000000002 end\n"
      "x:y 2017-05-12T09:30:07 6be302d5-0065-4006-8065-000000000006 z\n";
   GvBuf text = GV_BUF_INIT;
   GvBuf_puts(&text, SessionScan_header());
   assert_true(SessionScan_seal(&text, raw, sizeof raw - 1, GV_JOURNAL_VERSION));
   char err[256];
   SessionScan scan;
   assert_int_equal(SessionScan_run(text.data, text.len, &scan, err, sizeof err), 0);
   assert_int_equal(scan.count, 9);
   for (size_t i = 0; i < scan.count; i++)
      assert_true(scan.lines[i].checked);
   GvBuf got = GV_BUF_INIT;
   assert_int_equal(SessionScan_crossCheck(text.data, &scan, scan.count, keep_report, &got), 4);
   assert_string_equal(GvBuf_str(&got),
                       "4: draft for an intervention that does not exist (#6be302d5-0065-4006-8065-00000000000f)\n"
                       "8: uuid 6be302d5-0065-4006-8065-000000000004 already used on line 5 (a copied line?)\n"
                       "9: uuid 6be302d5-0065-4006-8065-000000000002 already used on line 3 (a copied line?)\n"
                       "10: uuid 6be302d5-0065-4006-8065-000000000006 already used on line 7 (a copied line?)\n");
   GvBuf_free(&got);
   SessionScan_free(&scan);
   GvBuf_free(&text);
}

/* The checkers read the fields of a line whose frame they found sound
 * (Session_fields_framed): the same fields as Session_fields reads, line
 * after line, the day remembered between them. */
static void framed_fields_are_the_fields(void **state) {
   (void)state;
   static const char *const lines[] = {
      "cmd 2017-05-12T09:30:00 9e3779b1-0001-4000-8001-000000000001 set body X",
      "cmd 2017-05-12T09:31:44 6be302d5-0065-4006-8065-000000000065 note a  b ",
      "cmd 2017-05-12T09:31:45 6be302d5-0065-4006-8065-000000000066",
      "cmd:2 2017-05-12T23:59:59 6be302d5-0065-4006-8065-000000000067 item add A",
      "cmd+ 2017-05-13T00:00:00 6be302d5-0065-4006-8065-000000000068 item add B",
      "vote 2017-05-13T00:00:01 6be302d5-0065-4006-8065-000000000069",
      "cmd 2017-05-13T24:00:00 6be302d5-0065-4006-8065-00000000006a note late",
      "cmd 2017-05-13T10:61:00 6be302d5-0065-4006-8065-00000000006b note late",
      "cmd 2017-02-30T10:00:00 6be302d5-0065-4006-8065-00000000006c note no such day",
      "cmd 2017-05-13T10:00:00 6be302d5-0065-4006-8065-00000000006d note back",
      "cmd 2018-01-01T00:00:00 6be302d5-0065-4006-8065-00000000006e note a year on",
      "cmd 2018-01-01T00:00:01 6be302d5-0065-4006-8065-00000000006f note a \\n line end",
      "cmd 2018-01-01T00:00:02 6be302d5-0065-4006-8065-000000000070 note ends with \\",
      "cmd 2018-01-01T00:00:03 6be302d5-0065-4006-8065-000000000071 \\",
      "cmd 2018-01-01T00:00:04 6be302d5-0065-4006-8065-000000000072",
   };
   SessionDay a = { .start = GV_NO_TIME }, b = { .start = GV_NO_TIME };
   for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
      const char *line = lines[i];
      size_t len = strlen(line), type = (size_t)(strchr(line, ' ') - line);
      SessionFields fa = { 0 }, fb = { 0 }, fc = { 0 };
      SessionDay c = a;
      bool ra = Session_fields_framed(line, len, type, NULL, &a, &fa);
      bool rb = Session_fields(line, len, &b, &fb);
      /* The next backslash given (as the checkers find it, a chunk at a
       * time), or the line's end when there is none: the same fields. */
      const char *bs = strchr(line, '\\');
      bool rc = Session_fields_framed(line, len, type, bs ? bs : line + len, &c, &fc);
      if (rc != ra || (ra && (fc.time != fa.time || fc.plain != fa.plain || fc.word != fa.word)))
         fail_msg("line %zu: with its backslash told %d plain %d, searched %d plain %d", i, rc,
                  fc.plain, ra, fa.plain);
      if (ra != rb || (ra && (fa.time != fb.time || fa.type_len != fb.type_len ||
                              fa.uuid_len != fb.uuid_len || fa.payload != fb.payload ||
                              fa.plain != fb.plain)))
         fail_msg("line %zu: framed %d %lld %u %u %d %d, whole %d %lld %u %u %d %d", i, ra,
                  (long long)fa.time, (unsigned)fa.type_len, (unsigned)fa.uuid_len, fa.payload,
                  fa.plain, rb, (long long)fb.time, (unsigned)fb.type_len,
                  (unsigned)fb.uuid_len, fb.payload, fb.plain);
      /* plain: no backslash in the PAYLOAD, as a search of it says. */
      if (ra && fa.payload) {
         const char *payload = line + type + 1 + 20 + 37;
         assert_int_equal(fa.plain, strchr(payload, '\\') == NULL);
      }
   }
}

/* The TIME of a framed line read with the day remembered: every hour,
 * and minutes and seconds of every tens digit and unit, out of range ones
 * among them, on the day before and on a new day, as Session_fields reads
 * them. */
static void framed_times_are_the_times(void **state) {
   (void)state;
   SessionDay a = { .start = GV_NO_TIME }, b = { .start = GV_NO_TIME };
   size_t ok = 0;
   for (int day = 12; day <= 14; day++)
      for (int h = 0; h < 100; h++)
         for (int m = 0; m < 100; m += h < 30 ? 1 : 7)
            for (int sec = m % 11; sec < 100; sec += 11) {
               char line[160];
               int len = snprintf(line, sizeof line,
                                  "cmd 2017-05-%02dT%02d:%02d:%02d "
                                  "6be302d5-0065-4006-8065-000000000065 note x",
                                  day, h, m, sec);
               SessionFields fa = { 0 }, fb = { 0 };
               bool ra = Session_fields_framed(line, (size_t)len, 3, NULL, &a, &fa);
               bool rb = Session_fields(line, (size_t)len, &b, &fb);
               if (ra != rb || (ra && fa.time != fb.time))
                  fail_msg("%.19s: framed %d %lld, whole %d %lld", line + 4, ra,
                           (long long)fa.time, rb, (long long)fb.time);
               ok += ra;
               /* Now and then a line of the day after, then back. */
               if (sec == 90 && m % 5 == 0) {
                  len = snprintf(line, sizeof line,
                                 "cmd 2017-05-%02dT%02d:%02d:%02d "
                                 "6be302d5-0065-4006-8065-000000000065 note x",
                                 day + 1, h % 24, m % 60, sec % 60);
                  ra = Session_fields_framed(line, (size_t)len, 3, NULL, &a, &fa);
                  rb = Session_fields(line, (size_t)len, &b, &fb);
                  if (ra != rb || (ra && fa.time != fb.time))
                     fail_msg("%.19s: framed %d %lld, whole %d %lld", line + 4, ra,
                              (long long)fa.time, rb, (long long)fb.time);
                  /* Back: the day remembered again, for the hours past 23. */
                  len = snprintf(line, sizeof line,
                                 "cmd 2017-05-%02dT00:00:00 "
                                 "6be302d5-0065-4006-8065-000000000065 note x",
                                 day);
                  assert_true(Session_fields_framed(line, (size_t)len, 3, NULL, &a, &fa));
                  assert_true(Session_fields(line, (size_t)len, &b, &fb));
               }
            }
   assert_true(ok > 3 * 24 * 60 * 5);
}

/* Copied lines among many (the set of uuids grown well past its first
 * size): each copy named at its line with the line it copies, whatever
 * follows its uuid; no line without a copy named; then a unit cut short
 * and a draft for no line. The same from the scan's table and from the
 * thread beside a replay. */
static void copied_lines_found_among_many(void **state) {
   (void)state;
   GvBuf raw = GV_BUF_INIT;
   for (int i = 0; i < 3000; i++)
      GvBuf_printf(&raw, "cmd 2017-05-12T09:30:00 6be302d5-0065-4006-8065-%012x note %d %0*d\n", i, i,
                   120 + i % 50, i);   /* over 512 kB: read beside a replay too */
   for (int i = 0; i < 3000; i += 97)   /* copies, another PAYLOAD, or none */
      GvBuf_printf(&raw, "cmd 2017-05-12T10:00:00 6be302d5-0065-4006-8065-%012x%s\n", i,
                   i % 2 ? " end" : "");
   /* A unit cut short, a draft for a line that is there, one for none. */
   GvBuf_puts(&raw, "cmd:2 2017-05-12T10:30:00 aaaaaaaa-0000-4000-8000-000000000001 note unit\n"
                    "cmd+ 2017-05-12T10:30:00 aaaaaaaa-0000-4000-8000-000000000002 note more\n"
                    "cmd 2017-05-12T10:31:00 aaaaaaaa-0000-4000-8000-000000000003 draft "
                    "#6be302d5-0065-4006-8065-000000000005 text\n"
                    "cmd 2017-05-12T10:32:00 aaaaaaaa-0000-4000-8000-000000000004 draft "
                    "#bbbbbbbb-0000-4000-8000-000000000009 text\n");
   GvBuf text = GV_BUF_INIT;
   GvBuf_puts(&text, SessionScan_header());
   assert_true(SessionScan_seal(&text, raw.data, raw.len, GV_JOURNAL_VERSION));
   char err[256];
   SessionScan scan;
   assert_int_equal(SessionScan_run(text.data, text.len, &scan, err, sizeof err), 0);
   GvBuf got = GV_BUF_INIT, want = GV_BUF_INIT;
   size_t n = 0;
   for (int i = 0, line = 3002; i < 3000; i += 97, line++, n++)
      GvBuf_printf(&want, "%d: uuid 6be302d5-0065-4006-8065-%012x already used on line %d (a copied line?)\n",
                   line, i, i + 2);
   GvBuf_puts(&want, "3033: cmd:2 announces 2 cmd+ lines, 1 follows (lines lost from the middle of "
                     "the file?)\n3036: draft for an intervention that does not exist "
                     "(#bbbbbbbb-0000-4000-8000-000000000009)\n");
   n += 2;
   assert_int_equal(SessionScan_crossCheck(text.data, &scan, scan.count, keep_report, &got), n);
   assert_string_equal(GvBuf_str(&got), GvBuf_str(&want));
   /* The same found by the thread beside a replay, from its own table. */
   GvBuf beside = GV_BUF_INIT;
   SessionScan quick;
   SessionScanLive *live = NULL;
   assert_int_equal(SessionScan_begin(text.data, text.len, &quick, &live, keep_report, &beside, err,
                                      sizeof err), 0);
   assert_non_null(live);
   for (size_t i = 0; i < quick.count; i++)
      assert_true(SessionScan_ready(live, &quick, i)->checked);
   assert_int_equal(SessionScan_end(live, &quick), 1);
   assert_string_equal(GvBuf_str(&beside), GvBuf_str(&want));
   SessionScan_free(&quick);
   GvBuf_free(&beside);
   GvBuf_free(&got);
   GvBuf_free(&want);
   SessionScan_free(&scan);
   GvBuf_free(&text);
   GvBuf_free(&raw);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(cut_anywhere_replays_the_same, setup, teardown),
      cmocka_unit_test_setup_teardown(second_half_damage_named_at_its_line, setup, teardown),
      cmocka_unit_test_setup_teardown(odd_command_words_replay_the_same, setup, teardown),
      cmocka_unit_test(beside_scan_is_the_whole_scan),
      cmocka_unit_test(framed_fields_are_the_fields),
      cmocka_unit_test(framed_times_are_the_times),
      cmocka_unit_test(cross_checks_read_the_uuid),
      cmocka_unit_test(copied_lines_found_among_many),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
