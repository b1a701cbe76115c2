/* The agenda tree and its automatic numbering. */
#include "model/agenda.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/util.h"

static const char *const ItemKind_words[] = {
#define GV_IK_WORD(e, word, label) word,
   GV_ITEM_KIND_LIST(GV_IK_WORD)
#undef GV_IK_WORD
};
static const char *const ItemKind_labels[] = {
#define GV_IK_LABEL(e, word, label) label,
   GV_ITEM_KIND_LIST(GV_IK_LABEL)
#undef GV_IK_LABEL
};
static const char *const ItemState_words[] = {
#define GV_IS_WORD(e, word) word,
   GV_ITEM_STATE_LIST(GV_IS_WORD)
#undef GV_IS_WORD
};
static const char *const Outcome_words[] = {
#define GV_OC_WORD(e, word) word,
   GV_OUTCOME_LIST(GV_OC_WORD)
#undef GV_OC_WORD
};

const char *GvItemKind_word(GvItemKind k) {
   return (unsigned)k < GV_ITEM_KIND_COUNT ? ItemKind_words[k] : "";
}

const char *GvItemKind_label(GvItemKind k) {
   return (unsigned)k < GV_ITEM_KIND_COUNT ? ItemKind_labels[k] : "";
}

bool GvItemKind_parse(const char *s, GvItemKind *k) {
   for (unsigned i = 0; i < GV_ITEM_KIND_COUNT; i++)
      if (Util_word_eq(s, ItemKind_words[i])) {
         *k = (GvItemKind)i;
         return true;
      }
   if (Util_word_eq(s, "information")) {
      *k = GV_ITEM_INFO;
      return true;
   }
   return false;
}

const char *GvItemState_word(GvItemState st) {
   return (unsigned)st < GV_ITEM_STATE_COUNT ? ItemState_words[st] : "";
}

const char *GvOutcome_word(GvOutcome o) {
   return (unsigned)o < GV_OUTCOME_COUNT ? Outcome_words[o] : "";
}

bool GvOutcome_parse(const char *s, GvOutcome *o) {
   for (unsigned i = 1; i < GV_OUTCOME_COUNT; i++)
      if (Util_word_eq(s, Outcome_words[i])) {
         *o = (GvOutcome)i;
         return true;
      }
   return false;
}

void Agenda_init(Agenda *a) {
   memset(a, 0, sizeof *a);
   a->current = GV_NONE;
}

void Agenda_clear(Agenda *a) {
   for (size_t i = 0; i < a->count; i++) {
      Item *it = &a->items[i];
      free(it->title);
      for (size_t k = 0; k < it->ndocs; k++)
         DocRef_free(&it->docs[k]);
      free(it->docs);
      free(it->children);
      free(it->queue);
      free(it->outcome_text);
      free(it->dossier);
      free(it->notes);
      free(it->interventions);
      free(it->said);
   }
   free(a->items);
   free(a->top);
   free(a->order);
   free(a->byuuid);
   Agenda_init(a);
}

/* The uuid index: every command that names an item by its full uuid (the
 * canonical form) finds it in O(1), so a meeting of 100,000 items does not
 * scan them all at every line. */
static size_t uuid_hash(const char *s, size_t n) {
   /* Eight bytes at a time: a uuid is 36 of them, hashed at every item
    * added and every item named by its uuid. */
   uint64_t h = 1469598103934665603ULL ^ n;
   size_t i = 0;
   for (; i + 8 <= n; i += 8) {
      uint64_t v;
      memcpy(&v, s + i, 8);
      h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
      h ^= h >> 32;
   }
   for (; i < n; i++)
      h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
   return (size_t)(h ^ (h >> 29));
}

static void uuid_put(size_t *tab, size_t cap, const Item *items, size_t idx) {
   size_t k = uuid_hash(items[idx].uuid, strlen(items[idx].uuid)) & (cap - 1);
   while (tab[k])
      k = (k + 1) & (cap - 1);
   tab[k] = idx + 1;
}

