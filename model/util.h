/* Small helpers shared inside model/ (not part of the public API). */
#ifndef GAVEL_MODEL_UTIL_H
#define GAVEL_MODEL_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Room for one more element: returns arr (possibly moved) or NULL on ENOMEM
 * (arr is then untouched). Use as: p = Util_grow(a, &cap, n, sizeof *a);
 * if (!p) fail; a = p; */
void *Util_grow_slow(void *arr, size_t *cap, size_t count, size_t size);
/* The common case, room already there, inline: it runs on every replayed line. */
static inline void *Util_grow(void *arr, size_t *cap, size_t count, size_t size) {
   return arr && count < *cap ? arr : Util_grow_slow(arr, cap, count, size);
}
/* A NUL-terminated copy of s[0..n); NULL on ENOMEM. */
char *Util_strndup(const char *s, size_t n);
/* ASCII case-insensitive equality of a NUL-terminated word with a lower-case keyword. */
bool Util_word_eq(const char *a, const char *keyword);
/* s[0..n) holds nothing but blanks and newlines: a text with nothing to read. */
bool Util_blank(const char *s, size_t n);

#endif
