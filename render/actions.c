#include "render/actions.h"

#include <stdlib.h>
#include <string.h>

#include "model/session.h"
#include "render/buf.h"
#include "render/chars.h"

void ActionList_init(ActionList *l) {
   memset(l, 0, sizeof *l);
}

static void ActionList_freeRow(ActionRow *r) {
   free((void *)r->uid);
   free((void *)r->owner);
   free((void *)r->ownerName);
   free((void *)r->what);
   free((void *)r->due);
   free((void *)r->setBy);
   free((void *)r->item);
   free((void *)r->itemTitle);
   free((void *)r->meeting);
   free((void *)r->meetingDate);
   free((void *)r->session);
   free((void *)r->created);
}

void ActionList_free(ActionList *l) {
   for (size_t i = 0; i < l->count; i++)
      ActionList_freeRow(&l->rows[i]);
   free(l->rows);
   memset(l, 0, sizeof *l);
}

static char *ActionList_dup(const char *s) {
   return Chars_cleandup(s ? s : "", CHARS_NEWLINES);
}

void ActionList_add(ActionList *l, const ActionRow *row) {
   if (l->count == l->cap) {
      size_t cap = l->cap ? l->cap * 2 : 16;
      ActionRow *rows = realloc(l->rows, cap * sizeof *rows);
      if (!rows)
         abort();
      l->rows = rows;
      l->cap = cap;
   }
   ActionRow *r = &l->rows[l->count++];
   r->kind = row->kind;
   r->done = row->done;
   r->uid = ActionList_dup(row->uid);
   r->owner = ActionList_dup(row->owner);
   r->ownerName = ActionList_dup(row->ownerName);
   r->what = ActionList_dup(row->what);
   r->due = ActionList_dup(row->due);
   r->setBy = ActionList_dup(row->setBy);
   r->item = ActionList_dup(row->item);
   r->itemTitle = ActionList_dup(row->itemTitle);
   r->meeting = ActionList_dup(row->meeting);
   r->meetingDate = ActionList_dup(row->meetingDate);
   r->session = ActionList_dup(row->session);
   r->created = ActionList_dup(row->created);
}

/* The item's number as the session prints it, and its title. */
static void ActionList_item(const Session *s, size_t idx, char *num, size_t n, const char **title) {
   num[0] = '\0';
   *title = "";
   const Item *it = idx == GV_NONE ? NULL : Agenda_item(&s->agenda, idx);
   if (!it || it->dropped)
      return;
   Agenda_label(&s->agenda, idx, s->meta.numbering, num, n);
   *title = it->title ? it->title : "";
}

static const char *ActionList_phrase(const Delegation *d) {
   if (!d)
      return "";
   return d->phrase && *d->phrase ? d->phrase : d->name ? d->name : d->code;
}

