/* The state image (model/session_image.c) against the full replay: for
 * random meetings (seeded, the same on every run), the image of the state
 * after the journal's first lines, read back over the same text, and the
 * lines after it replayed, must be the meeting the whole journal replays to:
 * the same state dump, compacted journal, Markdown outcome, journal and what
 * a screen reads; and it must stay so through more commands, undo and redo.
 * A damaged image is refused. */
#include "tests/unit/test_model_fixture.h"

#include <stdint.h>
#include <stdio.h>

#include "model/session_image.h"
#include "render/outcome.h"

static const char *const Codes[] = { "FR", "DE", "EL", "ES", "HU", "AT", "EE", "COM/HOME", "PRES" };
#define NCODES (sizeof Codes / sizeof *Codes)

/* One random command of the language (some are refused: nothing changes). */
static void random_command(Fx *f, uint64_t *r, int step) {
   char line[256];
   const char *c1 = Codes[Fx_rand(r) % NCODES], *c2 = Codes[Fx_rand(r) % NCODES];
   size_t n = f->s->floor.count;
   const char *ref = n ? f->s->floor.list[Fx_rand(r) % n].uuid : "none";
   size_t na = f->s->rec.nactions;
   const char *act = na ? f->s->rec.actions[Fx_rand(r) % na].uuid : "none";
   switch (Fx_rand(r) % 35) {
   case 0: snprintf(line, sizeof line, "floor %s %s", c1, c2); break;
   case 1: snprintf(line, sizeof line, "give %s", c1); break;
   case 2: snprintf(line, sizeof line, "next"); break;
   case 3:
   case 24: snprintf(line, sizeof line, "note said thing %d with words", step); break;
   case 4: snprintf(line, sizeof line, "note said \\ thing %d\\nwith \\\\ words", step); break;
   case 5:
   case 6: snprintf(line, sizeof line, "draft typing %d, still typing", step); break;
   case 7: snprintf(line, sizeof line, "end"); break;
   case 8: snprintf(line, sizeof line, "pos %s %s text %d", c1, step % 2 ? "supports" : "concerns", step); break;
   case 9: snprintf(line, sizeof line, "reserve %s scrutiny", c1); break;
   case 10: snprintf(line, sizeof line, "lift %s scrutiny", c1); break;
   case 11: snprintf(line, sizeof line, "item %d", (int)(Fx_rand(r) % 3) + 1); break;
   case 12: snprintf(line, sizeof line, "item add \"Item %d\" doc WK %d/17 dossier Dossier %d", step, step, step % 3); break;
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
   case 23: snprintf(line, sizeof line, "deadline 31 May comments %d by %s for %s", step, c1, c2); break;
   case 25: snprintf(line, sizeof line, "done %.8s", act); break;
   case 26: snprintf(line, sizeof line, "group several delegations (%s, %s): asked %d", c1, c2, step); break;
   case 27: snprintf(line, sizeof line, "outcome agreed Text %d", step); break;
   case 28: snprintf(line, sizeof line, "set header \"Label %d\" value", step); break;
   case 29: snprintf(line, sizeof line, "item dossier %d Roaming %d", (int)(Fx_rand(r) % 3) + 1, step); break;
   case 30: snprintf(line, sizeof line, "set marking LIMITE"); break;
   case 31: snprintf(line, sizeof line, "item move %d after %d", (int)(Fx_rand(r) % 3) + 1, (int)(Fx_rand(r) % 3) + 1); break;
   case 32: snprintf(line, sizeof line, "ask %s", c1); break;
   case 33: snprintf(line, sizeof line, "item join %d %d", (int)(Fx_rand(r) % 3) + 1, (int)(Fx_rand(r) % 3) + 2); break;
   default: snprintf(line, sizeof line, "attend %s absent", c1); break;
   }
   Fx_tick(f, 1 + (int64_t)(Fx_rand(r) % 40));
   Session_run(f->s, line, strlen(line), &f->ctx, &f->out, f->msg, sizeof f->msg);
}

