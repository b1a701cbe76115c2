/* What a chunk read from the terminal holds, for tui/input.c: whether it is
 * plain (printable ASCII only: one key a byte, nothing for curses to decode)
 * and whether its end is a key sequence or a character cut short (the rest
 * still on its way). Pure: no terminal, no curses. */
#ifndef GAVEL_TUI_KEYSEQ_H
#define GAVEL_TUI_KEYSEQ_H

#include <stddef.h>

/* 1 when every byte of b[0..n) is printable ASCII (0x20-0x7e) and n > 0. */
int KeySeq_plain(const unsigned char *b, size_t n);

/* The number of bytes at the end of b[0..n) that begin an escape sequence
 * (CSI, SS3, an X10 mouse report) or a UTF-8 character not yet complete;
 * 0 when the chunk ends on a whole key. A lone Esc at the end counts as cut
 * (1): it may be the start of a sequence until the Esc delay has passed. */
size_t KeySeq_cut(const unsigned char *b, size_t n);

#endif
