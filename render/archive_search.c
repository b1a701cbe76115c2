/* memrchr: glibc's; POSIX.1-2024 has it too. */
#define _GNU_SOURCE
#include "render/archive_search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "model/util.h"
#include "model/date.h"
#include "model/docref.h"
#include "model/dossier.h"
#include "model/record.h"
#include "model/visible.h"
#include "render/archive_digest.h"

enum { SEARCH_SPANS = 32, SEARCH_BEFORE = 50, SEARCH_WIDTH = 200 };

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define SEARCH_WIDE 1
/* Thirty-two bytes a step (AVX2), tabs, backslashes and NULs at once; the
 * last step reads the line's last 32 bytes again (nothing past its end),
 * the bytes already seen masked off. Search_tabs's, from *ii on with *kk
 * tabs so far. 0: the rest is the caller's (from *ii), -1: not a plain
 * line. */
__attribute__((target("avx2"))) static int Search_tabsWide(const char *line, size_t len,
                                                           size_t at[32], size_t *kk,
                                                           size_t *ii) {
   const __m256i tab = _mm256_set1_epi8('\t'), bs = _mm256_set1_epi8('\\');
   const __m256i nul = _mm256_setzero_si256();
   size_t i = *ii, k = *kk;
   while (i < len && len >= 33) {
      size_t base = i + 32 <= len ? i : len - 32;
      __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(line + base));
      uint32_t bad = (uint32_t)_mm256_movemask_epi8(
         _mm256_or_si256(_mm256_cmpeq_epi8(v, bs), _mm256_cmpeq_epi8(v, nul)));
      uint32_t tabs = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, tab));
      uint32_t seen = i > base ? ~0u << (i - base) : ~0u;
      if (bad & seen)
         return -1;
      for (tabs &= seen; tabs; tabs &= tabs - 1) {
         if (k == 32)
            return -1;
         at[k++] = base - 1 + (size_t)__builtin_ctz(tabs);
      }
      i = base + 32;
   }
   *ii = i;
   *kk = k;
   return 0;
}
#endif

#ifdef SEARCH_WIDE
/* Search_foldedField's tabs, 32 bytes a step: the field, or NULL with
 * *seenp, *startp and *ip where the caller goes on. */
__attribute__((target("avx2"))) static const char *Search_fieldWide(const char *fl, size_t flen,
                                                                    size_t field, size_t *len,
                                                                    size_t *seenp, size_t *startp,
                                                                    size_t *ip) {
   const __m256i tab = _mm256_set1_epi8('\t');
   size_t seen = 0, start = 0, i = 0;
   for (; i + 32 <= flen; i += 32) {
      __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(fl + i));
      for (uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, tab)); m; m &= m - 1) {
         size_t pos = i + (size_t)__builtin_ctz(m);
         if (seen == field) {
            start = pos + 1;
         } else if (seen == field + 1) {
            *len = pos - start;
            return fl + start;
         }
         seen++;
      }
   }
   *seenp = seen;
   *startp = start;
   *ip = i;
   return NULL;
}
#endif

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

/* The hits' strings, in blocks of 64 KiB or more: one allocation for
 * hundreds of hits, freed all at once. */
struct SearchBlock {
   SearchBlock *next;
   size_t used, cap;
   char data[];
};

/* The arena's block with room for n more bytes (a new one, of 64 KiB or
 * n, when the current one has not); NULL on ENOMEM. */
static SearchBlock *Search_room(ArchiveSearch *s, size_t n) {
   SearchBlock *b = s->arena;
   if (!b || b->cap - b->used < n) {
      size_t cap = n > 65536 ? n : 65536;
      b = malloc(sizeof *b + cap);
      if (!b)
         return NULL;
      b->next = s->arena;
      b->used = 0;
      b->cap = cap;
      s->arena = b;
   }
   return b;
}

/* A NUL-terminated copy of p[0..n) in the arena; NULL on ENOMEM. */
static const char *Search_keep(ArchiveSearch *s, const char *p, size_t n) {
   SearchBlock *b = Search_room(s, n + 1);
   if (!b)
      return NULL;
   char *at = b->data + b->used;
   memcpy(at, p, n);
   at[n] = '\0';
   b->used += n + 1;
   return at;
}

/* text made visible, kept in the arena. */
static const char *Search_keepVisible(ArchiveSearch *s, const char *text) {
   size_t n = strlen(text);
   if (Visible_isClean(text, n, 0))
      return Search_keep(s, text, n);  /* visible as it is: copied once */
   GvBuf_clear(&s->vis);
   if (!Visible_append(&s->vis, text, n, 0))
      return NULL;
   return Search_keep(s, s->vis.data ? s->vis.data : "", s->vis.len);
}

/* The delegation codes of an archive are few (a roster's worth): each is
 * made visible once, not once a hit. */
enum { SEARCH_DELEG_SLOTS = 256, SEARCH_DELEG_MAX = 192 };

struct SearchDeleg {
   const char *raw, *vis;  /* in the arena */
};

/* deleg made visible, shared by every hit of the same code. */
static const char *Search_deleg(ArchiveSearch *s, const char *deleg) {
   if (!s->delegs && !(s->delegs = calloc(SEARCH_DELEG_SLOTS, sizeof *s->delegs)))
      return Search_keepVisible(s, deleg);
   size_t h = 2166136261u;
   for (const char *c = deleg; *c; c++)
      h = (h ^ (unsigned char)*c) * 16777619u;
   for (size_t i = h % SEARCH_DELEG_SLOTS;; i = (i + 1) % SEARCH_DELEG_SLOTS) {
      SearchDeleg *d = &s->delegs[i];
      if (!d->raw) {
         if (s->ndelegs >= SEARCH_DELEG_MAX)
            return Search_keepVisible(s, deleg);
         const char *raw = Search_keep(s, deleg, strlen(deleg));
         const char *vis = raw ? Search_keepVisible(s, deleg) : NULL;
         if (!vis)
            return NULL;
         *d = (SearchDeleg){ raw, vis };
         s->ndelegs++;
         return vis;
      }
      if (strcmp(d->raw, deleg) == 0)
         return d->vis;
   }
}

