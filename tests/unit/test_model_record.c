/* Positions, reservations, outcomes, deadlines and actions. */
#include "tests/unit/test_model_fixture.h"
#include "model/record.h"
#include "model/util.h"

#include <ctype.h>
#include <strings.h>

static void positions(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "pos FR supports the pragmatic approach");
   Fx_run(f, "pos de concerns");
   Fx_run(f, "pos EL asks what the timeline is");
   size_t item = Fx_item(f, "1");
   const Position *p = Session_position_of(f->s, item, Fx_del(f, "FR"));
   assert_non_null(p);
   assert_int_equal(p->stance, GV_STANCE_SUPPORTS);
   assert_string_equal(p->text, "the pragmatic approach");
   assert_string_equal(Session_position_of(f->s, item, Fx_del(f, "DE"))->text, "");
   /* a later position replaces the earlier one */
   Fx_run(f, "pos FR flexible");
   p = Session_position_of(f->s, item, Fx_del(f, "FR"));
   assert_int_equal(p->stance, GV_STANCE_FLEXIBLE);
   size_t k = 0;
   while (Session_position(f->s, item, k))
      k++;
   assert_int_equal(k, 3);
   assert_null(Session_position(f->s, Fx_item(f, "2"), 0));
   Fx_run(f, "pos ES accepts");
   Fx_run(f, "pos AT opposes");
   assert_int_equal(Session_position_of(f->s, item, Fx_del(f, "AT"))->stance, GV_STANCE_OPPOSES);
   Fx_refuse(f, "pos FR", GV_USAGE, "pos needs CODE STANCE");
   Fx_refuse(f, "pos FR loves it", GV_BAD_VALUE, "unknown stance 'loves' (supports, accepts, flexible, concerns, opposes, asks)");
   Fx_refuse(f, "pos XX supports", GV_NO_DELEGATION, "unknown delegation 'XX'");
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "pos UK supports with a reservation on the scope");
   Fx_run_undo_redo(f, "pos UK opposes");
   Fx_free(f);
   f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_refuse(f, "pos FR supports", GV_NO_CURRENT, "no item is taken up");
   Fx_free(f);
}

/* Many positions on many items: a second `pos` for the same delegation and
 * item always finds the first, also after positions were deleted or given
 * to another delegation. */
