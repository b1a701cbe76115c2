/* Undo and redo from checkpoints, and a load that applies each line once,
 * against the full rebuild: after random sequences of commands, drafts,
 * roster loads, undos and redos (seeded, the same on every run), the live
 * state, the state of the journal loaded as a file (with and without its
 * first pass) and the state of the compacted journal replayed from nothing
 * must be one meeting. Checkpoints are taken every few units here so that
 * every path (restore, a checkpoint that no longer holds, none) is taken. */
#include "tests/unit/test_model_fixture.h"

#include <stdint.h>

#include "model/session_ahead.h"
#include "model/session_copy.h"

/* The full rebuild: the units in force and the drafts that matter (the
 * compacted journal, with no undo in it) replayed into a fresh session. */
static char *rebuilt_dump(const Session *s) {
   GvBuf c = GV_BUF_INIT;
   assert_int_equal(Session_compact(s, &c), GV_OK);
   Session *r = Session_new();
   assert_non_null(r);
   char msg[512];
   for (const char *p = GvBuf_str(&c), *end = p + c.len; p < end;) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
      if (Session_replay(r, p, n, msg, sizeof msg) != GV_OK)
         fail_msg("the compacted line '%.*s' did not replay: %s", (int)n, p, msg);
      p += n + 1;
   }
   char *d = Fx_dump(r);
   Session_free(r);
   GvBuf_free(&c);
   return d;
}

/* The state that the checkpoint cp of s stands for, dumped. */
static char *checkpoint_dump(const Session *s, const Session *cp) {
   Session *v = Session_new();
   assert_non_null(v);
   assert_true(SessionCopy_view(v, s, cp));
   char *d = Fx_dump(v);
   Session_free(v);
   return d;
}

static void assert_same_meeting(const Session *s, const char *when) {
   char *live = Fx_dump(s), *full = rebuilt_dump(s);
   if (strcmp(live, full) != 0)
      fail_msg("%s: the live state is not the full rebuild's\n--- live\n%s\n--- rebuild\n%s", when, live,
               full);
   Session *loaded = Fx_load_lines(s, true), *plain = Fx_load_lines(s, false);
   char *a = Fx_dump(loaded), *b = Fx_dump(plain);
   if (strcmp(a, full) != 0)
      fail_msg("%s: the file loaded with its first pass is not the full rebuild's", when);
   if (strcmp(b, full) != 0)
      fail_msg("%s: the file loaded is not the full rebuild's", when);
   /* The session is named by its first line, whatever became of it. */
   assert_string_equal(loaded->uuid, s->uuid);
   assert_string_equal(plain->uuid, s->uuid);
   free(a);
   free(b);
   Session_free(loaded);
   Session_free(plain);
   free(live);
   free(full);
}

static const char *const Codes[] = { "FR", "DE", "EL", "ES", "HU", "AT", "EE", "COM/HOME", "PRES" };
#define NCODES (sizeof Codes / sizeof *Codes)