void ActionList_addSession(ActionList *l, const Session *s) {
   char meetingDate[11] = "";
   if (s->meta.date != GV_NO_DAY)
      Date_format_iso(s->meta.date, meetingDate);
   const char *meeting = s->meta.body && *s->meta.body ? s->meta.body
                         : s->meta.to ? s->meta.to : "";
   for (size_t i = 0; i < s->rec.nactions; i++) {
      const Action *a = &s->rec.actions[i];
      const Delegation *owner = a->owner == GV_NONE ? NULL : Roster_get(&s->roster, a->owner);
      char due[11] = "", created[20] = "", num[64];
      const char *title;
      if (a->due != GV_NO_DAY)
         Date_format_iso(a->due, due);
      if (a->created != GV_NO_TIME)
         Time_format_iso(a->created, created);
      ActionList_item(s, a->item, num, sizeof num, &title);
      ActionRow r = {
         .kind = ACTION_TODO, .uid = a->uuid, .owner = owner ? owner->code : "",
         .ownerName = ActionList_phrase(owner), .what = a->what, .due = due, .done = a->done,
         .setBy = "", .item = num, .itemTitle = title, .meeting = meeting,
         .meetingDate = meetingDate, .session = s->uuid, .created = created,
      };
      ActionList_add(l, &r);
   }
   for (size_t i = 0; i < s->rec.ndeadlines; i++) {
      const Deadline *d = &s->rec.deadlines[i];
      const Delegation *who = d->for_whom == GV_NONE ? NULL : Roster_get(&s->roster, d->for_whom);
      const Delegation *by = d->set_by == GV_NONE ? NULL : Roster_get(&s->roster, d->set_by);
      char due[11] = "", created[20] = "", num[64];
      const char *title;
      if (d->day != GV_NO_DAY)
         Date_format_iso(d->day, due);
      if (d->time != GV_NO_TIME)
         Time_format_iso(d->time, created);
      ActionList_item(s, d->item, num, sizeof num, &title);
      ActionRow r = {
         .kind = ACTION_DEADLINE, .uid = d->uuid, .owner = who ? who->code : "",
         .ownerName = who ? ActionList_phrase(who) : "all delegations", .what = d->what,
         .due = due, .done = 0, .setBy = by ? by->code : "", .item = num, .itemTitle = title,
         .meeting = meeting, .meetingDate = meetingDate, .session = s->uuid, .created = created,
      };
      ActionList_add(l, &r);
   }
}

static int ActionList_ieq(const char *a, const char *b) {
   for (; *a && *b; a++, b++) {
      char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 'a' + 'A') : *a;
      char y = *b >= 'a' && *b <= 'z' ? (char)(*b - 'a' + 'A') : *b;
      if (x != y)
         return 0;
   }
   return *a == *b;
}

/* Is code a unit of parent ("COM/HOME" of "COM")? */
static int ActionList_isUnitOf(const char *code, const char *parent) {
   const char *slash = strchr(code, '/');
   if (!slash || (size_t)(slash - code) != strlen(parent))
      return 0;
   for (size_t i = 0; parent[i]; i++) {
      char x = code[i] >= 'a' && code[i] <= 'z' ? (char)(code[i] - 'a' + 'A') : code[i];
      char y = parent[i] >= 'a' && parent[i] <= 'z' ? (char)(parent[i] - 'a' + 'A') : parent[i];
      if (x != y)
         return 0;
   }
   return 1;
}

void ActionList_filter(ActionList *l, int openOnly, const char *owner) {
   size_t k = 0;
   for (size_t i = 0; i < l->count; i++) {
      ActionRow *r = &l->rows[i];
      int keep = 1;
      if (openOnly && r->kind == ACTION_TODO && r->done)
         keep = 0;
      if (owner && *owner) {
         /* COM takes in its units' actions too (COM/HOME, COM/CNECT) */
         int mine = ActionList_ieq(r->owner, owner) || ActionList_isUnitOf(r->owner, owner);
         if (r->kind == ACTION_TODO)
            keep &= mine;
         else
            keep &= *r->owner == '\0' || mine;
      }
      if (keep)
         l->rows[k++] = *r;
      else
         ActionList_freeRow(r);
   }
   l->count = k;
}

static int ActionList_cmp(const void *pa, const void *pb) {
   const ActionRow *a = pa, *b = pb;
   /* undated rows last */
   if (!*a->due != !*b->due)
      return *a->due ? -1 : 1;
   int c = strcmp(a->due, b->due);
   if (c == 0)
      c = strcmp(a->meetingDate, b->meetingDate);
   if (c == 0)
      c = strcmp(a->session, b->session);
   if (c == 0)
      c = strcmp(a->item, b->item);
   if (c == 0)
      c = (int)a->kind - (int)b->kind;
   if (c == 0)
      c = strcmp(a->created, b->created);
   if (c == 0)
      c = strcmp(a->uid, b->uid);
   return c;
}

void ActionList_sort(ActionList *l) {
   if (l->count > 1)
      qsort(l->rows, l->count, sizeof *l->rows, ActionList_cmp);
}
