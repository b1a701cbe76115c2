#include "render/actions_md.h"

#include <stdlib.h>
#include <string.h>

#include "render/buf.h"
#include "render/escape.h"
#include "render/phrase.h"

static void ActionsMd_put(Buf *b, const char *s) {
   Escape_mdInline(b, s ? s : "");
}

/* "due 31 May 2017 · item 3.2 Prevention ... · Horizontal Working Party ..., 12 May 2017" */
static void ActionsMd_where(Buf *b, const ActionRow *r) {
   Buf t = BUF_INIT;
   if (*r->due) {
      Buf_add(&t, "due ");
      Phrase_date(&t, r->due);
   } else {
      Buf_add(&t, "no due date");
   }
   if (*r->item) {
      Buf_add(&t, "; item ");
      Buf_add(&t, r->item);
      if (*r->itemTitle) {
         Buf_addc(&t, ' ');
         Buf_add(&t, r->itemTitle);
      }
   }
   if (*r->meeting || *r->meetingDate) {
      Buf_add(&t, "; ");
      Buf_add(&t, r->meeting);
      if (*r->meetingDate) {
         if (*r->meeting)
            Buf_add(&t, ", ");
         Phrase_date(&t, r->meetingDate);
      }
   }
   if (r->kind == ACTION_DEADLINE && *r->setBy) {
      Buf_add(&t, "; set by ");
      Buf_add(&t, r->setBy);
   }
   ActionsMd_put(b, Buf_str(&t));
   Buf_free(&t);
}

void ActionsMd_write(FILE *out, const ActionList *l) {
   Buf b = BUF_INIT;
   fputs("# Actions and deadlines\n\n", out);
   if (l->count == 0)
      fputs("No actions or deadlines.\n", out);
   /* owners in order of first appearance after sorting; "all delegations"
    * (deadlines for everyone) last */
   char *done = calloc(l->count + 1, 1);
   if (!done)
      abort();
   for (int pass = 0; pass < 2; pass++) {
      for (size_t i = 0; i < l->count; i++) {
         const ActionRow *g = &l->rows[i];
         if (done[i] || (pass == 0) != (*g->owner != '\0'))
            continue;
         Buf_clear(&b);
         Buf_add(&b, "## ");
         if (*g->owner) {
            ActionsMd_put(&b, g->owner);
            if (*g->ownerName) {
               Buf_add(&b, " (");
               ActionsMd_put(&b, g->ownerName);
               Buf_addc(&b, ')');
            }
         } else {
            Buf_add(&b, "All delegations");
         }
         Buf_add(&b, "\n\n");
         fputs(Buf_str(&b), out);
         for (size_t j = i; j < l->count; j++) {
            const ActionRow *r = &l->rows[j];
            if (done[j] || strcmp(r->owner, g->owner) != 0)
               continue;
            done[j] = 1;
            Buf_clear(&b);
            Buf_add(&b, r->kind == ACTION_TODO && r->done ? "- [x] " : "- [ ] ");
            if (r->kind == ACTION_DEADLINE)
               Buf_add(&b, "Deadline: ");
            Buf t = BUF_INIT;
            ActionsMd_put(&t, r->what);
            Buf_add(&b, Buf_str(&t));
            Buf_free(&t);
            Buf_add(&b, " (");
            ActionsMd_where(&b, r);
            Buf_add(&b, ")\n");
            fputs(Buf_str(&b), out);
         }
         fputs("\n", out);
      }
   }
   free(done);
   Buf_free(&b);
}