/* One random command of the language (some are refused: nothing changes then). */
static void random_command(Fx *f, uint64_t *r, int step) {
   char line[256];
   const char *c1 = Codes[Fx_rand(r) % NCODES], *c2 = Codes[Fx_rand(r) % NCODES];
   /* an intervention to correct: edit, speaker, delete change it in place */
   size_t n = f->s->floor.count;
   const char *ref = n ? f->s->floor.list[Fx_rand(r) % n].uuid : "none";
   switch (Fx_rand(r) % 24) {
   case 0: snprintf(line, sizeof line, "floor %s %s", c1, c2); break;
   case 1: snprintf(line, sizeof line, "give %s", c1); break;
   case 2: snprintf(line, sizeof line, "next"); break;
   case 3: snprintf(line, sizeof line, "note said thing %d with words", step); break;
   /* escaped in the journal: read back as text of its own, not a slice */
   case 4: snprintf(line, sizeof line, "note said \\ thing %d\\nwith words", step); break;
   case 5:
   case 6: snprintf(line, sizeof line, "draft typing %d, still typing", step); break;
   case 7: snprintf(line, sizeof line, "end"); break;
   case 8: snprintf(line, sizeof line, "pos %s %s text %d", c1, step % 2 ? "supports" : "concerns", step); break;
   case 9: snprintf(line, sizeof line, "reserve %s scrutiny", c1); break;
   case 10: snprintf(line, sizeof line, "lift %s scrutiny", c1); break;
   case 11: snprintf(line, sizeof line, "item %d", (int)(Fx_rand(r) % 3) + 1); break;
   case 12: snprintf(line, sizeof line, "item add \"Item %d\"", step); break;
   case 13: snprintf(line, sizeof line, "action %s - task %d", c1, step); break;
   case 14: snprintf(line, sizeof line, "paragraph Delegations spoke %d.", step); break;
   case 15: snprintf(line, sizeof line, "set place Brussels %d", step); break;
   case 16: snprintf(line, sizeof line, "roster mini"); break;
   case 17: snprintf(line, sizeof line, "tour"); break;
   case 18: snprintf(line, sizeof line, "withdraw %s", c1); break;
   case 19: snprintf(line, sizeof line, "edit %.8s edited %d", ref, step); break;
   case 20: snprintf(line, sizeof line, "speaker %.8s %s", ref, c1); break;
   case 21: snprintf(line, sizeof line, "delete %.8s", ref); break;
   case 22: snprintf(line, sizeof line, "presents WK %d/17", 100 + step); break;
   default: snprintf(line, sizeof line, "attend %s absent", c1); break;
   }
   Fx_tick(f, 1 + (int64_t)(Fx_rand(r) % 40));
   Session_run(f->s, line, strlen(line), &f->ctx, &f->out, f->msg, sizeof f->msg);
}

/* Loaded as a session opened read-only is: replayed lines take no
 * checkpoint. Held: from a text the session holds, as a file is opened. */
static Session *load_without_checkpoints(const Session *from, bool held) {
   Session *s = Session_new();
   assert_non_null(s);
   s->replay_no_checkpoints = true;
   return held ? Fx_load_held(s, from, true) : Fx_load_into(s, from, true);
}

/* Opened as a file is: the notes read are slices of the text it holds. */
static Session *load_held(const Session *from) {
   Session *s = Session_new();
   assert_non_null(s);
   return Fx_load_held(s, from, true);
}

static size_t checkpoints_held(const Session *s) {
   size_t held = 0;
   for (size_t i = 0; i < GV_CHECKPOINTS; i++)
      held += s->checkpoints[i].state != NULL;
   return held;
}

static void random_history(uint64_t seed, size_t every, int steps) {
   uint64_t r = seed * 0x9E3779B97F4A7C15ULL + 1;
   Fx *f = Fx_meeting();
   f->s->checkpoint_every = every;
   char when[96];
   for (int step = 0; step < steps; step++) {
      uint64_t roll = Fx_rand(&r) % 100;
      if (roll < 12) {
         /* a run of undos, sometimes past several checkpoints */
         int n = 1 + (int)(Fx_rand(&r) % (roll < 3 ? 12 : 3));
         for (int k = 0; k < n; k++)
            Session_run(f->s, "undo", 4, &f->ctx, &f->out, f->msg, sizeof f->msg);
      } else if (roll < 20) {
         int n = 1 + (int)(Fx_rand(&r) % 4);
         for (int k = 0; k < n; k++)
            Session_run(f->s, "redo", 4, &f->ctx, &f->out, f->msg, sizeof f->msg);
      } else if (roll < 24) {
         /* undo after a load: the session is opened again from its journal,
          * sometimes as a read-only session is (without checkpoints), mostly
          * from a text it holds, as a file is */
         Session *loaded = roll == 20   ? Fx_load_lines(f->s, true)
                           : roll == 21 ? load_without_checkpoints(f->s, false)
                           : roll == 22 ? load_without_checkpoints(f->s, true)
                                        : load_held(f->s);
         loaded->checkpoint_every = every;
         Session_free(f->s);
         f->s = loaded;
      } else {
         random_command(f, &r, step);
      }
      snprintf(when, sizeof when, "seed %llu, every %zu, step %d", (unsigned long long)seed, every, step);
      assert_same_meeting(f->s, when);
   }
   Fx_free(f);
}

/* The lines of s are those of the text it holds, byte for byte. */
static void assert_lines_are_the_file(const Session *s, const char *text, size_t nlines) {
   const char *p = text;
   for (size_t i = 0; i < nlines; i++) {
      size_t n;
      const char *l = Session_line(s, i, &n);
      assert_ptr_equal(l, p);   /* still the slice */
      assert_int_equal(strlen(l), n);
      p += n + 1;
   }
}

