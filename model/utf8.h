/* UTF-8 helpers: validation, decoding and a case and accent folding that is
 * good enough to match delegation names typed in a hurry ("ελλ" finds
 * "Ελλάδα", "oster" and "Öster" find "Österreich"). */
#ifndef GAVEL_MODEL_UTF8_H
#define GAVEL_MODEL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* True when s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
bool Utf8_valid(const char *s, size_t n);
/* Text up to its first control character but a tab (a byte below 0x20, or
 * 0x7f): *end gets its offset (n when there is none), and the answer is
 * whether the bytes before it are well-formed UTF-8. One pass, 32 bytes a
 * step where the processor has AVX2. */
bool Utf8_valid_text(const char *s, size_t n, size_t *end);
/* The same over many lines at once: a '\n' is no stop (a sequence it cuts
 * is an error all the same, as '\n' is no continuation byte), so that the
 * answer holds for each line when *end is n. */
bool Utf8_valid_lines(const char *s, size_t n, size_t *end);
/* From i, past the whole 8-byte blocks of s[0..n) that hold no control
 * character (a byte below 0x20, or 0x7f; a tab counts, to be looked at):
 * the offset of the first block that may hold one, or of the last bytes. */
static inline size_t Utf8_skip_plain(const unsigned char *s, size_t i, size_t n) {
   while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      uint64_t low = (w - 0x2020202020202020ULL) & ~w;
      uint64_t x = w ^ 0x7f7f7f7f7f7f7f7fULL;
      uint64_t del = (x - 0x0101010101010101ULL) & ~x;
      if ((low | del) & 0x8080808080808080ULL)
         break;
      i += 8;
   }
   return i;
}
/* Decodes one code point at s[0..n); returns its length in bytes (>= 1), and
 * U+FFFD with length 1 for a malformed byte. n must be > 0. */
size_t Utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Writes cp as UTF-8 into out (4 bytes are enough); returns the length. */
size_t Utf8_encode(uint32_t cp, char out[4]);
/* Lower case without diacritics: Latin-1, Latin Extended-A, Greek, Cyrillic;
 * no-break spaces to a space, typographic quotes and hyphens to ASCII. The
 * result is never longer in UTF-8 than cp (Utf8_fold and model/match.c rely
 * on it). */
uint32_t Utf8_fold_cp(uint32_t cp);
/* The folded form of s[0..n) as a new NUL-terminated string; NULL on ENOMEM. */
char *Utf8_fold(const char *s, size_t n);
/* Number of code points in s[0..n). */
size_t Utf8_length(const char *s, size_t n);

#endif
