/* UTF-8 for the renderers: decoding that never fails (a bad byte reads as
 * U+FFFD), display columns for wrapping, and the one cleaning pass every
 * piece of recorded text goes through before it reaches a document. */
#ifndef GAVEL_RENDER_CHARS_H
#define GAVEL_RENDER_CHARS_H

#include <stddef.h>
#include <stdint.h>

#include "render/buf.h"

/* Decodes the code point at s (n > 0 bytes available) into *cp and returns
 * its length in bytes. An invalid, overlong or truncated sequence gives
 * U+FFFD and length 1, so the caller always moves forward. */
size_t Chars_decode(const char *s, size_t n, uint32_t *cp);

/* Appends cp encoded as UTF-8. */
void Chars_encode(Buf *out, uint32_t cp);

/* Terminal columns of one code point: 0 for combining marks and format
 * characters, 2 for wide East Asian and emoji, 1 otherwise. */
int Chars_cpwidth(uint32_t cp);

/* Columns of the first n bytes of s. */
size_t Chars_columns(const char *s, size_t n);

/* Byte length of the code point starting at s[0] (1 for a bad byte). */
size_t Chars_seqlen(const char *s, size_t n);

enum {
   CHARS_NEWLINES = 1,  /* keep \n (else it becomes a space) */
};

/* Appends s made safe for any output: valid UTF-8 (bad bytes become U+FFFD),
 * CR LF and CR as \n, tab as a space, every other C0/C1 control and DEL
 * dropped, U+2028/U+2029 as \n, and bidirectional embeddings, overrides
 * and isolates closed at the end of each line, so right-to-left text
 * stays intact but cannot reorder what follows it. */
void Chars_clean(Buf *out, const char *s, int flags);

/* Chars_clean() into a new string; free it. NULL reads as "". */
char *Chars_cleandup(const char *s, int flags);

#endif
