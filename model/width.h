/* Columns a character takes on a terminal or in a fixed-width document. */
#ifndef GAVEL_MODEL_WIDTH_H
#define GAVEL_MODEL_WIDTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 0 (a control, a combining mark, a format character), 1, or 2 (wide:
 * CJK, emoji). */
int Width_cp(uint32_t cp);

/* Columns of the UTF-8 text s[0..n) (a malformed byte counts as U+FFFD). */
size_t Width_columns(const char *s, size_t n);

#endif
