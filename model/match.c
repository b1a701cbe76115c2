/* memmem: glibc's is linear (two-way); POSIX.1-2024 has it too. */
#define _GNU_SOURCE
#include "model/match.h"

#include <stdint.h>
#include <stdio.h>
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "model/utf8.h"
#include "model/util.h"

/* One code point of s[i..n) folded into enc; returns the bytes it took and
 * sets *el to the folded length (never more than the bytes taken). */
static size_t fold_step(const char *s, size_t n, size_t i, char enc[4], size_t *el) {
   uint32_t cp;
   size_t l = Utf8_decode(s + i, n - i, &cp);
   if (cp == 0xFFFD && l == 1) {
      enc[0] = s[i];
      *el = 1;
      return 1;
   }
   *el = Utf8_encode(Utf8_fold_cp(cp), enc);
   if (*el > l) {
      enc[0] = s[i];
      *el = 1;
      return 1;
   }
   return l;
}

/* The folds of the two-byte characters (Latin, Greek, Cyrillic: most of
 * what is not ASCII in minutes), worked out once: the same bytes as
 * fold_step, without decoding each character again. */
typedef struct Fold2 {
   unsigned char len;
   char b[2];
} Fold2;

/* The lead bytes of the two-byte characters that can fold shorter (an
 * accented Latin letter to its ASCII one), from the lowest to the highest:
 * every other byte below 0xE0 keeps its offset when folded. */
static unsigned char fold2_shrinkLo = 0xC2, fold2_shrinkHi = 0xDF;

static const Fold2 *fold2_table(void) {
   static Fold2 t[0x800];
   static bool ready;
   if (!ready) {
      unsigned lo = 0xFF, hi = 0;
      for (uint32_t cp = 0x80; cp < 0x800; cp++) {
         char src[4], enc[4];
         Utf8_encode(cp, src);
         size_t el;
         size_t used = fold_step(src, 2, 0, enc, &el);
         if (used == 2 && el <= 2) {
            t[cp].len = (unsigned char)el;
            memcpy(t[cp].b, enc, el);
         } else {
            t[cp].len = 2;  /* kept as it is (fold_step takes it byte by byte) */
            memcpy(t[cp].b, src, 2);
         }
         if (t[cp].len != 2) {
            unsigned lead = (unsigned char)src[0];
            lo = lead < lo ? lead : lo;
            hi = lead > hi ? lead : hi;
         }
      }
      if (lo <= hi) {
         fold2_shrinkLo = (unsigned char)lo;
         fold2_shrinkHi = (unsigned char)hi;
      } else {
         fold2_shrinkLo = 0xFF, fold2_shrinkHi = 0xFF;  /* none: only 0xFF, which is >= 0xE0 */
      }
      ready = true;
   }
   return t;
}

/* fold_step with the common cases first: ASCII, then two-byte characters. */
static size_t fold_fast(const Fold2 *t, const char *s, size_t n, size_t i, char enc[4], size_t *el) {
   unsigned char c = (unsigned char)s[i];
   if (c < 0x80) {
      enc[0] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      *el = 1;
      return 1;
   }
   if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
      const Fold2 *f = &t[(uint32_t)(c & 0x1F) << 6 | ((unsigned char)s[i + 1] & 0x3F)];
      enc[0] = f->b[0];
      enc[1] = f->b[1];
      *el = f->len;
      return 2;
   }
   return fold_step(s, n, i, enc, el);
}

void Match_ready(void) {
   (void)fold2_table();
}

