#include "render/actions_txt.h"

#include <string.h>

#include "render/buf.h"
#include "render/phrase.h"
#include "render/wrap.h"

/* One entry per row:
 *   [ ] 2017-05-31  FR      send written comments on WK 4977/17
 *                           item 3.2 Prevention ...; Horizontal Working Party ..., 12 May 2017; id 1b4e28ba */
void ActionsTxt_write(FILE *out, const ActionList *l) {
   Buf b = BUF_INIT, first = BUF_INIT, t = BUF_INIT;
   const char *indent = "                            ";   /* 28 columns */
   if (l->count == 0)
      fputs("No actions or deadlines.\n", out);
   for (size_t i = 0; i < l->count; i++) {
      const ActionRow *r = &l->rows[i];
      Buf_clear(&b);
      Buf_clear(&first);
      Buf_clear(&t);
      Buf_add(&first, r->kind == ACTION_DEADLINE ? "DL  " : r->done ? "[x] " : "[ ] ");
      Buf_add(&first, *r->due ? r->due : "----------");
      Buf_add(&first, "  ");
      const char *who = *r->owner ? r->owner : "all";
      size_t wl = strlen(who);
      if (wl <= 12) {
         Buf_add(&first, who);
         for (size_t k = wl; k < 12; k++)
            Buf_addc(&first, ' ');
      } else {
         Buf_add(&t, who);
         Buf_add(&t, ": ");
         for (size_t k = 0; k < 12; k++)
            Buf_addc(&first, ' ');
      }
      if (r->kind == ACTION_DEADLINE)
         Buf_add(&t, "Deadline: ");
      Buf_add(&t, r->what);
      Wrap_text(&b, Buf_str(&t), 80, Buf_str(&first), indent);
      Buf_clear(&t);
      if (*r->item) {
         Buf_add(&t, "item ");
         Buf_add(&t, r->item);
         if (*r->itemTitle) {
            Buf_addc(&t, ' ');
            Buf_add(&t, r->itemTitle);
         }
         Buf_add(&t, "; ");
      }
      Buf_add(&t, r->meeting);
      if (*r->meetingDate) {
         Buf_add(&t, ", ");
         Phrase_date(&t, r->meetingDate);
      }
      if (r->kind == ACTION_DEADLINE && *r->setBy) {
         Buf_add(&t, "; set by ");
         Buf_add(&t, r->setBy);
      }
      /* What `gavel done ID` takes: the first 8 characters are enough. */
      if (r->kind == ACTION_TODO && strlen(r->uid) >= 8) {
         Buf_add(&t, "; id ");
         for (int k = 0; k < 8; k++)
            Buf_addc(&t, r->uid[k]);
      }
      Wrap_text(&b, Buf_str(&t), 80, indent, indent);
      fputs(Buf_str(&b), out);
   }
   Buf_free(&b);
   Buf_free(&first);
   Buf_free(&t);
}
