/* The config file ([general], [keys] with their lines) and the theme files. */
#include "storage/config.h"
#include "storage/theme_file.h"
#include "tests/unit/ini_testutil.h"

static void config_defaults_when_missing(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char path[PATH_MAX];
   assert_int_equal(Config_path(path, sizeof path), 0);
   char want[PATH_MAX + 32];
   snprintf(want, sizeof want, "%s/config/gavel/config.ini", dir);
   assert_string_equal(path, want);
   char *err = NULL;
   Config *c = Config_load(NULL, &err);
   assert_null(err);
   assert_string_equal(c->path, want);
   assert_string_equal(c->theme, "default");
   assert_int_equal(c->speakingTime, 0);
   assert_null(c->editor);
   assert_int_equal(c->nkeys, 0);
   Config_free(c);

   /* no XDG_CONFIG_HOME: ~/.config */
   char *saved = strdup(getenv("XDG_CONFIG_HOME"));
   const char *h = getenv("HOME");
   char *home = h ? strdup(h) : NULL;
   unsetenv("XDG_CONFIG_HOME");
   setenv("HOME", "/home/someone", 1);
   assert_int_equal(Config_path(path, sizeof path), 0);
   assert_string_equal(path, "/home/someone/.config/gavel/config.ini");
   setenv("XDG_CONFIG_HOME", "relative/ignored", 1);
   assert_int_equal(Config_path(path, sizeof path), 0);
   assert_string_equal(path, "/home/someone/.config/gavel/config.ini");
   setenv("XDG_CONFIG_HOME", saved, 1);
   free(saved);
   if (home)
      setenv("HOME", home, 1);
   else
      unsetenv("HOME");
   free(home);
   TestUtil_rmtree(dir);
   free(dir);
}

static void config_file(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char path[PATH_MAX];
   assert_int_equal(Config_path(path, sizeof path), 0);
   char folder[PATH_MAX + 16];
   snprintf(folder, sizeof folder, "%s/config/gavel", dir);
   mkdir(folder, 0700);
   TestUtil_write(path, "[general]\n"
                        "theme = high-contrast\n"
                        "speaking_time = 3m\n"
                        "editor = nano -R\n"
                        "\n"
                        "[keys]\n"
                        "next = n\n"
                        "point_of_order = ;\n"
                        "give = C-g\n"
                        "flor = f\n");
   char *err = NULL;
   Config *c = Config_load(NULL, &err);
   assert_null(err);
   assert_string_equal(c->theme, "high-contrast");
   assert_int_equal(c->speakingTime, 180);
   assert_string_equal(c->editor, "nano -R");
   assert_int_equal(c->nkeys, 4);
   assert_string_equal(c->keys[0].action, "next");
   assert_string_equal(c->keys[0].key, "n");
   assert_int_equal(c->keys[0].line, 7);
   /* ';' is a key, not a comment */
   assert_string_equal(c->keys[1].key, ";");
   /* an unknown action is the TUI's to report, with the line kept here */
   assert_string_equal(c->keys[3].action, "flor");
   assert_int_equal(c->keys[3].line, 10);
   Config_free(c);
   TestUtil_rmtree(dir);
   free(dir);
}

static void speaking_time_forms(void **state) {
   (void)state;
   static const struct {
      const char *text;
      int secs; /* -1: refused */
   } cases[] = {
      {"0", 0},     {"90", 90},   {"90s", 90},   {"3m", 180}, {"2m30s", 150},
      {"2:30", 150}, {"", -1},    {"abc", -1},   {"-5", -1},  {"3h", -1},
      {"2:", -1},   {"99999999", -1},
   };
   for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
      char text[128];
      snprintf(text, sizeof text, "[general]\nspeaking_time = %s\n", cases[i].text);
      char *err = NULL;
      Config *c = Config_parse(text, strlen(text), "c.ini", &err);
      if (cases[i].secs < 0) {
         IniTest_hasError(err, "c.ini", 2, "speaking_time");
         assert_int_equal(c->speakingTime, 0);
      } else {
         if (err)
            fail_msg("'%s': %s", cases[i].text, err);
         assert_int_equal(c->speakingTime, cases[i].secs);
      }
      free(err);
      Config_free(c);
   }
}

static void config_mistakes(void **state) {
   (void)state;
   const char *t = "[general]\n"     /* 1 */
                   "theme =\n"       /* 2 */
                   "colour = red\n"  /* 3 */
                   "[keys]\n"        /* 4 */
                   "next =\n"        /* 5 */
                   "next = m\n"      /* 6 */
                   "[display]\n"     /* 7 */
                   "x = 1\n"         /* 8 */
                   "nonsense\n";     /* 9 */
   char *err = NULL;
   Config *c = Config_parse(t, strlen(t), "c.ini", &err);
   assert_non_null(c); /* gavel still starts, on the defaults */
   assert_string_equal(c->theme, "default");
   IniTest_hasError(err, "c.ini", 2, "empty theme");
   IniTest_hasError(err, "c.ini", 3, "unknown key 'colour' in [general]");
   IniTest_hasError(err, "c.ini", 5, "no key given for 'next'");
   IniTest_hasError(err, "c.ini", 6, "duplicate key 'next' in [keys] (first at line 5)");
   IniTest_hasError(err, "c.ini", 7, "unknown section [display]");
   IniTest_hasError(err, "c.ini", 9, "expected 'key = value'");
   free(err);
   Config_free(c);
}

