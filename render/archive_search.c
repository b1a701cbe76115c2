#include "render/archive_search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/date.h"
#include "model/docref.h"
#include "model/dossier.h"
#include "model/record.h"
#include "model/visible.h"
#include "render/archive_digest.h"

enum { SEARCH_SPANS = 32, SEARCH_BEFORE = 50, SEARCH_WIDTH = 200 };

GvStatus ArchiveSearch_init(ArchiveSearch *s, const char *query, char *msg, size_t msglen) {
   memset(s, 0, sizeof *s);
   GvBuf_init(&s->scratch);
   s->markOn = "[";
   s->markOff = "]";
   return MatchQuery_parse(&s->q, query, strlen(query), msg, msglen);
}

GvStatus ArchiveSearch_item(ArchiveSearch *s, const char *item, char *msg, size_t msglen) {
   s->item = item;
   return MatchQuery_parse(&s->itemq, item, strlen(item), msg, msglen);
}

GvStatus ArchiveSearch_doc(ArchiveSearch *s, const char *ref, char *msg, size_t msglen) {
   DocRef d;
   GvStatus st = DocRef_parse(ref, strlen(ref), &d, msg, msglen);
   if (st != GV_OK)
      return st;
   Dossier_docKey(&d, s->dockey, sizeof s->dockey);
   DocRef_free(&d);
   return GV_OK;
}

bool ArchiveSearch_could(ArchiveSearch *s, const char *raw, size_t len) {
   return Match_couldContain(&s->q, raw, len, &s->scratch);
}

/* Appends text made visible, its newlines read as spaces (one line). */
static void Search_append(GvBuf *out, const char *text, size_t n) {
   const char *nl;
   while (n && (nl = memchr(text, '\n', n))) {
      size_t k = (size_t)(nl - text);
      Visible_append(out, text, k, 0);
      GvBuf_putc(out, ' ');
      text += k + 1;
      n -= k + 1;
   }
   Visible_append(out, text, n, 0);
}

/* The text around the first match, the matches marked, on one line. */
static char *Search_context(const ArchiveSearch *s, const char *text, size_t n,
                            const MatchSpan *sp, size_t nsp) {
   size_t from = sp[0].start > SEARCH_BEFORE ? sp[0].start - SEARCH_BEFORE : 0;
   while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
      from--;
   size_t to = from + SEARCH_WIDTH < n ? from + SEARCH_WIDTH : n;
   if (to < sp[0].end)
      to = sp[0].end;
   while (to < n && ((unsigned char)text[to] & 0xC0) == 0x80)
      to++;
   GvBuf out = GV_BUF_INIT;
   if (from > 0)
      GvBuf_puts(&out, "…");
   size_t at = from;
   for (size_t k = 0; k < nsp && sp[k].start < to; k++) {
      if (sp[k].start < at)
         continue;
      Search_append(&out, text + at, sp[k].start - at);
      GvBuf_puts(&out, s->markOn);
      Search_append(&out, text + sp[k].start, sp[k].end - sp[k].start);
      GvBuf_puts(&out, s->markOff);
      at = sp[k].end;
   }
   if (at < to)
      Search_append(&out, text + at, to - at);
   if (to < n)
      GvBuf_puts(&out, "…");
   GvBuf_putc(&out, '\0');
   return out.data;
}

/* Does the item record (render/archive_digest.h 'I') pass --item and --doc? */
static bool Search_itemOk(ArchiveSearch *s, const ArchiveRecord *item) {
   if (!s->item && !s->dockey[0])
      return true;
   if (!item)
      return false;
   char *const *f = item->fields;
   if (s->item && strcmp(f[0], s->item) != 0 &&
       !Match_text(&s->itemq, f[1], strlen(f[1]), &s->scratch, NULL, 0, NULL))
      return false;
   if (s->dockey[0]) {
      size_t kl = strlen(s->dockey);
      for (const char *k = f[5]; *k;) {
         const char *end = strchr(k, '\x1f');
         size_t len = end ? (size_t)(end - k) : strlen(k);
         if (len == kl && memcmp(k, s->dockey, kl) == 0)
            return true;
         k += len + (end ? 1 : 0);
      }
      return false;
   }
   return true;
}

typedef struct SearchAt {
   int64_t day;
   const char *body, *path;
} SearchAt;

static void Search_try(ArchiveSearch *s, const SearchAt *e, const ArchiveRecord *item,
                       const char *deleg, const char *what, const char *text) {
   size_t n = text ? strlen(text) : 0;
   if (!n)
      return;
   if (s->delegation && strcasecmp(deleg, s->delegation) != 0)
      return;
   if (!Search_itemOk(s, item))
      return;
   MatchSpan sp[SEARCH_SPANS];
   size_t nsp;
   if (!Match_text(&s->q, text, n, &s->scratch, sp, SEARCH_SPANS, &nsp) || nsp == 0)
      return;
   if (s->nhits == s->cap) {
      size_t cap = s->cap ? s->cap * 2 : 64;
      SearchHit *h = realloc(s->hits, cap * sizeof *h);
      if (!h) {
         s->nomem = true;
         return;
      }
      s->hits = h;
      s->cap = cap;
   }
   SearchHit *h = &s->hits[s->nhits];
   memset(h, 0, sizeof *h);
   h->day = e->day;
   h->seq = s->nhits;
   if (!s->shared) {
      /* A session's date, body and path once for all its hits. */
      if (s->nowned + 3 > s->capowned) {
         size_t cap = s->capowned ? s->capowned * 2 : 96;
         char **o = realloc(s->owned, cap * sizeof *o);
         if (!o) {
            s->nomem = true;
            return;
         }
         s->owned = o;
         s->capowned = cap;
      }
      char date[11] = "";
      if (e->day != GV_NO_DAY)
         Date_format_iso(e->day, date);
      s->owned[s->nowned++] = strdup(date);
      s->owned[s->nowned++] = Visible_dup(e->body ? e->body : "", 0);
      s->owned[s->nowned++] = Visible_dup(e->path, 0);
      s->shared = true;
   }
   h->date = s->owned[s->nowned - 3];
   h->body = s->owned[s->nowned - 2];
   h->path = s->owned[s->nowned - 1];
   h->item = Visible_dup(item ? item->fields[0] : "", 0);
   h->title = Visible_dup(item ? item->fields[1] : "", 0);
   h->delegation = Visible_dup(deleg, 0);
   h->what = strdup(what);
   h->text = Search_context(s, text, n, sp, nsp);
   if (!h->date || !h->body || !h->item || !h->title || !h->delegation || !h->what || !h->text ||
       !h->path)
      s->nomem = true;
   s->nhits++;
}