static void positions_found_among_many(void **state) {
   (void)state;
   static const char *const codes[] = { "PRES", "DE", "EE", "EL", "ES", "FR", "HU", "AT", "UK",
                                        "COM", "EEAS", "ENISA" };
   const size_t ncodes = sizeof codes / sizeof *codes;
   Fx *f = Fx_meeting();
   char line[128];
   for (int i = 0; i < 30; i++) {
      snprintf(line, sizeof line, "item add \"Item %d\"", i);
      Fx_run(f, line);
   }
   for (int round = 0; round < 2; round++)
      for (int i = 4; i <= 33; i++) {
         snprintf(line, sizeof line, "item %d", i);
         Fx_run(f, line);
         for (size_t c = 0; c < ncodes; c++) {
            snprintf(line, sizeof line, "pos %s %s", codes[c], round ? "opposes" : "supports");
            Fx_run(f, line);
         }
      }
   assert_int_equal(f->s->rec.npos, 30 * ncodes);
   for (int i = 4; i <= 33; i++) {
      snprintf(line, sizeof line, "%d", i);
      for (size_t c = 0; c < ncodes; c++)
         assert_int_equal(Session_position_of(f->s, Fx_item(f, line), Fx_del(f, codes[c]))->stance,
                          GV_STANCE_OPPOSES);
   }
   /* Item 33 is current. Each change is followed by a look-up, so that
    * each must tell the look-up itself. Deleting FR's position moves the
    * ones after it (ENISA's among them). */
   size_t item = Fx_item(f, "33");
   size_t before = f->s->rec.npos;
   snprintf(line, sizeof line, "delete %.8s", Session_position_of(f->s, item, Fx_del(f, "FR"))->uuid);
   Fx_run(f, line);
   Fx_run(f, "pos ENISA concerns");
   assert_int_equal(f->s->rec.npos, before - 1);
   assert_int_equal(Session_position_of(f->s, item, Fx_del(f, "ENISA"))->stance, GV_STANCE_CONCERNS);
   snprintf(line, sizeof line, "delete %.8s", Session_position_of(f->s, item, Fx_del(f, "HU"))->uuid);
   Fx_run(f, line);
   Fx_run(f, "pos EL asks");
   snprintf(line, sizeof line, "speaker %.8s HU", Session_position_of(f->s, item, Fx_del(f, "DE"))->uuid);
   Fx_run(f, line);
   Fx_run(f, "pos HU flexible");
   assert_int_equal(f->s->rec.npos, before - 2);
   assert_int_equal(Session_position_of(f->s, item, Fx_del(f, "HU"))->stance, GV_STANCE_FLEXIBLE);
   assert_null(Session_position_of(f->s, item, Fx_del(f, "DE")));
   Fx_run(f, "pos DE asks");
   Fx_run(f, "pos FR accepts");
   Fx_run(f, "pos FR concerns");
   assert_int_equal(f->s->rec.npos, before);
   assert_int_equal(Session_position_of(f->s, item, Fx_del(f, "FR"))->stance, GV_STANCE_CONCERNS);
   assert_int_equal(Session_position_of(f->s, item, Fx_del(f, "DE"))->stance, GV_STANCE_ASKS);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void reservation_states(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   size_t item = Fx_item(f, "1");
   Fx_run(f, "reserve HU scrutiny");
   Fx_run(f, "reserve UK parliamentary pending the vote in Westminster");
   const Reservation *r = Session_reservation(f->s, item, 0);
   assert_int_equal(r->type, GV_RESERVE_SCRUTINY);
   assert_int_equal(r->status, GV_RESERVE_ENTERED);
   r = Session_reservation(f->s, item, 1);
   assert_string_equal(r->text, "pending the vote in Westminster");
   Fx_run(f, "reserve HU scrutiny");
   assert_int_equal(Session_reservation(f->s, item, 0)->status, GV_RESERVE_MAINTAINED);
   Fx_run(f, "lift HU scrutiny");
   assert_int_equal(Session_reservation(f->s, item, 0)->status, GV_RESERVE_LIFTED);
   Fx_refuse(f, "lift HU scrutiny", GV_STATE, "HU already lifted its scrutiny reservation on item 1");
   Fx_refuse(f, "lift FR linguistic", GV_NOT_FOUND, "FR has no linguistic reservation on item 1");
   Fx_refuse(f, "reserve FR grumpy", GV_BAD_VALUE, "unknown reservation 'grumpy'");
   Fx_refuse(f, "reserve FR", GV_USAGE, "reserve needs CODE TYPE");
   Fx_refuse(f, "lift FR", GV_USAGE, "lift needs CODE TYPE");
   Fx_refuse(f, "lift HU scrutiny now", GV_USAGE, NULL);
   Fx_run(f, "reserve HU scrutiny");   /* entered again after being lifted */
   assert_int_equal(Session_reservation(f->s, item, 0)->status, GV_RESERVE_ENTERED);
   const char *types[] = { "linguistic", "substantive", "general", "waiting" };
   for (size_t i = 0; i < 4; i++) {
      char line[64];
      snprintf(line, sizeof line, "reserve DE %s", types[i]);
      Fx_run(f, line);
   }
   assert_null(Session_reservation(f->s, item, 6));
   assert_non_null(Session_reservation(f->s, item, 5));
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "reserve ES substantive on article 3");
   Fx_run_undo_redo(f, "reserve ES substantive");
   Fx_run_undo_redo(f, "lift ES substantive");
   Fx_free(f);
}

