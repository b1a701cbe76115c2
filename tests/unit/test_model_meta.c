/* Session metadata, rosters and delegations, attendance, the `at` clock,
 * the picker, and what every command line shares (unknown commands, bad
 * UTF-8, status messages). */
#include "tests/unit/test_model_fixture.h"

#include <ctype.h>

#include "model/session_copy.h"

static void set_every_key(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "set body Horizontal Working Party on Cyber Issues");
   Fx_run(f, "set title \"Horizontal Working Party on Cyber Issues\"");
   Fx_run(f, "set date 12 May 2017");
   Fx_run(f, "set place Brussels");
   Fx_run(f, "set chair MT Presidency");
   Fx_run(f, "set docno 10876/17");
   Fx_run(f, "set codes CYBER 105, COPEN 220, JAI 652");
   Fx_run(f, "set marking LIMITE");
   Fx_run(f, "set language en");
   Fx_run(f, "set from General Secretariat of the Council");
   Fx_run(f, "set to Horizontal Working Party on Cyber Issues");
   Fx_run(f, "set subject Summary of discussions");
   Fx_run(f, "set numbering letters");
   Fx_run(f, "set start 10:00");
   Fx_run(f, "set end 2017-05-12T13:05:00");
   const SessionMeta *m = &f->s->meta;
   assert_string_equal(m->body, "Horizontal Working Party on Cyber Issues");
   assert_int_equal(m->date, Date_days_from_civil(2017, 5, 12));
   assert_string_equal(m->place, "Brussels");
   assert_string_equal(m->chair, "MT Presidency");
   assert_string_equal(m->docno, "10876/17");
   assert_string_equal(m->codes, "CYBER 105, COPEN 220, JAI 652");
   assert_string_equal(m->marking, "LIMITE");
   assert_string_equal(m->language, "en");
   assert_string_equal(m->from, "General Secretariat of the Council");
   assert_string_equal(m->to, "Horizontal Working Party on Cyber Issues");
   assert_string_equal(m->subject, "Summary of discussions");
   assert_int_equal(m->numbering, GV_NUMBERING_LETTERS);
   assert_int_equal(m->start, Fx_time("2017-05-12T10:00:00"));
   assert_int_equal(Session_start_time(f->s), Fx_time("2017-05-12T10:00:00"));
   assert_int_equal(Session_end_time(f->s), Fx_time("2017-05-12T13:05:00"));
   /* canonical: dates resolved, keys lower-case */
   assert_non_null(strstr(f->out.data, " set date 2017-05-12\n"));
   assert_non_null(strstr(f->out.data, " set body Horizontal Working Party on Cyber Issues\n"));
   assert_non_null(strstr(f->out.data, " set start 2017-05-12T10:00:00\n"));
   Fx_run(f, "set marking");   /* cleared */
   assert_null(f->s->meta.marking);
   Fx_run(f, "SET NUMBERING numeric");
   assert_int_equal(f->s->meta.numbering, GV_NUMBERING_NUMERIC);
   Fx_assert_roundtrip(f);

   Fx_refuse(f, "set", GV_USAGE, "set needs KEY VALUE");
   Fx_refuse(f, "set colour red", GV_BAD_VALUE, "unknown key 'colour'");
   Fx_refuse(f, "set date 31 Mayy", GV_BAD_DATE, "unknown month 'Mayy'");
   Fx_refuse(f, "set numbering roman", GV_BAD_VALUE, "numbering is 'numeric'");
   Fx_refuse(f, "set start 25:00", GV_BAD_TIME, "invalid time");
   Fx_run_undo_redo(f, "set place Luxembourg");
   Fx_run_undo_redo(f, "set date 13 May 2017");
   Fx_run_undo_redo(f, "set numbering letters");
   Fx_run_undo_redo(f, "set end 13:30");
   Fx_run_undo_redo(f, "set chair");
   Fx_free(f);
}

