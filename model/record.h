/* What the meeting decided and who said what about it: positions and
 * reservations per item and delegation, deadlines and actions. */
#ifndef GAVEL_MODEL_RECORD_H
#define GAVEL_MODEL_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/status.h"

#define GV_STANCE_LIST(X) \
   X(SUPPORTS, "supports", "Supported") \
   X(ACCEPTS,  "accepts",  "Could accept") \
   X(FLEXIBLE, "flexible", "Flexible") \
   X(CONCERNS, "concerns", "Concerns") \
   X(OPPOSES,  "opposes",  "Opposed") \
   X(ASKS,     "asks",     "Asked for clarification")

typedef enum GvStance {
#define GV_STANCE_ENUM(e, word, label) GV_STANCE_##e,
   GV_STANCE_LIST(GV_STANCE_ENUM)
#undef GV_STANCE_ENUM
   GV_STANCE_COUNT
} GvStance;

#define GV_RESERVE_LIST(X) \
   X(SCRUTINY,      "scrutiny") \
   X(PARLIAMENTARY, "parliamentary") \
   X(LINGUISTIC,    "linguistic") \
   X(SUBSTANTIVE,   "substantive") \
   X(GENERAL,       "general") \
   X(WAITING,       "waiting")

typedef enum GvReserveType {
#define GV_RESERVE_ENUM(e, word) GV_RESERVE_##e,
   GV_RESERVE_LIST(GV_RESERVE_ENUM)
#undef GV_RESERVE_ENUM
   GV_RESERVE_COUNT
} GvReserveType;

typedef enum GvReserveStatus {
   GV_RESERVE_ENTERED,
   GV_RESERVE_MAINTAINED,
   GV_RESERVE_LIFTED,
} GvReserveStatus;

/* One per item and delegation: a later `pos` replaces the stance and text. */
typedef struct Position {
   char uuid[37];         /* the event that first recorded it (its reference) */
   size_t item, delegation;
   GvStance stance;
   char *text;            /* "" when none */
   int64_t time;
} Position;

/* One per item, delegation and type. */
typedef struct Reservation {
   char uuid[37];         /* the event that first recorded it (its reference) */
   size_t item, delegation;
   GvReserveType type;
   GvReserveStatus status;
   char *text;            /* "" when none */
   int64_t time;          /* of the last change */
} Reservation;

typedef struct Deadline {
   char uuid[37];
   size_t item;           /* the item current when it was set, or GV_NONE */
   int64_t day;
   char *what;            /* "written comments on WK 4977/17" */
   size_t set_by;         /* roster index or GV_NONE */
   size_t for_whom;       /* roster index, or GV_NONE for all delegations */
   int64_t time;
} Deadline;

typedef struct Action {
   char uuid[37];
   size_t item;           /* or GV_NONE */
   size_t owner;          /* roster index */
   int64_t due;           /* day, or GV_NO_DAY */
   char *what;
   bool done;
   int64_t created, done_at;
} Action;

/* A paragraph that is no intervention: `paragraph TEXT` (the item's own
 * words: "Delegations were invited to send written comments.") or `group
 * PHRASE [CODE...]: TEXT` (a collective subject: "Several delegations (BE,
 * CZ and DK) supported ..."). No clock, no statistics, no attendance. */
typedef enum GvParaKind {
   GV_PARA_TEXT,
   GV_PARA_GROUP,
} GvParaKind;

typedef struct Para {
   char uuid[37];
   size_t item;
   GvParaKind kind;
   char *phrase;          /* GROUP: "several delegations" as typed; else NULL */
   size_t *members;       /* GROUP: roster indexes named in brackets */
   size_t nmembers;
   char *text;            /* never NULL */
   bool deleted;          /* `delete REF` */
   int64_t time;
} Para;

typedef struct Records {
   Position *pos;       size_t npos, pos_cap;
   /* (item, delegation) -> position, for Records_position: indexes into pos
    * + 1 (0: empty), mask + 1 slots; the first pos_indexed positions are in
    * it. Anything that removes a position or changes its delegation sets
    * pos_indexed to 0, and the next look-up rebuilds it. */
   size_t *pos_slots;   size_t pos_mask, pos_indexed;
   Reservation *res;    size_t nres, res_cap;
   Deadline *deadlines; size_t ndeadlines, deadlines_cap;
   Action *actions;     size_t nactions, actions_cap;
   Para *paras;         size_t nparas, paras_cap;
} Records;

/* An action by full uuid or unique prefix (at least 4 characters). On
 * GV_NOT_FOUND or GV_AMBIGUOUS msg says so. */
GvStatus Records_find_action(const Records *r, const char *id, size_t n, size_t *idx, char *msg, size_t msglen);

/* For model/ only. */
void Records_clear(Records *r);
/* The position of delegation d on item, or NULL. O(1). */
Position *Records_position(Records *r, size_t item, size_t d);

const char *GvStance_word(GvStance s);
const char *GvStance_label(GvStance s);
bool GvStance_parse(const char *s, GvStance *out);
const char *GvReserveType_word(GvReserveType t);
bool GvReserveType_parse(const char *s, GvReserveType *out);
const char *GvReserveStatus_word(GvReserveStatus st);

#endif
