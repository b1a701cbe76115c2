/* Making control characters visible (see visible.h). */
#include "model/visible.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/utf8.h"

bool Visible_isBidi(uint32_t cp) {
   return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
          (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Length of the clean run at s (bytes that pass unchanged). */
static size_t Visible_cleanRun(const char *s, size_t n, int flags) {
   size_t i = 0;
   while (i < n) {
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
      if (c < 0x80)
         break;
      uint32_t cp;
      size_t l = Utf8_decode(s + i, n - i, &cp);
      if ((cp == 0xFFFD && l == 1) || (cp >= 0x80 && cp <= 0x9F) ||
          Visible_isBidi(cp) || cp == 0x2028 || cp == 0x2029)
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
      unsigned char c = (unsigned char)s[i];
      char tmp[16];
      if (c < 0x20 || c == 0x7F) {
         tmp[0] = '^';
         tmp[1] = c == 0x7F ? '?' : (char)(c + 0x40);
         tmp[2] = '\0';
         i++;
      } else {
         uint32_t cp;
         size_t l = Utf8_decode(s + i, n - i, &cp);
         if (cp == 0xFFFD && l == 1)
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
         else if (cp <= 0x9F)
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)cp);
         else
            snprintf(tmp, sizeof tmp, "<U+%04X>", (unsigned)cp);
         i += l;
      }
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
