/* Making control characters visible (see visible.h). */
#include "model/visible.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/utf8.h"
#include "model/width.h"

bool Visible_isBidi(uint32_t cp) {
   return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
          (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* True when the code point cp must be shown by its visible form. */
static bool Visible_isControl(uint32_t cp) {
   return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || Visible_isBidi(cp) || cp == 0x2028 ||
          cp == 0x2029;
}

size_t Visible_form(uint32_t cp, char out[12]) {
   out[0] = '\0';
   if (cp < 0x20 || cp == 0x7F) {
      out[0] = '^';
      out[1] = cp == 0x7F ? '?' : (char)(cp + 0x40);
      out[2] = '\0';
      return 2;
   }
   if (cp >= 0x80 && cp <= 0x9F)
      return (size_t)snprintf(out, 12, "\\x%02x", (unsigned)cp);
   if (Visible_isControl(cp))
      return (size_t)snprintf(out, 12, "<U+%04X>", (unsigned)cp);
   return 0;
}

/* Upper case letters of Latin-1 and Latin Extended-A, whose fold is lower. */
static bool Visible_isUpper(uint32_t cp) {
   if (cp >= 0xC0 && cp <= 0xDE)
      return cp != 0xD7;
   if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177))
      return cp % 2 == 0;
   if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
      return cp % 2 == 1;
   return cp == 0x178 || cp == 0x218 || cp == 0x21A;
}

char Visible_ascii(uint32_t cp) {
   if (cp < 0x80)
      return (char)cp;
   switch (cp) {
   case 0xA0: case 0x2002: case 0x2003: case 0x2009: case 0x202F: return ' ';
   case 0x2018: case 0x2019: case 0x201A: return '\'';
   case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB: return '"';
   case 0x2010: case 0x2011: case 0x2013: case 0x2014: case 0x2212: return '-';
   case 0x2026: case 0xB7: case 0x2022: return '.';
   case 0xDF: return 's';
   case 0xC6: return 'A';
   case 0xE6: return 'a';
   default: break;
   }
   if ((cp >= 0xC0 && cp <= 0x17F) || (cp >= 0x218 && cp <= 0x21B)) {
      uint32_t f = Utf8_fold_cp(cp);
      if (f >= 'a' && f <= 'z')
         return (char)(Visible_isUpper(cp) ? f - 32 : f);
   }
   return '?';
}

/* Length of the clean run at s (bytes that pass unchanged). */
static size_t Visible_cleanRun(const char *s, size_t n, int flags) {
   size_t i = 0;
   while (i < n) {
      /* Eight printable ASCII bytes at a time: none has its 0x80 bit, none
       * is below 0x20 (subtracting 0x20 borrows) or is DEL (0x7F + 1 sets
       * 0x80); no borrow or carry crosses a byte that passed. */
      const uint64_t hi = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
      while (i + 8 <= n) {
         uint64_t v;
         memcpy(&v, s + i, 8);
         if ((v | (v - 0x20 * ones) | (v + ones)) & hi)
            break;
         i += 8;
      }
      if (i >= n)
         break;
      unsigned char c = (unsigned char)s[i];
      if (c >= 0x20 && c < 0x7F) {
         i++;
         continue;
      }
      if (c == '\n' && (flags & VISIBLE_NEWLINE)) {
         i++;
         continue;
      }
      if (c == '\t' && (flags & VISIBLE_TAB)) {
         i++;
         continue;
      }
      if (c < 0x80 || (flags & VISIBLE_ASCII))
         break;
      /* A two-byte character (Latin, Greek, Cyrillic) is shown as itself
       * unless it is a C1 control (U+0080..U+009F: C2 80..C2 9F) or the
       * Arabic letter mark (U+061C: D8 9C), a bidirectional control. */
      if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
         unsigned char c2 = (unsigned char)s[i + 1];
         if ((c == 0xC2 && c2 < 0xA0) || (c == 0xD8 && c2 == 0x9C))
            break;
         i += 2;
         continue;
      }
      uint32_t cp;
      size_t l = Utf8_decode(s + i, n - i, &cp);
      if ((cp == 0xFFFD && l == 1) || Visible_isControl(cp))
         break;
      i += l;
   }
   return i;
}

bool Visible_isClean(const char *s, size_t n, int flags) {
   return Visible_cleanRun(s, n, flags) == n;
}

bool Visible_append(GvBuf *out, const char *s, size_t n, int flags) {
   size_t i = 0;
   while (i < n) {
      size_t run = Visible_cleanRun(s + i, n - i, flags);
      if (run && !GvBuf_append(out, s + i, run))
         return false;
      i += run;
      if (i >= n)
         break;
      char tmp[12];
      uint32_t cp;
      size_t l = Utf8_decode(s + i, n - i, &cp);
      if (cp == 0xFFFD && l == 1 && (unsigned char)s[i] >= 0x80) {
         snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned char)s[i]);
      } else if (Visible_form(cp, tmp) == 0) {
         /* a character the terminal cannot show (VISIBLE_ASCII); a
          * combining accent goes with the letter it was on */
         tmp[0] = Width_cp(cp) == 0 ? '\0' : Visible_ascii(cp);
         tmp[1] = '\0';
      }
      i += l;
      if (!GvBuf_puts(out, tmp))
         return false;
   }
   return !out->failed;
}

char *Visible_dup(const char *s, int flags) {
   GvBuf b = GV_BUF_INIT;
   if (!s)
      s = "";
   if (!Visible_append(&b, s, strlen(s), flags)) {
      GvBuf_free(&b);
      return NULL;
   }
   return b.data ? b.data : calloc(1, 1);
}
