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
      Notes_release(f->list[i].notes);
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

/* The count of holders lives just before the text. */
typedef struct NotesHead {
   size_t holders;
} NotesHead;

static NotesHead *head(char *notes) {
   return (NotesHead *)(void *)(notes - sizeof(NotesHead));
}

char *Notes_new(const char *text, size_t n) {
   NotesHead *h = malloc(sizeof *h + n + 1);
   if (!h)
      return NULL;
   h->holders = 1;
   char *t = (char *)(h + 1);
   if (n)
      memcpy(t, text, n);
   t[n] = '\0';
   return t;
}

char *Notes_grow(char **notes, size_t *len, size_t room) {
   size_t old = *notes ? *len : 0;
   size_t sep = old > 0 ? 1 : 0;
   NotesHead *h;
   if (*notes && head(*notes)->holders == 1) {
      if (!(h = realloc(head(*notes), sizeof *h + old + sep + room + 1)))
         return NULL;
   } else {
      /* Shared with a checkpoint: this holder takes a copy of its own. */
      if (!(h = malloc(sizeof *h + old + sep + room + 1)))
         return NULL;
      h->holders = 1;
      if (old)
         memcpy(h + 1, *notes, old);
      Notes_release(*notes);
   }
   char *t = (char *)(h + 1);
   t[old] = '\0';
   *notes = t;
   *len = old;
   return t + old + sep;
}

void Notes_commit(char **notes, size_t *len, size_t n) {
   char *t = *notes;
   if (n == 0) {
      t[*len] = '\0';
      return;
   }
   if (*len > 0)
      t[(*len)++] = '\n';
   *len += n;
   t[*len] = '\0';
}

bool Notes_set(char **notes, size_t *len, const char *text, size_t n) {
   char *t = Notes_new(text, n);
   if (!t)
      return false;
   Notes_release(*notes);
   *notes = t;
   *len = n;
   return true;
}

char *Notes_share(char *notes) {
   if (notes)
      head(notes)->holders++;
   return notes;
}

void Notes_release(char *notes) {
   if (notes && --head(notes)->holders == 0)
      free(head(notes));
}