static void outcomes(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "outcome agreed The agenda was adopted with the addition of information points.");
   const Item *it = Session_current_item(f->s);
   assert_int_equal(it->outcome, GV_OUTCOME_AGREED);
   assert_string_equal(it->outcome_text, "The agenda was adopted with the addition of information points.");
   Fx_run(f, "outcome noted");
   assert_int_equal(it->outcome, GV_OUTCOME_NOTED);
   assert_null(it->outcome_text);
   Fx_run(f, "outcome welcomed");
   Fx_run(f, "outcome continued");
   Fx_run(f, "outcome postponed to the next meeting");
   assert_int_equal(it->outcome, GV_OUTCOME_POSTPONED);
   Fx_refuse(f, "outcome", GV_BAD_VALUE, "outcome needs STATUS");
   Fx_refuse(f, "outcome adopted", GV_BAD_VALUE, "not 'adopted'");
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "outcome agreed as amended");
   Fx_free(f);
}

static void deadlines(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "item 3");
   Fx_run(f, "deadline 31 May written comments on WK 4977/17");
   const Deadline *d = &f->s->rec.deadlines[0];
   assert_int_equal(d->day, Date_days_from_civil(2017, 5, 31));
   assert_string_equal(d->what, "written comments on WK 4977/17");
   assert_int_equal(d->set_by, Fx_del(f, "PRES"));   /* the chair sets deadlines */
   assert_int_equal(d->for_whom, GV_NONE);
   assert_int_equal(d->item, Fx_item(f, "3"));
   assert_non_null(strstr(f->out.data, " deadline 2017-05-31 by PRES for all written comments on WK 4977/17\n"));
   Fx_run(f, "deadline 2017-06-14 comments on the conclusions by COM for FR");
   d = &f->s->rec.deadlines[1];
   assert_string_equal(d->what, "comments on the conclusions");
   assert_int_equal(d->set_by, Fx_del(f, "COM"));
   assert_int_equal(d->for_whom, Fx_del(f, "FR"));
   Fx_run(f, "deadline 14/06 send a reply by return");   /* 'by return' is text */
   assert_string_equal(f->s->rec.deadlines[2].what, "send a reply by return");
   Fx_run(f, "deadline 6 Jun 2017 by - for all text after options");
   assert_int_equal(f->s->rec.deadlines[3].set_by, GV_NONE);
   assert_string_equal(f->s->rec.deadlines[3].what, "text after options");
   Fx_refuse(f, "deadline", GV_USAGE, "deadline needs a date");
   Fx_refuse(f, "deadline 31 May", GV_USAGE, "deadline needs DATE TEXT");
   Fx_refuse(f, "deadline 32 May comments", GV_BAD_DATE, "no such day");
   Fx_refuse(f, "deadline someday comments", GV_BAD_DATE, "invalid date 'someday'");
   Fx_refuse(f, "deadline 31 May by XX comments", GV_NO_DELEGATION, "unknown delegation 'XX'");
   /* A second by or for used to replace the first silently (DE was lost). */
   Fx_refuse(f, "deadline 31 May comments by FR by DE", GV_USAGE, "'by' given twice");
   Fx_refuse(f, "deadline 31 May by FR by DE comments", GV_USAGE, "'by' given twice");
   Fx_refuse(f, "deadline 31 May comments for FR for all", GV_USAGE, "'for' given twice");
   /* Blank texts rendered "set 31 May 2017 as the deadline for ." */
   Fx_refuse(f, "deadline 31 May \"   \"", GV_USAGE, "deadline needs DATE TEXT");
   Fx_refuse(f, "deadline 31 May \"\\n\"", GV_USAGE, "deadline needs DATE TEXT");
   Fx_run(f, "deadline 31 May replies by email by FR");   /* 'by email' is text */
   assert_string_equal(f->s->rec.deadlines[f->s->rec.ndeadlines - 1].what, "replies by email");
   Fx_run(f, "undo");
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "deadline 19 June adoption by the FAC");
   Fx_free(f);
}

