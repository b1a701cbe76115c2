/* Roster files: the shipped rosters, the delegation command lines they give
 * the model, and every mistake in a roster as "file:line: message". */
#include "model/buf.h"
#include "storage/fileio.h"
#include "storage/roster_file.h"
#include "tests/unit/ini_testutil.h"

static const char *const protocol27[] = {
   "BE", "BG", "CZ", "DK", "DE", "EE", "IE", "EL", "ES", "FR", "HR", "IT", "CY", "LV",
   "LT", "LU", "HU", "MT", "NL", "AT", "PL", "PT", "RO", "SI", "SK", "FI", "SE",
};

static RosterFile *load(const char *name) {
   IniTest_useCheckout();
   char *err = NULL;
   RosterFile *r = RosterFile_load(name, NULL, &err);
   if (!r)
      fail_msg("%s", err);
   assert_null(err);
   return r;
}

static int count_kind(const RosterFile *r, RosterKind k) {
   int n = 0;
   for (int i = 0; i < r->count; i++)
      n += r->entry[i].kind == k;
   return n;
}

static void check_member_states(const RosterFile *r, int n) {
   assert_int_equal(count_kind(r, ROSTER_MS), n);
   for (int i = 0; i < n; i++) {
      const RosterEntry *e = &r->entry[i];
      const char *want = i < 27 ? protocol27[i] : "UK";
      assert_string_equal(e->code, want);
      assert_int_equal(e->kind, ROSTER_MS);
      assert_int_equal(e->order, i + 1);
      char phrase[32];
      snprintf(phrase, sizeof phrase, "the %s delegation", want);
      assert_string_equal(e->phrase, phrase);
   }
}

static void check_institutions(const RosterFile *r) {
   static const struct {
      const char *code, *phrase;
      RosterKind kind;
   } want[] = {
      {"PRES", "the Presidency", ROSTER_INSTITUTION},
      {"COM", "the Commission", ROSTER_INSTITUTION},
      {"COM/HOME", "the Commission (DG Home)", ROSTER_UNIT},
      {"COM/CNECT", "the Commission (DG Connect)", ROSTER_UNIT},
      {"COM/JUST", "the Commission (DG Justice)", ROSTER_UNIT},
      {"COM/TRADE", "the Commission (DG Trade)", ROSTER_UNIT},
      {"EEAS", "the EEAS", ROSTER_INSTITUTION},
      {"CLS", "the Council Legal Service", ROSTER_INSTITUTION},
      {"GSC", "the General Secretariat", ROSTER_INSTITUTION},
      {"ENISA", "ENISA", ROSTER_AGENCY},
      {"EUROPOL", "Europol", ROSTER_AGENCY},
      {"EUROJUST", "Eurojust", ROSTER_AGENCY},
      {"FRA", "FRA", ROSTER_AGENCY},
   };
   for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
      const RosterEntry *e = RosterFile_find(r, want[i].code);
      assert_non_null(e);
      assert_string_equal(e->phrase, want[i].phrase);
      assert_int_equal(e->kind, want[i].kind);
      if (e->kind == ROSTER_UNIT)
         assert_int_equal(e->order, 0);
      else
         assert_true(e->order > count_kind(r, ROSTER_MS));
   }
   assert_string_equal(RosterFile_find(r, "com/home")->name, "DG Home");
   assert_string_equal(RosterFile_find(r, "EUROPOL")->name, "Europol");
}

static void eu27(void **state) {
   (void)state;
   RosterFile *r = load("eu27");
   check_member_states(r, 27);
   check_institutions(r);
   assert_null(RosterFile_find(r, "UK"));
   assert_null(RosterFile_find(r, "GR")); /* Greece is EL in the Council */
   const RosterEntry *el = RosterFile_find(r, "EL");
   assert_string_equal(el->name, "Greece");
   assert_string_equal(el->native, "Ελλάδα");
   assert_string_equal(RosterFile_find(r, "BG")->native, "България");
   assert_string_equal(RosterFile_find(r, "CZ")->native, "Česko");
   assert_string_equal(RosterFile_find(r, "AT")->native, "Österreich");
   assert_string_equal(RosterFile_find(r, "HU")->native, "Magyarország");
   assert_string_equal(RosterFile_find(r, "CY")->native, "Κύπρος");
   assert_string_equal(RosterFile_find(r, "FR")->native, "France");
   assert_non_null(strstr(r->path, "rosters/eu27.ini"));
   assert_non_null(r->title);
   RosterFile_free(r);
}

