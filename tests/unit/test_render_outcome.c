/* The outcome of proceedings from a session built through Session_run(),
 * the model's public entry: header, numbering, sentences, positions,
 * deadlines, annexes, and the action rows. */
#include "tests/unit/testutil.h"

#include "model/session.h"
#include "render/actions.h"
#include "render/buf.h"
#include "render/chars.h"
#include "render/outcome.h"

typedef struct Uuids {
   unsigned next;
} Uuids;

static void test_uuid(void *ud, char out[37]) {
   Uuids *u = ud;
   snprintf(out, 37, "00000000-0000-4000-8000-%012u", ++u->next);
}

static Session *session_new(Uuids *u, RunContext *ctx) {
   Session *s = Session_new();
   assert_non_null(s);
   memset(ctx, 0, sizeof *ctx);
   ctx->now = Date_days_from_civil(2017, 5, 12) * GV_DAY_SECONDS + 10 * 3600;
   ctx->new_uuid = test_uuid;
   ctx->ud = u;
   return s;
}

static void run(Session *s, const RunContext *ctx, const char *line) {
   GvBuf out = GV_BUF_INIT;
   char msg[512] = "";
   GvStatus st = Session_run(s, line, strlen(line), ctx, &out, msg, sizeof msg);
   if (st != GV_OK)
      fail_msg("refused: %s: %s", line, msg);
   GvBuf_free(&out);
}

static void run_all(Session *s, const RunContext *ctx, const char *const *lines) {
   for (; *lines; lines++)
      run(s, ctx, *lines);
}

static const char *const roster[] = {
   "delegation DE kind=ms order=5 name=Germany native=Deutschland",
   "delegation EE kind=ms order=6 name=Estonia native=Eesti",
   "delegation EL kind=ms order=8 name=Greece native=Ελλάδα",
   "delegation ES kind=ms order=9 name=Spain native=España",
   "delegation FR kind=ms order=10 name=France native=France",
   "delegation HU kind=ms order=18 name=Hungary native=Magyarország",
   "delegation NL kind=ms order=20 name=Netherlands native=Nederland",
   "delegation PL kind=ms order=22 name=Poland native=Polska",
   "delegation SE kind=ms order=27 name=Sweden native=Sverige",
   "delegation UK kind=ms order=28 name=\"United Kingdom\"",
   "delegation PRES kind=institution order=100 name=Presidency phrase=\"the Presidency\"",
   "delegation COM kind=institution order=101 name=Commission phrase=\"the Commission\"",
   "delegation COM/HOME name=\"DG Home\" phrase=\"the Commission (DG Home)\"",
   "delegation EEAS kind=institution order=102 name=EEAS phrase=\"the EEAS\"",
   NULL,
};

/* A small meeting shaped like the reference document. */
static const char *const meeting[] = {
   "set body Horizontal Working Party on Cyber Issues",
   "set date 2017-05-12",
   "set place Brussels",
   "set docno 10876/17",
   "set codes CYBER 105, COPEN 220, JAI 652",
   "set marking LIMITE",
   "attend EE video",
   "attend SE video",
   "attend UK absent",
   "item add \"Adoption of the agenda\" doc \"CM 2622/1/17 REV 1\"",
   "item add \"Information from the Presidency, Commission and EEAS\"",
   "item add \"EU Cyber Security Strategy review\"",
   "item add \"Foreign and security policy cyber issues\" under 3",
   "item add \"Prevention & awareness raising\" under 3 doc \"WK 4977/17\"",
   "item add AOB kind aob",
   "at 10:00",
   "item 1",
   "item add \"OSCE informal group\" under 4 kind info requested HU",
   "item add \"Tallinn Manual 2.0\" under 4 kind info requested EE",
   "item 2",
   "at 10:05",
   "give COM/HOME",
   "note informed delegations about the outcome of the meeting held in Vienna",
   "at 10:09",
   "end",
   "give EEAS",
   "note EEAS announced that it was preparing the cyber dialogue with China.",
   "at 10:10",
   "end",
   "item 3",
   "give FR",
   "presents \"WK 5192/17\"",
   "note presented their non-paper, supported by a number of other Member States",
   "at 10:14",
   "end",
   "give ES",
   "end",
   "give DE",
   "end",
   "give HU",
   "end",
   "give DE",
   "end",
   "pos FR supports",
   "pos NL supports",
   "pos DE supports",
   "pos PL concerns",
   "reserve HU scrutiny",
   "reserve PL parliamentary",
   "item 3.2",
   "give PRES",
   "note briefly presented the four questions set out in doc. WK 4977/17",
   "at 10:20",
   "end",
   "deadline 2017-05-31 written comments by PRES",
   "action FR 2017-06-15 circulate the revised text",
   "outcome noted",
   NULL,
};