static void relative_dates_follow_the_session_date(void **state) {
   (void)state;
   Fx *f = Fx_new();
   f->ctx.now = Fx_time("2026-11-27T09:00:00");   /* written up years later */
   Fx_run(f, "set date 2017-05-12");
   Fx_run(f, "deadline 31 May comments");
   assert_int_equal(f->s->rec.deadlines[0].day, Date_days_from_civil(2017, 5, 31));
   Fx_run(f, "set date 31/05");                    /* no year: the session's */
   assert_int_equal(f->s->meta.date, Date_days_from_civil(2017, 5, 31));
   Fx_free(f);
}

static void rosters_load_as_one_unit(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "roster mini");
   assert_string_equal(f->s->roster_name, "mini");
   assert_int_equal(f->s->roster.count, 15);   /* and the Chair */
   /* one cmd line and a cmd+ line per delegation */
   size_t cmd = 0, cont = 0;
   for (const char *p = f->out.data; p && *p; p = strchr(p, '\n') + 1) {
      if (strncmp(p, "cmd+ ", 5) == 0)
         cont++;
      else if (strncmp(p, "cmd:15 ", 7) == 0)   /* announces its 15 cmd+ lines */
         cmd++;
   }
   assert_int_equal(cmd, 1);
   assert_int_equal(cont, 15);
   assert_non_null(strstr(f->out.data, " delegation CHAIR kind=chair order=0 name=Chair native=Chair phrase=\"the Chair\"\n"));
   assert_non_null(strstr(f->out.data, " roster mini\ncmd+ "));
   assert_non_null(strstr(f->out.data, " delegation COM/HOME kind=institution order=40 name=\"DG Home\" native=\"DG Home\" phrase=\"the Commission (DG Home)\"\n"));
   assert_non_null(strstr(f->out.data, " delegation FR kind=ms order=10 name=France native=France phrase=\"the FR delegation\"\n"));
   assert_int_equal(Session_entry_count(f->s), 1);
   const Delegation *el = Session_delegation(f->s, Fx_del(f, "el"));
   assert_string_equal(el->native, "Ελλάδα");
   Fx_assert_roundtrip(f);
   /* undo takes the whole roster back */
   Fx_run(f, "undo");
   assert_int_equal(f->s->roster.count, 0);
   assert_string_equal(f->msg, "undid 'roster mini'");
   Fx_run(f, "redo");
   assert_int_equal(f->s->roster.count, 15);

   Fx_refuse(f, "roster nowhere", GV_ROSTER, "no roster 'nowhere'");
   Fx_refuse(f, "roster broken", GV_ROSTER, "roster 'broken': line 2: unknown kind 'planet'");
   Fx_refuse(f, "roster empty", GV_ROSTER, "has no delegations");
   Fx_refuse(f, "roster", GV_USAGE, "roster needs one NAME");
   /* the refused roster left nothing behind */
   assert_int_equal(f->s->roster.count, 15);
   assert_string_equal(f->s->roster.list[Fx_del(f, "FR")].phrase, "the FR delegation");
   f->ctx.load_roster = NULL;
   Fx_refuse(f, "roster mini", GV_ROSTER, "cannot be loaded");
   Fx_free(f);
}

/* The protocol order of rosters short and long, orders shared and given
 * out of turn, units under their delegation: the order a sort of the
 * keys (the top delegation's order and place, a unit after it, by code)
 * gives. */
static const Roster *Order_roster;

static int order_ref_cmp(const void *a, const void *b) {
   const Delegation *x = &Order_roster->list[*(const size_t *)a];
   const Delegation *y = &Order_roster->list[*(const size_t *)b];
   size_t xi = *(const size_t *)a, yi = *(const size_t *)b;
   size_t xt = x->parent != GV_NONE ? x->parent : xi, yt = y->parent != GV_NONE ? y->parent : yi;
   int xo = Order_roster->list[xt].order, yo = Order_roster->list[yt].order;
   if (xo != yo)
      return xo < yo ? -1 : 1;
   if (xt != yt)
      return xt < yt ? -1 : 1;
   if ((xt != xi) != (yt != yi))
      return xt != xi ? 1 : -1;
   return strcmp(x->code, y->code);
}

