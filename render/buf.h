/* A growable byte string, for composing a paragraph before it is escaped,
 * wrapped or folded: the model's GvBuf, with the renderers' contract that an
 * allocation failure aborts, as a half-written document is worse than none. */
#ifndef GAVEL_RENDER_BUF_H
#define GAVEL_RENDER_BUF_H

#include <stddef.h>

#include "model/buf.h"

typedef GvBuf Buf;

#define BUF_INIT GV_BUF_INIT

void Buf_add(Buf *b, const char *s);
void Buf_addn(Buf *b, const char *s, size_t n);
void Buf_addc(Buf *b, char c);
void Buf_addf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void Buf_clear(Buf *b);
/* The text so far ("" when empty); valid until the next change. */
const char *Buf_str(const Buf *b);
/* Hands the string to the caller (free it) and empties the buffer. */
char *Buf_take(Buf *b);
void Buf_free(Buf *b);

#endif