/* Search_append, or a copy when the text is known to be clean (one line,
 * nothing Visible_append would change). */
static void Search_put(GvBuf *out, const char *text, size_t n, bool clean) {
   if (clean)
      GvBuf_append(out, text, n);
   else
      Search_append(out, text, n);
}

/* The window of text[0..n) shown around the first match: [*from, *to),
 * whole characters. */
static void Search_window(const char *text, size_t n, const MatchSpan *sp, size_t *from,
                          size_t *to) {
   size_t f = sp[0].start > SEARCH_BEFORE ? sp[0].start - SEARCH_BEFORE : 0;
   while (f > 0 && ((unsigned char)text[f] & 0xC0) == 0x80)
      f--;
   size_t t = f + SEARCH_WIDTH < n ? f + SEARCH_WIDTH : n;
   if (t < sp[0].end)
      t = sp[0].end;
   while (t < n && ((unsigned char)text[t] & 0xC0) == 0x80)
      t++;
   *from = f;
   *to = t;
}

/* Out to f, or kept in a block at the end of the spill chain. */
static void SearchText_out(SearchText *t, const char *p, size_t n) {
   if (!t->spill) {
      fwrite(p, 1, n, t->f);
      return;
   }
   SearchSpill *b = malloc(sizeof *b + n);
   if (!b) {
      t->spillFailed = true;
      return;
   }
   b->next = NULL;
   b->len = n;
   memcpy(b->data, p, n);
   *t->spill = b;
   t->spill = &b->next;
}

bool SearchSpill_write(SearchSpill *chain, FILE *f) {
   bool ok = true;
   for (SearchSpill *next; chain; chain = next) {
      next = chain->next;
      if (f)
         ok = fwrite(chain->data, 1, chain->len, f) == chain->len && ok;
      free(chain);
   }
   return ok;
}

void SearchText_flush(SearchText *t) {
   if (t->len)
      SearchText_out(t, t->buf, t->len);
   t->len = 0;
}

/* Inline: the literals between fields (two bytes, four) become a move. */
static inline __attribute__((always_inline)) void SearchText_put(SearchText *t, const char *p,
                                                                 size_t n) {
   if (n > sizeof t->buf - t->len) {
      SearchText_flush(t);
      if (n > sizeof t->buf) {
         SearchText_out(t, p, n);
         return;
      }
   }
   memcpy(t->buf + t->len, p, n);
   t->len += n;
}

#define SEARCH_LIT(t, lit) SearchText_put((t), (lit), sizeof(lit) - 1)

/* Appends p to the head (false: it does not fit; printed piece by piece). */
static bool SearchText_headAdd(SearchText *t, const char *p, size_t n) {
   if (n > sizeof t->head - t->headLen)
      return false;
   memcpy(t->head + t->headLen, p, n);
   t->headLen += n;
   return true;
}

/* A hit's line, up to the context: date, body, item, delegation, kind. */
static void SearchText_lead(SearchText *t, const SearchHit *h) {
   if (h->date != t->date || h->body != t->body || h->item != t->item || h->title != t->title) {
      const char *date = h->date[0] ? h->date : "(no date)";
      const char *body = h->body[0] ? h->body : "(no body)";
      t->headLen = 0;
      bool fits = SearchText_headAdd(t, date, strlen(date)) && SearchText_headAdd(t, "  ", 2) &&
                  SearchText_headAdd(t, body, strlen(body));
      if (fits && h->item[0])
         fits = SearchText_headAdd(t, "  ", 2) && SearchText_headAdd(t, h->item, strlen(h->item)) &&
                SearchText_headAdd(t, " ", 1) && SearchText_headAdd(t, h->title, strlen(h->title));
      if (!fits) {
         /* Too long to keep: written as it is, and not kept. */
         t->date = t->body = t->item = t->title = NULL;
         SearchText_put(t, date, strlen(date));
         SEARCH_LIT(t, "  ");
         SearchText_put(t, body, strlen(body));
         if (h->item[0]) {
            SEARCH_LIT(t, "  ");
            SearchText_put(t, h->item, strlen(h->item));
            SEARCH_LIT(t, " ");
            SearchText_put(t, h->title, strlen(h->title));
         }
         goto rest;
      }
      t->date = h->date, t->body = h->body, t->item = h->item, t->title = h->title;
   }
   SearchText_put(t, t->head, t->headLen);
rest:
   if (h->delegation[0]) {
      SEARCH_LIT(t, "  ");
      if (h->delegation != t->deleg) {
         t->deleg = h->delegation;
         t->delegLen = strlen(h->delegation);
      }
      SearchText_put(t, h->delegation, t->delegLen);
   }
   SEARCH_LIT(t, "  (");
   if (h->what != t->what) {
      t->what = h->what;
      t->whatLen = strlen(h->what);
   }
   SearchText_put(t, h->what, t->whatLen);
   SEARCH_LIT(t, ")\n    ");
}

void SearchText_hit(SearchText *t, const SearchHit *h) {
   SearchText_lead(t, h);
   SearchText_put(t, h->text, h->textlen);
   SEARCH_LIT(t, "\n");
}

/* The marks' lengths, measured once while the caller keeps them. */
static void Search_marks(ArchiveSearch *s) {
   if (s->markOn != s->markOnWas || s->markOff != s->markOffWas) {
      s->markOnWas = s->markOn;
      s->markOffWas = s->markOff;
      s->markOnLen = strlen(s->markOn);
      s->markOffLen = strlen(s->markOff);
   }
}

/* The bytes Search_writeContext may write for the window [from, to),
 * its NUL included. */
static size_t Search_contextRoom(const ArchiveSearch *s, const MatchSpan *sp, size_t nsp,
                                 size_t from, size_t to) {
   /* A match that starts in the window is shown whole: it may end past
    * it, never past the last match's end (sorted and merged, theirs is the
    * farthest). */
   size_t last = nsp && sp[nsp - 1].end > to ? sp[nsp - 1].end : to;
   return (last - from) + nsp * (s->markOnLen + s->markOffLen) + 2 * (sizeof "…" - 1) + 1;
}