/* Indexes item idx (just added); false on ENOMEM. */
static bool uuid_index(Agenda *a, size_t idx) {
   if (2 * (idx + 1) > a->byuuid_cap) {
      size_t cap = a->byuuid_cap ? a->byuuid_cap * 2 : 64;
      while (2 * (idx + 1) > cap)
         cap *= 2;
      size_t *tab = calloc(cap, sizeof *tab);
      if (!tab)
         return false;
      for (size_t i = 0; i < idx; i++)
         uuid_put(tab, cap, a->items, i);
      free(a->byuuid);
      a->byuuid = tab;
      a->byuuid_cap = cap;
   }
   uuid_put(a->byuuid, a->byuuid_cap, a->items, idx);
   return true;
}

/* Grows an array of size_t to hold one more. */
static bool grow(size_t **arr, size_t *cap, size_t count) {
   if (count < *cap)
      return true;
   size_t ncap = *cap ? *cap * 2 : 8;
   size_t *n = realloc(*arr, ncap * sizeof *n);
   if (!n)
      return false;
   *arr = n;
   *cap = ncap;
   return true;
}

/* The sibling list idx lives in (its parent's children, or the top list). */
static void siblings(Agenda *a, size_t parent, size_t ***arr, size_t **count, size_t **cap) {
   if (parent == GV_NONE) {
      *arr = &a->top;
      *count = &a->ntop;
      *cap = &a->top_cap;
   } else {
      Item *p = &a->items[parent];
      *arr = &p->children;
      *count = &p->nchildren;
      *cap = &p->children_cap;
   }
}

static bool list_insert(Agenda *a, size_t parent, size_t pos, size_t idx) {
   size_t **arr, *count, *cap;
   siblings(a, parent, &arr, &count, &cap);
   if (!grow(arr, cap, *count))
      return false;
   if (pos > *count)
      pos = *count;
   memmove(*arr + pos + 1, *arr + pos, (*count - pos) * sizeof **arr);
   (*arr)[pos] = idx;
   (*count)++;
   return true;
}

static void list_remove(Agenda *a, size_t idx) {
   size_t **arr, *count, *cap;
   siblings(a, a->items[idx].parent, &arr, &count, &cap);
   for (size_t i = 0; i < *count; i++)
      if ((*arr)[i] == idx) {
         memmove(*arr + i, *arr + i + 1, (*count - i - 1) * sizeof **arr);
         (*count)--;
         return;
      }
}

