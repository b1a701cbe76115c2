/* The journal: canonical lines, replay, unknown event types, undo and redo
 * by replay, rollback after a failed write, compaction, and the cost of it
 * all on a long meeting. */
#include "tests/unit/test_model_fixture.h"

#include <time.h>

/* A bit of everything, so that a round trip exercises every command. */
static void busy_meeting(Fx *f) {
   const char *script[] = {
      "set body Horizontal Working Party on Cyber Issues", "set date 12 May 2017",
      "set marking LIMITE", "set numbering letters", "roster mini", "attend all present",
      "attend UK absent", "delegation COM/JUST name=\"DG Justice\"",
      "item add \"Adoption of the agenda\" doc CM 2622/1/17 REV 1", "item add Information",
      "item add Review", "item add \"Sub one\" under 3", "item add \"Sub two\" under 3 doc WK 4977/17",
      "item add AOB kind aob", "item move 4 before 1", "item move 1 after 4", "item 1", "at 10:05",
      "item add \"Information from HU\" under 4 kind info requested HU", "floor FR DE", "floor EL first",
      "next", "note raised a point of order", "draft raised a point of order, at length",
      "next", "presents WK 5192/17", "note presented \"their\" non-paper\\nsecond line", "tour",
      "withdraw ES", "give COM/HOME", "end", "pos FR supports", "pos DE concerns about the scope",
      "reserve HU scrutiny", "reserve HU scrutiny", "lift HU scrutiny", "outcome agreed adopted",
      "item 3.2", "deadline 31 May written comments on WK 4977/17", "action FR - circulate the paper",
      "item postpone 2", "item title 3 Cyber Security Strategy review", "item doc 3 8946/17",
      "item kind 2 info", "set start 10:00", "item drop 4.1", "at now",
   };
   for (size_t i = 0; i < sizeof script / sizeof *script; i++) {
      Fx_tick(f, 17);
      Fx_run(f, script[i]);
   }
   char line[80];
   snprintf(line, sizeof line, "done %.8s", f->s->rec.actions[0].uuid);
   Fx_run(f, line);
}

static void journal_lines_have_the_documented_form(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "set body Cyber");
   assert_string_equal(f->out.data, "cmd 2017-05-12T10:00:00 00000001-0000-4000-8000-000000001eef set body Cyber\n");
   assert_string_equal(f->s->uuid, "00000001-0000-4000-8000-000000001eef");
   const char *type, *uuid, *payload;
   size_t tl, pl;
   int64_t t;
   size_t len;
   const char *l = Session_line(f->s, 0, &len);
   assert_int_equal(Session_split_line(l, len, &type, &tl, &t, &uuid, &payload, &pl), GV_OK);
   assert_int_equal(tl, 3);
   assert_int_equal(t, Fx_time("2017-05-12T10:00:00"));
   assert_memory_equal(uuid, "00000001-", 9);
   assert_int_equal(pl, strlen("set body Cyber"));
   assert_int_equal(Session_split_line("cmd 2017-05-12 x", 16, &type, &tl, &t, &uuid, &payload, &pl), GV_BAD_LINE);
   int v = 0;
   assert_true(Journal_parse_header("gavel-session 1\n", 16, &v));
   assert_int_equal(v, 1);
   assert_false(Journal_parse_header("gavel-session x", 15, &v));
   assert_false(Journal_parse_header("gavel 1", 7, &v));
   Fx_free(f);
}

/* A session that holds the text it replays keeps the lines as slices of it:
 * the same lines, NUL-terminated, in the text's memory; undo, redo and a
 * rollback work on them as on copies, and Session_free frees the text. */