/* Search_context for a clean text (one line, nothing to make visible),
 * written at w (room: Search_contextRoom): the window's pieces and the
 * marks, no NUL. Returns the end. */
static char *Search_writeContext(const ArchiveSearch *s, char *w, const char *text, size_t n,
                                 const MatchSpan *sp, size_t nsp, size_t from, size_t to) {
   size_t on = s->markOnLen, off = s->markOffLen;
   if (from > 0)
      memcpy(w, "…", sizeof "…" - 1), w += sizeof "…" - 1;
   size_t at = from;
   for (size_t k = 0; k < nsp && sp[k].start < to; k++) {
      if (sp[k].start < at)
         continue;
      memcpy(w, text + at, sp[k].start - at), w += sp[k].start - at;
      memcpy(w, s->markOn, on), w += on;
      memcpy(w, text + sp[k].start, sp[k].end - sp[k].start), w += sp[k].end - sp[k].start;
      memcpy(w, s->markOff, off), w += off;
      at = sp[k].end;
   }
   if (at < to)
      memcpy(w, text + at, to - at), w += to - at;
   if (to < n)
      memcpy(w, "…", sizeof "…" - 1), w += sizeof "…" - 1;
   return w;
}

/* Search_context for a clean text, written straight into the arena. */
static const char *Search_keepContext(ArchiveSearch *s, const char *text, size_t n,
                                      const MatchSpan *sp, size_t nsp, size_t *len) {
   size_t from, to;
   Search_window(text, n, sp, &from, &to);
   Search_marks(s);
   size_t room = Search_contextRoom(s, sp, nsp, from, to);
   SearchBlock *b = Search_room(s, room);
   if (!b)
      return NULL;
   char *start = b->data + b->used;
   char *w = Search_writeContext(s, start, text, n, sp, nsp, from, to);
   *len = (size_t)(w - start);
   *w++ = '\0';
   b->used += (size_t)(w - start);
   return start;
}

/* The text around the first match, the matches marked, on one line, into
 * s->vis. Only the window is made visible (clean: it is already). */
static bool Search_context(ArchiveSearch *s, const char *text, size_t n, const MatchSpan *sp,
                           size_t nsp, bool clean) {
   size_t from, to;
   Search_window(text, n, sp, &from, &to);
   GvBuf *out = &s->vis;
   GvBuf_clear(out);
   if (from > 0)
      GvBuf_puts(out, "…");
   size_t at = from;
   for (size_t k = 0; k < nsp && sp[k].start < to; k++) {
      if (sp[k].start < at)
         continue;
      Search_put(out, text + at, sp[k].start - at, clean);
      GvBuf_puts(out, s->markOn);
      Search_put(out, text + sp[k].start, sp[k].end - sp[k].start, clean);
      GvBuf_puts(out, s->markOff);
      at = sp[k].end;
   }
   if (at < to)
      Search_put(out, text + at, to - at, clean);
   if (to < n)
      GvBuf_puts(out, "…");
   return !out->failed;
}

/* A hit written as text straight into s->text: its line, then its context
 * (a clean one from the text itself, no copy in between). */
