#include "storage/sessionfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <uuid/uuid.h>

#include "model/session.h"
#include "model/session_image.h"
#include "storage/datadir.h"
#include "storage/lock.h"
#include "storage/roster_file.h"
#include "storage/sessionscan.h"
#include "storage/stateimage.h"
#include "storage/tornfile.h"

struct SessionFile {
   char *path;
   int fd;               /* open for the lock and the appends; -1 when none */
   int readOnly;
   char *reason;         /* why read-only, or NULL */
   char **problems;      /* "FILE:LINE: message" */
   size_t nproblems, problemsCap;
   Session *session;
   const FileIO *io;
   int locked;           /* this fd holds the write lock */
   off_t length;         /* bytes of the file that are acknowledged */
   struct timespec mtime;/* the file's modification time after our last look or write */
   long fileLines;       /* lines in those bytes, the header included */
   long version;         /* of the file: appends keep it (format 1 lines have no seal) */
   int crlf;             /* its lines end in CRLF (saved on Windows) */
   char *datadir;        /* -D DIR, for finding rosters; or NULL */
   PathsHint hint;       /* points at datadir */
   int stateImage;       /* opts->stateImage */
   int crcKnown;         /* crc is that of the file's `length` bytes, as the session read them */
   uint32_t crc;
   size_t imageCovered;  /* bytes the state image opened from or last written covers; 0: none */
   int fromImage;        /* the open read a state image */
};

__attribute__((format(printf, 2, 3)))
static void SessionFile_problemf(SessionFile *sf, const char *fmt, ...) {
   char buf[2048];
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(buf, sizeof buf, fmt, ap);
   va_end(ap);
   if (sf->nproblems == sf->problemsCap) {
      size_t cap = sf->problemsCap ? sf->problemsCap * 2 : 8;
      char **np = realloc(sf->problems, cap * sizeof *np);
      if (!np)
         return;
      sf->problems = np;
      sf->problemsCap = cap;
   }
   char *copy = strdup(buf);
   if (copy)
      sf->problems[sf->nproblems++] = copy;
}

/* The first reason wins: it is the one that explains the others. */
__attribute__((format(printf, 2, 3)))
static void SessionFile_setReadOnly(SessionFile *sf, const char *fmt, ...) {
   sf->readOnly = 1;
   if (sf->reason)
      return;
   char buf[2048];
   va_list ap;
   va_start(ap, fmt);
   vsnprintf(buf, sizeof buf, fmt, ap);
   va_end(ap);
   sf->reason = strdup(buf);
}

/* ---- the run context: clock, uuids, rosters --------------------------- */

/* The meeting clock: local wall time as naive seconds (see model/date.h). */
static int64_t SessionFile_now(void) {
   time_t t = time(NULL);
   struct tm tm;
   if (!localtime_r(&t, &tm))
      return (int64_t)t;
   return Date_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1, (unsigned)tm.tm_mday) *
             GV_DAY_SECONDS +
          tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
}

static void SessionFile_newUuid(void *ud, char out[37]) {
   (void)ud;
   uuid_t u;
   uuid_generate(u);
   uuid_unparse_lower(u, out);
}

/* The model's roster callback: ud is the PathsHint. */
static int SessionFile_loadRoster(void *ud, const char *name, GvBuf *lines, char *msg,
                                  size_t msglen) {
   return RosterFile_loadInto(name, ud, lines, msg, msglen);
}

void SessionFile_context(RunContext *ctx, const PathsHint *hint) {
   ctx->now = SessionFile_now();
   ctx->new_uuid = SessionFile_newUuid;
   ctx->load_roster = SessionFile_loadRoster;
   ctx->ud = (void *)hint;
}

/* ---- opening ---------------------------------------------------------- */

int SessionFile_create(const char *path, const char *journal, size_t len,
                       const SessionFileOptions *opts, char *err, size_t errlen) {
   const FileIO *io = opts && opts->io ? opts->io : FileIO_system();
   char dir[PATH_MAX];
   snprintf(dir, sizeof dir, "%s", path);
   char *slash = strrchr(dir, '/');
   if (slash && slash != dir) {
      *slash = '\0';
      if (FileIO_mkdirsWith(io, dir, err, errlen) != 0)
         return -1;
   }
   char why[512];
   if (len && SessionScan_checkLines(journal, len, why, sizeof why) != 0) {
      snprintf(err, errlen, "%s: not created: %s", path, why);
      errno = EINVAL;
      return -1;
   }
   GvBuf text = GV_BUF_INIT;
   GvBuf_puts(&text, SessionScan_header());
   if (len)
      SessionScan_seal(&text, journal, len, GV_JOURNAL_VERSION);
   if (text.failed) {
      GvBuf_free(&text);
      snprintf(err, errlen, "%s: out of memory", path);
      errno = ENOMEM;
      return -1;
   }
   int r = FileIO_createNew(io, path, text.data, text.len, err, errlen);
   int saved = errno;
   GvBuf_free(&text);
   errno = saved;
   return r;
}

static int SessionFile_startsWith(const char *s, size_t n, const char *prefix) {
   size_t m = strlen(prefix);
   return n >= m && memcmp(s, prefix, m) == 0;
}

/* The meeting clock as text, for the .torn marks. */
static void SessionFile_stamp(char *out, size_t n) {
   time_t t = time(NULL);
   struct tm tm;
   if (!localtime_r(&t, &tm) || strftime(out, n, "%Y-%m-%dT%H:%M:%S", &tm) == 0)
      snprintf(out, n, "?");
}

/* Adds the torn bytes to the .torn file beside the real session file
 * (synced, and its folder), then cuts the session file back to cut, so
 * that the next append starts on a line of its own. */