static void held_text_lines_are_slices(void **state) {
   (void)state;
   Fx *f = Fx_new();
   busy_meeting(f);
   Fx_run(f, "undo");
   Fx_run(f, "redo");
   GvBuf all = GV_BUF_INIT;
   for (size_t i = 0; i < Session_line_count(f->s); i++) {
      size_t n;
      const char *l = Session_line(f->s, i, &n);
      GvBuf_append(&all, l, n);
      GvBuf_putc(&all, '\n');
   }
   assert_false(all.failed);
   char *text = malloc(all.len);
   assert_non_null(text);
   memcpy(text, all.data, all.len);
   Session *s = Session_new();
   assert_true(Session_hold_text(s, text, all.len));
   assert_false(Session_hold_text(s, text, all.len));   /* one text only */
   Session_load_begin(s);
   char msg[256];
   for (size_t at = 0; at < all.len;) {
      const char *nl = memchr(text + at, '\n', all.len - at);
      assert_int_equal(Session_replay(s, text + at, (size_t)(nl - (text + at)), msg, sizeof msg), GV_OK);
      at = (size_t)(nl - text) + 1;
   }
   size_t bad;
   assert_int_equal(Session_load_end(s, &bad, msg, sizeof msg), 0);
   assert_int_equal(Session_line_count(s), Session_line_count(f->s));
   for (size_t i = 0; i < Session_line_count(s); i++) {
      size_t n;
      const char *l = Session_line(s, i, &n);
      assert_true(l >= text && l + n < text + all.len);
      assert_int_equal(l[n], '\0');
      assert_string_equal(l, Session_line(f->s, i, NULL));
   }
   /* Undone and rolled back, a slice is dropped, never freed on its own. */
   char *want = Fx_dump(f->s), *got = Fx_dump(s);
   assert_string_equal(got, want);
   free(want);
   free(got);
   RunContext ctx = f->ctx;
   GvBuf out = GV_BUF_INIT;
   assert_int_equal(Session_run(s, "undo", 4, &ctx, &out, msg, sizeof msg), GV_OK);
   Session_rollback(s);
   Session_rollback(s);
   assert_int_equal(Session_line_count(s), Session_line_count(f->s) - 1);
   GvBuf_free(&out);
   GvBuf_free(&all);
   Session_free(s);
   Fx_free(f);
}

static void canonical_round_trip(void **state) {
   (void)state;
   Fx *f = Fx_new();
   busy_meeting(f);
   Fx_assert_roundtrip(f);
   /* replaying the canonical lines needs no roster file and no clock */
   Session *copy = Fx_replay_all(f->s);
   assert_string_equal(copy->uuid, f->s->uuid);
   assert_int_equal(Session_line_count(copy), Session_line_count(f->s));
   for (size_t i = 0; i < Session_line_count(f->s); i++)
      assert_string_equal(Session_line(copy, i, NULL), Session_line(f->s, i, NULL));
   /* canonical payloads are fixed points: running one again as typed gives it back */
   for (size_t i = 0; i < Session_line_count(f->s); i++) {
      const char *line = Session_line(f->s, i, NULL);
      assert_null(strstr(line, " 31 May "));   /* dates resolved */
   }
   Session_free(copy);
   Fx_free(f);
}

/* A line's end (\n, \r\n, \r\r\n) is no part of it: the same line without
 * one applies alike and is held alike, a bad one refused with the same
 * message. */
static void line_ends_are_no_part_of_a_line(void **state) {
   (void)state;
   const char *lines[] = {
      "cmd 2017-05-12T10:00:00 00000000-0000-4000-8000-000000000001 set place Brussels",
      "cmd:2 2017-05-12T10:00:01 00000000-0000-4000-8000-000000000002 roster x",
      "cmd+ 2017-05-12T10:00:01 00000000-0000-4000-8000-000000000002 delegation FR",
      "cmd+ 2017-05-12T10:00:01 00000000-0000-4000-8000-000000000002 delegation DE",
      "cmd+ 2017-05-12T10:00:01 00000000-0000-4000-8000-000000000002 delegation IT",
      "vote 2017-05-12T10:00:02 00000000-0000-4000-8000-000000000003 XX yes",
      "cmd 2017-05-12T10:00:03 00000000-0000-4000-8000-000000000004 set",
      "cmd 2017-05-12T10:00:03",
      "cmd 2017-05-12T10:00:04 00000000-0000-4000-8000-000000000005 set body Council",
   };
   const char *ends[] = { "\n", "\r\n", "\r\r\n" };
   for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
      Session *bare = Session_new(), *ended = Session_new();
      for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
         char line[256], m1[256], m2[256];
         snprintf(line, sizeof line, "%s%s", lines[i], ends[k]);
         GvStatus a = Session_replay(bare, lines[i], strlen(lines[i]), m1, sizeof m1);
         GvStatus b = Session_replay(ended, line, strlen(line), m2, sizeof m2);
         if (a != b || strcmp(m1, m2) != 0)
            fail_msg("%zu/%zu: %s '%s' / %s '%s'", k, i, GvStatus_name(a), m1, GvStatus_name(b), m2);
      }
      assert_string_equal(ended->meta.place, "Brussels");
      assert_string_equal(ended->meta.body, "Council");
      assert_int_equal(ended->roster.count, 2);
      char *x = Fx_dump(bare), *y = Fx_dump(ended);
      assert_string_equal(x, y);
      assert_int_equal(Session_line_count(bare), Session_line_count(ended));
      for (size_t i = 0; i < Session_line_count(bare); i++) {
         size_t n1, n2;
         const char *l1 = Session_line(bare, i, &n1), *l2 = Session_line(ended, i, &n2);
         assert_int_equal(n1, n2);
         assert_memory_equal(l1, l2, n1);
      }
      free(x);
      free(y);
      Session_free(bare);
      Session_free(ended);
   }
}

