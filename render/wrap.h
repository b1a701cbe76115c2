/* Word wrapping by display columns, for the plain-text outcome (e-mail). */
#ifndef GAVEL_RENDER_WRAP_H
#define GAVEL_RENDER_WRAP_H

#include <stddef.h>

#include "render/buf.h"

/* Appends text wrapped to width columns, every line ending in \n. The first
 * line starts with first, the others with rest (both count in the width).
 * Runs of spaces collapse; a \n in text forces a break; a word wider than
 * the line is cut between code points, never inside one. */
void Wrap_text(Buf *out, const char *text, size_t width, const char *first, const char *rest);

#endif
