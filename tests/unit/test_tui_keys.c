/* The key table: key names both ways, the config's [keys] remapping with its
 * refusals, and that every action is documented in gavel(1). */
#include <curses.h>
#include <locale.h>

#include "tests/unit/testutil.h"
#include "tui/actions.h"
#include "tui/keys.h"

static void names_parse_and_print_back(void **state) {
   (void)state;
   static const char *const names[] = { "n", "A", "?", ":", "]", "F5", "F12", "C-e", "M-x",
                                        "Enter", "Esc", "Tab", "S-Tab", "Space", "Backspace",
                                        "Delete", "Home", "End", "PgUp", "PgDn", "Up", "Down",
                                        "Left", "Right", "C-Left", "M-F1", "É", NULL };
   for (int i = 0; names[i]; i++) {
      int k = Keys_parse(names[i]);
      assert_true(k > 0);
      char buf[32];
      assert_string_equal(Keys_name(k, buf, sizeof buf), names[i]);
   }
   assert_int_equal(Keys_parse("enter"), KEY_FN(KEY_ENTER));
   assert_int_equal(Keys_parse("c-E"), KEY_CTRL('e'));
   assert_int_equal(Keys_parse("F13"), -1);
   assert_int_equal(Keys_parse("nn"), -1);
   assert_int_equal(Keys_parse(""), -1);
   assert_int_equal(Keys_parse("C-1"), -1);
   /* A letter above U+00FF never collides with a function key. */
   assert_int_not_equal(Keys_parse("ő"), KEY_FN(0x151));
   assert_int_equal(Keys_parse("ő"), 0x151);
}

static void defaults_bind_every_action(void **state) {
   (void)state;
   KeyDef defs[ACTIONS_MAX];
   Actions_keyDefs(defs);
   KeyMap map;
   KeyMap_init(&map, defs, ActionCount);
   for (int a = 0; a < ActionCount; a++)
      assert_true(KeyMap_firstKey(&map, a) >= 0);
   assert_int_equal(KeyMap_lookup(&map, 'n'), Actions_find("next"));
   assert_int_equal(KeyMap_lookup(&map, KEY_FN(KEY_F(5))), Actions_find("next"));
   assert_int_equal(KeyMap_lookup(&map, '?'), Actions_find("help"));
   assert_int_equal(KeyMap_lookup(&map, 'Z'), -1);
   /* No two actions share a default key. */
   for (int i = 0; i < map.n; i++)
      for (int j = i + 1; j < map.n; j++)
         assert_int_not_equal(map.b[i].key, map.b[j].key);
}

static void config_remaps_and_refuses(void **state) {
   (void)state;
   KeyDef defs[ACTIONS_MAX];
   Actions_keyDefs(defs);
   KeyMap map;
   KeyMap_init(&map, defs, ActionCount);
   char err[256];
   assert_int_equal(KeyMap_set(&map, defs, ActionCount, "next", "N F7", err, sizeof err), 0);
   assert_int_equal(KeyMap_lookup(&map, 'N'), Actions_find("next"));
   assert_int_equal(KeyMap_lookup(&map, 'n'), -1);
   char keys[64];
   assert_string_equal(KeyMap_keysOf(&map, Actions_find("next"), keys, sizeof keys), "N F7");
   /* Taking a key from another action moves it. */
   assert_int_equal(KeyMap_set(&map, defs, ActionCount, "end", "t", err, sizeof err), 0);
   assert_int_equal(KeyMap_lookup(&map, 't'), Actions_find("end"));
   assert_int_equal(KeyMap_set(&map, defs, ActionCount, "nxet", "x", err, sizeof err), -1);
   assert_non_null(strstr(err, "unknown action 'nxet'"));
   assert_int_equal(KeyMap_set(&map, defs, ActionCount, "next", "Ctrl-x", err, sizeof err), -1);
   assert_non_null(strstr(err, "unknown key 'Ctrl-x'"));
   assert_int_equal(KeyMap_set(&map, defs, ActionCount, "next", "C-s", err, sizeof err), -1);
   assert_non_null(strstr(err, "XON/XOFF"));
   assert_int_equal(KeyMap_set(&map, defs, ActionCount, "next", "C-q", err, sizeof err), -1);
   assert_int_equal(KeyMap_set(&map, defs, ActionCount, "next", "M-n", err, sizeof err), -1);
   assert_non_null(strstr(err, "Alt keys"));
   /* A refused line changes nothing. */
   assert_int_equal(KeyMap_lookup(&map, 'N'), Actions_find("next"));
}

static void man_page_lists_every_action(void **state) {
   (void)state;
   /* The tests run from the top of the tree (make check). */
   char *man = TestUtil_slurp("doc/gavel.1", NULL);
   if (!man)
      fail_msg("doc/gavel.1 cannot be read from %s", getcwd(NULL, 0));
   for (int a = 0; a < ActionCount; a++) {
      char want[64];
      snprintf(want, sizeof want, "\\fB%s\\fR", Actions[a].name);
      char *at = strstr(man, want);
      if (!at)
         fail_msg("doc/gavel.1 does not document the key action '%s'", Actions[a].name);
      /* The line before names its default keys (man escapes '-' as '\-'). */
      char *end = at - 1, *start = end;
      while (start > man && start[-1] != '\n')
         start--;
      char keys[128], line[256];
      snprintf(keys, sizeof keys, "%s", Actions[a].keys);
      snprintf(line, sizeof line, "%.*s", (int)(end - start), start);
      for (char *k = strtok(keys, " "); k; k = strtok(NULL, " ")) {
         char esc[32];
         size_t j = 0;
         for (const char *c = k; *c && j + 2 < sizeof esc; c++) {
            if (*c == '-')
               esc[j++] = '\\';
            esc[j++] = *c;
         }
         esc[j] = '\0';
         if (!strstr(line, esc))
            fail_msg("doc/gavel.1: '%s' should list key %s (line: %s)", Actions[a].name, k, line);
      }
   }
   free(man);
}

int main(void) {
   setlocale(LC_ALL, "C.UTF-8");
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(names_parse_and_print_back),
      cmocka_unit_test(defaults_bind_every_action),
      cmocka_unit_test(config_remaps_and_refuses),
      cmocka_unit_test(man_page_lists_every_action),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
