#include "tui/home.h"
#include "tui/home_state.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/date.h"
#include "model/visible.h"
#include "render/archive_digest.h"
#include "storage/archive_done.h"
#include "storage/theme_file.h"
#include "tui/draw.h"
#include "tui/input.h"
#include "tui/keys.h"
#include "tui/text.h"
#include "tui/theme.h"

int64_t Home_today(void) {
   const char *sde = getenv("SOURCE_DATE_EPOCH");
   time_t t = sde && *sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
   struct tm tm;
   localtime_r(&t, &tm);
   return Date_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday);
}

/* --- the key table: the help screen and gavel(1) read it ------------------ */

const HomeKey HomeKeys[] = {
   { "Up Down k j", "move the selection (PgUp PgDn Home End by pages)", HOME_IN_LIST | HOME_IN_HITS | HOME_IN_TEXT },
   { "Tab", "sessions or open actions", HOME_IN_LIST },
   { "Enter", "open the session: read-only for a past meeting, for writing today's", HOME_IN_LIST },
   { "w", "open the selected session for writing", HOME_IN_LIST },
   { "f", "filter the sessions as you type: body, date, title words (Enter keeps, Esc clears)", HOME_IN_LIST },
   { "n", "new session from an agenda file, or (empty answer) from a copy of the selected session's agenda and roster", HOME_IN_LIST },
   { "x", "mark the selected action done (in its own session, through the journal)", HOME_IN_LIST },
   { "/", "search the archive: words and \"phrases\", case and accents ignored", HOME_IN_LIST | HOME_IN_HITS | HOME_IN_TEXT },
   { "n N", "next and previous hit", HOME_IN_HITS },
   { "Enter", "open the hit's session read-only at the record that matched", HOME_IN_HITS },
   { "d", "dossier view: every item on one file across meetings (asks NAME or REF)", HOME_IN_LIST },
   { "r", "reservations board: every reservation still standing, by dossier", HOME_IN_LIST },
   { "a", "the whole board: lifted reservations too", HOME_IN_TEXT },
   { "s", "delegation view: what one delegation said across the archive (asks CODE)", HOME_IN_LIST },
   { "Esc q", "back to the sessions", HOME_IN_HITS | HOME_IN_TEXT },
   { "?", "this help", HOME_IN_LIST },
   { "q", "leave gavel", HOME_IN_LIST },
};
const int HomeKeyCount = (int)(sizeof HomeKeys / sizeof HomeKeys[0]);

/* --- the archive ----------------------------------------------------------- */

static int Home_titleCmp(const void *x, const void *y) {
   return strcmp(((const HomeTitles *)x)->path, ((const HomeTitles *)y)->path);
}

/* Each session's item titles, for the filter, and its open actions. */
static void Home_visit(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   Home *h = ud;
   ArchiveDigest_actions(d, &h->actions, 1);
   GvBuf t = GV_BUF_INIT;
   for (size_t i = 0; i < d->count; i++)
      if (d->recs[i].type == 'I' && d->recs[i].nfields == DIGEST_ITEM_FIELDS) {
         GvBuf_puts(&t, d->recs[i].fields[1]);
         GvBuf_putc(&t, ' ');
      }
   GvBuf_putc(&t, '\0');
   if (h->ntitles == h->tcap) {
      size_t cap = h->tcap ? h->tcap * 2 : 64;
      HomeTitles *n = realloc(h->titles, cap * sizeof *n);
      if (!n) {
         GvBuf_free(&t);
         return;
      }
      h->titles = n;
      h->tcap = cap;
   }
   h->titles[h->ntitles].path = strdup(e->path);
   h->titles[h->ntitles].titles = t.data;
   if (!h->titles[h->ntitles].path) {
      GvBuf_free(&t);
      return;
   }
   h->ntitles++;
}

static void Home_freeArchive(Home *h) {
   Archive_free(&h->a);
   ActionList_free(&h->actions);
   for (size_t i = 0; i < h->ntitles; i++) {
      free(h->titles[i].path);
      free(h->titles[i].titles);
   }
   free(h->titles);
   h->titles = NULL;
   h->ntitles = h->tcap = 0;
   free(h->shown);
   h->shown = NULL;
   h->nshown = 0;
}

const char *Home_titlesOf(const Home *h, const char *path) {
   HomeTitles key = { (char *)path, NULL };
   const HomeTitles *t = h->ntitles ? bsearch(&key, h->titles, h->ntitles, sizeof key, Home_titleCmp) : NULL;
   return t ? t->titles : "";
}

