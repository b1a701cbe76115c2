#include "render/buf.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void Buf_check(bool ok) {
   if (!ok)
      abort();
}

void Buf_addn(Buf *b, const char *s, size_t n) {
   Buf_check(GvBuf_append(b, s, n));
}

void Buf_add(Buf *b, const char *s) {
   if (s)
      Buf_addn(b, s, strlen(s));
}

void Buf_addc(Buf *b, char c) {
   Buf_check(GvBuf_putc(b, c));
}

void Buf_addf(Buf *b, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   Buf_check(GvBuf_vprintf(b, fmt, ap));
   va_end(ap);
}

void Buf_clear(Buf *b) {
   GvBuf_clear(b);
}

const char *Buf_str(const Buf *b) {
   return GvBuf_str(b);
}

char *Buf_take(Buf *b) {
   char *s = b->data ? b->data : strdup("");
   if (!s)
      abort();
   GvBuf_init(b);
   return s;
}

void Buf_free(Buf *b) {
   GvBuf_free(b);
}
