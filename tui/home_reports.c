/* The home screen's questions to the archive: the search hits, and the
 * dossier, reservations and delegation reports, each by one scan of the
 * archive (from its cache) through the code the command line uses. */
#include "tui/home_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/visible.h"
#include "render/archive_digest.h"
#include "render/archive_items.h"
#include "render/archive_report.h"
#include "render/archive_said.h"

void HomeReports_setText(Home *h, const char *title) {
   free(h->lines);
   h->lines = NULL;
   h->nlines = 0;
   h->tscroll = 0;
   snprintf(h->textTitle, sizeof h->textTitle, "%s", title);
   GvBuf_putc(&h->text, '\0');
   if (h->text.failed) {
      Home_message(h, ROLE_ERROR, "out of memory");
      return;
   }
   size_t n = 1;
   for (size_t i = 0; i + 1 < h->text.len; i++)
      n += h->text.data[i] == '\n';
   h->lines = malloc(n * sizeof *h->lines);
   if (!h->lines)
      return;
   char *p = h->text.data;
   while (*p) {
      h->lines[h->nlines++] = p;
      char *nl = strchr(p, '\n');
      if (!nl)
         break;
      *nl = '\0';
      p = nl + 1;
   }
   h->view = HV_TEXT;
   h->textIsHelp = 0;
}

/* --- search ------------------------------------------------------------------ */

static bool HomeReports_want(void *ud, const ArchiveEntry *e, const char *raw, size_t len) {
   (void)e;
   return ArchiveSearch_could(ud, raw, len);
}

static void HomeReports_hits(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   ArchiveSearch_digest(ud, e->day, e->body, e->path, d);
}

/* A cached session through its folded lines (render/archive_search.h). */
static int HomeReports_folded(void *ud, const ArchiveEntry *e, const char *recs, size_t len,
                              const char *folded, size_t flen) {
   return ArchiveSearch_folded(ud, e->day, e->body, e->path, recs, len, folded, flen,
                               Archive_parseRecord);
}

void HomeReports_search(Home *h, const char *query) {
   char msg[256];
   ArchiveSearch_free(&h->search);
   h->searched = false;
   if (ArchiveSearch_init(&h->search, query, msg, sizeof msg) != GV_OK) {
      ArchiveSearch_free(&h->search);
      Home_message(h, ROLE_ERROR, "search: %s", msg);
      return;
   }
   /* Control characters never reach the hits (Visible_append): these two
    * mark the matches for the painter alone. */
   h->search.markOn = "\x01";
   h->search.markOff = "\x02";
   Archive a;
   ArchiveScan how = { .datadir = h->datadir, .today = h->today, .want = HomeReports_want,
                       .digest = ArchiveDigest_build, .visitDigest = HomeReports_hits,
                       .visitFolded = HomeReports_folded,
                       .digest_version = ARCHIVE_DIGEST_VERSION, .ud = &h->search };
   char err[1024];
   if (Archive_scan(&a, &how, err, sizeof err) != 0) {
      Home_message(h, ROLE_ERROR, "%s", err);
      return;
   }
   Archive_free(&a);
   ArchiveSearch_sort(&h->search);
   h->searched = true;
   h->hsel = h->htop = 0;
   char *vq = Visible_dup(query, 0);
   if (h->search.nhits == 0) {
      Home_message(h, ROLE_ERROR, "nothing in the archive matches %s", vq ? vq : "");
   } else {
      h->view = HV_HITS;
      Home_message(h, ROLE_NORMAL, "%zu hit%s for %s:  Enter opens read-only at the item;  n N next, previous",
                   h->search.nhits, h->search.nhits == 1 ? "" : "s", vq ? vq : "");
   }
   free(vq);
}

/* --- dossier and reservations --------------------------------------------- */

static void HomeReports_items(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   ArchiveItems_addDigest(ud, e->day, e->path, e->body, d);
}

static int HomeReports_collect(Home *h, ArchiveItems *ai) {
   ArchiveItems_init(ai);
   Archive a;
   ArchiveScan how = { .datadir = h->datadir, .today = h->today, .digest = ArchiveDigest_build,
                       .visitDigest = HomeReports_items, .digest_version = ARCHIVE_DIGEST_VERSION,
                       .digest_types = "IPR", .ud = ai };
   char err[1024];
   if (Archive_scan(&a, &how, err, sizeof err) != 0) {
      Home_message(h, ROLE_ERROR, "%s", err);
      return -1;
   }
   Archive_free(&a);
   if (!ArchiveItems_finish(ai)) {
      Home_message(h, ROLE_ERROR, "out of memory");
      return -1;
   }
   return 0;
}