void ArchiveSearch_digest(ArchiveSearch *s, int64_t day, const char *body, const char *path,
                          const ArchiveDigest *d) {
   SearchAt e = { day, body, path };
   s->shared = false;
   const ArchiveRecord **items = malloc((d->count + 1) * sizeof *items);
   size_t nitems = 0;
   if (!items) {
      s->nomem = true;
      return;
   }
   for (size_t i = 0; i < d->count; i++)
      if (d->recs[i].type == 'I' && d->recs[i].nfields == DIGEST_ITEM_FIELDS)
         items[nitems++] = &d->recs[i];
   for (size_t i = 0; i < d->count; i++) {
      if (s->only && !s->only[i])
         continue;
      const ArchiveRecord *r = &d->recs[i];
      char *const *f = r->fields;
      size_t k = r->nfields ? (size_t)strtoull(f[0], NULL, 10) : 0;
      const ArchiveRecord *it = k < nitems ? items[k] : NULL;
      if (r->type == 'I' && r->nfields == DIGEST_ITEM_FIELDS) {
         Search_try(s, &e, r, f[7], "title", f[1]);
         Search_try(s, &e, r, "", "item note", f[6]);
         Search_try(s, &e, r, "", "outcome", f[3]);
      } else if (r->type == 'V' && r->nfields == 4) {
         Search_try(s, &e, it, f[1], "said", f[3]);
      } else if (r->type == 'P' && r->nfields == 4) {
         Search_try(s, &e, it, f[1], GvStance_word((GvStance)atoi(f[2])), f[3]);
      } else if (r->type == 'R' && r->nfields == 5) {
         Search_try(s, &e, it, f[1], "reservation", f[4]);
      } else if (r->type == 'A' && r->nfields == DIGEST_ROW_FIELDS) {
         /* An action row names its item by number. */
         const ArchiveRecord *ai = NULL;
         for (size_t j = 0; j < nitems && !ai && f[8][0]; j++)
            if (strcmp(items[j]->fields[0], f[8]) == 0)
               ai = items[j];
         Search_try(s, &e, ai, f[2], f[0][0] == 'D' ? "deadline" : "action", f[4]);
      }
   }
   free(items);
}

int ArchiveSearch_folded(ArchiveSearch *s, int64_t day, const char *body, const char *path,
                         const char *recs, size_t len, const char *folded, size_t flen,
                         ArchiveSearchParse parse) {
   if (!s->q.line_ok)
      return -1;
   size_t n = Match_lines(&s->q, folded, flen, &s->lines, &s->linecap);
   if (n == SIZE_MAX)
      return -1;
   if (n == 0)
      return 1;
   ArchiveDigest d = { 0 };
   GvBuf only = GV_BUF_INIT;
   size_t line = 0, next = 0;
   for (size_t at = 0; at < len; line++) {
      const char *nl = memchr(recs + at, '\n', len - at);
      size_t l = nl ? (size_t)(nl - (recs + at)) : len - at;
      bool take = next < n && s->lines[next] == line;
      next += take;
      if (take || recs[at] == 'I') {
         if (!parse(recs + at, l, &d) || !GvBuf_putc(&only, take)) {
            s->nomem = true;
            break;
         }
      }
      at += l + 1;
   }
   s->only = (const unsigned char *)only.data;
   ArchiveSearch_digest(s, day, body, path, &d);
   s->only = NULL;
   GvBuf_free(&only);
   ArchiveDigest_free(&d);
   return 0;
}

static int Search_newest(const void *x, const void *y) {
   const SearchHit *a = x, *b = y;
   if (a->day != b->day)
      return a->day < b->day ? 1 : -1;
   return (a->seq > b->seq) - (a->seq < b->seq);
}

void ArchiveSearch_sort(ArchiveSearch *s) {
   if (s->nhits > 1)
      qsort(s->hits, s->nhits, sizeof *s->hits, Search_newest);
}

void ArchiveSearch_free(ArchiveSearch *s) {
   for (size_t i = 0; i < s->nhits; i++) {
      SearchHit *h = &s->hits[i];
      free(h->item), free(h->title), free(h->delegation), free(h->what), free(h->text);
   }
   for (size_t i = 0; i < s->nowned; i++)
      free(s->owned[i]);
   free(s->owned);
   free(s->hits);
   free(s->lines);
   GvBuf_free(&s->scratch);
   MatchQuery_free(&s->q);
   MatchQuery_free(&s->itemq);
   memset(s, 0, sizeof *s);
}
