/* The archive scan (storage/archive.c) and the dossier grouping
 * (model/dossier.c) over a generated folder: sessions of several bodies and
 * years, a damaged file, a foreign file and a session a writer holds open. */
#include "tests/unit/testutil.h"

#include "model/date.h"
#include "model/dossier.h"
#include "storage/archive.h"
#include "storage/sessionfile.h"

typedef struct Fx {
   char *tmp;
   char dir[PATH_MAX / 2];
   SessionFile *held;   /* the live writer */
} Fx;

static void make_session(Fx *fx, const char *name, const char *const *lines, SessionFile **keep) {
   char path[PATH_MAX], err[512], msg[512];
   snprintf(path, sizeof path, "%s/%s", fx->dir, name);
   assert_int_equal(SessionFile_create(path, NULL, 0, NULL, err, sizeof err), 0);
   SessionFile *sf = SessionFile_open(path, NULL, err, sizeof err);
   assert_non_null(sf);
   for (size_t i = 0; lines[i]; i++) {
      SessionFileRun r = SessionFile_run(sf, lines[i], msg, sizeof msg);
      if (r != SESSIONFILE_DONE)
         fail_msg("%s: '%s': %s", name, lines[i], msg);
   }
   if (keep)
      *keep = sf;
   else
      SessionFile_close(sf);
}

static void write_file(Fx *fx, const char *name, const char *text) {
   char path[PATH_MAX];
   snprintf(path, sizeof path, "%s/%s", fx->dir, name);
   FILE *f = fopen(path, "w");
   assert_non_null(f);
   fputs(text, f);
   fclose(f);
}

static int setup(void **state) {
   Fx *fx = calloc(1, sizeof *fx);
   char cwd[PATH_MAX];
   assert_non_null(getcwd(cwd, sizeof cwd));
   setenv("GAVEL_DATADIR", cwd, 1);
   fx->tmp = TestUtil_tmpdir();
   snprintf(fx->dir, sizeof fx->dir, "%s/data/gavel/sessions", fx->tmp);
   char err[512];
   assert_int_equal(FileIO_mkdirs(fx->dir, err, sizeof err), 0);
   static const char *const s1[] = {
      "set body \"Working Party on Telecommunications\"", "set date 2016-11-20", "roster eu28-2017",
      "item add Roaming doc \"ST 12104/16\" dossier Roaming", "item 1", "reserve IT parliamentary",
      "action NL 2016-12-15 circulate figures", NULL };
   static const char *const s2[] = {
      "set body \"Horizontal Working Party on Cyber Issues\"", "set date 2017-05-12",
      "roster eu28-2017", "item add \"Cyber toolbox\" doc 7923/17 dossier \"Cyber Toolbox\"",
      "item add Other", "item 1", "floor EL", "next", "note Η Ελλάδα", "reserve DE scrutiny",
      "reserve PL general", "action FR 2017-06-01 comments", "action DE 2019-01-01 report", NULL };
   static const char *const s3[] = {
      "set body \"Horizontal Working Party on Cyber Issues\"", "set date 2017-06-12",
      "roster eu28-2017", "item add Guidelines doc \"7923/1/17 REV 1\"", "item 1",
      "reserve DE scrutiny", "reserve PL general", "lift PL general", NULL };
   static const char *const s4[] = {
      "set body \"Working Party on Telecommunications\"", "set date 2018-01-12",
      "roster eu28-2017", "item add Spectrum", "item 1", "action SE 2018-02-01 note", NULL };
   make_session(fx, "2016-11-20-tele.gavel", s1, NULL);
   make_session(fx, "2017-05-12-hwp.gavel", s2, NULL);
   make_session(fx, "2017-06-12-hwp.gavel", s3, NULL);
   make_session(fx, "2018-01-12-tele.gavel", s4, &fx->held);
   write_file(fx, "2017-09-01-damaged.gavel",
              "gavel-session 1\ncmd 2017-09-01T10:00:00 0d8a0000-0000-4000-8000-000000000001 set date 2017-09-01\n"
              "cmd garbage\n");
   write_file(fx, "notes.gavel", "not a session\n");
   write_file(fx, "README.md", "beside the sessions\n");
   *state = fx;
   return 0;
}

static int teardown(void **state) {
   Fx *fx = *state;
   SessionFile_close(fx->held);
   TestUtil_rmtree(fx->tmp);
   free(fx->tmp);
   free(fx);
   return 0;
}

