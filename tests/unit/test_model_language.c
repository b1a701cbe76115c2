/* What real meetings say: group and item paragraphs, the Chair, short
 * references (edit, speaker, delete, move), headings, joined items, the
 * header settings, document lists, a later roster replacing the earlier. */
#include "tests/unit/test_model_fixture.h"

/* The short reference of the newest record of an item's reading order. */
static const char *last_said_uuid(const Fx *f, const char *path) {
   const Item *it = Agenda_item(&f->s->agenda, Fx_item(f, path));
   assert_true(it->nsaid > 0);
   const Said *sd = &it->said[it->nsaid - 1];
   return sd->kind == GV_SAID_PARA ? f->s->rec.paras[sd->index].uuid : f->s->floor.list[sd->index].uuid;
}

static void group_paragraphs(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give FR");
   Fx_run(f, "note presented the text");
   Fx_run(f, "group \"several delegations\" DE ES: supported the compromise");
   const Para *p = &f->s->rec.paras[0];
   assert_int_equal(p->kind, GV_PARA_GROUP);
   assert_string_equal(p->phrase, "several delegations");
   assert_int_equal(p->nmembers, 2);
   assert_int_equal(p->members[0], Fx_del(f, "DE"));
   assert_int_equal(p->members[1], Fx_del(f, "ES"));
   assert_string_equal(p->text, "supported the compromise");
   /* no clock, no statistics: the floor is FR's, and nobody else spoke */
   assert_int_equal(f->s->floor.count, 1);
   /* in its place among the interventions */
   const Item *it = Agenda_item(&f->s->agenda, Fx_item(f, "1"));
   assert_int_equal(it->nsaid, 2);
   assert_int_equal(it->said[0].kind, GV_SAID_INTERVENTION);
   assert_int_equal(it->said[1].kind, GV_SAID_PARA);
   /* unquoted phrase, no codes */
   Fx_run(f, "group a number of delegations: asked for more time");
   assert_string_equal(f->s->rec.paras[1].phrase, "a number of delegations");
   assert_int_equal(f->s->rec.paras[1].nmembers, 0);
   /* the canonical line quotes the phrase and keeps the colon */
   assert_non_null(strstr(GvBuf_str(&f->out), "group \"several delegations\" DE ES: supported the compromise"));
   Fx_refuse(f, "group several delegations supported", GV_USAGE, "group needs PHRASE");
   Fx_refuse(f, "group : supported", GV_USAGE, "group needs PHRASE");
   Fx_refuse(f, "group delegations:", GV_USAGE, "group needs PHRASE");
   Fx_refuse(f, "group delegations DE DE: agreed", GV_DUPLICATE, "DE is named twice");
   Fx_assert_roundtrip(f);
   Fx_run_undo_redo(f, "group \"some Member States\" AT HU: felt that it was too early");
   Fx_free(f);
   f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_refuse(f, "group delegations: agreed", GV_NO_CURRENT, "no item is taken up");
   Fx_free(f);
}

static void item_paragraphs(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give FR");
   Fx_run(f, "note presented the text");
   Fx_run(f, "end");
   Fx_run(f, "paragraph Delegations were invited to send written comments.");
   Fx_run(f, "para Delegations took note of the information.");
   /* the notes stay FR's; the paragraphs are the item's, in order */
   assert_string_equal(Fx_notes(&f->s->floor.list[0]), "presented the text");
   assert_int_equal(f->s->rec.nparas, 2);
   assert_int_equal(f->s->rec.paras[0].kind, GV_PARA_TEXT);
   assert_null(f->s->rec.paras[0].phrase);
   assert_string_equal(f->s->rec.paras[1].text, "Delegations took note of the information.");
   assert_non_null(strstr(GvBuf_str(&f->out), "paragraph Delegations took note"));
   Fx_refuse(f, "paragraph", GV_USAGE, "paragraph needs TEXT");
   Fx_refuse(f, "para    ", GV_USAGE, "paragraph needs TEXT");
   Fx_run_undo_redo(f, "paragraph The Chair concluded the item.");
   Fx_free(f);
}

