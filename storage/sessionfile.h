/* A session on disk: the journal file (doc/gavel-session.5) bound to the
 * model's Session. The one API the batch subcommands, the TUI and the
 * renderers use to get at a session:
 *
 *   SessionFile *sf = SessionFile_openNamed(datadir, "2017-05-12-hwp-cyber", &opts, err, n);
 *   ... SessionFile_session(sf) to read the meeting ...
 *   SessionFile_run(sf, "floor FR DE", msg, sizeof msg);   // applied + fdatasync'ed, or refused
 *   SessionFile_close(sf);
 *
 * Opening reads the whole file, checks the header, replays every record line
 * into a Session, and collects every problem as "FILE:LINE: message":
 *   - a torn last line (no final '\n': a crash mid-append) is set aside:
 *     in memory it is ignored; a writable open copies it to FILE.torn and
 *     cuts it off the file, so that the next append starts on a fresh line;
 *   - a line that does not parse or replay: the rest is loaded, and the
 *     session is read-only (nothing rewrites the file without asking);
 *   - a header version newer than this gavel knows: read-only.
 * A writable open takes an fcntl write lock on the file; when another
 * gavel holds it the session is read-only and readOnlyReason() says why.
 *
 * Every successful SessionFile_run() has appended the command's canonical
 * lines and fdatasync'ed them before it returns: that is the acknowledgement.
 * A failed write is rolled back in the model (Session_rollback) and the file
 * cut back to its acknowledged length. A line that the next open would
 * refuse is never written (the command is refused instead), and a file that
 * another program changed behind the lock turns the session read-only.
 *
 * A read-only view follows a writer with SessionFile_refresh(). Every write
 * goes through opts->io (storage/fileio.h), so tests can make any of them fail. */
#ifndef GAVEL_STORAGE_SESSIONFILE_H
#define GAVEL_STORAGE_SESSIONFILE_H

#include <stddef.h>

#include "model/session.h"
#include "storage/fileio.h"
#include "storage/paths.h"

typedef struct SessionFile SessionFile;

typedef struct SessionFileOptions {
   const FileIO *io;   /* NULL: the real system calls (FileIO_system()) */
   int readOnly;       /* do not lock, never write (gavel show, check, --read-only) */
   const char *datadir; /* the -D override (NULL: $XDG_DATA_HOME/gavel); for rosters */
   int scanFirst;      /* 0: a long file is scanned beside its replay, a line
                        * checked just before it is applied; 1: scanned whole
                        * first, as a short one (the same result: tests
                        * compare the two) */
   /* Open from the session's state image when it matches the file's first
    * bytes (storage/stateimage.h), replaying only the lines after them, and
    * keep the image with SessionFile_saveImage(). For the live screen: a
    * batch command (check, show, render) replays every line. */
   int stateImage;
} SessionFileOptions;

/* Outcome of SessionFile_run(). */
typedef enum SessionFileRun {
   SESSIONFILE_DONE = 0,      /* applied and durable */
   SESSIONFILE_REFUSED = 1,   /* the model refused it; msg says why; nothing changed */
   SESSIONFILE_FAILED = 2,    /* the write failed or the session is read-only; nothing changed */
} SessionFileRun;

/* Creates a new session file at path, 0600, in a folder created 0700 if
 * missing: the header, then journal[0..len) (canonical lines from
 * Session_run(), each ending in '\n'; NULL for none). The file appears
 * whole or not at all (written aside, synced, then linked into place); fails
 * with EEXIST if path exists. 0, or -1 with err (errno kept). */
int SessionFile_create(const char *path, const char *journal, size_t len,
                       const SessionFileOptions *opts, char *err, size_t errlen);

/* The RunContext storage gives the model: the system's local clock, uuids
 * from libuuid, rosters from the roster files (found with hint, which must
 * outlive ctx; NULL for the defaults). For running commands on a Session
 * that has no file yet (gavel new builds one before naming it). */
void SessionFile_context(RunContext *ctx, const PathsHint *hint);

