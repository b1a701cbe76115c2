/* The reference meeting (outcome of proceedings 10876/17, HWP on Cyber
 * Issues, 12 May 2017) written up with the command language: every fact of
 * the document must be recordable, and survive the journal. */
#include "tests/unit/test_model_fixture.h"

static const char *const Script[] = {
   "set body Horizontal Working Party on Cyber Issues",
   "set date 12 May 2017",
   "set place Brussels",
   "set chair MT Presidency",
   "set docno 10876/17",
   "set codes CYBER 105, COPEN 220, JAI 652, POLMIL 83, TELECOM 179, RELEX 593, JAIEX 50, COPS 229, IND 178, COSI 154",
   "set marking LIMITE",
   "set language en",
   "set from General Secretariat of the Council",
   "set to Horizontal Working Party on Cyber Issues",
   "set subject Summary of discussions",
   "roster mini",
   "attend all present",
   "item add \"Adoption of the agenda\" doc CM 2622/1/17 REV 1",
   "item add \"Information from the Presidency, Commission and EEAS\"",
   "item add \"EU Cyber Security Strategy review - state-of-play and future steps\"",
   "item add \"Foreign and security policy cyber issues - exchange of views\" under 3",
   "item add \"Prevention & awareness raising, education & training - exchange of views\" under 3 doc WK 4977/17",
   "item add \"Joint EU Diplomatic Response to Cyber Operations (Cyber toolbox)\"",
   "item add \"Cyber toolbox - presentation of the revised text and initial views\" under 4 doc 8946/17",
   "item add \"Draft Council Conclusions - examination of the revised text\" under 4 doc 7923/1/17 REV 1",
   "item add E-evidence",
   "item add AOB kind aob",
   "at 10:00",
   "item 1",
   "item add \"OSCE informal group on cybersecurity\" under 6 kind info requested HU",
   "item add \"Tallinn Manual 2.0\" under 6 kind info requested EE",
   "outcome agreed The agenda as set out in doc. CM 2622/1/17 REV 1 was adopted with the addition of information points by the HU and the EE delegations.",
   "at 10:05",
   "item 2",
   "give PRES",
   "note announced that the Cyber Attacks & Defence - Hands on Workshop would be held on 24 May 2017 in Brussels, and that live demo cyber-attacks would be presented.",
   "at 10:08",
   "give COM/HOME",
   "note informed delegations about the outcome of the United Nations Intergovernmental Expert Group on Cybercrime meeting held in Vienna on 10-13 April 2017.",
   "at 10:15",
   "end",
   "give COM/HOME",
   "note provided an update on the encryption reflection process.",
   "at 10:20",
   "give EEAS",
   "note announced that it was preparing the cyber dialogue with China, India and the US this year, however no concrete dates had been fixed.",
   "at 10:25",
   "item 3",
   "give COM/CNECT",
   "note presented the outcome of the High-level meeting with VP Ansip.",
   "at 10:40",
   "floor FR DE ES",
   "next",
   "presents non-paper on the review of the Cyber Security Strategy",
   "note presented their non-paper, supported by a number of other Member States.",
   "pos FR supports a pragmatic approach and inclusive drafting",
   "at 10:48",
   "next",
   "at 10:52",
   "next",
   "at 10:55",
   "give PRES",
   "note said it would reflect further on how to proceed.",
   "outcome continued",
   "at 11:05",
   "item 3.1",
   "give DE",
   "note provided an update on the recent work of the UNGGE which was currently under DE chairmanship.",
   "at 11:15",
   "give EEAS",
   "note gave an overview of the various cyber initiatives being undertaken in the international sphere.",
   "at 11:30",
   "item 3.2",
   "give PRES",
   "presents WK 4977/17",
   "note briefly presented the four questions set out in doc. WK 4977/17.",
   "at 11:35",
   "tour",
   "next",
   "at 11:50",
   "give PRES",
   "deadline 31 May written comments on WK 4977/17",
   "at 12:00",
   "item 4.1",
   "give PRES",
   "note briefly presented the revised text on the cyber toolbox as set out in doc. 8946/17.",
   "at 12:10",
   "item 4.2",
   "give PRES",
   "note presented the revised text of the draft Council conclusions as set out in doc. 7923/1/17 REV 1.",
   "action PRES 6 June put the draft conclusions on the PSC agenda",
   "outcome agreed as finalised during the meeting",
   "at 12:40",
   "item 5",
   "give COM",
   "note explained that since the start of the expert consultation process input had been collected.",
   "at 12:45",
   "give UK",
   "note provided some information on the draft agreement they were negotiating with the US.",
   "at 12:50",
   "give ES",
   "presents WK 5192/17",
   "note presented their non-paper on the challenges regarding the use of communication services.",
   "at 12:58",
   "item 6.1",
   "give HU",
   "note informed participants about the outcome of the first meeting of the OSCE informal group on cybersecurity held on 21 April 2017.",
   "at 13:02",
   "item 6.2",
   "give EE",
   "note said a presentation of the Tallinn Manual 2.0 would be organised at the beginning of June.",
   "at 13:05",
   "end",
   "item done",
};

