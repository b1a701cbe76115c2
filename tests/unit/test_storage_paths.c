/* The user's folders (XDG base directories) and the hash that names a
 * cache file: one function for config, styles, sessions and both caches. */
#include "tests/unit/testutil.h"

#include <stdlib.h>
#include <string.h>

#include "storage/paths.h"

static void setenv_or_unset(const char *name, const char *value) {
   if (value)
      setenv(name, value, 1);
   else
      unsetenv(name);
}

static void the_variable_wins_over_home(void **state) {
   (void)state;
   char buf[256];
   setenv_or_unset("HOME", "/home/chair");
   setenv_or_unset("XDG_CACHE_HOME", "/var/cache/me");
   assert_int_equal(Paths_user(PATHS_CACHE, "state", buf, sizeof buf), 0);
   assert_string_equal(buf, "/var/cache/me/gavel/state");
   setenv_or_unset("XDG_CONFIG_HOME", "/etc/me");
   assert_int_equal(Paths_user(PATHS_CONFIG, "config.ini", buf, sizeof buf), 0);
   assert_string_equal(buf, "/etc/me/gavel/config.ini");
   setenv_or_unset("XDG_DATA_HOME", "/srv/me");
   assert_int_equal(Paths_user(PATHS_DATA, "sessions", buf, sizeof buf), 0);
   assert_string_equal(buf, "/srv/me/gavel/sessions");
}

static void home_when_unset_or_relative(void **state) {
   (void)state;
   char buf[256];
   setenv_or_unset("HOME", "/home/chair");
   setenv_or_unset("XDG_CACHE_HOME", NULL);
   assert_int_equal(Paths_user(PATHS_CACHE, "", buf, sizeof buf), 0);
   assert_string_equal(buf, "/home/chair/.cache/gavel");
   /* The XDG spec: a relative value is to be ignored. */
   setenv_or_unset("XDG_CONFIG_HOME", "relative/conf");
   assert_int_equal(Paths_user(PATHS_CONFIG, "styles/house.ini", buf, sizeof buf), 0);
   assert_string_equal(buf, "/home/chair/.config/gavel/styles/house.ini");
   setenv_or_unset("XDG_DATA_HOME", "");
   assert_int_equal(Paths_user(PATHS_DATA, NULL, buf, sizeof buf), 0);
   assert_string_equal(buf, "/home/chair/.local/share/gavel");
}

static void nowhere_or_too_long_is_refused(void **state) {
   (void)state;
   char buf[24];
   setenv_or_unset("XDG_CACHE_HOME", NULL);
   setenv_or_unset("HOME", NULL);
   assert_int_equal(Paths_user(PATHS_CACHE, "state", buf, sizeof buf), -1);
   setenv_or_unset("HOME", "/home/a-rather-long-name");
   assert_int_equal(Paths_user(PATHS_CACHE, "state", buf, sizeof buf), -1);
   setenv_or_unset("HOME", "/h");
   assert_int_equal(Paths_user(PATHS_CACHE, "state", buf, sizeof buf), 0);
   assert_string_equal(buf, "/h/.cache/gavel/state");
}

static void the_hash_is_fnv1a(void **state) {
   (void)state;
   /* The published FNV-1a 64 values: cache names made before stay valid. */
   assert_true(Paths_hash("") == 0xcbf29ce484222325ULL);
   assert_true(Paths_hash("a") == 0xaf63dc4c8601ec8cULL);
   assert_true(Paths_hash("foobar") == 0x85944171f73967e8ULL);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_variable_wins_over_home),
      cmocka_unit_test(home_when_unset_or_relative),
      cmocka_unit_test(nowhere_or_too_long_is_refused),
      cmocka_unit_test(the_hash_is_fnv1a),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
