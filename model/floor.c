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
      free(f->list[i].notes);
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
