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
 *   ... ArchiveScan.visitFolded: ArchiveSearch_folded(&s, day, body, path, recs, len,
 *                                folded, flen, Archive_parseRecord)
 *   ArchiveSearch_sort(&s);   then s.hits[0..s.nhits), newest first
 *   ArchiveSearch_free(&s); */
#ifndef GAVEL_RENDER_ARCHIVE_SEARCH_H
#define GAVEL_RENDER_ARCHIVE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "model/digest.h"
#include "model/match.h"
#include "model/status.h"

typedef struct SearchHit {
   int64_t day;
   size_t seq;
   /* All visible, kept by the search (its arena) until ArchiveSearch_free;
    * a session's date, body and path and an item's number and title are
    * shared by their hits. */
   const char *date, *body, *path;
   const char *item, *title, *delegation, *what, *text;
   /* The uuid of the record that matched (an intervention, a position, a
    * reservation, an action or a deadline): where Enter opens; "" for an
    * item's own texts. */
   const char *uid;
   size_t textlen;           /* strlen(text) */
} SearchHit;

/* The text form of the hits (`gavel search`'s): each one's line (date,
 * body, item number and title, delegation, kind) and its context below,
 * written in blocks of 64 KiB to f. The head of a hit's line is kept while
 * the hits share it. */
/* Text kept in memory to be written out later: a chain of the blocks
 * flushed, in order. */
typedef struct SearchSpill {
   struct SearchSpill *next;
   size_t len;
   char data[];
} SearchSpill;

typedef struct SearchText {
   FILE *f;
   /* When set, the text is kept there instead of written to f: each block
    * appended to the chain at *spill (which then points to its end). */
   SearchSpill **spill;
   bool spillFailed;      /* out of memory: some text was lost */
   size_t len;
   const char *date, *body, *item, *title; /* the head kept (NULL: none) */
   size_t headLen;
   const char *deleg, *what;                /* the last ones, and their lengths */
   size_t delegLen, whatLen;
   char head[512];
   char buf[65536];
} SearchText;

/* One hit, as text. */
void SearchText_hit(SearchText *t, const SearchHit *h);
/* Writes out what the block holds. */
void SearchText_flush(SearchText *t);
/* Writes a chain of kept text to f (NULL: nowhere) and frees it; false
 * when a write failed. */
bool SearchSpill_write(SearchSpill *chain, FILE *f);

typedef struct SearchBlock SearchBlock;
typedef struct SearchDeleg SearchDeleg;

typedef struct ArchiveSearch {
   MatchQuery q;
   GvBuf scratch;
   const char *delegation;   /* only this delegation's texts; NULL: all */
   char dockey[256];         /* only items on this document (a dossier key); "" all */
   MatchQuery itemq;         /* only items of this number, or with these title words */
   const char *item;
   const char *markOn, *markOff; /* around each match in the context ("[" "]" by default) */
   const char *markOnWas, *markOffWas; /* the marks markOnLen and markOffLen measure */
   size_t markOnLen, markOffLen;
   bool noUid;                /* the hits' uid left "" (a caller that never opens one) */
   bool noPath;               /* the hits' path left "" (a caller that never shows it) */
   /* When set, each hit is given to emit as it is found instead of being
    * kept (hits stays empty; nemitted counts them): its strings last until
    * emit returns. For a caller that visits the sessions in the order of
    * the output (newest first) and prints as it goes. */
   void (*emit)(void *ud, const SearchHit *h);
   void *emitUd;
   /* Or, when set, each hit is written as text into it as found (as
    * SearchText_hit would), no hit built: the same order, less copying. */
   SearchText *text;
   size_t nemitted;
   SearchHit *hits;
   size_t nhits, cap;
   bool nomem;
   MatchLine *lines;          /* ArchiveSearch_folded's candidate lines, reused */
   size_t linecap;
   const char *linesOf;       /* the folded lines they were found in (foldedCould), */
   size_t linesLen, nlines;   /* their length, and how many were found */
   const unsigned char *only; /* per record of the digest visited: 0 cannot match (NULL: try all) */
   /* While ArchiveSearch_folded visits (folding), per record of the
    * digest: its folded cache line when its fields are those of the line
    * (no escape), else NULL; and that line's length. */
   bool folding;
   const char *leadAt;        /* in the folded line tried: the lead term's first place (NULL: not known) */
   const char *lineF, *lineR; /* the clean line tried, folded and its record (NULL: none) */
   size_t lineLen;            /* their length */
   const char **fold;
   size_t *foldlen;
   size_t foldcap;
   bool shared;               /* the session visited has its date, body and path below */
   const char *sdate, *sbody, *spath;
   const char **inum, **ititle; /* per item of the digest visited: visible, or NULL */
   size_t *items;             /* the record index of each item of the digest visited */
   size_t nitems, itemcap;
   size_t icap;
   GvBuf vis;                 /* a hit's text made visible, before it is kept */
   /* Each delegation code seen, made visible once and shared by its hits
    * (open addressing on the code as recorded; NULL until the first). */
   struct SearchDeleg *delegs;
   size_t ndelegs;
   SearchBlock *arena;        /* the hits' strings, in large blocks */
   /* ArchiveSearch_folded's records of one session: fields cut in blocks
    * reused from session to session (pool), a record the parser had to
    * allocate (an escape) marked in owned. */
   ArchiveDigest recs;
   SearchBlock *pool;
   GvBuf owned, onlybuf;
   GvBuf cleanbuf;            /* per record of recs: 1 when its line is clean (capital type) */
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
/* Reads one cache line (a record, \t \n \\ escaped) into d; false when out
 * of memory. storage/archive.h's Archive_parseRecord. */
typedef bool (*ArchiveSearchParse)(const char *line, size_t len, ArchiveDigest *d);
/* A cached session (ArchiveScan.visitFolded): recs are its cache lines and
 * folded the same lines folded (Match_fold), each padded to its record's
 * length (storage/archive.h). The folded lines say which records can match;
 * only those and the items (for titles, --item and --doc) are parsed, and
 * tried on their folded fields. 0 visited, 1 cannot match, -1 declined (the
 * query has no line form, the two do not line up, or out of memory: visit
 * the digest instead). */
int ArchiveSearch_folded(ArchiveSearch *s, int64_t day, const char *body, const char *path,
                         const char *recs, size_t len, const char *folded, size_t flen,
                         ArchiveSearchParse parse);
/* Whether any line of a session's folded lines (as ArchiveSearch_folded
 * gets them) can match: the lines found are kept for the
 * ArchiveSearch_folded that follows on the same lines. */
bool ArchiveSearch_foldedCould(ArchiveSearch *s, const char *folded, size_t flen);
/* Newest first; hits of one day in the order found. */
void ArchiveSearch_sort(ArchiveSearch *s);
void ArchiveSearch_free(ArchiveSearch *s);

#endif
