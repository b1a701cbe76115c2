/* Shared by the tests/unit/test_model_*.c suites: a session with a fake clock,
 * counting uuids and a built-in roster loader, plus a full text dump of the
 * state so that tests can compare whole states (replay, undo). */
#ifndef GAVEL_TEST_MODEL_FIXTURE_H
#define GAVEL_TEST_MODEL_FIXTURE_H

#include "tests/unit/testutil.h"

#include "model/session.h"
#include "model/utf8.h"
#include "model/words.h"

/* An intervention's notes as one string (Notes_text), in one of four
 * buffers used in turn: a test may compare a few in one expression. */
static inline const char *Fx_notes(const Intervention *iv) {
   static GvBuf bufs[4];
   static unsigned next;
   GvBuf *b = &bufs[next++ % 4];
   const char *t = Notes_text(&iv->notes, b);
   assert_false(b->failed);
   return t;
}

typedef struct Fx {
   Session *s;
   RunContext ctx;
   unsigned long counter;
   GvBuf out;        /* every canonical line run so far */
   char msg[512];
} Fx;

static void Fx_uuid(void *ud, char out[37]) {
   Fx *f = ud;
   f->counter++;
   snprintf(out, 37, "%08lx-0000-4000-8000-%012lx", f->counter, f->counter * 7919);
}

/* "mini": the delegations the reference meeting needs. */
static const char Fx_mini_roster[] =
   "delegation PRES kind=institution order=0 name=Presidency native=Presidency phrase=\"the Presidency\"\n"
   "delegation DE kind=ms order=4 name=Germany native=Deutschland\n"
   "delegation EE kind=ms order=5 name=Estonia native=Eesti\n"
   "delegation EL kind=ms order=8 name=Greece native=Ελλάδα\n"
   "delegation ES kind=ms order=9 name=Spain native=España\n"
   "delegation FR kind=ms order=10 name=France native=France\n"
   "delegation HU kind=ms order=17 name=Hungary native=Magyarország\n"
   "delegation AT kind=ms order=21 name=Austria native=Österreich\n"
   "delegation UK kind=ms order=28 name=\"United Kingdom\" native=\"United Kingdom\"\n"
   "delegation COM kind=institution order=40 name=Commission native=Commission phrase=\"the Commission\"\n"
   "delegation COM/HOME name=\"DG Home\"\n"
   "delegation COM/CNECT name=\"DG Connect\"\n"
   "delegation EEAS kind=institution order=41 name=\"European External Action Service\" phrase=\"the EEAS\"\n"
   "# a comment line is skipped\n"
   "delegation ENISA kind=agency order=50 name=ENISA\n";

static int Fx_load_roster(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen) {
   (void)ud;
   if (strcmp(name, "mini") == 0) {
      GvBuf_puts(lines, Fx_mini_roster);
      return 0;
   }
   if (strcmp(name, "broken") == 0) {
      GvBuf_puts(lines, "delegation FR kind=ms\ndelegation DE kind=planet\n");
      return 0;
   }
   if (strcmp(name, "empty") == 0)
      return 0;
   snprintf(msg, msglen, "no roster '%s'", name);
   return -1;
}

/* A seeded pseudo-random number (xorshift64*): the random meetings of the
 * property tests are the same on every run. */
static inline uint64_t Fx_rand(uint64_t *r) {
   *r ^= *r >> 12;
   *r ^= *r << 25;
   *r ^= *r >> 27;
   return *r * 2685821657736338717ULL;
}

static inline int64_t Fx_time(const char *iso) {
   int64_t t = 0;
   assert_int_equal(Time_parse_iso(iso, strlen(iso), &t), GV_OK);
   return t;
}

static inline Fx *Fx_new(void) {
   Fx *f = calloc(1, sizeof *f);
   assert_non_null(f);
   f->s = Session_new();
   assert_non_null(f->s);
   f->ctx.now = Fx_time("2017-05-12T10:00:00");
   f->ctx.new_uuid = Fx_uuid;
   f->ctx.load_roster = Fx_load_roster;
   f->ctx.ud = f;
   GvBuf_init(&f->out);
   return f;
}

static inline void Fx_free(Fx *f) {
   Session_free(f->s);
   GvBuf_free(&f->out);
   free(f);
}

static inline void Fx_run(Fx *f, const char *line) {
   GvStatus st = Session_run(f->s, line, strlen(line), &f->ctx, &f->out, f->msg, sizeof f->msg);
   if (st != GV_OK)
      fail_msg("'%s' refused: %s (%s)", line, f->msg, GvStatus_name(st));
}