static void actions(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "action COM 2017-06-30 present the results of the encryption workshops");
   Fx_run(f, "action PRES - circulate a revised text");
   Fx_run(f, "action FR 14 June send the non-paper to capitals");
   const Action *a = &f->s->rec.actions[0];
   assert_int_equal(a->owner, Fx_del(f, "COM"));
   assert_int_equal(a->due, Date_days_from_civil(2017, 6, 30));
   assert_string_equal(a->what, "present the results of the encryption workshops");
   assert_int_equal(a->item, Fx_item(f, "1"));
   assert_false(a->done);
   assert_int_equal(f->s->rec.actions[1].due, GV_NO_DAY);
   assert_int_equal(f->s->rec.actions[2].due, Date_days_from_civil(2017, 6, 14));
   assert_string_equal(f->s->rec.actions[2].what, "send the non-paper to capitals");
   assert_non_null(strstr(f->out.data, " action PRES - circulate a revised text\n"));
   /* done by a unique uuid prefix */
   char prefix[9];
   snprintf(prefix, sizeof prefix, "%.8s", f->s->rec.actions[2].uuid);
   char line[64];
   snprintf(line, sizeof line, "done %s", prefix);
   Fx_run(f, line);
   assert_true(f->s->rec.actions[2].done);
   assert_int_equal(f->s->rec.actions[2].done_at, f->ctx.now);
   /* canonical: the full uuid */
   snprintf(line, sizeof line, " done %s\n", f->s->rec.actions[2].uuid);
   assert_non_null(strstr(f->out.data, line));
   snprintf(line, sizeof line, "done %s", f->s->rec.actions[2].uuid);
   Fx_refuse(f, line, GV_STATE, "is already done");
   /* the fixture's uuids share their tail: "-0000-4000-8000-" is in all */
   Fx_refuse(f, "done 0000", GV_AMBIGUOUS, NULL);
   Fx_refuse(f, "done 000000", GV_AMBIGUOUS, "is ambiguous");
   Fx_refuse(f, "done ffffffff", GV_NOT_FOUND, "no action 'ffffffff'");
   Fx_refuse(f, "done ab", GV_NOT_FOUND, "too short");
   Fx_refuse(f, "done", GV_USAGE, "done needs one ACTION-ID");
   Fx_refuse(f, "action XX - text", GV_NO_DELEGATION, "unknown delegation 'XX'");
   Fx_refuse(f, "action FR 31 Foo text", GV_BAD_DATE, "unknown month 'Foo'");
   Fx_refuse(f, "action FR -", GV_USAGE, "action needs CODE DATE TEXT");
   Fx_refuse(f, "action FR 31 May", GV_USAGE, "action needs CODE DATE TEXT");
   /* A blank text rendered "Action: the FR delegation to ." */
   Fx_refuse(f, "action FR - \"  \"", GV_USAGE, "action needs CODE DATE TEXT");
   assert_int_equal(Session_find_action(f->s, f->s->rec.actions[0].uuid, 36, NULL, 0), 0);
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "action EEAS 1 September fix the dates of the cyber dialogues");
   snprintf(line, sizeof line, "done %s", f->s->rec.actions[0].uuid);
   Fx_run_undo_redo(f, line);
   Fx_free(f);
}

/* Stance and reservation words in any case, and every other byte in the
 * place of their first letter (the quick look at it before the whole word),
 * against the words compared whole. */
static bool stance_whole(const char *s, GvStance *out) {
   static const struct { const char *w; GvStance s; } Alias[] = {
      { "support", GV_STANCE_SUPPORTS }, { "accept", GV_STANCE_ACCEPTS },
      { "concern", GV_STANCE_CONCERNS }, { "oppose", GV_STANCE_OPPOSES },
      { "ask", GV_STANCE_ASKS }, { "clarification", GV_STANCE_ASKS },
   };
   for (unsigned i = 0; i < GV_STANCE_COUNT; i++)
      if (Util_word_eq(s, GvStance_word((GvStance)i)))
         return *out = (GvStance)i, true;
   for (unsigned i = 0; i < sizeof Alias / sizeof *Alias; i++)
      if (Util_word_eq(s, Alias[i].w))
         return *out = Alias[i].s, true;
   return false;
}