/* Which sessions pass the filter: today's first, then newest first. */
void Home_applyFilter(Home *h) {
   free(h->shown);
   h->nshown = 0;
   h->shown = malloc((h->a.count + 1) * sizeof *h->shown);
   if (!h->shown)
      return;
   MatchQuery q = { 0 };
   char msg[128];
   bool filtering = h->filter[0] && MatchQuery_parse(&q, h->filter, strlen(h->filter), msg, sizeof msg) == GV_OK;
   GvBuf scratch = GV_BUF_INIT, hay = GV_BUF_INIT;
   for (int pass = 0; pass < 2; pass++)
      for (size_t i = 0; i < h->a.count; i++) {
         const ArchiveEntry *e = &h->a.entries[i];
         if ((e->day == h->today) != (pass == 0))
            continue;
         if (filtering) {
            char date[11] = "";
            if (e->day != GV_NO_DAY)
               Date_format_iso(e->day, date);
            hay.len = 0;
            GvBuf_printf(&hay, "%s %s %s %s %s", date, e->body ? e->body : "",
                         e->docno ? e->docno : "", e->name, Home_titlesOf(h, e->path));
            if (!Match_text(&q, hay.data, hay.len, &scratch, NULL, 0, NULL))
               continue;
         }
         h->shown[h->nshown++] = i;
      }
   GvBuf_free(&scratch);
   GvBuf_free(&hay);
   MatchQuery_free(&q);
   if (h->sel >= (int)h->nshown)
      h->sel = h->nshown ? (int)h->nshown - 1 : 0;
}

int Home_scan(Home *h, char *err, size_t errlen) {
   Home_freeArchive(h);
   ActionList_init(&h->actions);
   h->today = Home_today();
   ArchiveScan how = { .datadir = h->datadir, .today = h->today, .digest = ArchiveDigest_build,
                       .visitDigest = Home_visit, .digest_version = ARCHIVE_DIGEST_VERSION,
                       .ud = h };
   if (Archive_scan(&h->a, &how, err, errlen) != 0)
      return -1;
   if (h->ntitles > 1)
      qsort(h->titles, h->ntitles, sizeof *h->titles, Home_titleCmp);
   ActionList_sort(&h->actions);
   /* Actions only: a deadline is shown, but there is nothing to mark done. */
   if (h->asel >= (int)h->actions.count)
      h->asel = h->actions.count ? (int)h->actions.count - 1 : 0;
   Home_applyFilter(h);
   return 0;
}

void Home_message(Home *h, int role, const char *fmt, ...) {
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(h->message, sizeof h->message, fmt, ap);
   va_end(ap);
   h->messageRole = role;
}

/* --- acting ------------------------------------------------------------------ */

const ArchiveEntry *Home_selected(const Home *h) {
   if (h->sel < 0 || (size_t)h->sel >= h->nshown)
      return NULL;
   return &h->a.entries[h->shown[h->sel]];
}

int Home_open(Home *h, int forWriting) {
   const ArchiveEntry *e = Home_selected(h);
   if (!e) {
      Home_message(h, ROLE_ERROR, "no session here: n starts one");
      return 0;
   }
   if (e->state == ARCHIVE_UNREADABLE) {
      char *v = Visible_dup(e->problem ? e->problem : e->path, 0);
      Home_message(h, ROLE_ERROR, "cannot open: %s", v ? v : "");
      free(v);
      return 0;
   }
   h->out->what = HOME_OPEN;
   snprintf(h->out->path, sizeof h->out->path, "%s", e->path);
   h->out->readOnly = !(forWriting || e->day == h->today);
   return 1;
}