/* Runs and checks the refusal: the status and a piece of its message. */
static inline void Fx_refuse(Fx *f, const char *line, GvStatus want, const char *part) {
   size_t before = f->out.len;
   size_t lines = Session_line_count(f->s);
   GvStatus st = Session_run(f->s, line, strlen(line), &f->ctx, &f->out, f->msg, sizeof f->msg);
   if (st != want)
      fail_msg("'%s': got %s (%s), wanted %s", line, GvStatus_name(st), f->msg, GvStatus_name(want));
   if (part && !strstr(f->msg, part))
      fail_msg("'%s': message '%s' lacks '%s'", line, f->msg, part);
   assert_null(strchr(f->msg, '\n'));   /* one line */
   assert_int_equal(f->out.len, before);
   assert_int_equal(Session_line_count(f->s), lines);
}

static inline void Fx_tick(Fx *f, int64_t secs) {
   f->ctx.now += secs;
}

static inline void Fx_put_time(GvBuf *b, int64_t t) {
   if (t == GV_NO_TIME) {
      GvBuf_puts(b, "-");
      return;
   }
   char iso[20];
   Time_format_iso(t, iso);
   GvBuf_puts(b, iso);
}

static inline const char *Fx_code(const Session *s, size_t d) {
   return d == GV_NONE ? "-" : s->roster.list[d].code;
}

/* The whole state as text: two sessions are the same meeting when their dumps are equal. */
static inline char *Fx_dump(const Session *s) {
   GvBuf b = GV_BUF_INIT;
   const SessionMeta *m = &s->meta;
   GvBuf_printf(&b, "meta body=%s place=%s chair=%s docno=%s codes=%s marking=%s lang=%s from=%s to=%s subject=%s numbering=%d date=%lld\n",
                m->body ? m->body : "-", m->place ? m->place : "-", m->chair ? m->chair : "-",
                m->docno ? m->docno : "-", m->codes ? m->codes : "-", m->marking ? m->marking : "-",
                m->language ? m->language : "-", m->from ? m->from : "-", m->to ? m->to : "-",
                m->subject ? m->subject : "-", (int)m->numbering, (long long)m->date);
   GvBuf_puts(&b, "start=");
   Fx_put_time(&b, m->start);
   GvBuf_puts(&b, " end=");
   Fx_put_time(&b, m->end);
   GvBuf_puts(&b, " clock=");
   Fx_put_time(&b, s->clock);
   GvBuf_printf(&b, " roster=%s\n", s->roster_name ? s->roster_name : "-");
   GvBuf_printf(&b, "meta2 numbering_set=%d date_end=%lld doc_date=%lld type=%s on_set=%d on=%s headers=%s access=%s style=%s\n",
                m->numbering_set, (long long)m->date_end, (long long)m->doc_date, m->type ? m->type : "-",
                m->on_set, m->on ? m->on : "-", m->headers ? m->headers : "-", m->access ? m->access : "-",
                m->style ? m->style : "-");
   for (size_t i = 0; i < s->roster.count; i++) {
      const Delegation *d = &s->roster.list[i];
      GvBuf_printf(&b, "del %s|%s|%s|%s|%s|%d|%s|%s|%d\n", d->code, d->name, d->native, d->phrase,
                   GvKind_word(d->kind), d->order, Fx_code(s, d->parent), GvAttendance_word(d->attendance),
                   d->retired);
   }
   for (size_t k = 0; k < Agenda_count(&s->agenda); k++) {
      size_t idx = Agenda_index_at(&s->agenda, k);
      const Item *it = Agenda_item(&s->agenda, idx);
      char path[32];
      Agenda_path(&s->agenda, idx, path, sizeof path);
      GvBuf_printf(&b, "item %s %s [%s] %s %s added=%d req=%s outcome=%s:%s notes=%s taken=",
                   path, it->uuid, it->title, GvItemKind_word(it->kind), GvItemState_word(it->state),
                   it->added, Fx_code(s, it->requested_by), GvOutcome_word(it->outcome),
                   it->outcome_text ? it->outcome_text : "-", it->notes ? it->notes : "-");
      Fx_put_time(&b, it->taken_up);
      for (size_t d = 0; d < it->ndocs; d++)
         GvBuf_printf(&b, " doc=%s", it->docs[d].text);
      GvBuf_puts(&b, " queue=");
      for (size_t q = 0; q < it->nqueue; q++)
         GvBuf_printf(&b, "%s%s,", Fx_code(s, it->queue[q].delegation), it->queue[q].point_of_order ? "!" : "");
      GvBuf_puts(&b, " ivs=");
      for (size_t q = 0; q < it->ninterventions; q++)
         GvBuf_printf(&b, "%zu,", it->interventions[q]);
      GvBuf_puts(&b, " said=");
      for (size_t q = 0; q < it->nsaid; q++)
         GvBuf_printf(&b, "%c%zu,", it->said[q].kind == GV_SAID_PARA ? 'p' : 'i', it->said[q].index);
      GvBuf_printf(&b, " during=%zu joined=%zu", it->added_during, it->joined);
      GvBuf_putc(&b, '\n');
   }
   GvBuf_printf(&b, "current=%zu speaking=%zu\n", s->agenda.current, s->floor.speaking);
   for (size_t i = 0; i < s->floor.count; i++) {
      const Intervention *iv = &s->floor.list[i];
      GvBuf_printf(&b, "iv %s item=%zu %s poo=%d ", iv->uuid, iv->item, Fx_code(s, iv->delegation), iv->point_of_order);
      Fx_put_time(&b, iv->start);
      GvBuf_putc(&b, ' ');
      Fx_put_time(&b, iv->end);
      GvBuf_printf(&b, " doc=%s notes=%zu:%s deleted=%d\n", iv->has_doc ? iv->doc->text : "-",
                   Notes_len(&iv->notes), Fx_notes(iv), iv->deleted);
   }
   for (size_t i = 0; i < s->rec.nparas; i++) {
      const Para *pa = &s->rec.paras[i];
      GvBuf_printf(&b, "para %s item=%zu kind=%d phrase=%s deleted=%d members=", pa->uuid, pa->item, (int)pa->kind,
                   pa->phrase ? pa->phrase : "-", pa->deleted);
      for (size_t m2 = 0; m2 < pa->nmembers; m2++)
         GvBuf_printf(&b, "%s,", Fx_code(s, pa->members[m2]));
      GvBuf_printf(&b, " text=%s\n", pa->text);
   }
   for (size_t i = 0; i < s->rec.npos; i++)
      GvBuf_printf(&b, "pos %s %zu %s %s %s\n", s->rec.pos[i].uuid, s->rec.pos[i].item, Fx_code(s, s->rec.pos[i].delegation),
                   GvStance_word(s->rec.pos[i].stance), s->rec.pos[i].text);
   for (size_t i = 0; i < s->rec.nres; i++)
      GvBuf_printf(&b, "res %zu %s %s %s %s\n", s->rec.res[i].item, Fx_code(s, s->rec.res[i].delegation),
                   GvReserveType_word(s->rec.res[i].type), GvReserveStatus_word(s->rec.res[i].status),
                   s->rec.res[i].text);
   for (size_t i = 0; i < s->rec.ndeadlines; i++) {
      const Deadline *d = &s->rec.deadlines[i];
      GvBuf_printf(&b, "deadline %s %zu %lld by=%s for=%s %s\n", d->uuid, d->item, (long long)d->day,
                   Fx_code(s, d->set_by), Fx_code(s, d->for_whom), d->what);
   }
   for (size_t i = 0; i < s->rec.nactions; i++) {
      const Action *a = &s->rec.actions[i];
      GvBuf_printf(&b, "action %s %zu %s %lld done=%d %s\n", a->uuid, a->item, Fx_code(s, a->owner),
                   (long long)a->due, a->done, a->what);
   }
   assert_false(b.failed);
   return b.data ? b.data : strdup("");
}