/* Opens the session at path. NULL (with err) only when there is nothing to
 * show: the file cannot be read or is not a gavel session. Problems that
 * still let it open are in SessionFile_problem(). */
SessionFile *SessionFile_open(const char *path, const SessionFileOptions *opts, char *err,
                              size_t errlen);

/* The same for a SESSION argument: a path, or a name in the sessions folder
 * of datadir (see storage/datadir.h). */
SessionFile *SessionFile_openNamed(const char *datadir, const char *name,
                                   const SessionFileOptions *opts, char *err, size_t errlen);

/* Releases the lock and frees everything. NULL is fine. */
void SessionFile_close(SessionFile *sf);
/* For a batch command that exits once it is done with sf: closes the file
 * (releasing the lock) and leaves its memory, the whole replayed session,
 * to the process's exit, which takes it back at once where freeing it takes
 * a free() per block (14 M instructions for 10,000 agenda items). The one
 * left last stays reachable (a leak checker counts it in use, not lost);
 * the one left before it is freed then, so a command going through many
 * sessions holds at most one. NULL is fine. */
void SessionFile_closeAtExit(SessionFile *sf);

const char *SessionFile_path(const SessionFile *sf);
Session *SessionFile_session(SessionFile *sf);

/* 1 if writes are refused, and the reason: "FILE: another gavel is writing
 * this session ...; opened read-only", "FILE:7: a line could not be read;
 * opened read-only ...", "FILE: opened read-only, as asked", ... */
int SessionFile_readOnly(const SessionFile *sf);
const char *SessionFile_readOnlyReason(const SessionFile *sf);

/* Problems found while opening (and refreshing), each "FILE:LINE: message",
 * in file order. */
size_t SessionFile_problemCount(const SessionFile *sf);
const char *SessionFile_problem(const SessionFile *sf, size_t i);

/* Number of record lines (after the header) that were loaded or appended. */
size_t SessionFile_lineCount(const SessionFile *sf);

/* Runs one typed command line through the model and appends its canonical
 * journal lines. msg gets the model's refusal or the write error. */
SessionFileRun SessionFile_run(SessionFile *sf, const char *line, char *msg, size_t msglen);

/* For a view of a session that another gavel is writing (gavel follow):
 * reads the complete lines appended since the open or the last refresh and
 * replays them (a line still being written waits for the next call).
 * 1 when something changed, 0 when nothing did, -1 with err when the file
 * was replaced or cut (a compaction): open it again then. */
int SessionFile_refresh(SessionFile *sf, char *err, size_t errlen);

/* Rewrites the file through the atomic path (temp + fsync + rename + folder
 * fsync) from Session_compact(): undone units and superseded drafts left
 * out, unknown record types kept as they were. The new journal is replayed
 * before it replaces the old one, and the new file is locked before it takes
 * the name. Refused when read-only. 0, or -1 with err (the file unchanged). */
int SessionFile_compact(SessionFile *sf, char *err, size_t errlen);

/* Sessions shorter than this get no state image: they open fast anyway. */
#define SESSIONFILE_IMAGE_MIN ((size_t)256 * 1024)

/* With opts->stateImage: writes the state image of the session as it is
 * now, unless the one it opened from or last wrote is still current, the
 * session is shorter than SESSIONFILE_IMAGE_MIN, its file had a problem
 * (an image is only ever taken of a sound session), or it holds lines run
 * or read since the open (copies: the next open replays them, and writes
 * the image then). 1 when written, 0 when not needed, -1 when it could not
 * be (a cache: nothing is lost). */
int SessionFile_saveImage(SessionFile *sf);

/* 1 when the open read the session's state image and replayed only what
 * follows it; 0 when it replayed the whole file. */
int SessionFile_openedFromImage(const SessionFile *sf);

/* Lists the pieces kept in the session's .torn file, one "TORN:LINE: set
 * aside from line N at TIME (B bytes)" each, through report. Their number,
 * or -1 with err. */
int SessionFile_tornPieces(const char *path, void (*report)(void *ud, const char *line), void *ud,
                           char *err, size_t errlen);

#endif
