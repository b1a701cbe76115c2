/* The delegations of a session: Member States, institutions (with units such
 * as COM/HOME), agencies and observers, with their protocol order, the phrase
 * documents use for them and their attendance. Entries are never removed, so
 * an index stays valid for the life of the session state. */
#ifndef GAVEL_MODEL_ROSTER_H
#define GAVEL_MODEL_ROSTER_H

#include <stdbool.h>
#include <stddef.h>

#define GV_NONE ((size_t)-1)   /* no index: no item, no delegation */

#define GV_KIND_LIST(X) \
   X(MS,          "ms",          "Member State") \
   X(INSTITUTION, "institution", "institution") \
   X(AGENCY,      "agency",      "agency") \
   X(OBSERVER,    "observer",    "observer") \
   X(CHAIR,       "chair",       "chair")

typedef enum GvKind {
#define GV_KIND_ENUM(e, word, label) GV_KIND_##e,
   GV_KIND_LIST(GV_KIND_ENUM)
#undef GV_KIND_ENUM
   GV_KIND_COUNT
} GvKind;

#define GV_ATTEND_LIST(X) \
   X(UNKNOWN, "unknown") \
   X(PRESENT, "present") \
   X(VIDEO,   "video") \
   X(ABSENT,  "absent")

typedef enum GvAttendance {
#define GV_ATTEND_ENUM(e, word) GV_ATTEND_##e,
   GV_ATTEND_LIST(GV_ATTEND_ENUM)
#undef GV_ATTEND_ENUM
   GV_ATTEND_COUNT
} GvAttendance;

typedef struct Delegation {
   char *code;       /* "FR", "COM", "COM/HOME": upper case */
   char *name;       /* English: "Greece", "Commission", "DG Home" */
   char *native;     /* own language: "Ελλάδα" (may equal name) */
   char *phrase;     /* "the EL delegation", "the Commission (DG Home)" */
   GvKind kind;
   int order;        /* protocol order (units share their parent's) */
   size_t parent;    /* COM for COM/HOME, else GV_NONE */
   GvAttendance attendance;  /* of a unit: its parent's counts */
   bool retired;     /* not in the roster loaded last: kept only where it spoke */
} Delegation;

typedef struct Roster {
   Delegation *list;  /* in the order they were added */
   size_t count, cap;
   /* Codes by hash (open addressing: index + 1, 0 empty; a power of two, at
    * least twice byc_count): Roster_find reads a code at every line that
    * names a delegation. It serves only while it holds every entry
    * (byc_count == count); a roster copied without it (an undo checkpoint)
    * is searched in order until its next Roster_add builds it again. */
   size_t *byc;
   size_t byc_cap, byc_count;
} Roster;

/* Index of CODE (case-insensitive, exact), or GV_NONE. */
size_t Roster_find(const Roster *r, const char *code, size_t n);
/* The same for a NUL-terminated code (a word of a command line): its
 * length read with its hash. */
size_t Roster_find_word(const Roster *r, const char *code);
/* Every roster gets CHAIR, "the Chair": takes the floor like anyone, is no
 * delegation in attendance sentences or annexes. */
#define GV_CHAIR_CODE "CHAIR"
const Delegation *Roster_get(const Roster *r, size_t idx);
/* A delegation code: letters, digits, - and _, at most GV_CODE_PART_MAX of
 * them, and at most one /UNIT of the same kind (FR, COM, COM/HOME). The one
 * definition, for the model and for the roster files alike. */
#define GV_CODE_PART_MAX 16
#define GV_CODE_MAX (2 * GV_CODE_PART_MAX + 1)
bool Roster_code_valid(const char *code);

/* "ms" / "Member State" for a kind; "" when out of range. */
const char *GvKind_word(GvKind k);
const char *GvKind_label(GvKind k);
bool GvKind_parse(const char *s, GvKind *k);
const char *GvAttendance_word(GvAttendance a);
bool GvAttendance_parse(const char *s, GvAttendance *a);
/* The attendance that counts: a unit takes its parent's. */
GvAttendance Roster_attendance(const Roster *r, size_t idx);
/* Indexes of the delegations sorted by protocol order (units right after their
 * parent, by code), written into out[r->count]. */
void Roster_protocol_order(const Roster *r, size_t *out);

/* The delegation picker: candidates for what was typed, best first. Matches
 * the code, the English name or the native name by case- and accent-folded
 * prefix (also of any word), then substring: "fr", "fra", "Fran", "Ελλ",
 * "Öster" and "oster" all find their delegation. */
typedef struct RosterMatch {
   size_t index;   /* into r->list */
   int score;      /* higher is better */
} RosterMatch;
/* Writes at most max matches into out; returns how many. An empty query
 * matches nothing. */
size_t Roster_match(const Roster *r, const char *query, size_t n, RosterMatch *out, size_t max);

/* For model/ only (the session owns its roster). */
void Roster_init(Roster *r);
void Roster_clear(Roster *r);
/* Adds an empty entry with this code; its index, or GV_NONE on ENOMEM. */
size_t Roster_add(Roster *r, const char *code);

#endif
