/* The archive: every session file of the data folder's sessions/ (see
 * storage/datadir.h), for browsing and questioning past meetings.
 *
 *   Archive a;
 *   ArchiveScan how = { .datadir = env->datadir, .visit = fn, .ud = &mine };
 *   if (Archive_scan(&a, &how, err, sizeof err) != 0) ... (no sessions folder is not an error)
 *   for (size_t i = 0; i < a.count; i++) ... a.entries[i]: newest first
 *   Archive_free(&a);
 *
 * Each *.gavel file is opened read-only, never locked for writing (a live
 * gavel may hold it); files whose name does not end in .gavel (a README, a
 * .git folder) are not looked at. A file that does not open is an entry with
 * its "FILE:LINE: message" problem: it never stops the scan. The scan reads
 * each file once and replays it once (O(total size)); the entries are sorted
 * in O(n log n). Nothing here writes a session. */
#ifndef GAVEL_STORAGE_ARCHIVE_H
#define GAVEL_STORAGE_ARCHIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/digest.h"
#include "model/session.h"

typedef enum ArchiveState {
   ARCHIVE_OK = 0,        /* opened cleanly */
   ARCHIVE_DAMAGED = 1,   /* opened, with problems (a bad line, a torn tail): problem says */
   ARCHIVE_UNREADABLE = 2,/* not a session or cannot be read: problem says; no summary */
   ARCHIVE_SKIPPED = 3,   /* not replayed (the want callback said so): the summary is empty */
} ArchiveState;

/* What a list shows of one session, without keeping the session. */
typedef struct ArchiveEntry {
   char *path;            /* the session file */
   const char *name;      /* its file name, inside path */
   int64_t size;          /* bytes, and modification time in nanoseconds */
   int64_t mtime_ns;
   ArchiveState state;
   char *problem;         /* the first "FILE:LINE: message", or NULL */
   size_t nproblems;
   bool locked;           /* a live gavel holds its write lock right now */
   int64_t day;           /* `set date`, else YYYY-MM-DD of the file name, else GV_NO_DAY */
   char *body;            /* NULL when not set */
   char *docno;           /* NULL when not set */
   char *uuid;            /* the session's uuid ("" when none) */
   size_t items;          /* live agenda items */
   size_t interventions;
   size_t actions, open_actions, overdue_actions; /* overdue: open and due before today */
   size_t reservations, standing_reservations;    /* standing: not lifted */
   bool cached;           /* filled in from the cache, the file not replayed */
} ArchiveEntry;

typedef struct Archive {
   char *dir;             /* the sessions folder scanned */
   ArchiveEntry *entries; /* newest first: day, then file name, descending */
   size_t count, cap;
} Archive;