static void the_chair(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   size_t ch = Fx_del(f, "CHAIR");
   const Delegation *d = Session_delegation(f->s, ch);
   assert_int_equal(d->kind, GV_KIND_CHAIR);
   assert_string_equal(d->phrase, "the Chair");
   Fx_run(f, "give CHAIR");
   Fx_run(f, "note concluded that the text was agreed");
   assert_int_equal(f->s->floor.list[0].delegation, ch);
   /* tour asks Member States only: never the Chair */
   Fx_run(f, "end");
   Fx_run(f, "tour");
   const Item *it = Agenda_item(&f->s->agenda, Fx_item(f, "1"));
   for (size_t q = 0; q < it->nqueue; q++)
      assert_int_not_equal(it->queue[q].delegation, ch);
   Fx_run_undo_redo(f, "set chair \"Ms Anna Virtanen\"");
   assert_string_equal(f->s->meta.chair, "Ms Anna Virtanen");
   /* a roster that has no CHAIR line gets one; loading again keeps one */
   size_t n = f->s->roster.count;
   Fx_run(f, "roster mini");
   assert_int_equal(f->s->roster.count, n);
   assert_false(f->s->roster.list[ch].retired);
   Fx_free(f);
}

static void references(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give FR");
   Fx_run(f, "note presented the text");
   Fx_run(f, "pos FR supports");
   Fx_run(f, "reserve FR scrutiny");
   Fx_run(f, "deadline 31 May written comments");
   Fx_run(f, "action FR - send the text");
   Fx_run(f, "paragraph Delegations agreed.");
   /* every record by the first characters of its uuid */
   GvRefKind k;
   size_t idx;
   const char *want[] = { f->s->floor.list[0].uuid, f->s->rec.pos[0].uuid, f->s->rec.res[0].uuid,
                          f->s->rec.deadlines[0].uuid, f->s->rec.actions[0].uuid, f->s->rec.paras[0].uuid };
   GvRefKind kinds[] = { GV_REF_INTERVENTION, GV_REF_POSITION, GV_REF_RESERVATION, GV_REF_DEADLINE,
                         GV_REF_ACTION, GV_REF_PARA };
   for (size_t i = 0; i < 6; i++) {
      assert_int_equal(Session_find_ref(f->s, want[i], 8, &k, &idx, f->msg, sizeof f->msg), GV_OK);
      assert_int_equal(k, kinds[i]);
      assert_string_equal(Session_ref_uuid(f->s, k, idx), want[i]);
   }
   /* the fixture's uuids share "000000": the short form grows past it */
   size_t len = Session_ref_len(f->s);
   assert_true(len >= 8);
   assert_int_equal(Session_find_ref(f->s, "0000", 4, &k, &idx, f->msg, sizeof f->msg), GV_AMBIGUOUS);
   assert_non_null(strstr(f->msg, "ambiguous"));
   assert_int_equal(Session_find_ref(f->s, "abc", 3, &k, &idx, f->msg, sizeof f->msg), GV_NOT_FOUND);
   assert_non_null(strstr(f->msg, "too short"));
   assert_int_equal(Session_find_ref(f->s, "ffffffff", 8, &k, &idx, f->msg, sizeof f->msg), GV_NOT_FOUND);
   Fx_free(f);
}