static Fx *reference_meeting(void) {
   Fx *f = Fx_new();
   for (size_t i = 0; i < sizeof Script / sizeof *Script; i++)
      Fx_run(f, Script[i]);
   return f;
}

static void check_reference(const Session *s) {
   const SessionMeta *m = &s->meta;
   assert_string_equal(m->docno, "10876/17");
   assert_int_equal(m->date, Date_days_from_civil(2017, 5, 12));
   assert_string_equal(m->marking, "LIMITE");
   assert_non_null(strstr(m->codes, "COSI 154"));
   /* the agenda, numbered as in the document */
   const char *want[] = { "1", "2", "3", "3.1", "3.2", "4", "4.1", "4.2", "5", "6", "6.1", "6.2" };
   assert_int_equal(Agenda_count(&s->agenda), 12);
   for (size_t k = 0; k < 12; k++) {
      char path[16];
      Agenda_path(&s->agenda, Agenda_index_at(&s->agenda, k), path, sizeof path);
      assert_string_equal(path, want[k]);
      assert_int_equal(Agenda_at(&s->agenda, k)->state, GV_STATE_DONE);
   }
   size_t it1 = Agenda_find(&s->agenda, "1", 1);
   assert_string_equal(Agenda_item(&s->agenda, it1)->docs[0].text, "CM 2622/1/17 REV 1");
   assert_int_equal(Agenda_item(&s->agenda, it1)->outcome, GV_OUTCOME_AGREED);
   /* the information points added during the meeting, at HU's and EE's request */
   const Item *hu = Agenda_item(&s->agenda, Agenda_find(&s->agenda, "6.1", 3));
   const Item *ee = Agenda_item(&s->agenda, Agenda_find(&s->agenda, "6.2", 3));
   assert_true(hu->added && ee->added);
   assert_int_equal(hu->kind, GV_ITEM_INFO);
   assert_string_equal(s->roster.list[hu->requested_by].code, "HU");
   assert_string_equal(s->roster.list[ee->requested_by].code, "EE");
   assert_false(Agenda_item(&s->agenda, Agenda_find(&s->agenda, "5", 1))->added);
   /* every actor of item 2, in speaking order, with the Commission's unit */
   size_t n;
   const size_t *ivs = Session_item_interventions(s, Agenda_find(&s->agenda, "2", 1), &n);
   assert_int_equal(n, 4);
   const char *actors[] = { "PRES", "COM/HOME", "COM/HOME", "EEAS" };
   for (size_t i = 0; i < n; i++)
      assert_string_equal(s->roster.list[Session_intervention(s, ivs[i])->delegation].code, actors[i]);
   assert_string_equal(s->roster.list[Session_intervention(s, ivs[1])->delegation].phrase,
                       "the Commission (DG Home)");
   assert_int_equal(Intervention_duration(Session_intervention(s, ivs[0]), 0), 180);
   /* item 3: the FR non-paper and its support */
   ivs = Session_item_interventions(s, Agenda_find(&s->agenda, "3", 1), &n);
   assert_int_equal(n, 5);
   const Intervention *fr = Session_intervention(s, ivs[1]);
   assert_string_equal(s->roster.list[fr->delegation].code, "FR");
   assert_true(fr->has_doc);
   assert_int_equal(fr->doc->kind, GV_DOCREF_FREE);
   assert_string_equal(Fx_notes(fr), "presented their non-paper, supported by a number of other Member States.");
   assert_int_equal(Session_position(s, Agenda_find(&s->agenda, "3", 1), 0)->stance, GV_STANCE_SUPPORTS);
   /* the tour de table on 3.2 queued the Member States; one spoke */
   ivs = Session_item_interventions(s, Agenda_find(&s->agenda, "3.2", 3), &n);
   assert_int_equal(n, 3);
   assert_string_equal(s->roster.list[Session_intervention(s, ivs[1])->delegation].code, "DE");
   assert_string_equal(Session_intervention(s, ivs[0])->doc->text, "WK 4977/17");
   /* the 31 May deadline, set by the Presidency */
   assert_int_equal(s->rec.ndeadlines, 1);
   assert_int_equal(s->rec.deadlines[0].day, Date_days_from_civil(2017, 5, 31));
   assert_string_equal(s->roster.list[s->rec.deadlines[0].set_by].code, "PRES");
   assert_int_equal(s->rec.deadlines[0].item, Agenda_find(&s->agenda, "3.2", 3));
   assert_int_equal(s->rec.nactions, 1);
   /* item 5: COM, UK, ES with WK 5192/17 */
   ivs = Session_item_interventions(s, Agenda_find(&s->agenda, "5", 1), &n);
   assert_int_equal(n, 3);
   assert_string_equal(Session_intervention(s, ivs[2])->doc->text, "WK 5192/17");
   assert_int_equal(Session_start_time(s), Fx_time("2017-05-12T10:00:00"));
   assert_int_equal(Session_end_time(s), Fx_time("2017-05-12T13:05:00"));
   assert_null(Session_current_item(s));
}

static void the_reference_meeting_is_recordable(void **state) {
   (void)state;
   Fx *f = reference_meeting();
   check_reference(f->s);
   Session *copy = Fx_replay_all(f->s);
   check_reference(copy);
   Session_free(copy);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_reference_meeting_is_recordable),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
