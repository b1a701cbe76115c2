/* The agenda: a tree of items numbered automatically (1, 2, 3, 3.1, 3.2, 4)
 * that renumbers when items are added, moved or dropped. Items live in one
 * array (indexes never change; dropped items stay, marked); the tree order,
 * depths and numbers are recomputed after every change of structure. Each item
 * also holds its floor queue, its outcome and the indexes of its
 * interventions in speaking order. */
#ifndef GAVEL_MODEL_AGENDA_H
#define GAVEL_MODEL_AGENDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/docref.h"
#include "model/roster.h"

#define GV_ITEM_KIND_LIST(X) \
   X(ITEM, "item", "item") \
   X(INFO, "info", "information point") \
   X(AOB,  "aob",  "any other business") \
   X(HEADING, "heading", "heading")

typedef enum GvItemKind {
#define GV_ITEM_KIND_ENUM(e, word, label) GV_ITEM_##e,
   GV_ITEM_KIND_LIST(GV_ITEM_KIND_ENUM)
#undef GV_ITEM_KIND_ENUM
   GV_ITEM_KIND_COUNT
} GvItemKind;

#define GV_ITEM_STATE_LIST(X) \
   X(PENDING,   "pending") \
   X(CURRENT,   "current") \
   X(DONE,      "done") \
   X(POSTPONED, "postponed")

typedef enum GvItemState {
#define GV_ITEM_STATE_ENUM(e, word) GV_STATE_##e,
   GV_ITEM_STATE_LIST(GV_ITEM_STATE_ENUM)
#undef GV_ITEM_STATE_ENUM
   GV_ITEM_STATE_COUNT
} GvItemState;

#define GV_OUTCOME_LIST(X) \
   X(NONE,      "none") \
   X(AGREED,    "agreed") \
   X(NOTED,     "noted") \
   X(WELCOMED,  "welcomed") \
   X(CONTINUED, "continued") \
   X(POSTPONED, "postponed")

typedef enum GvOutcome {
#define GV_OUTCOME_ENUM(e, word) GV_OUTCOME_##e,
   GV_OUTCOME_LIST(GV_OUTCOME_ENUM)
#undef GV_OUTCOME_ENUM
   GV_OUTCOME_COUNT
} GvOutcome;

/* House style for sub-item numbers: 3.1 (numeric) or a) (letters). */
typedef enum GvNumbering {
   GV_NUMBERING_NUMERIC,
   GV_NUMBERING_LETTERS,
} GvNumbering;

typedef struct QueueEntry {
   size_t delegation;     /* roster index (a unit if a unit asked) */
   bool point_of_order;   /* goes before ordinary requests */
   int64_t asked;         /* time of the request */
} QueueEntry;

/* What is said on an item, in reading order: interventions and paragraphs
 * (record.h's Para). `move REF before|after REF` reorders this list. */
typedef enum GvSaidKind {
   GV_SAID_INTERVENTION,   /* index into Floor.list */
   GV_SAID_PARA,           /* index into Records.paras */
} GvSaidKind;

typedef struct Said {
   GvSaidKind kind;
   size_t index;
} Said;

typedef struct Item {
   char uuid[37];          /* the uuid of the `item add` event */
   char *title;
   GvItemKind kind;
   GvItemState state;
   DocRef *docs;           /* document references, in the order given */
   size_t ndocs, docs_cap;
   char *dossier;          /* the dossier it is tagged with, or NULL (model/dossier.h) */
   int64_t taken_up;       /* when it last became current, or GV_NO_TIME */
   bool added;             /* added during the meeting (after an item was taken up) */
   size_t requested_by;    /* roster index, or GV_NONE */
   size_t parent;          /* item index, or GV_NONE for a top-level item */
   size_t *children;       /* item indexes in agenda order (live ones only) */
   size_t nchildren, children_cap;
   bool dropped;           /* removed from the agenda; kept for stable indexes */
   unsigned depth;         /* 0 for top-level items */
   unsigned number;        /* 1-based position among its siblings */
   unsigned shown;         /* the number documents print: headings do not
                            * count (0 for a heading itself) */
   QueueEntry *queue;      /* the floor queue, next speaker first */
   size_t nqueue, queue_cap;
   GvOutcome outcome;
   char *outcome_text;     /* NULL when none */
   char *notes;            /* notes on the item itself (no intervention), or NULL */
   size_t *interventions;  /* indexes into Floor.list, speaking order */
   size_t ninterventions, interventions_cap;
   Said *said;             /* interventions and paragraphs in reading order */
   size_t nsaid, said_cap;
   size_t added_during;    /* the item current when it was added, or GV_NONE */
   size_t joined;          /* `item join`: the item whose text this one shares, or GV_NONE */
} Item;