static void eu28_2017(void **state) {
   (void)state;
   RosterFile *r = load("eu28-2017");
   check_member_states(r, 28);
   check_institutions(r);
   const RosterEntry *uk = RosterFile_find(r, "UK");
   assert_int_equal(uk->order, 28);
   assert_int_equal(RosterFile_find(r, "SE")->order, 27);
   assert_string_equal(uk->phrase, "the UK delegation");
   assert_string_equal(RosterFile_find(r, "EL")->native, "Ελλάδα");
   RosterFile_free(r);
}

/* Every name and phrase is one quoted word the model's splitter takes back. */
static void command_lines(void **state) {
   (void)state;
   RosterFile *r = load("eu28-2017");
   IniCommands c = {0};
   RosterFile_commands(r, &c);
   assert_int_equal(c.count, r->count);
   assert_null(c.line[c.count]);
   assert_string_equal(c.line[0], "delegation BE kind=ms order=1 name=\"Belgium\" "
                                  "native=\"Belgique/België/Belgien\" phrase=\"the BE delegation\"");
   assert_string_equal(c.line[7], "delegation EL kind=ms order=8 name=\"Greece\" "
                                  "native=\"Ελλάδα\" phrase=\"the EL delegation\"");
   int home = -1;
   for (int i = 0; i < c.count; i++)
      if (strncmp(c.line[i], "delegation COM/HOME ", 20) == 0)
         home = i;
   assert_true(home > 0);
   assert_string_equal(c.line[home], "delegation COM/HOME name=\"DG Home\" "
                                     "phrase=\"the Commission (DG Home)\"");
   assert_non_null(strstr(c.line[home - 1], "delegation COM kind=institution order=30 "));
   IniCommands_clear(&c);
   RosterFile_free(r);

   char *err = NULL;
   char *text = RosterFile_lines("eu27", NULL, &err);
   assert_non_null(text);
   assert_null(err);
   assert_true(strncmp(text, "delegation BE kind=ms order=1 ", 30) == 0);
   assert_non_null(strstr(text, "\ndelegation SE kind=ms order=27 "));
   assert_null(strstr(text, "delegation UK"));
   assert_int_equal(text[strlen(text) - 1], '\n');
   free(text);
}

static void quoting(void **state) {
   (void)state;
   const char *t = "[X]\nkind = observer\nname = \"Say \\\"hi\\\"\"\nnative = a\\b\n";
   char *err = NULL;
   RosterFile *r = RosterFile_parse(t, strlen(t), "q.ini", &err);
   assert_non_null(r);
   IniCommands c = {0};
   RosterFile_commands(r, &c);
   assert_string_equal(c.line[0], "delegation X kind=observer order=1 name=\"Say \\\"hi\\\"\" "
                                  "native=\"a\\\\b\" phrase=\"the X delegation\"");
   IniCommands_clear(&c);
   RosterFile_free(r);
}

/* Defaults: native = name; a unit's phrase from its parent's. */
static void defaults(void **state) {
   (void)state;
   const char *t = "[roster]\ntitle = Test\n"
                   "[NO]\nkind = observer\nname = Norway\n"
                   "[COM]\nkind = institution\nname = Commission\nphrase = the Commission\n"
                   "[com/mare]\nname = DG Mare\n";
   char *err = NULL;
   RosterFile *r = RosterFile_parse(t, strlen(t), "d.ini", &err);
   assert_non_null(r);
   assert_string_equal(r->title, "Test");
   assert_string_equal(RosterFile_find(r, "NO")->native, "Norway");
   assert_string_equal(RosterFile_find(r, "NO")->phrase, "the NO delegation");
   const RosterEntry *u = RosterFile_find(r, "COM/MARE");
   assert_string_equal(u->code, "COM/MARE");
   assert_string_equal(u->phrase, "the Commission (DG Mare)");
   RosterFile_free(r);
}