static void stance_and_reserve_words_any_case(void **state) {
   (void)state;
   const char *words[GV_STANCE_COUNT + GV_RESERVE_COUNT + 8];
   size_t nw = 0;
   for (unsigned i = 0; i < GV_STANCE_COUNT; i++)
      words[nw++] = GvStance_word((GvStance)i);
   for (unsigned i = 0; i < GV_RESERVE_COUNT; i++)
      words[nw++] = GvReserveType_word((GvReserveType)i);
   const char *more[] = { "support", "accept", "concern", "oppose", "ask", "clarification", "", "x" };
   for (size_t i = 0; i < sizeof more / sizeof *more; i++)
      words[nw++] = more[i];
   size_t found = 0;
   for (size_t k = 0; k < nw; k++) {
      for (int form = 0; form < 4; form++) {
         char w[32];
         snprintf(w, sizeof w, "%s", words[k]);
         for (size_t i = 0; w[i]; i++)   /* lower, upper, first upper, every other upper */
            if (form == 1 || (form == 2 && i == 0) || (form == 3 && i % 2 == 0))
               w[i] = (char)toupper((unsigned char)w[i]);
         for (int b = -1; b < 256; b++) {
            char t[32];
            memcpy(t, w, sizeof t);
            if (b >= 0) {
               if (b == 0 || !t[0])
                  continue;
               t[0] = (char)b;
            }
            GvStance got = GV_STANCE_COUNT, want = GV_STANCE_COUNT;
            bool g = GvStance_parse(t, &got), x = stance_whole(t, &want);
            assert_int_equal(g, x);
            if (g)
               assert_int_equal(got, want);
            GvReserveType rgot = GV_RESERVE_COUNT, rwant = GV_RESERVE_COUNT;
            bool rx = false;
            for (unsigned i = 0; i < GV_RESERVE_COUNT && !rx; i++)
               if (Util_word_eq(t, GvReserveType_word((GvReserveType)i)))
                  rx = true, rwant = (GvReserveType)i;
            assert_int_equal(GvReserveType_parse(t, &rgot), rx);
            if (rx)
               assert_int_equal(rgot, rwant);
            found += g + rx;
         }
      }
   }
   /* every word and alias found in each of its four forms, as it is and
    * with its first letter in either case (no other first byte makes a word) */
   assert_int_equal(found, 4 * (GV_STANCE_COUNT + GV_RESERVE_COUNT + 6) * 3);
}

/* An action by a prefix of its id in any case, among many whose ids differ
 * or share their first character, against a search with strncasecmp
 * alone. */
static void action_ids_in_any_case(void **state) {
   (void)state;
   Records r;
   memset(&r, 0, sizeof r);
   enum { N = 300 };
   Action acts[N];
   memset(acts, 0, sizeof acts);
   unsigned x = 12345;
   for (size_t i = 0; i < N; i++) {
      static const char hex[] = "0123456789abcdef";
      for (int c = 0; c < 36; c++) {
         x = x * 1103515245u + 12345u;
         acts[i].uuid[c] = c == 8 || c == 13 || c == 18 || c == 23 ? '-' : hex[(x >> 16) & 15];
      }
      if (i % 7 == 3)   /* some upper case ones, as a file may hold */
         for (int c = 0; c < 36; c++)
            acts[i].uuid[c] = (char)toupper((unsigned char)acts[i].uuid[c]);
   }
   r.actions = acts;
   r.nactions = N;
   size_t checked = 0;
   for (size_t i = 0; i < N; i++) {
      for (size_t n = 3; n <= 37; n += 1) {
         for (int form = 0; form < 3; form++) {
            char id[40];
            snprintf(id, sizeof id, "%.*s", (int)(n > 36 ? 36 : n), acts[i].uuid);
            if (n == 37)
               id[0] = id[0] == 'z' ? 'y' : 'z';   /* no such first character */
            for (size_t c = 0; id[c]; c++)
               id[c] = (char)(form == 1 ? toupper((unsigned char)id[c]) : form == 2 ? tolower((unsigned char)id[c]) : id[c]);
            size_t len = strlen(id), want = SIZE_MAX, hits = 0;
            for (size_t k = 0; k < N && len >= 4; k++)
               if (len <= strlen(acts[k].uuid) && strncasecmp(acts[k].uuid, id, len) == 0) {
                  if (len == strlen(acts[k].uuid)) {
                     want = k, hits = 1;
                     break;
                  }
                  want = k, hits++;
               }
            size_t got = SIZE_MAX;
            GvStatus st = Records_find_action(&r, id, len, &got, NULL, 0);
            if (hits == 1) {
               assert_int_equal(st, GV_OK);
               assert_int_equal(got, want);
               checked++;
            } else {
               assert_int_equal(st, hits > 1 ? GV_AMBIGUOUS : GV_NOT_FOUND);
            }
         }
      }
   }
   assert_true(checked > N * 3 * 20);
}