static void unknown_event_types_are_kept(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   char *before = Fx_dump(f->s);
   const char *alien = "vote 2017-05-12T10:20:00 abcd1234-0000-4000-8000-000000000001 FR yes \"weird\" \\n";
   assert_int_equal(Session_replay(f->s, alien, strlen(alien), f->msg, sizeof f->msg), GV_OK);
   const char *alien2 = "x-comment anything at all";
   assert_int_equal(Session_replay(f->s, alien2, strlen(alien2), f->msg, sizeof f->msg), GV_OK);
   char *after = Fx_dump(f->s);
   assert_string_equal(before, after);
   const JournalEntry *e = Session_entry(f->s, Session_entry_count(f->s) - 1);
   assert_int_equal(e->kind, GV_ENTRY_OTHER);
   /* undo passes over them and compaction writes them back unchanged */
   Fx_run(f, "floor FR");
   Fx_run(f, "undo");
   GvBuf c = GV_BUF_INIT;
   assert_int_equal(Session_compact(f->s, &c), GV_OK);
   assert_non_null(strstr(c.data, "\nvote 2017-05-12T10:20:00 abcd1234-0000-4000-8000-000000000001 FR yes \"weird\" \\n\n"));
   assert_non_null(strstr(c.data, "\nx-comment anything at all\n"));
   Fx_assert_roundtrip(f);
   GvBuf_free(&c);
   free(before);
   free(after);
   Fx_free(f);
}

