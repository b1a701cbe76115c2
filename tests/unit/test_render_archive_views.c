/* The archive views shared by the command line and the live screen, on
 * digests of sessions built in memory: search hits (fields, context with
 * the caller's markers, filters, newest first), what a delegation said
 * (a unit speaks for its parent, meetings oldest first) and the
 * reservations rows (standing, lifted). */
#include "tests/unit/testutil.h"
#include "tests/unit/test_model_fixture.h"

#include "model/date.h"
#include "render/archive_digest.h"
#include "render/archive_items.h"
#include "render/archive_report.h"
#include "render/archive_said.h"
#include "render/archive_search.h"

static int64_t day(const char *iso) {
   int64_t t = Fx_time(iso);
   return t / GV_DAY_SECONDS;
}

/* Two meetings on one file: 12 May (FR speaks, EL supports, DE enters a
 * scrutiny reservation) and 12 June (a revision of the document, COM/HOME
 * speaks, DE maintains, PL enters and lifts). */
static void digests(ArchiveDigest *may, ArchiveDigest *june) {
   Fx *f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_run(f, "set body \"Horizontal Working Party\"");
   Fx_run(f, "item add \"Cyber toolbox\" doc 7923/17 dossier \"Cyber toolbox\"");
   Fx_run(f, "item add \"Other business\"");
   Fx_run(f, "item 1");
   Fx_run(f, "floor FR");
   Fx_run(f, "next");
   Fx_run(f, "note Une étude de sécurité, et encore de la sécurité.");
   Fx_run(f, "pos EL supports the approach");
   Fx_run(f, "reserve DE scrutiny on the annex");
   Fx_run(f, "action FR 2017-06-01 send written comments");
   memset(may, 0, sizeof *may);
   ArchiveDigest_build(f->s, may);
   Fx_free(f);
   f = Fx_new();
   Fx_run(f, "roster mini");
   Fx_run(f, "set body \"Horizontal Working Party\"");
   Fx_run(f, "item add \"Implementing guidelines\" doc \"7923/1/17 REV 1\"");
   Fx_run(f, "item 1");
   Fx_run(f, "floor COM/HOME");
   Fx_run(f, "next");
   Fx_run(f, "note La sécurité d'abord.");
   Fx_run(f, "reserve DE scrutiny");
   Fx_run(f, "reserve ES general");
   Fx_run(f, "lift ES general");
   memset(june, 0, sizeof *june);
   ArchiveDigest_build(f->s, june);
   Fx_free(f);
}

static void search_hits(void **state) {
   (void)state;
   ArchiveDigest may, june;
   digests(&may, &june);
   ArchiveSearch s;
   char msg[128];
   assert_int_equal(ArchiveSearch_init(&s, "SECURITE", msg, sizeof msg), GV_OK);
   s.markOn = "<";
   s.markOff = ">";
   /* the older first, as a scan may give them: the sort puts June first */
   ArchiveSearch_digest(&s, day("2017-05-12T00:00:00"), "HWP", "/a/may.gavel", &may);
   ArchiveSearch_digest(&s, day("2017-06-12T00:00:00"), "HWP", "/a/june.gavel", &june);
   ArchiveSearch_sort(&s);
   assert_int_equal(s.nhits, 2);
   assert_string_equal(s.hits[0].date, "2017-06-12");
   assert_string_equal(s.hits[0].delegation, "COM/HOME");
   assert_string_equal(s.hits[0].text, "La <sécurité> d'abord.");
   assert_string_equal(s.hits[1].date, "2017-05-12");
   assert_string_equal(s.hits[1].item, "1");
   assert_string_equal(s.hits[1].title, "Cyber toolbox");
   assert_string_equal(s.hits[1].delegation, "FR");
   assert_string_equal(s.hits[1].what, "said");
   assert_string_equal(s.hits[1].path, "/a/may.gavel");
   /* every occurrence marked */
   assert_string_equal(s.hits[1].text, "Une étude de <sécurité>, et encore de la <sécurité>.");
   ArchiveSearch_free(&s);

   /* a delegation, a document in another revision, an item */
   assert_int_equal(ArchiveSearch_init(&s, "securite", msg, sizeof msg), GV_OK);
   s.delegation = "fr";
   ArchiveSearch_digest(&s, 1, "HWP", "/a/may.gavel", &may);
   ArchiveSearch_digest(&s, 2, "HWP", "/a/june.gavel", &june);
   assert_int_equal(s.nhits, 1);
   ArchiveSearch_free(&s);
   assert_int_equal(ArchiveSearch_init(&s, "securite", msg, sizeof msg), GV_OK);
   assert_int_equal(ArchiveSearch_doc(&s, "7923/2/17 REV 2", msg, sizeof msg), GV_OK);
   ArchiveSearch_digest(&s, 1, "HWP", "/a/may.gavel", &may);
   ArchiveSearch_digest(&s, 2, "HWP", "/a/june.gavel", &june);
   assert_int_equal(s.nhits, 2);
   ArchiveSearch_free(&s);
   assert_int_equal(ArchiveSearch_init(&s, "securite", msg, sizeof msg), GV_OK);
   assert_int_equal(ArchiveSearch_item(&s, "guidelines", msg, sizeof msg), GV_OK);
   ArchiveSearch_digest(&s, 1, "HWP", "/a/may.gavel", &may);
   ArchiveSearch_digest(&s, 2, "HWP", "/a/june.gavel", &june);
   assert_int_equal(s.nhits, 1);
   assert_string_equal(s.hits[0].title, "Implementing guidelines");
   ArchiveSearch_free(&s);
   /* an action's text, with its owner */
   assert_int_equal(ArchiveSearch_init(&s, "\"written comments\"", msg, sizeof msg), GV_OK);
   ArchiveSearch_digest(&s, 1, NULL, "/a/may.gavel", &may);
   assert_int_equal(s.nhits, 1);
   assert_string_equal(s.hits[0].what, "action");
   assert_string_equal(s.hits[0].delegation, "FR");
   assert_string_equal(s.hits[0].body, "");
   ArchiveSearch_free(&s);
   assert_int_not_equal(ArchiveSearch_init(&s, "  ", msg, sizeof msg), GV_OK);
   ArchiveSearch_free(&s);
   ArchiveDigest_free(&may);
   ArchiveDigest_free(&june);
}

