/* The frame of a session file, without its meaning: the header line, the
 * record lines, a torn last line. The model gives each record its meaning
 * (Session_replay); this only splits the buffer and checks each line's frame,
 * so that a problem gets its line number and a clear message.
 *
 *   gavel-session VERSION\n
 *   TYPE SP TIME SP UUID SP PAYLOAD\n      (one per line)
 *
 * Parsers take a buffer and a length; nothing here does I/O. */
#ifndef GAVEL_STORAGE_SESSIONSCAN_H
#define GAVEL_STORAGE_SESSIONSCAN_H

#include <stddef.h>

/* GV_JOURNAL_VERSION (the newest version this gavel writes and fully
 * understands) and GV_JOURNAL_MAGIC. */
#include "model/journal.h"

typedef struct ScanLine {
   size_t start;         /* offset of the first byte in the buffer */
   size_t len;           /* without the '\n' */
   long lineno;          /* 1-based, as an editor counts */
} ScanLine;

typedef struct SessionScan {
   long version;         /* from the header; 0 when the header is bad */
   ScanLine *lines;      /* the complete record lines after the header, in order */
   size_t count;
   int torn;             /* the buffer ended without a final '\n' */
   ScanLine tornLine;    /* that last piece (start, len, lineno) */
   size_t goodLength;    /* bytes up to and including the last '\n' */
} SessionScan;

/* Splits buf. Fills scan (free with SessionScan_free). Returns 0, or -1 with
 * a message (without FILE:LINE:) in err when the header is missing or bad;
 * the lines are still split then, so a checker can go on. */
int SessionScan_run(const char *buf, size_t len, SessionScan *scan, char *err, size_t errlen);

void SessionScan_free(SessionScan *scan);

/* Checks every line of buf[0..len) (complete lines, each ending in '\n')
 * with SessionScan_checkLine. 0, or -1 with "line N: message" in err. */
int SessionScan_checkLines(const char *buf, size_t len, char *err, size_t errlen);

/* Checks the frame of one record line (TYPE SP TIME SP UUID [SP PAYLOAD]) and
 * that it is valid UTF-8 without control characters (a tab is allowed). 0,
 * or -1 with a message in err. The model checks the rest. Used on what is
 * read and on what is about to be written, so that gavel never writes a line
 * it would refuse to read back. */
int SessionScan_checkLine(const char *line, size_t len, char *err, size_t errlen);

/* The header line for a new file, with its '\n'. */
const char *SessionScan_header(void);

#endif