/* Recording on a past item leaves the current item, its floor and the past
 * item's take-up time as they were. */
static void on_past_item(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   int64_t taken1 = Session_current_item(f->s)->taken_up;
   Fx_tick(f, 300);
   Fx_run(f, "item 2");
   Fx_run(f, "floor FR DE");
   Fx_run(f, "next");
   size_t one = Fx_item(f, "1"), two = Fx_item(f, "2");
   Fx_tick(f, 60);
   Fx_run(f, "on 1 outcome agreed The agenda was adopted.");
   Fx_run(f, "on 1 pos DE supports");
   Fx_run(f, "on 1 deadline 31 May comments");
   Fx_run(f, "on 1 action FR - send the text");
   Fx_run(f, "on 1 reserve EL scrutiny");
   Fx_run(f, "on 1 lift EL scrutiny");
   Fx_run(f, "on 1 paragraph Delegations were invited to send written comments.");
   Fx_run(f, "on 1 para The Working Party took note.");
   Fx_run(f, "on 1 group \"several delegations\" FR DE: supported the text");
   const Item *it1 = Agenda_item(&f->s->agenda, one);
   assert_int_equal(Session_current_index(f->s), two);
   assert_int_equal(it1->taken_up, taken1);
   assert_int_equal(it1->state, GV_STATE_DONE);
   assert_int_equal(it1->outcome, GV_OUTCOME_AGREED);
   assert_string_equal(it1->outcome_text, "The agenda was adopted.");
   assert_int_equal(Agenda_item(&f->s->agenda, two)->outcome, GV_OUTCOME_NONE);
   assert_non_null(Session_position_of(f->s, one, Fx_del(f, "DE")));
   assert_null(Session_position_of(f->s, two, Fx_del(f, "DE")));
   assert_int_equal(f->s->rec.deadlines[0].item, one);
   assert_int_equal(f->s->rec.actions[0].item, one);
   /* paragraphs too, on item 1, without taking it up */
   assert_int_equal(f->s->rec.nparas, 3);
   for (size_t i = 0; i < 3; i++)
      assert_int_equal(f->s->rec.paras[i].item, one);
   assert_int_equal(f->s->rec.paras[0].kind, GV_PARA_TEXT);
   assert_string_equal(f->s->rec.paras[1].text, "The Working Party took note.");
   assert_int_equal(f->s->rec.paras[2].kind, GV_PARA_GROUP);
   assert_string_equal(f->s->rec.paras[2].phrase, "several delegations");
   assert_int_equal(f->s->rec.paras[2].nmembers, 2);
   /* The speaker keeps the floor, and the queue is item 2's still. */
   const Intervention *sp = Session_speaker(f->s);
   assert_non_null(sp);
   assert_int_equal(sp->item, two);
   size_t nq = 0;
   Session_queue(f->s, &nq);
   assert_int_equal(nq, 1);
   /* The journal names the item by uuid, whatever renumbering comes later. */
   assert_non_null(strstr(GvBuf_str(&f->out), "on 00000"));
   Fx_refuse(f, "on 1 floor FR", GV_USAGE, "not 'floor'");
   Fx_refuse(f, "on 1 note hello", GV_USAGE, "not 'note'");
   Fx_refuse(f, "on 1 on 2 outcome agreed", GV_USAGE, "not 'on'");
   Fx_refuse(f, "on 9 outcome agreed", GV_NO_ITEM, "item 9");
   Fx_refuse(f, "on 1", GV_USAGE, "on needs NUM COMMAND");
   Fx_refuse(f, "on 1 outcome adopted", GV_BAD_VALUE, "not 'adopted'");
   assert_int_equal(Session_current_index(f->s), two);
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "on 1 outcome noted");
   Fx_run_undo_redo(f, "on 1 group delegations: took note");
   assert_int_equal(Session_current_index(f->s), two);
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "1"))->taken_up, taken1);
   Fx_free(f);
}

