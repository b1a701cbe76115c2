#include "render/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void Buf_reserve(Buf *b, size_t extra) {
   if (b->len + extra + 1 <= b->cap)
      return;
   size_t cap = b->cap ? b->cap : 64;
   while (cap < b->len + extra + 1)
      cap *= 2;
   char *s = realloc(b->s, cap);
   if (!s)
      abort();
   b->s = s;
   b->cap = cap;
}

void Buf_addn(Buf *b, const char *s, size_t n) {
   Buf_reserve(b, n);
   memcpy(b->s + b->len, s, n);
   b->len += n;
   b->s[b->len] = '\0';
}

void Buf_add(Buf *b, const char *s) {
   if (s)
      Buf_addn(b, s, strlen(s));
}

void Buf_addc(Buf *b, char c) {
   Buf_addn(b, &c, 1);
}

void Buf_addf(Buf *b, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   int n = vsnprintf(NULL, 0, fmt, ap);
   va_end(ap);
   if (n < 0)
      return;
   Buf_reserve(b, (size_t)n);
   va_start(ap, fmt);
   vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
   va_end(ap);
   b->len += (size_t)n;
}

void Buf_clear(Buf *b) {
   b->len = 0;
   if (b->s)
      b->s[0] = '\0';
}

const char *Buf_str(const Buf *b) {
   return b->s ? b->s : "";
}

char *Buf_take(Buf *b) {
   char *s = b->s ? b->s : strdup("");
   if (!s)
      abort();
   b->s = NULL;
   b->len = b->cap = 0;
   return s;
}

void Buf_free(Buf *b) {
   free(b->s);
   b->s = NULL;
   b->len = b->cap = 0;
}