static void Search_text(ArchiveSearch *s, const SearchHit *h, const char *text, size_t n,
                        const MatchSpan *sp, size_t nsp, bool clean) {
   SearchText *t = s->text;
   if (clean && h->date == t->date && h->body == t->body && h->item == t->item &&
       h->title == t->title) {
      /* The head kept, a clean context: the whole hit at once, its room
       * made once. */
      size_t from, to;
      Search_window(text, n, sp, &from, &to);
      Search_marks(s);
      if (h->delegation != t->deleg) {
         t->deleg = h->delegation;
         t->delegLen = strlen(h->delegation);
      }
      if (h->what != t->what) {
         t->what = h->what;
         t->whatLen = strlen(h->what);
      }
      size_t dl = h->delegation[0] ? 2 + t->delegLen : 0;
      size_t need = t->headLen + dl + 3 + t->whatLen + 6 + Search_contextRoom(s, sp, nsp, from, to);
      if (need > sizeof t->buf - t->len)
         SearchText_flush(t);
      if (need <= sizeof t->buf) {
         char *w = t->buf + t->len;
         memcpy(w, t->head, t->headLen), w += t->headLen;
         if (dl) {
            memcpy(w, "  ", 2), w += 2;
            memcpy(w, h->delegation, dl - 2), w += dl - 2;
         }
         memcpy(w, "  (", 3), w += 3;
         memcpy(w, h->what, t->whatLen), w += t->whatLen;
         memcpy(w, ")\n    ", 6), w += 6;
         w = Search_writeContext(s, w, text, n, sp, nsp, from, to);
         *w++ = '\n';
         t->len = (size_t)(w - t->buf);
         return;
      }
   }
   SearchText_lead(t, h);
   if (!clean) {
      if (!Search_context(s, text, n, sp, nsp, false)) {
         s->nomem = true;
         return;
      }
      SearchText_put(t, s->vis.data, s->vis.len);
      SEARCH_LIT(t, "\n");
      return;
   }
   size_t from, to;
   Search_window(text, n, sp, &from, &to);
   Search_marks(s);
   size_t room = Search_contextRoom(s, sp, nsp, from, to);  /* its NUL: room for "\n" */
   if (room > sizeof t->buf - t->len)
      SearchText_flush(t);
   if (room > sizeof t->buf) {
      /* Longer than a block: through the arena, then taken back. */
      SearchBlock *mark = s->arena;
      size_t markUsed = mark ? mark->used : 0;
      size_t len;
      const char *c = Search_keepContext(s, text, n, sp, nsp, &len);
      if (!c) {
         s->nomem = true;
         return;
      }
      SearchText_put(t, c, len);
      SEARCH_LIT(t, "\n");
      if (s->arena == mark && mark)
         mark->used = markUsed;
      return;
   }
   char *w = Search_writeContext(s, t->buf + t->len, text, n, sp, nsp, from, to);
   *w++ = '\n';
   t->len = (size_t)(w - t->buf);
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

/* Field `field` of a folded cache line fl[0..flen) (NULL: none): between
 * its tabs number field and field + 1 (from 0). The last field runs into
 * the padding: not used (the texts come before the uuid,
 * render/archive_digest.h). */
static const char *Search_foldedField(const char *fl, size_t flen, size_t field, size_t *len) {
   if (!fl)
      return NULL;
   size_t seen = 0, start = 0, i = 0;
#ifdef SEARCH_WIDE
   if (__builtin_cpu_supports("avx2")) {
      const char *p = Search_fieldWide(fl, flen, field, len, &seen, &start, &i);
      if (p)
         return p;
   }
#endif
   for (; i < flen; i++) {
      if (fl[i] != '\t')
         continue;
      if (seen == field) {
         start = i + 1;
      } else if (seen == field + 1) {
         *len = i - start;
         return fl + start;
      }
      seen++;
   }
   return NULL;
}

/* Search_try's field when fline[0..flinelen) is the folded field itself. */
#define SEARCH_FIELD_GIVEN SIZE_MAX

/* item is the k-th 'I' record of the digest visited (k: GV_NONE when
 * there is none): its visible number and title are made once per session.
 * text is field `field` of the folded line fline (SEARCH_FIELD_GIVEN:
 * fline is that field, of a clean line). */
static void Search_try(ArchiveSearch *s, const SearchAt *e, const ArchiveRecord *item, size_t k,
                       const char *fline, size_t flinelen, size_t field, const char *deleg,
                       const char *what, const char *text, size_t n, const char *uid,
                       size_t uidlen) {
   if (!n)
      return;
   if (s->delegation && strcasecmp(deleg, s->delegation) != 0)
      return;
   if (!Search_itemOk(s, item))
      return;
   MatchSpan sp[SEARCH_SPANS];
   size_t nsp;
   size_t fl = flinelen;
   const char *f = field == SEARCH_FIELD_GIVEN ? fline : Search_foldedField(fline, flinelen, field, &fl);
   /* The lead term's first place in the line, when known: in the field,
    * the field's first; past it, the field has none. */
   size_t first = f && s->leadAt && s->leadAt >= f ? (size_t)(s->leadAt - f) : SIZE_MAX;
   /* A clean line's marks (storage/archive.c fold_lines): the capitals
    * that end its folded line. */
   MatchMarks mk, *marks = NULL;
   if (field == SEARCH_FIELD_GIVEN && s->lineF && fl != n) {
      const char *end = s->lineF + s->lineLen, *m = end;
      while (m > f + fl && m[-1] >= 'A' && m[-1] <= 'Z')
         m--;
      if (m < end) {
         mk = (MatchMarks){ m, (size_t)(end - m), (size_t)(f - s->lineF), (size_t)(text - s->lineR) };
         marks = &mk;
      }
   }
   if (!(f ? Match_textFoldedMarked(&s->q, text, n, f, fl, first, marks, sp, SEARCH_SPANS, &nsp)
           : Match_text(&s->q, text, n, &s->scratch, sp, SEARCH_SPANS, &nsp)) ||
       nsp == 0)
      return;
   if (!s->emit && s->nhits == s->cap) {
      size_t cap = s->cap ? s->cap * 2 : 64;
      SearchHit *h = realloc(s->hits, cap * sizeof *h);
      if (!h) {
         s->nomem = true;
         return;
      }
      s->hits = h;
      s->cap = cap;
   }
   if (!s->shared) {
      /* A session's date, body and path once for all its hits. */
      char date[11] = "";
      if (e->day != GV_NO_DAY)
         Date_format_iso(e->day, date);
      s->sdate = Search_keep(s, date, strlen(date));
      s->sbody = Search_keepVisible(s, e->body ? e->body : "");
      s->spath = s->noPath ? "" : Search_keepVisible(s, e->path);
      s->shared = true;
   }
   SearchHit one;
   SearchHit *h = s->emit ? &one : &s->hits[s->nhits];
   *h = (SearchHit){ .day = e->day, .seq = s->nhits, .date = s->sdate, .body = s->sbody,
                     .path = s->spath };
   if (!item) {
      h->item = h->title = "";
   } else if (k < s->icap && s->inum[k]) {
      h->item = s->inum[k];
      h->title = s->ititle[k];
   } else {
      /* An item from a clean cache line: its number and title are
       * visible as they are. */
      size_t ir = s->folding ? (size_t)(item - s->recs.recs) : GV_NONE;
      if (ir < s->cleanbuf.len && s->cleanbuf.data[ir]) {
         h->item = Search_keep(s, item->fields[0], strlen(item->fields[0]));
         h->title = Search_keep(s, item->fields[1], strlen(item->fields[1]));
      } else {
         h->item = Search_keepVisible(s, item->fields[0]);
         h->title = Search_keepVisible(s, item->fields[1]);
      }
      if (k < s->icap) {
         s->inum[k] = h->item;
         s->ititle[k] = h->title;
      }
   }
   h->delegation = deleg[0] ? Search_deleg(s, deleg) : "";
   h->what = what;
   /* A folded line that starts with a capital: its record is clean. */
   bool clean = f && (field == SEARCH_FIELD_GIVEN || (fline[0] >= 'A' && fline[0] <= 'Z'));
   if (s->text) {
      if (!h->date || !h->body || !h->item || !h->title || !h->delegation) {
         s->nomem = true;
         return;
      }
      Search_text(s, h, text, n, sp, nsp, clean);
      s->nemitted++;
      return;
   }
   /* A hit given to emit lives until it returns: its uid and text are
    * taken back from the arena then (what comes before is shared). */
   SearchBlock *mark = s->arena;
   size_t markUsed = mark ? mark->used : 0;
   h->uid = uidlen && !s->noUid ? Search_keep(s, uid, uidlen) : "";
   if (clean) {
      h->text = Search_keepContext(s, text, n, sp, nsp, &h->textlen);
   } else {
      h->text = !Search_context(s, text, n, sp, nsp, false) ? NULL
                : s->emit                                   ? s->vis.data
                                                            : Search_keep(s, s->vis.data, s->vis.len);
      h->textlen = s->vis.len;
   }
   if (!h->date || !h->body || !h->item || !h->title || !h->delegation || !h->what || !h->text ||
       !h->path || !h->uid) {
      s->nomem = true;
      return;
   }
   if (s->emit) {
      s->emit(s->emitUd, h);
      s->nemitted++;
      if (s->arena == mark && mark)
         mark->used = markUsed;
      return;
   }
   s->nhits++;
}

/* The items of digest d (their record indexes, in s->items) and room to
 * share each one's visible number and title among its hits; false on
 * ENOMEM. */
static bool Search_items(ArchiveSearch *s, const ArchiveDigest *d) {
   s->nitems = 0;
   for (size_t i = 0; i < d->count; i++) {
      if (d->recs[i].type != 'I' || d->recs[i].nfields != DIGEST_ITEM_FIELDS)
         continue;
      size_t *a = Util_grow(s->items, &s->itemcap, s->nitems, sizeof *a);
      if (!a)
         return false;
      s->items = a;
      s->items[s->nitems++] = i;
   }
   size_t nitems = s->nitems;
   if (nitems > s->icap) {
      const char **a = realloc(s->inum, nitems * sizeof *a);
      const char **b = a ? realloc(s->ititle, nitems * sizeof *b) : NULL;
      if (a)
         s->inum = a;
      if (b) {
         s->ititle = b;
         s->icap = nitems;
      }
   }
   size_t clear = nitems < s->icap ? nitems : s->icap;
   for (size_t k = 0; k < clear; k++)
      s->inum[k] = s->ititle[k] = NULL;
   return true;
}

/* The item an action row names by its number num[0..nl) (NULL: none), and
 * its index among the items in *k. */
static const ArchiveRecord *Search_itemNamed(const ArchiveSearch *s, const ArchiveDigest *d,
                                             const char *num, size_t nl, size_t *k) {
   *k = GV_NONE;
   if (!nl)
      return NULL;
   for (size_t j = 0; j < s->nitems; j++) {
      const char *n = d->recs[s->items[j]].fields[0];
      if (strncmp(n, num, nl) == 0 && n[nl] == '\0') {
         *k = j;
         return &d->recs[s->items[j]];
      }
   }
   return NULL;
}

/* The item index a record starts with: digits (strtoull is ten times slower). */
static size_t Search_index(const char *c) {
   size_t k = 0;
   for (; *c >= '0' && *c <= '9' && k < GV_NONE / 16; c++)
      k = k * 10 + (size_t)(*c - '0');
   return k;
}

/* The hits of record i of d (the k-th item when it is one: self). */
static void Search_record(ArchiveSearch *s, const SearchAt *e, const ArchiveDigest *d, size_t i,
                          size_t self) {
   const ArchiveRecord *r = &d->recs[i];
   const char *fl = s->folding ? s->fold[i] : NULL;
   size_t fll = s->folding ? s->foldlen[i] : 0;
   char *const *f = r->fields;
   size_t k = Search_index(r->nfields ? f[0] : "");
   const ArchiveRecord *it = k < s->nitems ? &d->recs[s->items[k]] : NULL;
#define T(x) (x), strlen(x)
   if (self != GV_NONE) {
      Search_try(s, e, r, self, fl, fll, 1, f[7], "title", T(f[1]), "", 0);
      Search_try(s, e, r, self, fl, fll, 6, "", "item note", T(f[6]), "", 0);
      Search_try(s, e, r, self, fl, fll, 3, "", "outcome", T(f[3]), "", 0);
   } else if (r->type == 'V' && r->nfields == DIGEST_V_FIELDS) {
      Search_try(s, e, it, k, fl, fll, 3, f[1], "said", T(f[3]), T(f[4]));
   } else if (r->type == 'P' && r->nfields == DIGEST_P_FIELDS) {
      Search_try(s, e, it, k, fl, fll, 3, f[1], GvStance_word((GvStance)atoi(f[2])), T(f[3]),
                 T(f[4]));
   } else if (r->type == 'R' && r->nfields == DIGEST_R_FIELDS) {
      Search_try(s, e, it, k, fl, fll, 4, f[1], "reservation", T(f[4]), T(f[5]));
   } else if (r->type == 'A' && r->nfields == DIGEST_ROW_FIELDS) {
      /* An action row names its item by number. */
      size_t aik;
      const ArchiveRecord *ai = Search_itemNamed(s, d, T(f[8]), &aik);
      Search_try(s, e, ai, aik, fl, fll, 4, f[2], f[0][0] == 'D' ? "deadline" : "action",
                 T(f[4]), T(f[1]));
   }
#undef T
}

void ArchiveSearch_digest(ArchiveSearch *s, int64_t day, const char *body, const char *path,
                          const ArchiveDigest *d) {
   SearchAt e = { day, body, path };
   s->shared = false;
   if (!Search_items(s, d)) {
      s->nomem = true;
      return;
   }
   for (size_t i = 0, ik = 0; i < d->count; i++) {
      const ArchiveRecord *r = &d->recs[i];
      bool isItem = r->type == 'I' && r->nfields == DIGEST_ITEM_FIELDS;
      size_t self = isItem ? ik++ : GV_NONE;
      if (s->only && !s->only[i])
         continue;
      Search_record(s, &e, d, i, self);
   }
}

/* n bytes, aligned for pointers, from the pool of the session visited
 * (emptied by Search_poolReset); NULL on ENOMEM. */
static void *Search_pool(ArchiveSearch *s, size_t n) {
   n = (n + 15) & ~(size_t)15;
   SearchBlock **at = &s->pool;
   while (*at && (*at)->cap - (*at)->used < n)
      at = &(*at)->next;
   if (!*at) {
      size_t cap = n > 65536 ? n : 65536;
      SearchBlock *b = malloc(sizeof *b + cap);
      if (!b)
         return NULL;
      *b = (SearchBlock){ NULL, 0, cap };
      *at = b;
   }
   void *p = (*at)->data + (*at)->used;
   (*at)->used += n;
   return p;
}

static void Search_poolReset(ArchiveSearch *s) {
   for (SearchBlock *b = s->pool; b; b = b->next)
      b->used = 0;
}

/* Archive_parseRecord's reading of a line without escape (the usual one),
 * its fields cut in the pool instead of an allocation a record; a line
 * with an escape or many fields goes to parse (marked owned: freed after
 * the session). */
/* The tabs of line[0..len) after its type letter, as offsets from line + 1,
 * into at[0..*n): false when the line has an escape, a NUL (a field would
 * end there) or more than 32 tabs. */
static bool Search_tabs(const char *line, size_t len, size_t at[32], size_t *n) {
   size_t k = 0, i = 1;
   if (len < 1 || line[0] == '\\')
      return false;
#ifdef SEARCH_WIDE
   if (__builtin_cpu_supports("avx2")) {
      if (Search_tabsWide(line, len, at, &k, &i) < 0)
         return false;
   } else
#endif
   {
#ifdef __SSE2__
   const __m128i tab = _mm_set1_epi8('\t'), bs = _mm_set1_epi8('\\'), nul = _mm_setzero_si128();
   for (; i + 16 <= len; i += 16) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(line + i));
      if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, bs), _mm_cmpeq_epi8(v, nul))))
         return false;
      for (unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab)); m; m &= m - 1) {
         if (k == 32)
            return false;
         at[k++] = i - 1 + (size_t)__builtin_ctz(m);
      }
   }