static void protocol_order_of_any_roster(void **state) {
   (void)state;
   unsigned x = 7;
   for (int count = 5; count <= 100; count += 19) {
      Fx *f = Fx_new();
      char cmd[96];
      for (int i = 0; i < count; i++) {
         x = x * 1103515245u + 12345u;
         int top = i > 2 && (x >> 16) % 4 == 0;   /* a unit of an earlier one */
         x = x * 1103515245u + 12345u;
         if (top)
            snprintf(cmd, sizeof cmd, "delegation T%d/U%d", (int)((x >> 16) % 3), i);
         else
            snprintf(cmd, sizeof cmd, "delegation T%d order=%u", i, (x >> 16) % 12);
         Fx_run(f, cmd);
      }
      const Roster *r = &f->s->roster;
      size_t got[128], want[128];
      assert_true(r->count <= 128 && r->count >= (size_t)count);
      Roster_protocol_order(r, got);
      for (size_t i = 0; i < r->count; i++)
         want[i] = i;
      Order_roster = r;
      qsort(want, r->count, sizeof *want, order_ref_cmp);
      for (size_t i = 0; i < r->count; i++)
         if (got[i] != want[i])
            fail_msg("%zu delegations: place %zu holds %s, expected %s", r->count, i,
                     r->list[got[i]].code, r->list[want[i]].code);
      Fx_free(f);
   }
}

static void delegations_and_units(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "delegation fr");
   const Delegation *d = Session_delegation(f->s, Fx_del(f, "FR"));
   assert_string_equal(d->code, "FR");
   assert_string_equal(d->name, "FR");
   assert_string_equal(d->phrase, "the FR delegation");
   assert_int_equal(d->kind, GV_KIND_MS);
   assert_int_equal(d->order, 1);
   Fx_run(f, "delegation FR name=France native=France order=10");
   d = Session_delegation(f->s, Fx_del(f, "FR"));
   assert_string_equal(d->name, "France");
   assert_int_equal(d->order, 10);
   assert_string_equal(d->phrase, "the FR delegation");   /* kept */
   Fx_run(f, "delegation COM kind=institution order=40 name=Commission phrase=\"the Commission\"");
   Fx_run(f, "delegation COM/HOME name=\"DG Home\"");
   d = Session_delegation(f->s, Fx_del(f, "com/home"));
   assert_string_equal(d->phrase, "the Commission (DG Home)");
   assert_int_equal(d->kind, GV_KIND_INSTITUTION);
   assert_int_equal(d->parent, Fx_del(f, "COM"));
   Fx_run(f, "delegation COM/JUST phrase=\"the Commission (DG Justice)\" name=\"DG Justice\"");
   Fx_run(f, "delegation ENISA kind=agency name=ENISA");
   assert_string_equal(Session_delegation(f->s, Fx_del(f, "ENISA"))->phrase, "ENISA");
   size_t order[8];
   Roster_protocol_order(&f->s->roster, order);
   assert_string_equal(f->s->roster.list[order[0]].code, "FR");
   assert_string_equal(f->s->roster.list[order[1]].code, "COM");
   assert_string_equal(f->s->roster.list[order[2]].code, "COM/HOME");
   assert_string_equal(f->s->roster.list[order[3]].code, "COM/JUST");
   assert_string_equal(f->s->roster.list[order[4]].code, "ENISA");

   Fx_refuse(f, "delegation", GV_USAGE, "delegation needs a CODE");
   Fx_refuse(f, "delegation F!R", GV_BAD_VALUE, "invalid delegation code 'F!R'");
   Fx_refuse(f, "delegation A/B/C", GV_BAD_VALUE, "invalid delegation code");
   Fx_refuse(f, "delegation EEAS/X", GV_NO_DELEGATION, "unknown delegation 'EEAS' (define it before EEAS/X)");
   Fx_refuse(f, "delegation DE kind=planet", GV_BAD_VALUE, "unknown kind 'planet'");
   Fx_refuse(f, "delegation DE order=x", GV_BAD_VALUE, "order must be a whole number");
   Fx_refuse(f, "delegation DE colour=red", GV_BAD_VALUE, "unknown key 'colour'");
   Fx_refuse(f, "delegation DE France", GV_USAGE, "expected key=value");
   Fx_refuse(f, "delegation DE name=\"\"", GV_BAD_VALUE, "name cannot be empty");
   Fx_refuse(f, "delegation DE phrase=", GV_BAD_VALUE, "phrase cannot be empty");
   assert_int_equal(Roster_find(&f->s->roster, "DE", 2), GV_NONE);
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "delegation DE name=Germany native=Deutschland order=4");
   Fx_run_undo_redo(f, "delegation DE phrase=\"the German delegation\"");
   Fx_free(f);
}

