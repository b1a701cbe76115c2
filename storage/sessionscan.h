/* The frame of a session file, without its meaning: the header line, the
 * record lines, a torn last line, the checksum that seals each line. The
 * model gives each record its meaning (Session_replay); this only splits the
 * buffer and checks each line's frame, so that a problem gets its line number
 * and a clear message.
 *
 *   gavel-session VERSION\n
 *   TYPE SP TIME SP UUID SP PAYLOAD SP SEAL\n      (one per line)
 *
 * SEAL (format 2 on) is the CRC-32 (zlib's crc32()) of the bytes of the line
 * before " SEAL", as 8 lower-case hex digits: a single changed bit anywhere
 * in a line is found. Format 1 lines have no seal. The model never sees a
 * seal: lines are handed to it without one, and sealed on the way out.
 * A file saved by a Windows editor (a byte order mark, CRLF line ends) is
 * read as if it had neither.
 *
 * Parsers take a buffer and a length; nothing here does I/O. */
#ifndef GAVEL_STORAGE_SESSIONSCAN_H
#define GAVEL_STORAGE_SESSIONSCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "model/buf.h"
#include "model/session.h"

/* GV_JOURNAL_VERSION (the newest version this gavel writes and fully
 * understands) and GV_JOURNAL_MAGIC. */
#include "model/journal.h"

/* The first format whose lines carry a seal. */
#define SESSIONSCAN_SEALED_VERSION 2
/* " " and 8 hex digits. */
#define SESSIONSCAN_SEAL_LEN 9

typedef enum ScanSeal {
   SCAN_SEAL_NONE = 0,   /* format 1: nothing to check */
   SCAN_SEAL_OK,         /* checked; len excludes it */
   SCAN_SEAL_MISSING,    /* format 2 line without a seal (len is the whole line) */
   SCAN_SEAL_BAD,        /* the line's bytes do not match its seal */
} ScanSeal;

typedef struct ScanLine {
   size_t start;         /* offset of the first byte in the buffer */
   size_t len;           /* without the '\n' (and the '\r', the seal) */
   long lineno;          /* 1-based, as an editor counts */
   ScanSeal seal;
   /* The scan found the line sound as SessionScan_checkLine would (frame,
    * UTF-8, no control character): no need to check it again. When 0, the
    * line may still be sound: SessionScan_checkLine says. */
   unsigned char checked;
   char after;           /* the byte after the line's content (a session that
                          * holds the buffer may overwrite it: see
                          * Session_hold_text) */
   unsigned char ahead;  /* SessionScan_begin: what the line is to a load's
                          * first pass (Session_ahead_kind), read before its
                          * seal is checked; SESSION_AHEAD_NONE otherwise */
} ScanLine;

typedef struct SessionScan {
   long version;         /* from the header; 0 when the header is bad */
   ScanLine *lines;      /* the complete record lines after the header, in order */
   size_t count;
   int torn;             /* the buffer ended without a final '\n' */
   ScanLine tornLine;    /* that last piece (start, len, lineno) */
   size_t goodLength;    /* bytes up to and including the last '\n' */
   int crlf;             /* the header ended in CRLF: a '\r' before each '\n' is dropped */
   size_t bom;           /* bytes of a UTF-8 byte order mark before the header (0 or 3) */
   long before;          /* lines before lines[0]: the header's 1, or those skipped */
} SessionScan;

/* Splits buf in one pass over its bytes that also checks each line's
 * controls and UTF-8 (ScanLine.checked) and its seal. Fills scan (free with SessionScan_free). Returns 0, or -1 with
 * a message (without FILE:LINE:) in err when the header is missing or bad;
 * the lines are still split then, so a checker can go on. */
int SessionScan_run(const char *buf, size_t len, SessionScan *scan, char *err, size_t errlen);

/* The same from offset `from` on (the start of a line after the header, the
 * `before` lines up to it, the header included, left to a state image):
 * the header is still read, the lines before `from` are not. */
int SessionScan_runFrom(const char *buf, size_t len, size_t from, long before, SessionScan *scan,
                        char *err, size_t errlen);

void SessionScan_free(SessionScan *scan);