static int SessionFile_setAside(SessionFile *sf, const char *buf, size_t from, size_t to,
                                long lineno, char *where, size_t wherelen, char *why,
                                size_t whylen) {
   if (TornFile_path(sf->path, where, wherelen) != 0) {
      snprintf(why, whylen, "%s.torn: path too long", sf->path);
      return -1;
   }
   char at[32];
   SessionFile_stamp(at, sizeof at);
   if (TornFile_add(sf->io, where, buf + from, to - from, lineno, at, why, whylen) != 0)
      return -1;
   if (FileIO_ftruncate(sf->io, sf->fd, (off_t)from) != 0 || FileIO_fdatasync(sf->io, sf->fd) != 0) {
      snprintf(why, whylen, "%s: cannot cut the file back (%s)", sf->path, strerror(errno));
      return -1;
   }
   return 0;
}

/* Removes the temporaries of this session that a killed writer left (a
 * compaction, a .torn rewrite, an accepted edit): only with the session's
 * lock held, and only those whose own lock is free (FileIO_tempFile locks
 * every temporary for as long as its writer lives). */
static void SessionFile_sweep(SessionFile *sf) {
   char real[PATH_MAX];
   if (!realpath(sf->path, real))
      return;
   char *slash = strrchr(real, '/');
   if (!slash)
      return;
   *slash = '\0';
   const char *dir = slash == real ? "/" : real, *base = slash + 1;
   size_t blen = strlen(base);
   DIR *d = opendir(dir);
   if (!d)
      return;
   struct dirent *e;
   while ((e = readdir(d))) {
      const char *n = e->d_name;
      if (strncmp(n, base, blen) != 0)
         continue;
      const char *rest = n + blen;
      if (strncmp(rest, ".torn", 5) == 0)
         rest += 5;
      if (strncmp(rest, ".tmp-", 5) != 0 || strlen(rest + 5) != 6)
         continue;
      char p[PATH_MAX * 2];
      snprintf(p, sizeof p, "%s/%s", dir, n);
      int fd = open(p, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
      if (fd < 0)
         continue;
      struct stat st;
      char why[16];
      if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
          Lock_tryWrite(fd, p, why, sizeof why) == LOCK_TAKEN)
         unlink(p);
      close(fd);
   }
   closedir(d);
}

typedef struct CrossReport {
   SessionFile *sf;
   long first;
} CrossReport;

static void SessionFile_crossReport(void *ud, long lineno, const char *msg) {
   CrossReport *r = ud;
   SessionFile_problemf(r->sf, "%s:%ld: %s", r->sf->path, lineno, msg);
   if (!r->first || lineno < r->first)
      r->first = lineno;
}

typedef struct Ranked {
   char *text;
   long lineno;
   size_t order;
} Ranked;

static int SessionFile_byLine(const void *a, const void *b) {
   const Ranked *x = a, *y = b;
   if (x->lineno != y->lineno)
      return x->lineno < y->lineno ? -1 : 1;
   return x->order < y->order ? -1 : x->order > y->order;
}

/* Puts the problems back in file order (the checks across lines come last). */
static void SessionFile_sortProblems(SessionFile *sf) {
   Ranked *r = malloc(sf->nproblems * sizeof *r);
   if (!r)
      return;
   size_t plen = strlen(sf->path);
   for (size_t i = 0; i < sf->nproblems; i++) {
      const char *p = sf->problems[i];
      long n = strncmp(p, sf->path, plen) == 0 && p[plen] == ':' ? strtol(p + plen + 1, NULL, 10) : 0;
      r[i] = (Ranked){ sf->problems[i], n, i };
   }
   qsort(r, sf->nproblems, sizeof *r, SessionFile_byLine);
   for (size_t i = 0; i < sf->nproblems; i++)
      sf->problems[i] = r[i].text;
   free(r);
}

/* The checks across lines of a long file run in a thread of their own beside
 * the replay: they read only the line table and the lines' contents (the
 * replay writes no byte of them, only the one after each), and keep what
 * they find, reported after the replay's own problems as before. */
#define SESSIONFILE_CROSS_THREAD 4096   /* lines */

typedef struct CrossFound {
   long lineno;
   char *msg;
} CrossFound;

typedef struct CrossJob {
   const char *buf;
   const SessionScan *scan;
   size_t count;
   CrossFound *found;
   size_t nfound, cap;
   int nomem;
   pthread_t thread;
   int running;
   int done;   /* ran in the scan's own thread (SessionScan_begin): found is all */
} CrossJob;

static void SessionFile_crossKeep(void *ud, long lineno, const char *msg) {
   CrossJob *j = ud;
   if (j->nomem)
      return;
   if (j->nfound == j->cap) {
      size_t ncap = j->cap ? j->cap * 2 : 16;
      CrossFound *n = realloc(j->found, ncap * sizeof *n);
      if (!n) {
         j->nomem = 1;
         return;
      }
      j->found = n;
      j->cap = ncap;
   }
   char *m = strdup(msg);
   if (!m) {
      j->nomem = 1;
      return;
   }
   j->found[j->nfound++] = (CrossFound){ lineno, m };
}

static void *SessionFile_crossRun(void *ud) {
   CrossJob *j = ud;
   SessionScan_crossCheck(j->buf, j->scan, j->count, SessionFile_crossKeep, j);
   return NULL;
}

static void SessionFile_crossStart(CrossJob *j, const char *buf, const SessionScan *scan,
                                   size_t count) {
   *j = (CrossJob){ .buf = buf, .scan = scan, .count = count };
   if (count >= SESSIONFILE_CROSS_THREAD)
      j->running = pthread_create(&j->thread, NULL, SessionFile_crossRun, j) == 0;
}

/* What the checks across lines kept, dropped. */
static void SessionFile_crossForget(CrossJob *j) {
   for (size_t i = 0; i < j->nfound; i++)
      free(j->found[i].msg);
   free(j->found);
   j->found = NULL;
   j->nfound = j->cap = 0;
}

