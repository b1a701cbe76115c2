/* Helpers shared inside model/. */
#include "model/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void *Util_grow_slow(void *arr, size_t *cap, size_t count, size_t size) {
   if (arr && count < *cap)
      return arr;
   size_t ncap = *cap ? *cap * 2 : 16;
   if (ncap < count + 1)
      ncap = count + 1;
   if (ncap > SIZE_MAX / size)
      return NULL;
   void *n = realloc(arr, ncap * size);
   if (!n)
      return NULL;
   *cap = ncap;
   return n;
}

char *Util_strndup(const char *s, size_t n) {
   char *c = malloc(n + 1);
   if (!c)
      return NULL;
   if (n)
      memcpy(c, s, n);
   c[n] = '\0';
   return c;
}

bool Util_word_eq(const char *a, const char *keyword) {
   for (; *a && *keyword; a++, keyword++) {
      char c = *a;
      if (c >= 'A' && c <= 'Z')
         c = (char)(c + 32);
      if (c != *keyword)
         return false;
   }
   return *a == *keyword;
}

bool Util_blank(const char *s, size_t n) {
   for (size_t i = 0; i < n; i++)
      if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
         return false;
   return true;
}