bool Match_fold(GvBuf *out, const char *s, size_t n) {
   /* The folded text is never longer than its source (Utf8_fold_cp): take
    * room for n bytes at once, then fold into it in one pass. */
   size_t at = out->len;
   if (!GvBuf_append(out, s, n))
      return false;
   char *o = out->data + at;
   const Fold2 *t = fold2_table();
   size_t i = 0, w = 0;
   while (i < n) {
      /* Eight ASCII bytes at a time: a byte's 0x80 bit after adding 0x3f
       * says >= 'A', after adding 0x25 > 'Z' (no carry crosses a byte). */
      const uint64_t hi = 0x8080808080808080ULL;
      while (i + 8 <= n) {
         uint64_t v;
         memcpy(&v, s + i, 8);
         if (v & hi)
            break;
         v |= ((v + 0x3f3f3f3f3f3f3f3fULL) & ~(v + 0x2525252525252525ULL) & hi) >> 2;
         memcpy(o + w, &v, 8);
         i += 8;
         w += 8;
      }
      if (i >= n)
         break;
      unsigned char c = (unsigned char)s[i];
      if (c < 0x80) {
         o[w++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
         i++;
         continue;
      }
      char enc[4];
      size_t el;
      i += fold_fast(t, s, n, i, enc, &el);
      for (size_t k = 0; k < el; k++)
         o[w++] = enc[k];
   }
   GvBuf_truncate(out, at + w);
   return true;
}

size_t Match_foldMarks(const char *s, size_t n, char *marks, size_t room) {
   const Fold2 *t = fold2_table();
   size_t i = 0, o = 0, k = 0;
   while (i < n) {
      char enc[4];
      size_t el, l = fold_fast(t, s, n, i, enc, &el);
      if (el < l) {
         /* A block of sixteen folded bytes a letter: the character's
          * folded form within one, the blocks within 'A'..'Z'. */
         size_t b = o / MATCH_MARK_BLOCK;
         if (b > 'Z' - 'A' || (o + el - 1) / MATCH_MARK_BLOCK != b || k + (l - el) > room)
            return SIZE_MAX;
         for (size_t j = el; j < l; j++)
            marks[k++] = (char)('A' + b);
      }
      i += l, o += el;
   }
   return k;
}

/* How common a byte is in minutes (lower: rarer), to pick the byte of a
 * term that memchr looks for first, as grep and ripgrep do: a rare byte
 * makes few false starts, and memchr runs many bytes an instruction. */
static int byte_rank(unsigned char c) {
   static const char common[] = " etaoinsrhldcumfpgwybv,.k0123456789-x";
   if (c >= 0x80)
      return 30;  /* the bytes of accented letters: frequent enough in minutes */
   const char *at = strchr(common, c);
   return c && at ? 60 - (int)(at - common) : 0;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define MATCH_PAIR 1
/* The first start in h[0..n) where t[p1] and t[p2] both are at their
 * places and t is, looking at 32 starts a step (AVX2): a pair of the
 * term's rarer bytes leaves few false starts where one byte (memchr) leaves
 * one every few words for a common one. *from: the starts below it were
 * all looked at (the rest is the caller's). */
__attribute__((target("avx2"))) static const char *find_pair(const char *h, size_t n,
                                                             const char *t, size_t tl,
                                                             size_t p1, size_t p2,
                                                             size_t *from) {
   const __m256i c1 = _mm256_set1_epi8(t[p1]), c2 = _mm256_set1_epi8(t[p2]);
   size_t far = p1 > p2 ? p1 : p2, i = 0;
   for (; i + far + 32 <= n; i += 32) {
      __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(h + i + p1));
      __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(h + i + p2));
      unsigned m = (unsigned)_mm256_movemask_epi8(
         _mm256_and_si256(_mm256_cmpeq_epi8(a, c1), _mm256_cmpeq_epi8(b, c2)));
      for (; m; m &= m - 1) {
         size_t at = i + (size_t)__builtin_ctz(m);
         if (at + tl <= n && memcmp(h + at, t, tl) == 0)
            return h + at;
      }
   }
   *from = i;
   return NULL;
}
#endif

/* memmem, led by a pair of the term's rarest bytes where the processor
 * has AVX2, else by memchr on its rarest byte (pos; pos2 the next rarest,
 * pos when the term has one byte). */
static const char *find_term(const char *h, size_t n, const char *t, size_t tl, size_t pos,
                             size_t pos2) {
   size_t from = 0;
#ifdef MATCH_PAIR
   if (pos2 != pos && n >= 64 && __builtin_cpu_supports("avx2")) {
      const char *r = find_pair(h, n, t, tl, pos, pos2, &from);
      if (r || from + pos >= n)
         return r;
   }
#endif
   const char *end = h + n;
   for (const char *p = h + from + pos; p < end && (p = memchr(p, t[pos], (size_t)(end - p))); p++) {
      const char *start = p - pos;
      /* Its first and last bytes before a call to compare the rest. */
      if ((size_t)(end - start) >= tl && start[0] == t[0] && start[tl - 1] == t[tl - 1] &&
          memcmp(start, t, tl) == 0)
         return start;
   }
   return NULL;
}