static Session *reference_like(Uuids *u, RunContext *ctx) {
   Session *s = session_new(u, ctx);
   run_all(s, ctx, roster);
   run_all(s, ctx, meeting);
   return s;
}

static char *render(const Session *s, OutcomeFormat f, int annexes) {
   char *buf = NULL;
   size_t len = 0;
   FILE *out = open_memstream(&buf, &len);
   assert_non_null(out);
   OutcomeOptions o = { .annexes = annexes, .docDate = "2017-07-05" };
   Outcome_write(out, s, f, &o);
   assert_int_equal(fclose(out), 0);
   return buf;
}

#define assert_has(hay, needle)                                              \
   do {                                                                      \
      if (!strstr((hay), (needle))) {                                        \
         fprintf(stderr, "--- rendered ---\n%s--- end ---\n", (hay));         \
         fail_msg("missing: %s", (needle));                                  \
      }                                                                      \
   } while (0)

static void header_block_as_in_the_reference(void **state) {
   (void)state;
   Uuids u = { 0 };
   RunContext ctx;
   Session *s = reference_like(&u, &ctx);
   char *md = render(s, OUTCOME_MD, 0);
   assert_true(strncmp(md, "Brussels, 5 July 2017  \n(OR. en)\n\n10876/17\n\n**LIMITE**\n\n"
                           "CYBER 105  \nCOPEN 220  \nJAI 652\n\n## OUTCOME OF PROCEEDINGS\n\n---\n\n"
                           "From: General Secretariat of the Council  \nOn: 12 May 2017  \n"
                           "To: Horizontal Working Party on Cyber Issues  \n"
                           "Subject: Summary of discussions\n\n---\n\n",
                   strlen("Brussels, 5 July 2017  \n(OR. en)\n\n10876/17\n\n**LIMITE**\n\n"
                          "CYBER 105  \nCOPEN 220  \nJAI 652\n\n## OUTCOME OF PROCEEDINGS\n\n---\n\n"
                          "From: General Secretariat of the Council  \nOn: 12 May 2017  \n"
                          "To: Horizontal Working Party on Cyber Issues  \n"
                          "Subject: Summary of discussions\n\n---\n\n")) == 0);
   free(md);
   Session_free(s);
}