/* close ends the speaker, the current item and the meeting, at the event's time. */
static void close_meeting(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR");
   Fx_run(f, "next");
   size_t one = Fx_item(f, "1");
   Fx_tick(f, 600);
   Fx_run(f, "close");
   assert_null(Session_speaker(f->s));
   assert_int_equal(Session_current_index(f->s), GV_NONE);
   assert_int_equal(Agenda_item(&f->s->agenda, one)->state, GV_STATE_DONE);
   assert_int_equal(f->s->meta.end, Fx_time("2017-05-12T10:10:00"));
   assert_int_equal(Session_end_time(f->s), Fx_time("2017-05-12T10:10:00"));
   assert_int_equal(f->s->floor.list[0].end, Fx_time("2017-05-12T10:10:00"));
   Fx_refuse(f, "close", GV_STATE, "closed at 10:10");
   Fx_refuse(f, "close now", GV_USAGE, "no arguments");
   Fx_assert_roundtrip(f);
   Fx_run(f, "undo");
   assert_non_null(Session_speaker(f->s));
   assert_int_equal(f->s->meta.end, GV_NO_TIME);
   Fx_free(f);
}

/* The canonical text of the commands a journal is mostly made of, as run
 * live (a replay keeps none of it, and skips writing it): note, pos,
 * reserve and draft, a TEXT with an escape among them. */
static const char *last_out(const Fx *f) {
   const char *end = f->out.data + f->out.len - 1, *p = end;
   while (p > f->out.data && p[-1] != '\n')
      p--;
   for (int blanks = 0; blanks < 3; p++)   /* past "cmd TIME UUID " */
      blanks += *p == ' ';
   return p;
}

static void text_commands_write_their_canonical_text(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR");
   Fx_run(f, "next");
   Fx_run(f, "note a \"quoted\" word, a back\\\\slash");
   assert_string_equal(last_out(f), "note a \"quoted\" word, a back\\\\slash\n");
   Fx_run(f, "pos fr SUPPORTS the text as it stands");
   assert_string_equal(last_out(f), "pos FR supports the text as it stands\n");
   Fx_run(f, "pos de opposes");
   assert_string_equal(last_out(f), "pos DE opposes\n");
   Fx_run(f, "reserve hu scrutiny pending the vote");
   assert_string_equal(last_out(f), "reserve HU scrutiny pending the vote\n");
   Fx_run(f, "reserve at linguistic");
   assert_string_equal(last_out(f), "reserve AT linguistic\n");
   Fx_run(f, "draft typed over");
   char want[128];
   snprintf(want, sizeof want, "draft #%s typed over\n", f->s->floor.list[f->s->floor.speaking].uuid);
   assert_string_equal(last_out(f), want);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(positions),
      cmocka_unit_test(text_commands_write_their_canonical_text),
      cmocka_unit_test(positions_found_among_many),
      cmocka_unit_test(reservation_states),
      cmocka_unit_test(outcomes),
      cmocka_unit_test(deadlines),
      cmocka_unit_test(actions),
      cmocka_unit_test(stance_and_reserve_words_any_case),
      cmocka_unit_test(action_ids_in_any_case),
      cmocka_unit_test(on_past_item),
      cmocka_unit_test(close_meeting),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
