/* Actions and deadlines of one or more sessions as flat rows, the common
 * ground of the exports (actions_csv.c, actions_ics.c, actions_md.c,
 * actions_txt.c). Strings are owned by the list (const only to
 * read) and clean UTF-8. */
#ifndef GAVEL_RENDER_ACTIONS_H
#define GAVEL_RENDER_ACTIONS_H

#include <stddef.h>

struct Session;

typedef enum ActionKind {
   ACTION_TODO,       /* an action point: owner, what, due date, open or done */
   ACTION_DEADLINE,   /* a deadline set in the meeting: what, by when, for whom */
} ActionKind;

typedef struct ActionRow {
   ActionKind kind;
   const char *uid;          /* the gavel uuid of the action or deadline */
   const char *owner;        /* "FR"; a deadline: for whom, "" for all delegations */
   const char *ownerName;    /* "the FR delegation", "all delegations" */
   const char *what;
   const char *due;          /* "2017-05-31", or "" */
   int done;
   const char *setBy;        /* a deadline: who set it ("PRES"), or "" */
   const char *item;         /* the item's number as printed: "3.2", "b)", or "" */
   const char *itemTitle;
   const char *meeting;      /* the body: "Horizontal Working Party on Cyber Issues" */
   const char *meetingDate;  /* "2017-05-12", or "" */
   const char *session;      /* the session uuid */
   const char *created;      /* when it was recorded: "2017-05-12T11:40:00", or "" */
} ActionRow;

typedef struct ActionList {
   ActionRow *rows;
   size_t count, cap;
} ActionList;

void ActionList_init(ActionList *l);
void ActionList_free(ActionList *l);

/* Appends a row: every string is copied and cleaned (NULL reads as ""). */
void ActionList_add(ActionList *l, const ActionRow *row);

/* Appends the actions and deadlines of a session. */
void ActionList_addSession(ActionList *l, const struct Session *s);

/* Keeps the rows that match: openOnly drops done actions (deadlines stay);
 * owner (a code, case-insensitive, or NULL) keeps its actions (COM: its
 * units' too) and the deadlines set for it or for all delegations. */
void ActionList_filter(ActionList *l, int openOnly, const char *owner);

/* Sorts by due date (undated last), then meeting date, item, kind. */
void ActionList_sort(ActionList *l);

#endif
