#include "render/actions_ics.h"

#include <string.h>

#include "model/date.h"
#include "render/buf.h"
#include "render/escape.h"
#include "render/phrase.h"

/* Writes NAME:escaped-text as one folded content line. */
static void ActionsIcs_text(FILE *out, Buf *b, const char *name, const char *text) {
   Buf_clear(b);
   Buf_add(b, name);
   Buf_addc(b, ':');
   Escape_ical(b, text);
   Escape_icalline(out, Buf_str(b));
}

/* NAME;VALUE=DATE:YYYYMMDD from an ISO date; nothing when there is none. */
static void ActionsIcs_date(FILE *out, Buf *b, const char *name, const char *iso, int plusDay) {
   if (!iso || strlen(iso) < 10)
      return;
   int y = 0, m = 0, d = 0;
   if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
      return;
   if (!Date_valid(y, (unsigned)m, (unsigned)d))
      return;
   if (plusDay) {
      /* The day after, by the model's calendar (model/date.c). */
      int64_t yy;
      unsigned mm, dd;
      Date_civil_from_days(Date_days_from_civil(y, (unsigned)m, (unsigned)d) + 1, &yy, &mm, &dd);
      y = (int)yy;
      m = (int)mm;
      d = (int)dd;
   }
   Buf_clear(b);
   Buf_addf(b, "%s;VALUE=DATE:%04d%02d%02d", name, y, m, d);
   Escape_icalline(out, Buf_str(b));
}

/* What the calendar shows under the title: where the action came from. */
static void ActionsIcs_description(FILE *out, Buf *b, const ActionRow *r) {
   Buf d = BUF_INIT;
   if (r->kind == ACTION_DEADLINE) {
      Buf_add(&d, "Deadline for ");
      Buf_add(&d, *r->ownerName ? r->ownerName : "all delegations");
      if (*r->setBy) {
         Buf_add(&d, ", set by ");
         Buf_add(&d, r->setBy);
      }
      Buf_add(&d, ".\n");
   } else {
      Buf_add(&d, "Action for ");
      Buf_add(&d, *r->ownerName ? r->ownerName : r->owner);
      Buf_add(&d, ".\n");
   }
   if (*r->item) {
      Buf_add(&d, "Item ");
      Buf_add(&d, r->item);
      if (*r->itemTitle) {
         Buf_add(&d, " ");
         Buf_add(&d, r->itemTitle);
      }
      Buf_add(&d, "\n");
   }
   Buf_add(&d, r->meeting);
   if (*r->meetingDate) {
      Buf_add(&d, ", ");
      Phrase_date(&d, r->meetingDate);
   }
   ActionsIcs_text(out, b, "DESCRIPTION", Buf_str(&d));
   Buf_free(&d);
}

void ActionsIcs_write(FILE *out, const ActionList *l, const char *dtstamp) {
   Buf b = BUF_INIT;
   Escape_icalline(out, "BEGIN:VCALENDAR");
   Escape_icalline(out, "VERSION:2.0");
   Escape_icalline(out, "PRODID:-//gavel//gavel " GAVEL_VERSION "//EN");
   Escape_icalline(out, "CALSCALE:GREGORIAN");
   Escape_icalline(out, "METHOD:PUBLISH");
   for (size_t i = 0; i < l->count; i++) {
      const ActionRow *r = &l->rows[i];
      int todo = r->kind == ACTION_TODO;
      Escape_icalline(out, todo ? "BEGIN:VTODO" : "BEGIN:VEVENT");
      Buf_clear(&b);
      Buf_addf(&b, "UID:%s@gavel", r->uid);
      Escape_icalline(out, Buf_str(&b));
      Buf_clear(&b);
      Buf_addf(&b, "DTSTAMP:%s", dtstamp);
      Escape_icalline(out, Buf_str(&b));
      if (todo) {
         Buf s = BUF_INIT;
         Buf_add(&s, r->owner);
         Buf_add(&s, ": ");
         Buf_add(&s, r->what);
         ActionsIcs_text(out, &b, "SUMMARY", Buf_str(&s));
         Buf_free(&s);
         ActionsIcs_date(out, &b, "DUE", r->due, 0);
         Escape_icalline(out, r->done ? "STATUS:COMPLETED" : "STATUS:NEEDS-ACTION");
      } else {
         Buf s = BUF_INIT;
         Buf_add(&s, "Deadline: ");
         Buf_add(&s, r->what);
         ActionsIcs_text(out, &b, "SUMMARY", Buf_str(&s));
         Buf_free(&s);
         ActionsIcs_date(out, &b, "DTSTART", r->due, 0);
         ActionsIcs_date(out, &b, "DTEND", r->due, 1);
         Escape_icalline(out, "TRANSP:TRANSPARENT");
      }
      ActionsIcs_description(out, &b, r);
      if (*r->meeting)
         ActionsIcs_text(out, &b, "CATEGORIES", r->meeting);
      Escape_icalline(out, todo ? "END:VTODO" : "END:VEVENT");
   }
   Escape_icalline(out, "END:VCALENDAR");
   Buf_free(&b);
}