/* Notes read from a file the session holds are slices of its text, in a
 * list shared with the undo checkpoint (model/floor.h). A note typed on
 * one, an edit, and the undos that rebuild from the checkpoint and replay
 * the notes that follow it must leave each holder its own notes, and the
 * file's text as it was. */
static void notes_read_from_the_file_stay_right(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   /* 24 units in all: the load's checkpoint (every 2) falls before the
    * last two, notes on FR's second intervention, which has four already
    * (a list with room for one more: it must not take one in place). */
   const char *script[] = {
      "give FR", "note first words", "note second words", "pos FR supports", "note third words",
      "note escaped \\\\ one\\nline two", "give DE", "draft DE typed in full",
      "note DE after the draft", "give EL", "note EL's only words", "give FR", "note again FR",
      "note and again FR", "note more FR", "note still more FR", "pos DE concerns", "note third FR",
      "note the last one",
   };
   for (size_t i = 0; i < sizeof script / sizeof *script; i++) {
      Fx_tick(f, 7);
      Fx_run(f, script[i]);
   }
   char *want = Fx_dump(f->s);
   size_t nlines = Session_line_count(f->s);
   Session *s = Session_new();
   assert_non_null(s);
   s->checkpoint_every = 2;
   Fx_load_held(s, f->s, true);
   Session_free(f->s);
   f->s = s;
   char *got = Fx_dump(s);
   assert_string_equal(got, want);
   free(got);
   const char *text = s->journal.held;
   /* A note alone is a slice of the file's text, read in place. */
   const Intervention *el = Session_intervention(s, 2), *fr = Session_intervention(s, 3);
   GvBuf b = GV_BUF_INIT;
   const char *t = Notes_text(&el->notes, &b);
   assert_true(t >= text && t < text + s->journal.held_len);
   assert_true(b.data == NULL);
   assert_string_equal(Fx_notes(Session_intervention(s, 1)), "DE typed in full\nDE after the draft");
   assert_string_equal(Notes_text(&fr->notes, &b),
                       "again FR\nand again FR\nmore FR\nstill more FR\nthird FR\nthe last one");
   assert_string_equal(Fx_notes(Session_intervention(s, 0)),
                       "first words\nsecond words\nthird words\nescaped \\ one\nline two");
   assert_true(checkpoints_held(s) > 0);
   char fr_ref[40];
   snprintf(fr_ref, sizeof fr_ref, "edit %.8s", fr->uuid);
   /* Each undo rebuilds from the checkpoint and replays FR's notes after it. */
   const char *live[] = { "undo", "undo", "redo", "redo", "note typed live", "undo", "undo", "undo",
                          "redo", "redo", "redo" };
   for (size_t i = 0; i < sizeof live / sizeof *live; i++) {
      Fx_tick(f, 5);
      Fx_run(f, live[i]);
      assert_same_meeting(s, live[i]);
      assert_lines_are_the_file(s, text, nlines);
   }
   char line[80];
   snprintf(line, sizeof line, "%s replaced whole", fr_ref);
   Fx_run(f, line);
   assert_string_equal(Fx_notes(Session_intervention(s, 3)), "replaced whole");
   Fx_run(f, "undo");
   assert_same_meeting(s, "undo of the edit");
   assert_string_equal(Fx_notes(Session_intervention(s, 3)),
                       "again FR\nand again FR\nmore FR\nstill more FR\nthird FR\nthe last one\ntyped live");
   Fx_run(f, "redo");
   assert_same_meeting(s, "redo of the edit");
   assert_string_equal(Fx_notes(Session_intervention(s, 3)), "replaced whole");
   for (int i = 0; i < 4; i++)
      Fx_run(f, "undo");
   assert_same_meeting(s, "four undos");
   assert_string_equal(Fx_notes(Session_intervention(s, 3)), "again FR\nand again FR\nmore FR\nstill more FR");
   assert_lines_are_the_file(s, text, nlines);
   GvBuf_free(&b);
   free(want);
   Fx_free(f);
}