static void items_numbered_and_sentences_made(void **state) {
   (void)state;
   Uuids u = { 0 };
   RunContext ctx;
   Session *s = reference_like(&u, &ctx);
   char *md = render(s, OUTCOME_MD, 0);
   assert_has(md, "### **1. Adoption of the agenda**\n\n"
                  "The agenda as set out in doc. CM 2622/1/17 REV 1 was adopted with the addition "
                  "of information points by the HU and the EE delegations.\n\n"
                  "Two delegations (EE and SE) were also connected by videoconference. "
                  "One delegation (UK) did not attend the meeting.\n\n");
   assert_has(md, "### **2. Information from the Presidency, Commission and EEAS**\n\n"
                  "The Commission (DG Home) informed delegations about the outcome of the meeting "
                  "held in Vienna.\n\n"
                  "EEAS announced that it was preparing the cyber dialogue with China.\n\n");
   assert_has(md, "### **3. EU Cyber Security Strategy review**\n\n"
                  "The FR delegation presented their non-paper, supported by a number of other "
                  "Member States (doc. WK 5192/17).\n\n"
                  "The following delegations also took the floor: DE, ES and HU.\n\n"
                  "Supported: DE, FR, NL. Concerns: PL. Scrutiny reservations: HU, PL (parliamentary).\n\n");
   assert_has(md, "#### **3.1. Foreign and security policy cyber issues**\n\n");
   assert_has(md, "#### **3.2. Prevention \\& awareness raising**\n\n*Doc. WK 4977/17*\n\n"
                  "The Presidency briefly presented the four questions set out in doc. WK 4977/17.\n\n"
                  "The Working Party took note of the information provided. "
                  "The Presidency set 31 May as the deadline for written comments.\n\n"
                  "Action: the FR delegation to circulate the revised text by 15 June 2017.\n\n");
   assert_has(md, "### **4. AOB**\n\n#### **4.1. OSCE informal group**\n\n#### **4.2. Tallinn Manual 2.0**\n");
   free(md);
   Session_free(s);
}

static void lettered_sub_items(void **state) {
   (void)state;
   Uuids u = { 0 };
   RunContext ctx;
   Session *s = reference_like(&u, &ctx);
   run(s, &ctx, "set numbering letters");
   char *md = render(s, OUTCOME_MD, 0);
   assert_has(md, "### **3. EU Cyber Security Strategy review**");
   assert_has(md, "#### **a) Foreign and security policy cyber issues**");
   assert_has(md, "#### **b) Prevention \\& awareness raising**");
   free(md);
   char *txt = render(s, OUTCOME_TXT, 0);
   assert_has(txt, "\nb)  Prevention & awareness raising\n");
   free(txt);
   Session_free(s);
}

static void annexes_in_every_format(void **state) {
   (void)state;
   Uuids u = { 0 };
   RunContext ctx;
   Session *s = reference_like(&u, &ctx);
   int all = OUTCOME_ANNEX_ATTENDANCE | OUTCOME_ANNEX_SPEAKERS | OUTCOME_ANNEX_ACTIONS;
   char *md = render(s, OUTCOME_MD, all);
   assert_has(md, "## ANNEX I: Attendance\n\n| Code | Delegation | Attendance |\n");
   assert_has(md, "| EL | Greece (Ελλάδα) | Not recorded |\n");
   assert_has(md, "| EE | Estonia (Eesti) | Videoconference |\n");
   assert_has(md, "| UK | United Kingdom | Absent |\n");
   assert_has(md, "## ANNEX II: Speaking time\n");
   assert_has(md, "| FR | 1 | 4:00 |\n");
   assert_has(md, "| Commission (DG Home) | 1 | 4:00 |\n");
   assert_has(md, "## ANNEX III: Actions and deadlines\n");
   assert_has(md, "| FR | circulate the revised text | 15 June 2017 | 3.2 | Open |\n");
   assert_has(md, "| All delegations | Deadline: written comments | 31 May 2017 | 3.2 |  |\n");
   free(md);
   char *html = render(s, OUTCOME_HTML, all);
   assert_has(html, "<svg class=\"chart\"");
   assert_has(html, "@bottom-left { content: \"10876/17\"");
   assert_has(html, "<h3><span class=\"num\">3.2.</span> Prevention &amp; awareness raising</h3>");
   assert_null(strstr(html, "<script"));
   free(html);
   char *txt = render(s, OUTCOME_TXT, all);
   for (const char *p = txt; *p;) {
      size_t n = strcspn(p, "\n");
      assert_true(Chars_columns(p, n) <= 80);
      p += n + (p[n] != '\0');
   }
   assert_has(txt, "ANNEX II: Speaking time");
   free(txt);
   Session_free(s);
}

