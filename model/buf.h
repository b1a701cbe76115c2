/* A growable byte buffer, always NUL-terminated: canonical journal lines are
 * built in one and handed to storage in one piece. */
#ifndef GAVEL_MODEL_BUF_H
#define GAVEL_MODEL_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct GvBuf {
   char *data;   /* NULL until the first append; else NUL-terminated */
   size_t len;
   size_t cap;
   bool failed;  /* an allocation failed: the content is incomplete */
} GvBuf;

#define GV_BUF_INIT { NULL, 0, 0, false }

void GvBuf_init(GvBuf *b);
void GvBuf_free(GvBuf *b);
/* Empties the buffer and clears `failed`, keeping the memory. */
void GvBuf_clear(GvBuf *b);
bool GvBuf_append(GvBuf *b, const char *s, size_t n);
bool GvBuf_puts(GvBuf *b, const char *s);
/* Inline: the writers call it once per byte on their slow paths. */
static inline bool GvBuf_putc(GvBuf *b, char c) {
   if (b->len + 1 < b->cap && !b->failed) {
      b->data[b->len++] = c;
      b->data[b->len] = '\0';
      return true;
   }
   return GvBuf_append(b, &c, 1);
}
bool GvBuf_printf(GvBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool GvBuf_vprintf(GvBuf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Drops everything after the first n bytes. */
void GvBuf_truncate(GvBuf *b, size_t n);
/* The content ("" when empty). */
const char *GvBuf_str(const GvBuf *b);

#endif