static void shipped_themes(void **state) {
   (void)state;
   IniTest_useCheckout();
   static const char *const names[] = {"default", "light", "high-contrast", "monochrome"};
   for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
      char *err = NULL;
      Theme *t = ThemeFile_load(names[i], NULL, &err);
      if (err)
         fail_msg("%s: %s", names[i], err);
      assert_non_null(t->description);
      /* every role is set by every shipped theme */
      for (int r = 0; r < THEME_ROLE_COUNT; r++)
         if (t->line[r] == 0)
            fail_msg("%s: role %s not set", names[i], ThemeFile_roleName((ThemeRole)r));
      if (strcmp(names[i], "monochrome") == 0)
         for (int r = 0; r < THEME_ROLE_COUNT; r++) {
            assert_int_equal(t->style[r].fg, THEME_DEFAULT);
            assert_int_equal(t->style[r].bg, THEME_DEFAULT);
         }
      ThemeFile_free(t);
   }
   /* themes/default.ini says what the built-in one says */
   char *err = NULL;
   Theme *file = ThemeFile_load("default", NULL, &err);
   Theme *builtin = ThemeFile_builtin();
   for (int r = 0; r < THEME_ROLE_COUNT; r++) {
      assert_int_equal(file->style[r].fg, builtin->style[r].fg);
      assert_int_equal(file->style[r].bg, builtin->style[r].bg);
      assert_int_equal(file->style[r].attrs, builtin->style[r].attrs);
   }
   assert_int_equal(file->style[THEME_ROLE_CURRENT].fg, THEME_YELLOW);
   assert_int_equal(file->style[THEME_ROLE_CURRENT].attrs, THEME_BOLD);
   ThemeFile_free(file);
   ThemeFile_free(builtin);
}

static void theme_values(void **state) {
   (void)state;
   const char *t = "[colors]\n"
                   "current = yellow,default,bold\n"
                   "clock_alert = Bright-White , red , bold blink\n"
                   "speaker = 208, 17\n"
                   "dim = grey\n"
                   "next = brightcyan, default, underline, reverse\n";
   char *err = NULL;
   Theme *th = ThemeFile_parse(t, strlen(t), "t.ini", &err);
   assert_null(err);
   ThemeStyle s = th->style[THEME_ROLE_CURRENT];
   assert_int_equal(s.fg, THEME_YELLOW);
   assert_int_equal(s.bg, THEME_DEFAULT);
   assert_int_equal(s.attrs, THEME_BOLD);
   s = th->style[THEME_ROLE_CLOCK_ALERT];
   assert_int_equal(s.fg, THEME_BRIGHT_WHITE);
   assert_int_equal(s.bg, THEME_RED);
   assert_int_equal(s.attrs, THEME_BOLD | THEME_BLINK);
   assert_int_equal(th->style[THEME_ROLE_SPEAKER].fg, 208);
   assert_int_equal(th->style[THEME_ROLE_SPEAKER].bg, 17);
   assert_int_equal(th->style[THEME_ROLE_SPEAKER].attrs, 0);
   assert_int_equal(th->style[THEME_ROLE_DIM].fg, THEME_BRIGHT_BLACK);
   assert_int_equal(th->style[THEME_ROLE_DIM].bg, THEME_DEFAULT);
   assert_int_equal(th->style[THEME_ROLE_NEXT].fg, THEME_BRIGHT_CYAN);
   assert_int_equal(th->style[THEME_ROLE_NEXT].attrs, THEME_UNDERLINE | THEME_REVERSE);
   assert_int_equal(th->line[THEME_ROLE_NEXT], 6);
   assert_int_equal(th->line[THEME_ROLE_NORMAL], 0); /* not set: built-in */
   assert_int_equal(ThemeFile_role("Point_Of_Order"), THEME_ROLE_POINT_OF_ORDER);
   assert_int_equal(ThemeFile_role("nope"), -1);
   ThemeFile_free(th);
}