typedef struct Seen {
   size_t visits, progress_calls;
   char names[8][64];
} Seen;

static void visit(void *ud, const ArchiveEntry *e, const Session *s) {
   Seen *seen = ud;
   assert_non_null(s);
   if (seen->visits < 8)
      snprintf(seen->names[seen->visits], 64, "%s", e->name);
   seen->visits++;
}

static void progress(void *ud, size_t done, size_t total) {
   Seen *seen = ud;
   assert_true(done <= total);
   seen->progress_calls++;
}

static const ArchiveEntry *by_name(const Archive *a, const char *name) {
   for (size_t i = 0; i < a->count; i++)
      if (strcmp(a->entries[i].name, name) == 0)
         return &a->entries[i];
   fail_msg("no entry %s", name);
   return NULL;
}

static void scan_lists_every_session_newest_first(void **state) {
   (void)state;
   Archive a;
   Seen seen = { 0 };
   char err[512];
   ArchiveScan how = { .today = Date_days_from_civil(2018, 1, 15), .visit = visit,
                       .progress = progress, .ud = &seen };
   assert_int_equal(Archive_scan(&a, &how, err, sizeof err), 0);
   assert_int_equal(a.count, 6);   /* README.md is not looked at */
   assert_int_equal(seen.progress_calls, 6);
   /* Visited in file-name order, the foreign file not at all. */
   assert_int_equal(seen.visits, 5);
   assert_string_equal(seen.names[0], "2016-11-20-tele.gavel");
   assert_string_equal(seen.names[4], "2018-01-12-tele.gavel");
   assert_string_equal(a.entries[0].name, "2018-01-12-tele.gavel");
   assert_string_equal(a.entries[1].name, "2017-09-01-damaged.gavel");
   assert_string_equal(a.entries[4].name, "2016-11-20-tele.gavel");
   assert_string_equal(a.entries[5].name, "notes.gavel");

   const ArchiveEntry *s2 = by_name(&a, "2017-05-12-hwp.gavel");
   assert_int_equal(s2->state, ARCHIVE_OK);
   assert_string_equal(s2->body, "Horizontal Working Party on Cyber Issues");
   assert_int_equal(s2->items, 2);
   assert_int_equal(s2->interventions, 1);
   assert_int_equal(s2->open_actions, 2);
   assert_int_equal(s2->overdue_actions, 1);   /* FR 2017-06-01; DE is due in 2019 */
   assert_int_equal(s2->standing_reservations, 2);
   assert_false(s2->locked);
   const ArchiveEntry *s3 = by_name(&a, "2017-06-12-hwp.gavel");
   assert_int_equal(s3->reservations, 2);
   assert_int_equal(s3->standing_reservations, 1);

   const ArchiveEntry *held = by_name(&a, "2018-01-12-tele.gavel");
   assert_true(held->locked);
   assert_int_equal(held->state, ARCHIVE_OK);
   assert_int_equal(held->open_actions, 1);

   const ArchiveEntry *bad = by_name(&a, "2017-09-01-damaged.gavel");
   assert_int_equal(bad->state, ARCHIVE_DAMAGED);
   assert_non_null(strstr(bad->problem, "2017-09-01-damaged.gavel:3: "));
   assert_int_equal(bad->day, Date_days_from_civil(2017, 9, 1));

   const ArchiveEntry *foreign = by_name(&a, "notes.gavel");
   assert_int_equal(foreign->state, ARCHIVE_UNREADABLE);
   assert_non_null(strstr(foreign->problem, "notes.gavel:1: not a gavel session"));
   assert_int_equal(foreign->day, GV_NO_DAY);
   Archive_free(&a);
}

static bool want_none(void *ud, const ArchiveEntry *e, const char *raw, size_t len) {
   return strstr(e->name, "hwp") != NULL;
}

static void want_skips_the_replay(void **state) {
   (void)state;
   Archive a;
   Seen seen = { 0 };
   char err[512];
   ArchiveScan how = { .today = GV_NO_DAY, .want = want_none, .visit = visit, .ud = &seen };
   assert_int_equal(Archive_scan(&a, &how, err, sizeof err), 0);
   assert_int_equal(seen.visits, 2);
   assert_int_equal(by_name(&a, "2016-11-20-tele.gavel")->state, ARCHIVE_SKIPPED);
   /* A skipped file keeps the day of its name for sorting. */
   assert_int_equal(by_name(&a, "2016-11-20-tele.gavel")->day, Date_days_from_civil(2016, 11, 20));
   Archive_free(&a);
}

