/* Helpers for the INI-file tests: where the repository's shipped data is,
 * and checks on "file:line: message" lists. */
#ifndef GAVEL_INI_TESTUTIL_H
#define GAVEL_INI_TESTUTIL_H

#include "tests/unit/testutil.h"

/* The checkout: the first folder above the test binary that holds
 * rosters/eu27.ini. Into buf; fails the test if there is none. */
static inline const char *IniTest_top(char *buf, size_t n) {
   char exe[PATH_MAX];
   ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
   assert_true(len > 0);
   exe[len] = '\0';
   for (char *slash = strrchr(exe, '/'); slash; slash = strrchr(exe, '/')) {
      *slash = '\0';
      struct stat st;
      char probe[PATH_MAX + 32];
      snprintf(probe, sizeof probe, "%s/rosters/eu27.ini", exe);
      if (stat(probe, &st) == 0) {
         snprintf(buf, n, "%s", exe);
         return buf;
      }
   }
   fail_msg("no rosters/eu27.ini above the test binary");
   return NULL;
}

/* Points GAVEL_DATADIR at the checkout, so names resolve to shipped files. */
static inline void IniTest_useCheckout(void) {
   char top[PATH_MAX];
   setenv("GAVEL_DATADIR", IniTest_top(top, sizeof top), 1);
}

/* Asserts that text (lines "file:line: message\n") has a line that starts
 * with "name:line: " and contains needle. */
static inline void IniTest_hasError(const char *text, const char *name, int line,
                                    const char *needle) {
   char prefix[PATH_MAX + 32];
   snprintf(prefix, sizeof prefix, "%s:%d: ", name, line);
   assert_non_null(text);
   for (const char *p = text; *p;) {
      const char *nl = strchr(p, '\n');
      size_t n = nl ? (size_t)(nl - p) : strlen(p);
      if (n >= strlen(prefix) && strncmp(p, prefix, strlen(prefix)) == 0) {
         char *l = strndup(p, n);
         int hit = strstr(l, needle) != NULL;
         free(l);
         if (hit)
            return;
      }
      p += n + (nl ? 1 : 0);
   }
   fail_msg("no \"%s...%s\" in:\n%s", prefix, needle, text);
}

#endif