static void said_report(void **state) {
   (void)state;
   ArchiveDigest may, june;
   digests(&may, &june);
   ArchiveSaid w;
   ArchiveSaid_init(&w, "COM");
   /* June first: the report puts May first all the same */
   ArchiveSaid_digest(&w, day("2017-06-12T00:00:00"), "HWP", NULL, &june);
   ArchiveSaid_digest(&w, day("2017-05-12T00:00:00"), "HWP", "/a/may.gavel", &may);
   GvBuf out = GV_BUF_INIT;
   ArchiveSaid_text(&w, &out);
   /* COM/HOME speaks for COM; no path when none is given; nothing of FR */
   assert_int_equal(w.found, 1);
   assert_non_null(strstr(GvBuf_str(&out), "2017-06-12  HWP\n  1 Implementing guidelines\n"));
   assert_null(strstr(GvBuf_str(&out), "FR"));
   ArchiveSaid_free(&w);
   GvBuf_free(&out);

   ArchiveSaid_init(&w, "DE");
   ArchiveSaid_digest(&w, day("2017-06-12T00:00:00"), "HWP", NULL, &june);
   ArchiveSaid_digest(&w, day("2017-05-12T00:00:00"), "HWP", "/a/may.gavel", &may);
   GvBuf_init(&out);
   ArchiveSaid_text(&w, &out);
   const char *t = GvBuf_str(&out);
   assert_int_equal(w.found, 2);
   const char *m = strstr(t, "2017-05-12  HWP  /a/may.gavel\n"), *j = strstr(t, "2017-06-12  HWP\n");
   assert_non_null(m);
   assert_non_null(j);
   assert_true(m < j);
   assert_non_null(strstr(t, "reservation: scrutiny (entered): on the annex"));
   ArchiveSaid_free(&w);
   GvBuf_free(&out);
   ArchiveDigest_free(&may);
   ArchiveDigest_free(&june);
}

typedef struct Rows {
   char text[1024];
   size_t n;
} Rows;

static void row(void *ud, const char *const c[9]) {
   Rows *r = ud;
   size_t l = strlen(r->text);
   snprintf(r->text + l, sizeof r->text - l, "%s %s %s %s|", c[0], c[1], c[5], c[4]);
   r->n++;
}

static void reservation_rows(void **state) {
   (void)state;
   ArchiveDigest may, june;
   digests(&may, &june);
   ArchiveItems ai;
   ArchiveItems_init(&ai);
   ArchiveItems_addDigest(&ai, day("2017-05-12T00:00:00"), "/a/may.gavel", "HWP", &may);
   ArchiveItems_addDigest(&ai, day("2017-06-12T00:00:00"), "/a/june.gavel", "HWP", &june);
   assert_true(ArchiveItems_finish(&ai));
   Rows r = { "", 0 };
   ArchiveReport_reservations(&ai, true, NULL, GV_NONE, row, &r);
   /* one DE reservation followed across both meetings, maintained in June */
   assert_string_equal(r.text, "DE scrutiny standing maintained 2017-06-12|");
   memset(&r, 0, sizeof r);
   ArchiveReport_reservations(&ai, false, NULL, GV_NONE, row, &r);
   assert_int_equal(r.n, 2);
   assert_non_null(strstr(r.text, "ES general lifted lifted 2017-06-12|"));
   ArchiveItems_free(&ai);
   ArchiveDigest_free(&may);
   ArchiveDigest_free(&june);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(search_hits),
      cmocka_unit_test(said_report),
      cmocka_unit_test(reservation_rows),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