void HomeReports_dossier(Home *h, const char *nameOrRef) {
   ArchiveItems ai;
   if (HomeReports_collect(h, &ai) != 0) {
      ArchiveItems_free(&ai);
      return;
   }
   size_t group = ArchiveItems_group(&ai, nameOrRef);
   char *v = Visible_dup(nameOrRef, 0);
   if (group == GV_NONE) {
      Home_message(h, ROLE_ERROR, "no dossier or document '%s' in the archive", v ? v : "");
   } else {
      char *buf = NULL;
      size_t len = 0;
      FILE *f = open_memstream(&buf, &len);
      if (f) {
         ArchiveReport_dossier(f, &ai, group);
         fclose(f);
         h->text.len = 0;
         GvBuf_append(&h->text, buf ? buf : "", len);
         free(buf);
         char title[300];
         snprintf(title, sizeof title, "Dossier %s", v ? v : "");
         HomeReports_setText(h, title);
         h->textIsBoard = 0;
         Home_message(h, ROLE_NORMAL, "Esc goes back;  / searches");
      }
   }
   free(v);
   ArchiveItems_free(&ai);
}

/* One reservation per row, grouped under its dossier as the rows come
 * (sorted by dossier, delegation, type). */
typedef struct BoardRows {
   GvBuf *out;
   const char *lastDossier;
   char last[256];
   size_t n;
} BoardRows;

static void HomeReports_boardRow(void *ud, const char *const c[9]) {
   BoardRows *b = ud;
   if (strcmp(b->last, c[2]) != 0) {
      snprintf(b->last, sizeof b->last, "%s", c[2]);
      GvBuf_printf(b->out, "%s%s\n", b->n ? "\n" : "", c[2]);
   }
   GvBuf_printf(b->out, "  %-8s %-14s %-8s %s\n", c[0], c[1], c[5], c[6]);
   GvBuf_printf(b->out, "           entered %s%s%s  (%s)\n", c[3], c[4][0] ? ", " : "", c[4], c[7]);
   b->n++;
}

void HomeReports_board(Home *h) {
   ArchiveItems ai;
   if (HomeReports_collect(h, &ai) != 0) {
      ArchiveItems_free(&ai);
      return;
   }
   h->text.len = 0;
   BoardRows b = { &h->text, NULL, "", 0 };
   ArchiveReport_reservations(&ai, !h->boardAll, NULL, GV_NONE, HomeReports_boardRow, &b);
   if (b.n == 0)
      GvBuf_puts(&h->text, h->boardAll ? "No reservation in the archive.\n"
                                       : "No reservation is standing.\n");
   HomeReports_setText(h, h->boardAll ? "Reservations: all" : "Reservations: standing");
   h->textIsBoard = 1;
   Home_message(h, ROLE_NORMAL, "%zu reservation%s;  a: %s;  Esc goes back", b.n, b.n == 1 ? "" : "s",
                h->boardAll ? "standing ones only" : "lifted ones too");
   ArchiveItems_free(&ai);
}

/* --- what a delegation said ---------------------------------------------------- */

static void HomeReports_saidVisit(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   ArchiveSaid_digest(ud, e->day, e->body, NULL, d);
}

void HomeReports_said(Home *h, const char *code) {
   ArchiveSaid w;
   ArchiveSaid_init(&w, code);
   Archive a;
   ArchiveScan how = { .datadir = h->datadir, .today = h->today, .digest = ArchiveDigest_build,
                       .visitDigest = HomeReports_saidVisit, .digest_version = ARCHIVE_DIGEST_VERSION,
                       .digest_types = "IVPR", .ud = &w };
   char err[1024];
   char *v = Visible_dup(code, 0);
   if (Archive_scan(&a, &how, err, sizeof err) != 0) {
      Home_message(h, ROLE_ERROR, "%s", err);
   } else {
      Archive_free(&a);
      if (!w.found) {
         Home_message(h, ROLE_ERROR, "nothing recorded for %s in the archive", v ? v : "");
      } else {
         h->text.len = 0;
         ArchiveSaid_text(&w, &h->text);
         char title[300];
         snprintf(title, sizeof title, "%s across the archive", v ? v : "");
         HomeReports_setText(h, title);
         h->textIsBoard = 0;
         Home_message(h, ROLE_NORMAL, "%zu record%s of %s;  Esc goes back", w.found,
                      w.found == 1 ? "" : "s", v ? v : "");
      }
   }
   free(v);
   ArchiveSaid_free(&w);
}