/* Runs line, then undoes it from the checkpoint taken just before it. */
static void undone_from_the_checkpoint(Fx *f, const char *line) {
   char *before = Fx_dump(f->s);
   Fx_tick(f, 3);
   Fx_run(f, line);
   char *after = Fx_dump(f->s);
   if (strcmp(before, after) == 0)
      fail_msg("'%s' did not change the session", line);
   Fx_run(f, "undo");
   assert_true(SessionCopy_current(f->s, f->s->checkpoints[0].state));   /* not a full rebuild */
   assert_same_meeting(f->s, line);
   char *undone = Fx_dump(f->s);
   if (strcmp(undone, before) != 0) {
      const char *a = undone, *b = before;
      while (*a && *a == *b)
         a++, b++;
      while (a > undone && a[-1] != '\n')
         a--, b--;
      fail_msg("'%s' undone: '%.120s' where it was '%.120s'", line, a, b);
   }
   Fx_run(f, "redo");
   assert_same_meeting(f->s, line);
   free(before);
   free(after);
   free(undone);
}

/* A checkpoint borrows the session's interventions: every command that
 * changes one in place (an intervention the checkpoint has, untouched since)
 * must leave it as it was for the undo. */
static void corrections_in_place_are_undone_from_the_checkpoint(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   f->s->checkpoint_every = 1;
   Fx_run(f, "give FR");
   Fx_run(f, "note FR's words");
   Fx_run(f, "give DE");
   Fx_run(f, "presents WK 5192/17");
   Fx_run(f, "end");
   char line[96];
   const Intervention *fr = &f->s->floor.list[0];
   snprintf(line, sizeof line, "edit %.8s other words", fr->uuid);
   undone_from_the_checkpoint(f, line);
   snprintf(line, sizeof line, "speaker %.8s EL", f->s->floor.list[0].uuid);
   undone_from_the_checkpoint(f, line);
   snprintf(line, sizeof line, "delete %.8s", f->s->floor.list[0].uuid);
   undone_from_the_checkpoint(f, line);
   /* a draft is no unit: undone is the unit before it, and the draft,
    * replayed after the checkpoint, stays */
   Fx_run(f, "set place Brussels");
   snprintf(line, sizeof line, "draft #%s typed again", f->s->floor.list[0].uuid);
   Fx_run(f, line);
   Fx_run(f, "undo");
   assert_same_meeting(f->s, line);
   assert_string_equal(Fx_notes(&f->s->floor.list[0]), "typed again");
   /* the note target: the last intervention on the item */
   undone_from_the_checkpoint(f, "note added to DE's");
   undone_from_the_checkpoint(f, "presents WK 6000/17");
   /* the running one: its end, and a delete that ends it */
   Fx_run(f, "give EL");
   Fx_run(f, "set place Luxembourg");
   undone_from_the_checkpoint(f, "end");
   snprintf(line, sizeof line, "delete %.8s", f->s->floor.list[2].uuid);
   undone_from_the_checkpoint(f, line);
   Fx_free(f);
}

static void undo_from_checkpoints_is_the_full_rebuild(void **state) {
   (void)state;
   const size_t every[] = { 1, 2, 3, 5, 8, GV_CHECKPOINT_EVERY };
   for (uint64_t seed = 1; seed <= 12; seed++)
      random_history(seed, every[seed % (sizeof every / sizeof *every)], 160);
}

/* Checkpoints copy the whole state: typing n units must cost O(n) copies
 * worth in all, not n/K copies of O(n) (quadratic), and an undo still
 * replays a bounded share of the meeting. */
static void checkpoint_copies_grow_linearly(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   double per_unit[3];
   size_t n = 10000;
   for (int row = 0; row < 3; row++, n *= 10) {
      double cost = 0;   /* units copied by every checkpoint up to n */
      for (size_t p = 1; p <= n; p++) {
         size_t k = Session_checkpoint_spacing(f->s, p);
         assert_true(k >= GV_CHECKPOINT_EVERY);
         assert_true((k & (k - 1)) == 0);
         /* an undo replays at most a sixteenth of the meeting (or K) */
         assert_true(k <= GV_CHECKPOINT_EVERY || k <= p / 16);
         if (p % k == 0)
            cost += (double)p;
      }
      per_unit[row] = cost / (double)n;
   }
   /* flat from 10k to 1M units (a fixed spacing grows tenfold a row) */
   assert_true(per_unit[1] < per_unit[0] * 1.5 + 1);
   assert_true(per_unit[2] < per_unit[1] * 1.5 + 1);
   /* a test's fixed spacing is kept */
   f->s->checkpoint_every = 3;
   assert_int_equal(Session_checkpoint_spacing(f->s, 1000000), 3);
   Fx_free(f);
}