size_t Agenda_add(Agenda *a, size_t parent, const char *uuid, char *title) {
   char *t = title;
   if (a->count == a->cap) {
      size_t cap = a->cap ? a->cap * 2 : 16;
      Item *n = realloc(a->items, cap * sizeof *n);
      if (!n) {
         free(t);
         return GV_NONE;
      }
      a->items = n;
      a->cap = cap;
   }
   size_t idx = a->count;
   Item *it = &a->items[idx];
   memset(it, 0, sizeof *it);
   size_t ulen = strnlen(uuid, sizeof it->uuid - 1);
   memcpy(it->uuid, uuid, ulen);
   it->uuid[ulen] = '\0';
   it->title = t;
   it->kind = GV_ITEM_ITEM;
   it->state = GV_STATE_PENDING;
   it->taken_up = GV_NO_TIME;
   it->requested_by = GV_NONE;
   it->parent = parent;
   it->outcome = GV_OUTCOME_NONE;
   it->added_during = GV_NONE;
   it->joined = GV_NONE;
   size_t pos = parent == GV_NONE ? a->ntop : a->items[parent].nchildren;
   if (!list_insert(a, parent, pos, idx)) {
      free(t);
      return GV_NONE;
   }
   a->count++;
   if (!uuid_index(a, idx)) {
      a->count--;
      list_remove(a, idx);
      free(t);
      return GV_NONE;
   }
   /* Appended as the last child of the last subtree (the usual case: an
    * agenda typed in order): its place in the reading order is the end, and
    * nothing else is renumbered. Anywhere else the whole tree is. */
   bool at_end = true;
   for (size_t up = parent; at_end && up != GV_NONE; up = a->items[up].parent) {
      size_t pp = a->items[up].parent;
      size_t n = pp == GV_NONE ? a->ntop : a->items[pp].nchildren;
      const size_t *arr = pp == GV_NONE ? a->top : a->items[pp].children;
      at_end = n > 0 && arr[n - 1] == up;
   }
   if (at_end && a->order_cap <= a->norder) {
      /* Room for the new one, doubling: appends stay O(1) amortized. */
      size_t cap = a->order_cap ? a->order_cap * 2 : 16;
      size_t *o = realloc(a->order, cap * sizeof *o);
      if (o) {
         a->order = o;
         a->order_cap = cap;
      }
   }
   if (at_end && a->order_cap > a->norder) {
      it->depth = parent == GV_NONE ? 0 : a->items[parent].depth + 1;
      it->number = (unsigned)pos + 1;
      /* The number shown skips headings: one more than the last sibling's
       * that is not a heading (Agenda_renumber's rule). */
      const size_t *sib = parent == GV_NONE ? a->top : a->items[parent].children;
      it->shown = 1;
      for (size_t k = pos; k-- > 0;)
         if (a->items[sib[k]].kind != GV_ITEM_HEADING) {
            it->shown = a->items[sib[k]].shown + 1;
            break;
         }
      a->order[a->norder++] = idx;
      return idx;
   }
   if (!Agenda_renumber(a))
      return GV_NONE;
   return idx;
}

bool Agenda_place(Agenda *a, size_t idx, size_t parent, size_t pos) {
   size_t old_parent = a->items[idx].parent;
   size_t old_pos = Agenda_sibling_pos(a, idx);
   list_remove(a, idx);
   a->items[idx].parent = parent;
   if (!list_insert(a, parent, pos, idx)) {
      a->items[idx].parent = old_parent;
      list_insert(a, old_parent, old_pos, idx);   /* room is there: it was just freed */
      return false;
   }
   return Agenda_renumber(a);
}

static void mark_dropped(Agenda *a, size_t idx) {
   Item *it = &a->items[idx];
   it->dropped = true;
   for (size_t i = 0; i < it->nchildren; i++)
      mark_dropped(a, it->children[i]);
}

void Agenda_drop(Agenda *a, size_t idx) {
   list_remove(a, idx);
   mark_dropped(a, idx);
   Agenda_renumber(a);
}

size_t Agenda_sibling_pos(const Agenda *a, size_t idx) {
   size_t parent = a->items[idx].parent;
   const size_t *arr = parent == GV_NONE ? a->top : a->items[parent].children;
   size_t count = parent == GV_NONE ? a->ntop : a->items[parent].nchildren;
   for (size_t i = 0; i < count; i++)
      if (arr[i] == idx)
         return i;
   return count;
}

/* Depth-first walk with an explicit stack: no recursion limit on deep trees. */
bool Agenda_renumber(Agenda *a) {
   a->norder = 0;
   if (a->order_cap < a->count) {
      size_t *o = realloc(a->order, (a->count ? a->count : 1) * sizeof *o);
      if (!o)
         return false;
      a->order = o;
      a->order_cap = a->count;
   }
   unsigned shown = 0;
   for (size_t i = 0; i < a->ntop; i++) {
      size_t idx = a->top[i];
      a->items[idx].depth = 0;
      a->items[idx].number = (unsigned)(i + 1);
      a->items[idx].shown = a->items[idx].kind == GV_ITEM_HEADING ? 0 : ++shown;
   }
   /* Preorder without a stack: go down to the first child, else to the next
    * sibling, else up until an ancestor has a next sibling. */
   if (a->ntop == 0)
      return true;
   size_t cur = a->top[0];
   while (cur != GV_NONE) {
      Item *it = &a->items[cur];
      a->order[a->norder++] = cur;
      unsigned cshown = 0;
      for (size_t i = 0; i < it->nchildren; i++) {
         Item *c = &a->items[it->children[i]];
         c->depth = it->depth + 1;
         c->number = (unsigned)(i + 1);
         c->shown = c->kind == GV_ITEM_HEADING ? 0 : ++cshown;
      }
      if (it->nchildren) {
         cur = it->children[0];
         continue;
      }
      size_t up = cur;
      cur = GV_NONE;
      while (up != GV_NONE) {
         const Item *u = &a->items[up];
         size_t parent = u->parent;
         size_t count = parent == GV_NONE ? a->ntop : a->items[parent].nchildren;
         size_t pos = (size_t)u->number;   /* 1-based: pos is the next sibling's index */
         if (pos < count) {
            cur = parent == GV_NONE ? a->top[pos] : a->items[parent].children[pos];
            break;
         }
         up = parent;
      }
   }
   return true;
}