/* Replays every journal line of f into a fresh session; returns it. */
static inline Session *Fx_replay_all(const Session *from) {
   Session *s = Session_new();
   assert_non_null(s);
   char msg[512];
   for (size_t i = 0; i < Session_line_count(from); i++) {
      size_t len;
      const char *line = Session_line(from, i, &len);
      GvStatus st = Session_replay(s, line, len, msg, sizeof msg);
      if (st != GV_OK)
         fail_msg("replay of line %zu '%s' failed: %s", i + 1, line, msg);
   }
   return s;
}

/* The same, as a file is opened: undo and redo lines only marked, one
 * rebuild at the end (Session_load_begin); with `ahead`, after a first look
 * at every line (Session_load_ahead), as storage/sessionfile.c opens one. */
static inline Session *Fx_load_into(Session *s, const Session *from, bool ahead) {
   char msg[512];
   Session_load_begin(s);
   for (size_t i = 0; ahead && i < Session_line_count(from); i++) {
      size_t len;
      const char *line = Session_line(from, i, &len);
      Session_load_ahead(s, line, len);
   }
   for (size_t i = 0; i < Session_line_count(from); i++) {
      size_t len;
      const char *line = Session_line(from, i, &len);
      if (Session_replay(s, line, len, msg, sizeof msg) != GV_OK)
         fail_msg("load of line %zu '%s' failed: %s", i + 1, line, msg);
   }
   size_t bad = 0;
   if (Session_load_end(s, &bad, msg, sizeof msg) != 0)
      fail_msg("load: line %zu failed at the end: %s", bad + 1, msg);
   return s;
}