#endif
   }
   for (; i < len; i++) {
      if (line[i] == '\\' || line[i] == '\0')
         return false;
      if (line[i] == '\t') {
         if (k == 32)
            return false;
         at[k++] = i - 1;
      }
   }
   *n = k;
   return true;
}

static bool Search_parseLine(ArchiveSearch *s, ArchiveSearchParse parse, ArchiveDigest *d,
                             const char *line, size_t len, bool *plainOut) {
   size_t n = 0, at[32];
   bool plain = Search_tabs(line, len, at, &n);
   *plainOut = plain;
   /* Its mark first: owned is never shorter than d. */
   if (!GvBuf_putc(&s->owned, !plain))
      return false;
   if (!plain)
      return parse(line, len, d);
   ArchiveRecord *r = ArchiveDigest_grow(d);
   char **f = r ? Search_pool(s, (n + 1) * sizeof *f + len + 1) : NULL;
   if (!f)
      return false;
   char *store = (char *)(f + n + 1);
   memcpy(store, line + 1, len - 1);
   store[len - 1] = '\0';
   for (size_t k = 0; k < n; k++) {
      store[at[k]] = '\0';
      f[k] = store + at[k] + 1;
   }
   f[n] = NULL;
   *r = (ArchiveRecord){ line[0], n, f };
   d->count++;
   return true;
}