/* A random meeting, undos and redos among its commands. */
static Fx *random_meeting(uint64_t seed, int steps) {
   uint64_t r = seed * 0x9E3779B97F4A7C15ULL + 1;
   Fx *f = Fx_meeting();
   Fx_run(f, "set body Horizontal Working Party on Cyber Issues");
   Fx_run(f, "set codes CYBER 105, COPEN 220");
   for (int step = 0; step < steps; step++) {
      uint64_t roll = Fx_rand(&r) % 100;
      const char *w = roll < 10 ? "undo" : roll < 15 ? "redo" : NULL;
      if (w)
         Session_run(f->s, w, 4, &f->ctx, &f->out, f->msg, sizeof f->msg);
      else
         random_command(f, &r, step);
   }
   return f;
}

/* Byte offset of the start of line k of text. */
static size_t line_start(const char *text, size_t len, size_t k) {
   size_t at = 0;
   for (size_t i = 0; i < k && at < len; i++)
      at += (size_t)((const char *)memchr(text + at, '\n', len - at) - (text + at)) + 1;
   return at;
}

/* Replays text[from..len) into s, as a file's load does. */
static void replay_from(Session *s, char *text, size_t from, size_t len, bool ahead) {
   char msg[512];
   Session_load_begin(s);
   for (int pass = ahead ? 0 : 1; pass < 2; pass++)
      for (size_t at = from; at < len;) {
         char *nl = memchr(text + at, '\n', len - at);
         size_t n = (size_t)(nl - (text + at));
         if (pass == 0)
            Session_load_ahead(s, text + at, n);
         else if (Session_replay(s, text + at, n, msg, sizeof msg) != GV_OK)
            fail_msg("replay of '%.*s' failed: %s", (int)n, text + at, msg);
         at += n + 1;
      }
   size_t bad = 0;
   if (Session_load_end(s, &bad, msg, sizeof msg) != 0)
      fail_msg("line %zu failed at the end: %s", bad + 1, msg);
}

/* A new session holding a copy of text (as an open holds the file's). */
static Session *holding_copy(const char *text, size_t len, char **held) {
   Session *s = Session_new();
   assert_non_null(s);
   char *t = malloc(len + 1);
   assert_non_null(t);
   memcpy(t, text, len + 1);
   assert_true(Session_hold_text(s, t, len));
   *held = t;
   return s;
}

/* The whole text replayed, as an open without an image. */
static Session *full_load(const char *text, size_t len) {
   char *t;
   Session *s = holding_copy(text, len, &t);
   replay_from(s, t, 0, len, true);
   return s;
}

/* The image of the state after text[0..covered). */
static void image_of_prefix(const char *text, size_t len, size_t covered, GvBuf *img) {
   char *t;
   Session *s = holding_copy(text, len, &t);
   replay_from(s, t, 0, covered, true);
   assert_true(SessionImage_write(s, img));
   Session_free(s);
}

/* The image read over the whole text, and the rest replayed. NULL when refused. */
static Session *image_load(const char *text, size_t len, const void *img, size_t ilen,
                           size_t covered, char *msg, size_t msglen) {
   char *t;
   Session *s = holding_copy(text, len, &t);
   if (!SessionImage_read(s, img, ilen, covered, msg, msglen)) {
      Session_free(s);
      return NULL;
   }
   replay_from(s, t, covered, len, false);
   return s;
}

static char *outcome_md(const Session *s) {
   char *buf = NULL;
   size_t len = 0;
   FILE *out = open_memstream(&buf, &len);
   assert_non_null(out);
   OutcomeOptions o = { .annexes = OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_SPEAKERS |
                                   OUTCOME_ANNEX_ACTIONS };
   Outcome_write(out, s, OUTCOME_MD, &o);
   fclose(out);
   return buf;
}

