#include "render/archive_items.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/archive_digest.h"
#include "model/util.h"
#include "model/visible.h"

static char *vis(ArchiveItems *ai, const char *s) {
   char *v = Visible_dup(s, 0);
   if (!v)
      ai->nomem = true;
   return v;
}

static void add_record(ArchiveItems *ai, ArchRecord **arr, size_t *n, size_t *cap, size_t item,
                       const char *code, int kind, GvReserveStatus st, const char *text) {
   ArchRecord *g = Util_grow(*arr, cap, *n, sizeof *g);
   if (!g) {
      ai->nomem = true;
      return;
   }
   *arr = g;
   g[*n] = (ArchRecord){ item, vis(ai, code), kind, st, vis(ai, text) };
   (*n)++;
}

static void make_labels(ArchiveItems *ai);

/* One session's digest (render/archive_digest.h): its items, positions and
 * reservations, whether it came from the cache or from a replay. */
void ArchiveItems_addDigest(ArchiveItems *ai, int64_t day, const char *path, const char *body,
                            const ArchiveDigest *dg) {
   size_t base = ai->nitems, nitems = 0;
   for (size_t i = 0; i < dg->count; i++) {
      const ArchiveRecord *r = &dg->recs[i];
      char *const *f = r->fields;
      if (r->type == 'I' && r->nfields == DIGEST_ITEM_FIELDS) {
         ArchItem *g = Util_grow(ai->items, &ai->items_cap, ai->nitems, sizeof *g);
         size_t member = Dossiers_add(&ai->d);
         if (!g || member == GV_NONE) {
            ai->nomem = true;
            return;
         }
         ai->items = g;
         /* The dossier keys, \x1f-separated. */
         for (char *k = f[5]; *k;) {
            char *end = strchr(k, '\x1f');
            size_t len = end ? (size_t)(end - k) : strlen(k);
            char key[512];
            if (len < sizeof key) {
               memcpy(key, k, len);
               key[len] = '\0';
               if (!Dossiers_key(&ai->d, member, key))
                  ai->nomem = true;
            }
            k += len + (end ? 1 : 0);
         }
         ArchItem *a = &ai->items[ai->nitems++];
         memset(a, 0, sizeof *a);
         a->day = day;
         a->seq = ai->nitems - 1;
         a->path = vis(ai, path);
         a->body = vis(ai, body);
         a->num = vis(ai, f[0]);
         a->title = vis(ai, f[1]);
         a->tag = f[2][0] ? vis(ai, f[2]) : NULL;
         a->outcome = vis(ai, f[3]);
         a->docs = vis(ai, f[4]);
         nitems++;
      } else if ((r->type == 'P' && r->nfields == DIGEST_P_FIELDS) ||
                 (r->type == 'R' && r->nfields == DIGEST_R_FIELDS)) {
         size_t k = (size_t)strtoull(f[0], NULL, 10);
         if (k >= nitems)
            continue;
         if (r->type == 'P')
            add_record(ai, &ai->pos, &ai->npos, &ai->pos_cap, base + k, f[1], atoi(f[2]),
                       GV_RESERVE_ENTERED, f[3]);
         else
            add_record(ai, &ai->res, &ai->nres, &ai->res_cap, base + k, f[1], atoi(f[2]),
                       (GvReserveStatus)atoi(f[3]), f[4]);
      }
   }
}

void ArchiveItems_init(ArchiveItems *ai) {
   memset(ai, 0, sizeof *ai);
   Dossiers_init(&ai->d);
}

bool ArchiveItems_finish(ArchiveItems *ai) {
   Dossiers_finish(&ai->d);
   for (size_t i = 0; i < ai->nitems; i++)
      ai->items[i].group = Dossiers_group(&ai->d, i);
   make_labels(ai);
   return !ai->nomem;
}

void ArchiveItems_free(ArchiveItems *ai) {
   for (size_t i = 0; i < ai->nitems; i++) {
      ArchItem *a = &ai->items[i];
      free(a->path), free(a->body), free(a->num), free(a->title);
      free(a->outcome), free(a->docs), free(a->tag);
   }
   for (size_t i = 0; i < ai->npos; i++)
      free(ai->pos[i].code), free(ai->pos[i].text);
   for (size_t i = 0; i < ai->nres; i++)
      free(ai->res[i].code), free(ai->res[i].text);
   free(ai->labels);
   free(ai->items);
   free(ai->pos);
   free(ai->res);
   Dossiers_free(&ai->d);
}

