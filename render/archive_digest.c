#include "render/archive_digest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/date.h"
#include "model/dossier.h"


void ArchiveDigest_build(const Session *s, ArchiveDigest *out) {
   const Agenda *ag = &s->agenda;
   size_t *ord = malloc((ag->count + 1) * sizeof *ord);
   if (!ord)
      return;
   for (size_t i = 0; i < ag->count; i++)
      ord[i] = GV_NONE;
   for (size_t k = 0; k < Agenda_count(ag); k++) {
      size_t idx = Agenda_index_at(ag, k);
      const Item *it = &ag->items[idx];
      char num[32], key[512];
      Agenda_path(ag, idx, num, sizeof num);
      GvBuf docs = GV_BUF_INIT, keys = GV_BUF_INIT, outcome = GV_BUF_INIT;
      for (size_t d = 0; d < it->ndocs; d++) {
         GvBuf_printf(&docs, "%s%s", d ? ", " : "", it->docs[d].text);
         if (Dossier_docKey(&it->docs[d], key, sizeof key))
            GvBuf_printf(&keys, "%s%s", keys.len ? "\x1f" : "", key);
      }
      if (it->dossier && Dossier_tagKey(it->dossier, key, sizeof key))
         GvBuf_printf(&keys, "%s%s", keys.len ? "\x1f" : "", key);
      if (it->outcome != GV_OUTCOME_NONE)
         GvBuf_printf(&outcome, "%s%s%s", GvOutcome_word(it->outcome),
                      it->outcome_text ? ": " : "", it->outcome_text ? it->outcome_text : "");
      const char *f[DIGEST_ITEM_FIELDS] = {
         num, it->title, it->dossier ? it->dossier : "", GvBuf_str(&outcome), GvBuf_str(&docs),
         GvBuf_str(&keys), it->notes ? it->notes : "",
         it->requested_by != GV_NONE ? s->roster.list[it->requested_by].code : "" };
      ArchiveDigest_add(out, 'I', DIGEST_ITEM_FIELDS, f);
      GvBuf_free(&docs);
      GvBuf_free(&keys);
      GvBuf_free(&outcome);
      ord[idx] = k;
   }
   char n1[24], n2[24], n3[24];
   GvBuf notes = GV_BUF_INIT;
   for (size_t k = 0; k < Agenda_count(ag); k++) {
      const Item *it = &ag->items[Agenda_index_at(ag, k)];
      for (size_t v = 0; v < it->ninterventions; v++) {
         const Intervention *iv = &s->floor.list[it->interventions[v]];
         char t[9];
         Time_format_hm(iv->start, false, t);
         snprintf(n1, sizeof n1, "%zu", k);
         const char *f[DIGEST_V_FIELDS] = { n1, s->roster.list[iv->delegation].code, t,
                                            Notes_text(&iv->notes, &notes), iv->uuid };
         ArchiveDigest_add(out, 'V', DIGEST_V_FIELDS, f);
      }
   }
   GvBuf_free(&notes);
   for (size_t p = 0; p < s->rec.npos; p++) {
      const Position *pos = &s->rec.pos[p];
      if (pos->item >= ag->count || ord[pos->item] == GV_NONE)
         continue;
      snprintf(n1, sizeof n1, "%zu", ord[pos->item]);
      snprintf(n2, sizeof n2, "%d", (int)pos->stance);
      const char *f[DIGEST_P_FIELDS] = { n1, s->roster.list[pos->delegation].code, n2, pos->text,
                                         pos->uuid };
      ArchiveDigest_add(out, 'P', DIGEST_P_FIELDS, f);
   }
   for (size_t r = 0; r < s->rec.nres; r++) {
      const Reservation *res = &s->rec.res[r];
      if (res->item >= ag->count || ord[res->item] == GV_NONE)
         continue;
      snprintf(n1, sizeof n1, "%zu", ord[res->item]);
      snprintf(n2, sizeof n2, "%d", (int)res->type);
      snprintf(n3, sizeof n3, "%d", (int)res->status);
      const char *f[DIGEST_R_FIELDS] = { n1, s->roster.list[res->delegation].code, n2, n3, res->text,
                                         res->uuid };
      ArchiveDigest_add(out, 'R', DIGEST_R_FIELDS, f);
   }
   free(ord);
   ActionList l;
   ActionList_init(&l);
   ActionList_addSession(&l, s);
   for (size_t i = 0; i < l.count; i++) {
      const ActionRow *r = &l.rows[i];
      const char *f[DIGEST_ROW_FIELDS] = { r->kind == ACTION_DEADLINE ? "D" : "A", r->uid, r->owner,
                                    r->ownerName, r->what, r->due, r->done ? "1" : "0", r->setBy,
                                    r->item, r->itemTitle, r->meeting, r->meetingDate, r->session,
                                    r->created };
      ArchiveDigest_add(out, 'A', DIGEST_ROW_FIELDS, f);
   }
   ActionList_free(&l);
}

void ArchiveDigest_actions(const ArchiveDigest *d, ActionList *l, int openOnly) {
   for (size_t i = 0; i < d->count; i++) {
      const ArchiveRecord *rec = &d->recs[i];
      if (rec->type != 'A' || rec->nfields != DIGEST_ROW_FIELDS)
         continue;
      char *const *f = rec->fields;
      if (openOnly && f[6][0] == '1')
         continue;
      ActionRow r = {
         .kind = f[0][0] == 'D' ? ACTION_DEADLINE : ACTION_TODO, .uid = f[1], .owner = f[2],
         .ownerName = f[3], .what = f[4], .due = f[5], .done = f[6][0] == '1', .setBy = f[7],
         .item = f[8], .itemTitle = f[9], .meeting = f[10], .meetingDate = f[11],
         .session = f[12], .created = f[13],
      };
      ActionList_add(l, &r);
   }
}