/* What a screen and the journal readers see, beyond the state dump. */
static char *screen_dump(const Session *s) {
   GvBuf b = GV_BUF_INIT;
   GvBuf_printf(&b, "uuid=%s undo=%d redo=%d lines=%zu entries=%zu reflen=%zu cur=%zu\n", s->uuid,
                Session_can_undo(s), Session_can_redo(s), Session_line_count(s),
                Session_entry_count(s), Session_ref_len(s), Session_current_index(s));
   GvBuf_printf(&b, "start=%lld end=%lld clock=%lld last=%lld awaiting=%zu\n",
                (long long)Session_start_time(s), (long long)Session_end_time(s),
                (long long)Session_clock(s, 0), (long long)s->last_time, Session_replay_awaiting(s));
   const Intervention *sp = Session_speaker(s);
   GvBuf_printf(&b, "speaker=%s\n", sp ? sp->uuid : "-");
   size_t nq = 0;
   const QueueEntry *q = Session_queue(s, &nq);
   for (size_t i = 0; i < nq; i++)
      GvBuf_printf(&b, "q %zu %d\n", q[i].delegation, q[i].point_of_order);
   for (size_t i = 0; i < Session_line_count(s); i++) {
      size_t n;
      const char *l = Session_line(s, i, &n);
      assert_int_equal(strlen(l), n);
      GvBuf_printf(&b, "L %s\n", l);
   }
   for (size_t i = 0; i < Session_entry_count(s); i++) {
      const JournalEntry *e = Session_entry(s, i);
      GvBuf_printf(&b, "E %u %u %u %d %d\n", e->first, e->nlines, e->target, e->kind, e->in_force);
   }
   for (size_t item = 0; item < s->agenda.count; item++) {
      for (size_t k = 0; Session_position(s, item, k); k++)
         GvBuf_printf(&b, "P %zu %s\n", item, Session_position(s, item, k)->uuid);
      for (size_t k = 0; Session_reservation(s, item, k); k++)
         GvBuf_printf(&b, "R %zu %s\n", item, Session_reservation(s, item, k)->uuid);
      for (size_t d = 0; d < s->roster.count; d++) {
         const Position *p = Session_position_of(s, item, d);
         if (p)
            GvBuf_printf(&b, "PO %zu %zu %s\n", item, d, p->uuid);
      }
   }
   for (size_t d = 0; d < s->roster.count; d++)
      GvBuf_printf(&b, "find %s %zu\n", s->roster.list[d].code,
                   Roster_find(&s->roster, s->roster.list[d].code, strlen(s->roster.list[d].code)));
   for (size_t i = 0; i < s->agenda.count; i++)
      GvBuf_printf(&b, "item %s %zu\n", s->agenda.items[i].uuid,
                   Agenda_find_uuid(&s->agenda, s->agenda.items[i].uuid, 36));
   for (size_t i = 0; i < s->rec.ndeadlines; i++)
      GvBuf_printf(&b, "D %s %lld %s %zu %zu\n", s->rec.deadlines[i].uuid,
                   (long long)s->rec.deadlines[i].day, s->rec.deadlines[i].what,
                   s->rec.deadlines[i].set_by, s->rec.deadlines[i].for_whom);
   for (size_t i = 0; i < s->rec.nactions; i++)
      GvBuf_printf(&b, "A %s %s %d %lld\n", s->rec.actions[i].uuid, s->rec.actions[i].what,
                   s->rec.actions[i].done, (long long)s->rec.actions[i].done_at);
   for (size_t i = 0; i < s->agenda.count; i++)
      GvBuf_printf(&b, "dossier %s\n", s->agenda.items[i].dossier ? s->agenda.items[i].dossier : "-");
   assert_false(b.failed);
   char *d = strdup(GvBuf_str(&b));
   GvBuf_free(&b);
   return d;
}

static void assert_same(const Session *a, const Session *b, const char *when) {
   char *x = Fx_dump(a), *y = Fx_dump(b);
   if (strcmp(x, y) != 0)
      fail_msg("%s: states differ\n--- full\n%s\n--- image\n%s", when, x, y);
   free(x);
   free(y);
   GvBuf ca = GV_BUF_INIT, cb = GV_BUF_INIT;
   assert_int_equal(Session_compact(a, &ca), GV_OK);
   assert_int_equal(Session_compact(b, &cb), GV_OK);
   if (strcmp(GvBuf_str(&ca), GvBuf_str(&cb)) != 0)
      fail_msg("%s: compacted journals differ", when);
   GvBuf_free(&ca);
   GvBuf_free(&cb);
   x = outcome_md(a);
   y = outcome_md(b);
   if (strcmp(x, y) != 0)
      fail_msg("%s: Markdown outcomes differ", when);
   free(x);
   free(y);
   x = screen_dump(a);
   y = screen_dump(b);
   if (strcmp(x, y) != 0)
      fail_msg("%s: what a screen reads differs\n--- full\n%s\n--- image\n%s", when, x, y);
   free(x);
   free(y);
}

