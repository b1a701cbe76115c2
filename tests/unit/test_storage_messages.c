/* Messages with their place: a config editor command too long to keep is
 * refused at its FILE:LINE (never cut); a theme that is not found is named
 * at the config's "theme =" line; every command an agenda file yields
 * carries the line it came from, so that a value the model refuses later
 * (a 30 February, an unknown roster) is named by its place. */
#include "tests/unit/testutil.h"

#include "storage/agenda_file.h"
#include "storage/config.h"
#include "storage/ini_commands.h"
#include "storage/theme_file.h"

static void long_editor_is_refused_at_its_line(void **state) {
   (void)state;
   char text[1024];
   char cmd[400];
   memset(cmd, 'v', 300);
   cmd[300] = '\0';
   snprintf(text, sizeof text, "[general]\nspeaking_time = 3m\neditor = %s\n", cmd);
   char *errors = NULL;
   Config *c = Config_parse(text, strlen(text), "cfg.ini", &errors);
   assert_non_null(errors);
   assert_non_null(strstr(errors, "cfg.ini:3: editor: 300 bytes"));
   assert_null(c->editor);
   assert_int_equal(c->speakingTime, 180);
   Config_free(c);
   free(errors);
   /* At the limit it is kept whole. */
   cmd[CONFIG_EDITOR_MAX] = '\0';
   snprintf(text, sizeof text, "[general]\neditor = %s\n", cmd);
   c = Config_parse(text, strlen(text), "cfg.ini", &errors);
   assert_null(errors);
   assert_int_equal(strlen(c->editor), CONFIG_EDITOR_MAX);
   Config_free(c);
}

static void unknown_theme_is_named_at_the_config_line(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   const char *text = "[general]\n\ntheme = no-such-theme\n";
   char *errors = NULL;
   Config *c = Config_parse(text, strlen(text), "cfg.ini", &errors);
   assert_null(errors);
   Theme *t = Config_loadTheme(c, NULL, &errors);
   assert_non_null(t);
   assert_non_null(errors);
   assert_memory_equal(errors, "cfg.ini:3: ", 11);
   assert_non_null(strstr(errors, "no-such-theme"));
   free(errors);
   ThemeFile_free(t);
   Config_free(c);
   TestUtil_rmtree(dir);
   free(dir);
}

static void agenda_commands_carry_their_lines(void **state) {
   (void)state;
   const char *text = "; an agenda\n[meeting]\nbody = Working Party\ndate = 2017-02-30\nroster = eu99\n"
                      "\n[adoption]\ntitle = Adoption of the agenda\n";
   IniCommands c = { 0 };
   char *errors = NULL;
   assert_int_equal(AgendaFile_parse(text, strlen(text), "hwp.ini", NULL, &c, &errors), 0);
   assert_string_equal(c.file, "hwp.ini");
   int sawDate = 0, sawRoster = 0, sawItem = 0;
   for (int i = 0; i < c.count; i++) {
      if (strncmp(c.line[i], "set date", 8) == 0)
         sawDate = c.at[i];
      if (strncmp(c.line[i], "roster", 6) == 0)
         sawRoster = c.at[i];
      if (strncmp(c.line[i], "item add", 8) == 0)
         sawItem = c.at[i];
   }
   assert_int_equal(sawDate, 4);
   assert_int_equal(sawRoster, 5);
   assert_int_equal(sawItem, 7);
   IniCommands_clear(&c);
   free(errors);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(long_editor_is_refused_at_its_line),
      cmocka_unit_test(unknown_theme_is_named_at_the_config_line),
      cmocka_unit_test(agenda_commands_carry_their_lines),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