static void attendance(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_run(f, "attend all present");
   Fx_run(f, "attend ee el video");
   Fx_run(f, "attend UK absent");
   assert_int_equal(Session_delegation(f->s, Fx_del(f, "EE"))->attendance, GV_ATTEND_VIDEO);
   assert_int_equal(Session_delegation(f->s, Fx_del(f, "EL"))->attendance, GV_ATTEND_VIDEO);
   assert_int_equal(Session_delegation(f->s, Fx_del(f, "UK"))->attendance, GV_ATTEND_ABSENT);
   assert_int_equal(Session_delegation(f->s, Fx_del(f, "FR"))->attendance, GV_ATTEND_PRESENT);
   assert_int_equal(Roster_attendance(&f->s->roster, Fx_del(f, "COM/HOME")), GV_ATTEND_PRESENT);
   assert_non_null(strstr(f->out.data, " attend EE EL video\n"));
   Fx_refuse(f, "attend FR", GV_USAGE, "attend needs");
   Fx_refuse(f, "attend FR here", GV_BAD_VALUE, "unknown attendance 'here'");
   Fx_refuse(f, "attend FR XX absent", GV_NO_DELEGATION, "unknown delegation 'XX'");
   Fx_refuse(f, "attend COM/HOME absent", GV_BAD_VALUE, "attendance is recorded for COM, not for its unit COM/HOME");
   assert_int_equal(Session_delegation(f->s, Fx_del(f, "FR"))->attendance, GV_ATTEND_PRESENT);
   Fx_run_undo_redo(f, "attend FR absent");
   Fx_run_undo_redo(f, "attend all video");
   Fx_free(f);
}

static void the_at_clock(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_run(f, "set date 2017-05-12");
   f->ctx.now = Fx_time("2026-11-27T18:00:00");   /* writing the meeting up later */
   Fx_run(f, "item add A");
   Fx_run(f, "at 10:02");
   Fx_run(f, "item 1");
   assert_int_equal(Session_current_item(f->s)->taken_up, Fx_time("2017-05-12T10:02:00"));
   Fx_run(f, "give FR");
   Fx_run(f, "at 10:04:30");
   Fx_run(f, "end");
   assert_int_equal(Intervention_duration(&f->s->floor.list[0], 0), 150);
   assert_int_equal(Session_clock(f->s, 0), Fx_time("2017-05-12T10:04:30"));
   /* the journal records the meeting's times, not the typist's */
   assert_non_null(strstr(f->out.data, "cmd 2017-05-12T10:02:00 "));
   assert_non_null(strstr(f->out.data, " at 2017-05-12T10:04:30\n"));
   assert_non_null(strstr(f->out.data, "cmd 2017-05-12T10:04:30 "));
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "at 11:00");
   Fx_run(f, "at now");
   assert_int_equal(Session_clock(f->s, 42), 42);
   Fx_run(f, "at 2017-05-12T12:00:00");
   assert_int_equal(Session_clock(f->s, 42), Fx_time("2017-05-12T12:00:00"));
   Fx_refuse(f, "at", GV_USAGE, "at needs HH:MM");
   Fx_refuse(f, "at 25:00", GV_BAD_TIME, "invalid time '25:00'");
   Fx_refuse(f, "at 10:00 11:00", GV_USAGE, NULL);
   Fx_free(f);
}

