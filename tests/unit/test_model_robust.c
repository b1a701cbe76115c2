/* Random command lines, deterministic: whatever is typed, a command either
 * applies and journals, or is refused with one line and changes nothing; and
 * the journal always replays to the same state. */
#include "tests/unit/test_model_fixture.h"

static uint64_t Rng_state = 88172645463325252ULL;

static uint32_t rnd(uint32_t n) {
   Rng_state ^= Rng_state << 13;
   Rng_state ^= Rng_state >> 7;
   Rng_state ^= Rng_state << 17;
   return (uint32_t)(Rng_state % n);
}

static const char *const Vocab[] = {
   "set", "body", "date", "numbering", "letters", "roster", "mini", "delegation", "kind=agency",
   "order=3", "name=\"X Y\"", "attend", "all", "present", "video", "absent", "at", "10:02", "now",
   "item", "add", "under", "doc", "kind", "info", "aob", "requested", "title", "move", "before",
   "after", "drop", "postpone", "done", "1", "2", "3", "3.1", "2.1", "9", "floor", "first", "tour",
   "withdraw", "next", "give", "end", "note", "draft", "presents", "pos", "supports", "opposes",
   "reserve", "lift", "scrutiny", "outcome", "agreed", "deadline", "31", "May", "2017-05-31",
   "action", "-", "undo", "redo", "FR", "de", "EL", "COM/HOME", "XX", "ST", "10876/17", "WK",
   "4977/17", "INIT", "REV", "\"", "\\n", "Ελλάδα", "\xC3", "Österreich", "#", "\"quoted words\"",
   "31/05", "2.1.1",
};

static const char *const Starts[] = {
   "floor FR", "floor DE EL", "floor ES first", "give", "next", "end", "tour", "withdraw",
   "note", "draft", "item", "item add", "item move", "item drop", "item postpone", "pos FR",
   "reserve HU", "lift HU", "outcome", "deadline", "action FR", "undo", "redo", "at", "attend",
   "set", "presents", "delegation", "done",
};

static void random_lines_never_half_apply(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "item add Sub under 2");
   size_t accepted = 0, refused = 0;
   for (int i = 0; i < 3000; i++) {
      char line[512];
      size_t len = 0;
      int words = (int)rnd(4);
      len = (size_t)snprintf(line, sizeof line, "%s", Starts[rnd(sizeof Starts / sizeof *Starts)]);
      for (int k = 0; k < words; k++) {
         const char *w = Vocab[rnd(sizeof Vocab / sizeof *Vocab)];
         len += (size_t)snprintf(line + len, sizeof line - len, " %s", w);
      }
      Fx_tick(f, rnd(90));
      char *before = i % 5 == 0 ? Fx_dump(f->s) : NULL;
      size_t lines = Session_line_count(f->s), out = f->out.len;
      GvStatus st = Session_run(f->s, line, len, &f->ctx, &f->out, f->msg, sizeof f->msg);
      if (st == GV_OK) {
         accepted++;
         assert_true(f->out.len > out);
         assert_true(Session_line_count(f->s) > lines);
      } else {
         refused++;
         assert_true(strlen(f->msg) > 0);
         assert_null(strchr(f->msg, '\n'));
         assert_int_equal(f->out.len, out);
         assert_int_equal(Session_line_count(f->s), lines);
         if (before) {
            char *after = Fx_dump(f->s);
            if (strcmp(before, after) != 0)
               fail_msg("refused '%s' (%s) changed the state", line, f->msg);
            free(after);
         }
      }
      free(before);
      if (i % 500 == 499)
         Fx_assert_roundtrip(f);
   }
   Fx_assert_roundtrip(f);
   print_message("      %zu accepted, %zu refused\n", accepted, refused);
   assert_true(accepted > 300);
   assert_true(refused > 300);
   Fx_free(f);
}

/* Random bytes as journal lines: refused or kept, never a crash. */
static void random_journal_lines(void **state) {
   (void)state;
   Session *s = Session_new();
   char msg[256];
   for (int i = 0; i < 3000; i++) {
      char line[128];
      size_t len = rnd(sizeof line);
      for (size_t k = 0; k < len; k++)
         line[k] = (char)(rnd(4) ? "cmd+ 2017-05-12T10:00:00 u floor item \"\\"[rnd(40)] : (char)rnd(256));
      Session_replay(s, line, len, msg, sizeof msg);
   }
   Session_free(s);
}

/* One command line holds at most GV_LINE_MAX bytes: the : line, a paste and
 * gavel exec share the bound; a note one byte longer is refused whole. */
static void a_line_longer_than_the_limit_is_refused(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR");
   Fx_run(f, "next");
   size_t n = GV_LINE_MAX + 1;
   char *line = malloc(n + 1);
   assert_non_null(line);
   memcpy(line, "note ", 5);
   memset(line + 5, 'a', n - 5);
   line[n] = '\0';
   size_t out = f->out.len;
   assert_int_equal(Session_run(f->s, line, n, &f->ctx, &f->out, f->msg, sizeof f->msg), GV_BAD_VALUE);
   assert_non_null(strstr(f->msg, "longer than 1 MiB"));
   assert_int_equal(f->out.len, out);
   /* A line of exactly the limit is taken. */
   assert_int_equal(Session_run(f->s, line, n - 1, &f->ctx, &f->out, f->msg, sizeof f->msg), GV_OK);
   free(line);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(random_lines_never_half_apply),
      cmocka_unit_test(random_journal_lines),
      cmocka_unit_test(a_line_longer_than_the_limit_is_refused),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