/* A checkpoint is used, not only kept: undoing the newest of many units
 * applies only what follows the last checkpoint (counted through the draft
 * targets the rebuild sets again: one before the checkpoint keeps its own). */
static void undo_replays_only_after_the_checkpoint(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   f->s->checkpoint_every = 4;
   Fx_run(f, "set place Brussels");
   Fx_run(f, "undo");   /* a load defers all that follows: its end takes the checkpoints */
   char line[64];
   for (int i = 0; i < 20; i++) {
      snprintf(line, sizeof line, "give %s", Codes[i % NCODES]);
      Fx_run(f, line);
      snprintf(line, sizeof line, "note n%d", i);
      Fx_run(f, line);
   }
   size_t held = 0;
   for (size_t i = 0; i < GV_CHECKPOINTS; i++)
      held += f->s->checkpoints[i].state != NULL;
   assert_int_equal(held, GV_CHECKPOINTS);
   /* A checkpoint's state is its own: the live meeting goes on without it changing. */
   const SessionCheckpoint *newest = &f->s->checkpoints[0];
   for (size_t i = 1; i < GV_CHECKPOINTS; i++)
      if (f->s->checkpoints[i].entry > newest->entry)
         newest = &f->s->checkpoints[i];
   size_t count = newest->state->floor.count;
   assert_true(count < f->s->floor.count);
   char *before = checkpoint_dump(f->s, newest->state);
   Fx_run(f, "draft replaced whole");
   Fx_run(f, "note appended");
   /* It keeps what the session changed of its interventions as it was. */
   assert_int_equal(newest->state->floor.nbefore, 1);
   char *changed = checkpoint_dump(f->s, newest->state);
   assert_string_equal(before, changed);
   free(changed);
   Fx_run(f, "undo");
   Fx_run(f, "undo");
   char *after = checkpoint_dump(f->s, newest->state);
   assert_string_equal(before, after);
   /* The undos started from it, and it borrows the floor still: a replay
    * from the start would have made the floor anew. */
   assert_true(SessionCopy_current(f->s, newest->state));
   assert_same_meeting(f->s, "after two undos");
   /* The same after a load: the end of the load took the checkpoints. */
   Fx_run(f, "redo");
   Session *s = Session_new();
   s->checkpoint_every = 4;
   Session_load_begin(s);
   for (size_t i = 0; i < Session_line_count(f->s); i++) {
      size_t len;
      const char *l = Session_line(f->s, i, &len);
      Session_load_ahead(s, l, len);
   }
   for (size_t i = 0; i < Session_line_count(f->s); i++) {
      size_t len;
      const char *l = Session_line(f->s, i, &len);
      assert_int_equal(Session_replay(s, l, len, f->msg, sizeof f->msg), GV_OK);
   }
   size_t bad = 0;
   assert_int_equal(Session_load_end(s, &bad, f->msg, sizeof f->msg), 0);
   Session *live = f->s;
   f->s = s;
   Fx_run(f, "undo");
   bool used = false;
   for (size_t i = 0; i < GV_CHECKPOINTS; i++)
      used |= s->checkpoints[i].state && SessionCopy_current(s, s->checkpoints[i].state);
   assert_true(used);
   assert_same_meeting(s, "undo after a load");
   Session_free(live);
   free(before);
   free(after);
   Fx_free(f);
}

/* The first pass saw a line the load then left out (a line the scan
 * refused): its guess of the first unit undone is one unit early, and the
 * end must find it out and rebuild the whole meeting. */