typedef struct Agenda {
   Item *items;            /* every item ever added, dropped ones too */
   size_t count, cap;
   size_t *top;            /* top-level item indexes in agenda order */
   size_t ntop, top_cap;
   size_t *order;          /* live items in tree (reading) order */
   size_t norder, order_cap;
   size_t current;         /* the item taken up, or GV_NONE */
   bool started;           /* an item has been taken up (its taken_up set): the
                            * meeting has begun, for good */
   size_t *byuuid;         /* open addressing on full uuids: index + 1, 0 empty */
   size_t byuuid_cap;      /* a power of two, at least twice count */
} Agenda;

/* Live items in tree order: k in 0..Agenda_count()-1. */
size_t Agenda_count(const Agenda *a);
const Item *Agenda_at(const Agenda *a, size_t k);
size_t Agenda_index_at(const Agenda *a, size_t k);
const Item *Agenda_item(const Agenda *a, size_t idx);
/* "3.1" (numeric path, whatever the house style); "" for a dropped item. */
void Agenda_path(const Agenda *a, size_t idx, char *buf, size_t n);
/* The number as documents print it: numeric "3.1", or with letters "3",
 * "a)", "i)" by depth; headings (kind heading) are not counted, and have
 * none (""). */
void Agenda_label(const Agenda *a, size_t idx, GvNumbering style, char *buf, size_t n);
/* An item by numeric path "3.1", full uuid or unique uuid prefix (8+ hex);
 * GV_NONE when none. */
size_t Agenda_find(const Agenda *a, const char *s, size_t n);
size_t Agenda_find_uuid(const Agenda *a, const char *uuid, size_t n);
/* "1-6" style summary of the top-level numbers for messages ("none" if empty). */
void Agenda_range(const Agenda *a, char *buf, size_t n);
/* True when `idx` is `anc` or below it. */
bool Agenda_is_within(const Agenda *a, size_t idx, size_t anc);

/* For model/ only: the session owns its agenda. */
void Agenda_init(Agenda *a);
void Agenda_clear(Agenda *a);
/* A new item appended under parent (GV_NONE: top level); its index or GV_NONE.
 * It takes title (malloc'd), freed here when the item cannot be added. */
size_t Agenda_add(Agenda *a, size_t parent, const char *uuid, char *title);
/* Takes idx out of its parent's list and puts it under parent at position pos
 * (0-based among the new siblings). */
bool Agenda_place(Agenda *a, size_t idx, size_t parent, size_t pos);
/* Marks idx and everything below it dropped and takes it out of the tree. */
void Agenda_drop(Agenda *a, size_t idx);
/* Position of idx among its siblings (0-based). */
size_t Agenda_sibling_pos(const Agenda *a, size_t idx);
/* Recomputes the tree order, depths and numbers; false on ENOMEM. */
bool Agenda_renumber(Agenda *a);

const char *GvItemKind_word(GvItemKind k);
const char *GvItemKind_label(GvItemKind k);
bool GvItemKind_parse(const char *s, GvItemKind *k);
const char *GvItemState_word(GvItemState st);
const char *GvOutcome_word(GvOutcome o);
bool GvOutcome_parse(const char *s, GvOutcome *o);

#endif
