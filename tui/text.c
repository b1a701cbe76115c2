#include "tui/text.h"

#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "model/utf8.h"
#include "model/visible.h"
#include "model/width.h"

/* The model's decoder and encoder: one definition of UTF-8. */
size_t Text_decode(const char *s, size_t n, uint32_t *cp) {
   if (n == 0) {
      *cp = 0;
      return 0;
   }
   return Utf8_decode(s, n, cp);
}

size_t Text_encode(uint32_t cp, char *out) {
   return Utf8_encode(cp, out);
}

static int Text_ascii = 0;

void Text_setAscii(int on) {
   Text_ascii = on;
}

int Text_isAscii(void) {
   return Text_ascii;
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
   /* A control shows as its visible form (model/visible.h), so it takes
    * the columns of that form. */
   char form[12];
   size_t n = Visible_form(cp, form);
   if (n)
      return (int)n;
   int w = Width_cp(cp);
   return Text_ascii && w > 1 ? 1 : w;
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
