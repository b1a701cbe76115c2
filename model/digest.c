#include "model/digest.h"

#include <stdlib.h>
#include <string.h>

/* A record in one allocation: the field pointers, then the strings. */
ArchiveRecord *ArchiveDigest_grow(ArchiveDigest *d) {
   if (d->count == d->cap) {
      size_t cap = d->cap ? d->cap * 2 : 16;
      ArchiveRecord *r = realloc(d->recs, cap * sizeof *r);
      if (!r)
         return NULL;
      d->recs = r;
      d->cap = cap;
   }
   return &d->recs[d->count];
}

bool ArchiveDigest_add(ArchiveDigest *d, char type, size_t n, const char *const *fields) {
   ArchiveRecord *r = ArchiveDigest_grow(d);
   if (!r)
      return false;
   size_t bytes = 0;
   for (size_t k = 0; k < n; k++)
      bytes += strlen(fields[k] ? fields[k] : "") + 1;
   char **f = malloc((n + 1) * sizeof *f + bytes);
   if (!f)
      return false;
   char *p = (char *)(f + n + 1);
   for (size_t k = 0; k < n; k++) {
      const char *src = fields[k] ? fields[k] : "";
      size_t l = strlen(src) + 1;
      memcpy(p, src, l);
      f[k] = p;
      p += l;
   }
   f[n] = NULL;
   *r = (ArchiveRecord){ type, n, f };
   d->count++;
   return true;
}

void ArchiveDigest_free(ArchiveDigest *d) {
   for (size_t i = 0; i < d->count; i++)
      free(d->recs[i].fields);
   free(d->recs);
   memset(d, 0, sizeof *d);
}
