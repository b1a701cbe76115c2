/* The keyboard, read by gavel itself. A plain key (a letter, j, k) goes from
 * the terminal to the screens without a curses call: its answer can be on
 * the way a few microseconds after the byte arrives. Everything else (Esc
 * sequences, Enter, control keys, UTF-8, the mouse, pastes) is handed to
 * curses unchanged through a pipe that curses reads as its input, so that
 * curses decodes them as it always did. */
#ifndef GAVEL_TUI_INPUT_H
#define GAVEL_TUI_INPUT_H

#include <wchar.h>

/* Starts curses on the terminal (in place of initscr), once per process:
 * later calls return at once. The screens then read keys with Input_get. */
void Input_open(void);

/* One key, as get_wch gives it (OK, KEY_CODE_YES or ERR), waiting as long
 * as stdscr's timeout() says. */
int Input_get(wint_t *wc);

#endif