static void SessionFile_crossCheck(SessionFile *sf, CrossJob *j, long *firstBad) {
   CrossReport r = { sf, 0 };
   size_t found = 0;
   if (j->running)
      pthread_join(j->thread, NULL);
   j->running |= j->done;
   if (!j->running || j->nomem) {
      /* Not run yet, or what was kept is not all: here, reported as found. */
      found = SessionScan_crossCheck(j->buf, j->scan, j->count, SessionFile_crossReport, &r);
   } else {
      for (size_t i = 0; i < j->nfound; i++)
         SessionFile_crossReport(&r, j->found[i].lineno, j->found[i].msg);
      found = j->nfound;
   }
   j->running = 0;
   for (size_t i = 0; i < j->nfound; i++)
      free(j->found[i].msg);
   free(j->found);
   if (found > 0) {
      if (!*firstBad || r.first < *firstBad)
         *firstBad = r.first;
      SessionFile_sortProblems(sf);
   }
   SessionFile_sortProblems(sf);
}

/* A line given to the first look turned out to have a broken seal, so it
 * is not replayed: the look again, without the lines that are not. */
static void SessionFile_replan(Session *s, SessionScanLive *live, SessionScan *scan, size_t count) {
   unsigned char *kinds = malloc(count ? count : 1);
   size_t n = 0;
   for (size_t i = 0; i < count; i++) {
      const ScanLine *l = SessionScan_ready(live, scan, i);
      if (kinds && l->seal != SCAN_SEAL_MISSING && l->seal != SCAN_SEAL_BAD)
         kinds[n++] = l->ahead;
   }
   Session_load_replan(s, kinds, n);
   free(kinds);
}

/* A line the scan split already is applied without being split again. */
static GvStatus SessionFile_replayLine(Session *s, const char *line, size_t len,
                                       const SessionFields *f, char *msg, size_t msglen) {
   return f ? Session_replay_fields(s, line, len, f, msg, msglen)
            : Session_replay_checked(s, line, len, msg, msglen);
}

static void SessionFile_load(SessionFile *sf, char *buf, size_t len, SessionScan *scan,
                             SessionScanLive *live, CrossJob *cross) {
   /* All lines but a torn "cmd+" line's unit (a long file's quick pass
    * has every line's place already, its checks still to come). */
   size_t count = SessionScan_kept(buf, scan);
   size_t cut = count < scan->count ? scan->lines[count].start : scan->goodLength;
   const ScanLine *t = &scan->tornLine;
   sf->length = (off_t)cut;
   sf->fileLines = scan->before + (long)count;

   long firstBad = 0;
   char msg[1024];
   if (!live)
      SessionFile_crossStart(cross, buf, scan, count);
   /* One rebuild at the end, however many undo and redo lines the file holds. */
   Session_load_begin(sf->session);
   Session_load_reserve(sf->session, count);
   /* A first look at the lines: each is then applied once (see session.h).
    * A long file's lines come with their kind, before their seals are
    * checked: one that turns out broken has the look taken again. (After
    * a state image there is nothing to plan: the lines are few.) */
   unsigned char *kinds = live ? malloc(count ? count : 1) : NULL;
   size_t nkinds = 0;
   for (size_t i = 0; i < count && !sf->fromImage; i++) {
      const ScanLine *l = &scan->lines[i];
      if (kinds && l->seal != SCAN_SEAL_MISSING)
         kinds[nkinds++] = l->ahead;
      else if (!kinds && l->seal != SCAN_SEAL_MISSING && l->seal != SCAN_SEAL_BAD)
         Session_load_ahead(sf->session, buf + l->start, l->len);
   }
   Session_load_ahead_kinds(sf->session, kinds, nkinds);
   free(kinds);
   bool replanned = false;
   for (size_t i = 0; i < count; i++) {
      const ScanLine *l = SessionScan_ready(live, scan, i);
      const char *line = buf + l->start;
      if (live && !replanned && l->seal == SCAN_SEAL_BAD && l->ahead != SESSION_AHEAD_NONE) {
         SessionFile_replan(sf->session, live, scan, count);
         replanned = true;
      }
      if (l->seal == SCAN_SEAL_MISSING || l->seal == SCAN_SEAL_BAD)
         snprintf(msg, sizeof msg, "%s", SessionScan_sealMessage(l->seal));
      if (l->seal == SCAN_SEAL_MISSING || l->seal == SCAN_SEAL_BAD ||
          (!l->checked && SessionScan_checkLine(line, l->len, msg, sizeof msg) != 0) ||
          SessionFile_replayLine(sf->session, line, l->len, SessionScan_fields(live, i), msg,
                                 sizeof msg) != GV_OK) {
         SessionFile_problemf(sf, "%s:%ld: %s", sf->path, l->lineno, msg);
         if (!firstBad)
            firstBad = l->lineno;
      }
   }
   /* Every line as SessionScan_run has it, for what follows. */
   bool beside = live != NULL;
   int crossed = SessionScan_end(live, scan);
   if (beside) {
      cross->buf = buf;
      cross->scan = scan;
      cross->count = count;
      cross->done = crossed;
   }
   /* What each line alone hides: copied lines, drafts for nobody, units
    * missing lines in the middle. */
   SessionFile_crossCheck(sf, cross, &firstBad);
   size_t badIndex = 0;
   if (Session_load_end(sf->session, &badIndex, msg, sizeof msg) > 0) {
      /* A line kept for the end did not apply: name it by its place in the file. */
      size_t blen = 0;
      const char *bad = Session_line(sf->session, badIndex, &blen);
      long at = 0;
      for (size_t i = 0; bad && i < count && !at; i++)
         if (scan->lines[i].len == blen && memcmp(buf + scan->lines[i].start, bad, blen) == 0)
            at = scan->lines[i].lineno;
      long where = at ? at : 1;
      SessionFile_problemf(sf, "%s:%ld: %s", sf->path, where, msg);
      if (!firstBad || where < firstBad)
         firstBad = where;
   }
   if (firstBad)
      SessionFile_setReadOnly(sf, "%s:%ld: a line could not be read; opened read-only so that it is "
                              "not lost (see 'gavel check')", sf->path, firstBad);

   /* The last unit's cmd:N announced more cmd+ lines than the file has: a
    * crash cut its write exactly at a line boundary. It was never
    * acknowledged, so it goes aside like a torn line. (Unless a writer is
    * at work: then it is most likely being written now.) */
   int cutShort = 0;
   if (Session_replay_awaiting(sf->session) > 0 && (sf->locked || !Lock_heldByOther(sf->fd))) {
      size_t k = count;
      while (k > 0 && SessionFile_startsWith(buf + scan->lines[k - 1].start,
                                             scan->lines[k - 1].len, "cmd+ "))
         k--;
      if (k > 0 && SessionFile_startsWith(buf + scan->lines[k - 1].start,
                                          scan->lines[k - 1].len, "cmd:")) {
         k--;
         Session_rollback(sf->session);
         /* They go aside as they were in the file: the session held them. */
         for (size_t i = k; i < count; i++)
            buf[scan->lines[i].start + scan->lines[i].len] = scan->lines[i].after;
         count = k;
         cut = scan->lines[k].start;
         sf->length = (off_t)cut;
         sf->fileLines = scan->before + (long)count;
         cutShort = 1;
      }
   }
   if (!scan->torn && !cutShort)
      return;

   /* Only a writable, otherwise sound session has its torn tail moved aside;
    * a read-only one is never touched. */
   long first = count < scan->count ? scan->lines[count].lineno : t->lineno;
   char where[PATH_MAX + 8], why[PATH_MAX + 256];
   if (!sf->locked && Lock_heldByOther(sf->fd)) {
      /* A writer is at work: the line is most likely being written now, not
       * torn. Leave it for the next look (SessionFile_refresh reads it). */
      return;
   }
   if (sf->readOnly) {
      SessionFile_problemf(sf, "%s:%ld: incomplete last line (crash during a write?) set aside",
                           sf->path, first);
   } else if (SessionFile_setAside(sf, buf, cut, len, first, where, sizeof where, why,
                                   sizeof why) == 0) {
      SessionFile_problemf(sf, "%s:%ld: incomplete last line (crash during a write?) set aside in %s",
                           sf->path, first, where);
   } else {
      /* One message, and a true one: it is still in the file, read-only. */
      SessionFile_setReadOnly(sf, "%s:%ld: incomplete last line (crash during a write?) left in "
                              "place: %s; opened read-only", sf->path, first, why);
   }
}

