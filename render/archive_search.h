/* Searching the archive's digests (render/archive_digest.h): words and
 * quoted phrases (model/match.h) over notes, item titles, outcomes,
 * positions, reservations, deadlines and actions. `gavel search` and the
 * live screen's `/` share it. Each hit keeps the date, body, item number
 * and title, delegation, what kind of text matched and the text in context
 * with every match between the caller's markers; all visible.
 *
 *   ArchiveSearch s;
 *   if (ArchiveSearch_init(&s, query, msg, sizeof msg) != GV_OK) ...
 *   ... ArchiveScan.want: ArchiveSearch_could(&s, raw, len)
 *   ... ArchiveScan.visitDigest: ArchiveSearch_digest(&s, day, body, path, d)
 *   ArchiveSearch_sort(&s);   then s.hits[0..s.nhits), newest first
 *   ArchiveSearch_free(&s); */
#ifndef GAVEL_RENDER_ARCHIVE_SEARCH_H
#define GAVEL_RENDER_ARCHIVE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/digest.h"
#include "model/match.h"
#include "model/status.h"

typedef struct SearchHit {
   int64_t day;
   size_t seq;
   char *date, *body, *item, *title, *delegation, *what, *text, *path;
} SearchHit;

typedef struct ArchiveSearch {
   MatchQuery q;
   GvBuf scratch;
   const char *delegation;   /* only this delegation's texts; NULL: all */
   char dockey[256];         /* only items on this document (a dossier key); "" all */
   MatchQuery itemq;         /* only items of this number, or with these title words */
   const char *item;
   const char *markOn, *markOff; /* around each match in the context ("[" "]" by default) */
   SearchHit *hits;
   size_t nhits, cap;
   bool nomem;
} ArchiveSearch;

/* Parses the query (GV_USAGE, GV_BAD_UTF8 with msg). */
GvStatus ArchiveSearch_init(ArchiveSearch *s, const char *query, char *msg, size_t msglen);
/* --item TEXT: an item number, or words of its title. */
GvStatus ArchiveSearch_item(ArchiveSearch *s, const char *item, char *msg, size_t msglen);
/* --doc REF: a Council document reference (any revision). */
GvStatus ArchiveSearch_doc(ArchiveSearch *s, const char *ref, char *msg, size_t msglen);
/* Whether a raw session file can hold a hit at all (Match_couldContain). */
bool ArchiveSearch_could(ArchiveSearch *s, const char *raw, size_t len);
/* Takes the hits of one session's digest. */
void ArchiveSearch_digest(ArchiveSearch *s, int64_t day, const char *body, const char *path,
                          const ArchiveDigest *d);
/* Newest first; hits of one day in the order found. */
void ArchiveSearch_sort(ArchiveSearch *s);
void ArchiveSearch_free(ArchiveSearch *s);

#endif
