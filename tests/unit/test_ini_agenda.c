/* Agenda files: [meeting] and one section per item become the command lines
 * "gavel new --agenda FILE" runs; mistakes are "file:line: message". */
#include "storage/agenda_file.h"
#include "tests/unit/ini_testutil.h"

static void demo_agenda(void **state) {
   (void)state;
   IniTest_useCheckout();
   IniCommands c = {0};
   char *err = NULL;
   assert_int_equal(AgendaFile_load("demo", NULL, NULL, &c, &err), 0);
   assert_null(err);
   static const char *const want[] = {
      "set body \"Horizontal Working Party on Cyber Issues\"",
      "set date \"2017-05-12\"",
      "set place \"Brussels\"",
      "set chair \"MT Presidency\"",
      "set codes \"CYBER 105, COPEN 220, JAI 652, POLMIL 83, TELECOM 179, RELEX 593, "
      "JAIEX 50, COPS 229, IND 178, COSI 154\"",
      "set marking \"LIMITE\"",
      "set language \"en\"",
      "set from \"General Secretariat of the Council\"",
      "set to \"Horizontal Working Party on Cyber Issues\"",
      "roster \"eu28-2017\"",
      "item add \"Adoption of the agenda\" doc \"CM 2622/1/17 REV 1\"",
      "item add \"Information from the Presidency, Commission and EEAS\" kind info",
      "item add \"EU Cyber Security Strategy review - state-of-play and future steps\"",
      "item add \"Foreign and security policy cyber issues - exchange of views\" under 3",
      "item add \"Prevention & awareness raising, education & training - exchange of views\" "
      "under 3 doc \"WK 4977/17\"",
      "item add \"Joint EU Diplomatic Response to Cyber Operations (Cyber toolbox)\"",
      "item add \"Cyber toolbox - presentation of the revised text and initial views\" under 4 "
      "doc \"8946/17\"",
      "item add \"Draft Council Conclusions - examination of the revised text\" under 4 "
      "doc \"7923/1/17 REV 1\"",
      "item add \"E-evidence\"",
      "item add \"AOB\" kind aob",
      "set numbering numeric",
   };
   for (int i = 0; i < c.count && i < (int)(sizeof want / sizeof *want); i++)
      assert_string_equal(c.line[i], want[i]);
   assert_int_equal(c.count, sizeof want / sizeof *want);
   /* the points HU and EE asked for are added during the meeting */
   for (int i = 0; i < c.count; i++)
      assert_null(strstr(c.line[i], "requested"));
   IniCommands_clear(&c);

   /* gavel new --roster NAME wins over the file's */
   assert_int_equal(AgendaFile_load("demo", NULL, "eu27", &c, &err), 0);
   assert_string_equal(c.line[9], "roster \"eu27\"");
   IniCommands_clear(&c);
}

static void nesting_docs_and_options(void **state) {
   (void)state;
   const char *t = "[a]\ntitle = One\n"
                   "[b]\ntitle = Two; with a semicolon\ndocs = st 1/17, JOIN(2017) 450 final ,12104/18 add 2\n"
                   "[b1]\nparent = b\ntitle = Two.one\n"
                   "[b1x]\nunder = b1\ntitle = deep\nrequested = hu\n"
                   "[b2]\nunder = B\ntitle = \"Say \\\"x\\\"\"\nkind = info\n"
                   "[c]\ntitle = Three\nkind = AOB\n";
   IniCommands c = {0};
   char *err = NULL;
   assert_int_equal(AgendaFile_parse(t, strlen(t), "n.ini", NULL, &c, &err), 0);
   assert_int_equal(c.count, 6);
   assert_string_equal(c.line[0], "item add \"One\"");
   assert_string_equal(c.line[1], "item add \"Two; with a semicolon\" doc \"ST 1/17\" "
                                  "doc \"JOIN(2017) 450 final\" doc \"12104/18 ADD 2\"");
   assert_string_equal(c.line[2], "item add \"Two.one\" under 2");
   assert_string_equal(c.line[3], "item add \"deep\" under 2.1 requested hu");
   assert_string_equal(c.line[4], "item add \"Say \\\"x\\\"\" under 2 kind info");
   assert_string_equal(c.line[5], "item add \"Three\" kind aob");
   IniCommands_clear(&c);
}

static void mistakes(void **state) {
   (void)state;
   const char *t = "[meeting]\n"               /* 1 */
                   "date = 12 May 2017\n"      /* 2 */
                   "numbering = roman\n"       /* 3 */
                   "chiar = MT\n"              /* 4 */
                   "[one]\n"                   /* 5 */
                   "kind = item\n"             /* 6 */
                   "[two]\n"                   /* 7 */
                   "title = Two\n"             /* 8 */
                   "kind = point\n"            /* 9 */
                   "[three]\n"                 /* 10 */
                   "title = Three\n"           /* 11 */
                   "under = later\n"           /* 12 */
                   "[four]\n"                  /* 13 */
                   "title = Four\n"            /* 14 */
                   "docs = 1/17,,2/17, 5/\n"   /* 15 */
                   "requested = H U\n"         /* 16 */
                   "[five]\n"                  /* 17 */
                   "title = Five\n"            /* 18 */
                   "under = one\n"             /* 19 */
                   "parent = one\n"            /* 20 */
                   "[later]\n"                 /* 21 */
                   "title = Later\n";          /* 22 */
   IniCommands c = {0};
   char *err = NULL;
   assert_int_equal(AgendaFile_parse(t, strlen(t), "bad.ini", NULL, &c, &err), -1);
   assert_int_equal(c.count, 0); /* nothing half-done */
   IniTest_hasError(err, "bad.ini", 2, "date '12 May 2017' is not YYYY-MM-DD");
   IniTest_hasError(err, "bad.ini", 3, "numbering 'roman'");
   IniTest_hasError(err, "bad.ini", 4, "unknown key 'chiar' in [meeting]");
   IniTest_hasError(err, "bad.ini", 5, "item [one]: missing title");
   IniTest_hasError(err, "bad.ini", 9, "unknown kind 'point'");
   IniTest_hasError(err, "bad.ini", 12, "under 'later' is not an item before it");
   IniTest_hasError(err, "bad.ini", 15, "empty document");
   IniTest_hasError(err, "bad.ini", 15, "'5/'"); /* the model's reason */
   IniTest_hasError(err, "bad.ini", 16, "requested 'H U' is not a delegation code");
   IniTest_hasError(err, "bad.ini", 20, "both under and parent");
   free(err);
}

static void missing_and_empty(void **state) {
   (void)state;
   IniCommands c = {0};
   char *err = NULL;
   assert_int_equal(AgendaFile_load("/nonexistent/a.ini", NULL, NULL, &c, &err), -1);
   assert_string_equal(err, "/nonexistent/a.ini: cannot read: No such file or directory\n");
   free(err);
   IniTest_useCheckout();
   assert_int_equal(AgendaFile_load("nosuch", NULL, NULL, &c, &err), -1);
   assert_non_null(strstr(err, "no agenda file 'nosuch'"));
   free(err);
   assert_int_equal(AgendaFile_parse("; nothing\n", 10, "e.ini", NULL, &c, &err), -1);
   assert_string_equal(err, "e.ini: neither a [meeting] section nor any item\n");
   free(err);
   assert_int_equal(c.count, 0);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(demo_agenda),
      cmocka_unit_test(nesting_docs_and_options),
      cmocka_unit_test(mistakes),
      cmocka_unit_test(missing_and_empty),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