/* One cache line into d (s->only and s->fold beside it): take says it
 * can match, folded is its folded line then (NULL: not to be used). */
static bool Search_parse(ArchiveSearch *s, ArchiveSearchParse parse, ArchiveDigest *d, GvBuf *only,
                         const char *line, size_t len, bool take, const char *folded) {
   bool noEscape;
   if (!Search_parseLine(s, parse, d, line, len, &noEscape) || !GvBuf_putc(only, take) ||
       !GvBuf_putc(&s->cleanbuf, folded && folded[0] >= 'A' && folded[0] <= 'Z'))
      return false;
   if (d->count > s->foldcap) {
      size_t cap = d->count * 2;
      const char **f = realloc(s->fold, cap * sizeof *f);
      if (f)
         s->fold = f;
      size_t *fl = f ? realloc(s->foldlen, cap * sizeof *fl) : NULL;
      if (!fl)
         return false;
      s->foldlen = fl;
      s->foldcap = cap;
   }
   /* The folded line stands for the fields when no escape shifts them. */
   bool plain = take && folded && noEscape;
   s->fold[d->count - 1] = plain ? folded : NULL;
   s->foldlen[d->count - 1] = plain ? len : 0;
   return true;
}

/* The fields of a clean V, P or R line (its folded line fl starts with a
 * capital: no escape, no NUL, so its tabs are its fields' ends), and the
 * folded text field: the tabs of the short fields before the text from the
 * line's first sixteen bytes, the text's end and the uid's by memchr (the
 * text is the one but last field, the uid the last). The line is not
 * scanned whole. false: not of that form. */
static bool Search_cleanFields(const char *line, size_t len, const char *fl, size_t want,
                               const char *p[], size_t l[], const char **ff, size_t *ffl) {
   if (!fl || fl[0] < 'A' || fl[0] > 'Z' || len < 2)
      return false;
   const char *end = line + len, *t = line + 1;
   const char *tab[DIGEST_R_FIELDS];
   size_t k = 0;
   /* The short fields before the text all ASCII: the folded text starts
    * where the record's does. */
   bool asciiHead = false;
#ifdef __SSE2__
   /* The short fields before the text: their tabs in the line's first
    * sixteen bytes at once, as a rule. */
   if (len >= 17) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(line + 1));
      unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')));
      for (; m && k + 1 < want; m &= m - 1)
         tab[k++] = line + 1 + __builtin_ctz(m);
      if (k)
         t = tab[k - 1] + 1;
      if (k + 1 == want) {
         unsigned before = (1u << (tab[k - 1] - (line + 1))) - 1;
         asciiHead = !((unsigned)_mm_movemask_epi8(v) & before);
      }
   }
