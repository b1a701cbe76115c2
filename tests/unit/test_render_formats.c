/* Each output format on its own, fed by hand-made documents and action
 * lists full of hostile text: it must come out escaped and intact. */
#include "tests/unit/testutil.h"

#include "render/actions.h"
#include "render/actions_csv.h"
#include "render/actions_ics.h"
#include "render/actions_md.h"
#include "render/actions_txt.h"
#include "render/buf.h"
#include "render/chars.h"
#include "render/doc.h"
#include "render/outcome_html.h"
#include "render/outcome_md.h"
#include "render/outcome.h"
#include "render/outcome_txt.h"

#define HOSTILE "<script>alert(\"x\")</script> & =cmd|' /C calc'!A0 \x01\x1b[31m bell\x07 " \
                "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\xAE" "desrever"
/* What it must read after cleaning: controls gone, the override closed. */
#define HOSTILE_CLEAN "<script>alert(\"x\")</script> & =cmd|' /C calc'!A0 [31m bell " \
                      "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\xAE" "desrever\xE2\x80\xAC"

typedef void (*DocWriter)(FILE *, const Doc *);

static char *write_doc(DocWriter w, const Doc *d) {
   char *buf = NULL;
   size_t len = 0;
   FILE *f = open_memstream(&buf, &len);
   assert_non_null(f);
   w(f, d);
   assert_int_equal(fclose(f), 0);
   return buf;
}

static char *long_line(void) {
   Buf b = BUF_INIT;
   for (int i = 0; i < 5000; i++)
      Buf_addc(&b, (char)('a' + i % 26));
   return Buf_take(&b);
}

static void make_doc(Doc *d, const char *longText) {
   Doc_init(d);
   DocHeader *h = &d->header;
   Doc_set(&h->placeDate, "Brussels, 5 July 2017");
   Doc_set(&h->language, "en");
   Doc_set(&h->docno, "10876/17 </style><script>x</script>");
   Doc_set(&h->marking, "LIMITE");
   Doc_addCode(d, "CYBER 105");
   Doc_addCode(d, "COPEN 220");
   Doc_set(&h->title, "OUTCOME OF PROCEEDINGS");
   Doc_set(&h->from, "General Secretariat of the Council");
   Doc_set(&h->on, "12 May 2017");
   Doc_set(&h->to, "Horizontal Working Party on Cyber Issues");
   Doc_set(&h->subject, "Summary of discussions");
   Doc_heading(d, 1, "1.", "Adoption of the agenda");
   Doc_para(d, "The agenda as set out in doc. CM 2622/1/17 REV 1 was adopted.");
   Doc_heading(d, 2, "3.1.", "Foreign & security policy <cyber> issues");
   Doc_docs(d, "Doc. WK 4977/17");
   Doc_para(d, HOSTILE);
   Doc_para(d, longText);
   Doc_para(d, "- 1. # not markup * _ [x](y)");
   Doc_annex(d, "I", "Speaking time");
   const char *labels[] = { "FR", "<b>EL</b>" };
   const char *texts[] = { "2:00", "0:30" };
   const double values[] = { 120, 30 };
   Doc_chart(d, "Speaking time", labels, texts, values, 2);
   const char *cells[] = { "Delegation", "Interventions", "Speaking time",
                           "FR", "1", "2:00",
                           "<b>EL</b> | Ελλάδα", "1", "0:30" };
   Doc_table(d, cells, 3, 3, 1u << 2, 0);
}