size_t Agenda_count(const Agenda *a) {
   return a->norder;
}

size_t Agenda_index_at(const Agenda *a, size_t k) {
   return k < a->norder ? a->order[k] : GV_NONE;
}

const Item *Agenda_at(const Agenda *a, size_t k) {
   return k < a->norder ? &a->items[a->order[k]] : NULL;
}

const Item *Agenda_item(const Agenda *a, size_t idx) {
   return idx < a->count ? &a->items[idx] : NULL;
}

void Agenda_path(const Agenda *a, size_t idx, char *buf, size_t n) {
   if (!n)
      return;
   buf[0] = '\0';
   if (idx >= a->count || a->items[idx].dropped)
      return;
   /* Collect numbers leaf-to-root, then print root-first. */
   unsigned depth = a->items[idx].depth;
   size_t len = 0;
   for (unsigned d = 0; d <= depth; d++) {
      size_t cur = idx;
      for (unsigned k = d; k < depth; k++)
         cur = a->items[cur].parent;
      /* What snprintf(".%u") writes, cut short the same way. */
      char piece[16];
      int k = (int)sizeof piece;
      unsigned v = a->items[cur].number;
      do {
         piece[--k] = (char)('0' + v % 10);
         v /= 10;
      } while (v);
      if (d)
         piece[--k] = '.';
      size_t w = sizeof piece - (size_t)k;
      size_t fit = w < n - len ? w : n - len - 1;
      memcpy(buf + len, piece + k, fit);
      buf[len + fit] = '\0';
      if (w >= n - len)
         return;
      len += w;
   }
}

