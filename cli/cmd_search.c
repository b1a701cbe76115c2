/* gavel search: words and quoted phrases over every session of the archive
 * (notes, item titles, outcomes, positions, reservations, deadlines,
 * actions), case- and accent-insensitive (model/match.h). Each hit: date,
 * body, item number and title, delegation and the text in context with the
 * match marked: bold on a terminal, [brackets] elsewhere. Newest first.
 * Exit 1 when nothing matches, like grep. A session whose file cannot hold
 * every word is not replayed at all (Match_couldContain). */
#include "cli/cmd_search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/archive_scan.h"
#include "cli/table.h"
#include "model/date.h"
#include "model/dossier.h"
#include "model/match.h"
#include "model/visible.h"

static const char CmdSearch_usage[] =
   "usage: gavel search QUERY [--delegation CODE] [--doc REF] [--item TEXT]\n"
   "                    [--since DATE] [--until DATE] [--format text|csv|json]\n"
   "  words and \"quoted phrases\", all of which must occur; case and accents ignored\n";

enum { SEARCH_SPANS = 32, SEARCH_BEFORE = 50, SEARCH_WIDTH = 200 };

typedef struct Hit {
   int64_t day;
   size_t seq;
   char *date, *body, *item, *title, *delegation, *what, *text, *path;
} Hit;

typedef struct Search {
   MatchQuery q;
   GvBuf scratch;
   DayRange range;
   const char *delegation;
   char dockey[256];      /* --doc, as a dossier key; "" when not given */
   MatchQuery itemq;      /* --item as words, when not an item number */
   const char *item;
   bool tty;              /* mark in bold */
   Hit *hits;
   size_t nhits, cap;
   bool nomem;
} Search;

static bool Search_want(void *ud, const ArchiveEntry *e, const char *raw, size_t len) {
   Search *s = ud;
   if (!ArchiveCli_inRange(&s->range, e->day))
      return false;
   return Match_couldContain(&s->q, raw, len, &s->scratch);
}

/* Appends text made visible, its newlines read as spaces (one line). */
static void Search_append(GvBuf *out, const char *text, size_t n) {
   const char *nl;
   while (n && (nl = memchr(text, '\n', n))) {
      size_t k = (size_t)(nl - text);
      Visible_append(out, text, k, 0);
      GvBuf_putc(out, ' ');
      text += k + 1;
      n -= k + 1;
   }
   Visible_append(out, text, n, 0);
}

/* The text around the first match, the matches marked, on one line. */
static char *Search_context(Search *s, const char *text, size_t n, const MatchSpan *sp, size_t nsp) {
   size_t from = sp[0].start > SEARCH_BEFORE ? sp[0].start - SEARCH_BEFORE : 0;
   while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
      from--;
   size_t to = from + SEARCH_WIDTH < n ? from + SEARCH_WIDTH : n;
   if (to < sp[0].end)
      to = sp[0].end;
   while (to < n && ((unsigned char)text[to] & 0xC0) == 0x80)
      to++;
   GvBuf out = GV_BUF_INIT;
   if (from > 0)
      GvBuf_puts(&out, "…");
   size_t at = from;
   const char *on = s->tty ? "\033[1m" : "[", *off = s->tty ? "\033[0m" : "]";
   for (size_t k = 0; k < nsp && sp[k].start < to; k++) {
      if (sp[k].start < at)
         continue;
      Search_append(&out, text + at, sp[k].start - at);
      GvBuf_puts(&out, on);
      Search_append(&out, text + sp[k].start, sp[k].end - sp[k].start);
      GvBuf_puts(&out, off);
      at = sp[k].end;
   }
   if (at < to)
      Search_append(&out, text + at, to - at);
   if (to < n)
      GvBuf_puts(&out, "…");
   GvBuf_putc(&out, '\0');
   return out.data;
}

static bool Search_itemOk(Search *s, const Session *ses, size_t idx) {
   if (s->item) {
      if (idx == GV_NONE)
         return false;
      char num[32];
      Agenda_path(&ses->agenda, idx, num, sizeof num);
      const char *t = ses->agenda.items[idx].title;
      if (strcmp(num, s->item) != 0 &&
          !(t && Match_text(&s->itemq, t, strlen(t), &s->scratch, NULL, 0, NULL)))
         return false;
   }
   if (s->dockey[0]) {
      if (idx == GV_NONE)
         return false;
      const Item *it = &ses->agenda.items[idx];
      char key[256];
      bool found = false;
      for (size_t k = 0; k < it->ndocs && !found; k++)
         found = Dossier_docKey(&it->docs[k], key, sizeof key) && strcmp(key, s->dockey) == 0;
      if (!found)
         return false;
   }
   return true;
}

