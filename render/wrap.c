#include "render/wrap.h"

#include <string.h>

#include "render/chars.h"

/* Appends one word, cutting it across lines when it is wider than a line. */
static void Wrap_word(Buf *out, const char *w, size_t wl, size_t width, const char *rest,
                      size_t *col, int *fresh) {
   size_t ind = Chars_columns(rest, strlen(rest));
   while (wl > 0) {
      size_t l = Chars_seqlen(w, wl);
      size_t cw = Chars_columns(w, l);
      if (*col + cw > width && !*fresh) {
         Buf_addc(out, '\n');
         Buf_add(out, rest);
         *col = ind;
         *fresh = 1;
      }
      Buf_addn(out, w, l);
      *col += cw;
      if (cw > 0)
         *fresh = 0;
      w += l;
      wl -= l;
   }
}

void Wrap_text(Buf *out, const char *text, size_t width, const char *first, const char *rest) {
   size_t col = Chars_columns(first, strlen(first));
   size_t ind = Chars_columns(rest, strlen(rest));
   int fresh = 1;       /* nothing but the indent on the current line */
   Buf_add(out, first);
   const char *p = text;
   while (*p) {
      if (*p == ' ') {
         p++;
         continue;
      }
      if (*p == '\n') {
         Buf_addc(out, '\n');
         Buf_add(out, rest);
         col = ind;
         fresh = 1;
         p++;
         continue;
      }
      size_t wl = strcspn(p, " \n");
      size_t ww = Chars_columns(p, wl);
      if (!fresh) {
         if (col + 1 + ww <= width) {
            Buf_addc(out, ' ');
            col++;
         } else {
            Buf_addc(out, '\n');
            Buf_add(out, rest);
            col = ind;
            fresh = 1;
         }
      }
      Wrap_word(out, p, wl, width, rest, &col, &fresh);
      p += wl;
   }
   Buf_addc(out, '\n');
}
