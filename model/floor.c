/* Interventions. */
#include "model/floor.h"

#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/roster.h"

void Floor_init(Floor *f) {
   memset(f, 0, sizeof *f);
   f->speaking = GV_NONE;
}

void Intervention_release(Intervention *iv) {
   Notes_release(&iv->notes);
   if (iv->has_doc)
      DocRef_free(iv->doc);
   free(iv->doc);
   iv->doc = NULL;
   iv->has_doc = false;
}

void Floor_clear(Floor *f) {
   unsigned long gen = f->gen;
   for (size_t i = 0; !f->borrowed && i < f->count; i++)
      Intervention_release(&f->list[i]);
   for (size_t k = 0; k < f->nbefore; k++)
      Intervention_release(&f->before[k]);
   free(f->list);
   free(f->before);
   free(f->at);
   free(f->changed);
   Floor_init(f);
   f->gen = gen + 1;
}

int64_t Intervention_duration(const Intervention *iv, int64_t now) {
   int64_t end = iv->end != GV_NO_TIME ? iv->end : now;
   if (iv->start == GV_NO_TIME || end == GV_NO_TIME || end < iv->start)
      return 0;
   return end - iv->start;
}

/* The forms of Notes.at: */
enum {
   NOTES_SLICE,   /* a NUL-ended text the notes do not own: a slice of the
                   * held text, or the "" of no notes */
   NOTES_OWN,     /* text of their own, a NotesHead before it */
   NOTES_PIECES,  /* a NotesList of slices, joined by newlines */
};
/* Two or three slices near each other, told in the form itself: at is the
 * first, bits 0-14 the second's distance from it, bits 15-30 the third's (0:
 * none). Most speakers' notes are so (lines of the same few minutes), and
 * need no list: nothing to allocate or free, shared as a slice is. */
#define NOTES_PACKED 0x80000000u
#define PACKED_SECOND_MAX 0x7fffu
#define PACKED_THIRD_MAX 0xffffu

/* The count of holders lives just before the text. */
typedef struct NotesHead {
   size_t holders;
} NotesHead;

/* Slices of the held text, each NUL-ended where it stops. Notes come in the
 * file's order, so each piece lies after the first: it is kept as its
 * distance from the first, 4 bytes, not a pointer and a length (16). */
typedef struct NotesList {
   const char *first;
   uint32_t holders;
   uint32_t count;     /* pieces, the first included */
   uint32_t cap;       /* room in after[] */
   uint32_t after[];   /* piece i (i >= 1) is at first + after[i - 1] */
} NotesList;

static NotesHead *head(char *text) {
   return (NotesHead *)(void *)(text - sizeof(NotesHead));
}

static const char *piece(const NotesList *l, uint32_t i) {
   return i ? l->first + l->after[i - 1] : l->first;
}

static bool packed(const Notes *n) {
   return (n->form & NOTES_PACKED) != 0;
}

/* The distance of packed piece i (1 or 2) from the first. */
static uint32_t packed_after(uint32_t form, uint32_t i) {
   return i == 1 ? form & PACKED_SECOND_MAX : form >> 15 & PACKED_THIRD_MAX;
}

/* Pieces of a list or packed notes: their count, and piece i. */
static uint32_t pieces_count(const Notes *n) {
   return n->form == NOTES_PIECES ? ((const NotesList *)n->at)->count
                                  : packed_after(n->form, 2) ? 3 : 2;
}

static const char *pieces_at(const Notes *n, uint32_t i) {
   if (n->form == NOTES_PIECES)
      return piece(n->at, i);
   return (const char *)n->at + (i ? packed_after(n->form, i) : 0);
}

/* Notes are at most 4 GiB - 1: len fits in 32 bits. */
static bool fits(const Notes *n, size_t more) {
   return more <= UINT32_MAX - 1 - n->len;
}

void Notes_init(Notes *n) {
   n->at = (void *)"";
   n->len = 0;
   n->form = NOTES_SLICE;
}

const char *Notes_text(const Notes *n, GvBuf *scratch) {
   if (n->form != NOTES_PIECES && !packed(n))
      return n->at;
   uint32_t count = pieces_count(n);
   GvBuf_clear(scratch);
   for (uint32_t i = 0; i < count; i++) {
      if (i)
         GvBuf_putc(scratch, '\n');
      GvBuf_puts(scratch, pieces_at(n, i));
   }
   return scratch->failed ? "" : GvBuf_str(scratch);
}

size_t Notes_piece_count(const Notes *n) {
   return n->form == NOTES_PIECES || packed(n) ? pieces_count(n) : 0;
}

const char *Notes_piece(const Notes *n, size_t i) {
   return n->form == NOTES_PIECES || packed(n) ? pieces_at(n, (uint32_t)i) : n->at;
}

void Notes_release(Notes *n) {
   if (n->form == NOTES_OWN && --head(n->at)->holders == 0)
      free(head(n->at));
   else if (n->form == NOTES_PIECES && --((NotesList *)n->at)->holders == 0)
      free(n->at);
   Notes_init(n);
}

Notes Notes_share(const Notes *n) {
   if (n->form == NOTES_OWN)
      head(n->at)->holders++;
   else if (n->form == NOTES_PIECES)
      ((NotesList *)n->at)->holders++;
   return *n;
}

