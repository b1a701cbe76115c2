#include "render/chars.h"

#include "model/utf8.h"

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

typedef struct Range {
   uint32_t lo, hi;
} Range;

/* Enough of Unicode's zero-width and wide classes for names and notes in
 * the languages of the Union and its partners; not a full wcwidth. */
static const Range Chars_zero[] = {
   { 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x05BF, 0x05BF },
   { 0x05C1, 0x05C2 }, { 0x05C4, 0x05C5 }, { 0x05C7, 0x05C7 }, { 0x0610, 0x061A },
   { 0x064B, 0x065F }, { 0x0670, 0x0670 }, { 0x06D6, 0x06DC }, { 0x06DF, 0x06E4 },
   { 0x0E31, 0x0E31 }, { 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF },
   { 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x202A, 0x202E }, { 0x2060, 0x2069 },
   { 0x20D0, 0x20FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
};

static const Range Chars_wide[] = {
   { 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
   { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
   { 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
   { 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

static int Chars_inranges(uint32_t cp, const Range *r, size_t n) {
   size_t lo = 0, hi = n;
   while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (cp < r[mid].lo)
         hi = mid;
      else if (cp > r[mid].hi)
         lo = mid + 1;
      else
         return 1;
   }
   return 0;
}

int Chars_cpwidth(uint32_t cp) {
   if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
      return 0;
   if (Chars_inranges(cp, Chars_zero, sizeof Chars_zero / sizeof *Chars_zero))
      return 0;
   if (Chars_inranges(cp, Chars_wide, sizeof Chars_wide / sizeof *Chars_wide))
      return 2;
   return 1;
}

size_t Chars_columns(const char *s, size_t n) {
   size_t cols = 0;
   while (n > 0) {
      uint32_t cp;
      size_t l = Chars_decode(s, n, &cp);
      cols += (size_t)Chars_cpwidth(cp);
      s += l;
      n -= l;
   }
   return cols;
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