static size_t match(Fx *f, const char *q, char *codes, size_t n) {
   RosterMatch m[32];
   size_t k = Roster_match(&f->s->roster, q, strlen(q), m, 32);
   size_t len = 0;
   codes[0] = '\0';
   for (size_t i = 0; i < k; i++)
      len += (size_t)snprintf(codes + len, n - len, "%s%s", i ? " " : "", f->s->roster.list[m[i].index].code);
   return k;
}

static void picker_matches_codes_and_names(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "roster mini");
   char c[256];
   match(f, "fr", c, sizeof c);
   assert_string_equal(strtok(c, " "), "FR");
   match(f, "fra", c, sizeof c);
   assert_string_equal(strtok(c, " "), "FR");
   /* a Member State's name before an agency's code: fra is France, then FRA */
   Fx_run(f, "delegation FRA kind=agency name=\"Fundamental Rights Agency\" phrase=\"the FRA\"");
   match(f, "fra", c, sizeof c);
   assert_string_equal(c, "FR FRA");
   match(f, "FRA ", c, sizeof c);
   assert_string_equal(strtok(c, " "), "FR");
   match(f, "fundamental", c, sizeof c);
   assert_string_equal(c, "FRA");
   match(f, "Fran", c, sizeof c);
   assert_string_equal(c, "FR");
   match(f, "Ελλ", c, sizeof c);
   assert_string_equal(c, "EL");
   match(f, "ελλάδα", c, sizeof c);
   assert_string_equal(c, "EL");
   match(f, "Öster", c, sizeof c);
   assert_string_equal(c, "AT");
   match(f, "oster", c, sizeof c);
   assert_string_equal(c, "AT");
   match(f, "ESPAÑA", c, sizeof c);
   assert_string_equal(c, "ES");
   match(f, "magyar", c, sizeof c);
   assert_string_equal(c, "HU");
   match(f, "kingdom", c, sizeof c);            /* a word of the name */
   assert_string_equal(c, "UK");
   match(f, "home", c, sizeof c);
   assert_string_equal(c, "COM/HOME");
   /* code prefixes first, in protocol order; then names; then substrings */
   match(f, "e", c, sizeof c);
   assert_int_equal(strncmp(c, "EE EL ES EEAS ENISA ", 20), 0);
   /* the exact code first */
   match(f, "com", c, sizeof c);
   assert_int_equal(strncmp(c, "COM COM/CNECT COM/HOME", 22), 0);
   assert_int_equal(match(f, "", c, sizeof c), 0);
   assert_int_equal(match(f, "zzz", c, sizeof c), 0);
   RosterMatch m[2];
   assert_int_equal(Roster_match(&f->s->roster, "e", 1, m, 2), 2);
   assert_true(m[0].score >= m[1].score);
   Fx_free(f);
}

static void every_line_is_checked(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_refuse(f, "", GV_EMPTY, "empty command");
   Fx_refuse(f, "   ", GV_EMPTY, "empty command");
   Fx_refuse(f, "dance FR", GV_UNKNOWN_CMD, "unknown command 'dance'");
   /* A quote left open before the command word: said so, not "unknown command 'item add X'". */
   Fx_refuse(f, "\"item add X", GV_BAD_QUOTE, "unterminated quote in 'item add X'");
   Fx_refuse(f, "note caf\xC3", GV_BAD_UTF8, "not valid UTF-8");
   Fx_refuse(f, "note a\nb", GV_BAD_VALUE, "one command per line");
   GvStatus st = Session_run(f->s, "note a\0b", 8, &f->ctx, &f->out, f->msg, sizeof f->msg);
   assert_int_equal(st, GV_BAD_VALUE);
   assert_non_null(strstr(f->msg, "NUL"));
   Fx_refuse(f, "undo now", GV_USAGE, "undo takes no arguments");
   /* command names and codes are case-insensitive; aliases exist */
   Fx_run(f, "FLOOR fr");
   Fx_run(f, "Position FR supports");
   /* a trailing newline is forgiven */
   Fx_run(f, "withdraw FR\n");
   RunContext none = f->ctx;
   none.new_uuid = NULL;
   assert_int_equal(Session_run(f->s, "tour", 4, &none, &f->out, f->msg, sizeof f->msg), GV_USAGE);
   assert_int_equal(Session_run(f->s, "tour", 4, NULL, &f->out, f->msg, sizeof f->msg), GV_USAGE);
   Fx_free(f);
}

