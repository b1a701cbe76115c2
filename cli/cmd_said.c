/* gavel said CODE [--since DATE]: everything one delegation said, meeting
 * by meeting (oldest first), item by item: its interventions, its position
 * and its reservations. What a chair reads before the next meeting. */
#include "cli/cmd_said.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli/archive_scan.h"
#include "model/date.h"
#include "model/visible.h"

typedef struct Said {
   const char *code;
   DayRange range;
   GvBuf out;             /* per session, in file order: sorted by day below */
   struct SaidPart { int64_t day; size_t from, to; } *parts;
   size_t nparts, cap;
   size_t found;
} Said;

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

static bool Said_mine(const Session *s, size_t deleg, const char *code) {
   /* A unit (COM/HOME) speaks for its parent too. */
   for (size_t d = deleg; d != GV_NONE; d = s->roster.list[d].parent)
      if (strcasecmp(s->roster.list[d].code, code) == 0)
         return true;
   return false;
}

static void Said_visit(void *ud, const ArchiveEntry *e, const Session *s) {
   Said *w = ud;
   if (!ArchiveCli_inRange(&w->range, e->day))
      return;
   size_t from = w->out.len;
   bool header = false;
   const Agenda *ag = &s->agenda;
   for (size_t k = 0; k < Agenda_count(ag); k++) {
      size_t idx = Agenda_index_at(ag, k);
      const Item *it = &ag->items[idx];
      bool itemHeader = false;
#define SAID_HEADERS()                                                                  \
      do {                                                                              \
         if (!header) {                                                                 \
            char date[11] = "(no date)";                                                \
            if (e->day != GV_NO_DAY)                                                    \
               Date_format_iso(e->day, date);                                           \
            GvBuf_printf(&w->out, "%s  ", date);                                       \
            Visible_append(&w->out, s->meta.body ? s->meta.body : "(no body)",          \
                           strlen(s->meta.body ? s->meta.body : "(no body)"), 0);       \
            GvBuf_puts(&w->out, "  ");                                                  \
            Visible_append(&w->out, e->path, strlen(e->path), 0);                       \
            GvBuf_putc(&w->out, '\n');                                                  \
            header = true;                                                              \
         }                                                                              \
         if (!itemHeader) {                                                             \
            char num[32];                                                               \
            Agenda_path(ag, idx, num, sizeof num);                                      \
            GvBuf_printf(&w->out, "  %s ", num);                                       \
            Visible_append(&w->out, it->title ? it->title : "", it->title ? strlen(it->title) : 0, 0); \
            GvBuf_putc(&w->out, '\n');                                                  \
            itemHeader = true;                                                          \
         }                                                                              \
      } while (0)
      for (size_t v = 0; v < it->ninterventions; v++) {
         const Intervention *iv = &s->floor.list[it->interventions[v]];
         if (!Said_mine(s, iv->delegation, w->code))
            continue;
         SAID_HEADERS();
         char t[9], label[64];
         Time_format_hm(iv->start, false, t);
         snprintf(label, sizeof label, "%s %s", t, s->roster.list[iv->delegation].code);
         Said_text(&w->out, label, iv->notes, iv->notes_len);
         w->found++;
      }
      for (size_t p = 0; p < s->rec.npos; p++) {
         const Position *pos = &s->rec.pos[p];
         if (pos->item != idx || !Said_mine(s, pos->delegation, w->code))
            continue;
         SAID_HEADERS();
         char label[64];
         snprintf(label, sizeof label, "position: %s", GvStance_word(pos->stance));
         Said_text(&w->out, label, pos->text, strlen(pos->text));
         w->found++;
      }
      for (size_t r = 0; r < s->rec.nres; r++) {
         const Reservation *res = &s->rec.res[r];
         if (res->item != idx || !Said_mine(s, res->delegation, w->code))
            continue;
         SAID_HEADERS();
         char label[96];
         snprintf(label, sizeof label, "reservation: %s (%s)", GvReserveType_word(res->type),
                  GvReserveStatus_word(res->status));
         Said_text(&w->out, label, res->text, strlen(res->text));
         w->found++;
      }
#undef SAID_HEADERS
   }
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
   w->parts[w->nparts++] = (struct SaidPart){ e->day, from, w->out.len };
}

static int Said_oldest(const void *x, const void *y) {
   const struct SaidPart *a = x, *b = y;
   if (a->day != b->day)
      return a->day < b->day ? -1 : 1;
   return (a->from > b->from) - (a->from < b->from);
}

int CmdSaid_run(const CliEnv *env, int argc, char **argv) {
   Said w;
   memset(&w, 0, sizeof w);
   w.range = (DayRange){ GV_NO_DAY, GV_NO_DAY };
   for (int i = 1; i < argc; i++) {
      int r = ArchiveCli_dateOption(env, argc, argv, &i, &w.range);
      if (r < 0)
         return CLI_USAGE;
      if (r > 0)
         continue;
      if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
         fputs("usage: gavel said CODE [--since DATE] [--until DATE]\n", stdout);
         return CLI_OK;
      }
      if (argv[i][0] == '-' || w.code)
         return Cli_usage(env, "said: unexpected '%s' (gavel said CODE [--since DATE])", argv[i]);
      w.code = argv[i];
   }
   if (!w.code)
      return Cli_usage(env, "said needs a delegation CODE (gavel said FR)");
   Archive a;
   ArchiveScan how = { .today = ArchiveCli_today(), .visit = Said_visit, .ud = &w };
   int rc = CLI_FAIL;
   if (ArchiveCli_scan(env, &a, &how) == 0) {
      ArchiveCli_reportProblems(env, &a);
      if (w.nparts > 1)
         qsort(w.parts, w.nparts, sizeof *w.parts, Said_oldest);
      for (size_t i = 0; i < w.nparts; i++)
         fwrite(w.out.data + w.parts[i].from, 1, w.parts[i].to - w.parts[i].from, stdout);
      if (!w.found) {
         char *v = Visible_dup(w.code, 0);
         fprintf(stderr, "%s: nothing recorded for %s\n", env->progname, v ? v : "");
         free(v);
      }
      rc = w.found && fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
      Archive_free(&a);
   }
   free(w.parts);
   GvBuf_free(&w.out);
   return rc;
}
