/* The home screen: what `gavel` alone opens. Today's session on top, then
 * the archive newest first (date, body, items, interventions, open actions;
 * a file with a problem says so), a filter as you type, the archive's open
 * actions and deadlines on one side (overdue first) with a key to mark one
 * done, `/` to search the archive, and the dossier, reservations and
 * delegation views. It chooses; cli/cmd_live.c opens what was chosen. */
#ifndef GAVEL_TUI_HOME_H
#define GAVEL_TUI_HOME_H

#include <stddef.h>
#include <limits.h>
#include <stdint.h>

typedef enum HomeChoice {
   HOME_QUIT,
   HOME_OPEN,     /* open path (readOnly), at item (and record) if set */
   HOME_NEW,      /* a new session from agenda, or (agenda "") a copy of from's */
} HomeChoice;

typedef struct HomeResult {
   HomeChoice what;
   char path[PATH_MAX + 600];
   int readOnly;
   char item[32];         /* an item number to show, "" none */
   char record[40];       /* the uuid of a record of that item to select, "" none */
   char agenda[1024];
   char from[PATH_MAX + 600];
   char message[800];     /* for the home screen when it comes back */
   /* In: a search to show at once (from a meeting's `/`), and the meeting
    * that Esc goes back to from its hits. */
   char query[256];
   char backPath[PATH_MAX + 600];
   int backReadOnly;
} HomeResult;

/* Runs the home screen until the user opens, starts or quits. 0, or -1 when
 * the archive folder cannot be read (err says why). */
int Home_run(const char *datadir, HomeResult *out, char *err, size_t errlen);

/* Today as a day number: local time, or SOURCE_DATE_EPOCH when set (tests). */
int64_t Home_today(void);

#endif