static void a_wrong_first_pass_costs_time_only(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "set body A");
   Fx_run(f, "set body B");
   Fx_run(f, "undo");
   Fx_run(f, "undo");
   assert_null(f->s->meta.body);
   assert_same_meeting(f->s, "the first unit undone");
   Session *s = Session_new();
   char msg[512];
   const char *extra = "cmd 2017-05-12T10:00:00 00000099-0000-4000-8000-000000000099 set place P";
   Session_load_begin(s);
   Session_load_ahead(s, extra, strlen(extra));
   for (size_t i = 0; i < Session_line_count(f->s); i++) {
      size_t len;
      const char *line = Session_line(f->s, i, &len);
      Session_load_ahead(s, line, len);
   }
   for (size_t i = 0; i < Session_line_count(f->s); i++) {
      size_t len;
      const char *line = Session_line(f->s, i, &len);
      assert_int_equal(Session_replay(s, line, len, msg, sizeof msg), GV_OK);
   }
   size_t bad = 0;
   assert_int_equal(Session_load_end(s, &bad, msg, sizeof msg), 0);
   assert_null(s->meta.body);
   assert_null(s->meta.place);
   Session_free(s);
   /* The pass did not see a line replayed: a unit it took for the undone
    * one is in force, and the one undone had been applied. */
   Fx *g = Fx_new();
   Fx_run(g, "set body A");
   Fx_run(g, "set body B");
   Fx_run(g, "undo");
   s = Session_new();
   Session_load_begin(s);
   for (size_t i = 0; i < Session_line_count(g->s); i++) {
      size_t len;
      const char *line = Session_line(g->s, i, &len);
      Session_load_ahead(s, line, len);
   }
   for (size_t i = 0; i < Session_line_count(g->s); i++) {
      size_t len;
      const char *line = Session_line(g->s, i, &len);
      if (i == 1)
         assert_int_equal(Session_replay(s, extra, strlen(extra), msg, sizeof msg), GV_OK);
      assert_int_equal(Session_replay(s, line, len, msg, sizeof msg), GV_OK);
   }
   assert_int_equal(Session_load_end(s, &bad, msg, sizeof msg), 0);
   assert_string_equal(s->meta.body, "A");
   assert_string_equal(s->meta.place, "P");
   Session_free(s);
   Fx_free(g);
   Fx_free(f);
}

/* Journal times: a line of the same day as the line before is read as
 * Time_parse_iso reads it, refusals included. */
static void journal_times_of_one_day_read_alike(void **state) {
   (void)state;
   Session *s = Session_new();
   char msg[256];
   const struct { const char *time; bool ok; } lines[] = {
      { "2017-05-12T10:00:00", true },  { "2017-05-12T24:00:00", false },
      { "2017-05-12T23:60:00", false }, { "2017-05-12T23:59:60", false },
      { "2017-05-12T1a:00:00", false }, { "2017-05-12 10:00:00", false },
      { "2017-05-12T23:59:59", true },  { "2017-05-13T00:00:01", true },
      { "2017-02-30T10:00:00", false }, { "2017-02-30T10:00:01", false },
      { "2017-05-12T09:30:05", true },
   };
   for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
      char line[128];
      snprintf(line, sizeof line, "cmd %s 00000%03zu-0000-4000-8000-000000000001 set place P%zu",
               lines[i].time, i, i);
      GvStatus st = Session_replay(s, line, strlen(line), msg, sizeof msg);
      if ((st == GV_OK) != lines[i].ok)
         fail_msg("%s: %s", lines[i].time, GvStatus_name(st));
      int64_t want = 0;
      if (lines[i].ok) {
         assert_int_equal(Time_parse_iso(lines[i].time, 19, &want), GV_OK);
         assert_int_equal(s->last_time, want);
      } else {
         assert_int_not_equal(Time_parse_iso(lines[i].time, 19, &want), GV_OK);
      }
   }
   Session_free(s);
}

/* A time of the remembered day with one byte of HH:MM:SS (or the 'T', or a
 * byte of the day) changed is refused, or read, exactly as by a session
 * that remembers no day: same status, same message, same time. */