static void Search_try(Search *s, const ArchiveEntry *e, const Session *ses, size_t item,
                       size_t deleg, const char *what, const char *text, size_t n) {
   if (!text || !n)
      return;
   if (s->delegation) {
      if (deleg == GV_NONE || strcasecmp(ses->roster.list[deleg].code, s->delegation) != 0)
         return;
   }
   if (!Search_itemOk(s, ses, item))
      return;
   MatchSpan sp[SEARCH_SPANS];
   size_t nsp;
   if (!Match_text(&s->q, text, n, &s->scratch, sp, SEARCH_SPANS, &nsp) || nsp == 0)
      return;
   if (s->nhits == s->cap) {
      size_t cap = s->cap ? s->cap * 2 : 64;
      Hit *h = realloc(s->hits, cap * sizeof *h);
      if (!h) {
         s->nomem = true;
         return;
      }
      s->hits = h;
      s->cap = cap;
   }
   Hit *h = &s->hits[s->nhits];
   memset(h, 0, sizeof *h);
   h->day = e->day;
   h->seq = s->nhits;
   char date[11] = "", num[32] = "";
   if (e->day != GV_NO_DAY)
      Date_format_iso(e->day, date);
   if (item != GV_NONE)
      Agenda_path(&ses->agenda, item, num, sizeof num);
   h->date = strdup(date);
   h->body = Visible_dup(ses->meta.body, 0);
   h->item = strdup(num);
   h->title = Visible_dup(item != GV_NONE ? ses->agenda.items[item].title : "", 0);
   h->delegation = Visible_dup(deleg != GV_NONE ? ses->roster.list[deleg].code : "", 0);
   h->what = strdup(what);
   h->text = Search_context(s, text, n, sp, nsp);
   h->path = Visible_dup(e->path, 0);
   if (!h->date || !h->body || !h->item || !h->title || !h->delegation || !h->what || !h->text ||
       !h->path)
      s->nomem = true;
   s->nhits++;
}

static void Search_visit(void *ud, const ArchiveEntry *e, const Session *ses) {
   Search *s = ud;
   const Agenda *ag = &ses->agenda;
   for (size_t k = 0; k < Agenda_count(ag); k++) {
      size_t idx = Agenda_index_at(ag, k);
      const Item *it = &ag->items[idx];
      Search_try(s, e, ses, idx, it->requested_by, "title", it->title, it->title ? strlen(it->title) : 0);
      Search_try(s, e, ses, idx, GV_NONE, "item note", it->notes, it->notes ? strlen(it->notes) : 0);
      Search_try(s, e, ses, idx, GV_NONE, GvOutcome_word(it->outcome), it->outcome_text,
                 it->outcome_text ? strlen(it->outcome_text) : 0);
      for (size_t v = 0; v < it->ninterventions; v++) {
         const Intervention *iv = &ses->floor.list[it->interventions[v]];
         Search_try(s, e, ses, idx, iv->delegation, "said", iv->notes, iv->notes_len);
      }
   }
   for (size_t i = 0; i < ses->rec.npos; i++) {
      const Position *p = &ses->rec.pos[i];
      Search_try(s, e, ses, p->item, p->delegation, GvStance_word(p->stance), p->text, strlen(p->text));
   }
   for (size_t i = 0; i < ses->rec.nres; i++) {
      const Reservation *r = &ses->rec.res[i];
      Search_try(s, e, ses, r->item, r->delegation, "reservation", r->text, strlen(r->text));
   }
   for (size_t i = 0; i < ses->rec.ndeadlines; i++) {
      const Deadline *d = &ses->rec.deadlines[i];
      Search_try(s, e, ses, d->item, d->for_whom, "deadline", d->what, strlen(d->what));
   }
   for (size_t i = 0; i < ses->rec.nactions; i++) {
      const Action *a = &ses->rec.actions[i];
      Search_try(s, e, ses, a->item, a->owner, "action", a->what, strlen(a->what));
   }
}

static int Search_newest(const void *x, const void *y) {
   const Hit *a = x, *b = y;
   if (a->day != b->day)
      return a->day < b->day ? 1 : -1;
   return (a->seq > b->seq) - (a->seq < b->seq);
}