static void replay_refuses_what_it_cannot_read(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   size_t lines = Session_line_count(f->s);
   char msg[256];
   const char *bad[] = {
      "", "gavel-session 1", "garbage", "cmd 2017-05-12T10:00:00", "cmd 2017-13-12T10:00:00 u floor FR",
      "cmd 2017-05-12T10:00:00 u floor XX", "cmd 2017-05-12T10:00:00 u dance",
      "cmd 2017-05-12T10:00:00 0123456789012345678901234567890123456789 tour",
   };
   for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
      GvStatus st = Session_replay(f->s, bad[i], strlen(bad[i]), msg, sizeof msg);
      if (st == GV_OK)
         fail_msg("'%s' was accepted", bad[i]);
      assert_true(strlen(msg) > 0);
   }
   assert_int_equal(Session_line_count(f->s), lines);
   assert_int_equal(Session_replay(f->s, "cmd 2017-05-12T10:00:00 u floor XX", 34, msg, sizeof msg), GV_NO_DELEGATION);
   assert_string_equal(msg, "unknown delegation 'XX'");
   /* a cmd+ needs its cmd */
   Session *s = Session_new();
   const char *cont = "cmd+ 2017-05-12T10:00:00 u delegation FR";
   assert_int_equal(Session_replay(s, cont, strlen(cont), msg, sizeof msg), GV_BAD_LINE);
   const char *ok = "cmd 2017-05-12T10:00:00 u1 delegation FR\n";
   assert_int_equal(Session_replay(s, ok, strlen(ok), msg, sizeof msg), GV_OK);
   const char *un = "undo 2017-05-12T10:00:00 u2 what";   /* a type, not a command */
   assert_int_equal(Session_replay(s, un, strlen(un), msg, sizeof msg), GV_OK);
   assert_int_equal(s->roster.count, 1);
   assert_string_equal(s->uuid, "u1");
   /* the cmd+ lines of a command that could not be read are not applied elsewhere */
   const char *badcmd = "cmd 2017-05-12T10:00:00 u3 roster";
   assert_int_equal(Session_replay(s, badcmd, strlen(badcmd), msg, sizeof msg), GV_USAGE);
   const char *orphan = "cmd+ 2017-05-12T10:00:00 u4 delegation DE";
   assert_int_equal(Session_replay(s, orphan, strlen(orphan), msg, sizeof msg), GV_BAD_LINE);
   assert_non_null(strstr(msg, "could not be read"));
   assert_int_equal(s->roster.count, 1);
   const char *unit = "cmd:2 2017-05-12T10:00:00 u5 roster x";
   assert_int_equal(Session_replay(s, unit, strlen(unit), msg, sizeof msg), GV_OK);
   assert_int_equal(Session_replay_awaiting(s), 2);
   assert_int_equal(Session_replay(s, orphan, strlen(orphan), msg, sizeof msg), GV_OK);
   assert_int_equal(Session_replay_awaiting(s), 1);
   assert_int_equal(s->roster.count, 2);
   /* a unit cut short (a crash at a line boundary) is dropped whole by rollback */
   Session_rollback(s);
   assert_int_equal(Session_replay_awaiting(s), 0);
   assert_int_equal(s->roster.count, 1);
   assert_int_equal(Session_replay(s, unit, strlen(unit), msg, sizeof msg), GV_OK);
   assert_int_equal(Session_replay(s, orphan, strlen(orphan), msg, sizeof msg), GV_OK);
   const char *es = "cmd+ 2017-05-12T10:00:00 u7 delegation ES";
   assert_int_equal(Session_replay(s, es, strlen(es), msg, sizeof msg), GV_OK);
   assert_int_equal(Session_replay_awaiting(s), 0);
   assert_int_equal(s->roster.count, 3);
   /* no more cmd+ lines than the cmd:N announced */
   const char *it = "cmd+ 2017-05-12T10:00:00 u8 delegation IT";
   assert_int_equal(Session_replay(s, it, strlen(it), msg, sizeof msg), GV_BAD_LINE);
   assert_non_null(strstr(msg, "announced"));
   assert_int_equal(s->roster.count, 3);
   /* undo takes the whole roster unit back, cmd+ lines included */
   assert_int_equal(Session_replay(s, "cmd 2017-05-12T10:00:00 u6 undo", 31, msg, sizeof msg), GV_OK);
   assert_int_equal(s->roster.count, 1);
   assert_int_equal(Session_replay(s, orphan, strlen(orphan), msg, sizeof msg), GV_BAD_LINE);
   /* Command words in any case, as an editor may leave them; a longer word is not undo. */
   const char *redo = "cmd 2017-05-12T10:00:00 u9 Redo";
   assert_int_equal(Session_replay(s, redo, strlen(redo), msg, sizeof msg), GV_OK);
   assert_int_equal(s->roster.count, 3);
   const char *undo = "cmd 2017-05-12T10:00:00 u10  UNDO";
   assert_int_equal(Session_replay(s, undo, strlen(undo), msg, sizeof msg), GV_OK);
   assert_int_equal(s->roster.count, 1);
   const char *undone = "cmd 2017-05-12T10:00:00 u11 undone";
   assert_int_equal(Session_replay(s, undone, strlen(undone), msg, sizeof msg), GV_UNKNOWN_CMD);
   const char *Pos = "cmd 2017-05-12T10:00:00 u12 DELEGATION de";
   assert_int_equal(Session_replay(s, Pos, strlen(Pos), msg, sizeof msg), GV_OK);
   assert_int_equal(s->roster.count, 2);
   /* The command word read after its quotes and escapes are. */
   const char *quoted = "cmd 2017-05-12T10:00:00 u13 \"SET\" place Q";
   assert_int_equal(Session_replay(s, quoted, strlen(quoted), msg, sizeof msg), GV_OK);
   assert_string_equal(s->meta.place, "Q");
   const char *escaped = "cmd 2017-05-12T10:00:00 u14 dele\\x41gation AT";
   assert_int_equal(Session_replay(s, escaped, strlen(escaped), msg, sizeof msg), GV_UNKNOWN_CMD);
   /* A CR ends a word as a blank does: the command word is the bytes
    * before it, not the run up to the next space. */
   const char *cr = "cmd 2017-05-12T10:00:00 u15 SET\rplace R";
   assert_int_equal(Session_replay(s, cr, strlen(cr), msg, sizeof msg), GV_OK);
   assert_string_equal(s->meta.place, "R");
   Session_free(s);
   /* A uuid ends at its first space, also when the 37th byte after the
    * time (where a whole uuid ends) is one; a TYPE at its first space too. */
   s = Session_new();
   const char *place = "cmd 2017-05-12T10:00:00 u1 set place Brussels, in the Justus Lipsius building";
   assert_int_equal(Session_replay(s, place, strlen(place), msg, sizeof msg), GV_OK);
   assert_string_equal(s->uuid, "u1");
   assert_string_equal(s->meta.place, "Brussels, in the Justus Lipsius building");
   const char *odd = " md 2017-05-12T10:00:00 u2 set place X";
   assert_int_equal(Session_replay(s, odd, strlen(odd), msg, sizeof msg), GV_BAD_LINE);
   const char *type, *uuid, *payload;
   size_t tlen, plen;
   int64_t t;
   assert_int_equal(Session_split_line(odd, strlen(odd), &type, &tlen, &t, &uuid, &payload, &plen),
                    GV_BAD_LINE);
   assert_int_equal(Session_split_line(place, strlen(place), &type, &tlen, &t, &uuid, &payload, &plen),
                    GV_OK);
   assert_int_equal(tlen, 3);
   assert_memory_equal(uuid, "u1 ", 3);
   assert_int_equal(plen, strlen("set place Brussels, in the Justus Lipsius building"));
   assert_string_equal(s->meta.place, "Brussels, in the Justus Lipsius building");
   Session_free(s);
   /* A space anywhere among the 36 bytes where a uuid stands, and one after
    * them: the uuid ends at the first (read sixteen bytes a step). */
   for (size_t at = 0; at <= 36; at++) {
      char line[128] = "cmd 2017-05-12T10:00:00 ";
      size_t u = strlen(line);
      memset(line + u, 'a', 36);
      line[u + at] = ' ';
      line[u + 36] = ' ';
      memcpy(line + u + 37, "next", 5);
      size_t n = strlen(line);
      GvStatus st = Session_split_line(line, n, &type, &tlen, &t, &uuid, &payload, &plen);
      assert_int_equal(st, at == 0 ? GV_BAD_LINE : GV_OK);
      if (at == 0)
         continue;
      assert_ptr_equal(uuid, line + u);
      assert_ptr_equal(payload, line + u + at + 1);
      assert_int_equal(plen, n - (u + at + 1));
   }
   Fx_free(f);
}