static void journal_times_of_one_day_bytewise(void **state) {
   (void)state;
   /* the highest and lowest of each field: a byte let through shows up as
    * a time in range on one of them */
   const char *bases[] = { "2017-05-12T23:59:59", "2017-05-12T00:00:00" };
   const char subs[] = { '0', '9', '/', ':', 'a', ' ', '-', 'T', '\x7f', '\x80', '\xff', '\x01' };
   size_t refused = 0;
   for (size_t at = 0; at < 19 * 2; at++) {
      for (size_t k = 0; k < sizeof subs; k++) {
         char time[20];
         memcpy(time, bases[at / 19], 20);
         time[at % 19] = subs[k];
         char line[128], msg1[256], msg2[256];
         snprintf(line, sizeof line, "cmd %s 00000001-0000-4000-8000-000000000001 set place X",
                  time);
         Session *warm = Session_new(), *cold = Session_new();
         const char *first = "cmd 2017-05-12T10:00:00 00000000-0000-4000-8000-000000000001 set "
                             "place P";
         assert_int_equal(Session_replay(warm, first, strlen(first), msg1, sizeof msg1), GV_OK);
         GvStatus a = Session_replay(warm, line, strlen(line), msg1, sizeof msg1);
         GvStatus b = Session_replay(cold, line, strlen(line), msg2, sizeof msg2);
         if (a != b || strcmp(msg1, msg2) != 0)
            fail_msg("%s: %s '%s' / %s '%s'", time, GvStatus_name(a), msg1, GvStatus_name(b), msg2);
         int64_t want = 0;
         if (Time_parse_iso(time, 19, &want) == GV_OK) {
            assert_int_equal(a, GV_OK);
            assert_int_equal(warm->last_time, want);
            assert_int_equal(cold->last_time, want);
         } else {
            assert_int_not_equal(a, GV_OK);
            refused++;
         }
         Session_free(warm);
         Session_free(cold);
      }
   }
   assert_true(refused > 200);
}

/* A session opened read-only keeps no checkpoint of what it replays, from
 * the file or appended to it; an undo line that comes after all rebuilds
 * the same meeting and takes them then. */
static void a_read_only_load_keeps_no_checkpoints(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   char line[64];
   for (int i = 0; i < 2 * GV_CHECKPOINT_EVERY + 10; i++) {
      if (i % 2)
         snprintf(line, sizeof line, "note n%d", i);
      else
         snprintf(line, sizeof line, "give %s", Codes[i % NCODES]);
      Fx_run(f, line);
   }
   Session *plain = Fx_load_lines(f->s, true);
   assert_true(checkpoints_held(plain) > 0);
   Session *ro = load_without_checkpoints(f->s, true);
   assert_int_equal(checkpoints_held(ro), 0);
   char *a = Fx_dump(plain), *b = Fx_dump(ro);
   assert_string_equal(a, b);
   free(a);
   free(b);
   /* lines another writer appends, an undo among them */
   size_t from = Session_line_count(f->s);
   for (int i = 0; i < GV_CHECKPOINT_EVERY; i++) {
      snprintf(line, sizeof line, "note more %d", i);
      Fx_run(f, line);
   }
   Fx_run(f, "undo");
   for (size_t i = from; i < Session_line_count(f->s); i++) {
      size_t len;
      const char *l = Session_line(f->s, i, &len);
      if (i + 1 == Session_line_count(f->s))
         assert_int_equal(checkpoints_held(ro), 0);
      assert_int_equal(Session_replay(ro, l, len, f->msg, sizeof f->msg), GV_OK);
   }
   assert_true(checkpoints_held(ro) > 0);   /* the undo's rebuild took them */
   a = Fx_dump(f->s);
   b = Fx_dump(ro);
   assert_string_equal(a, b);
   free(a);
   free(b);
   Session_free(plain);
   Session_free(ro);
   Fx_free(f);
}

/* The first look's kind of a line (Session_ahead_kind, which tells the
 * usual unit by one byte) is SessionAhead_kind's, line after line: every
 * payload start, blanks and line ends before and after it, frames one byte
 * off. */
static void ahead_kind_of_every_line_start(void **state) {
   (void)state;
   static const char *const starts[] = {
      "undo", "UNDO", "Undo x", "undone", "redo", "Redo", "redone", "draft x", "DRAFT", "drafts",
      "note x", "next", "u", "r", "d", "x", " undo", "\tredo", "  draft", " note", "\t", " ",
      "", "\r", "\n", "\rundo", "Uno", "(", ")", "\xc3\xa9", "Dx", "R", "U",
   };
   static const char *const frames[] = {
      "cmd 2017-05-12T10:00:00 6be302d5-0065-4006-8065-000000000068 ",
      "cmd:2 2017-05-12T10:00:00 6be302d5-0065-4006-8065-000000000068 ",
      "cmd+ 2017-05-12T10:00:00 6be302d5-0065-4006-8065-000000000068 ",
      "cmd 2017-05-12T10:00:00 6be302d5-0065-4006-8065-00000000006 ",
      "cmd 2017-05-12T10:00:00 6be302d5-0065-4006-8065-0000000000689 ",
      "cmd 2017-05-12T10:00:00  6be302d5-0065-4006-8065-000000000068 ",
      "cmdx2017-05-12T10:00:00 6be302d5-0065-4006-8065-000000000068 ",
      "vote 2017-05-12T10:00:00 6be302d5-0065-4006-8065-000000000068 ",
   };
   static const char *const ends[] = { "", "\n", "\r\n", " ", "\r" };
   char line[256];
   for (size_t f = 0; f < sizeof frames / sizeof *frames; f++)
      for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
         for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
            int n = snprintf(line, sizeof line, "%s%s%s", frames[f], starts[i], ends[e]);
            for (size_t len = 0; len <= (size_t)n; len++)
               if (Session_ahead_kind(line, len) != SessionAhead_kind(line, len))
                  fail_msg("'%.*s' (%zu bytes): %u, the first look %u", (int)len, line, len,
                           Session_ahead_kind(line, len), SessionAhead_kind(line, len));
         }
}