#endif
   /* The rest of them a byte at a time (a call costs more). */
   for (; k + 1 < want; k++, t++) {
      while (t < end && *t != '\t')
         t++;
      if (t == end)
         return false;
      tab[k] = t;
   }
   if (!(t = memchr(t, '\t', (size_t)(end - t))))
      return false;
   tab[want - 1] = t;
   /* No tab in the last field: exactly want fields. */
   if (t + 1 < end && memchr(t + 1, '\t', (size_t)(end - t - 1)))
      return false;
   for (size_t j = 0; j < want; j++) {
      p[j] = tab[j] + 1;
      l[j] = (size_t)((j + 1 < want ? tab[j + 1] : end) - p[j]);
   }
   /* The folded line has the same tabs (folding keeps them, and makes
    * none), then spaces to the record's length: the folded text ends at
    * its last tab. */
   const char *fend = fl + len, *u = fl + 1;
   if (asciiHead) {
      const char *fe = memrchr(fl, '\t', len);
      u = fl + (tab[want - 2] + 1 - line);
      if (!fe || fe < u)
         return false;
      *ff = u;
      *ffl = (size_t)(fe - u);
      return true;
   }
   k = 0;
#ifdef __SSE2__
   if (len >= 17) {
      unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
         _mm_loadu_si128((const __m128i *)(const void *)(fl + 1)), _mm_set1_epi8('\t')));
      for (; m && k + 1 < want; m &= m - 1)
         u = fl + 1 + __builtin_ctz(m) + 1, k++;
   }
#endif
   for (; k + 1 < want; k++, u++) {
      while (u < fend && *u != '\t')
         u++;
      if (u == fend)
         return false;
   }
   const char *fe = memchr(u, '\t', (size_t)(fend - u));
   if (!fe)
      return false;
   *ff = u;
   *ffl = (size_t)(fe - u);
   return true;
}

static bool Search_lineTry(ArchiveSearch *s, const SearchAt *e, const ArchiveDigest *d, char type,
                           const char *const *p, const size_t *l, const char *fl, size_t len,
                           const char *ff, size_t ffl, size_t field, const char *deleg);

/* A found line's hits taken straight from its cache line, the fields by
 * the offsets of their tabs (no copy, no parse). False, with nothing
 * done, when the line has an escape or a NUL, is not a record that can
 * hit (V, P, R, A) or not of its usual form: it is parsed then. */
static bool Search_line(ArchiveSearch *s, const SearchAt *e, const ArchiveDigest *d,
                        const char *line, size_t len, const char *fl, size_t leadAt) {
   size_t n, at[32];
   char type = line[0];
   size_t want = type == 'V'   ? DIGEST_V_FIELDS
                 : type == 'P' ? DIGEST_P_FIELDS
                 : type == 'R' ? DIGEST_R_FIELDS
                 : type == 'A' ? DIGEST_ROW_FIELDS
                               : 0;
   if (!want)
      return false;
   const char *p[DIGEST_ROW_FIELDS];
   size_t l[DIGEST_ROW_FIELDS];
   const char *ff = fl;
   size_t ffl = len, field = want - 2;
   if (type != 'A' && Search_cleanFields(line, len, fl, want, p, l, &ff, &ffl)) {
      field = SEARCH_FIELD_GIVEN;
   } else {
      if (!Search_tabs(line, len, at, &n) || n != want)
         return false;
      for (size_t k = 0; k < n; k++) {
         size_t a = at[k] + 1, b = k + 1 < n ? at[k + 1] : len - 1;
         p[k] = line + 1 + a;
         l[k] = b - a;
      }
   }
   size_t di = type == 'A' ? 2 : 1;
   char deleg[64];
   if (l[di] >= sizeof deleg || (type == 'P' && l[2] >= 16))
      return false;
   memcpy(deleg, p[di], l[di]);
   deleg[l[di]] = '\0';
   /* Where Match_linesAt found the lead term: Search_try looks from there. */
   s->leadAt = fl + leadAt;
   if (field == SEARCH_FIELD_GIVEN)
      s->lineF = fl, s->lineR = line, s->lineLen = len;
   bool r = Search_lineTry(s, e, d, type, p, l, fl, len, ff, ffl, field, deleg);
   s->leadAt = NULL;
   s->lineF = NULL;
   return r;
}

/* Search_line's tries, the fields cut. */
static bool Search_lineTry(ArchiveSearch *s, const SearchAt *e, const ArchiveDigest *d, char type,
                           const char *const *p, const size_t *l, const char *fl, size_t len,
                           const char *ff, size_t ffl, size_t field, const char *deleg) {
   char stance[16];
   if (type == 'A') {
      size_t aik;
      const ArchiveRecord *ai = Search_itemNamed(s, d, p[8], l[8], &aik);
      Search_try(s, e, ai, aik, fl, len, 4, deleg, p[0][0] == 'D' && l[0] ? "deadline" : "action",
                 p[4], l[4], p[1], l[1]);
      return true;
   }
   size_t k = Search_index(p[0]);
   const ArchiveRecord *it = k < s->nitems ? &d->recs[s->items[k]] : NULL;
   /* V, P and R: the text is the one but last field, the uid the last. */
   if (type == 'V') {
      Search_try(s, e, it, k, ff, ffl, field, deleg, "said", p[3], l[3], p[4], l[4]);
   } else if (type == 'P') {
      memcpy(stance, p[2], l[2]);
      stance[l[2]] = '\0';
      Search_try(s, e, it, k, ff, ffl, field, deleg, GvStance_word((GvStance)atoi(stance)), p[3],
                 l[3], p[4], l[4]);
   } else {
      Search_try(s, e, it, k, ff, ffl, field, deleg, "reservation", p[4], l[4], p[5], l[5]);
   }
   return true;
}