static void Search_print(const Search *s, FILE *out, TableFormat f) {
   if (f != TABLE_TEXT) {
      static const char *const head[] = { "date", "body", "item", "title", "delegation", "kind",
                                          "text", "path" };
      Table t;
      Table_init(&t, 8, head);
      for (size_t i = 0; i < s->nhits; i++) {
         const Hit *h = &s->hits[i];
         const char *cells[8] = { h->date, h->body, h->item, h->title, h->delegation, h->what,
                                  h->text, h->path };
         Table_add(&t, cells);
      }
      Table_print(&t, out, f, false);
      Table_free(&t);
      return;
   }
   for (size_t i = 0; i < s->nhits; i++) {
      const Hit *h = &s->hits[i];
      fprintf(out, "%s  %s", h->date[0] ? h->date : "(no date)", h->body[0] ? h->body : "(no body)");
      if (h->item[0])
         fprintf(out, "  %s %s", h->item, h->title);
      if (h->delegation[0])
         fprintf(out, "  %s", h->delegation);
      fprintf(out, "  (%s)\n    %s\n", h->what, h->text);
   }
}

int CmdSearch_run(const CliEnv *env, int argc, char **argv) {
   Search s;
   memset(&s, 0, sizeof s);
   s.range = (DayRange){ GV_NO_DAY, GV_NO_DAY };
   GvBuf_init(&s.scratch);
   const char *query = NULL, *doc = NULL, *format = NULL;
   for (int i = 1; i < argc; i++) {
      int r = ArchiveCli_dateOption(env, argc, argv, &i, &s.range);
      if (r < 0)
         return CLI_USAGE;
      if (r > 0)
         continue;
      const char *a = argv[i];
      const char **slot = strcmp(a, "--delegation") == 0 ? &s.delegation
                          : strcmp(a, "--doc") == 0      ? &doc
                          : strcmp(a, "--item") == 0     ? &s.item
                          : strcmp(a, "--format") == 0   ? &format
                                                         : NULL;
      if (slot) {
         if (i + 1 >= argc)
            return Cli_usage(env, "search: %s needs a value", a);
         *slot = argv[++i];
      } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
         fputs(CmdSearch_usage, stdout);
         return CLI_OK;
      } else if (a[0] == '-' && a[1]) {
         return Cli_usage(env, "search: unknown option '%s' (try 'gavel search --help')", a);
      } else if (query) {
         return Cli_usage(env, "search: one QUERY (quote it: gavel search 'cyber toolbox')");
      } else {
         query = a;
      }
   }
   if (!query)
      return Cli_usage(env, "search needs a QUERY (try 'gavel search --help')");
   TableFormat f;
   if (Table_parseFormat(format, &f) != 0)
      return Cli_usage(env, "search: unknown format '%s' (text, csv, json)", format);
   char msg[256];
   if (MatchQuery_parse(&s.q, query, strlen(query), msg, sizeof msg) != GV_OK)
      return Cli_usage(env, "search: %s", msg);
   if (s.item && MatchQuery_parse(&s.itemq, s.item, strlen(s.item), msg, sizeof msg) != GV_OK) {
      MatchQuery_free(&s.q);
      return Cli_usage(env, "search: --item: %s", msg);
   }
   if (doc) {
      DocRef d;
      if (DocRef_parse(doc, strlen(doc), &d, msg, sizeof msg) != GV_OK) {
         MatchQuery_free(&s.q);
         MatchQuery_free(&s.itemq);
         return Cli_usage(env, "search: --doc: %s", msg);
      }
      Dossier_docKey(&d, s.dockey, sizeof s.dockey);
      DocRef_free(&d);
   }
   s.tty = f == TABLE_TEXT && isatty(1);

   Archive a;
   ArchiveScan how = { .today = ArchiveCli_today(), .want = Search_want, .visit = Search_visit,
                       .ud = &s };
   int rc = CLI_FAIL;
   if (ArchiveCli_scan(env, &a, &how) == 0) {
      ArchiveCli_reportProblems(env, &a);
      if (s.nomem)
         Cli_fail(env, "search: out of memory");
      if (s.nhits > 1)
         qsort(s.hits, s.nhits, sizeof *s.hits, Search_newest);
      Search_print(&s, stdout, f);
      rc = s.nhits ? CLI_OK : CLI_FAIL;
      if (fflush(stdout) != 0)
         rc = CLI_FAIL;
      Archive_free(&a);
   }
   for (size_t i = 0; i < s.nhits; i++) {
      Hit *h = &s.hits[i];
      free(h->date), free(h->body), free(h->item), free(h->title);
      free(h->delegation), free(h->what), free(h->text), free(h->path);
   }
   free(s.hits);
   GvBuf_free(&s.scratch);
   MatchQuery_free(&s.q);
   MatchQuery_free(&s.itemq);
   return rc;
}
