/* Roster files (rosters/NAME.ini, format in doc/gavel-rosters.5): the
 * delegations a meeting may hear, turned into the "delegation ..." command
 * lines that the model's roster callback returns for "roster NAME". */
#ifndef GAVEL_STORAGE_ROSTER_FILE_H
#define GAVEL_STORAGE_ROSTER_FILE_H

#include <stddef.h>

#include "model/roster.h"
#include "storage/ini_commands.h"
#include "storage/paths.h"

typedef enum RosterKind {
   ROSTER_MS,          /* ms: a Member State */
   ROSTER_INSTITUTION, /* institution: PRES, COM, EEAS, CLS, GSC ... */
   ROSTER_AGENCY,      /* agency: ENISA, EUROPOL ... */
   ROSTER_OBSERVER,    /* observer: a third country, an international body */
   ROSTER_UNIT,        /* a unit of the delegation before the '/': COM/HOME */
} RosterKind;

#define ROSTER_CODE_MAX GV_CODE_MAX

typedef struct RosterEntry {
   char code[ROSTER_CODE_MAX + 1]; /* upper case: FR, COM/HOME */
   RosterKind kind;
   int order;      /* protocol order, 1.. over the delegations; 0 for a unit */
   char *name;     /* English: Greece; DG Home for a unit */
   char *native;   /* its own language: Ελλάδα (the name if not given) */
   char *phrase;   /* in documents: the EL delegation, the Commission (DG Home) */
   int line;       /* of its [CODE] */
} RosterEntry;

typedef struct RosterFile {
   char *path;  /* the file read */
   char *title; /* of [roster], or NULL */
   RosterEntry *entry;
   int count;
} RosterFile;

/* Parses a roster from buf[0..len) of the file called name. Returns a roster,
 * or NULL with *errors set to every problem as "name:line: message\n..."
 * (free it). */
RosterFile *RosterFile_parse(const char *buf, size_t len, const char *name, char **errors);

/* Loads the roster NAME (searched as in storage/paths.h; hint may be NULL)
 * or the file at a PATH (one with a '/' or ending in .ini). */
RosterFile *RosterFile_load(const char *name_or_path, const PathsHint *hint, char **errors);

void RosterFile_free(RosterFile *r);

/* The entry with code (case ignored), or NULL. */
const RosterEntry *RosterFile_find(const RosterFile *r, const char *code);

/* "ms", "institution", "agency", "observer", "unit". */
const char *RosterFile_kindName(RosterKind kind);

/* Appends one "delegation CODE kind=K order=N name="..." native="..."
 * phrase="..."" line per entry (a unit: "delegation COM/HOME name="..."
 * phrase="...""), in file order. */
void RosterFile_commands(const RosterFile *r, IniCommands *out);

/* What the model's roster callback needs: the delegation lines for
 * NAME|PATH, '\n'-separated, as a new string; or NULL with *errors. */
char *RosterFile_lines(const char *name_or_path, const PathsHint *hint, char **errors);

/* The same in the shape of the model's RunContext.load_roster: appends the
 * lines to *lines (struct GvBuf of model/buf.h); 0, or -1 with msg holding
 * the first problem ("eu29.ini:4: unknown kind 'member' (and 2 more)"). */
struct GvBuf;
int RosterFile_loadInto(const char *name_or_path, const PathsHint *hint, struct GvBuf *lines,
                        char *msg, size_t msglen);

#endif