/* Notes the file's modification time: a later change by anyone else (a git
 * pull, an editor, a sync tool) shows as a different one. */
static void SessionFile_noteMtime(SessionFile *sf) {
   struct stat st;
   if (sf->fd >= 0 && fstat(sf->fd, &st) == 0)
      sf->mtime = st.st_mtim;
}

/* Does path still name the file open on sf->fd? */
static int SessionFile_samePath(const SessionFile *sf, const char *path) {
   struct stat a, b;
   return fstat(sf->fd, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev &&
          a.st_ino == b.st_ino;
}

/* A warm open's check, by a thread of their own while the opening thread
 * reads the image back: the file begins with the image's text (compared
 * through a small buffer, nothing kept; the NULs counted), and the rest of
 * the file is read in after the text. */
typedef struct WarmCheck {
   const StateImageFile *image;
   int fd;
   char *text;
   size_t size;
   size_t nuls;
   uint64_t where;
   int ok;
} WarmCheck;

/* Reads the file's bytes [from, to) into text + from: 0, or -1 when they
 * are not all there (the file was cut meanwhile) or a read fails. */
static int SessionFile_readRange(int fd, char *text, size_t from, size_t to) {
   while (from < to) {
      ssize_t r = pread(fd, text + from, to - from, (off_t)from);
      if (r < 0 && errno == EINTR)
         continue;
      if (r <= 0)
         return -1;
      from += (size_t)r;
   }
   return 0;
}

static void *SessionFile_warmCheck(void *ud) {
   WarmCheck *c = ud;
   const StateImageInfo *info = &c->image->info;
   c->ok = StateImage_fileEquals(info, c->text, c->fd, &c->nuls, &c->where) &&
           SessionFile_readRange(c->fd, c->text, info->covered, c->size) == 0;
   return NULL;
}

/* A warm open: the session as the state image holds it, over the image's
 * text mapped as its held text (no read of the N bytes it stands for, no
 * copy of them: the text is the page cache's until written), once the
 * file proves to begin with those N bytes; the bytes after them are read
 * in after the text. The session, holding the text (*text, of size bytes:
 * the file's length as fstat had it), or NULL with nothing held or mapped:
 * then the whole file is read and replayed. */
static Session *SessionFile_warm(SessionFile *sf, const StateImageFile *image, size_t size,
                                 char **text) {
   const StateImageInfo *info = &image->info;
   char *mapped = info->covered <= size ? StateImage_mapText(image, size) : NULL;
   if (!mapped)
      return NULL;
   WarmCheck check = { .image = image, .fd = sf->fd, .text = mapped, .size = size };
   pthread_t thread;
   int running = pthread_create(&thread, NULL, SessionFile_warmCheck, &check) == 0;
   if (!running)
      SessionFile_warmCheck(&check);
   /* The image read back here meanwhile, its own checksum first: nothing
    * of it is read before. It places lines and notes in the text, neither
    * reading nor writing it (the pages stay the page cache's, and only the
    * check reads them), and tells where the lines' NULs must be. The bytes
    * after N, which the check writes, are no line's. Nothing of the session
    * is used before both halves agree: the file equal to the text, and the
    * text's NULs the lines' ends (as many, the same offsets). */
   SessionImagePending *pending = NULL;
   Session *s = Session_new();
   if (s && !Session_hold_text_with(s, mapped, size, StateImage_unmapText)) {
      Session_free(s);
      s = NULL;
   }
   size_t ends = 0;
   uint64_t where = 0;
   /* readAhead frees pending when it fails, settleShared always. */
   bool ok = s && StateImage_verify(image) &&
             SessionImage_readAhead(s, image->body, image->bodyLen, info->covered, &pending,
                                    NULL, 0) &&
             SessionImage_settleShared(s, pending, &ends, &where);
   if (running)
      pthread_join(thread, NULL);
   if (!ok || !check.ok || check.nuls != ends || check.where != where) {
      SessionImage_abandon(s, NULL);   /* the text stays ours */
      StateImage_unmapText(mapped, size);
      return NULL;
   }
   *text = mapped;
   return s;
}

SessionFile *SessionFile_open(const char *path, const SessionFileOptions *opts, char *err,
                              size_t errlen) {
   SessionFile *sf = calloc(1, sizeof *sf);
   if (!sf || !(sf->path = strdup(path)) || !(sf->session = Session_new())) {
      snprintf(err, errlen, "%s: out of memory", path);
      SessionFile_close(sf);
      return NULL;
   }
   sf->io = opts && opts->io ? opts->io : FileIO_system();
   sf->fd = -1;
   if (opts && opts->datadir && !(sf->datadir = strdup(opts->datadir))) {
      snprintf(err, errlen, "%s: out of memory", path);
      SessionFile_close(sf);
      return NULL;
   }
   sf->hint = (PathsHint){ .argv0 = NULL, .datadir = sf->datadir };
   int wantWrite = !(opts && opts->readOnly);
   if (!wantWrite)
      SessionFile_setReadOnly(sf, "%s: opened read-only, as asked", path);

   /* O_NONBLOCK: opening a FIFO for reading would wait for a writer forever,
    * before the check below could refuse it. */
   if (wantWrite) {
      sf->fd = open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK);
      if (sf->fd < 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
         SessionFile_setReadOnly(sf, "%s: cannot write (%s); opened read-only", path, strerror(errno));
   }
   if (sf->fd < 0)
      sf->fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
   if (sf->fd < 0) {
      snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
      SessionFile_close(sf);
      return NULL;
   }
   struct stat st;
   if (fstat(sf->fd, &st) != 0 || !S_ISREG(st.st_mode) ||
       fcntl(sf->fd, F_SETFL, fcntl(sf->fd, F_GETFL) & ~O_NONBLOCK) != 0) {
      snprintf(err, errlen, "%s: not a regular file", path);
      SessionFile_close(sf);
      return NULL;
   }
   /* The lock must be on the file the path names now: a writer compacting
    * the session renames a new file over it and then lets go of the old
    * one, and a lock won on that old one would guard a deleted file. */
   for (int tries = 0; !sf->readOnly && !sf->locked; tries++) {
      char why[PATH_MAX + 256];
      if (Lock_tryWrite(sf->fd, path, why, sizeof why) != LOCK_TAKEN) {
         SessionFile_setReadOnly(sf, "%s", why);
         break;
      }
      if (SessionFile_samePath(sf, path)) {
         sf->locked = 1;
         break;
      }
      close(sf->fd);
      sf->fd = open(path, O_RDWR | O_CLOEXEC);
      if (sf->fd < 0 || tries >= 10) {
         snprintf(err, errlen, "%s: %s", path,
                  sf->fd < 0 ? strerror(errno) : "keeps being replaced; try again");
         SessionFile_close(sf);
         return NULL;
      }
   }

   char *buf = NULL;
   size_t len = 0;
   SessionScan scan;
   char msg[512];
   sf->stateImage = opts && opts->stateImage;
   StateImageFile image = { 0 };
   const StateImageInfo *info = &image.info;
   /* With a state image that still stands for the file's first bytes, the
    * session comes from it (SessionFile_warm), else from the whole file. */
   Session *imaged = NULL;
   if (sf->stateImage && StateImage_open(path, &image, NULL, 0) == 0 &&
       fstat(sf->fd, &st) == 0 &&
       (imaged = SessionFile_warm(sf, &image, (size_t)st.st_size, &buf)) != NULL) {
      sf->fromImage = 1;
      len = (size_t)st.st_size;
      sf->crc = info->crc;
   }
   int wholeSummed = 0;
   FileIORead rd = { 0 };
   if (!sf->fromImage) {
      if (FileIO_readBegin(sf->fd, &rd) != 0) {
         snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
         StateImage_close(&image);
         SessionFile_close(sf);
         return NULL;
      }
      /* The whole file's CRC, for the image written later, summed as the
       * file comes in. */
      if (sf->stateImage) {
         rd.sumLen = rd.size;
         rd.more = SessionScan_crcMore;
         rd.join = SessionScan_crcJoin;
      }
      if (FileIO_readEnd(&rd, &buf, &len) != 0) {
         int saved = errno;
         StateImage_close(&image);
         snprintf(err, errlen, "%s: cannot read: %s", path, strerror(saved));
         SessionFile_close(sf);
         return NULL;
      }
      wholeSummed = rd.summed > 0 && rd.summed == len;
   }
   /* A long file read whole is scanned beside its replay. */
   SessionScanLive *live = NULL;
   CrossJob cross = { 0 };
   int r = sf->fromImage || (opts && opts->scanFirst)
              ? SessionScan_runFrom(buf, len, sf->fromImage ? info->covered : 0, info->lines, &scan,
                                    msg, sizeof msg)
              : SessionScan_begin(buf, len, &scan, &live, SessionFile_crossKeep, &cross, msg,
                                  sizeof msg);
   if (r != 0) {
      snprintf(err, errlen, "%s:1: %s", path, msg);
      SessionScan_end(live, &scan);
      SessionFile_crossForget(&cross);
      SessionScan_free(&scan);
      if (sf->fromImage)
         Session_free(imaged);   /* and the text it holds */
      else
         free(buf);
      StateImage_close(&image);
      SessionFile_close(sf);
      return NULL;
   }
   sf->version = scan.version;
   sf->crlf = scan.crlf;
   if (scan.version > GV_JOURNAL_VERSION) {
      SessionFile_problemf(sf, "%s:1: format version %ld is newer than this gavel knows (%d)", path,
                           scan.version, GV_JOURNAL_VERSION);
      SessionFile_setReadOnly(sf, "%s: written by a newer gavel (format version %ld); opened read-only",
                              path, scan.version);
   }
   /* Read-only, it never undoes itself: no checkpoints to keep (see session.h). */
   sf->session->replay_no_checkpoints = sf->readOnly;
   /* The session keeps the lines as slices of buf: the file is in memory once. */
   bool held;
   if (sf->fromImage) {
      Session_free(sf->session);
      sf->session = imaged;   /* it holds buf, the image's text mapped */
      sf->session->replay_no_checkpoints = sf->readOnly;
      held = true;
   } else {
      held = Session_hold_text(sf->session, buf, len);
   }
   /* What the session read, as a checksum: the state image written later
    * stands for these bytes (and those appended through this session). */
   if (sf->stateImage) {
      sf->crc = sf->fromImage ? (uint32_t)SessionScan_crcWide(sf->crc, buf + info->covered,
                                                               len - info->covered)
                              : wholeSummed ? (uint32_t)rd.sum
                                    : (uint32_t)SessionScan_crcWide(0, buf, len);
      sf->imageCovered = sf->fromImage ? info->covered : 0;
   }
   StateImage_close(&image);
   SessionFile_load(sf, buf, len, &scan, live, &cross);
   sf->crcKnown = sf->stateImage && (size_t)sf->length == len && sf->nproblems == 0;
   SessionScan_free(&scan);
   if (!held)
      free(buf);
   SessionFile_noteMtime(sf);
   if (!sf->readOnly && sf->locked)
      SessionFile_sweep(sf);
   if (sf->readOnly && sf->locked) {
      /* A session that cannot be written here need not keep others out. */
      Lock_release(sf->fd);
      sf->locked = 0;
   }
   return sf;
}

SessionFile *SessionFile_openNamed(const char *datadir, const char *name,
                                   const SessionFileOptions *opts, char *err, size_t errlen) {
   char dir[PATH_MAX], path[PATH_MAX];
   const char *sessions = NULL;
   if (DataDir_sessions(datadir, dir, sizeof dir, err, errlen) == 0)
      sessions = dir;
   if (DataDir_resolve(sessions, name, path, sizeof path, err, errlen) != 0)
      return NULL;
   return SessionFile_open(path, opts, err, errlen);
}

void SessionFile_close(SessionFile *sf) {
   if (!sf)
      return;
   if (sf->fd >= 0)
      close(sf->fd);  /* drops the lock */
   if (sf->session)
      Session_free(sf->session);
   for (size_t i = 0; i < sf->nproblems; i++)
      free(sf->problems[i]);
   free(sf->problems);
   free(sf->reason);
   free(sf->datadir);
   free(sf->path);
   free(sf);
}

static SessionFile *Left_at_exit;

void SessionFile_closeAtExit(SessionFile *sf) {
   if (!sf)
      return;
   if (sf->fd >= 0)
      close(sf->fd);  /* drops the lock */
   sf->fd = -1;
   SessionFile_close(Left_at_exit);
   Left_at_exit = sf;
}

const char *SessionFile_path(const SessionFile *sf) {
   return sf->path;
}

Session *SessionFile_session(SessionFile *sf) {
   return sf->session;
}

int SessionFile_readOnly(const SessionFile *sf) {
   return sf->readOnly;
}

const char *SessionFile_readOnlyReason(const SessionFile *sf) {
   return sf->reason ? sf->reason : "";
}

size_t SessionFile_problemCount(const SessionFile *sf) {
   return sf->nproblems;
}

const char *SessionFile_problem(const SessionFile *sf, size_t i) {
   return i < sf->nproblems ? sf->problems[i] : NULL;
}

size_t SessionFile_lineCount(const SessionFile *sf) {
   return Session_line_count(sf->session);
}

/* ---- writing ---------------------------------------------------------- */

SessionFileRun SessionFile_run(SessionFile *sf, const char *line, char *msg, size_t msglen) {
   if (msglen)
      msg[0] = '\0';
   if (sf->readOnly) {
      snprintf(msg, msglen, "%s", SessionFile_readOnlyReason(sf));
      return SESSIONFILE_FAILED;
   }
   RunContext ctx;
   SessionFile_context(&ctx, &sf->hint);
   GvBuf out = GV_BUF_INIT;
   GvStatus st = Session_run(sf->session, line, strlen(line), &ctx, &out, msg, msglen);
   if (st != GV_OK) {
      if (msglen && !msg[0])
         snprintf(msg, msglen, "%s", GvStatus_message(st));
      GvBuf_free(&out);
      return SESSIONFILE_REFUSED;
   }
   if (out.failed) {
      Session_rollback(sf->session);
      snprintf(msg, msglen, "out of memory; the command was not recorded");
      GvBuf_free(&out);
      return SESSIONFILE_FAILED;
   }
   if (out.len == 0) {
      GvBuf_free(&out);
      return SESSIONFILE_DONE;
   }
   /* Never write what the next open would refuse to read. */
   char why[512];
   if (SessionScan_checkLines(out.data, out.len, why, sizeof why) != 0) {
      Session_rollback(sf->session);
      /* "line 1: control character 0x01 in column 70": the columns are the
       * journal's, not what was typed, so say only what is wrong. */
      const char *m = strstr(why, ": ");
      m = m ? m + 2 : why;
      const char *col = strstr(m, " in column");
      snprintf(msg, msglen, "cannot be recorded: %.*s", col ? (int)(col - m) : (int)strlen(m), m);
      GvBuf_free(&out);
      return SESSIONFILE_REFUSED;
   }
   /* Another program may have changed the file behind the lock (an editor
    * saving over it, a git pull or checkout in a shared archive): appending
    * to a stale view then could lose its work or ours. Size, identity and
    * modification time must all be as we left them. */
   struct stat fst;
   if (fstat(sf->fd, &fst) != 0 || fst.st_size != sf->length || !SessionFile_samePath(sf, sf->path) ||
       fst.st_mtim.tv_sec != sf->mtime.tv_sec || fst.st_mtim.tv_nsec != sf->mtime.tv_nsec) {
      Session_rollback(sf->session);
      SessionFile_setReadOnly(sf, "%s was changed by another program while open (a git pull? an "
                              "editor?); read-only until reopened", sf->path);
      snprintf(msg, msglen, "%s; the command was not recorded", SessionFile_readOnlyReason(sf));
      GvBuf_free(&out);
      return SESSIONFILE_FAILED;
   }
   /* The file's own format: a format 1 file gets format 1 lines until it
    * is compacted, so that it never mixes sealed and unsealed lines. */
   GvBuf sealed = GV_BUF_INIT;
   if (!SessionScan_seal(&sealed, out.data, out.len, sf->version)) {
      Session_rollback(sf->session);
      snprintf(msg, msglen, "out of memory; the command was not recorded");
      GvBuf_free(&sealed);
      GvBuf_free(&out);
      return SESSIONFILE_FAILED;
   }
   GvBuf_free(&out);
   out = sealed;
   /* One write of the whole unit, then fdatasync: only then is it acknowledged. */
   int r = lseek(sf->fd, sf->length, SEEK_SET) < 0 ? -1 : 0;
   if (r == 0)
      r = FileIO_writeAll(sf->io, sf->fd, out.data, out.len);
   if (r == 0)
      r = FileIO_fdatasync(sf->io, sf->fd);
   if (r != 0) {
      int saved = errno;
      Session_rollback(sf->session);
      /* Cut off whatever part reached the file, so that no half command stays. */
      if (FileIO_ftruncate(sf->io, sf->fd, sf->length) != 0 ||
          FileIO_fdatasync(sf->io, sf->fd) != 0)
         SessionFile_setReadOnly(sf, "%s: a failed write could not be cut back (%s); read-only until "
                                 "reopened", sf->path, strerror(errno));
      else
         SessionFile_noteMtime(sf);  /* our own cut, not someone else's change */
      snprintf(msg, msglen, "cannot write %s (%s); the command was not recorded", sf->path,
               strerror(saved));
      GvBuf_free(&out);
      return SESSIONFILE_FAILED;
   }
   sf->length += (off_t)out.len;
   if (sf->crcKnown)
      sf->crc = (uint32_t)SessionScan_crcMore(sf->crc, out.data, out.len);
   SessionFile_noteMtime(sf);
   for (size_t i = 0; i < out.len; i++)
      sf->fileLines += out.data[i] == '\n';
   GvBuf_free(&out);
   return SESSIONFILE_DONE;
}

int SessionFile_refresh(SessionFile *sf, char *err, size_t errlen) {
   struct stat st;
   if (fstat(sf->fd, &st) != 0 || !SessionFile_samePath(sf, sf->path) || st.st_size < sf->length) {
      snprintf(err, errlen, "%s was replaced (compacted?); open it again", sf->path);
      return -1;
   }
   if (st.st_size == sf->length)
      return 0;
   size_t want = (size_t)(st.st_size - sf->length), got = 0;
   char *buf = malloc(want + 1);
   if (!buf) {
      snprintf(err, errlen, "%s: out of memory", sf->path);
      return -1;
   }
   while (got < want) {
      ssize_t r = pread(sf->fd, buf + got, want - got, sf->length + (off_t)got);
      if (r < 0 && errno == EINTR)
         continue;
      if (r <= 0)
         break;
      got += (size_t)r;
   }
   int changed = 0;
   size_t at = 0;
   long lineno = sf->fileLines;
   char msg[1024];
   for (const char *nl; at < got && (nl = memchr(buf + at, '\n', got - at)); ) {
      size_t n = (size_t)(nl - (buf + at)), body = n;
      lineno++;
      if (sf->crlf && body > 0 && buf[at + body - 1] == '\r')
         body--;
      ScanSeal seal = SCAN_SEAL_NONE;
      if (sf->version >= SESSIONSCAN_SEALED_VERSION)
         seal = SessionScan_unseal(buf + at, body, &body);
      if (seal == SCAN_SEAL_MISSING || seal == SCAN_SEAL_BAD)
         SessionFile_problemf(sf, "%s:%ld: %s", sf->path, lineno, SessionScan_sealMessage(seal));
      else if (SessionScan_checkLine(buf + at, body, msg, sizeof msg) != 0 ||
               Session_replay_checked(sf->session, buf + at, body, msg, sizeof msg) != GV_OK)
         SessionFile_problemf(sf, "%s:%ld: %s", sf->path, lineno, msg);
      changed = 1;
      at += n + 1;
   }
   sf->length += (off_t)at;
   if (sf->crcKnown)
      sf->crc = (uint32_t)SessionScan_crcMore(sf->crc, buf, at);
   SessionFile_noteMtime(sf);
   sf->fileLines = lineno;
   free(buf);
   return changed;
}

int SessionFile_compact(SessionFile *sf, char *err, size_t errlen) {
   if (sf->readOnly) {
      snprintf(err, errlen, "%s", SessionFile_readOnlyReason(sf));
      return -1;
   }
   /* Compaction writes the newest format: it is how a format 1 file gets sealed. */
   GvBuf plain = GV_BUF_INIT, text = GV_BUF_INIT;
   GvBuf_puts(&text, SessionScan_header());
   if (Session_compact(sf->session, &plain) != GV_OK || plain.failed ||
       !SessionScan_seal(&text, plain.data ? plain.data : "", plain.len, GV_JOURNAL_VERSION)) {
      snprintf(err, errlen, "%s: out of memory", sf->path);
      GvBuf_free(&plain);
      GvBuf_free(&text);
      return -1;
   }
   GvBuf_free(&plain);
   /* Check the new journal before it replaces the old one: it must replay. */
   Session *fresh = Session_new();
   SessionScan scan;
   char msg[512];
   if (!fresh || SessionScan_run(text.data, text.len, &scan, msg, sizeof msg) != 0) {
      snprintf(err, errlen, "%s: cannot compact: %s", sf->path, fresh ? msg : "out of memory");
      Session_free(fresh);
      GvBuf_free(&text);
      return -1;
   }
   for (size_t i = 0; i < scan.count; i++) {
      if (scan.lines[i].seal != SCAN_SEAL_OK)
         snprintf(msg, sizeof msg, "%s", SessionScan_sealMessage(scan.lines[i].seal));
      if (scan.lines[i].seal != SCAN_SEAL_OK ||
          Session_replay(fresh, text.data + scan.lines[i].start, scan.lines[i].len, msg,
                         sizeof msg) != GV_OK) {
         snprintf(err, errlen, "%s: not compacted: the compacted journal does not replay (line %ld: %s)",
                  sf->path, scan.lines[i].lineno, msg);
         SessionScan_free(&scan);
         Session_free(fresh);
         GvBuf_free(&text);
         return -1;
      }
   }
   SessionScan_free(&scan);

   /* The temporary is locked before it is renamed into place, so that the
    * new file is never unlocked while we still write. */
   char tmp[PATH_MAX], real[PATH_MAX];
   /* Through a symbolic link, the file it names is the one to replace: a
    * rename over the link itself would leave the real session behind. */
   const char *target = realpath(sf->path, real) ? real : sf->path;
   int fd = FileIO_tempFile(target, tmp, sizeof tmp);
   const char *step = fd < 0 ? "create a temporary file" : NULL;
   char why[PATH_MAX + 256];
   if (!step && Lock_tryWrite(fd, tmp, why, sizeof why) != LOCK_TAKEN)
      step = "lock the new copy";
   /* Same mode, owner and group as the session it replaces. */
   struct stat old;
   if (!step && (fstat(sf->fd, &old) != 0 || FileIO_keepOwner(fd, &old) != 0))
      step = "give the new copy the session's mode";
   if (!step && FileIO_writeAll(sf->io, fd, text.data, text.len) != 0)
      step = "write the new copy";
   if (!step && FileIO_fsync(sf->io, fd) != 0)
      step = "sync the new copy";
   if (!step && FileIO_rename(sf->io, tmp, target) != 0)
      step = "rename the new copy into place";
   if (step) {
      int saved = errno;
      if (fd >= 0) {
         close(fd);
         unlink(tmp);
      }
      snprintf(err, errlen, "%s: cannot %s (%s); the session is unchanged", sf->path, step,
               strerror(saved));
      Session_free(fresh);
      GvBuf_free(&text);
      return -1;
   }
   close(sf->fd);
   sf->fd = fd;
   sf->length = (off_t)text.len;
   SessionFile_noteMtime(sf);
   sf->fileLines = 1 + (long)Session_line_count(fresh);
   sf->version = GV_JOURNAL_VERSION;
   sf->crlf = 0;
   /* Its lines are copies: no image until the next open (see saveImage). */
   sf->crcKnown = 0;
   Session_free(sf->session);
   sf->session = fresh;
   GvBuf_free(&text);
   if (FileIO_syncParent(sf->io, target) != 0) {
      snprintf(err, errlen, "%s: compacted, but the folder could not be synced (%s)", sf->path,
               strerror(errno));
      return -1;
   }
   return 0;
}

int SessionFile_saveImage(SessionFile *sf) {
   /* Lines run or read here since the open are copies (and their notes text
    * of their own): an image of them would keep them so at every open after,
    * where a replay makes them slices of the file read. The next open
    * replays them, and its image has none. */
   if (!sf->stateImage || !sf->crcKnown || sf->nproblems > 0 ||
       (size_t)sf->length < SESSIONFILE_IMAGE_MIN || sf->imageCovered == (size_t)sf->length ||
       Session_replay_awaiting(sf->session) > 0 || sf->session->journal.ncopies > 0)
      return 0;
   if (StateImage_folder() != 0)
      return -1;
   GvBuf body = GV_BUF_INIT;
   /* What the NULs the replay put in the text stood for: the blank before
    * each line's seal, or (no seals) its line end; StateImage_save checks. */
   char sep = sf->version >= SESSIONSCAN_SEALED_VERSION ? ' ' : sf->crlf ? '\r' : '\n';
   StateImageInfo info = { .covered = (size_t)sf->length, .crc = sf->crc, .lines = sf->fileLines,
                           .sep = sep };
   /* The text the image keeps is the session's held text, NULs and all. */
   const Journal *j = &sf->session->journal;
   if (!j->held || j->held_len < info.covered)
      return 0;
   int r = SessionImage_write(sf->session, &body) &&
           StateImage_save(sf->path, &info, j->held, body.data, body.len) == 0 ? 1 : -1;
   GvBuf_free(&body);
   if (r == 1)
      sf->imageCovered = (size_t)sf->length;
   return r;
}

int SessionFile_openedFromImage(const SessionFile *sf) {
   return sf->fromImage;
}

int SessionFile_tornPieces(const char *path, void (*report)(void *ud, const char *line), void *ud,
                           char *err, size_t errlen) {
   char torn[PATH_MAX + 8];
   if (TornFile_path(path, torn, sizeof torn) != 0) {
      snprintf(err, errlen, "%s: path too long", path);
      return -1;
   }
   return TornFile_list(torn, report, ud, err, errlen);
}