/* The index of the rarest byte of t[0..n), for find_term. */
static size_t rarest_byte(const char *t, size_t n) {
   size_t rare = 0;
   for (size_t k = 1; k < n; k++)
      if (byte_rank((unsigned char)t[k]) < byte_rank((unsigned char)t[rare]))
         rare = k;
   return rare;
}

/* The next rarest byte of t[0..n) but the one at `rare` (the farthest
 * from it among equals): find_term's second; rare itself when n is 1.
 * Only for a term whose rarest byte is a common one. */
static size_t second_rarest(const char *t, size_t n, size_t rare) {
   size_t best = rare;
   for (size_t k = 0; k < n; k++) {
      if (k == rare)
         continue;
      int rk = byte_rank((unsigned char)t[k]);
      if (best == rare || rk < byte_rank((unsigned char)t[best]) ||
          (rk == byte_rank((unsigned char)t[best]) &&
           (k > rare ? k - rare : rare - k) > (best > rare ? best - rare : rare - best)))
         best = k;
   }
   return best;
}

static GvStatus add_term(MatchQuery *q, size_t *cap, const char *s, size_t n) {
   if (n == 0)
      return GV_OK;
   GvBuf b = GV_BUF_INIT;
   if (!Match_fold(&b, s, n) || !GvBuf_putc(&b, '\0')) {
      GvBuf_free(&b);
      return GV_NOMEM;
   }
   char **t = Util_grow(q->terms, cap, q->count, sizeof *t);
   if (!t) {
      GvBuf_free(&b);
      return GV_NOMEM;
   }
   q->terms = t;
   size_t *l = realloc(q->lens, *cap * sizeof *l);
   if (!l) {
      GvBuf_free(&b);
      return GV_NOMEM;
   }
   q->lens = l;
   size_t *r = realloc(q->rare, *cap * sizeof *r);
   if (!r) {
      GvBuf_free(&b);
      return GV_NOMEM;
   }
   q->rare = r;
   size_t *r2 = realloc(q->rare2, *cap * sizeof *r2);
   if (!r2) {
      GvBuf_free(&b);
      return GV_NOMEM;
   }
   q->rare2 = r2;
   q->rare[q->count] = rarest_byte(b.data, b.len - 1);
   /* A pair only when the rarest byte is common (a letter of the list):
    * memchr on a rare byte (x, q, z, a digit) skips faster. */
   q->rare2[q->count] = byte_rank((unsigned char)b.data[q->rare[q->count]]) >= 30
                           ? second_rarest(b.data, b.len - 1, q->rare[q->count])
                           : q->rare[q->count];
   q->terms[q->count] = b.data;
   q->lens[q->count] = b.len - 1;
   if (memchr(b.data, '\\', b.len - 1) || memchr(b.data, '"', b.len - 1))
      q->raw_ok = false;
   if (memchr(b.data, '\\', b.len - 1) || memchr(b.data, '\t', b.len - 1) ||
       memchr(b.data, '\n', b.len - 1))
      q->line_ok = false;
   q->count++;
   return GV_OK;
}

