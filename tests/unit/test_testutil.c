/* The test helpers themselves: a private folder, XDG pointed into it, cleanup. */
#include "tests/unit/testutil.h"

static void tmpdir_is_private_and_sets_xdg(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   struct stat st;
   assert_int_equal(stat(dir, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0700);
   assert_non_null(strstr(getenv("XDG_DATA_HOME"), dir));
   assert_non_null(strstr(getenv("XDG_CONFIG_HOME"), dir));
   char p[PATH_MAX];
   TestUtil_write(TestUtil_join(p, sizeof p, dir, "data/x.txt"), "héllo\n");
   size_t n = 0;
   char *text = TestUtil_slurp(p, &n);
   assert_string_equal(text, "héllo\n");
   assert_int_equal(n, 7);
   free(text);
   TestUtil_rmtree(dir);
   assert_int_not_equal(stat(dir, &st), 0);
   free(dir);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(tmpdir_is_private_and_sets_xdg),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