static void action_rows_from_the_session(void **state) {
   (void)state;
   Uuids u = { 0 };
   RunContext ctx;
   Session *s = reference_like(&u, &ctx);
   ActionList l;
   ActionList_init(&l);
   ActionList_addSession(&l, s);
   ActionList_sort(&l);
   assert_int_equal(l.count, 2);
   assert_int_equal(l.rows[0].kind, ACTION_DEADLINE);
   assert_string_equal(l.rows[0].due, "2017-05-31");
   assert_string_equal(l.rows[0].setBy, "PRES");
   assert_string_equal(l.rows[0].owner, "");
   assert_string_equal(l.rows[0].item, "3.2");
   assert_string_equal(l.rows[0].itemTitle, "Prevention & awareness raising");
   assert_string_equal(l.rows[1].owner, "FR");
   assert_string_equal(l.rows[1].ownerName, "the FR delegation");
   assert_string_equal(l.rows[1].due, "2017-06-15");
   assert_string_equal(l.rows[1].meeting, "Horizontal Working Party on Cyber Issues");
   assert_string_equal(l.rows[1].meetingDate, "2017-05-12");
   assert_int_equal(strlen(l.rows[1].uid), 36);
   ActionList_free(&l);
   Session_free(s);
}

static void hostile_notes_survive(void **state) {
   (void)state;
   Uuids u = { 0 };
   RunContext ctx;
   Session *s = session_new(&u, &ctx);
   run_all(s, &ctx, roster);
   run(s, &ctx, "item add \"<script>alert(1)</script>\"");
   run(s, &ctx, "item 1");
   run(s, &ctx, "give FR");
   run(s, &ctx, "note said \"x\" & =cmd|' /C calc'!A0 שלום");
   run(s, &ctx, "end");
   run(s, &ctx, "give EL");
   run(s, &ctx, "note rang a bell\x07 in red\x1b[31m and backspaced\x08 \xE2\x80\xAE" "reversed");
   run(s, &ctx, "end");
   Buf longNote = BUF_INIT;
   Buf_add(&longNote, "note ");
   for (int i = 0; i < 4999; i++)
      Buf_add(&longNote, i % 10 == 9 ? " " : "é");
   run(s, &ctx, "give DE");
   run(s, &ctx, Buf_str(&longNote));
   run(s, &ctx, "end");
   char *md = render(s, OUTCOME_MD, 0);
   assert_has(md, "### **1. \\<script\\>alert(1)\\</script\\>**");
   assert_has(md, "The FR delegation said \"x\" \\& =cmd\\|' /C calc'!A0 שלום.");
   assert_has(md, Buf_str(&longNote) + 5);
   assert_has(md, "The EL delegation rang a bell in red\\[31m and backspaced \xE2\x80\xAE" "reversed\xE2\x80\xAC.");
   for (const char *p = md; *p; p++)
      assert_true((unsigned char)*p >= 0x20 || *p == '\n');
   free(md);
   char *html = render(s, OUTCOME_HTML, 0);
   for (const char *p = html; *p; p++)
      assert_true((unsigned char)*p >= 0x20 || *p == '\n');
   assert_null(strstr(html, "<script"));
   assert_has(html, "The FR delegation said &quot;x&quot; &amp; =cmd|&#39; /C calc&#39;!A0 שלום.");
   free(html);
   char *txt = render(s, OUTCOME_TXT, 0);
   size_t e = 0;
   for (const char *p = txt; (p = strstr(p, "é")); p += 2)
      e++;
   assert_int_equal(e, 4500);
   free(txt);
   Buf_free(&longNote);
   Session_free(s);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(header_block_as_in_the_reference),
      cmocka_unit_test(items_numbered_and_sentences_made),
      cmocka_unit_test(lettered_sub_items),
      cmocka_unit_test(annexes_in_every_format),
      cmocka_unit_test(action_rows_from_the_session),
      cmocka_unit_test(hostile_notes_survive),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