static void undo_and_redo(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_refuse(f, "undo", GV_NOTHING_UNDO, "nothing to undo");
   Fx_refuse(f, "redo", GV_NOTHING_REDO, "nothing to redo");
   assert_false(Session_can_undo(f->s));
   Fx_run(f, "set body A");
   Fx_run(f, "set body B");
   Fx_run(f, "set body C");
   Fx_run(f, "undo");
   assert_string_equal(f->msg, "undid 'set body C'");
   Fx_run(f, "undo");
   assert_string_equal(f->s->meta.body, "A");
   assert_true(Session_can_redo(f->s));
   Fx_run(f, "redo");
   assert_string_equal(f->msg, "redid 'set body B'");
   assert_string_equal(f->s->meta.body, "B");
   /* a new command ends what can be redone */
   Fx_run(f, "set body D");
   assert_false(Session_can_redo(f->s));
   Fx_refuse(f, "redo", GV_NOTHING_REDO, NULL);
   Fx_run(f, "undo");
   Fx_run(f, "undo");
   Fx_run(f, "undo");
   assert_null(f->s->meta.body);
   Fx_refuse(f, "undo", GV_NOTHING_UNDO, NULL);
   /* undo and redo are journaled, and the journal replays to the same state */
   assert_non_null(strstr(f->out.data, " undo\n"));
   assert_non_null(strstr(f->out.data, " redo\n"));
   Fx_assert_roundtrip(f);
   Fx_run(f, "redo");
   Fx_run(f, "redo");
   assert_string_equal(f->s->meta.body, "B");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void undo_everything_back_to_the_start(void **state) {
   (void)state;
   Fx *f = Fx_new();
   char *empty = Fx_dump(f->s);
   busy_meeting(f);
   char *full = Fx_dump(f->s);
   while (Session_can_undo(f->s))
      Fx_run(f, "undo");
   char *none = Fx_dump(f->s);
   assert_string_equal(empty, none);
   while (Session_can_redo(f->s))
      Fx_run(f, "redo");
   char *again = Fx_dump(f->s);
   /* the drafts are replayed too, so the notes come back whole */
   assert_string_equal(full, again);
   Fx_assert_roundtrip(f);
   free(empty);
   free(full);
   free(none);
   free(again);
   Fx_free(f);
}

static void rollback_after_a_failed_write(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR DE");
   char *before = Fx_dump(f->s);
   size_t lines = Session_line_count(f->s);
   Fx_run(f, "next");
   Session_rollback(f->s);
   char *after = Fx_dump(f->s);
   assert_string_equal(before, after);
   assert_int_equal(Session_line_count(f->s), lines);
   /* a roster unit goes as a whole */
   Fx_run(f, "roster mini");
   Session_rollback(f->s);
   assert_int_equal(Session_line_count(f->s), lines);
   /* an undo that could not be written is taken back: the unit is in force again */
   Fx_run(f, "undo");
   Session_rollback(f->s);
   char *back = Fx_dump(f->s);
   assert_string_equal(before, back);
   assert_true(Session_can_undo(f->s));
   Fx_run(f, "undo");
   size_t n;
   Session_queue(f->s, &n);
   assert_int_equal(n, 0);
   /* a draft too */
   Fx_run(f, "give FR");
   Fx_run(f, "draft one");
   Fx_run(f, "draft two");
   Session_rollback(f->s);
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "one");
   Fx_assert_roundtrip(f);
   free(before);
   free(after);
   free(back);
   Fx_free(f);
}