static void mistakes(void **state) {
   (void)state;
   const char *t = "[roster]\n"                        /* 1 */
                   "title = Broken\n"                  /* 2 */
                   "[FR]\n"                            /* 3 */
                   "kind = member\n"                   /* 4 */
                   "name = France\n"                   /* 5 */
                   "[DE]\n"                            /* 6 */
                   "kind = ms\n"                       /* 7 */
                   "[fr]\n"                            /* 8 */
                   "kind = ms\n"                       /* 9 */
                   "name = France again\n"             /* 10 */
                   "[X/Y]\n"                           /* 11 */
                   "name = orphan unit\n"              /* 12 */
                   "[EEAS]\n"                          /* 13 */
                   "kind = institution\n"              /* 14 */
                   "name = EEAS\n"                     /* 15 */
                   "[IT]\n"                            /* 16 */
                   "kind = ms\n"                       /* 17 */
                   "name = Italy\n"                    /* 18 */
                   "nmae = Italia\n"                   /* 19 */
                   "[A/B/C]\n"                         /* 20 */
                   "[ES]\n"                            /* 21 */
                   "name = Spain\n";                   /* 22 */
   char *err = NULL;
   RosterFile *r = RosterFile_parse(t, strlen(t), "bad.ini", &err);
   assert_null(r);
   IniTest_hasError(err, "bad.ini", 4, "unknown kind 'member'");
   IniTest_hasError(err, "bad.ini", 6, "[DE]: missing name");
   IniTest_hasError(err, "bad.ini", 8, "section [fr] repeats [FR] of line 3");
   IniTest_hasError(err, "bad.ini", 11, "unit [X/Y]: no delegation [X] before it");
   IniTest_hasError(err, "bad.ini", 13, "[EEAS]: missing phrase");
   IniTest_hasError(err, "bad.ini", 19, "unknown key 'nmae' in [IT]");
   IniTest_hasError(err, "bad.ini", 20, "at most one /UNIT");
   IniTest_hasError(err, "bad.ini", 21, "[ES]: missing kind");
   free(err);
}

static void duplicate_code(void **state) {
   (void)state;
   const char *t = "[FR]\nkind = ms\nname = France\n[FR]\nkind = ms\nname = France\n";
   char *err = NULL;
   assert_null(RosterFile_parse(t, strlen(t), "dup.ini", &err));
   IniTest_hasError(err, "dup.ini", 4, "duplicate section [FR] (first at line 1)");
   free(err);
}

/* The reader and the model share one rule for codes: what one accepts the
 * other does (a 17-letter code used to pass here and fail in the model). */
static void codes_follow_the_model(void **state) {
   (void)state;
   const char *t = "[ABCDEFGHIJKLMNOPQ]\nkind = agency\nname = i\nphrase = F\n";
   char *err = NULL;
   assert_null(RosterFile_parse(t, strlen(t), "long.ini", &err));
   IniTest_hasError(err, "long.ini", 1, "a code is letters, digits, - and _ (at most 16)");
   free(err);
   const char *ok = "[ABCDEFGHIJKLMNOP]\nkind = institution\nname = i\nphrase = the I\n"
                    "[ABCDEFGHIJKLMNOP/UNIT-1_B]\nname = u\n";
   RosterFile *r = RosterFile_parse(ok, strlen(ok), "ok.ini", &err);
   assert_non_null(r);
   assert_int_equal(r->count, 2);
   for (int i = 0; i < r->count; i++)
      assert_true(Roster_code_valid(r->entry[i].code));
   RosterFile_free(r);
}

static void empty_roster(void **state) {
   (void)state;
   char *err = NULL;
   assert_null(RosterFile_parse("[roster]\ntitle = none\n", 22, "e.ini", &err));
   assert_string_equal(err, "e.ini: no delegations (a roster has one [CODE] section per "
                            "delegation)\n");
   free(err);
}