static void find_action_by_prefix(void **state) {
   Fx *fx = *state;
   (void)fx;
   char path[PATH_MAX], msg[512];
   Archive a;
   char err[512];
   /* The ids are fresh uuids: read one back from a scan. */
   SessionFileOptions ro = { .readOnly = 1 };
   char p2[PATH_MAX];
   snprintf(p2, sizeof p2, "%s/2017-05-12-hwp.gavel", fx->dir);
   SessionFile *sf = SessionFile_open(p2, &ro, err, sizeof err);
   assert_non_null(sf);
   char id[37];
   memcpy(id, SessionFile_session(sf)->rec.actions[0].uuid, sizeof id);
   SessionFile_close(sf);
   char prefix[9];
   memcpy(prefix, id, 8);
   prefix[8] = '\0';
   assert_int_equal(Archive_findAction(NULL, prefix, path, sizeof path, msg, sizeof msg), 0);
   assert_string_equal(path, p2);
   assert_int_equal(Archive_findAction(NULL, "ffff0000", path, sizeof path, msg, sizeof msg), -1);
   assert_string_equal(msg, "no action 'ffff0000' in the archive");
   assert_int_equal(Archive_findAction(NULL, "ab", path, sizeof path, msg, sizeof msg), -1);
   (void)a;
}

static void dossiers_join_by_tag_and_document(void **state) {
   (void)state;
   char a[128], b[128];
   DocRef r1, r2, r3;
   char msg[128];
   assert_int_equal(DocRef_parse("7923/17", 7, &r1, msg, sizeof msg), GV_OK);
   assert_int_equal(DocRef_parse("ST 7923/1/17 REV 1", 18, &r2, msg, sizeof msg), GV_OK);
   assert_int_equal(DocRef_parse("WK 7923/2017 INIT", 17, &r3, msg, sizeof msg), GV_OK);
   assert_true(Dossier_docKey(&r1, a, sizeof a));
   assert_true(Dossier_docKey(&r2, b, sizeof b));
   assert_string_equal(a, b);
   assert_true(Dossier_docKey(&r3, b, sizeof b));
   assert_string_not_equal(a, b);   /* a working document is numbered apart */
   assert_true(Dossier_tagKey("  Cyber Tóolbox ", a, sizeof a));
   assert_true(Dossier_tagKey("cyber toolbox", b, sizeof b));
   assert_string_equal(a, b);

   /* items: 0 tagged "toolbox" with 7923/17; 1 with 7923/1/17 REV 1 only;
    * 2 with 12104/16 only; 3 tagged "toolbox" again; 4 with nothing. */
   Dossiers d;
   Dossiers_init(&d);
   for (int i = 0; i < 5; i++)
      assert_int_equal(Dossiers_add(&d), (size_t)i);
   assert_true(Dossiers_key(&d, 0, "tag:toolbox"));
   assert_true(Dossier_docKey(&r1, a, sizeof a));
   assert_true(Dossiers_key(&d, 0, a));
   assert_true(Dossier_docKey(&r2, a, sizeof a));
   assert_true(Dossiers_key(&d, 1, a));
   assert_true(Dossiers_key(&d, 2, "doc:12104/2016"));
   assert_true(Dossiers_key(&d, 3, "tag:toolbox"));
   Dossiers_finish(&d);
   size_t g = Dossiers_keyGroup(&d, "tag:toolbox");
   assert_int_equal(Dossiers_group(&d, 1), g);
   assert_int_equal(Dossiers_group(&d, 3), g);
   assert_int_not_equal(Dossiers_group(&d, 2), g);
   assert_int_equal(Dossiers_group(&d, 4), 4);
   assert_int_equal(Dossiers_keyGroup(&d, "tag:nothing"), GV_NONE);
   Dossiers_free(&d);
   DocRef_free(&r1);
   DocRef_free(&r2);
   DocRef_free(&r3);
}

/* A digest of the item titles, for the cache tests. */
static void titles(const Session *s, ArchiveDigest *out) {
   for (size_t k = 0; k < Agenda_count(&s->agenda); k++) {
      const char *f[2] = { Agenda_at(&s->agenda, k)->title, "tab\there\nnewline \\ end" };
      assert_true(ArchiveDigest_add(out, 'T', 2, f));
   }
}

