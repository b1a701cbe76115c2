#include "render/phrase.h"

#include <ctype.h>
#include <string.h>

static const char *const Phrase_months[12] = {
   "January", "February", "March", "April", "May", "June",
   "July", "August", "September", "October", "November", "December",
};

void Phrase_date(Buf *out, const char *iso) {
   int y, m, d;
   if (!iso)
      return;
   if (strlen(iso) >= 10 && isdigit((unsigned char)iso[0]) && iso[4] == '-' && iso[7] == '-' &&
       (iso[10] == '\0' || iso[10] == 'T' || iso[10] == ' ')) {
      y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
      m = (iso[5] - '0') * 10 + (iso[6] - '0');
      d = (iso[8] - '0') * 10 + (iso[9] - '0');
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31 && y > 0) {
         Buf_addf(out, "%d %s %d", d, Phrase_months[m - 1], y);
         return;
      }
   }
   Buf_add(out, iso);
}

static const char *const Phrase_small[21] = {
   "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
   "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
   "eighteen", "nineteen", "twenty",
};

void Phrase_count(Buf *out, size_t n, int capital) {
   if (n > 20) {
      Buf_addf(out, "%zu", n);
      return;
   }
   size_t at = out->len;
   Buf_add(out, Phrase_small[n]);
   if (capital)
      Phrase_capitalise(out, at);
}

void Phrase_join(Buf *out, const char *const *items, size_t n, const char *last) {
   for (size_t i = 0; i < n; i++) {
      if (i > 0)
         Buf_add(out, i + 1 == n ? last : ", ");
      Buf_add(out, items[i]);
   }
}

void Phrase_capitalise(Buf *b, size_t offset) {
   if (offset < b->len && b->data[offset] >= 'a' && b->data[offset] <= 'z')
      b->data[offset] = (char)(b->data[offset] - 'a' + 'A');
}