static void roman(unsigned v, char *buf, size_t n) {
   static const struct { unsigned v; const char *s; } R[] = {
      { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
      { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
   };
   size_t len = 0;
   buf[0] = '\0';
   for (size_t i = 0; i < sizeof R / sizeof *R; i++)
      while (v >= R[i].v && len + strlen(R[i].s) < n) {
         strcpy(buf + len, R[i].s);
         len += strlen(R[i].s);
         v -= R[i].v;
      }
}

/* "3.1" from the printed numbers (headings not counted). */
static void shown_path(const Agenda *a, size_t idx, char *buf, size_t n) {
   unsigned depth = a->items[idx].depth;
   size_t len = 0;
   buf[0] = '\0';
   for (unsigned d = 0; d <= depth; d++) {
      size_t cur = idx;
      for (unsigned k = d; k < depth; k++)
         cur = a->items[cur].parent;
      int w = snprintf(buf + len, n - len, d ? ".%u" : "%u", a->items[cur].shown);
      if (w < 0 || (size_t)w >= n - len)
         return;
      len += (size_t)w;
   }
}

void Agenda_label(const Agenda *a, size_t idx, GvNumbering style, char *buf, size_t n) {
   if (!n)
      return;
   buf[0] = '\0';
   if (idx >= a->count || a->items[idx].dropped || a->items[idx].kind == GV_ITEM_HEADING)
      return;
   if (style == GV_NUMBERING_NUMERIC || a->items[idx].depth == 0) {
      shown_path(a, idx, buf, n);
      return;
   }
   const Item *it = &a->items[idx];
   if (it->depth == 1) {
      /* a) .. z), then aa), ab) ... */
      char l[8];
      unsigned v = it->shown;
      size_t len = 0;
      char tmp[8];
      while (v > 0 && len < sizeof tmp) {
         v--;
         tmp[len++] = (char)('a' + v % 26);
         v /= 26;
      }
      for (size_t i = 0; i < len; i++)
         l[i] = tmp[len - 1 - i];
      l[len] = '\0';
      snprintf(buf, n, "%s)", l);
   } else {
      char r[32];
      roman(it->shown, r, sizeof r);
      snprintf(buf, n, "%s)", r);
   }
}

size_t Agenda_find_uuid(const Agenda *a, const char *uuid, size_t n) {
   if (n < 8)
      return GV_NONE;
   if (n == 36 && a->byuuid_cap) {
      /* A full uuid (the longest there is): the lowest live index with it. */
      size_t best = GV_NONE;
      for (size_t k = uuid_hash(uuid, n) & (a->byuuid_cap - 1); a->byuuid[k];
           k = (k + 1) & (a->byuuid_cap - 1)) {
         size_t i = a->byuuid[k] - 1;
         if (i < a->count && !a->items[i].dropped && i < best &&
             strncmp(a->items[i].uuid, uuid, n) == 0 && a->items[i].uuid[n] == '\0')
            best = i;
      }
      return best;
   }
   size_t found = GV_NONE;
   for (size_t i = 0; i < a->count; i++) {
      if (a->items[i].dropped)
         continue;
      if (strncmp(a->items[i].uuid, uuid, n) == 0 && n <= strlen(a->items[i].uuid)) {
         if (n == strlen(a->items[i].uuid))
            return i;
         if (found != GV_NONE)
            return GV_NONE;   /* ambiguous prefix */
         found = i;
      }
   }
   return found;
}

static size_t Agenda_find_path(const Agenda *a, const char *s, size_t n);

size_t Agenda_find(const Agenda *a, const char *s, size_t n) {
   /* A numeric path: 3 or 3.1 or 3.1.2 (a trailing dot is forgiven). */
   if (n && s[n - 1] == '.')
      n--;
   bool path = n > 0;
   for (size_t i = 0; i < n && path; i++)
      if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
         path = false;
   if (!path)
      return Agenda_find_uuid(a, s, n);
   size_t found = Agenda_find_path(a, s, n);
   /* A uuid prefix may be all digits: try it when no path matched. */
   return found != GV_NONE || n < 8 ? found : Agenda_find_uuid(a, s, n);
}

static size_t Agenda_find_path(const Agenda *a, const char *s, size_t n) {
   size_t cur = GV_NONE;
   size_t i = 0;
   while (i < n) {
      size_t v = 0, digits = 0;
      while (i < n && s[i] != '.') {
         if (v > 100000)
            return GV_NONE;
         v = v * 10 + (size_t)(s[i++] - '0');
         digits++;
      }
      if (!digits || v == 0)
         return GV_NONE;
      i++;  /* the dot */
      const size_t *arr = cur == GV_NONE ? a->top : a->items[cur].children;
      size_t count = cur == GV_NONE ? a->ntop : a->items[cur].nchildren;
      if (v > count)
         return GV_NONE;
      cur = arr[v - 1];
   }
   return cur;
}

void Agenda_range(const Agenda *a, char *buf, size_t n) {
   if (a->ntop == 0)
      snprintf(buf, n, "none yet");
   else if (a->ntop == 1)
      snprintf(buf, n, "1");
   else
      snprintf(buf, n, "1-%zu", a->ntop);
}

bool Agenda_is_within(const Agenda *a, size_t idx, size_t anc) {
   while (idx != GV_NONE && idx < a->count) {
      if (idx == anc)
         return true;
      idx = a->items[idx].parent;
   }
   return false;
}
