/* The keyboard (see tui/input.h).
 *
 * Why not get_wch alone: curses reads the terminal a byte at a time and
 * looks each byte up in its key tree; from the key's arrival to its answer
 * that was half of gavel's own time for a j or a letter. Why a pipe: a byte
 * read past curses cannot be given back to it raw (ungetch hands back a
 * decoded key, so an Esc sequence read ahead would come out as Esc, [, Z).
 * So curses reads its input from a pipe, and gavel reads the terminal: a
 * chunk of printable ASCII is served here a key at a time, anything else
 * is written whole into the pipe and read back through get_wch.
 *
 * The order of keys holds because the terminal is read only when curses
 * holds nothing (get_wch with no wait returned ERR) and the plain bytes
 * read ahead are all served. */
#include "tui/input.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tui/keyseq.h"

#define INPUT_CHUNK 4096

static struct {
   int opened;
   int piped;         /* curses reads the pipe; gavel reads the terminal */
   int tty;           /* the terminal */
   int pipeIn;        /* what gavel writes into curses' input */
   int cursesHolds;   /* curses may still hold keys of the last chunk */
   int escAfter;      /* an Esc ended the last chunk: served after curses' keys */
   unsigned char plain[INPUT_CHUNK];
   size_t plainAt, plainLen;
} In = { .tty = -1, .pipeIn = -1 };

void Input_open(void) {
   if (In.opened)
      return;
   In.opened = 1;
   int fds[2];
   FILE *from = NULL;
   if (isatty(STDIN_FILENO) && pipe(fds) == 0) {
      (void)fcntl(fds[0], F_SETFD, FD_CLOEXEC);
      (void)fcntl(fds[1], F_SETFD, FD_CLOEXEC);
      /* Never block on the pipe: it is empty whenever gavel writes a chunk
       * into it (64 KiB against a chunk of at most 4 KiB and a sequence). */
      (void)fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK);
      from = fdopen(fds[0], "r");
      if (!from) {
         close(fds[0]);
         close(fds[1]);
      }
   }
   SCREEN *s = from ? newterm(NULL, stdout, from) : NULL;
   if (s) {
      set_term(s);
      In.piped = 1;
      In.tty = STDIN_FILENO;
      In.pipeIn = fds[1];
      return;
   }
   if (from) {
      fclose(from);
      close(fds[1]);
   }
   initscr(); /* as before: it says what is wrong with the terminal and exits */
}

/* curses' next key without waiting, ERR when it holds none. */
static int Input_fromCurses(wint_t *wc) {
   int delay = wgetdelay(stdscr);
   wtimeout(stdscr, 0);
   int r = wget_wch(stdscr, wc);
   wtimeout(stdscr, delay);
   return r;
}

/* Waits up to ms for the terminal (-1: for ever). 1 readable, 0 not; -1 a
 * signal came (a resize, a stop) or the terminal is gone. */
static int Input_wait(int ms) {
   struct pollfd p = { .fd = In.tty, .events = POLLIN, .revents = 0 };
   int r = poll(&p, 1, ms);
   if (r < 0)
      return -1;
   if (r == 0)
      return 0;
   return (p.revents & POLLIN) ? 1 : -1;
}

/* A read of the terminal, past signals. */
static ssize_t Input_read(unsigned char *buf, size_t n) {
   ssize_t r;
   do
      r = read(In.tty, buf, n);
   while (r < 0 && errno == EINTR);
   return r;
}

int Input_get(wint_t *wc) {
   if (!In.piped) {
      return get_wch(wc);
   }
   if (In.plainAt < In.plainLen) {
      *wc = In.plain[In.plainAt++];
      return OK;
   }
   if (In.cursesHolds) {
      int r = Input_fromCurses(wc);
      if (r != ERR)
         return r;
      In.cursesHolds = 0;
   }
   if (In.escAfter) {
      In.escAfter = 0;
      *wc = 27;
      return OK;
   }
   int w = Input_wait(wgetdelay(stdscr));
   if (w <= 0) {
      /* A timeout or a signal: curses turns a resize into KEY_RESIZE (its
       * own handler noted the signal). A gone terminal: ERR, as get_wch. */
      return Input_fromCurses(wc);
   }
   unsigned char buf[INPUT_CHUNK + 64];
   ssize_t n = Input_read(buf, INPUT_CHUNK);
   if (n <= 0)
      return ERR;
   size_t len = (size_t)n;
   if (KeySeq_plain(buf, len)) {
      memcpy(In.plain, buf, len);
      In.plainAt = 1;
      In.plainLen = len;
      *wc = buf[0];
      return OK;
   }
   /* A sequence cut by the read: its rest within the Esc delay, as curses
    * itself would wait for it. */
   while (KeySeq_cut(buf, len) > 0 && len < sizeof buf && Input_wait(get_escdelay()) == 1) {
      n = Input_read(buf + len, sizeof buf - len);
      if (n <= 0)
         break;
      len += (size_t)n;
   }
   /* A lone Esc at the end has had its delay: it is Esc, after the rest. */
   if (len > 0 && buf[len - 1] == 0x1b && KeySeq_cut(buf, len) == 1) {
      len--;
      if (len == 0) {
         *wc = 27;
         return OK;
      }
      In.escAfter = 1;
   }
   size_t at = 0;
   while (at < len) {
      ssize_t m = write(In.pipeIn, buf + at, len - at);
      if (m < 0 && errno == EINTR)
         continue;
      if (m <= 0)
         break; /* never expected: the pipe is empty and far larger */
      at += (size_t)m;
   }
   In.cursesHolds = 1;
   int r = Input_fromCurses(wc);
   if (r == ERR)
      In.cursesHolds = 0;
   return r;
}