static void html_escapes_everything(void **state) {
   (void)state;
   char *lt = long_line();
   Doc d;
   make_doc(&d, lt);
   char *out = write_doc(OutcomeHtml_write, &d);
   /* no live markup from the text, anywhere */
   assert_null(strstr(out, "<script"));
   assert_null(strstr(out, "<b>"));
   assert_non_null(strstr(out, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                               "=cmd|&#39; /C calc&#39;!A0"));
   assert_non_null(strstr(out, "Foreign &amp; security policy &lt;cyber&gt; issues"));
   /* the document number in the CSS footer cannot close the style element */
   assert_non_null(strstr(out, "@bottom-left { content: \"10876/17 \\00003C/style\\00003E"));
   /* right-to-left text intact, the override closed */
   assert_non_null(strstr(out, "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\xAE" "desrever\xE2\x80\xAC"));
   /* no control characters but newlines */
   for (const char *p = out; *p; p++)
      assert_true((unsigned char)*p >= 0x20 || *p == '\n');
   assert_non_null(strstr(out, lt));
   assert_non_null(strstr(out, "<svg class=\"chart\""));
   /* nothing loaded from elsewhere: the SVG namespace is the one URL */
   for (const char *p = out; (p = strstr(p, "http")); p++)
      assert_true(strncmp(p, "http://www.w3.org/2000/svg\"", 27) == 0);
   assert_null(strstr(out, " src="));
   assert_null(strstr(out, "<link"));
   assert_null(strstr(out, "url("));
   assert_null(strstr(out, "@import"));
   free(out);
   Doc_free(&d);
   free(lt);
}

static void markdown_escapes_everything(void **state) {
   (void)state;
   char *lt = long_line();
   Doc d;
   make_doc(&d, lt);
   char *out = write_doc(OutcomeMd_write, &d);
   assert_non_null(strstr(out, "\\<script\\>alert(\"x\")\\</script\\> \\& =cmd\\|' /C calc'!A0"));
   assert_non_null(strstr(out, "### **1. Adoption of the agenda**\n"));
   assert_non_null(strstr(out, "#### **3.1. Foreign \\& security policy \\<cyber\\> issues**\n"));
   assert_non_null(strstr(out, "\n\\- 1. # not markup \\* \\_ \\[x\\](y)\n"));
   assert_non_null(strstr(out, "| \\<b\\>EL\\</b\\> \\| Ελλάδα | 1 | 0:30 |"));
   assert_non_null(strstr(out, "## OUTCOME OF PROCEEDINGS\n\n---\n\n"));
   assert_non_null(strstr(out, lt));
   for (const char *p = out; *p; p++)
      assert_true((unsigned char)*p >= 0x20 || *p == '\n');
   free(out);
   Doc_free(&d);
   free(lt);
}

static void text_wraps_at_80_and_keeps_every_word(void **state) {
   (void)state;
   char *lt = long_line();
   Doc d;
   make_doc(&d, lt);
   char *out = write_doc(OutcomeTxt_write, &d);
   size_t letters = 0;
   for (const char *p = out; *p;) {
      size_t l = strcspn(p, "\n");
      assert_true(Chars_columns(p, l) <= 80);
      p += l;
      if (*p)
         p++;
   }
   /* the 5,000 letters are all there, cut across lines */
   for (const char *p = out; *p; p++)
      letters += *p >= 'a' && *p <= 'z';
   assert_true(letters >= 5000);
   assert_non_null(strstr(out, "<script>alert(\"x\")</script> & =cmd|' /C calc'!A0"));
   assert_non_null(strstr(out, "OUTCOME OF PROCEEDINGS"));
   assert_non_null(strstr(out, "1.  Adoption of the agenda\n"));
   assert_non_null(strstr(out, "From:     General Secretariat of the Council\n"));
   for (const char *p = out; *p; p++)
      assert_true((unsigned char)*p >= 0x20 || *p == '\n');
   free(out);
   Doc_free(&d);
   free(lt);
}

typedef struct Emitted {
   char texts[8][64];
   size_t n;
   size_t held;  /* the most blocks the Doc held at once */
} Emitted;

static void record_block(void *ctx, const Doc *d, const DocBlock *b) {
   Emitted *e = ctx;
   assert_true(e->n < 8);
   snprintf(e->texts[e->n++], sizeof e->texts[0], "%s", b->text ? b->text : "");
   if (d->count > e->held)
      e->held = d->count;
}

/* A streamed Doc hands each block over when the next one starts (a
 * paragraph still growing is kept), holds one block at a time, and frees
 * what it handed over. */
