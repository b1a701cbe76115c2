/* A stand-in for libFuzzer, so that the fuzz targets build with any C
 * compiler and replay a corpus as a regression test (make fuzz-regress):
 * each argument is a file or a folder of files, each file is one input.
 * Exit 0 when every input ran and there was at least one; a crash or a
 * sanitizer report ends the run. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tests/fuzz/fuzz.h"

static int run_file(const char *path)
{
   FILE *f = fopen(path, "rb");
   if (!f) {
      perror(path);
      return -1;
   }
   size_t cap = 4096, len = 0, n;
   uint8_t *buf = malloc(cap);
   while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
      len += n;
      if (len == cap) {
         uint8_t *b = realloc(buf, cap *= 2);
         if (!b) {
            free(buf);
            buf = NULL;
            break;
         }
         buf = b;
      }
   }
   fclose(f);
   if (!buf) {
      fprintf(stderr, "%s: out of memory\n", path);
      return -1;
   }
   /* An exact-size copy, so that ASan sees a read past the end. */
   uint8_t *exact = malloc(len ? len : 1);
   if (!exact) {
      free(buf);
      return -1;
   }
   memcpy(exact, buf, len);
   free(buf);
   LLVMFuzzerTestOneInput(exact, len);
   free(exact);
   return 0;
}

int main(int argc, char **argv)
{
   size_t inputs = 0, errors = 0;
   for (int i = 1; i < argc; i++) {
      struct stat st;
      if (stat(argv[i], &st) != 0) {
         perror(argv[i]);
         errors++;
         continue;
      }
      if (!S_ISDIR(st.st_mode)) {
         errors += run_file(argv[i]) != 0;
         inputs++;
         continue;
      }
      DIR *d = opendir(argv[i]);
      struct dirent *e;
      while (d && (e = readdir(d)) != NULL) {
         char path[4096];
         if (e->d_name[0] == '.')
            continue;
         snprintf(path, sizeof path, "%s/%s", argv[i], e->d_name);
         if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            errors += run_file(path) != 0;
            inputs++;
         }
      }
      if (d)
         closedir(d);
   }
   printf("%s: %zu input(s) ran%s\n", argv[0], inputs, errors ? ", some could not be read" : "");
   if (inputs == 0) {
      fprintf(stderr, "%s: no input to run: an empty corpus proves nothing\n", argv[0]);
      return 1;
   }
   return errors ? 1 : 0;
}
