/* The floor: queue rules, tour de table, speakers, interventions, notes,
 * drafts, documents presented and speaking-time statistics. */
#include "tests/unit/test_model_fixture.h"

static const char *queue_codes(Fx *f, char *buf, size_t n) {
   size_t count;
   const QueueEntry *q = Session_queue(f->s, &count);
   buf[0] = '\0';
   size_t len = 0;
   for (size_t i = 0; i < count; i++)
      len += (size_t)snprintf(buf + len, n - len, "%s%s%s", i ? " " : "",
                              f->s->roster.list[q[i].delegation].code, q[i].point_of_order ? "!" : "");
   return buf;
}

static void queue_in_request_order(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   char buf[256];
   Fx_run(f, "floor fr de");
   Fx_run(f, "floor EL");
   assert_string_equal(queue_codes(f, buf, sizeof buf), "FR DE EL");
   assert_string_equal(f->out.data + f->out.len - strlen("floor EL\n"), "floor EL\n");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void queue_refusals(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR");
   Fx_refuse(f, "floor FR", GV_DUPLICATE, "FR is already in the queue");
   Fx_refuse(f, "floor fr", GV_DUPLICATE, "FR is already in the queue");
   Fx_refuse(f, "floor DE DE", GV_DUPLICATE, "DE is named twice");
   Fx_refuse(f, "floor DE first first", GV_USAGE, "floor: 'first' given twice");
   Fx_refuse(f, "floor DE XX", GV_NO_DELEGATION, "unknown delegation 'XX'");
   Fx_refuse(f, "floor", GV_USAGE, "floor needs");
   Fx_refuse(f, "floor DE \"NL", GV_BAD_QUOTE, "unterminated quote in 'NL'");
   Fx_refuse(f, "give \"DE", GV_BAD_QUOTE, "unterminated quote in 'DE'");
   /* all or nothing: DE was not queued by the refused lines */
   char buf[64];
   assert_string_equal(queue_codes(f, buf, sizeof buf), "FR");
   Fx_run(f, "attend UK absent");
   Fx_refuse(f, "floor UK", GV_STATE, "UK is absent");
   Fx_refuse(f, "give UK", GV_STATE, "UK is absent");
   Fx_refuse(f, "withdraw DE", GV_NOT_FOUND, "DE is not in the queue");
   Fx_refuse(f, "withdraw", GV_USAGE, NULL);
   Fx_refuse(f, "end", GV_NO_SPEAKER, "nobody has the floor");
   Fx_run(f, "withdraw FR");
   Fx_refuse(f, "next", GV_QUEUE_EMPTY, "the queue is empty");
   Fx_refuse(f, "next now", GV_USAGE, NULL);
   Fx_refuse(f, "end now", GV_USAGE, NULL);
   Fx_refuse(f, "tour DE", GV_USAGE, NULL);
   Fx_free(f);
}

/* 'first' anywhere among the codes; more codes than a line usually names. */
static void floor_first_among_many_codes(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   char buf[512];
   Fx_run(f, "floor DE poo FR");
   assert_string_equal(queue_codes(f, buf, sizeof buf), "DE! FR!");
   Fx_run(f, "withdraw DE");
   Fx_run(f, "withdraw FR");
   for (int i = 0; i < 8; i++) {
      char line[64];
      snprintf(line, sizeof line, "delegation COM/D%d name=\"DG %d\"", i, i);
      Fx_run(f, line);
   }
   const char *many = "floor PRES DE EE EL ES FR HU AT first UK COM COM/HOME COM/CNECT EEAS ENISA "
                      "COM/D0 COM/D1 COM/D2 COM/D3 COM/D4 COM/D5 COM/D6 COM/D7";
   Fx_refuse(f, "floor PRES DE EE EL ES FR HU AT UK COM COM/HOME COM/CNECT EEAS ENISA COM/D0 COM/D1 DE",
             GV_DUPLICATE, "DE is named twice");
   Fx_run(f, many);
   assert_string_equal(queue_codes(f, buf, sizeof buf),
                       "PRES! DE! EE! EL! ES! FR! HU! AT! UK! COM! COM/HOME! COM/CNECT! EEAS! ENISA! "
                       "COM/D0! COM/D1! COM/D2! COM/D3! COM/D4! COM/D5! COM/D6! COM/D7!");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void floor_needs_an_item(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_refuse(f, "floor FR", GV_NO_CURRENT, "no item is taken up");
   Fx_refuse(f, "tour", GV_NO_CURRENT, NULL);
   Fx_refuse(f, "next", GV_NO_CURRENT, NULL);
   Fx_refuse(f, "give FR", GV_NO_CURRENT, NULL);
   Fx_refuse(f, "note hello", GV_NO_CURRENT, NULL);
   Fx_free(f);
}

static void point_of_order_goes_first(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   char buf[256];
   Fx_run(f, "floor FR DE");
   Fx_run(f, "floor EL first");
   Fx_run(f, "floor AT first");
   assert_string_equal(queue_codes(f, buf, sizeof buf), "EL! AT! FR DE");
   Fx_run(f, "next");
   const Intervention *iv = Session_speaker(f->s);
   assert_non_null(iv);
   assert_string_equal(f->s->roster.list[iv->delegation].code, "EL");
   assert_true(iv->point_of_order);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void next_give_end_record_interventions(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR DE");
   Fx_tick(f, 60);
   Fx_run(f, "next");                      /* FR from 10:01 */
   Fx_tick(f, 90);
   Fx_run(f, "next");                      /* FR ends 10:02:30, DE starts */
   Fx_tick(f, 30);
   Fx_run(f, "give com/home");             /* DE ends 10:03, COM/HOME starts */
   Fx_tick(f, 120);
   Fx_run(f, "end");                       /* COM/HOME ends 10:05 */
   size_t n;
   const size_t *ivs = Session_item_interventions(f->s, Fx_item(f, "1"), &n);
   assert_int_equal(n, 3);
   const Intervention *a = Session_intervention(f->s, ivs[0]);
   const Intervention *b = Session_intervention(f->s, ivs[1]);
   const Intervention *c = Session_intervention(f->s, ivs[2]);
   assert_string_equal(f->s->roster.list[a->delegation].code, "FR");
   assert_int_equal(a->start, Fx_time("2017-05-12T10:01:00"));
   assert_int_equal(a->end, Fx_time("2017-05-12T10:02:30"));
   assert_int_equal(Intervention_duration(a, 0), 90);
   assert_string_equal(f->s->roster.list[b->delegation].code, "DE");
   assert_int_equal(Intervention_duration(b, 0), 30);
   assert_string_equal(f->s->roster.list[c->delegation].code, "COM/HOME");
   assert_int_equal(f->s->roster.list[c->delegation].parent, Fx_del(f, "COM"));
   assert_int_equal(Intervention_duration(c, 0), 120);
   assert_null(Session_speaker(f->s));
   /* every intervention has its own uuid: the event's */
   assert_string_not_equal(a->uuid, b->uuid);
   assert_non_null(strstr(f->out.data, a->uuid));
   Fx_refuse(f, "give FR FR", GV_USAGE, NULL);
   Fx_run(f, "give FR");
   Fx_refuse(f, "give FR", GV_STATE, "FR already has the floor");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void give_takes_from_queue(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   char buf[64];
   Fx_run(f, "floor FR DE EL");
   Fx_run(f, "give DE");
   assert_string_equal(queue_codes(f, buf, sizeof buf), "FR EL");
   /* the speaker may ask again for later */
   Fx_run(f, "floor DE");
   assert_string_equal(queue_codes(f, buf, sizeof buf), "FR EL DE");
   Fx_free(f);
}

static void tour_de_table_in_protocol_order(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   char buf[256];
   Fx_run(f, "attend UK absent");
   Fx_run(f, "floor FR");
   Fx_run(f, "give EE");
   Fx_run(f, "tour");
   /* Member States only, protocol order, not the absent, the queued or the speaker */
   assert_string_equal(queue_codes(f, buf, sizeof buf), "FR DE EL ES HU AT");
   Fx_refuse(f, "tour", GV_STATE, "already in the queue");
   Fx_assert_roundtrip(f);
   Fx_free(f);
   f = Fx_new();
   Fx_run(f, "item add Only");
   Fx_run(f, "item 1");
   Fx_refuse(f, "tour", GV_STATE, "no Member States");
   Fx_free(f);
}

static void taking_up_an_item_ends_the_speaker(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR DE");
   Fx_run(f, "next");
   Fx_tick(f, 45);
   Fx_run(f, "item 2");
   assert_null(Session_speaker(f->s));
   assert_int_equal(f->s->floor.list[0].end, Fx_time("2017-05-12T10:00:45"));
   /* each item has its own queue */
   size_t n;
   Session_queue(f->s, &n);
   assert_int_equal(n, 0);
   Fx_run(f, "item 1");
   Session_queue(f->s, &n);
   assert_int_equal(n, 1);
   Fx_free(f);
}

static void notes_go_to_the_right_place(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_refuse(f, "note", GV_USAGE, "note needs TEXT");
   /* A TEXT that decodes to nothing is no TEXT either, and changes nothing. */
   Fx_refuse(f, "note \"\"", GV_USAGE, "note needs TEXT");
   assert_null(Session_current_item(f->s)->notes);
   Fx_run(f, "note The agenda was adopted.");
   Fx_refuse(f, "note \"\"", GV_USAGE, "note needs TEXT");
   assert_string_equal(Session_current_item(f->s)->notes, "The agenda was adopted.");
   Fx_run(f, "give FR");
   Fx_run(f, "note presented their non-paper,");
   Fx_run(f, "note supported by a number of other Member States.");
   Fx_refuse(f, "note \"\"  ", GV_USAGE, "note needs TEXT");
   assert_string_equal(Fx_notes(Session_speaker(f->s)),
                       "presented their non-paper,\nsupported by a number of other Member States.");
   assert_int_equal(Notes_len(&Session_speaker(f->s)->notes), strlen(Fx_notes(Session_speaker(f->s))));
   Fx_run(f, "end");
   Fx_run(f, "note Added after the end.");
   assert_non_null(strstr(Fx_notes(&f->s->floor.list[0]), "\nAdded after the end."));
   Fx_run(f, "note Line one\\nline two with a backslash \\\\ here");
   assert_non_null(strstr(Fx_notes(&f->s->floor.list[0]), "Line one\nline two with a backslash \\ here"));
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void long_utf8_note(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give EL");
   /* 5,000 characters of Greek, accents, quotes and backslashes */
   const char *piece = "Ελλάδα «ασφάλεια» Österreich \"quoted\" a\\b é ";
   GvBuf text = GV_BUF_INIT;
   while (Utf8_length(GvBuf_str(&text), text.len) < 5000)
      GvBuf_puts(&text, piece);
   GvBuf line = GV_BUF_INIT;
   GvBuf_puts(&line, "note ");
   Words_put_text(&line, text.data, text.len);
   Fx_run(f, line.data);
   const Intervention *iv = Session_speaker(f->s);
   /* written as a quoted TEXT (it ends with a blank), it comes back exactly */
   assert_int_equal(Notes_len(&iv->notes), text.len);
   assert_string_equal(Fx_notes(iv), text.data);
   assert_true(Utf8_length(Fx_notes(iv), Notes_len(&iv->notes)) >= 4999);
   Fx_assert_roundtrip(f);
   /* typed raw, the blank at the end of the line is not part of the text */
   char raw[64];
   snprintf(raw, sizeof raw, "note Ελλάδα raw   ");
   Fx_run(f, raw);
   iv = Session_speaker(f->s);
   size_t tail = strlen("\nΕλλάδα raw");
   assert_int_equal(Notes_len(&iv->notes), text.len + tail);
   assert_string_equal(Fx_notes(iv) + text.len, "\nΕλλάδα raw");
   /* and as a draft, kept whole with its trailing blank */
   GvBuf_clear(&line);
   GvBuf_puts(&line, "draft ");
   Words_put_text(&line, text.data, text.len);
   Fx_run(f, line.data);
   assert_int_equal(Notes_len(&Session_speaker(f->s)->notes), text.len);
   assert_string_equal(Fx_notes(Session_speaker(f->s)), text.data);
   Fx_assert_roundtrip(f);
   GvBuf_free(&text);
   GvBuf_free(&line);
   Fx_free(f);
}

/* Hostile text goes in and comes back intact, and the journal line stays one
 * clean line (no raw control character but tab). */
static void hostile_text_in_notes(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give FR");
   const char *hostile = "<script>alert('x')</script> & \"q\" =cmd|' /C calc'!A0 \x1b[31m \x07 "
                         "\u202e עברית مرحبا tab\there\rcr";
   Fx_run(f, "draft x");
   GvBuf line = GV_BUF_INIT;
   GvBuf_puts(&line, "note ");
   Words_put_text(&line, hostile, strlen(hostile));
   f->out.len = 0;
   Fx_run(f, line.data);
   for (const char *p = f->out.data; *p; p++)
      if ((unsigned char)*p < 0x20 && *p != '\t' && *p != '\n')
         fail_msg("raw control character 0x%02x in the journal", *p);
   assert_non_null(strstr(f->out.data, "\\x1b[31m"));
   const Intervention *iv = Session_speaker(f->s);
   assert_string_equal(Fx_notes(iv) + 2, hostile);
   /* a raw control byte typed on the line is kept too, and escaped */
   f->out.len = 0;
   Fx_run(f, "note beep\a");
   assert_non_null(strstr(f->out.data, "note beep\\x07\n"));
   assert_string_equal(Fx_notes(iv) + Notes_len(&iv->notes) - 5, "beep\a");
   Fx_assert_roundtrip(f);
   GvBuf_free(&line);
   Fx_free(f);
}

static void drafts_replace_and_are_not_undo_units(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_refuse(f, "draft hello", GV_NO_SPEAKER, "nobody has the floor");
   Fx_run(f, "give FR");
   Fx_run(f, "draft presented");
   Fx_run(f, "draft presented their non-paper");
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "presented their non-paper");
   /* the canonical draft names its intervention */
   char want[80];
   snprintf(want, sizeof want, "draft #%s presented their non-paper\n", Session_speaker(f->s)->uuid);
   assert_non_null(strstr(f->out.data, want));
   /* undo skips drafts: it takes back `give FR` */
   Fx_run(f, "undo");
   assert_null(Session_speaker(f->s));
   assert_int_equal(f->s->floor.count, 0);
   Fx_run(f, "redo");
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "presented their non-paper");
   Fx_run(f, "draft");   /* empties the notes */
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "");
   Fx_run(f, "draft again");
   /* a text that merely starts with '#' is text */
   Fx_run(f, "draft #1 priority for FR");
   assert_string_equal(Fx_notes(Session_speaker(f->s)), "#1 priority for FR");
   Fx_refuse(f, "draft #00000000-0000-4000-8000-000000000000 x", GV_NOT_FOUND, "no intervention");
   Fx_refuse(f, "draft #ABCDEF09-abcd-4000-8000-00000000000F x", GV_NOT_FOUND, "no intervention");
   /* one byte off the uuid's shape, anywhere: the word is text */
   const char *near[] = {
      "#00000000x0000-4000-8000-000000000000", "#00000000-0000x4000-8000-000000000000",
      "#00000000-0000-4000x8000-000000000000", "#00000000-0000-4000-8000x000000000000",
      "#g0000000-0000-4000-8000-000000000000", "#0000000g-0000-4000-8000-000000000000",
      "#00000000-000g-4000-8000-000000000000", "#00000000-0000-400g-8000-000000000000",
      "#00000000-0000-4000-800g-000000000000", "#00000000-0000-4000-8000-00000000000g",
      "#00000000-0000-4000-8000-0000000000000", "#00000000-0000-4000-8000-00000000000",
      "#00000000-00000-4000-8000-00000000000",
   };
   for (size_t i = 0; i < sizeof near / sizeof *near; i++) {
      char cmd[80];
      snprintf(cmd, sizeof cmd, "draft %s x", near[i]);
      Fx_run(f, cmd);
      snprintf(cmd, sizeof cmd, "%s x", near[i]);
      assert_string_equal(Fx_notes(Session_speaker(f->s)), cmd);
   }
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void draft_after_undone_speaker_stays_with_its_intervention(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give DE");
   Fx_run(f, "draft DE's words");
   Fx_run(f, "give FR");
   Fx_run(f, "draft FR's words");
   Fx_run(f, "undo");   /* FR never spoke: DE has the floor again */
   const Intervention *iv = Session_speaker(f->s);
   assert_string_equal(f->s->roster.list[iv->delegation].code, "DE");
   assert_string_equal(Fx_notes(iv), "DE's words");
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void presents_a_document(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_refuse(f, "presents WK 5192/17", GV_NO_SPEAKER, NULL);
   Fx_run(f, "give ES");
   Fx_refuse(f, "presents", GV_USAGE, NULL);
   Fx_refuse(f, "presents ST 5192", GV_BAD_DOCREF, "invalid document reference");
   Fx_run(f, "presents wk 5192/17");
   assert_true(Session_speaker(f->s)->has_doc);
   assert_string_equal(Session_speaker(f->s)->doc->text, "WK 5192/17");
   assert_non_null(strstr(f->out.data, "presents \"WK 5192/17\"\n"));
   Fx_run(f, "presents \"non-paper on encryption\"");
   assert_int_equal(Session_speaker(f->s)->doc->kind, GV_DOCREF_FREE);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

static void speaking_statistics(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "give FR");
   Fx_tick(f, 100);
   Fx_run(f, "give COM/HOME");
   Fx_tick(f, 50);
   Fx_run(f, "give COM");
   Fx_tick(f, 10);
   Fx_run(f, "item 2");
   Fx_run(f, "give FR");
   Fx_tick(f, 20);   /* still speaking: counted up to now */
   SpeakStat *st = calloc(f->s->roster.count, sizeof *st);
   Session_speaking_stats(f->s, GV_NONE, f->ctx.now, false, st);
   assert_int_equal(st[Fx_del(f, "FR")].interventions, 2);
   assert_int_equal(st[Fx_del(f, "FR")].seconds, 120);
   assert_int_equal(st[Fx_del(f, "COM/HOME")].seconds, 50);
   assert_int_equal(st[Fx_del(f, "COM")].seconds, 10);
   Session_speaking_stats(f->s, GV_NONE, f->ctx.now, true, st);
   assert_int_equal(st[Fx_del(f, "COM")].seconds, 60);
   assert_int_equal(st[Fx_del(f, "COM")].interventions, 2);
   assert_int_equal(st[Fx_del(f, "COM/HOME")].seconds, 0);
   Session_speaking_stats(f->s, Fx_item(f, "2"), f->ctx.now, false, st);
   assert_int_equal(st[Fx_del(f, "FR")].seconds, 20);
   assert_int_equal(st[Fx_del(f, "COM")].seconds, 0);
   free(st);
   Fx_free(f);
}

static void undo_redo_each_floor_command(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run_undo_redo(f, "floor FR DE");
   Fx_run_undo_redo(f, "floor EL first");
   Fx_run_undo_redo(f, "tour");
   Fx_run_undo_redo(f, "withdraw AT");
   Fx_run_undo_redo(f, "next");
   Fx_run_undo_redo(f, "note spoke well");
   Fx_run_undo_redo(f, "presents 8946/17");
   Fx_run_undo_redo(f, "give COM/CNECT");
   Fx_run_undo_redo(f, "end");
   Fx_free(f);
}

/* Notes made of slices of one held text: one to six notes, their distances
 * from the first around what fits in the form itself (2^15, 2^16) and far
 * beyond, read joined and piece by piece, shared before each note (the
 * other holder keeps what it had), copied into text of their own, and
 * released. */
static void notes_of_slices_near_and_far(void **state) {
   (void)state;
   enum { SIZE = 200000 };
   char *held = malloc(SIZE);
   assert_non_null(held);
   memset(held, 'x', SIZE);
   static const size_t gaps[] = { 3, 40, 0x7ffe, 0x7fff, 0x8000, 0x8001, 0xffff, 0x10000, 70000 };
   size_t ng = sizeof gaps / sizeof *gaps, cases = 0;
   for (size_t a = 0; a < ng; a++)
      for (size_t b = 0; b < ng; b++)
         for (size_t count = 1; count <= 6; count++) {
            /* piece k at start[k]: "pK" NUL-ended; the gaps between starts */
            size_t start[6], at = 100;
            for (size_t k = 0; k < count; k++) {
               start[k] = at;
               at += k == 0 ? gaps[a] : k == 1 ? gaps[b] : 9;   /* 0x7fff + 0x8000: 0xffff */
            }
            if (at + 8 > SIZE)
               continue;
            for (size_t k = 0; k < count; k++)
               snprintf(held + start[k], 8, "p%zu", k);
            Notes n, before[6];
            Notes_init(&n);
            char want[64] = "";
            for (size_t k = 0; k < count; k++) {
               before[k] = Notes_share(&n);
               assert_true(Notes_add_slice(&n, held + start[k], 2));
               snprintf(want + strlen(want), sizeof want - strlen(want), "%sp%zu", k ? "\n" : "", k);
               GvBuf sb = GV_BUF_INIT;
               assert_string_equal(Notes_text(&n, &sb), want);
               assert_int_equal(Notes_len(&n), strlen(want));
               GvBuf_free(&sb);
            }
            size_t pc = Notes_piece_count(&n);
            assert_int_equal(pc, count == 1 ? 0 : count);
            for (size_t k = 0; k < (pc ? pc : 1); k++)
               assert_ptr_equal(Notes_piece(&n, k), held + start[k]);
            /* each earlier holder still has its k notes */
            for (size_t k = 0; k < count; k++) {
               GvBuf sb = GV_BUF_INIT;
               char w[64] = "";
               for (size_t i = 0; i < k; i++)
                  snprintf(w + strlen(w), sizeof w - strlen(w), "%sp%zu", i ? "\n" : "", i);
               assert_string_equal(Notes_text(&before[k], &sb), w);
               GvBuf_free(&sb);
               Notes_release(&before[k]);
            }
            /* typed on: the pieces copied into text of its own */
            Notes own = Notes_share(&n);
            char *to = Notes_grow(&own, 3);
            assert_non_null(to);
            memcpy(to, "end", 3);
            Notes_commit(&own, 3);
            GvBuf sb = GV_BUF_INIT;
            char w2[80];
            snprintf(w2, sizeof w2, "%s\nend", want);
            assert_string_equal(Notes_text(&own, &sb), w2);
            assert_string_equal(Notes_text(&n, &sb), want);
            GvBuf_free(&sb);
            Notes_release(&own);
            Notes_release(&n);
            for (size_t k = 0; k < count; k++)
               memset(held + start[k], 'x', 3);
            cases++;
         }
   assert_true(cases > 400);
   free(held);
}

/* A clock set back (a wrong system time, corrected) never makes an
 * intervention end before it began: its end is then its start, whether
 * `end`, `next` or `give` ends it. */
static void an_end_before_its_start_is_its_start(void **state) {
   (void)state;
   Fx *f = Fx_meeting();
   Fx_run(f, "floor FR DE");
   Fx_run(f, "next");
   Fx_tick(f, -60);
   Fx_run(f, "end");
   Fx_run(f, "next");
   Fx_tick(f, -30);
   Fx_run(f, "give EE");
   Fx_tick(f, 10);
   Fx_run(f, "end");
   assert_int_equal(f->s->floor.count, 3);
   for (size_t i = 0; i < 3; i++) {
      const Intervention *iv = &f->s->floor.list[i];
      assert_true(iv->end != GV_NO_TIME);
      assert_true(iv->end >= iv->start);
   }
   assert_int_equal(f->s->floor.list[0].end, f->s->floor.list[0].start);
   assert_int_equal(f->s->floor.list[1].end, f->s->floor.list[1].start);
   assert_int_equal(f->s->floor.list[2].end, f->s->floor.list[2].start + 10);
   Fx_assert_roundtrip(f);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(queue_in_request_order),
      cmocka_unit_test(queue_refusals),
      cmocka_unit_test(floor_needs_an_item),
      cmocka_unit_test(floor_first_among_many_codes),
      cmocka_unit_test(point_of_order_goes_first),
      cmocka_unit_test(next_give_end_record_interventions),
      cmocka_unit_test(an_end_before_its_start_is_its_start),
      cmocka_unit_test(give_takes_from_queue),
      cmocka_unit_test(tour_de_table_in_protocol_order),
      cmocka_unit_test(taking_up_an_item_ends_the_speaker),
      cmocka_unit_test(notes_go_to_the_right_place),
      cmocka_unit_test(long_utf8_note),
      cmocka_unit_test(notes_of_slices_near_and_far),
      cmocka_unit_test(hostile_text_in_notes),
      cmocka_unit_test(drafts_replace_and_are_not_undo_units),
      cmocka_unit_test(draft_after_undone_speaker_stays_with_its_intervention),
      cmocka_unit_test(presents_a_document),
      cmocka_unit_test(speaking_statistics),
      cmocka_unit_test(undo_redo_each_floor_command),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
