#include "model/dossier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/buf.h"
#include "model/match.h"
#include "model/util.h"

bool Dossier_docKey(const DocRef *r, char *buf, size_t n) {
   int w;
   if (r->kind == GV_DOCREF_COUNCIL) {
      /* ST 7923/17, 7923/1/17 REV 1 and 7923/17 COR 1 are one document;
       * the series is left out too (ST 7923/17 is 7923/17), but a working
       * document (WK) is numbered apart from the ST/CM series. */
      unsigned year = r->year < 100 ? 2000 + r->year : r->year;
      bool wk = strcmp(r->series, "WK") == 0;
      w = snprintf(buf, n, "doc:%s%lu/%u", wk ? "WK " : "", r->number, year);
   } else {
      GvBuf b = GV_BUF_INIT;
      bool ok = Match_fold(&b, r->text, strlen(r->text)) && GvBuf_putc(&b, '\0');
      w = ok ? snprintf(buf, n, "doc:%s", b.data) : -1;
      GvBuf_free(&b);
   }
   return w >= 0 && (size_t)w < n;
}

bool Dossier_tagKey(const char *name, char *buf, size_t n) {
   GvBuf b = GV_BUF_INIT;
   /* Blanks at either end and case or accents do not make another dossier. */
   while (*name == ' ' || *name == '\t')
      name++;
   size_t len = strlen(name);
   while (len > 0 && (name[len - 1] == ' ' || name[len - 1] == '\t'))
      len--;
   bool ok = Match_fold(&b, name, len) && GvBuf_putc(&b, '\0');
   int w = ok ? snprintf(buf, n, "tag:%s", b.data) : -1;
   GvBuf_free(&b);
   return w >= 0 && (size_t)w < n;
}

void Dossiers_init(Dossiers *d) {
   memset(d, 0, sizeof *d);
}

void Dossiers_free(Dossiers *d) {
   for (size_t i = 0; i < d->nkeys; i++)
      free(d->keys[i].key);
   free(d->keys);
   free(d->parent);
   memset(d, 0, sizeof *d);
}

size_t Dossiers_add(Dossiers *d) {
   size_t *p = Util_grow(d->parent, &d->cap, d->count, sizeof *p);
   if (!p)
      return GV_NONE;
   d->parent = p;
   d->parent[d->count] = d->count;
   d->finished = false;
   return d->count++;
}

bool Dossiers_key(Dossiers *d, size_t member, const char *key) {
   DossierKey *k = Util_grow(d->keys, &d->keys_cap, d->nkeys, sizeof *k);
   if (!k)
      return false;
   d->keys = k;
   char *copy = strdup(key);
   if (!copy)
      return false;
   d->keys[d->nkeys++] = (DossierKey){ copy, member };
   d->finished = false;
   return true;
}

bool Dossiers_addItem(Dossiers *d, size_t member, const Item *it) {
   char key[512];
   if (it->dossier && Dossier_tagKey(it->dossier, key, sizeof key) && !Dossiers_key(d, member, key))
      return false;
   for (size_t k = 0; k < it->ndocs; k++)
      if (Dossier_docKey(&it->docs[k], key, sizeof key) && !Dossiers_key(d, member, key))
         return false;
   return true;
}

static size_t root(Dossiers *d, size_t x) {
   while (d->parent[x] != x) {
      d->parent[x] = d->parent[d->parent[x]];  /* path halving */
      x = d->parent[x];
   }
   return x;
}

static int key_cmp(const void *a, const void *b) {
   const DossierKey *x = a, *y = b;
   int c = strcmp(x->key, y->key);
   return c ? c : (x->member > y->member) - (x->member < y->member);
}

void Dossiers_finish(Dossiers *d) {
   if (d->nkeys > 1)
      qsort(d->keys, d->nkeys, sizeof *d->keys, key_cmp);
   for (size_t i = 1; i < d->nkeys; i++)
      if (strcmp(d->keys[i].key, d->keys[i - 1].key) == 0) {
         size_t a = root(d, d->keys[i].member), b = root(d, d->keys[i - 1].member);
         if (a != b)
            d->parent[a > b ? a : b] = a < b ? a : b;
      }
   d->finished = true;
}

size_t Dossiers_group(Dossiers *d, size_t member) {
   return member < d->count ? root(d, member) : GV_NONE;
}

size_t Dossiers_keyGroup(Dossiers *d, const char *key) {
   if (!d->finished)
      Dossiers_finish(d);
   size_t lo = 0, hi = d->nkeys;
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (strcmp(d->keys[mid].key, key) < 0)
         lo = mid + 1;
      else
         hi = mid;
   }
   if (lo < d->nkeys && strcmp(d->keys[lo].key, key) == 0)
      return root(d, d->keys[lo].member);
   return GV_NONE;
}