static void theme_mistakes(void **state) {
   (void)state;
   const char *t = "[theme]\n"                         /* 1 */
                   "name = x\n"                        /* 2 */
                   "[colors]\n"                        /* 3 */
                   "current = yelow, default\n"        /* 4 */
                   "done = green, black, boldd\n"      /* 5 */
                   "queue = 256\n"                     /* 6 */
                   "floor = red\n"                     /* 7 */
                   "[extra]\n";                        /* 8 */
   char *err = NULL;
   Theme *th = ThemeFile_parse(t, strlen(t), "t.ini", &err);
   assert_non_null(th);
   IniTest_hasError(err, "t.ini", 2, "unknown key 'name' in [theme]");
   IniTest_hasError(err, "t.ini", 4, "current: unknown colour 'yelow'");
   IniTest_hasError(err, "t.ini", 5, "done: unknown attribute 'boldd'");
   IniTest_hasError(err, "t.ini", 6, "queue: unknown colour '256'");
   IniTest_hasError(err, "t.ini", 7, "unknown role 'floor' (known: normal title");
   IniTest_hasError(err, "t.ini", 8, "unknown section [extra]");
   /* a wrong line keeps the built-in style */
   assert_int_equal(th->style[THEME_ROLE_CURRENT].fg, THEME_YELLOW);
   assert_int_equal(th->line[THEME_ROLE_CURRENT], 0);
   free(err);
   ThemeFile_free(th);
   err = NULL;
   IniTest_useCheckout();
   th = ThemeFile_load("no-such-theme", NULL, &err);
   assert_non_null(th);
   assert_string_equal(th->path, "(built-in)");
   assert_non_null(strstr(err, "no theme file 'no-such-theme'"));
   free(err);
   ThemeFile_free(th);
}

/* clock = seconds|minutes|off and mouse = yes|no; a wrong value is reported
 * with its line and the default kept. */
static void clock_and_mouse(void **state) {
   (void)state;
   char *err = NULL;
   const char ok[] = "[general]\nclock = minutes\nmouse = no\n";
   Config *c = Config_parse(ok, sizeof ok - 1, "c.ini", &err);
   assert_null(err);
   assert_int_equal(c->clock, CONFIG_CLOCK_MINUTES);
   assert_int_equal(c->mouse, 0);
   Config_free(c);
   const char off[] = "[general]\nclock = OFF\nmouse = yes\n";
   c = Config_parse(off, sizeof off - 1, "c.ini", &err);
   assert_null(err);
   assert_int_equal(c->clock, CONFIG_CLOCK_OFF);
   assert_int_equal(c->mouse, 1);
   Config_free(c);
   const char none[] = "[general]\ntheme = default\n";
   c = Config_parse(none, sizeof none - 1, "c.ini", &err);
   assert_null(err);
   assert_int_equal(c->clock, CONFIG_CLOCK_SECONDS);
   assert_int_equal(c->mouse, 1);
   Config_free(c);
   const char bad[] = "[general]\n\nclock = hourly\nmouse = maybe\n";
   c = Config_parse(bad, sizeof bad - 1, "c.ini", &err);
   assert_non_null(err);
   assert_non_null(strstr(err, "c.ini:3: clock 'hourly': expected seconds, minutes or off"));
   assert_non_null(strstr(err, "c.ini:4: mouse 'maybe': expected yes or no"));
   assert_int_equal(c->clock, CONFIG_CLOCK_SECONDS);
   assert_int_equal(c->mouse, 1);
   free(err);
   Config_free(c);
}

/* selection = marker (the default) | row; a wrong value is reported with
 * its line and the default kept. */
static void selection_style(void **state) {
   (void)state;
   char *err = NULL;
   const char row[] = "[general]\nselection = Row\n";
   Config *c = Config_parse(row, sizeof row - 1, "c.ini", &err);
   assert_null(err);
   assert_int_equal(c->selection, CONFIG_SELECTION_ROW);
   Config_free(c);
   const char marker[] = "[general]\nselection = marker\n";
   c = Config_parse(marker, sizeof marker - 1, "c.ini", &err);
   assert_null(err);
   assert_int_equal(c->selection, CONFIG_SELECTION_MARKER);
   Config_free(c);
   const char none[] = "[general]\ntheme = default\n";
   c = Config_parse(none, sizeof none - 1, "c.ini", &err);
   assert_null(err);
   assert_int_equal(c->selection, CONFIG_SELECTION_MARKER);
   Config_free(c);
   const char bad[] = "[general]\n\nselection = bold\n";
   c = Config_parse(bad, sizeof bad - 1, "c.ini", &err);
   assert_non_null(err);
   assert_non_null(strstr(err, "c.ini:3: selection 'bold': expected marker or row"));
   assert_int_equal(c->selection, CONFIG_SELECTION_MARKER);
   free(err);
   Config_free(c);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(config_defaults_when_missing),
      cmocka_unit_test(config_file),
      cmocka_unit_test(speaking_time_forms),
      cmocka_unit_test(config_mistakes),
      cmocka_unit_test(clock_and_mouse),
      cmocka_unit_test(selection_style),
      cmocka_unit_test(shipped_themes),
      cmocka_unit_test(theme_values),
      cmocka_unit_test(theme_mistakes),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
