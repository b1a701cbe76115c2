/* The roster: lookup by code, protocol order and the picker's matching. */
#include "model/roster.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/utf8.h"
#include "model/util.h"

static const char *const Kind_words[] = {
#define GV_KIND_WORD(e, word, label) word,
   GV_KIND_LIST(GV_KIND_WORD)
#undef GV_KIND_WORD
};
static const char *const Kind_labels[] = {
#define GV_KIND_LABEL(e, word, label) label,
   GV_KIND_LIST(GV_KIND_LABEL)
#undef GV_KIND_LABEL
};
static const char *const Attend_words[] = {
#define GV_ATTEND_WORD(e, word) word,
   GV_ATTEND_LIST(GV_ATTEND_WORD)
#undef GV_ATTEND_WORD
};

const char *GvKind_word(GvKind k) {
   return (unsigned)k < GV_KIND_COUNT ? Kind_words[k] : "";
}

const char *GvKind_label(GvKind k) {
   return (unsigned)k < GV_KIND_COUNT ? Kind_labels[k] : "";
}

bool GvKind_parse(const char *s, GvKind *k) {
   for (unsigned i = 0; i < GV_KIND_COUNT; i++)
      if (Util_word_eq(s, Kind_words[i])) {
         *k = (GvKind)i;
         return true;
      }
   if (Util_word_eq(s, "member")) {
      *k = GV_KIND_MS;
      return true;
   }
   return false;
}

const char *GvAttendance_word(GvAttendance a) {
   return (unsigned)a < GV_ATTEND_COUNT ? Attend_words[a] : "";
}

bool GvAttendance_parse(const char *s, GvAttendance *a) {
   for (unsigned i = 1; i < GV_ATTEND_COUNT; i++)
      if (Util_word_eq(s, Attend_words[i])) {
         *a = (GvAttendance)i;
         return true;
      }
   if (Util_word_eq(s, "videoconference") || Util_word_eq(s, "remote")) {
      *a = GV_ATTEND_VIDEO;
      return true;
   }
   return false;
}

void Roster_init(Roster *r) {
   r->list = NULL;
   r->count = r->cap = 0;
   r->byc = NULL;
   r->byc_cap = r->byc_count = 0;
}

static char upper(char c) {
   return c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}

/* FNV-1a of the code in upper case, as it is kept. */
static size_t code_hash(const char *s, size_t n) {
   uint32_t h = 2166136261u;
   for (size_t i = 0; i < n; i++)
      h = (h ^ (unsigned char)upper(s[i])) * 16777619u;
   return h;
}

static void code_put(size_t *tab, size_t cap, const char *code, size_t idx) {
   size_t k = code_hash(code, strlen(code)) & (cap - 1);
   while (tab[k])
      k = (k + 1) & (cap - 1);
   tab[k] = idx + 1;
}

/* Entry count - 1 into the index, which holds the ones before it; or the
 * index built again over every entry. Without the memory there is none (the
 * search goes in order). */
static void code_index(Roster *r) {
   size_t n = r->count;
   if (r->byc && r->byc_count == n - 1 && 2 * n <= r->byc_cap) {
      code_put(r->byc, r->byc_cap, r->list[n - 1].code, n - 1);
      r->byc_count = n;
      return;
   }
   size_t cap = r->byc_cap ? r->byc_cap : 128;
   while (cap < 2 * n)
      cap *= 2;
   free(r->byc);
   r->byc_cap = r->byc_count = 0;
   if (!(r->byc = calloc(cap, sizeof *r->byc)))
      return;
   for (size_t i = 0; i < n; i++)
      code_put(r->byc, cap, r->list[i].code, i);
   r->byc_cap = cap;
   r->byc_count = n;
}

void Roster_clear(Roster *r) {
   for (size_t i = 0; i < r->count; i++) {
      Delegation *d = &r->list[i];
      free(d->code);
      free(d->name);
      free(d->native);
      free(d->phrase);
   }
   free(r->list);
   free(r->byc);
   Roster_init(r);
}

