/* The floor of a key's round trip through a pseudo-terminal: a program that
 * does nothing but wait for a byte and write it back (poll, read, write, as
 * an editor's loop does at the least). bench_pty times it beside gavel and
 * its peers, so that a key's figure can be split into the terminal's share,
 * which no program can beat, and the program's own.
 *
 *   bench_echo     raw mode, one line of screen, then every byte echoed
 *                  until the terminal closes */
#include <poll.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "tests/bench/bench.h"

int main(void) {
   struct termios t;
   if (tcgetattr(STDIN_FILENO, &t) == 0) {
      cfmakeraw(&t);
      tcsetattr(STDIN_FILENO, TCSANOW, &t);
   }
   static const char screen[] = "\033[H\033[2Jbench_echo: every key written back\r\n";
   if (write(STDOUT_FILENO, screen, sizeof screen - 1) < 0)
      return 1;
   for (;;) {
      /* poll first, as a program with a clock or a timeout must */
      struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN, .revents = 0 };
      if (poll(&p, 1, 200) < 0)
         return 1;
      if (!(p.revents & (POLLIN | POLLHUP)))
         continue;
      char c[64];
      ssize_t n = read(STDIN_FILENO, c, sizeof c);
      if (n <= 0)
         return 0;
      if (write(STDOUT_FILENO, c, (size_t)n) != n)
         return 1;
   }
}
