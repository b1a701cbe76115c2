#include "tui/text.h"

#include <string.h>
#include <wchar.h>
#include <wctype.h>

size_t Text_decode(const char *str, size_t n, uint32_t *cp) {
   const unsigned char *s = (const unsigned char *)str;
   if (n == 0) {
      *cp = 0;
      return 0;
   }
   unsigned char c = s[0];
   size_t len;
   uint32_t v;
   if (c < 0x80) {
      *cp = c;
      return 1;
   } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      v = c & 0x1F;
   } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      v = c & 0x0F;
   } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      v = c & 0x07;
   } else {
      *cp = 0xFFFD;
      return 1;
   }
   if (len > n) {
      *cp = 0xFFFD;
      return 1;
   }
   for (size_t i = 1; i < len; i++) {
      if ((s[i] & 0xC0) != 0x80) {
         *cp = 0xFFFD;
         return 1;
      }
      v = (v << 6) | (s[i] & 0x3F);
   }
   /* Overlong forms and surrogates are not characters. */
   if ((len == 2 && v < 0x80) || (len == 3 && v < 0x800) || (len == 4 && v < 0x10000) ||
       (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF) {
      *cp = 0xFFFD;
      return 1;
   }
   *cp = v;
   return len;
}

size_t Text_encode(uint32_t cp, char *out) {
   unsigned char *o = (unsigned char *)out;
   if (cp < 0x80) {
      o[0] = (unsigned char)cp;
      return 1;
   } else if (cp < 0x800) {
      o[0] = (unsigned char)(0xC0 | (cp >> 6));
      o[1] = (unsigned char)(0x80 | (cp & 0x3F));
      return 2;
   } else if (cp < 0x10000) {
      o[0] = (unsigned char)(0xE0 | (cp >> 12));
      o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
      o[2] = (unsigned char)(0x80 | (cp & 0x3F));
      return 3;
   }
   o[0] = (unsigned char)(0xF0 | (cp >> 18));
   o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
   o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
   o[3] = (unsigned char)(0x80 | (cp & 0x3F));
   return 4;
}

size_t Text_next(const char *s, size_t len, size_t i) {
   if (i >= len)
      return len;
   uint32_t cp;
   return i + Text_decode(s + i, len - i, &cp);
}

size_t Text_prev(const char *s, size_t i) {
   if (i == 0)
      return 0;
   size_t j = i - 1;
   /* At most three continuation bytes back. */
   while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
      j--;
   uint32_t cp;
   if (j + Text_decode(s + j, i - j, &cp) != i)
      return i - 1; /* invalid sequence: step one byte */
   return j;
}

int Text_cpWidth(uint32_t cp) {
   if (cp < 0x20 || cp == 0x7F)
      return 0;
   if (cp < 0x7F)
      return 1;
   int w = wcwidth((wchar_t)cp);
   if (w >= 0)
      return w;
   /* Unknown to the locale: assume East Asian ranges are wide, else narrow. */
   if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
       (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
       (cp >= 0x20000 && cp <= 0x3FFFD))
      return 2;
   return 1;
}

int Text_width(const char *s, size_t n) {
   int w = 0;
   size_t i = 0;
   while (i < n) {
      uint32_t cp;
      i += Text_decode(s + i, n - i, &cp);
      w += Text_cpWidth(cp);
   }
   return w;
}

size_t Text_fit(const char *s, int cols, int *used) {
   size_t n = strlen(s), i = 0;
   int w = 0;
   while (i < n) {
      uint32_t cp;
      size_t l = Text_decode(s + i, n - i, &cp);
      int cw = Text_cpWidth(cp);
      if (w + cw > cols)
         break;
      w += cw;
      i += l;
   }
   if (used)
      *used = w;
   return i;
}

static uint32_t Text_fold(uint32_t cp) {
   if (cp < 0x80)
      return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
   return (uint32_t)towlower((wint_t)cp);
}

int Text_startsWithCI(const char *s, const char *prefix) {
   size_t sn = strlen(s), pn = strlen(prefix), i = 0, j = 0;
   while (j < pn) {
      if (i >= sn)
         return 0;
      uint32_t a, b;
      i += Text_decode(s + i, sn - i, &a);
      j += Text_decode(prefix + j, pn - j, &b);
      if (Text_fold(a) != Text_fold(b))
         return 0;
   }
   return 1;
}

long Text_findCI(const char *hay, const char *needle) {
   size_t n = strlen(hay);
   for (size_t i = 0; i <= n; i = Text_next(hay, n, i)) {
      if (Text_startsWithCI(hay + i, needle))
         return (long)i;
      if (i == n)
         break;
   }
   return -1;
}

void Text_pad(char *out, size_t n, const char *s, int cols) {
   size_t len = strlen(out);
   int used;
   size_t b = Text_fit(s, cols, &used);
   if (len + b + (size_t)(cols - used) + 1 > n)
      return;
   memcpy(out + len, s, b);
   len += b;
   while (used++ < cols)
      out[len++] = ' ';
   out[len] = '\0';
}