static void compaction_keeps_the_state(void **state) {
   (void)state;
   Fx *f = Fx_new();
   busy_meeting(f);
   Fx_run(f, "give FR");
   Fx_run(f, "draft a");
   Fx_run(f, "draft ab");
   Fx_run(f, "draft abc");
   Fx_run(f, "floor DE");
   Fx_run(f, "undo");
   Fx_run(f, "set place Brussels");
   GvBuf c = GV_BUF_INIT;
   assert_int_equal(Session_compact(f->s, &c), GV_OK);
   assert_null(strstr(c.data, " undo\n"));
   assert_null(strstr(c.data, " redo\n"));
   assert_null(strstr(c.data, " floor DE\n"));
   assert_null(strstr(c.data, " ab\n"));
   assert_non_null(strstr(c.data, " abc\n"));
   /* the compacted journal replays to the same state */
   Session *s = Session_new();
   char msg[256];
   for (char *p = c.data; *p;) {
      char *nl = strchr(p, '\n');
      assert_non_null(nl);
      if (Session_replay(s, p, (size_t)(nl - p), msg, sizeof msg) != GV_OK)
         fail_msg("compacted line '%.*s': %s", (int)(nl - p), p, msg);
      p = nl + 1;
   }
   char *a = Fx_dump(f->s), *b = Fx_dump(s);
   assert_string_equal(a, b);
   assert_string_equal(s->uuid, f->s->uuid);
   free(a);
   free(b);
   Session_free(s);
   GvBuf_free(&c);
   Fx_free(f);
}

static void compaction_keeps_the_session_uuid(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "set body First");
   Fx_run(f, "undo");
   Fx_run(f, "set body Second");
   GvBuf c = GV_BUF_INIT;
   assert_int_equal(Session_compact(f->s, &c), GV_OK);
   Session *s = Session_new();
   char msg[256];
   for (char *p = c.data; *p;) {
      char *nl = strchr(p, '\n');
      assert_int_equal(Session_replay(s, p, (size_t)(nl - p), msg, sizeof msg), GV_OK);
      p = nl + 1;
   }
   assert_string_equal(s->uuid, f->s->uuid);
   assert_string_equal(s->meta.body, "Second");
   Session_free(s);
   GvBuf_free(&c);
   Fx_free(f);
}

/* Undo rebuilds with only the drafts that still matter; the notes are the same. */
static void undo_with_many_drafts(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give FR");
   Fx_run(f, "draft a");
   Fx_run(f, "draft ab");
   Fx_run(f, "note X");
   Fx_run(f, "draft abc");
   Fx_run(f, "give DE");
   Fx_run(f, "draft d");
   Fx_run(f, "undo");   /* DE never spoke */
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "abc");
   Fx_run(f, "redo");
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "d");
   assert_string_equal(Fx_notes(&f->s->floor.list[0]), "abc");
   Fx_run(f, "undo");
   Fx_run(f, "undo");   /* the note X */
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "abc");
   Fx_run(f, "undo");   /* give FR */
   assert_null(Session_speaker(f->s));
   Fx_run(f, "redo");   /* the drafts come back with their intervention (not undo units) */
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "abc");
   Fx_run(f, "redo");   /* the note X, which the later draft replaced */
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "abc");
   Fx_run(f, "give EL");   /* a new command: EL takes the index DE had */
   Fx_run(f, "draft e");
   Fx_run(f, "undo");
   Fx_run(f, "redo");
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "e");
   assert_string_equal(Fx_notes(&f->s->floor.list[0]), "abc");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static double seconds_since(clock_t start) {
   return (double)(clock() - start) / CLOCKS_PER_SEC;
}