static void streamed_doc_hands_over_complete_blocks(void **state) {
   (void)state;
   Emitted e = { .n = 0, .held = 0 };
   Doc d;
   Doc_init(&d);
   Doc_stream(&d, record_block, &e);
   Doc_set(&d.header.title, "NOTE");
   Doc_heading(&d, 1, "1.", "Item");
   assert_int_equal(e.n, 0);
   Doc_para(&d, "FR supported.");
   assert_int_equal(e.n, 1);
   assert_string_equal(e.texts[0], "Item");
   Doc_paraMore(&d, "DE objected.");
   assert_int_equal(e.n, 1);
   Doc_annex(&d, "I", "Attendance");
   assert_int_equal(e.n, 2);
   assert_string_equal(e.texts[1], "FR supported. DE objected.");
   assert_int_equal(d.count, 1);
   Doc_flush(&d);
   assert_int_equal(e.n, 3);
   assert_string_equal(e.texts[2], "Attendance");
   assert_int_equal(d.count, 0);
   assert_true(e.held <= 2);
   Doc_free(&d);
}

/* HTML a block at a time: the state between blocks is kept, so the annex
 * opened by one block is closed at the end, after the table of the next. */
static void streamed_html_closes_the_annex(void **state) {
   (void)state;
   char *lt = long_line();
   Doc d;
   make_doc(&d, lt);
   char *buf = NULL;
   size_t len = 0;
   FILE *f = open_memstream(&buf, &len);
   assert_non_null(f);
   OutcomeHtml w;
   OutcomeHtml_begin(&w, f, &d.header);
   for (size_t i = 0; i < d.count; i++)
      OutcomeHtml_block(&w, &d.blocks[i]);
   OutcomeHtml_end(&w, &d.header);
   assert_int_equal(fclose(f), 0);
   assert_non_null(strstr(buf, "<section class=\"annex\">"));
   assert_non_null(strstr(buf, "</table>\n</section>\n</main>\n"));
   free(buf);
   Doc_free(&d);
   free(lt);
}

static void make_actions(ActionList *l, const char *longText) {
   ActionList_init(l);
   ActionRow a = {
      .kind = ACTION_TODO, .uid = "6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11", .owner = "FR",
      .ownerName = "the FR delegation", .what = HOSTILE, .due = "2017-05-31", .done = 0,
      .setBy = "", .item = "3.2", .itemTitle = "Prevention, awareness; training",
      .meeting = "Horizontal Working Party on Cyber Issues", .meetingDate = "2017-05-12",
      .session = "0d8a0000-0000-4000-8000-000000000001", .created = "2017-05-12T11:00:00",
   };
   ActionList_add(l, &a);
   ActionRow b = a;
   b.uid = "7f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c12";
   b.what = longText;
   b.due = "";
   b.done = 1;
   b.owner = "EL";
   b.ownerName = "the EL delegation (Ελλάδα)";
   ActionList_add(l, &b);
   ActionRow c = {
      .kind = ACTION_DEADLINE, .uid = "8f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c13", .owner = "",
      .ownerName = "all delegations", .what = "written comments on WK 4977/17", .due = "2017-05-31",
      .setBy = "PRES", .item = "3.2", .itemTitle = "Prevention", .meeting = "HWP, \"Cyber\"",
      .meetingDate = "2017-05-12", .session = "0d8a0000-0000-4000-8000-000000000001",
   };
   ActionList_add(l, &c);
}

typedef void (*ListWriter)(FILE *, const ActionList *);

static char *write_list(ListWriter w, const ActionList *l) {
   char *buf = NULL;
   size_t len = 0;
   FILE *f = open_memstream(&buf, &len);
   assert_non_null(f);
   w(f, l);
   assert_int_equal(fclose(f), 0);
   return buf;
}

static void write_ics(FILE *f, const ActionList *l) {
   ActionsIcs_write(f, l, "20261127T190000Z");
}