typedef struct Digests {
   size_t visits, records, cached;
   char first[8][64];
} Digests;

static void got_digest(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   Digests *g = ud;
   g->cached += e->cached;
   for (size_t i = 0; i < d->count; i++) {
      assert_int_equal(d->recs[i].type, 'T');
      assert_int_equal(d->recs[i].nfields, 2);
      assert_string_equal(d->recs[i].fields[1], "tab\there\nnewline \\ end");
      assert_null(d->recs[i].fields[2]);
   }
   if (g->visits < 8)
      snprintf(g->first[g->visits], 64, "%s", d->count ? d->recs[0].fields[0] : "-");
   g->visits++;
   g->records += d->count;
}

static Digests scan_digests(Archive *a) {
   Digests g;
   memset(&g, 0, sizeof g);
   char err[512];
   ArchiveScan how = { .today = GV_NO_DAY, .digest = titles, .visitDigest = got_digest,
                       .digest_version = "test-1", .ud = &g };
   assert_int_equal(Archive_scan(a, &how, err, sizeof err), 0);
   return g;
}

static void cache_answers_until_a_file_changes(void **state) {
   Fx *fx = *state;
   char cache[PATH_MAX];
   snprintf(cache, sizeof cache, "%s/cache", fx->tmp);
   setenv("XDG_CACHE_HOME", cache, 1);
   Archive a;
   Digests cold = scan_digests(&a);
   assert_int_equal(cold.cached, 0);
   assert_int_equal(cold.visits, 5);
   Archive_free(&a);
   char file[PATH_MAX];
   char dir[PATH_MAX];
   snprintf(dir, sizeof dir, "%s/data/gavel/sessions", fx->tmp);
   assert_int_equal(Archive_cachePath(dir, file, sizeof file), 0);
   struct stat before, then;
   assert_int_equal(stat(file, &before), 0);

   Digests warm = scan_digests(&a);
   /* The damaged file is never cached; the four sound sessions are. */
   assert_int_equal(warm.cached, 4);
   assert_int_equal(warm.visits, 5);
   assert_int_equal(warm.records, cold.records);
   for (int i = 0; i < 5; i++)
      assert_string_equal(warm.first[i], cold.first[i]);
   const ArchiveEntry *s2 = by_name(&a, "2017-05-12-hwp.gavel");
   assert_true(s2->cached);
   assert_int_equal(s2->items, 2);
   assert_int_equal(s2->open_actions, 2);
   assert_string_equal(s2->body, "Horizontal Working Party on Cyber Issues");
   /* The live writer's hold is looked at afresh, not cached. */
   assert_true(by_name(&a, "2018-01-12-tele.gavel")->locked);
   Archive_free(&a);
   /* Nothing new: the cache is not rewritten (the damaged file is never in it). */
   assert_int_equal(stat(file, &then), 0);
   assert_int_equal(then.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
   assert_int_equal(then.st_ino, before.st_ino);

   /* A new mtime: that file is read again, the others still cached. */
   char path[PATH_MAX];
   snprintf(path, sizeof path, "%s/2016-11-20-tele.gavel", fx->dir);
   struct timespec later[2] = { { 0, UTIME_OMIT }, { 2000000000, 0 } };
   assert_int_equal(utimensat(AT_FDCWD, path, later, 0), 0);
   Digests again = scan_digests(&a);
   assert_int_equal(again.cached, 3);
   assert_false(by_name(&a, "2016-11-20-tele.gavel")->cached);
   Archive_free(&a);

   /* A cache that is garbage is a miss for all, then rewritten. */
   FILE *f = fopen(file, "w");
   assert_non_null(f);
   fputs("gavel-archive-cache 2 test-1\nF\tx\t1\t2\t999999\n\x01\x02", f);
   fclose(f);
   Digests junk = scan_digests(&a);
   assert_int_equal(junk.cached, 0);
   assert_int_equal(junk.records, cold.records);
   Archive_free(&a);
   Digests after = scan_digests(&a);
   assert_int_equal(after.cached, 4);
   Archive_free(&a);
   unsetenv("XDG_CACHE_HOME");
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(scan_lists_every_session_newest_first),
      cmocka_unit_test(want_skips_the_replay),
      cmocka_unit_test(find_action_by_prefix),
      cmocka_unit_test(dossiers_join_by_tag_and_document),
      cmocka_unit_test(cache_answers_until_a_file_changes),
   };
   return cmocka_run_group_tests(tests, setup, teardown);
}