size_t ArchiveItems_group(ArchiveItems *ai, const char *nameOrRef) {
   char key[512], msg[128];
   DocRef r;
   if (DocRef_parse(nameOrRef, strlen(nameOrRef), &r, msg, sizeof msg) == GV_OK) {
      bool council = r.kind == GV_DOCREF_COUNCIL;
      bool ok = Dossier_docKey(&r, key, sizeof key);
      DocRef_free(&r);
      (void)council;
      if (ok) {
         size_t g = Dossiers_keyGroup(&ai->d, key);
         if (g != GV_NONE)
            return g;
      }
   }
   if (!Dossier_tagKey(nameOrRef, key, sizeof key))
      return GV_NONE;
   return Dossiers_keyGroup(&ai->d, key);
}

const char *ArchiveItems_label(const ArchiveItems *ai, size_t group) {
   return group < ai->nitems && ai->labels[group] ? ai->labels[group] : "";
}

/* One pass: for each group, its earliest tag, else document, else title. */
static void make_labels(ArchiveItems *ai) {
   size_t n = ai->nitems;
   size_t *tag = malloc((n + 1) * sizeof *tag), *doc = malloc((n + 1) * sizeof *doc),
          *first = malloc((n + 1) * sizeof *first);
   ai->labels = calloc(n + 1, sizeof *ai->labels);
   if (!tag || !doc || !first || !ai->labels) {
      ai->nomem = true;
   } else {
      for (size_t i = 0; i < n; i++)
         tag[i] = doc[i] = first[i] = GV_NONE;
#define EARLIER(slot) ((slot) == GV_NONE || a->day < ai->items[slot].day)
      for (size_t i = 0; i < n; i++) {
         const ArchItem *a = &ai->items[i];
         size_t g = a->group;
         if (EARLIER(first[g]))
            first[g] = i;
         if (a->tag && EARLIER(tag[g]))
            tag[g] = i;
         if (a->docs && a->docs[0] && EARLIER(doc[g]))
            doc[g] = i;
      }
#undef EARLIER
      for (size_t g = 0; g < n; g++)
         ai->labels[g] = tag[g] != GV_NONE   ? ai->items[tag[g]].tag
                         : doc[g] != GV_NONE ? ai->items[doc[g]].docs
                         : first[g] != GV_NONE ? ai->items[first[g]].title
                                               : NULL;
   }
   free(tag);
   free(doc);
   free(first);
}

static const ArchiveItems *sort_ai;  /* qsort has no context argument */

/* One reservation (or position) followed across meetings: dossier group,
 * delegation, then (reservations only) its type, then date and order. */
static int rec_cmp(const ArchRecord *a, const ArchRecord *b, int byKind) {
   const ArchItem *ia = &sort_ai->items[a->item], *ib = &sort_ai->items[b->item];
   if (ia->group != ib->group)
      return ia->group < ib->group ? -1 : 1;
   int c = strcmp(a->code, b->code);
   if (c)
      return c;
   if (byKind && a->kind != b->kind)
      return a->kind < b->kind ? -1 : 1;
   if (ia->day != ib->day)
      return ia->day < ib->day ? -1 : 1;
   return (ia->seq > ib->seq) - (ia->seq < ib->seq);
}

static int res_cmp(const void *x, const void *y) {
   return rec_cmp(&sort_ai->res[*(const size_t *)x], &sort_ai->res[*(const size_t *)y], 1);
}

static int pos_cmp(const void *x, const void *y) {
   return rec_cmp(&sort_ai->pos[*(const size_t *)x], &sort_ai->pos[*(const size_t *)y], 0);
}

size_t *ArchiveItems_sorted(const ArchiveItems *ai, bool reservations) {
   size_t n = reservations ? ai->nres : ai->npos;
   size_t *idx = malloc((n + 1) * sizeof *idx);
   if (!idx)
      return NULL;
   for (size_t i = 0; i < n; i++)
      idx[i] = i;
   sort_ai = ai;
   qsort(idx, n, sizeof *idx, reservations ? res_cmp : pos_cmp);
   sort_ai = NULL;
   return idx;
}

size_t ArchiveItems_chainEnd(const ArchiveItems *ai, const size_t *idx, size_t n, size_t at,
                             bool reservations) {
   const ArchRecord *arr = reservations ? ai->res : ai->pos;
   const ArchRecord *a = &arr[idx[at]];
   size_t e = at + 1;
   while (e < n) {
      const ArchRecord *b = &arr[idx[e]];
      if (ai->items[b->item].group != ai->items[a->item].group || strcmp(b->code, a->code) != 0 ||
          (reservations && b->kind != a->kind))
         break;
      e++;
   }
   return e;
}