/* 10,000 interventions: running, undoing and replaying stay linear. */
static void a_long_meeting_stays_fast(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   clock_t start = clock();
   const char *codes[] = { "FR", "DE", "EL", "ES", "HU", "AT", "EE", "COM/HOME" };
   char line[128];
   for (int i = 0; i < 10000; i++) {
      snprintf(line, sizeof line, "give %s", codes[i % 8]);
      Fx_run(f, line);
      Fx_tick(f, 30);
      for (int d = 1; d <= 3; d++) {   /* the typist pauses three times */
         snprintf(line, sizeof line, "draft intervention number %d, draft %d, with more words", i, d);
         Fx_run(f, line);
      }
      snprintf(line, sizeof line, "note intervention number %d", i);
      Fx_run(f, line);
      if (i % 100 == 0)
         Fx_run(f, "item 2"), Fx_run(f, "item 1");
   }
   Fx_run(f, "end");
   double run = seconds_since(start);
   assert_int_equal(f->s->floor.count, 10000);
   start = clock();
   for (int i = 0; i < 5; i++)
      Fx_run(f, "undo");
   for (int i = 0; i < 5; i++)
      Fx_run(f, "redo");
   double undo = seconds_since(start);
   assert_int_equal(f->s->floor.count, 10000);
   assert_null(Session_speaker(f->s));
   start = clock();
   Session *copy = Fx_replay_all(f->s);
   double replay = seconds_since(start);
   assert_int_equal(copy->floor.count, 10000);
   assert_string_equal(Fx_notes(&copy->floor.list[9999]),
                       "intervention number 9999, draft 3, with more words\nintervention number 9999");
   assert_string_equal(Fx_notes(&f->s->floor.list[9999]), Fx_notes(&copy->floor.list[9999]));
   SpeakStat *st = calloc(copy->roster.count, sizeof *st);
   Session_speaking_stats(copy, GV_NONE, 0, true, st);
   assert_int_equal(st[Fx_del(f, "FR")].interventions, 1250);
   assert_int_equal(st[Fx_del(f, "COM")].interventions, 1250);
   free(st);
   Session_free(copy);
   print_message("      %zu journal lines: run %.2fs, 10 undo/redo %.2fs, replay %.2fs\n",
                 Session_line_count(f->s), run, undo, replay);
   Fx_free(f);
}

/* Loading a file: lines after an undo are kept and applied once at the end;
 * one that does not apply is reported then, with its index and reason. */
static void loading_defers_after_undo(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR");
   Fx_run(f, "undo");
   Fx_run(f, "floor DE");
   Fx_refuse(f, "redo", GV_NOTHING_REDO, "nothing to redo");   /* a new command ended it */
   Fx_run(f, "undo");
   Fx_run(f, "redo");
   Fx_assert_roundtrip(f);
   /* A line that cannot apply, after an undo (as a damaged file may hold). */
   Session *s = Fx_load_all(f->s);
   Session_free(s);
   s = Session_new();
   char msg[256];
   Session_load_begin(s);
   size_t n = Session_line_count(f->s);
   for (size_t i = 0; i < n; i++) {
      size_t len;
      const char *line = Session_line(f->s, i, &len);
      assert_int_equal(Session_replay(s, line, len, msg, sizeof msg), GV_OK);
   }
   const char *bad = "cmd 2017-05-12T11:00:00 0badc0de-0000-4000-8000-000000000001 floor ZZ";
   assert_int_equal(Session_replay(s, bad, strlen(bad), msg, sizeof msg), GV_OK); /* kept */
   size_t at = 0;
   assert_int_equal(Session_load_end(s, &at, msg, sizeof msg), 1);
   assert_int_equal(at, n);
   assert_non_null(strstr(msg, "ZZ"));
   /* Without an undo before it, the same line is refused on the spot. */
   Session *t = Fx_load_all(f->s);
   Session_free(t);
   Session_free(s);
   Fx_free(f);
}