/* The journal as a file's lines, malloc'ed and NUL-ended (as a file read
 * whole is); *len its length. */
static inline char *Fx_journal_text(const Session *s, size_t *len) {
   GvBuf all = GV_BUF_INIT;
   for (size_t i = 0; i < Session_line_count(s); i++) {
      size_t n;
      const char *line = Session_line(s, i, &n);
      GvBuf_append(&all, line, n);
      GvBuf_putc(&all, '\n');
   }
   assert_false(all.failed);
   *len = all.len;
   char *t = malloc(all.len + 1);
   assert_non_null(t);
   memcpy(t, GvBuf_str(&all), all.len + 1);
   GvBuf_free(&all);
   return t;
}

/* The same as storage/sessionfile.c opens a file: the lines joined into
 * one text that the session holds (Session_hold_text), each replayed from
 * there, so that the journal's lines and the notes read are slices of it. */
static inline Session *Fx_load_held(Session *s, const Session *from, bool ahead) {
   size_t n;
   char *text = Fx_journal_text(from, &n);
   assert_true(Session_hold_text(s, text, n));
   char msg[512];
   Session_load_begin(s);
   for (size_t pass = ahead ? 0 : 1; pass < 2; pass++) {
      for (size_t at = 0, i = 1; at < n; i++) {
         char *nl = memchr(text + at, '\n', n - at);
         size_t len = (size_t)(nl - (text + at));
         if (pass == 0)
            Session_load_ahead(s, text + at, len);
         else if (Session_replay(s, text + at, len, msg, sizeof msg) != GV_OK)
            fail_msg("load of held line %zu failed: %s", i, msg);
         at += len + 1;
      }
   }
   size_t bad = 0;
   if (Session_load_end(s, &bad, msg, sizeof msg) != 0)
      fail_msg("held load: line %zu failed at the end: %s", bad + 1, msg);
   return s;
}

static inline Session *Fx_load_lines(const Session *from, bool ahead) {
   Session *s = Session_new();
   assert_non_null(s);
   return Fx_load_into(s, from, ahead);
}

static inline Session *Fx_load_all(const Session *from) {
   return Fx_load_lines(from, false);
}

/* The state survives the journal: replaying it gives the same dump, line by
 * line and as a file is loaded. */
static inline void Fx_assert_roundtrip(const Fx *f) {
   Session *copy = Fx_replay_all(f->s);
   Session *loaded = Fx_load_all(f->s);
   Session *ahead = Fx_load_lines(f->s, true);
   char *a = Fx_dump(f->s), *b = Fx_dump(copy), *c = Fx_dump(loaded), *d = Fx_dump(ahead);
   assert_string_equal(a, b);
   assert_string_equal(a, c);
   assert_string_equal(a, d);
   free(a);
   free(b);
   free(c);
   free(d);
   Session_free(copy);
   Session_free(loaded);
   Session_free(ahead);
}

/* Runs `line`, then checks that undo gives back the state before it, that
 * redo gives the state after it, and that the journal still replays. */
static inline void Fx_run_undo_redo(Fx *f, const char *line) {
   char *before = Fx_dump(f->s);
   Fx_run(f, line);
   char *after = Fx_dump(f->s);
   /* A command that changed nothing would pass every check below. */
   if (strcmp(before, after) == 0)
      fail_msg("'%s' did not change the session", line);
   Fx_run(f, "undo");
   char *undone = Fx_dump(f->s);
   assert_string_equal(before, undone);
   Fx_run(f, "redo");
   char *redone = Fx_dump(f->s);
   assert_string_equal(after, redone);
   Fx_assert_roundtrip(f);
   free(before);
   free(after);
   free(undone);
   free(redone);
}

static inline size_t Fx_item(const Fx *f, const char *path) {
   size_t idx = Agenda_find(&f->s->agenda, path, strlen(path));
   if (idx == GV_NONE)
      fail_msg("no item %s", path);
   return idx;
}

static inline size_t Fx_del(const Fx *f, const char *code) {
   size_t idx = Roster_find(&f->s->roster, code, strlen(code));
   if (idx == GV_NONE)
      fail_msg("no delegation %s", code);
   return idx;
}

/* A session with the mini roster and three items, item 1 taken up. */
static inline Fx *Fx_meeting(void) {
   Fx *f = Fx_new();
   Fx_run(f, "set date 2017-05-12");
   Fx_run(f, "roster mini");
   Fx_run(f, "item add \"Adoption of the agenda\"");
   Fx_run(f, "item add \"Information from the Presidency\"");
   Fx_run(f, "item add \"Cyber Security Strategy review\"");
   Fx_run(f, "item 1");
   return f;
}

#endif