static void status_list(void **state) {
   (void)state;
   assert_string_equal(GvStatus_name(GV_OK), "OK");
   assert_string_equal(GvStatus_message(GV_NO_DELEGATION), "unknown delegation");
   assert_string_equal(GvStatus_name(GV_NOTHING_UNDO), "NOTHING_UNDO");
   for (int i = 0; i < GV_STATUS_COUNT; i++) {
      assert_true(strlen(GvStatus_message((GvStatus)i)) > 0);
      assert_true(strlen(GvStatus_name((GvStatus)i)) > 0);
   }
   assert_string_equal(GvStatus_message(GV_STATUS_COUNT), "unknown status");
}

static void command_names_cover_the_language(void **state) {
   (void)state;
   size_t n = 0;
   Fx *f = Fx_meeting();
   for (const char *name; (name = Session_command_name(n)); n++) {
      if (n)
         assert_true(strcmp(Session_command_name(n - 1), name) < 0);
      /* every listed name is a command: refused for its arguments, never unknown */
      GvStatus st = Session_run(f->s, name, strlen(name), &f->ctx, &f->out, f->msg, sizeof f->msg);
      assert_int_not_equal(st, GV_UNKNOWN_CMD);
   }
   assert_int_equal(n, 33);
   Fx_free(f);
}

static void several_sessions_in_one_process(void **state) {
   (void)state;
   Fx *a = Fx_meeting(), *b = Fx_new();
   Fx_run(b, "roster mini");
   Fx_run(b, "item add Other");
   Fx_run(b, "item 1");
   Fx_run(a, "floor FR");
   size_t n;
   Session_queue(b->s, &n);
   assert_int_equal(n, 0);
   Session_queue(a->s, &n);
   assert_int_equal(n, 1);
   Fx_free(a);
   Fx_free(b);
}

/* Roster_find by the codes' index: the same answers as a search in order
 * (case-insensitive, exact, the first of equal codes) for every code, its
 * prefixes and codes not there, while the roster grows past several sizes
 * of the index; and in a copy that holds no index (an undo checkpoint's)
 * before and after its next Roster_add. */
static size_t find_in_order(const Roster *r, const char *code, size_t n) {
   for (size_t i = 0; i < r->count; i++) {
      const char *c = r->list[i].code;
      if (strlen(c) != n)
         continue;
      size_t k = 0;
      while (k < n && toupper((unsigned char)code[k]) == (unsigned char)c[k])
         k++;
      if (k == n)
         return i;
   }
   return GV_NONE;
}

static void roster_agrees(const Roster *r, size_t upto) {
   char q[32];
   for (size_t i = 0; i < upto + 5; i++) {
      snprintf(q, sizeof q, i % 3 ? "d%zu" : "COM/u%zu", i * 7);
      size_t n = strlen(q);
      for (size_t m = 1; m <= n; m++) {
         if (Roster_find(r, q, m) != find_in_order(r, q, m))
            fail_msg("'%.*s' after %zu codes: %zu, in order %zu", (int)m, q, upto,
                     Roster_find(r, q, m), find_in_order(r, q, m));
         /* The same code as a word of a line, NUL-terminated. */
         char word[32];
         memcpy(word, q, m);
         word[m] = '\0';
         if (Roster_find_word(r, word) != find_in_order(r, q, m))
            fail_msg("word '%s' after %zu codes: %zu, in order %zu", word, upto,
                     Roster_find_word(r, word), find_in_order(r, q, m));
      }
   }
   assert_int_equal(Roster_find_word(r, ""), GV_NONE);
}

