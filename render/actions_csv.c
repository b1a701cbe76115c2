#include "render/actions_csv.h"

#include "render/buf.h"
#include "render/escape.h"

static void ActionsCsv_row(FILE *out, Buf *b, const char *const *cells, size_t n) {
   Buf_clear(b);
   for (size_t i = 0; i < n; i++) {
      if (i > 0)
         Buf_addc(b, ',');
      Escape_csv(b, cells[i] ? cells[i] : "");
   }
   Buf_add(b, "\r\n");
   fputs(Buf_str(b), out);
}

void ActionsCsv_write(FILE *out, const ActionList *l) {
   static const char *const head[] = {
      "type", "id", "owner", "owner_name", "what", "due", "status", "set_by",
      "item", "item_title", "meeting", "meeting_date", "session",
   };
   Buf b = BUF_INIT;
   ActionsCsv_row(out, &b, head, sizeof head / sizeof *head);
   for (size_t i = 0; i < l->count; i++) {
      const ActionRow *r = &l->rows[i];
      const char *cells[] = {
         r->kind == ACTION_DEADLINE ? "deadline" : "action",
         r->uid, r->owner, r->ownerName, r->what, r->due,
         r->kind == ACTION_DEADLINE ? "" : r->done ? "done" : "open",
         r->setBy, r->item, r->itemTitle, r->meeting, r->meetingDate, r->session,
      };
      ActionsCsv_row(out, &b, cells, sizeof cells / sizeof *cells);
   }
   Buf_free(&b);
}
