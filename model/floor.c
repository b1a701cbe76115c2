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

void Floor_clear(Floor *f) {
   for (size_t i = 0; i < f->count; i++) {
      Notes_release(&f->list[i].notes);
      if (f->list[i].has_doc)
         DocRef_free(&f->list[i].doc);
   }
   free(f->list);
   Floor_init(f);
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

/* The count of holders lives just before the text. */
typedef struct NotesHead {
   size_t holders;
} NotesHead;

typedef struct NotesPiece {
   const char *text;   /* NUL-ended at text[len] */
   size_t len;
} NotesPiece;

typedef struct NotesList {
   size_t holders;
   size_t count, cap;
   NotesPiece piece[];
} NotesList;

static NotesHead *head(char *text) {
   return (NotesHead *)(void *)(text - sizeof(NotesHead));
}

static size_t *holders(const Notes *n) {
   if (n->form == NOTES_OWN)
      return &head(n->at)->holders;
   if (n->form == NOTES_PIECES)
      return &((NotesList *)n->at)->holders;
   return NULL;
}

void Notes_init(Notes *n) {
   n->at = (void *)"";
   n->len = 0;
   n->form = NOTES_SLICE;
}

const char *Notes_text(const Notes *n, GvBuf *scratch) {
   if (n->form != NOTES_PIECES)
      return n->at;
   const NotesList *l = n->at;
   GvBuf_clear(scratch);
   for (size_t i = 0; i < l->count; i++) {
      if (i)
         GvBuf_putc(scratch, '\n');
      GvBuf_append(scratch, l->piece[i].text, l->piece[i].len);
   }
   return scratch->failed ? "" : GvBuf_str(scratch);
}

void Notes_release(Notes *n) {
   size_t *h = holders(n);
   if (h && --*h == 0)
      free(n->form == NOTES_OWN ? (void *)head(n->at) : n->at);
   Notes_init(n);
}

Notes Notes_share(const Notes *n) {
   size_t *h = holders(n);
   if (h)
      ++*h;
   return *n;
}

/* A list of room pieces (at least), with those of n. */
static NotesList *list_of(const Notes *n, size_t room) {
   size_t have = n->form == NOTES_PIECES ? ((NotesList *)n->at)->count : n->len > 0;
   size_t cap = have + room < 4 ? 4 : have + room;
   NotesList *l = malloc(sizeof *l + cap * sizeof *l->piece);
   if (!l)
      return NULL;
   l->holders = 1;
   l->cap = cap;
   l->count = have;
   if (n->form == NOTES_PIECES)
      memcpy(l->piece, ((NotesList *)n->at)->piece, have * sizeof *l->piece);
   else if (have)
      l->piece[0] = (NotesPiece){ n->at, n->len };
   return l;
}

bool Notes_add_slice(Notes *n, const char *text, size_t len) {
   if (n->len == 0)   /* the first note: the slice alone */
      return Notes_set_slice(n, text, len);
   if (n->form == NOTES_OWN) {
      /* Text of their own (typed, edited) stays so: the note is copied. */
      char *at = Notes_grow(n, len + 1);
      if (!at)
         return false;
      memcpy(at, text, len);
      Notes_commit(n, len);
      return true;
   }
   NotesList *l = n->form == NOTES_PIECES ? n->at : NULL;
   if (!l || l->holders > 1 || l->count == l->cap) {
      NotesList *m;
      if (l && l->holders == 1) {
         size_t cap = l->cap * 2;
         if (!(m = realloc(l, sizeof *m + cap * sizeof *m->piece)))
            return false;
         m->cap = cap;
      } else {
         /* A slice, or a list shared with a checkpoint: a list of this holder's own. */
         if (!(m = list_of(n, 1)))
            return false;
         size_t had = n->len;
         Notes_release(n);
         n->len = had;
      }
      n->at = l = m;
      n->form = NOTES_PIECES;
   }
   l->piece[l->count++] = (NotesPiece){ text, len };
   n->len += 1 + len;
   return true;
}

char *Notes_grow(Notes *n, size_t room) {
   size_t old = n->len;
   size_t sep = old > 0 ? 1 : 0;
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
      if (n->form == NOTES_PIECES) {
         const NotesList *l = n->at;
         char *t = (char *)(h + 1);
         for (size_t i = 0; i < l->count; i++) {
            if (i)
               *t++ = '\n';
            memcpy(t, l->piece[i].text, l->piece[i].len);
            t += l->piece[i].len;
         }
      } else if (old) {
         memcpy(h + 1, n->at, old);
      }
      size_t len = old;
      Notes_release(n);
      n->len = len;
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
   n->len += written;
   t[n->len] = '\0';
}

bool Notes_set(Notes *n, const char *text, size_t len) {
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
   n->len = len;
   n->form = NOTES_OWN;
   return true;
}

bool Notes_set_slice(Notes *n, const char *text, size_t len) {
   Notes_release(n);
   n->at = (void *)text;
   n->len = len;
   return true;
}