static void not_found_and_paths(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   setenv("GAVEL_DATADIR", dir, 1);
   char *err = NULL;
   assert_null(RosterFile_load("eu99", NULL, &err));
   assert_non_null(strstr(err, "no roster file 'eu99' (looked in "));
   assert_non_null(strstr(err, dir));
   free(err);

   /* a roster in the user's data folder ($XDG_DATA_HOME/gavel/rosters) */
   char p[PATH_MAX];
   snprintf(p, sizeof p, "%s/data/gavel/rosters", dir);
   char e[256];
   assert_int_equal(FileIO_mkdirs(p, e, sizeof e), 0);
   TestUtil_write(strcat(p, "/board.ini"), "[CHAIR]\nkind = institution\nname = Chair\n"
                                            "phrase = the Chair\n");
   RosterFile *r = RosterFile_load("board", NULL, &err);
   assert_non_null(r);
   assert_string_equal(r->entry[0].code, "CHAIR");
   RosterFile_free(r);

   /* the user's own eu27 replaces the shipped one of the same name */
   unsetenv("GAVEL_DATADIR");
   char own[PATH_MAX];
   snprintf(own, sizeof own, "%s/data/gavel/rosters/eu27.ini", dir);
   TestUtil_write(own, "[CHAIR]\nkind = institution\nname = Chair\nphrase = the Chair\n");
   r = RosterFile_load("eu27", NULL, &err);
   assert_non_null(r);
   assert_int_equal(r->count, 1);
   assert_string_equal(r->entry[0].code, "CHAIR");
   RosterFile_free(r);
   unlink(own);
   setenv("GAVEL_DATADIR", dir, 1);

   /* -D DIR stands for $XDG_DATA_HOME/gavel */
   PathsHint hint = {NULL, "/nonexistent-datadir"};
   assert_null(RosterFile_load("board", &hint, &err));
   assert_non_null(strstr(err, "/nonexistent-datadir/rosters"));
   free(err);

   /* by path, and a missing path */
   r = RosterFile_load(p, NULL, &err);
   assert_non_null(r);
   RosterFile_free(r);
   assert_null(RosterFile_load("/nonexistent/r.ini", NULL, &err));
   assert_string_equal(err, "/nonexistent/r.ini: cannot read: No such file or directory\n");
   free(err);
   unsetenv("GAVEL_DATADIR");
   TestUtil_rmtree(dir);
   free(dir);
}

/* The shape of the model's load_roster callback: lines, or one message line. */
static void load_into_for_the_model(void **state) {
   (void)state;
   IniTest_useCheckout();
   GvBuf b = GV_BUF_INIT;
   char msg[256] = "";
   assert_int_equal(RosterFile_loadInto("eu28-2017", NULL, &b, msg, sizeof msg), 0);
   assert_true(strncmp(GvBuf_str(&b), "delegation BE kind=ms order=1 ", 30) == 0);
   assert_non_null(strstr(GvBuf_str(&b), "\ndelegation UK kind=ms order=28 "));
   GvBuf_free(&b);

   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX];
   TestUtil_join(p, sizeof p, dir, "bad.ini");
   TestUtil_write(p, "[FR]\nkind = x\nname = France\n[DE]\nkind = ms\n[IT]\n");
   assert_int_equal(RosterFile_loadInto(p, NULL, &b, msg, sizeof msg), -1);
   char want[PATH_MAX + 64];
   snprintf(want, sizeof want, "%s:2: unknown kind 'x'", p);
   assert_true(strncmp(msg, want, strlen(want)) == 0);
   assert_non_null(strstr(msg, " (and 2 more)"));
   assert_null(strchr(msg, '\n'));
   assert_int_equal(b.len, 0);
   assert_int_equal(RosterFile_loadInto("eu29", NULL, &b, msg, sizeof msg), -1);
   assert_non_null(strstr(msg, "no roster file 'eu29'"));
   GvBuf_free(&b);
   TestUtil_rmtree(dir);
   free(dir);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(eu27),
      cmocka_unit_test(eu28_2017),
      cmocka_unit_test(command_lines),
      cmocka_unit_test(quoting),
      cmocka_unit_test(defaults),
      cmocka_unit_test(mistakes),
      cmocka_unit_test(duplicate_code),
      cmocka_unit_test(codes_follow_the_model),
      cmocka_unit_test(empty_roster),
      cmocka_unit_test(not_found_and_paths),
      cmocka_unit_test(load_into_for_the_model),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
