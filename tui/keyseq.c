/* Key sequences cut by a read (see tui/keyseq.h). A terminal writes a key's
 * sequence in one go, but a slow link (ssh) can split it between two reads;
 * handing the first half to curses alone would turn an arrow into Esc, [, A. */
#include "tui/keyseq.h"

int KeySeq_plain(const unsigned char *b, size_t n) {
   if (n == 0)
      return 0;
   for (size_t i = 0; i < n; i++)
      if (b[i] < 0x20 || b[i] > 0x7e)
         return 0;
   return 1;
}

/* Longer than any key or mouse report: an Esc this far back began a
 * sequence that has ended (or never will). */
#define KEYSEQ_LONGEST 64

/* The bytes after an Esc at t[0..len): 1 when they may still grow into a
 * key sequence. */
static int KeySeq_escOpen(const unsigned char *t, size_t len) {
   if (len == 0)
      return 1; /* Esc alone: maybe a sequence's first byte */
   if (t[0] == 'O')
      return len < 2; /* SS3: one byte follows */
   if (t[0] != '[')
      return 0; /* Esc + key (Alt): whole */
   if (len == 1)
      return 1;
   if (t[1] == 'M')
      return len < 5; /* X10 mouse: three raw bytes after the M */
   if (t[1] == '[')
      return len < 3; /* the Linux console's F1-F5: Esc [ [ A */
   size_t i = 1;
   while (i < len && t[i] >= 0x30 && t[i] <= 0x3f)
      i++; /* parameters */
   while (i < len && t[i] >= 0x20 && t[i] <= 0x2f)
      i++; /* intermediates */
   return i == len; /* no final byte yet */
}

/* A UTF-8 character begun in the last three bytes and not finished. */
static size_t KeySeq_utf8Cut(const unsigned char *b, size_t n) {
   for (size_t k = 1; k <= 3 && k <= n; k++) {
      unsigned char c = b[n - k];
      if (c < 0x80)
         return 0;
      if (c >= 0xc0) {
         size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
         return k < need ? k : 0;
      }
   }
   return 0;
}

size_t KeySeq_cut(const unsigned char *b, size_t n) {
   size_t from = n > KEYSEQ_LONGEST ? n - KEYSEQ_LONGEST : 0;
   for (size_t e = n; e-- > from;) {
      if (b[e] != 0x1b)
         continue;
      if (KeySeq_escOpen(b + e + 1, n - e - 1))
         return n - e;
      break;
   }
   return KeySeq_utf8Cut(b, n);
}