size_t Roster_add(Roster *r, const char *code) {
   if (r->count == r->cap) {
      size_t cap = r->cap ? r->cap * 2 : 64;
      Delegation *l = realloc(r->list, cap * sizeof *l);
      if (!l)
         return GV_NONE;
      r->list = l;
      r->cap = cap;
   }
   char *c = strdup(code);
   if (!c)
      return GV_NONE;
   for (char *p = c; *p; p++)
      if (*p >= 'a' && *p <= 'z')
         *p = (char)(*p - 32);
   Delegation *d = &r->list[r->count];
   memset(d, 0, sizeof *d);
   d->code = c;
   d->parent = GV_NONE;
   d->kind = GV_KIND_MS;
   d->attendance = GV_ATTEND_UNKNOWN;
   r->count++;
   code_index(r);
   return r->count - 1;
}

size_t Roster_find(const Roster *r, const char *code, size_t n) {
   if (n && r->byc && r->byc_count == r->count) {
      for (size_t k = code_hash(code, n) & (r->byc_cap - 1); r->byc[k];
           k = (k + 1) & (r->byc_cap - 1)) {
         const char *c = r->list[r->byc[k] - 1].code;
         size_t i = 0;
         while (i < n && c[i] && upper(code[i]) == c[i])
            i++;
         if (i == n && c[i] == '\0')
            return r->byc[k] - 1;
      }
      return GV_NONE;
   }
   char c0 = n && code[0] >= 'a' && code[0] <= 'z' ? (char)(code[0] - 32) : n ? code[0] : '\0';
   for (size_t i = 0; i < r->count; i++) {
      const char *c = r->list[i].code;
      if (n && c[0] != c0)
         continue; /* most codes differ in their first letter */
      size_t k = 0;
      while (k < n && c[k]) {
         char x = code[k];
         if (x >= 'a' && x <= 'z')
            x = (char)(x - 32);
         if (x != c[k])
            break;
         k++;
      }
      if (k == n && c[k] == '\0')
         return i;
   }
   return GV_NONE;
}

size_t Roster_find_word(const Roster *r, const char *code) {
   if (!code[0] || !r->byc || r->byc_count != r->count)
      return Roster_find(r, code, strlen(code));
   /* code_hash, its length found on the way (no strlen first). */
   uint32_t h = 2166136261u;
   for (const char *p = code; *p; p++)
      h = (h ^ (unsigned char)upper(*p)) * 16777619u;
   for (size_t k = h & (r->byc_cap - 1); r->byc[k]; k = (k + 1) & (r->byc_cap - 1)) {
      const char *c = r->list[r->byc[k] - 1].code;
      size_t i = 0;
      while (c[i] && upper(code[i]) == c[i])   /* code's NUL is no code byte */
         i++;
      if (c[i] == '\0' && code[i] == '\0')
         return r->byc[k] - 1;
   }
   return GV_NONE;
}

const Delegation *Roster_get(const Roster *r, size_t idx) {
   return idx < r->count ? &r->list[idx] : NULL;
}

GvAttendance Roster_attendance(const Roster *r, size_t idx) {
   if (idx >= r->count)
      return GV_ATTEND_UNKNOWN;
   const Delegation *d = &r->list[idx];
   if (d->parent != GV_NONE && d->parent < r->count)
      return r->list[d->parent].attendance;
   return d->attendance;
}

#define ROSTER_INSERTION_MAX 64

typedef struct OrderKey {
   int order;      /* the top-level delegation's protocol order */
   size_t top;     /* the top-level delegation */
   bool unit;
   const char *code;
   size_t idx;
} OrderKey;

static int OrderKey_cmp(const void *a, const void *b) {
   const OrderKey *x = a, *y = b;
   if (x->order != y->order)
      return x->order < y->order ? -1 : 1;
   if (x->top != y->top)
      return x->top < y->top ? -1 : 1;
   if (x->unit != y->unit)
      return x->unit ? 1 : -1;
   return strcmp(x->code, y->code);
}

void Roster_protocol_order(const Roster *r, size_t *out) {
   OrderKey *keys = malloc((r->count ? r->count : 1) * sizeof *keys);
   if (!keys) {  /* degrade to insertion order rather than fail a reader */
      for (size_t i = 0; i < r->count; i++)
         out[i] = i;
      return;
   }
   for (size_t i = 0; i < r->count; i++) {
      const Delegation *d = &r->list[i];
      size_t top = (d->parent != GV_NONE && d->parent < r->count) ? d->parent : i;
      keys[i] = (OrderKey){ r->list[top].order, top, top != i, d->code, i };
   }
   /* A roster's few dozen delegations, mostly in protocol order already
    * (tour asks at every round): put in place one by one, stable as
    * qsort's merge is, without a call per comparison. A long roster by
    * qsort. */
   if (r->count <= ROSTER_INSERTION_MAX) {
      for (size_t i = 1; i < r->count; i++) {
         OrderKey k = keys[i];
         size_t j = i;
         for (; j > 0 && OrderKey_cmp(&keys[j - 1], &k) > 0; j--)
            keys[j] = keys[j - 1];
         keys[j] = k;
      }
   } else {
      qsort(keys, r->count, sizeof *keys, OrderKey_cmp);
   }
   for (size_t i = 0; i < r->count; i++)
      out[i] = keys[i].idx;
   free(keys);
}