static bool is_blank(char c) {
   return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

GvStatus MatchQuery_parse(MatchQuery *q, const char *s, size_t n, char *msg, size_t msglen) {
   memset(q, 0, sizeof *q);
   /* A stray byte would match inside a character of the text: a query is
    * UTF-8, and then every match starts and ends between characters. */
   if (!Utf8_valid(s, n)) {
      snprintf(msg, msglen, "the query is not valid UTF-8");
      return GV_BAD_UTF8;
   }
   q->raw_ok = q->line_ok = true;
   size_t cap = 0, i = 0;
   GvStatus st = GV_OK;
   while (i < n && st == GV_OK) {
      if (is_blank(s[i])) {
         i++;
      } else if (s[i] == '"') {
         const char *end = memchr(s + i + 1, '"', n - i - 1);
         size_t stop = end ? (size_t)(end - s) : n;
         /* A phrase's inner blanks count; its outer ones do not. */
         size_t a = i + 1, b = stop;
         while (a < b && is_blank(s[a]))
            a++;
         while (b > a && is_blank(s[b - 1]))
            b--;
         st = add_term(q, &cap, s + a, b - a);
         i = end ? stop + 1 : n;
      } else {
         size_t j = i;
         while (j < n && !is_blank(s[j]) && s[j] != '"')
            j++;
         st = add_term(q, &cap, s + i, j - i);
         i = j;
      }
   }
   if (st == GV_OK && q->count == 0)
      st = GV_USAGE;
   if (st != GV_OK) {
      snprintf(msg, msglen, "%s", st == GV_NOMEM ? "out of memory" : "nothing to search for");
      MatchQuery_free(q);
   }
   return st;
}

void MatchQuery_free(MatchQuery *q) {
   for (size_t i = 0; i < q->count; i++)
      free(q->terms[i]);
   free(q->terms);
   free(q->lens);
   free(q->rare);
   free(q->rare2);
   memset(q, 0, sizeof *q);
}

static int span_cmp(const void *a, const void *b) {
   const MatchSpan *x = a, *y = b;
   return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

bool Match_text(const MatchQuery *q, const char *text, size_t n, GvBuf *scratch,
                MatchSpan *spans, size_t max, size_t *nspans) {
   if (nspans)
      *nspans = 0;
   if (q->count == 0)
      return false;
   GvBuf_clear(scratch);
   if (!Match_fold(scratch, text, n))
      return false;
   return Match_textFolded(q, text, n, scratch->data ? scratch->data : "", scratch->len, spans,
                           max, nspans);
}

size_t Match_lead(const MatchQuery *q) {
   /* The longest term leads: the rarest as a rule, and a search skips more. */
   size_t lead = 0;
   for (size_t t = 1; t < q->count; t++)
      if (q->lens[t] > q->lens[lead])
         lead = t;
   return lead;
}

bool Match_textFolded(const MatchQuery *q, const char *text, size_t n, const char *f, size_t flen,
                      MatchSpan *spans, size_t max, size_t *nspans) {
   return Match_textFoldedFrom(q, text, n, f, flen, SIZE_MAX, spans, max, nspans);
}

bool Match_textFoldedFrom(const MatchQuery *q, const char *text, size_t n, const char *f,
                          size_t flen, size_t first, MatchSpan *spans, size_t max,
                          size_t *nspans) {
   return Match_textFoldedMarked(q, text, n, f, flen, first, NULL, spans, max, nspans);
}

/* Where the walk of Match_textFoldedMarked may start for the folded offset
 * want of the field (its line's offsets: m->fbase folded, m->obase
 * original): the start of want's block of sixteen, when past (*i, *o). */
static void mark_jump(const MatchMarks *m, size_t want, size_t *i, size_t *o) {
   size_t b = (m->fbase + want) / MATCH_MARK_BLOCK, at = b * MATCH_MARK_BLOCK;
   if (at <= m->fbase + *o)
      return;
   size_t before = 0;
   while (before < m->n && (size_t)(m->marks[before] - 'A') < b)
      before++;
   *o = at - m->fbase;
   *i = at + before - m->obase;
}

bool Match_textFoldedMarked(const MatchQuery *q, const char *text, size_t n, const char *f,
                            size_t flen, size_t first, const MatchMarks *marks, MatchSpan *spans,
                            size_t max, size_t *nspans) {
   if (nspans)
      *nspans = 0;
   if (q->count == 0)
      return false;
   size_t leadT = first != SIZE_MAX ? Match_lead(q) : SIZE_MAX;
   if (!spans || max == 0) {
      for (size_t t = 0; t < q->count; t++)
         if (t == leadT ? first >= flen
                       : !find_term(f, flen, q->terms[t], q->lens[t], q->rare[t], q->rare2[t]))
            return false;
      return true;
   }
   /* Collect folded spans first (a term found nowhere: no match), then map
    * them back in one walk each. */
   size_t k = 0;
   bool sorted = true;
   for (size_t t = 0; t < q->count; t++) {
      const char *term = q->terms[t];
      size_t tl = q->lens[t], had = k, at = 0;
      const char *p;
      if (t == leadT) {
         /* Its first place is known: nothing to look for before it. */
         if (first >= flen)
            return false;
         at = first;
      }
      while (k < max && at < flen &&
             (p = t == leadT && at == first && k == had
                     ? f + first
                     : find_term(f + at, flen - at, term, tl, q->rare[t], q->rare2[t]))) {
         size_t fs = (size_t)(p - f);
         sorted = sorted && (k == 0 || spans[k - 1].start <= fs);
         spans[k++] = (MatchSpan){ fs, fs + tl };
         at = fs + tl;
      }
      if (k == had && (had < max || !find_term(f, flen, term, tl, q->rare[t], q->rare2[t])))
         return false;
   }
   if (!sorted)
      qsort(spans, k, sizeof *spans, span_cmp);
   size_t m = 0;
   for (size_t i = 0; i < k; i++) {
      if (m > 0 && spans[i].start <= spans[m - 1].end) {
         if (spans[i].end > spans[m - 1].end)
            spans[m - 1].end = spans[i].end;
      } else {
         spans[m++] = spans[i];
      }
   }
   if (nspans)
      *nspans = m;
   /* The same length: no character changed its length, offsets hold. */
   if (flen == n)
      return true;
   /* Folded to original offsets: one forward walk over the sorted ends. */
   const Fold2 *t2 = fold2_table();
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
   const __m128i e0 = _mm_set1_epi8((char)0xE0), shrinkLo = _mm_set1_epi8((char)fold2_shrinkLo);
   const __m128i shrinkSpan = _mm_set1_epi8((char)(fold2_shrinkHi - fold2_shrinkLo));
#endif
   size_t i = 0, o = 0;
   for (size_t s = 0; s < m; s++) {
      size_t *pts[2] = { &spans[s].start, &spans[s].end };
      for (int e = 0; e < 2; e++) {
         if (marks && o < *pts[e])
            mark_jump(marks, *pts[e], &i, &o);
         while (i < n && o < *pts[e]) {
#if defined(__SSE2__) && defined(__x86_64__) && defined(__GNUC__)
            /* Sixteen bytes a step: those that keep their offsets when
             * folded (ASCII, the bytes of two-byte characters that never
             * fold shorter, as Greek and Cyrillic letters) are stepped
             * over at once, up to the first that may not (the lead byte of
             * an accented Latin letter, of a longer character). A step
             * may end inside a two-byte character of the first kind: its
             * second byte keeps its offset too. */
            if (n - i >= 16) {
               __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
               __m128i d = _mm_sub_epi8(v, shrinkLo);
               unsigned big = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, e0), v));
               unsigned lead = (unsigned)_mm_movemask_epi8(
                  _mm_cmpeq_epi8(_mm_min_epu8(d, shrinkSpan), d));
               /* The bytes before the first character of three or more
                * bytes (or not UTF-8) are walked here, without another
                * load: runs that keep their offsets at once, each
                * two-byte character that may fold shorter from the table
                * (one cut by the step's end is left to the next). */
               if (!(big | lead)) {
                  /* Every byte keeps its offset (the usual step). */
                  size_t want = *pts[e] - o, step = want < 16 ? want : 16;
                  i += step, o += step;
                  continue;
               }
               size_t len = big ? (size_t)__builtin_ctz(big) : 16;
               if (len == 16 && (lead & 0x8000u))
                  len = 15;
               if (len && o + len < *pts[e]) {
                  /* The offset wanted lies beyond the step: only what
                   * its characters fold to counted. */
                  size_t shrink = 0;
                  for (unsigned lm = lead & ((1u << len) - 1); lm; lm &= lm - 1) {
                     size_t j = i + (size_t)__builtin_ctz(lm);
                     unsigned char c1 = (unsigned char)text[j], c2 = (unsigned char)text[j + 1];
                     if ((c2 & 0xC0) == 0x80)
                        shrink += 2 - t2[(uint32_t)(c1 & 0x1F) << 6 | (c2 & 0x3F)].len;
                  }
                  i += len, o += len - shrink;
                  continue;
               }
               if (len) {
                  unsigned lm = lead & ((1u << len) - 1);
                  size_t pos = 0;
                  for (;;) {
                     size_t j = lm ? (size_t)__builtin_ctz(lm) : len, want = *pts[e] - o;
                     if (j - pos >= want) {
                        pos += want, o += want;
                        break;
                     }
                     o += j - pos, pos = j;
                     if (!lm)
                        break;
                     unsigned char c1 = (unsigned char)text[i + j], c2 = (unsigned char)text[i + j + 1];
                     if ((c2 & 0xC0) == 0x80) {
                        o += t2[(uint32_t)(c1 & 0x1F) << 6 | (c2 & 0x3F)].len;
                        pos += 2;
                     } else {
                        o++, pos++;  /* a lead byte alone keeps its offset */
                     }
                     lm &= lm - 1;
                     if (o >= *pts[e])
                        break;
                  }
                  i += pos;
                  continue;
               }
            }
#endif
            unsigned char c = (unsigned char)text[i];
            if (c >= 0xC2 && c <= 0xDF && i + 1 < n && ((unsigned char)text[i + 1] & 0xC0) == 0x80) {
               /* A two-byte character: its folded length from the table. */
               o += t2[(uint32_t)(c & 0x1F) << 6 | ((unsigned char)text[i + 1] & 0x3F)].len;
               i += 2;
               continue;
            }
            if (c < 0xC0) {
               /* ASCII, or a byte that is not a character's first (one
                * alone, or the second of a two-byte character a step
                * ended in): its offset kept. The ASCII run ahead at once. */
               size_t ascii = 1;
               if (c < 0x80 && n - i >= 8) {
                  uint64_t w;
                  memcpy(&w, text + i, 8);
                  uint64_t high = w & 0x8080808080808080ULL;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
                  ascii = high ? (size_t)__builtin_ctzll(high) / 8 : 8;
#endif
               }
               size_t want = *pts[e] - o, step = ascii < want ? ascii : want;
               i += step, o += step;
               continue;
            }
            char enc[4];
            size_t el;
            i += fold_fast(t2, text, n, i, enc, &el);
            o += el;
         }
         *pts[e] = i;
      }
   }
   return true;
}