/* The same commands on both, the same clock and uuids. */
static void both_run(Fx *fa, Fx *fb, const char *line) {
   GvStatus a = Session_run(fa->s, line, strlen(line), &fa->ctx, &fa->out, fa->msg, sizeof fa->msg);
   GvStatus b = Session_run(fb->s, line, strlen(line), &fb->ctx, &fb->out, fb->msg, sizeof fb->msg);
   if (a != b)
      fail_msg("'%s': %s after a full replay, %s after an image", line, GvStatus_name(a),
               GvStatus_name(b));
}

static void image_equals_full_replay(void **state) {
   (void)state;
   for (uint64_t seed = 1; seed <= 24; seed++) {
      Fx *f = random_meeting(seed, 120 + (int)(seed % 5) * 40);
      size_t len;
      char *text = Fx_journal_text(f->s, &len);
      size_t nlines = Session_line_count(f->s);
      size_t cuts[] = { 0, 1, nlines / 3, nlines / 2, nlines - 1, nlines };
      for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
         /* Not in the middle of a unit: an image is taken between commands. */
         size_t k = cuts[c];
         while (k > 0 && k < nlines && memcmp(text + line_start(text, len, k), "cmd+", 4) == 0)
            k--;
         size_t covered = line_start(text, len, k);
         char when[96];
         snprintf(when, sizeof when, "seed %llu, image of %zu of %zu lines",
                  (unsigned long long)seed, k, nlines);
         GvBuf img = GV_BUF_INIT;
         image_of_prefix(text, len, covered, &img);
         char msg[256];
         Session *full = full_load(text, len);
         Session *im = image_load(text, len, img.data, img.len, covered, msg, sizeof msg);
         if (!im)
            fail_msg("%s: %s", when, msg);
         assert_same(full, im, when);
         /* More commands on both, undo and redo among them. */
         Fx *fa = Fx_new(), *fb = Fx_new();
         Session_free(fa->s);
         Session_free(fb->s);
         fa->s = full;
         fb->s = im;
         fa->counter = fb->counter = f->counter;
         fa->ctx.now = fb->ctx.now = f->ctx.now;
         /* Commands that read the state as the image left it come before
          * the first undo, which rebuilds it from the journal. */
         const char *more[] = { "item add \"Late item\"", "floor FR DE", "note after the image",
                                "draft a draft", "undo", "undo", "redo", "undo", "undo", "redo",
                                "redo", "pos FR supports more", "note one\\ntwo", "undo", "redo" };
         for (size_t m = 0; m < sizeof more / sizeof *more; m++) {
            Fx_tick(fa, 7);
            Fx_tick(fb, 7);
            both_run(fa, fb, more[m]);
            char w2[160];
            snprintf(w2, sizeof w2, "%s, then '%s'", when, more[m]);
            assert_same(fa->s, fb->s, w2);
         }
         Fx_free(fa);
         Fx_free(fb);
         GvBuf_free(&img);
      }
      free(text);
      Fx_free(f);
   }
}

/* A meeting's journal and the image of its first half. */
typedef struct Case {
   Fx *f;
   char *text;
   size_t len, covered;
   GvBuf img;
} Case;

static void case_new(Case *c) {
   c->f = random_meeting(7, 200);
   c->text = Fx_journal_text(c->f->s, &c->len);
   size_t k = Session_line_count(c->f->s) / 2;
   while (k > 0 && memcmp(c->text + line_start(c->text, c->len, k), "cmd+", 4) == 0)
      k--;
   c->covered = line_start(c->text, c->len, k);
   GvBuf_init(&c->img);
   image_of_prefix(c->text, c->len, c->covered, &c->img);
}

static void case_free(Case *c) {
   free(c->text);
   GvBuf_free(&c->img);
   Fx_free(c->f);
}