/* A file's lines replayed with their fields read ahead (Session_fields, as
 * the checks beside an open's replay read them): every uuid is taken where
 * it stands in the line, followed by a blank and the PAYLOAD rather than a
 * NUL, and every entity made from it (items, interventions, positions,
 * paragraphs, deadlines, actions) must get the 36 bytes and no more; the
 * command named by the fields splits its words as its name does (where
 * the TEXT of note, pos, reserve, outcome and draft starts). */
static void fields_replay_takes_each_uuid_where_it_stands(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR DE EE");
   Fx_run(f, "next");
   Fx_run(f, "note the first note");
   Fx_run(f, "give AT");
   Fx_run(f, "pos FR supports the compromise");
   Fx_run(f, "item add \"A late item\"");
   Fx_run(f, "action FR 2017-06-01 send written comments");
   Fx_run(f, "deadline 31 May written comments");
   Fx_run(f, "paragraph The Chair summed up.");
   Fx_run(f, "reserve hu scrutiny pending the vote in parliament");
   Fx_run(f, "reserve at linguistic");
   Fx_run(f, "outcome agreed as it stands");
   Fx_run(f, "next");
   Fx_run(f, "draft typed over the notes");
   Fx_run(f, "end");
   size_t n;
   char *text = Fx_journal_text(f->s, &n);
   Session *s = Session_new();
   assert_non_null(s);
   assert_true(Session_hold_text(s, text, n));
   Session_load_begin(s);
   SessionDay day;
   memset(&day, 0, sizeof day);
   day.start = GV_NO_TIME;
   char msg[512];
   size_t lines = 0;
   for (size_t at = 0; at < n; lines++) {
      char *nl = memchr(text + at, '\n', n - at);
      size_t len = (size_t)(nl - (text + at));
      SessionFields fl;
      assert_true(Session_fields(text + at, len, &day, &fl));
      assert_int_equal(fl.uuid_len, 36);
      if (Session_replay_fields(s, text + at, len, &fl, msg, sizeof msg) != GV_OK)
         fail_msg("line %zu: %s", lines + 1, msg);
      at += len + 1;
   }
   size_t bad = 0;
   assert_int_equal(Session_load_end(s, &bad, msg, sizeof msg), 0);
   char *a = Fx_dump(f->s), *b = Fx_dump(s);
   assert_string_equal(a, b);
   assert_true(s->floor.count >= 3 && s->rec.npos == 1 && s->rec.nactions == 1);
   assert_int_equal(strlen(s->floor.list[0].uuid), 36);
   assert_int_equal(strlen(s->rec.pos[0].uuid), 36);
   free(a);
   free(b);
   Session_free(s);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(ahead_kind_of_every_line_start),
      cmocka_unit_test(fields_replay_takes_each_uuid_where_it_stands),
      cmocka_unit_test(undo_from_checkpoints_is_the_full_rebuild),
      cmocka_unit_test(notes_read_from_the_file_stay_right),
      cmocka_unit_test(corrections_in_place_are_undone_from_the_checkpoint),
      cmocka_unit_test(undo_replays_only_after_the_checkpoint),
      cmocka_unit_test(checkpoint_copies_grow_linearly),
      cmocka_unit_test(a_read_only_load_keeps_no_checkpoints),
      cmocka_unit_test(a_wrong_first_pass_costs_time_only),
      cmocka_unit_test(journal_times_of_one_day_read_alike),
      cmocka_unit_test(journal_times_of_one_day_bytewise),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
