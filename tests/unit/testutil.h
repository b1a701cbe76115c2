/* Helpers shared by the unit tests: every test works in a temporary folder of
 * its own (and points XDG_DATA_HOME / XDG_CONFIG_HOME there), never the home. */
#ifndef GAVEL_TESTUTIL_H
#define GAVEL_TESTUTIL_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

/* Creates a fresh folder and points the XDG variables into it. Free with
 * TestUtil_rmtree(). */
static inline char *TestUtil_tmpdir(void) {
   const char *base = getenv("TMPDIR");
   char tmpl[PATH_MAX];
   snprintf(tmpl, sizeof tmpl, "%s/gavel-unit.XXXXXX", base && *base ? base : "/tmp");
   char *dir = mkdtemp(tmpl);
   assert_non_null(dir);
   char sub[PATH_MAX];
   snprintf(sub, sizeof sub, "%s/data", dir);
   mkdir(sub, 0700);
   setenv("XDG_DATA_HOME", sub, 1);
   snprintf(sub, sizeof sub, "%s/config", dir);
   mkdir(sub, 0700);
   setenv("XDG_CONFIG_HOME", sub, 1);
   return strdup(dir);
}

static inline void TestUtil_rmtree(const char *path) {
   struct stat st;
   if (lstat(path, &st) != 0)
      return;
   if (S_ISDIR(st.st_mode)) {
      DIR *d = opendir(path);
      if (d) {
         struct dirent *e;
         while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
               continue;
            size_t n = strlen(path) + strlen(e->d_name) + 2;
            char *sub = malloc(n);
            snprintf(sub, n, "%s/%s", path, e->d_name);
            TestUtil_rmtree(sub);
            free(sub);
         }
         closedir(d);
      }
      rmdir(path);
   } else {
      unlink(path);
   }
}

/* path = DIR/NAME in a static-free way: the caller's buffer. */
static inline const char *TestUtil_join(char *buf, size_t n, const char *dir, const char *name) {
   snprintf(buf, n, "%s/%s", dir, name);
   return buf;
}

static inline void TestUtil_write(const char *path, const char *text) {
   FILE *f = fopen(path, "wb");
   assert_non_null(f);
   fwrite(text, 1, strlen(text), f);
   assert_int_equal(fclose(f), 0);
}

/* The whole file, NUL-terminated; NULL if it cannot be read. Free it. */
static inline char *TestUtil_slurp(const char *path, size_t *len) {
   FILE *f = fopen(path, "rb");
   if (!f)
      return NULL;
   size_t cap = 4096, n = 0;
   char *buf = malloc(cap);
   size_t r;
   while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
      n += r;
      if (cap - n - 1 == 0)
         buf = realloc(buf, cap *= 2);
   }
   fclose(f);
   buf[n] = '\0';
   if (len)
      *len = n;
   return buf;
}

/* A temporary folder with one file path in it (NAME may hold folders): the
 * fixture of the storage tests. TestFile_free removes the folder. */
typedef struct TestFile {
   char *dir;
   char path[PATH_MAX];
} TestFile;

static inline TestFile *TestFile_new(const char *name) {
   TestFile *f = calloc(1, sizeof *f);
   if (!f)
      abort();
   f->dir = TestUtil_tmpdir();
   snprintf(f->path, sizeof f->path, "%s/%s", f->dir, name);
   return f;
}

static inline void TestFile_free(TestFile *f) {
   TestUtil_rmtree(f->dir);
   free(f->dir);
   free(f);
}

#endif
