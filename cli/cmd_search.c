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

#include "render/archive_digest.h"
#include "cli/archive_scan.h"
#include "cli/table.h"
#include "model/date.h"
#include "model/dossier.h"
#include "model/record.h"
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
   const char *date, *body, *path; /* the session's, shared by its hits (Search.owned) */
   char *item, *title, *delegation, *what, *text;
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
   size_t *lines, linecap; /* Search_visitFolded's candidate lines, reused */
   const unsigned char *only; /* per record of the digest visited: 0 cannot match (NULL: try all) */
   const ArchiveEntry *shared; /* the session whose date, body and path are last in owned */
   char **owned;          /* those strings, three a session with hits */
   size_t nowned, capowned;
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

/* Does the item record (render/archive_digest.h 'I') pass --item and --doc? */
static bool Search_itemOk(Search *s, const ArchiveRecord *item) {
   if (!s->item && !s->dockey[0])
      return true;
   if (!item)
      return false;
   char *const *f = item->fields;
   if (s->item && strcmp(f[0], s->item) != 0 &&
       !Match_text(&s->itemq, f[1], strlen(f[1]), &s->scratch, NULL, 0, NULL))
      return false;
   if (s->dockey[0]) {
      size_t kl = strlen(s->dockey);
      for (const char *k = f[5]; *k;) {
         const char *end = strchr(k, '\x1f');
         size_t len = end ? (size_t)(end - k) : strlen(k);
         if (len == kl && memcmp(k, s->dockey, kl) == 0)
            return true;
         k += len + (end ? 1 : 0);
      }
      return false;
   }
   return true;
}

static void Search_try(Search *s, const ArchiveEntry *e, const ArchiveRecord *item,
                       const char *deleg, const char *what, const char *text) {
   size_t n = text ? strlen(text) : 0;
   if (!n)
      return;
   if (s->delegation && strcasecmp(deleg, s->delegation) != 0)
      return;
   if (!Search_itemOk(s, item))
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
   if (s->shared != e) {
      /* A session's date, body and path once for all its hits. */
      if (s->nowned + 3 > s->capowned) {
         size_t cap = s->capowned ? s->capowned * 2 : 96;
         char **o = realloc(s->owned, cap * sizeof *o);
         if (!o) {
            s->nomem = true;
            return;
         }
         s->owned = o;
         s->capowned = cap;
      }
      char date[11] = "";
      if (e->day != GV_NO_DAY)
         Date_format_iso(e->day, date);
      s->owned[s->nowned++] = strdup(date);
      s->owned[s->nowned++] = Visible_dup(e->body, 0);
      s->owned[s->nowned++] = Visible_dup(e->path, 0);
      s->shared = e;
   }
   h->date = s->owned[s->nowned - 3];
   h->body = s->owned[s->nowned - 2];
   h->path = s->owned[s->nowned - 1];
   h->item = Visible_dup(item ? item->fields[0] : "", 0);
   h->title = Visible_dup(item ? item->fields[1] : "", 0);
   h->delegation = Visible_dup(deleg, 0);
   h->what = strdup(what);
   h->text = Search_context(s, text, n, sp, nsp);
   if (!h->date || !h->body || !h->item || !h->title || !h->delegation || !h->what || !h->text ||
       !h->path)
      s->nomem = true;
   s->nhits++;
}