/* n's pieces in a list of this holder's own with room for one more. */
static NotesList *list_of(const Notes *n) {
   const NotesList *old = n->form == NOTES_PIECES ? n->at : NULL;
   uint32_t count = old ? old->count : packed(n) ? pieces_count(n) : 1;
   /* A new list: room for four more pieces, which malloc gives in the block
    * it would give one (24 + 16 bytes and its head: 48), so that a speaker's
    * few notes never move it. */
   uint32_t cap = !old ? 4 : old->cap >= count ? old->cap : count;
   NotesList *l = malloc(sizeof *l + cap * sizeof *l->after);
   if (!l)
      return NULL;
   l->holders = 1;
   l->cap = cap;
   l->count = count;
   l->first = old ? old->first : n->at;
   if (old && count > 1)
      memcpy(l->after, old->after, (count - 1) * sizeof *l->after);
   else
      for (uint32_t i = 1; i < count; i++)
         l->after[i - 1] = packed_after(n->form, i);
   return l;
}

bool Notes_reserve_pieces(Notes *n, size_t count) {
   if (n->form != NOTES_SLICE || n->len == 0 || count < 2 || count - 1 > UINT32_MAX / 2)
      return false;
   uint32_t cap = (uint32_t)(count - 1);
   NotesList *l = malloc(sizeof *l + cap * sizeof *l->after);
   if (!l)
      return false;
   l->holders = 1;
   l->cap = cap;
   l->count = 1;
   l->first = n->at;
   n->at = l;
   n->form = NOTES_PIECES;
   return true;
}

bool Notes_add_slice(Notes *n, const char *text, size_t len) {
   if (n->len == 0)   /* the first note: the slice alone */
      return Notes_set_slice(n, text, len);
   const char *first = n->form == NOTES_PIECES ? ((NotesList *)n->at)->first : n->at;
   uintptr_t at = (uintptr_t)text, f = (uintptr_t)first;
   if (n->form == NOTES_OWN || at <= f || at - f > UINT32_MAX || !fits(n, len + 1)) {
      /* Text of their own (typed, edited) stays so, and a piece the list
       * cannot tell: the note is copied. */
      char *to = Notes_grow(n, len + 1);
      if (!to)
         return false;
      memcpy(to, text, len);
      Notes_commit(n, len);
      return true;
   }
   if (n->form == NOTES_SLICE && at - f <= PACKED_SECOND_MAX) {
      n->form = NOTES_PACKED | (uint32_t)(at - f);   /* the second note */
      n->len += 1 + len;
      return true;
   }
   if (packed(n) && !packed_after(n->form, 2) && at - f <= PACKED_THIRD_MAX) {
      n->form |= (uint32_t)(at - f) << 15;   /* the third */
      n->len += 1 + len;
      return true;
   }
   NotesList *l = n->form == NOTES_PIECES ? n->at : NULL;
   if (!l || l->holders > 1 || l->count - 1 == l->cap) {
      if (l && l->holders == 1) {
         if (l->cap > UINT32_MAX / 2)
            return false;
         uint32_t cap = l->cap * 2;
         if (!(l = realloc(l, sizeof *l + cap * sizeof *l->after)))
            return false;
         l->cap = cap;
      } else {
         /* A slice, packed pieces, or a list shared with a checkpoint:
          * a list of this holder's own. */
         if (!(l = list_of(n)))
            return false;
         size_t had = n->len;
         Notes_release(n);
         n->len = had;
      }
      n->at = l;
      n->form = NOTES_PIECES;
   }
   l->after[l->count++ - 1] = (uint32_t)(at - f);
   n->len += 1 + len;
   return true;
}

char *Notes_grow(Notes *n, size_t room) {
   size_t old = n->len;
   size_t sep = old > 0 ? 1 : 0;
   if (!fits(n, sep + room))
      return NULL;
   NotesHead *h;
   if (n->form == NOTES_OWN && head(n->at)->holders == 1) {
      if (!(h = realloc(head(n->at), sizeof *h + old + sep + room + 1)))
         return NULL;
   } else {
      /* Slices, or text shared with a checkpoint: this holder takes a copy
       * of its own. */
      if (!(h = malloc(sizeof *h + old + sep + room + 1)))
         return NULL;
      h->holders = 1;
      if (n->form == NOTES_PIECES || packed(n)) {
         uint32_t count = pieces_count(n);
         char *t = (char *)(h + 1);
         for (uint32_t i = 0; i < count; i++) {
            if (i)
               *t++ = '\n';
            const char *pc = pieces_at(n, i);
            size_t k = strlen(pc);
            memcpy(t, pc, k);
            t += k;
         }
      } else if (old) {
         memcpy(h + 1, n->at, old);
      }
      Notes_release(n);
      n->len = (uint32_t)old;
   }
   char *t = (char *)(h + 1);
   t[old] = '\0';
   n->at = t;
   n->form = NOTES_OWN;
   return t + old + sep;
}

void Notes_commit(Notes *n, size_t written) {
   char *t = n->at;
   if (written == 0) {
      t[n->len] = '\0';
      return;
   }
   if (n->len > 0)
      t[n->len++] = '\n';
   n->len += (uint32_t)written;
   t[n->len] = '\0';
}

bool Notes_set(Notes *n, const char *text, size_t len) {
   if (len >= UINT32_MAX)
      return false;
   NotesHead *h = malloc(sizeof *h + len + 1);
   if (!h)
      return false;
   h->holders = 1;
   char *t = (char *)(h + 1);
   if (len)
      memcpy(t, text, len);
   t[len] = '\0';
   Notes_release(n);
   n->at = t;
   n->len = (uint32_t)len;
   n->form = NOTES_OWN;
   return true;
}

bool Notes_set_slice(Notes *n, const char *text, size_t len) {
   if (len >= UINT32_MAX)
      return false;
   Notes_release(n);
   n->at = (void *)text;
   n->len = (uint32_t)len;
   return true;
}