typedef struct ArchiveScan {
   const char *datadir;   /* the -D override, or NULL for $XDG_DATA_HOME/gavel */
   int64_t today;         /* day number, for overdue counts (GV_NO_DAY: none are) */
   /* Before a file is replayed, with its raw bytes (or, for a cache hit,
    * with its cached records, where \t, \n and \\ are escaped): false leaves
    * it ARCHIVE_SKIPPED (a search that cannot match it). NULL: take all. */
   bool (*want)(void *ud, const ArchiveEntry *e, const char *raw, size_t len);
   /* Each session that opened, in file-name order (oldest first for the
    * usual YYYY-MM-DD names), with its entry filled in. The session is freed
    * after the call: keep what you need. NULL: none. */
   void (*visit)(void *ud, const ArchiveEntry *e, const Session *s);
   /* After each file: done of total. NULL: none. */
   void (*progress)(void *ud, size_t done, size_t total);
   /* The cache: with digest set (render/archive_digest.h's
    * ArchiveDigest_build for the commands of gavel), a session that opened
    * cleanly is digested
    * once and the digest kept in the cache (digest_version names its
    * format: another version is a miss). The next scan takes a file whose
    * size and mtime are unchanged from the cache: its entry is filled in
    * and visitDigest gets the digest, without reading the file. visit is
    * then not called for it; a file replayed gets visit and visitDigest.
    * A damaged or unreadable file is never cached. NULL digest: no cache. */
   void (*digest)(const Session *s, ArchiveDigest *out);  /* ArchiveDigest_build */
   void (*visitDigest)(void *ud, const ArchiveEntry *e, const ArchiveDigest *d);
   const char *digest_version;
   const char *digest_types;  /* from the cache, only these record types ("IPR"); NULL: all */
   /* A search's way through a cached session, in place of want and
    * visitDigest: recs are its cache lines (one record a line, \t \n \\
    * escaped, as Archive_parseRecord reads them; the digest's items first)
    * and folded the same lines case- and accent-folded (Match_fold), line
    * for line, each padded with spaces to the length of its record (a line
    * starts at the same offset in both; its type letter stays a capital
    * when the record has no escape and no character Visible_append would
    * change), both read-only
    * views of the cache. Returns 0 when it visited the session, 1 when the
    * session cannot match (ARCHIVE_SKIPPED), -1 to decline (want and
    * visitDigest then run as for any cached session). NULL: not used. */
   int (*visitFolded)(void *ud, const ArchiveEntry *e, const char *recs, size_t len,
                      const char *folded, size_t flen);
   /* Before visitFolded, with the folded lines alone (checked): false when
    * no line can match. The session is then ARCHIVE_SKIPPED and its
    * records are neither read nor checked. NULL: not asked. */
   bool (*foldedCould)(void *ud, const char *folded, size_t flen);
   /* Visit the sessions newest first (day, then file name ascending)
    * instead of in file-name order, when every one is a cache hit (their
    * days are then known before any is visited; needs no_locks). ordered,
    * when set, is told before the first visit whether they will be. */
   bool newestFirst;
   void (*ordered)(void *ud, bool newestFirst);
   /* With two processors or more, one of them free (the load average
    * below their number), at least ARCHIVE_SPLIT_BYTES of cache
    * and no progress (GAVEL_THREADS=1: never, 2: whatever the processors,
    * load and size), a second thread shares a visit newest first: it
    * lists the folder while the scanning thread loads the cache, both
    * check the cached entries, then the sessions are cut into at most
    * nparts parts in order and the scanning thread visits them from the
    * newest, the second from the oldest, until they meet. split (called
    * before the folder is listed, and before ordered)
    * returns the ud of a second visitor for it, independent of the first
    * (its callbacks, part among them, are called from that thread alone),
    * or NULL for none; part tells it that the sessions it visits next are
    * those of part k (its findings kept apart, by part). Once it has
    * stopped, the scanning thread calls merge for each of its parts, in
    * order (what it found, after what ud found so far), then join (which
    * frees it; join alone when the visit is not newest first after all). A
    * session the second thread cannot take from the cache is visited by
    * the scanning thread, after the part's merge. NULL: one thread. */
   void *(*split)(void *ud, size_t nparts);
   void (*part)(void *other, size_t k);
   void (*merge)(void *ud, void *other, size_t k);
   void (*join)(void *ud, void *other);
   bool no_cache;         /* neither read nor write the cache (GAVEL_NO_CACHE=1 sets it too) */
   /* A cached file is only stat'ed, not opened to ask for its lock:
    * `locked` stays false (a search does not show it). */
   bool no_locks;
   void *ud;
} ArchiveScan;

/* Scans the sessions folder. 0; -1 with err only when the folder cannot be
 * named or listed (a missing folder is an empty archive). A cache that
 * cannot be read or written is ignored: it is never the only copy of
 * anything, and deleting it any time only costs the next scan a replay. */
int Archive_scan(Archive *a, const ArchiveScan *how, char *err, size_t errlen);

/* The cache bytes an ordered visit reads before a second thread is worth
 * it, and the parts it is cut into (ArchiveScan.split). */
#define ARCHIVE_SPLIT_BYTES ((size_t)4 << 20)
#define ARCHIVE_SPLIT_PARTS 64
void Archive_free(Archive *a);

/* Summarises one session already open (the TUI's current one, say) into e:
 * day, body, counts. e's path, problems and state are left alone. */
void Archive_summarise(ArchiveEntry *e, const Session *s, int64_t today);

/* Appends one cache line (line[0..len), without its '\n') to d as a record
 * of type line[0], its fields unescaped. false when out of memory. */
bool Archive_parseRecord(const char *line, size_t len, ArchiveDigest *d);

/* The cache file for a sessions folder into buf:
 * $XDG_CACHE_HOME/gavel/archive-HASH.cache (~/.cache when unset). 0 or -1. */
int Archive_cachePath(const char *sessionsDir, char *buf, size_t n);

/* The day a file name starts with (YYYY-MM-DD-...), or GV_NO_DAY. */
int64_t Archive_nameDay(const char *name);

/* The session an action id (full uuid or unique prefix) belongs to, among
 * the sessions of the archive: its path into path. 0; -1 with msg when no
 * session or more than one holds such an action. Reads the archive. */
int Archive_findAction(const char *datadir, const char *id, char *path, size_t pathlen, char *msg,
                       size_t msglen);

#endif
