/* Growable NUL-terminated buffer. */
#include "model/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void GvBuf_init(GvBuf *b) {
   b->data = NULL;
   b->len = b->cap = 0;
   b->failed = false;
}

void GvBuf_free(GvBuf *b) {
   free(b->data);
   GvBuf_init(b);
}

void GvBuf_clear(GvBuf *b) {
   b->len = 0;
   b->failed = false;
   if (b->data)
      b->data[0] = '\0';
}

static bool GvBuf_reserve(GvBuf *b, size_t extra) {
   if (b->failed)
      return false;
   if (extra >= SIZE_MAX / 2 - b->len) {
      b->failed = true;
      return false;
   }
   size_t need = b->len + extra + 1;
   if (need <= b->cap)
      return true;
   size_t cap = b->cap ? b->cap : 64;
   while (cap < need)
      cap *= 2;
   char *d = realloc(b->data, cap);
   if (!d) {
      b->failed = true;
      return false;
   }
   b->data = d;
   b->cap = cap;
   return true;
}

bool GvBuf_append(GvBuf *b, const char *s, size_t n) {
   if (!GvBuf_reserve(b, n))
      return false;
   if (n)
      memcpy(b->data + b->len, s, n);
   b->len += n;
   b->data[b->len] = '\0';
   return true;
}

bool GvBuf_puts(GvBuf *b, const char *s) {
   if (b->failed)   /* a replay's canonical text: dropped, not measured */
      return false;
   return GvBuf_append(b, s, strlen(s));
}

bool GvBuf_vprintf(GvBuf *b, const char *fmt, va_list ap) {
   if (b->failed)
      return false;
   va_list copy;
   va_copy(copy, ap);
   int n = vsnprintf(NULL, 0, fmt, copy);
   va_end(copy);
   if (n < 0 || !GvBuf_reserve(b, (size_t)n))
      return false;
   vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
   b->len += (size_t)n;
   return true;
}

bool GvBuf_printf(GvBuf *b, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   bool ok = GvBuf_vprintf(b, fmt, ap);
   va_end(ap);
   return ok;
}

void GvBuf_truncate(GvBuf *b, size_t n) {
   if (n < b->len) {
      b->len = n;
      b->data[n] = '\0';
   }
}

const char *GvBuf_str(const GvBuf *b) {
   return b->data ? b->data : "";
}
