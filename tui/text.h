/* UTF-8 text helpers for the live screen: decode, step, display width, folding.
 * No curses here, so the editor and the pickers can be unit-tested. */
#ifndef GAVEL_TUI_TEXT_H
#define GAVEL_TUI_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (n bytes available); returns its length in
 * bytes (1..4). An invalid byte decodes as U+FFFD of length 1. */
size_t Text_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes cp into out (4 bytes room); returns the length. */
size_t Text_encode(uint32_t cp, char *out);

/* Offset of the next / previous code point boundary. */
size_t Text_next(const char *s, size_t len, size_t i);
size_t Text_prev(const char *s, size_t i);

/* ASCII mode: the terminal's character set is not UTF-8, so text is drawn
 * transliterated (Visible_append's VISIBLE_ASCII): one column a character. */
void Text_setAscii(int on);
int Text_isAscii(void);

/* Columns a code point takes on the screen: 0 (combining), 1 or 2 (wide,
 * from model/width.c); a control or a bidirectional override takes the
 * columns of its visible form (^[, \x9b, <U+202E>). */
int Text_cpWidth(uint32_t cp);

/* Columns taken by the n bytes at s. */
int Text_width(const char *s, size_t n);

/* Bytes of s (NUL-terminated) that fit in cols columns, never splitting a
 * character; *used gets the columns they take (may be NULL). */
size_t Text_fit(const char *s, int cols, int *used);

/* Appends s to out (size n, NUL-terminated) padded with spaces to cols
 * columns, cut at a character boundary when longer. */
void Text_pad(char *out, size_t n, const char *s, int cols);

/* Case-insensitive prefix test for ASCII and the Latin/Greek/Cyrillic
 * letters the rosters use (towlower on code points). */
int Text_startsWithCI(const char *s, const char *prefix);

/* Case-insensitive substring search, same folding; returns the byte offset
 * or -1. */
long Text_findCI(const char *hay, const char *needle);

#endif