static void csv_quotes_and_neutralises(void **state) {
   (void)state;
   char *lt = long_line();
   ActionList l;
   make_actions(&l, lt);
   char *out = write_list(ActionsCsv_write, &l);
   static const char head[] = "type,id,owner,owner_name,what,due,status,set_by,item,item_title,"
                              "meeting,meeting_date,session\r\n";
   assert_true(strncmp(out, head, sizeof head - 1) == 0);
   assert_non_null(strstr(out, ",\"<script>alert(\"\"x\"\")</script> & =cmd|' /C calc'!A0 [31m bell "));
   assert_non_null(strstr(out, ",\"HWP, \"\"Cyber\"\"\","));
   assert_non_null(strstr(out, lt));
   /* every record ends in CRLF */
   size_t crlf = 0;
   for (const char *p = out; (p = strstr(p, "\r\n")); p += 2)
      crlf++;
   assert_int_equal(crlf, 4);
   free(out);
   ActionList_free(&l);
   /* a cell that starts a formula is neutralised */
   ActionList_init(&l);
   ActionRow r = { .kind = ACTION_TODO, .uid = "u", .owner = "FR", .what = "=cmd|' /C calc'!A0",
                   .itemTitle = "+SUM(A1)", .meeting = "@x", .ownerName = "-1" };
   ActionList_add(&l, &r);
   out = write_list(ActionsCsv_write, &l);
   assert_non_null(strstr(out, "\"'=cmd|' /C calc'!A0\""));
   assert_non_null(strstr(out, "\"'+SUM(A1)\""));
   assert_non_null(strstr(out, "\"'@x\""));
   assert_non_null(strstr(out, "\"'-1\""));
   free(out);
   ActionList_free(&l);
   free(lt);
}

