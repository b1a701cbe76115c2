#include "render/archive_report.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/date.h"
#include "model/record.h"

static int Report_items(const void *x, const void *y) {
   const ArchItem *a = *(const ArchItem *const *)x, *b = *(const ArchItem *const *)y;
   if (a->day != b->day)
      return a->day < b->day ? -1 : 1;
   return (a->seq > b->seq) - (a->seq < b->seq);
}

static void Report_day(int64_t day, char out[11]) {
   if (day == GV_NO_DAY)
      snprintf(out, 11, "(no date)");
   else
      Date_format_iso(day, out);
}

bool ArchiveReport_dossier(FILE *out, ArchiveItems *ai, size_t group) {
   const ArchItem **mine = malloc((ai->nitems + 1) * sizeof *mine);
   size_t n = 0;
   for (size_t i = 0; mine && i < ai->nitems; i++)
      if (ai->items[i].group == group)
         mine[n++] = &ai->items[i];
   if (!mine)
      return false;
   qsort(mine, n, sizeof *mine, Report_items);
   char day[11];
   fprintf(out, "Dossier: %s (%zu item%s)\n\n", ArchiveItems_label(ai, group), n, n == 1 ? "" : "s");
   for (size_t i = 0; i < n; i++) {
      const ArchItem *a = mine[i];
      Report_day(a->day, day);
      fprintf(out, "%s  %s  %s %s\n", day, a->body ? a->body : "", a->num, a->title);
      if (a->docs[0])
         fprintf(out, "    documents: %s\n", a->docs);
      if (a->tag)
         fprintf(out, "    dossier: %s\n", a->tag);
      fprintf(out, "    outcome: %s\n", a->outcome[0] ? a->outcome : "none recorded");
   }
   size_t *pos = ArchiveItems_sorted(ai, false);
   bool any = false;
   for (size_t at = 0; pos && at < ai->npos;) {
      size_t end = ArchiveItems_chainEnd(ai, pos, ai->npos, at, false);
      const ArchRecord *last = &ai->pos[pos[end - 1]];
      at = end;
      if (ai->items[last->item].group != group)
         continue;
      if (!any)
         fprintf(out, "\nLatest positions\n");
      any = true;
      Report_day(ai->items[last->item].day, day);
      fprintf(out, "  %-8s %-10s %s  %s\n", last->code, GvStance_word((GvStance)last->kind), day, last->text);
   }
   free(pos);
   size_t *res = ArchiveItems_sorted(ai, true);
   any = false;
   for (size_t at = 0; res && at < ai->nres;) {
      size_t end = ArchiveItems_chainEnd(ai, res, ai->nres, at, true);
      const ArchRecord *first = &ai->res[res[at]], *last = &ai->res[res[end - 1]];
      at = end;
      if (ai->items[last->item].group != group || last->status == GV_RESERVE_LIFTED)
         continue;
      if (!any)
         fprintf(out, "\nStanding reservations\n");
      any = true;
      char since[11];
      Report_day(ai->items[first->item].day, since);
      Report_day(ai->items[last->item].day, day);
      fprintf(out, "  %-8s %-13s entered %s, last %s  %s\n", first->code,
             GvReserveType_word((GvReserveType)first->kind), since, day,
             last->text[0] ? last->text : first->text);
   }
   free(res);
   free(mine);
   return true;
}

void ArchiveReport_reservations(ArchiveItems *ai, bool openOnly, const char *deleg, size_t group,
                                void (*row)(void *ud, const char *const cells[9]), void *ud) {
   size_t *idx = ArchiveItems_sorted(ai, true);
   for (size_t at = 0; idx && at < ai->nres;) {
      size_t end = ArchiveItems_chainEnd(ai, idx, ai->nres, at, true);
      const ArchRecord *first = &ai->res[idx[at]], *last = &ai->res[idx[end - 1]];
      const ArchItem *fi = &ai->items[first->item], *li = &ai->items[last->item];
      at = end;
      bool standing = last->status != GV_RESERVE_LIFTED;
      if ((openOnly && !standing) || (deleg && strcasecmp(deleg, first->code) != 0) ||
          (group != GV_NONE && fi->group != group))
         continue;
      char entered[11] = "", lastDay[11] = "", lastCell[64];
      if (fi->day != GV_NO_DAY)
         Date_format_iso(fi->day, entered);
      if (li->day != GV_NO_DAY)
         Date_format_iso(li->day, lastDay);
      /* A reservation re-entered in a later meeting reads as maintained there. */
      const char *how = end - 1 > (size_t)0 && last != first && last->status == GV_RESERVE_ENTERED
                           ? "maintained" : GvReserveStatus_word(last->status);
      snprintf(lastCell, sizeof lastCell, "%s %s", how, lastDay);
      const char *text = last->text[0] ? last->text : first->text;
      char item[512];
      snprintf(item, sizeof item, "%s %s", li->num, li->title);
      const char *cells[9] = { first->code, GvReserveType_word((GvReserveType)first->kind),
                               ArchiveItems_label(ai, fi->group), entered,
                               last == first && last->status == GV_RESERVE_ENTERED ? "" : lastCell,
                               standing ? "standing" : "lifted", text, item, li->path };
      row(ud, cells);
   }
   free(idx);
}
