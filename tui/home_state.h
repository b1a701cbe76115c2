/* The home screen's state, shared by its parts: tui/home.c (the archive,
 * acting on it), tui/home_view.c (drawing, keys, the loop) and
 * tui/home_reports.c (the search hits and the text views). */
#ifndef GAVEL_TUI_HOME_STATE_H
#define GAVEL_TUI_HOME_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/buf.h"
#include "render/actions.h"
#include "render/archive_search.h"
#include "storage/archive.h"
#include "tui/home.h"
#include "tui/theme.h"

/* Where a key works; the help screen lists the keys of each. */
enum { HOME_IN_LIST = 1, HOME_IN_HITS = 2, HOME_IN_TEXT = 4 };

typedef struct HomeKey {
   const char *keys;
   const char *help;
   int views;
} HomeKey;

extern const HomeKey HomeKeys[];
extern const int HomeKeyCount;

typedef enum HomeViewKind { HV_LIST, HV_HITS, HV_TEXT } HomeViewKind;

/* What a question at the bottom line is for. */
typedef enum HomeAsk { ASK_NONE, ASK_FILTER, ASK_SEARCH, ASK_NEW, ASK_DOSSIER, ASK_SAID } HomeAsk;

typedef struct HomeTitles {
   char *path, *titles;
} HomeTitles;

typedef struct Home {
   const char *datadir;
   HomeResult *out;
   int64_t today;
   Archive a;
   ActionList actions;          /* open actions and deadlines, by due date: overdue first */
   HomeTitles *titles;          /* per session path (sorted): its item titles, for the filter */
   size_t ntitles, tcap;
   size_t *shown, nshown;       /* entries passing the filter, today's first */
   int sel, top, asel, atop;
   int focusActions;            /* Tab: the actions side has the keys */
   char filter[512];

   HomeViewKind view, back;     /* back: where Esc returns from the help */
   HomeAsk ask;
   char answer[512];

   char backPath[PATH_MAX + 600];         /* the meeting a search came from: Esc goes back */
   int backReadOnly;
   ArchiveSearch search;        /* HV_HITS */
   bool searched;
   int hsel, htop;

   GvBuf text;                  /* HV_TEXT: a report, lines split in place */
   char **lines;
   size_t nlines;
   int tscroll;
   char textTitle[256];
   int boardAll;                /* the reservations board shows lifted ones too */
   int textIsBoard;
   int textIsHelp;

   char message[768];
   int messageRole;
   int attr[ROLE_COUNT];
   int ascii;
   int rows, cols;
   int readErrors;              /* failed reads in a row: the terminal is gone */
} Home;

int Home_scan(Home *h, char *err, size_t errlen);
void Home_applyFilter(Home *h);
const char *Home_titlesOf(const Home *h, const char *path);
const ArchiveEntry *Home_selected(const Home *h);
/* 1 when the choice is made (out filled in). */
int Home_open(Home *h, int forWriting);
void Home_markDone(Home *h);
void Home_message(Home *h, int role, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int Home_readKey(void);

/* tui/home_view.c */
void HomeView_loop(Home *h);

/* tui/home_reports.c: each fills the view and switches to it. */
void HomeReports_search(Home *h, const char *query);
void HomeReports_dossier(Home *h, const char *nameOrRef);
void HomeReports_board(Home *h);
void HomeReports_said(Home *h, const char *code);
/* The text of h->text split into h->lines. */
void HomeReports_setText(Home *h, const char *title);

#endif