static void ics_folds_escapes_and_uses_crlf(void **state) {
   (void)state;
   char *lt = long_line();
   ActionList l;
   make_actions(&l, lt);
   char *out = write_list(write_ics, &l);
   assert_true(strncmp(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0);
   assert_non_null(strstr(out, "UID:6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11@gavel\r\n"));
   assert_non_null(strstr(out, "DTSTAMP:20261127T190000Z\r\n"));
   assert_non_null(strstr(out, "DUE;VALUE=DATE:20170531\r\n"));
   assert_non_null(strstr(out, "DTSTART;VALUE=DATE:20170531\r\nDTEND;VALUE=DATE:20170601\r\n"));
   assert_non_null(strstr(out, "STATUS:COMPLETED\r\n"));
   assert_non_null(strstr(out, "BEGIN:VEVENT\r\n"));
   /* every physical line ends in CRLF and has at most 75 octets */
   for (const char *p = out; *p;) {
      const char *e = strstr(p, "\r\n");
      assert_non_null(e);
      assert_true(e - p <= 75);
      assert_null(memchr(p, '\n', (size_t)(e - p)));
      p = e + 2;
   }
   /* unfolded, the hostile text is there with , ; \ escaped */
   Buf u = BUF_INIT;
   for (const char *p = out; *p;) {
      const char *e = strstr(p, "\r\n");
      Buf_addn(&u, p, (size_t)(e - p));
      p = e + 2;
      if (*p == ' ')
         p++;
      else
         Buf_addc(&u, '\n');
   }
   assert_non_null(strstr(Buf_str(&u), "SUMMARY:FR: <script>alert(\"x\")</script> & =cmd|' /C calc'!A0"));
   assert_non_null(strstr(Buf_str(&u), "CATEGORIES:HWP\\, \"Cyber\"\n"));
   assert_non_null(strstr(Buf_str(&u), "Prevention\\, awareness\\; training"));
   assert_non_null(strstr(Buf_str(&u), lt));
   Buf_free(&u);
   free(out);
   ActionList_free(&l);
   free(lt);
}

static void md_checklist_groups_by_owner(void **state) {
   (void)state;
   ActionList l;
   make_actions(&l, "send the text");
   ActionList_sort(&l);
   char *out = write_list(ActionsMd_write, &l);
   const char *fr = strstr(out, "## FR (the FR delegation)\n\n- [ ] \\<script\\>");
   const char *el = strstr(out, "## EL (the EL delegation (Ελλάδα))\n\n- [x] send the text (no due date");
   const char *all = strstr(out, "## All delegations\n\n- [ ] Deadline: written comments on WK 4977/17 "
                                 "(due 31 May 2017; item 3.2 Prevention; HWP, \"Cyber\", 12 May 2017; set by PRES)");
   assert_non_null(fr);
   assert_non_null(el);
   assert_non_null(all);
   assert_true(fr < el && el < all);
   assert_non_null(strstr(out, "(due 31 May 2017; item 3.2 Prevention, awareness; training; "
                               "Horizontal Working Party on Cyber Issues, 12 May 2017)"));
   free(out);
   out = write_list(ActionsTxt_write, &l);
   for (const char *p = out; *p;) {
      size_t n = strcspn(p, "\n");
      assert_true(Chars_columns(p, n) <= 80);
      p += n + (p[n] != '\0');
   }
   assert_non_null(strstr(out, "[ ] 2017-05-31  FR          <script>"));
   free(out);
   ActionList_free(&l);
}

static void filter_and_sort(void **state) {
   (void)state;
   ActionList l;
   make_actions(&l, "x");
   ActionList_sort(&l);
   /* dated first, action before deadline on the same item; undated last */
   assert_string_equal(l.rows[0].owner, "FR");
   assert_int_equal(l.rows[1].kind, ACTION_DEADLINE);
   assert_string_equal(l.rows[2].owner, "EL");
   ActionList_filter(&l, 1, NULL);
   assert_int_equal(l.count, 2);
   ActionList_filter(&l, 0, "fr");
   assert_int_equal(l.count, 2);   /* FR's action and the deadline for everyone */
   ActionList_filter(&l, 0, "DE");
   assert_int_equal(l.count, 1);
   assert_int_equal(l.rows[0].kind, ACTION_DEADLINE);
   ActionList_free(&l);
}

static void format_and_annex_words(void **state) {
   (void)state;
   OutcomeFormat f;
   assert_int_equal(Outcome_parseFormat("md", &f), 0);
   assert_int_equal(f, OUTCOME_MD);
   assert_int_equal(Outcome_parseFormat("HTML", &f), 0);
   assert_int_equal(f, OUTCOME_HTML);
   assert_int_equal(Outcome_parseFormat("text", &f), 0);
   assert_int_equal(f, OUTCOME_TXT);
   assert_int_equal(Outcome_parseFormat("pdf", &f), -1);
   int a;
   char err[128];
   assert_int_equal(Outcome_parseAnnexes("attendance,actions", &a, err, sizeof err), 0);
   assert_int_equal(a, OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_ACTIONS);
   assert_int_equal(Outcome_parseAnnexes("all", &a, err, sizeof err), 0);
   assert_int_equal(a, OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_SPEAKERS | OUTCOME_ANNEX_ACTIONS);
   assert_int_equal(Outcome_parseAnnexes("speakers,minutes", &a, err, sizeof err), -1);
   assert_non_null(strstr(err, "'minutes'"));
   assert_int_equal(Outcome_parseAnnexes("speakers,", &a, err, sizeof err), 0);
   assert_int_equal(Outcome_parseAnnexes(",", &a, err, sizeof err), -1);
}

static void owner_filter_takes_in_units(void **state) {
   (void)state;
   ActionList l;
   ActionList_init(&l);
   ActionRow r = { .kind = ACTION_TODO, .uid = "a", .owner = "COM/HOME", .what = "x" };
   ActionList_add(&l, &r);
   r.uid = "b";
   r.owner = "COMX";
   ActionList_add(&l, &r);
   r.uid = "c";
   r.owner = "COM";
   ActionList_add(&l, &r);
   ActionList_filter(&l, 0, "com");
   assert_int_equal(l.count, 2);
   assert_string_equal(l.rows[0].uid, "a");
   assert_string_equal(l.rows[1].uid, "c");
   ActionList_free(&l);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(html_escapes_everything),
      cmocka_unit_test(streamed_doc_hands_over_complete_blocks),
      cmocka_unit_test(streamed_html_closes_the_annex),
      cmocka_unit_test(markdown_escapes_everything),
      cmocka_unit_test(text_wraps_at_80_and_keeps_every_word),
      cmocka_unit_test(csv_quotes_and_neutralises),
      cmocka_unit_test(ics_folds_escapes_and_uses_crlf),
      cmocka_unit_test(md_checklist_groups_by_owner),
      cmocka_unit_test(filter_and_sort),
      cmocka_unit_test(format_and_annex_words),
      cmocka_unit_test(owner_filter_takes_in_units),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