bool Match_couldContain(const MatchQuery *q, const char *raw, size_t n, GvBuf *scratch) {
   if (!q->raw_ok)
      return true;
   GvBuf_clear(scratch);
   if (!Match_fold(scratch, raw, n))
      return true;
   const char *f = scratch->data ? scratch->data : "";
   for (size_t t = 0; t < q->count; t++)
      if (!memmem(f, scratch->len, q->terms[t], q->lens[t]))
         return false;
   return true;
}

size_t Match_linesAt(const MatchQuery *q, const char *f, size_t n, MatchLine **lines, size_t *cap) {
   if (q->count == 0 || !q->line_ok)
      return 0;
   size_t lead = Match_lead(q);
   const char *lt = q->terms[lead];
   size_t ll = q->lens[lead], rare = q->rare[lead], rare2 = q->rare2[lead];
   size_t found = 0, at = 0;
   const char *p;
   while (at < n && (p = find_term(f + at, n - at, lt, ll, rare, rare2))) {
      /* The start of this line: back from the match, never before at. */
      const char *start = memrchr(f + at, '\n', (size_t)(p - (f + at)));
      start = start ? start + 1 : f + at;
      const char *end = memchr(p, '\n', n - (size_t)(p - f));
      size_t len = end ? (size_t)(end - start) : n - (size_t)(start - f);
      bool all = true;
      for (size_t t = 0; t < q->count && all; t++)
         all = t == lead || memmem(start, len, q->terms[t], q->lens[t]);
      if (all) {
         if (found == *cap) {
            size_t nc = *cap ? *cap * 2 : 64;
            MatchLine *g = realloc(*lines, nc * sizeof *g);
            if (!g)
               return SIZE_MAX;
            *lines = g;
            *cap = nc;
         }
         (*lines)[found++] = (MatchLine){ (size_t)(start - f), len, (size_t)(p - start) };
      }
      if (!end)
         break;
      at = (size_t)(end - f) + 1;
   }
   return found;
}

size_t Match_lines(const MatchQuery *q, const char *f, size_t n, size_t **lines, size_t *cap) {
   MatchLine *at = NULL;
   size_t atcap = 0, found = Match_linesAt(q, f, n, &at, &atcap);
   if (found != SIZE_MAX && found > *cap) {
      size_t *g = realloc(*lines, found * sizeof *g);
      if (!g)
         found = SIZE_MAX;
      else
         *lines = g, *cap = found;
   }
   /* Line numbers: the newlines before each start, counted once. */
   size_t line = 0, from = 0;
   for (size_t i = 0; found != SIZE_MAX && i < found; i++) {
      for (const char *nl; from < at[i].start && (nl = memchr(f + from, '\n', at[i].start - from));) {
         line++;
         from = (size_t)(nl - f) + 1;
      }
      (*lines)[i] = line;
   }
   free(at);
   return found;
}
