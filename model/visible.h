/* The one function through which every text that gavel prints to a
 * terminal or a pipe passes (show, list, search, messages, file:line errors
 * that quote user text): recorded text is hostile, so its control
 * characters are made visible instead of reaching the terminal.
 *
 *   C0 controls and DEL   ^@ .. ^_, ^?   (ESC shows as ^[)
 *   C1 controls           \x80 .. \x9f   (CSI shows as \x9b)
 *   a byte that is not UTF-8              \xHH
 *   bidirectional controls                <U+202E>  (U+061C, U+200E-200F,
 *                                          U+202A-202E, U+2066-2069)
 *   line and paragraph separators         <U+2028>, <U+2029>
 *
 * Tab and newline are kept only when the flags say so. Everything else,
 * including right-to-left letters, passes unchanged, except with
 * VISIBLE_ASCII (a terminal whose character set is not UTF-8, such as
 * LANG=C or a Latin-1 locale): then every other character becomes one ASCII
 * character, its base letter ("España" -> "Espana") or '?', so that no
 * broken bytes reach the terminal. */
#ifndef GAVEL_MODEL_VISIBLE_H
#define GAVEL_MODEL_VISIBLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/buf.h"

enum {
   VISIBLE_NEWLINE = 1,  /* keep \n as it is (multi-line output) */
   VISIBLE_TAB = 2,      /* keep \t as it is */
   VISIBLE_ASCII = 4,    /* transliterate what is not ASCII (see above) */
};

/* The visible form of the code point cp into out (NUL-terminated), its
 * length; 0 when cp shows as itself. The live screen measures with it. */
size_t Visible_form(uint32_t cp, char out[12]);

/* The one ASCII character that stands for cp under VISIBLE_ASCII. */
char Visible_ascii(uint32_t cp);

/* True when cp is a bidirectional formatting control. */
bool Visible_isBidi(uint32_t cp);

/* True when s[0..n) would be printed unchanged. */
bool Visible_isClean(const char *s, size_t n, int flags);

/* Appends s[0..n) to out with its controls made visible. */
bool Visible_append(GvBuf *out, const char *s, size_t n, int flags);

/* Visible_append() into a new string; NULL reads as "". Free it; NULL only
 * on ENOMEM. */
char *Visible_dup(const char *s, int flags);

#endif
