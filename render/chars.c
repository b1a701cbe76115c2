#include "render/chars.h"

#include "model/utf8.h"
#include "model/width.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The model's decoder is the one definition of well-formed UTF-8. */
size_t Chars_decode(const char *s, size_t n, uint32_t *cp) {
   return Utf8_decode(s, n, cp);
}

size_t Chars_seqlen(const char *s, size_t n) {
   uint32_t cp;
   return Chars_decode(s, n, &cp);
}

void Chars_encode(Buf *out, uint32_t cp) {
   char b[4];
   Buf_addn(out, b, Utf8_encode(cp, b));
}

/* The same width table as the live screen (model/width.c). */
int Chars_cpwidth(uint32_t cp) {
   return Width_cp(cp);
}

size_t Chars_columns(const char *s, size_t n) {
   return Width_columns(s, n);
}

/* Closes what a line opened: PDI for each isolate, PDF for each embedding. */
static void Chars_closebidi(Buf *out, int *isolates, int *embeds) {
   for (; *isolates > 0; (*isolates)--)
      Chars_encode(out, 0x2069);
   for (; *embeds > 0; (*embeds)--)
      Chars_encode(out, 0x202C);
}

void Chars_clean(Buf *out, const char *str, int flags) {
   if (!str)
      return;
   size_t n = strlen(str);
   const char *s = str;
   int isolates = 0, embeds = 0;
   while (n > 0) {
      /* The run of characters that pass unchanged, copied in one piece. */
      size_t r = 0;
      while (r < n) {
         /* Eight printable ASCII bytes at a time: none below 0x20, none 0x7F or above. */
         while (r + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + r, 8);
            uint64_t low = (w - 0x2020202020202020ULL) & ~w;
            uint64_t high = (w + 0x0101010101010101ULL) | w; /* 0x7F and up set the top bit */
            if ((low | high) & 0x8080808080808080ULL)
               break;
            r += 8;
         }
         if (r >= n)
            break;
         unsigned char c = (unsigned char)s[r];
         if (c >= 0x20 && c < 0x7F) {
            r++;
            continue;
         }
         if (c < 0x80)
            break;
         /* Two bytes from U+00A0 on (Latin, Greek, Cyrillic) pass as they are. */
         if (c >= 0xC2 && c <= 0xDF && r + 1 < n && ((unsigned char)s[r + 1] & 0xC0) == 0x80 &&
             (c > 0xC2 || (unsigned char)s[r + 1] >= 0xA0)) {
            r += 2;
            continue;
         }
         uint32_t rc;
         size_t rl = Chars_decode(s + r, n - r, &rc);
         if ((rc == 0xFFFD && rl == 1) || rc < 0xA0 || (rc >= 0x2028 && rc <= 0x202E) ||
             (rc >= 0x2066 && rc <= 0x2069))
            break;
         r += rl;
      }
      if (r) {
         Buf_addn(out, s, r);
         s += r;
         n -= r;
         continue;
      }
      uint32_t cp;
      size_t l = Chars_decode(s, n, &cp);
      s += l;
      n -= l;
      if (cp == '\r' || cp == '\n' || cp == 0x2028 || cp == 0x2029) {
         if (cp == '\r' && n > 0 && *s == '\n') {
            s++;
            n--;
         }
         Chars_closebidi(out, &isolates, &embeds);
         Buf_addc(out, (flags & CHARS_NEWLINES) ? '\n' : ' ');
      } else if (cp == '\t') {
         Buf_addc(out, ' ');
      } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
         /* dropped: a control character has no place in a document */
      } else {
         if (cp >= 0x202A && cp <= 0x202E && cp != 0x202C)
            embeds++;
         else if (cp == 0x202C && embeds > 0)
            embeds--;
         else if (cp == 0x202C)
            continue;  /* an unmatched PDF would close something of ours */
         else if (cp >= 0x2066 && cp <= 0x2068)
            isolates++;
         else if (cp == 0x2069 && isolates > 0)
            isolates--;
         else if (cp == 0x2069)
            continue;
         Chars_encode(out, cp);
      }
   }
   Chars_closebidi(out, &isolates, &embeds);
}

char *Chars_cleandup(const char *s, int flags) {
   Buf b = BUF_INIT;
   Chars_clean(&b, s, flags);
   return Buf_take(&b);
}