int ArchiveSearch_folded(ArchiveSearch *s, int64_t day, const char *body, const char *path,
                         const char *recs, size_t len, const char *folded, size_t flen,
                         ArchiveSearchParse parse) {
   if (!s->q.line_ok || flen != len)
      return -1;
   size_t n = folded == s->linesOf && flen == s->linesLen
                 ? s->nlines
                 : Match_linesAt(&s->q, folded, flen, &s->lines, &s->linecap);
   s->linesOf = NULL;
   if (n == SIZE_MAX)
      return -1;
   if (n == 0)
      return 1;
   /* A folded line starts where its record does (storage/archive.h): the
    * records are not walked, only the items first (for titles, --item and
    * --doc), then the lines found. */
   for (size_t i = 0; i < n; i++) {
      size_t a = s->lines[i].start, l = s->lines[i].len;
      if (a + l >= len || recs[a + l] != '\n' || (a > 0 && recs[a - 1] != '\n'))
         return -1;
   }
   ArchiveDigest *d = &s->recs;
   GvBuf *only = &s->onlybuf;
   GvBuf_clear(only);
   GvBuf_clear(&s->owned);
   GvBuf_clear(&s->cleanbuf);
   Search_poolReset(s);
   size_t next = 0, at = 0;
   bool ok = true;
   while (ok && at < len && recs[at] == 'I') {
      const char *nl = memchr(recs + at, '\n', len - at);
      size_t l = nl ? (size_t)(nl - (recs + at)) : len - at;
      bool take = next < n && s->lines[next].start == at;
      ok = Search_parse(s, parse, d, only, recs + at, l, take, folded + at);
      next += take;
      at += l + 1;
   }
   /* An item line after the first other line (not what the digest
    * writes): every line found parsed, then tried as a digest. */
   bool late = false;
   for (size_t i = next; i < n && !late; i++)
      late = s->lines[i].start >= at && recs[s->lines[i].start] == 'I';
   if (late) {
      for (; ok && next < n; next++) {
         if (s->lines[next].start < at)
            continue;  /* an item line already taken */
         ok = Search_parse(s, parse, d, only, recs + s->lines[next].start, s->lines[next].len,
                           true, folded + s->lines[next].start);
      }
      if (!ok)
         s->nomem = true;
      s->only = (const unsigned char *)only->data;
      s->folding = true;
      ArchiveSearch_digest(s, day, body, path, d);
   } else {
      /* The items' hits, then each line found in turn: the order of the
       * digest. */
      if (!ok)
         s->nomem = true;
      SearchAt e = { day, body, path };
      s->shared = false;
      s->only = (const unsigned char *)only->data;
      s->folding = true;
      if (!Search_items(s, d))
         s->nomem = true, ok = false;
      for (size_t i = 0, ik = 0; ok && i < d->count; i++) {
         bool isItem = d->recs[i].type == 'I' && d->recs[i].nfields == DIGEST_ITEM_FIELDS;
         size_t self = isItem ? ik++ : GV_NONE;
         if (s->only[i])
            Search_record(s, &e, d, i, self);
      }
      for (; ok && next < n; next++) {
         size_t a = s->lines[next].start, l = s->lines[next].len;
         if (a < at)
            continue;  /* an item line already taken */
         if (Search_line(s, &e, d, recs + a, l, folded + a, s->lines[next].at))
            continue;
         size_t i = d->count;
         ok = Search_parse(s, parse, d, only, recs + a, l, true, folded + a);
         s->only = (const unsigned char *)only->data;
         if (!ok)
            s->nomem = true;
         else if (d->count > i)
            Search_record(s, &e, d, i, GV_NONE);
      }
   }
   s->folding = false;
   s->only = NULL;
   for (size_t i = 0; i < d->count; i++)
      if (i < s->owned.len && s->owned.data[i])
         free(d->recs[i].fields);
   d->count = 0;
   return 0;
}

bool ArchiveSearch_foldedCould(ArchiveSearch *s, const char *folded, size_t flen) {
   s->linesOf = NULL;
   if (!s->q.line_ok)
      return true;  /* ArchiveSearch_folded declines: the records decide */
   size_t n = Match_linesAt(&s->q, folded, flen, &s->lines, &s->linecap);
   if (n == SIZE_MAX)
      return true;
   s->linesOf = folded;
   s->linesLen = flen;
   s->nlines = n;
   return n > 0;
}

static int Search_newest(const void *x, const void *y) {
   const SearchHit *a = x, *b = y;
   if (a->day != b->day)
      return a->day < b->day ? 1 : -1;
   return (a->seq > b->seq) - (a->seq < b->seq);
}

static void Search_reverse(SearchHit *h, size_t n) {
   for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
      SearchHit t = h[i];
      h[i] = h[j - 1];
      h[j - 1] = t;
   }
}

/* Newest first, hits of one day in the order found: the usual archive is
 * visited oldest first (file names start with the date), so reversing the
 * runs of one day does it in one pass; any other order is sorted. */
void ArchiveSearch_sort(ArchiveSearch *s) {
   size_t n = s->nhits;
   bool rising = true;
   for (size_t i = 1; i < n && rising; i++)
      rising = s->hits[i - 1].day <= s->hits[i].day;
   if (rising && n > 1) {
      /* In place (no second array of hits): the whole reversed, then each
       * day's run back. */
      Search_reverse(s->hits, n);
      for (size_t start = 0; start < n;) {
         size_t end = start + 1;
         while (end < n && s->hits[end].day == s->hits[start].day)
            end++;
         Search_reverse(s->hits + start, end - start);
         start = end;
      }
      return;
   }
   if (n > 1)
      qsort(s->hits, n, sizeof *s->hits, Search_newest);
}

void ArchiveSearch_free(ArchiveSearch *s) {
   for (SearchBlock *b = s->arena, *next; b; b = next) {
      next = b->next;
      free(b);
   }
   for (SearchBlock *b = s->pool, *next; b; b = next) {
      next = b->next;
      free(b);
   }
   free(s->recs.recs);
   GvBuf_free(&s->owned);
   GvBuf_free(&s->onlybuf);
   GvBuf_free(&s->cleanbuf);
   free(s->delegs);
   free(s->inum);
   free(s->items);
   free(s->ititle);
   free(s->hits);
   free(s->lines);
   free(s->fold);
   free(s->foldlen);
   GvBuf_free(&s->scratch);
   GvBuf_free(&s->vis);
   MatchQuery_free(&s->q);
   MatchQuery_free(&s->itemq);
   memset(s, 0, sizeof *s);
}
