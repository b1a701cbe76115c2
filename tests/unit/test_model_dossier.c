/* Dossier tags in the meeting language: `item add ... dossier NAME`,
 * `item dossier NUM NAME` and the `dossier` key of agenda files; journaled
 * in canonical form, replayed, undone. */
#include "tests/unit/test_model_fixture.h"

#include "storage/agenda_file.h"

static const Item *item(Fx *f, const char *num) {
   size_t idx = Agenda_find(&f->s->agenda, num, strlen(num));
   assert_int_not_equal(idx, GV_NONE);
   return Agenda_item(&f->s->agenda, idx);
}

/* A fresh session from every line run so far gives the same tags. */
static void replays_to(Fx *f, const char *const *want, size_t n) {
   Session *s = Session_new();
   char msg[512];
   const char *p = f->out.data;
   for (const char *nl; p && (nl = strchr(p, '\n')); p = nl + 1)
      assert_int_equal(Session_replay(s, p, (size_t)(nl - p), msg, sizeof msg), GV_OK);
   assert_int_equal(Agenda_count(&s->agenda), n);
   for (size_t k = 0; k < n; k++) {
      const Item *it = Agenda_at(&s->agenda, k);
      if (want[k])
         assert_string_equal(it->dossier, want[k]);
      else
         assert_null(it->dossier);
   }
   Session_free(s);
}

static void add_with_a_dossier(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "item add Cyber toolbox doc 7923/17 dossier Cyber Diplomacy Toolbox kind info");
   Fx_run(f, "item add \"Dossier review\" dossier \"E-evidence\"");
   Fx_run(f, "item add Other");
   assert_string_equal(item(f, "1")->title, "Cyber toolbox");
   assert_string_equal(item(f, "1")->dossier, "Cyber Diplomacy Toolbox");
   assert_int_equal(item(f, "1")->kind, GV_ITEM_INFO);
   assert_string_equal(item(f, "2")->dossier, "E-evidence");
   assert_null(item(f, "3")->dossier);
   /* Canonical: the name quoted, so that a keyword in it reads back. */
   assert_non_null(strstr(f->out.data, " dossier \"Cyber Diplomacy Toolbox\" kind info") ||
                   strstr(f->out.data, " kind info dossier \"Cyber Diplomacy Toolbox\""));
   const char *const want[] = { "Cyber Diplomacy Toolbox", "E-evidence", NULL };
   replays_to(f, want, 3);
   Fx_refuse(f, "item add X dossier", GV_USAGE, "dossier needs a NAME");
   Fx_refuse(f, "item add X dossier A dossier B", GV_USAGE, "given twice");
   Fx_free(f);
}

static void tag_an_item_and_undo(void **state) {
   (void)state;
   Fx *f = Fx_new();
   Fx_run(f, "item add One");
   Fx_run(f, "item add Two under 1");
   Fx_run(f, "item dossier 1.1 Roaming regulation");
   assert_string_equal(item(f, "1.1")->dossier, "Roaming regulation");
   Fx_run(f, "item dossier 1.1 \"Roaming \\\"II\\\"\"");
   assert_string_equal(item(f, "1.1")->dossier, "Roaming \"II\"");
   const char *const want[] = { NULL, "Roaming \"II\"" };
   replays_to(f, want, 2);
   Fx_run(f, "undo");
   assert_string_equal(item(f, "1.1")->dossier, "Roaming regulation");
   Fx_run(f, "undo");
   assert_null(item(f, "1.1")->dossier);
   Fx_run(f, "redo");
   assert_string_equal(item(f, "1.1")->dossier, "Roaming regulation");
   Fx_refuse(f, "item dossier 1", GV_USAGE, "item dossier needs NUM NAME");
   Fx_refuse(f, "item dossier 9 X", GV_NO_ITEM, NULL);
   Fx_refuse(f, "item dossier 1 \"   \"", GV_USAGE, "not blank");
   Fx_refuse(f, "item dossier 1 \"A\" B", GV_USAGE, "unexpected 'B'");
   Fx_free(f);
}

static void agenda_file_dossier_key(void **state) {
   (void)state;
   static const char ini[] =
      "[meeting]\nbody = HWP\n"
      "[one]\ntitle = Cyber toolbox\ndocs = 7923/17\ndossier = Cyber \"toolbox\"\n"
      "[two]\ntitle = Other\n";
   IniCommands out = { 0 };
   char *errors = NULL;
   assert_int_equal(AgendaFile_parse(ini, strlen(ini), "t.ini", NULL, &out, &errors), 0);
   Fx *f = Fx_new();
   bool found = false;
   for (int i = 0; i < out.count; i++) {
      found = found || strstr(out.line[i], "dossier");
      Fx_run(f, out.line[i]);
   }
   assert_true(found);
   assert_string_equal(item(f, "1")->dossier, "Cyber \"toolbox\"");
   assert_null(item(f, "2")->dossier);
   IniCommands_clear(&out);
   free(errors);
   Fx_free(f);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(add_with_a_dossier),
      cmocka_unit_test(tag_an_item_and_undo),
      cmocka_unit_test(agenda_file_dossier_key),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