static void edit_speaker_delete(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give FR");
   Fx_run(f, "note presented the text");
   char iv[37], pos[37], par[37], act[37];
   snprintf(iv, sizeof iv, "%s", f->s->floor.list[0].uuid);
   Fx_run(f, "pos FR supports");
   snprintf(pos, sizeof pos, "%s", f->s->rec.pos[0].uuid);
   Fx_run(f, "paragraph Delegations agreed.");
   snprintf(par, sizeof par, "%s", f->s->rec.paras[0].uuid);
   Fx_run(f, "action FR - send the text");
   snprintf(act, sizeof act, "%s", f->s->rec.actions[0].uuid);
   char line[160];
   /* edit */
   snprintf(line, sizeof line, "edit %.8s presented the revised text", iv);
   Fx_run_undo_redo(f, line);
   assert_string_equal(Fx_notes(&f->s->floor.list[0]), "presented the revised text");
   snprintf(line, sizeof line, "edit %s Delegations took note.", par);
   Fx_run_undo_redo(f, line);
   assert_string_equal(f->s->rec.paras[0].text, "Delegations took note.");
   snprintf(line, sizeof line, "edit %.8s", par);
   Fx_refuse(f, line, GV_USAGE, "cannot be left without words");
   Fx_refuse(f, "edit zzzzzzzz text", GV_NOT_FOUND, "no record 'zzzzzzzz'");
   Fx_refuse(f, "edit", GV_USAGE, "edit needs a REF");
   /* the canonical line names the full uuid */
   snprintf(line, sizeof line, "edit %s presented the revised text", iv);
   assert_non_null(strstr(GvBuf_str(&f->out), line));
   /* speaker */
   snprintf(line, sizeof line, "speaker %.8s DE", iv);
   Fx_run_undo_redo(f, line);
   assert_int_equal(f->s->floor.list[0].delegation, Fx_del(f, "DE"));
   snprintf(line, sizeof line, "speaker %.8s ES", pos);
   Fx_run_undo_redo(f, line);
   assert_int_equal(f->s->rec.pos[0].delegation, Fx_del(f, "ES"));
   snprintf(line, sizeof line, "speaker %.8s DE", act);
   Fx_run_undo_redo(f, line);
   assert_int_equal(f->s->rec.actions[0].owner, Fx_del(f, "DE"));
   snprintf(line, sizeof line, "speaker %.8s DE", par);
   Fx_refuse(f, line, GV_STATE, "a paragraph has no speaker");
   snprintf(line, sizeof line, "speaker %.8s XX", iv);
   Fx_refuse(f, line, GV_NO_DELEGATION, "unknown delegation 'XX'");
   snprintf(line, sizeof line, "speaker %.8s", iv);
   Fx_refuse(f, line, GV_USAGE, "speaker needs REF CODE");
   Fx_run(f, "pos FR opposes");
   snprintf(line, sizeof line, "speaker %.8s FR", pos);
   Fx_refuse(f, line, GV_DUPLICATE, "FR already has a position");
   /* delete: off the record and the statistics; undo brings it back */
   snprintf(line, sizeof line, "delete %.8s", iv);
   Fx_run_undo_redo(f, line);
   assert_true(f->s->floor.list[0].deleted);
   assert_int_equal(f->s->floor.speaking, GV_NONE);
   const Item *it = Agenda_item(&f->s->agenda, Fx_item(f, "1"));
   assert_int_equal(it->ninterventions, 0);
   assert_int_equal(it->nsaid, 1);
   SpeakStat st[64];
   Session_speaking_stats(f->s, GV_NONE, f->ctx.now, false, st);
   assert_int_equal(st[Fx_del(f, "DE")].interventions, 0);
   Fx_refuse(f, line, GV_NOT_FOUND, "no record");
   snprintf(line, sizeof line, "delete %.8s", pos);
   Fx_run_undo_redo(f, line);
   assert_int_equal(f->s->rec.npos, 1);
   snprintf(line, sizeof line, "delete %.8s", act);
   Fx_run_undo_redo(f, line);
   assert_int_equal(f->s->rec.nactions, 0);
   snprintf(line, sizeof line, "delete %.8s extra", par);
   Fx_refuse(f, line, GV_USAGE, "delete needs one REF");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void move_records(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give FR");
   Fx_run(f, "note presented the text");
   char a[37], b[37], c[37];
   snprintf(a, sizeof a, "%s", last_said_uuid(f, "1"));
   Fx_run(f, "give DE");
   snprintf(b, sizeof b, "%s", last_said_uuid(f, "1"));
   Fx_run(f, "paragraph Delegations agreed.");
   snprintf(c, sizeof c, "%s", last_said_uuid(f, "1"));
   char line[160];
   snprintf(line, sizeof line, "move %.8s before %.8s", c, a);
   Fx_run_undo_redo(f, line);
   const Item *it = Agenda_item(&f->s->agenda, Fx_item(f, "1"));
   assert_int_equal(it->said[0].kind, GV_SAID_PARA);
   assert_int_equal(it->said[1].index, 0);
   assert_int_equal(it->said[2].index, 1);
   snprintf(line, sizeof line, "move %.8s after %.8s", a, b);
   Fx_run_undo_redo(f, line);
   it = Agenda_item(&f->s->agenda, Fx_item(f, "1"));   /* undo rebuilt the agenda */
   assert_int_equal(it->said[1].index, 1);
   assert_int_equal(it->said[2].index, 0);
   snprintf(line, sizeof line, "move %.8s after %.8s", a, a);
   Fx_refuse(f, line, GV_STATE, "itself");
   snprintf(line, sizeof line, "move %.8s around %.8s", a, b);
   Fx_refuse(f, line, GV_USAGE, "move needs REF before|after REF");
   /* only within one item, and only what is said */
   Fx_run(f, "item 2");
   Fx_run(f, "give ES");
   snprintf(line, sizeof line, "move %.8s before %.8s", last_said_uuid(f, "2"), a);
   Fx_refuse(f, line, GV_STATE, "different items");
   Fx_run(f, "action ES - draft");
   snprintf(line, sizeof line, "move %.8s before %.8s", f->s->rec.actions[0].uuid, last_said_uuid(f, "2"));
   Fx_refuse(f, line, GV_STATE, "only interventions and paragraphs");
   Fx_free(f);
}

static void headings_and_joins(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run_undo_redo(f, "item add \"Discussion on CFSP\" under 1 kind heading");
   size_t h = Fx_item(f, "1.1");
   assert_int_equal(Agenda_item(&f->s->agenda, h)->kind, GV_ITEM_HEADING);
   /* added while item 1 was current */
   assert_int_equal(Agenda_item(&f->s->agenda, h)->added_during, Fx_item(f, "1"));
   Fx_refuse(f, "item add X kind chapter", GV_BAD_VALUE, "kind is item, info, aob or heading");
   /* a heading takes no number in documents: the item after it is 1.1 */
   Fx_run(f, "item add \"After the heading\" under 1");
   char label[32];
   Agenda_label(&f->s->agenda, h, GV_NUMBERING_NUMERIC, label, sizeof label);
   assert_string_equal(label, "");
   Agenda_label(&f->s->agenda, Fx_item(f, "1.2"), GV_NUMBERING_NUMERIC, label, sizeof label);
   assert_string_equal(label, "1.1");
   Agenda_label(&f->s->agenda, Fx_item(f, "1.2"), GV_NUMBERING_LETTERS, label, sizeof label);
   assert_string_equal(label, "a)");
   Fx_run_undo_redo(f, "item kind 1.1 item");
   Agenda_label(&f->s->agenda, Fx_item(f, "1.2"), GV_NUMBERING_NUMERIC, label, sizeof label);
   assert_string_equal(label, "1.2");
   Fx_run(f, "item kind 1.1 heading");
   Fx_run_undo_redo(f, "item join 2 3");
   assert_int_equal(Agenda_item(&f->s->agenda, Fx_item(f, "3"))->joined, Fx_item(f, "2"));
   Fx_refuse(f, "item join 2 3", GV_STATE, "already joined");
   Fx_refuse(f, "item join 1 3", GV_STATE, "does not come right after");
   Fx_refuse(f, "item join 2 2", GV_STATE, "itself");
   Fx_refuse(f, "item join 2", GV_USAGE, "needs an item number");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void header_settings(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run_undo_redo(f, "set type NOTE");
   assert_string_equal(f->s->meta.type, "NOTE");
   Fx_run_undo_redo(f, "set on");
   assert_true(f->s->meta.on_set);
   assert_null(f->s->meta.on);
   Fx_run_undo_redo(f, "set date 2003-04-08..2003-04-09");
   int64_t d1, d2;
   Date_parse("2003-04-08", 10, GV_NO_DAY, &d1, NULL, 0);
   Date_parse("2003-04-09", 10, GV_NO_DAY, &d2, NULL, 0);
   assert_int_equal(f->s->meta.date, d1);
   assert_int_equal(f->s->meta.date_end, d2);
   Fx_refuse(f, "set date 2003-04-09..2003-04-08", GV_BAD_DATE, "LAST after FIRST");
   Fx_run_undo_redo(f, "set doc-date 2003-05-02");
   assert_int_not_equal(f->s->meta.doc_date, GV_NO_DAY);
   Fx_run_undo_redo(f, "set to \"Delegations\" \"Coreper\"");
   assert_string_equal(f->s->meta.to, "Delegations\nCoreper");
   Fx_run(f, "set to Horizontal Working Party");
   assert_string_equal(f->s->meta.to, "Horizontal Working Party");
   Fx_run_undo_redo(f, "set header \"Interinstitutional File\" \"2018/0108 (COD)\"");
   Fx_run(f, "set header \"Other\" \"x\"");
   Fx_run(f, "set header \"Interinstitutional File\" \"2018/0109 (COD)\"");
   assert_string_equal(f->s->meta.headers, "Interinstitutional File\t2018/0109 (COD)\nOther\tx");
   Fx_run(f, "set header \"Other\"");
   assert_string_equal(f->s->meta.headers, "Interinstitutional File\t2018/0109 (COD)");
   Fx_refuse(f, "set header a b c", GV_USAGE, "set header needs");
   Fx_run_undo_redo(f, "set access \"DOCUMENT PARTIALLY ACCESSIBLE TO THE PUBLIC (12.02.2019)\"");
   Fx_run_undo_redo(f, "set style minutes");
   Fx_run_undo_redo(f, "set numbering letters");
   assert_true(f->s->meta.numbering_set);
   Fx_run(f, "set header");
   assert_null(f->s->meta.headers);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void document_lists(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run_undo_redo(f, "item doc 1 10279/02 + REV 1");
   Fx_run(f, "item doc 1 7923/17 + cor 1");
   Fx_run(f, "item doc 1 8946/17, 8947/17 and WK 4977/17");
   const Item *it = Agenda_item(&f->s->agenda, Fx_item(f, "1"));
   assert_string_equal(it->docs[0].text, "10279/02 + REV 1");
   assert_string_equal(it->docs[1].text, "7923/17 + COR 1");
   assert_string_equal(it->docs[2].text, "8946/17, 8947/17 and WK 4977/17");
   assert_int_equal(it->docs[2].number, 8946);
   Fx_refuse(f, "item doc 1 8946/17 + REV", GV_BAD_DOCREF, "invalid document reference");
   Fx_refuse(f, "item doc 1 8946/17,", GV_BAD_DOCREF, "ends with");
   Fx_refuse(f, "item doc 1 8946/17, non-paper", GV_BAD_DOCREF, "not a Council document number");
   Fx_run(f, "give FR");
   Fx_run(f, "presents 10279/02 + REV 1");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

/* "eu27" after "mini": the UK leaves the picker and the attendance, and
 * stays where it spoke. */
static int two_rosters(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen) {
   if (strcmp(name, "eu27") == 0) {
      GvBuf_puts(lines, "delegation DE kind=ms order=4 name=Germany native=Deutschland\n"
                        "delegation FR kind=ms order=10 name=France native=France\n");
      return 0;
   }
   return Fx_load_roster(ud, name, lines, msg, msglen);
}

static void later_roster(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   f->ctx.load_roster = two_rosters;
   Fx_run(f, "give UK");
   Fx_run(f, "note presented the text");
   Fx_run(f, "end");
   size_t uk = Fx_del(f, "UK");
   Fx_run_undo_redo(f, "roster eu27");
   assert_true(f->s->roster.list[uk].retired);
   assert_false(f->s->roster.list[Fx_del(f, "FR")].retired);
   assert_false(f->s->roster.list[Fx_del(f, "CHAIR")].retired);
   /* where it spoke it stays */
   assert_int_equal(f->s->floor.list[0].delegation, uk);
   RosterMatch m[8];
   assert_int_equal(Roster_match(&f->s->roster, "UK", 2, m, 8), 0);
   Fx_refuse(f, "give UK", GV_STATE, "not in the roster loaded last");
   Fx_refuse(f, "floor UK", GV_STATE, "not in the roster loaded last");
   Fx_run(f, "tour");
   const Item *it = Agenda_item(&f->s->agenda, Fx_item(f, "1"));
   assert_int_equal(it->nqueue, 2);
   /* defining it again brings it back */
   Fx_run(f, "delegation UK kind=ms name=\"United Kingdom\"");
   assert_false(f->s->roster.list[uk].retired);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(group_paragraphs),
      cmocka_unit_test(item_paragraphs),
      cmocka_unit_test(the_chair),
      cmocka_unit_test(references),
      cmocka_unit_test(edit_speaker_delete),
      cmocka_unit_test(move_records),
      cmocka_unit_test(headings_and_joins),
      cmocka_unit_test(header_settings),
      cmocka_unit_test(document_lists),
      cmocka_unit_test(later_roster),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
