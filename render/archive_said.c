#include "render/archive_said.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/date.h"
#include "model/record.h"
#include "model/visible.h"
#include "render/archive_digest.h"

void ArchiveSaid_init(ArchiveSaid *w, const char *code) {
   memset(w, 0, sizeof *w);
   w->code = code;
   GvBuf_init(&w->out);
}

static void Said_text(GvBuf *b, const char *label, const char *s, size_t n) {
   GvBuf_printf(b, "    %s", label);
   if (n) {
      GvBuf_puts(b, ": ");
      /* Multi-line notes keep their lines, indented under the label. */
      size_t at = 0;
      while (at < n) {
         const char *nl = memchr(s + at, '\n', n - at);
         size_t k = nl ? (size_t)(nl - (s + at)) : n - at;
         Visible_append(b, s + at, k, 0);
         at += k + (nl ? 1 : 0);
         if (nl)
            GvBuf_puts(b, "\n      ");
      }
   }
   GvBuf_putc(b, '\n');
}

/* A unit (COM/HOME) speaks for its parent (COM) too. */
static bool Said_mine(const char *deleg, const char *code) {
   size_t n = strlen(code);
   return strcasecmp(deleg, code) == 0 || (strncasecmp(deleg, code, n) == 0 && deleg[n] == '/');
}

typedef struct SaidRec {
   size_t item, kind, seq;   /* kind: 0 intervention, 1 position, 2 reservation */
   const ArchiveRecord *r;
} SaidRec;

static int Said_order(const void *x, const void *y) {
   const SaidRec *a = x, *b = y;
   if (a->item != b->item)
      return a->item < b->item ? -1 : 1;
   if (a->kind != b->kind)
      return a->kind < b->kind ? -1 : 1;
   return (a->seq > b->seq) - (a->seq < b->seq);
}

/* One session's digest (render/archive_digest.h): this delegation's records,
 * item by item, under a header for the meeting. */
void ArchiveSaid_digest(ArchiveSaid *w, int64_t day, const char *body, const char *path,
                        const ArchiveDigest *d) {
      const ArchiveRecord **items = malloc((d->count + 1) * sizeof *items);
   SaidRec *mine = malloc((d->count + 1) * sizeof *mine);
   size_t nitems = 0, n = 0;
   if (!items || !mine) {
      free(items);
      free(mine);
      return;
   }
   for (size_t i = 0; i < d->count; i++) {
      const ArchiveRecord *r = &d->recs[i];
      if (r->type == 'I' && r->nfields == DIGEST_ITEM_FIELDS)
         items[nitems++] = r;
      else if ((r->type == 'V' && r->nfields == DIGEST_V_FIELDS) ||
               (r->type == 'P' && r->nfields == DIGEST_P_FIELDS) ||
               (r->type == 'R' && r->nfields == DIGEST_R_FIELDS))
         if (Said_mine(r->fields[1], w->code))
            mine[n++] = (SaidRec){ (size_t)strtoull(r->fields[0], NULL, 10),
                                   r->type == 'V' ? 0u : r->type == 'P' ? 1u : 2u, i, r };
   }
   if (n > 1)
      qsort(mine, n, sizeof *mine, Said_order);
   size_t from = w->out.len;
   char date[11] = "(no date)";
   if (n) {
      if (day != GV_NO_DAY)
         Date_format_iso(day, date);
      GvBuf_printf(&w->out, "%s  ", date);
      const char *b = body ? body : "(no body)";
      Visible_append(&w->out, b, strlen(b), 0);
      if (path) {
         GvBuf_puts(&w->out, "  ");
         Visible_append(&w->out, path, strlen(path), 0);
      }
      GvBuf_putc(&w->out, '\n');
   }
   for (size_t i = 0; i < n; i++) {
      const SaidRec *m = &mine[i];
      if (m->item >= nitems)
         continue;
      if (i == 0 || mine[i - 1].item != m->item) {
         char *const *it = items[m->item]->fields;
         GvBuf_puts(&w->out, "  ");
         Visible_append(&w->out, it[0], strlen(it[0]), 0);
         GvBuf_putc(&w->out, ' ');
         Visible_append(&w->out, it[1], strlen(it[1]), 0);
         GvBuf_putc(&w->out, '\n');
      }
      char *const *f = m->r->fields;
      char label[128];
      const char *text;
      if (m->kind == 0) {
         snprintf(label, sizeof label, "%s %s", f[2], f[1]);
         text = f[3];
      } else if (m->kind == 1) {
         snprintf(label, sizeof label, "position: %s", GvStance_word((GvStance)atoi(f[2])));
         text = f[3];
      } else {
         snprintf(label, sizeof label, "reservation: %s (%s)",
                  GvReserveType_word((GvReserveType)atoi(f[2])),
                  GvReserveStatus_word((GvReserveStatus)atoi(f[3])));
         text = f[4];
      }
      Said_text(&w->out, label, text, strlen(text));
      w->found++;
   }
   free(items);
   free(mine);
   if (w->out.len == from)
      return;
   if (w->nparts == w->cap) {
      size_t cap = w->cap ? w->cap * 2 : 32;
      struct SaidPart *p = realloc(w->parts, cap * sizeof *p);
      if (!p)
         return;
      w->parts = p;
      w->cap = cap;
   }
   w->parts[w->nparts++] = (struct SaidPart){ day, from, w->out.len };
}

static int Said_oldest(const void *x, const void *y) {
   const struct SaidPart *a = x, *b = y;
   if (a->day != b->day)
      return a->day < b->day ? -1 : 1;
   return (a->from > b->from) - (a->from < b->from);
}

void ArchiveSaid_text(ArchiveSaid *w, GvBuf *out) {
   if (w->nparts > 1)
      qsort(w->parts, w->nparts, sizeof *w->parts, Said_oldest);
   for (size_t i = 0; i < w->nparts; i++)
      GvBuf_append(out, w->out.data + w->parts[i].from, w->parts[i].to - w->parts[i].from);
}

void ArchiveSaid_free(ArchiveSaid *w) {
   free(w->parts);
   GvBuf_free(&w->out);
   memset(w, 0, sizeof *w);
}