/* Notes with every escape the journal knows (backslash, newline, quotes, a
 * control character written \x01, "\x41" typed as text), a draft, a
 * position and an item found by its uuid: the journal of a live run,
 * replayed line by line (checked by the model or, as an open does, by the
 * scan), and the live session rebuilt by an undo, all hold the same notes. */
static void replay_gives_the_notes_the_live_run_gave(void **state) {
   (void)state;
   static const char *const notes[] = {
      "plain words, «coopération», Ελλάδα, 2017–2018",
      "a back\\\\slash, a new\\nline and \"quotes\" inside",
      "\"a quote first and blanks last  \"",
      "a control \\x01 and a typed \\x41 and a lone \\ backslash",
      "tab\there",
   };
   Fx *f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_run(f, "item add A");
   Fx_run(f, "item add B");
   Fx_run(f, "item add B1 under 2");
   Fx_run(f, "item 2.1");
   Fx_run(f, "give FR");
   for (size_t i = 0; i < sizeof notes / sizeof *notes; i++) {
      char line[256];
      snprintf(line, sizeof line, "note %s", notes[i]);
      Fx_run(f, line);
   }
   Fx_run(f, "pos FR supports \"the text\" \\ as it stands");
   Fx_run(f, "give DE");
   Fx_run(f, "draft first thoughts \\n on the text");
   Fx_run(f, "floor AT");   /* taken back below: the undo rebuilds the rest */
   const Intervention *fr = Session_intervention(f->s, 0);
   const Intervention *de = Session_intervention(f->s, 1);
   assert_non_null(fr);
   assert_non_null(de);
   assert_non_null(strstr(Fx_notes(fr), "new\nline and \"quotes\""));
   assert_non_null(strstr(Fx_notes(fr), "a control \x01 and a typed \\x41"));
   char *want_fr = strdup(Fx_notes(fr)), *want_de = strdup(Fx_notes(de));
   for (int pass = 0; pass < 2; pass++) {
      Session *r = Session_new();
      char msg[256];
      Session_load_begin(r);
      for (const char *p = f->out.data; *p;) {
         const char *nl = strchr(p, '\n');
         size_t n = (size_t)(nl - p);
         GvStatus st = pass ? Session_replay_checked(r, p, n, msg, sizeof msg)
                            : Session_replay(r, p, n, msg, sizeof msg);
         if (st != GV_OK)
            fail_msg("replay of '%.*s': %s", (int)n, p, msg);
         p = nl + 1;
      }
      size_t bad;
      assert_int_equal(Session_load_end(r, &bad, msg, sizeof msg), 0);
      assert_string_equal(Fx_notes(Session_intervention(r, 0)), want_fr);
      assert_string_equal(Fx_notes(Session_intervention(r, 1)), want_de);
      assert_int_equal(Session_current_index(r), Session_current_index(f->s));
      assert_string_equal(Session_position_of(r, 2, Session_intervention(r, 0)->delegation)->text,
                          "\"the text\" \\ as it stands");
      Session_free(r);
   }
   Fx_run(f, "undo");
   assert_string_equal(Fx_notes(Session_intervention(f->s, 0)), want_fr);
   assert_string_equal(Fx_notes(Session_intervention(f->s, 1)), want_de);
   free(want_fr);
   free(want_de);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(replay_gives_the_notes_the_live_run_gave),
      cmocka_unit_test(journal_lines_have_the_documented_form),
      cmocka_unit_test(canonical_round_trip),
      cmocka_unit_test(held_text_lines_are_slices),
      cmocka_unit_test(unknown_event_types_are_kept),
      cmocka_unit_test(line_ends_are_no_part_of_a_line),
      cmocka_unit_test(replay_refuses_what_it_cannot_read),
      cmocka_unit_test(undo_and_redo),
      cmocka_unit_test(undo_everything_back_to_the_start),
      cmocka_unit_test(rollback_after_a_failed_write),
      cmocka_unit_test(compaction_keeps_the_state),
      cmocka_unit_test(compaction_keeps_the_session_uuid),
      cmocka_unit_test(undo_with_many_drafts),
      cmocka_unit_test(loading_defers_after_undo),
      cmocka_unit_test(a_long_meeting_stays_fast),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