/* How well folded `q` matches folded `f`: 3 prefix, 2 prefix of a word,
 * 1 substring, 0 not at all. */
static int match_level(const char *f, const char *q) {
   if (!f || !*q)
      return 0;
   size_t qn = strlen(q);
   if (strncmp(f, q, qn) == 0)
      return 3;
   const char *hit = strstr(f, q);
   if (!hit)
      return 0;
   for (const char *p = hit; p; p = strstr(p + 1, q)) {
      char before = p[-1];
      if (before == ' ' || before == '-' || before == '(' || before == '/' || before == '\'')
         return 2;
   }
   return 1;
}

static int field_score(const char *field, const char *q, int base) {
   if (!field)
      return 0;
   char *f = Utf8_fold(field, strlen(field));
   if (!f)
      return 0;
   int lvl = match_level(f, q);
   int score = lvl == 3 ? base : lvl == 2 ? 600 : lvl == 1 ? 400 : 0;
   if (lvl == 3 && strcmp(f, q) == 0)
      score += 50;   /* the whole name */
   free(f);
   return score;
}

bool Roster_code_valid(const char *c) {
   size_t part = 0, slashes = 0;
   for (; *c; c++) {
      bool ok = (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
                *c == '-' || *c == '_';
      if (*c == '/') {
         if (part == 0 || ++slashes > 1)
            return false;
         part = 0;
         continue;
      }
      if (!ok || ++part > GV_CODE_PART_MAX)
         return false;
   }
   return part > 0;
}

size_t Roster_match(const Roster *r, const char *query, size_t n, RosterMatch *out, size_t max) {
   while (n && (*query == ' ' || *query == '\t'))
      query++, n--;
   while (n && (query[n - 1] == ' ' || query[n - 1] == '\t'))
      n--;
   if (n == 0 || max == 0 || r->count == 0)
      return 0;
   char *q = Utf8_fold(query, n);
   size_t *order = malloc(r->count * sizeof *order);
   RosterMatch *all = malloc(r->count * sizeof *all);
   if (!q || !order || !all) {
      free(q);
      free(order);
      free(all);
      return 0;
   }
   Roster_protocol_order(r, order);
   size_t found = 0;
   for (size_t k = 0; k < r->count; k++) {
      const Delegation *d = &r->list[order[k]];
      int best = 0, s;
      if (d->retired)
         continue;
      bool ms = d->kind == GV_KIND_MS;
      char *code = Utf8_fold(d->code, strlen(d->code));
      if (code) {
         /* Three letters that are an agency's code (FRA) are more often the
          * start of a Member State's name (France): such a name prefix wins
          * over a code that is not a Member State's. */
         if (strcmp(code, q) == 0)
            best = ms ? 1000 : 899;
         else if (strncmp(code, q, strlen(q)) == 0)
            best = 900;
         else if (strstr(code, q))
            best = 300;
         free(code);
      }
      bool word = ms && strlen(q) >= 3;
      if ((s = field_score(d->name, q, word ? 950 : 800)) > best)
         best = s;
      if ((s = field_score(d->native, q, word ? 940 : 790)) > best)
         best = s;
      if (best > 0) {
         /* Units rank below their institution for the same match. */
         if (d->parent != GV_NONE)
            best -= 5;
         all[found++] = (RosterMatch){ order[k], best };
      }
   }
   /* Stable by protocol order within a score: insertion sort (rosters are small). */
   for (size_t i = 1; i < found; i++) {
      RosterMatch m = all[i];
      size_t j = i;
      while (j > 0 && all[j - 1].score < m.score) {
         all[j] = all[j - 1];
         j--;
      }
      all[j] = m;
   }
   size_t nout = found < max ? found : max;
   memcpy(out, all, nout * sizeof *out);
   free(q);
   free(order);
   free(all);
   return nout;
}