static void refused(const Case *c, const char *img, size_t ilen, size_t covered, const char *part) {
   char msg[256] = "";
   Session *s = image_load(c->text, c->len, img, ilen, covered, msg, sizeof msg);
   if (s)
      fail_msg("an image accepted where '%s' was wanted", part);
   if (!strstr(msg, part))
      fail_msg("message '%s' lacks '%s'", msg, part);
}

static void a_damaged_image_is_refused(void **state) {
   (void)state;
   Case c;
   case_new(&c);
   char *img = malloc(c.img.len);
   memcpy(img, c.img.data, c.img.len);
   char msg[256];
   /* As written, it reads. */
   Session *s = image_load(c.text, c.len, img, c.img.len, c.covered, msg, sizeof msg);
   if (!s)
      fail_msg("%s", msg);
   Session_free(s);
   /* Cut anywhere: refused, never read past its end. */
   for (size_t cut = 0; cut < c.img.len; cut += 1 + cut / 8)
      refused(&c, img, cut, c.covered, "refused");
   /* Another version, another build. */
   img[12]++;
   refused(&c, img, c.img.len, c.covered, "another version");
   img[12]--;
   img[16]++;
   refused(&c, img, c.img.len, c.covered, "another build");
   img[16]--;
   img[0] = 'X';
   refused(&c, img, c.img.len, c.covered, "not a state image");
   img[0] = 'g';
   /* A text shorter than the lines it names. */
   refused(&c, img, c.img.len, c.covered / 2, "outside the file");
   /* A byte more at the end. */
   char *more = malloc(c.img.len + 1);
   memcpy(more, img, c.img.len);
   more[c.img.len] = 0;
   refused(&c, more, c.img.len + 1, c.covered, "after the end");
   free(more);
   /* Any single byte changed: read whole (every index in range) or refused,
    * never read out of bounds (the file around it has a checksum: what is
    * read then is for the sanitizers to watch). */
   size_t read_whole = 0;
   for (size_t at = 0; at < c.img.len; at += 3) {
      char was = img[at];
      img[at] = (char)(was ^ 0x5a);
      char *t;
      s = holding_copy(c.text, c.len, &t);
      read_whole += SessionImage_read(s, img, c.img.len, c.covered, msg, sizeof msg);
      Session_free(s);
      img[at] = was;
   }
   assert_true(read_whole > 0);
   free(img);
   case_free(&c);
}

/* Cut at every byte, each cut in a block of its own size: refused, and the
 * sanitizers see any read past the cut (the arrays and the interventions'
 * heads are checked for room once, then read without a check per field). */
static void an_image_cut_at_any_byte_is_refused(void **state) {
   (void)state;
   Case c;
   case_new(&c);
   for (size_t cut = 0; cut < c.img.len; cut++) {
      char *img = malloc(cut ? cut : 1);
      assert_non_null(img);
      memcpy(img, c.img.data, cut);
      refused(&c, img, cut, c.covered, "refused");
      free(img);
   }
   case_free(&c);
}

/* The image stands for the text's first bytes: lines and notes become slices
 * of the text held, not copies. */
static void lines_and_notes_are_slices_of_the_text(void **state) {
   (void)state;
   Case c;
   case_new(&c);
   char msg[256];
   char *t;
   Session *s = holding_copy(c.text, c.len, &t);
   assert_true(SessionImage_read(s, c.img.data, c.img.len, c.covered, msg, sizeof msg));
   size_t slices = 0;
   for (size_t i = 0; i < Session_line_count(s); i++) {
      size_t n;
      const char *l = Session_line(s, i, &n);
      assert_true(l >= t && l < t + c.covered);
      slices++;
   }
   assert_true(slices > 0);
   size_t held_notes = 0;
   for (size_t i = 0; i < s->floor.count; i++) {
      const char *p = Notes_piece(&s->floor.list[i].notes, 0);
      held_notes += p >= t && p < t + c.covered;
   }
   assert_true(held_notes > 0);
   Session_free(s);
   case_free(&c);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(image_equals_full_replay),
      cmocka_unit_test(a_damaged_image_is_refused),
      cmocka_unit_test(lines_and_notes_are_slices_of_the_text),
      cmocka_unit_test(an_image_cut_at_any_byte_is_refused),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