/* A long file scanned beside its replay. SessionScan_begin splits buf in a
 * quick pass (each line's place and number, where its seal would be, and
 * ScanLine.ahead; the second half in a thread), then that thread checks
 * the lines as SessionScan_run does (UTF-8, controls, seal, frame, and
 * Session_fields), by chunks, in order; once all are checked it runs
 * SessionScan_crossCheck over the lines SessionScan_kept keeps, calling
 * report from that thread. SessionScan_ready(live, scan, i) makes line i
 * of scan what SessionScan_run gives (seal, checked, len), checking its
 * chunk itself when the thread has not come to it; ask for the lines in
 * order. SessionScan_end waits for the thread, makes every line final and
 * frees live; 1 when the checks across lines were run and reported. A
 * short file (or a thread that cannot start) is scanned at once by
 * SessionScan_run, *live is NULL and report is never called. Returns as
 * SessionScan_run does. The checkers read a line only before
 * SessionScan_ready hands it out, and the checks across lines only what
 * is between a line's start and its content's end: the caller may write
 * the byte after each line it has been given. */
typedef struct SessionScanLive SessionScanLive;
int SessionScan_begin(const char *buf, size_t len, SessionScan *scan, SessionScanLive **live,
                      void (*report)(void *ud, long lineno, const char *msg), void *ud, char *err,
                      size_t errlen);
const ScanLine *SessionScan_ready(SessionScanLive *live, SessionScan *scan, size_t i);
/* After SessionScan_ready(live, scan, i): line i's fields (Session_fields)
 * when it was checked sound and split, else NULL. */
const SessionFields *SessionScan_fields(const SessionScanLive *live, size_t i);
int SessionScan_end(SessionScanLive *live, SessionScan *scan);

/* Checks every line of buf[0..len) (complete lines, each ending in '\n')
 * with SessionScan_checkLine. 0, or -1 with "line N: message" in err. */
int SessionScan_checkLines(const char *buf, size_t len, char *err, size_t errlen);

/* The lines of scan that are read: all but the unit of a torn "cmd+" line
 * (a crash cut its write: it was never acknowledged). */
size_t SessionScan_kept(const char *buf, const SessionScan *scan);

/* Damage that every line alone hides, across the first count lines of scan
 * (buf is what was scanned): two lines with the same uuid (a copied line),
 * a `draft` for an intervention that no earlier line created, a `cmd:N`
 * followed by fewer than N `cmd+` lines in the middle of the file (a crash
 * only ever cuts the end). Calls report for each, in no particular order;
 * returns how many. O(count). */
size_t SessionScan_crossCheck(const char *buf, const SessionScan *scan, size_t count,
                              void (*report)(void *ud, long lineno, const char *msg), void *ud);

/* Checks the frame of one record line (TYPE SP TIME SP UUID [SP PAYLOAD]) and
 * that it is valid UTF-8 without control characters (a tab is allowed). 0,
 * or -1 with a message in err. The model checks the rest. Used on what is
 * read and on what is about to be written, so that gavel never writes a line
 * it would refuse to read back. */
int SessionScan_checkLine(const char *line, size_t len, char *err, size_t errlen);

/* The header line for a new file, with its '\n'. */
const char *SessionScan_header(void);

/* The header line for a file of format version (1 or 2), with its '\n'. */
const char *SessionScan_headerFor(long version);

/* The checksum of one line's bytes (without seal or '\n'). */
unsigned long SessionScan_crc(const char *line, size_t len);
/* The same continued: the CRC of the bytes before, then these (zlib's crc32(crc, ...)). */
unsigned long SessionScan_crcMore(unsigned long crc, const char *line, size_t len);
/* The same for a long text, in two threads (the same bits). */
unsigned long SessionScan_crcWide(unsigned long crc, const char *text, size_t len);
/* The CRC of x then y, from a = CRC(x), b = CRC(y) and blen = y's length
 * (zlib's crc32_combine). */
unsigned long SessionScan_crcJoin(unsigned long a, unsigned long b, size_t blen);

/* Checks the seal at the end of line[0..len) (a format 2 line without its
 * '\n'): SCAN_SEAL_OK with *content the length before it, or
 * SCAN_SEAL_MISSING / SCAN_SEAL_BAD (and *content = len). */
ScanSeal SessionScan_unseal(const char *line, size_t len, size_t *content);

/* The message for a line whose seal is not SCAN_SEAL_OK or SCAN_SEAL_NONE. */
const char *SessionScan_sealMessage(ScanSeal seal);

/* Appends buf[0..len) (complete lines, each ending in '\n') to out, each
 * line sealed when version >= SESSIONSCAN_SEALED_VERSION, as it is
 * otherwise. False when out of memory. */
bool SessionScan_seal(GvBuf *out, const char *buf, size_t len, long version);

#endif