static void roster_codes_found_by_their_index(void **state) {
   (void)state;
   Roster r;
   Roster_init(&r);
   char code[64];
   for (size_t i = 0; i < 700; i++) {
      snprintf(code, sizeof code, i % 3 ? "D%zu" : "com/U%zu", i * 7);
      assert_int_equal(Roster_add(&r, code), i);
      if (i % 97 == 0 || i == 63 || i == 64 || i == 65)
         roster_agrees(&r, i + 1);
   }
   assert_int_equal(Roster_add(&r, "d7"), 700);   /* a code again: the first one wins */
   assert_int_equal(Roster_find(&r, "D7", 2), 1);
   roster_agrees(&r, 700);
   for (size_t i = 0; i < 700; i++) {
      snprintf(code, sizeof code, i % 3 ? "d%zu" : "COM/u%zu", i * 7);
      assert_int_equal(Roster_find(&r, code, strlen(code)), i);
   }
   assert_int_equal(Roster_find(&r, "D7\0", 3), GV_NONE);
   /* Words one byte longer than a code: the code, met on the way, is no
    * match (nor is any other, unless the word is a code itself). */
   for (size_t i = 0; i < 700; i++)
      for (const char *more = "0123456789x/"; *more; more++) {
         snprintf(code, sizeof code, i % 3 ? "d%zu%c" : "COM/u%zu%c", i * 7, *more);
         if (Roster_find_word(&r, code) != find_in_order(&r, code, strlen(code)))
            fail_msg("word '%s': %zu, in order %zu", code, Roster_find_word(&r, code),
                     find_in_order(&r, code, strlen(code)));
      }
   Roster_clear(&r);

   /* a checkpoint's copy of a session's roster */
   Fx *f = Fx_new();
   for (size_t i = 0; i < 300; i++) {
      snprintf(code, sizeof code, "delegation X%zu kind=ms name=X%zu", i, i);
      Fx_run(f, code);
   }
   assert_true(f->s->roster.count >= 300);
   Session *cp = Session_new();
   assert_non_null(cp);
   assert_true(SessionCopy_state(cp, f->s));
   Roster *c = &cp->roster;
   for (size_t i = 0; i < f->s->roster.count; i++) {
      const char *k = f->s->roster.list[i].code;
      assert_int_equal(Roster_find(c, k, strlen(k)), i);
      assert_int_equal(Roster_find_word(c, k), i);   /* searched in order */
   }
   size_t added = Roster_add(c, "y1");
   assert_int_equal(Roster_find(c, "Y1", 2), added);
   for (size_t i = 0; i < f->s->roster.count; i++) {
      const char *k = f->s->roster.list[i].code;
      assert_int_equal(Roster_find(c, k, strlen(k)), i);
   }
   assert_int_equal(Roster_find(c, "X300", 4), GV_NONE);
   Session_free(cp);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(set_every_key),
      cmocka_unit_test(relative_dates_follow_the_session_date),
      cmocka_unit_test(rosters_load_as_one_unit),
      cmocka_unit_test(delegations_and_units),
      cmocka_unit_test(protocol_order_of_any_roster),
      cmocka_unit_test(attendance),
      cmocka_unit_test(the_at_clock),
      cmocka_unit_test(picker_matches_codes_and_names),
      cmocka_unit_test(every_line_is_checked),
      cmocka_unit_test(status_list),
      cmocka_unit_test(command_names_cover_the_language),
      cmocka_unit_test(several_sessions_in_one_process),
      cmocka_unit_test(roster_codes_found_by_their_index),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