void Home_markDone(Home *h) {
   if (h->asel < 0 || (size_t)h->asel >= h->actions.count) {
      Home_message(h, ROLE_ERROR, "no open action to mark done");
      return;
   }
   const ActionRow *r = &h->actions.rows[h->asel];
   if (r->kind != ACTION_TODO) {
      Home_message(h, ROLE_ERROR, "a deadline is not done, it passes: mark an action");
      return;
   }
   char path[4096], msg[4608], id[40];
   snprintf(id, sizeof id, "%.36s", r->uid);
   path[0] = '\0';
   if (ArchiveDone_mark(h->datadir, id, path, sizeof path, msg, sizeof msg) != 0) {
      /* The action is on screen already: say why, without its id and path. */
      const char *why = strstr(msg, "not marked: ");
      why = why ? why + strlen("not marked: ") : msg;
      size_t pl = strlen(path);
      if (pl && strncmp(why, path, pl) == 0 && why[pl] == ':')
         why += pl + 1 + (why[pl + 1] == ' ');
      char *v = Visible_dup(why, 0), *what = Visible_dup(r->what, 0);
      Home_message(h, ROLE_ERROR, "not done: %s %s: %s", r->owner, what ? what : "", v ? v : "");
      free(v);
      free(what);
      return;
   }
   char *what = Visible_dup(r->what, 0), *vp = Visible_dup(path, 0);
   const char *name = vp ? strrchr(vp, '/') : NULL;
   Home_message(h, ROLE_OK, "%s done: %s %s (in %s)", Text_isAscii() ? "ok:" : "\xe2\x9c\x93",
                r->owner, what ? what : "", name ? name + 1 : "");
   free(what);
   free(vp);
   char err[512];
   Home_scan(h, err, sizeof err);
}

/* --- curses -------------------------------------------------------------------- */

int Home_readKey(void) {
   wint_t wc;
   int r = Input_get(&wc);
   if (r == ERR)
      return 0;
   if (r == KEY_CODE_YES) {
      if (wc == KEY_BACKSPACE)
         return KEY_FN(KEY_BACKSPACE);
      return KEY_FN((int)wc);
   }
   if (wc == '\r' || wc == '\n')
      return KEY_FN(KEY_ENTER);
   if (wc == 127 || wc == 8)
      return KEY_FN(KEY_BACKSPACE);
   return (int)wc;
}

static void Home_initCurses(Home *h) {
   if (!getenv("ESCDELAY"))
      setenv("ESCDELAY", "25", 1);
   Input_open();
   raw();
   noecho();
   nonl();
   keypad(stdscr, TRUE);
   intrflush(stdscr, FALSE);
   const char *nc = getenv("NO_COLOR");
   Theme *t = ThemeFile_builtin();
   TuiTheme_apply(t, !(nc && *nc) && has_colors(), h->attr);
   ThemeFile_free(t);
   const char *set = nl_langinfo(CODESET);
   const char *cs = setlocale(LC_CTYPE, NULL);
   int utf8 = (set && (strcmp(set, "UTF-8") == 0 || strcmp(set, "utf8") == 0)) ||
              (cs && (strstr(cs, "UTF-8") || strstr(cs, "utf8") || strstr(cs, "UTF8")));
   Text_setAscii(!utf8);
   const char *term = getenv("TERM");
   h->ascii = (term && strcmp(term, "linux") == 0) || !utf8;
}

int Home_run(const char *datadir, HomeResult *out, char *err, size_t errlen) {
   Home *h = calloc(1, sizeof *h);
   if (!h) {
      snprintf(err, errlen, "out of memory");
      return -1;
   }
   h->datadir = datadir;
   h->out = out;
   char keepMsg[800], query[256];
   snprintf(keepMsg, sizeof keepMsg, "%s", out->message);
   snprintf(query, sizeof query, "%s", out->query);
   snprintf(h->backPath, sizeof h->backPath, "%s", out->backPath);
   h->backReadOnly = out->backReadOnly;
   memset(out, 0, sizeof *out);
   if (Home_scan(h, err, errlen) != 0) {
      Home_freeArchive(h);
      free(h);
      return -1;
   }
   if (keepMsg[0])
      Home_message(h, ROLE_NORMAL, "%s", keepMsg);
   else if (h->a.count == 0)
      Home_message(h, ROLE_NORMAL, "the archive is empty: n starts a session (Enter takes the demo agenda)");
   else
      Home_message(h, ROLE_NORMAL, "Enter opens;  / searches;  f filters;  ? shows every key");
   if (query[0]) {
      HomeReports_search(h, query);
      if (h->backPath[0] && h->view != HV_HITS) {
         /* Nothing found: straight back to the meeting, saying so. */
         out->what = HOME_OPEN;
         snprintf(out->path, sizeof out->path, "%s", h->backPath);
         out->readOnly = h->backReadOnly;
         snprintf(out->message, sizeof out->message, "%s", h->message);
         goto done;
      }
   }
   Home_initCurses(h);
   HomeView_loop(h);
   endwin();
done:
   ArchiveSearch_free(&h->search);
   GvBuf_free(&h->text);
   free(h->lines);
   Home_freeArchive(h);
   free(h);
   return 0;
}