/* One session's digest (render/archive_digest.h), from the cache or a replay. */
static void Search_visit(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   Search *s = ud;
   const ArchiveRecord **items = malloc((d->count + 1) * sizeof *items);
   size_t nitems = 0;
   if (!items) {
      s->nomem = true;
      return;
   }
   for (size_t i = 0; i < d->count; i++)
      if (d->recs[i].type == 'I' && d->recs[i].nfields == DIGEST_ITEM_FIELDS)
         items[nitems++] = &d->recs[i];
   for (size_t i = 0; i < d->count; i++) {
      if (s->only && !s->only[i])
         continue;
      const ArchiveRecord *r = &d->recs[i];
      char *const *f = r->fields;
      size_t k = r->nfields ? (size_t)strtoull(f[0], NULL, 10) : 0;
      const ArchiveRecord *it = k < nitems ? items[k] : NULL;
      if (r->type == 'I' && r->nfields == DIGEST_ITEM_FIELDS) {
         Search_try(s, e, r, f[7], "title", f[1]);
         Search_try(s, e, r, "", "item note", f[6]);
         Search_try(s, e, r, "", "outcome", f[3]);
      } else if (r->type == 'V' && r->nfields == 4) {
         Search_try(s, e, it, f[1], "said", f[3]);
      } else if (r->type == 'P' && r->nfields == 4) {
         Search_try(s, e, it, f[1], GvStance_word((GvStance)atoi(f[2])), f[3]);
      } else if (r->type == 'R' && r->nfields == 5) {
         Search_try(s, e, it, f[1], "reservation", f[4]);
      } else if (r->type == 'A' && r->nfields == DIGEST_ROW_FIELDS) {
         /* An action row names its item by number. */
         const ArchiveRecord *ai = NULL;
         for (size_t j = 0; j < nitems && !ai && f[8][0]; j++)
            if (strcmp(items[j]->fields[0], f[8]) == 0)
               ai = items[j];
         Search_try(s, e, ai, f[2], f[0][0] == 'D' ? "deadline" : "action", f[4]);
      }
   }
   free(items);
}

/* A cached session: the folded lines say which records can match; only
 * those and the items (for titles and --item) are read and tried. */
static int Search_visitFolded(void *ud, const ArchiveEntry *e, const char *recs, size_t len,
                              const char *folded, size_t flen) {
   Search *s = ud;
   if (!s->q.line_ok)
      return -1;
   if (!ArchiveCli_inRange(&s->range, e->day))
      return 1;
   size_t n = Match_lines(&s->q, folded, flen, &s->lines, &s->linecap);
   if (n == SIZE_MAX)
      return -1;
   if (n == 0)
      return 1;
   ArchiveDigest d = { 0 };
   GvBuf only = GV_BUF_INIT;
   size_t line = 0, next = 0;
   for (size_t at = 0; at < len; line++) {
      const char *nl = memchr(recs + at, '\n', len - at);
      size_t l = nl ? (size_t)(nl - (recs + at)) : len - at;
      bool take = next < n && s->lines[next] == line;
      next += take;
      if (take || recs[at] == 'I') {
         if (!Archive_parseRecord(recs + at, l, &d) || !GvBuf_putc(&only, take)) {
            s->nomem = true;
            break;
         }
      }
      at += l + 1;
   }
   s->only = (const unsigned char *)only.data;
   Search_visit(s, e, &d);
   s->only = NULL;
   GvBuf_free(&only);
   ArchiveDigest_free(&d);
   return 0;
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
      fputs(h->date[0] ? h->date : "(no date)", out);
      fputs("  ", out);
      fputs(h->body[0] ? h->body : "(no body)", out);
      if (h->item[0]) {
         fputs("  ", out);
         fputs(h->item, out);
         putc(' ', out);
         fputs(h->title, out);
      }
      if (h->delegation[0]) {
         fputs("  ", out);
         fputs(h->delegation, out);
      }
      fputs("  (", out);
      fputs(h->what, out);
      fputs(")\n    ", out);
      fputs(h->text, out);
      putc('\n', out);
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
   ArchiveScan how = { .today = ArchiveCli_today(), .want = Search_want,
                       .digest = ArchiveDigest_build, .visitDigest = Search_visit,
                       .visitFolded = Search_visitFolded,
                       .digest_version = ARCHIVE_DIGEST_VERSION, .ud = &s };
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
      free(h->item), free(h->title), free(h->delegation), free(h->what), free(h->text);
   }
   for (size_t i = 0; i < s.nowned; i++)
      free(s.owned[i]);
   free(s.owned);
   free(s.hits);
   free(s.lines);
   GvBuf_free(&s.scratch);
   MatchQuery_free(&s.q);
   MatchQuery_free(&s.itemq);
   return rc;
}
