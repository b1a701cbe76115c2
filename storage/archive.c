/* memmem for Archive_findAction's quick look at each file. */
#define _GNU_SOURCE
#include "storage/archive.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/date.h"
#include "storage/datadir.h"
#include "storage/fileio.h"
#include "storage/lock.h"
#include "storage/sessionfile.h"

int64_t Archive_nameDay(const char *name) {
   for (int i = 0; i < 10; i++) {
      bool dash = i == 4 || i == 7;
      if (!name[i] || (dash ? name[i] != '-' : !isdigit((unsigned char)name[i])))
         return GV_NO_DAY;
   }
   int64_t y = (name[0] - '0') * 1000 + (name[1] - '0') * 100 + (name[2] - '0') * 10 + (name[3] - '0');
   unsigned m = (unsigned)((name[5] - '0') * 10 + (name[6] - '0'));
   unsigned d = (unsigned)((name[8] - '0') * 10 + (name[9] - '0'));
   return Date_valid(y, m, d) ? Date_days_from_civil(y, m, d) : GV_NO_DAY;
}

static char *dup_or_null(const char *s) {
   return s ? strdup(s) : NULL;
}

void Archive_summarise(ArchiveEntry *e, const Session *s, int64_t today) {
   if (s->meta.date != GV_NO_DAY)
      e->day = s->meta.date;
   free(e->body);
   free(e->docno);
   free(e->uuid);
   e->body = dup_or_null(s->meta.body);
   e->docno = dup_or_null(s->meta.docno);
   e->uuid = strdup(s->uuid);
   e->items = Agenda_count(&s->agenda);
   e->interventions = s->floor.count;
   e->actions = s->rec.nactions;
   e->open_actions = e->overdue_actions = 0;
   for (size_t i = 0; i < s->rec.nactions; i++) {
      const Action *a = &s->rec.actions[i];
      if (a->done)
         continue;
      e->open_actions++;
      if (today != GV_NO_DAY && a->due != GV_NO_DAY && a->due < today)
         e->overdue_actions++;
   }
   e->reservations = s->rec.nres;
   e->standing_reservations = 0;
   for (size_t i = 0; i < s->rec.nres; i++)
      e->standing_reservations += s->rec.res[i].status != GV_RESERVE_LIFTED;
}

static void entry_free(ArchiveEntry *e) {
   free(e->path);
   free(e->problem);
   free(e->body);
   free(e->docno);
   free(e->uuid);
}

void Archive_free(Archive *a) {
   for (size_t i = 0; i < a->count; i++)
      entry_free(&a->entries[i]);
   free(a->entries);
   free(a->dir);
   memset(a, 0, sizeof *a);
}

static int by_name(const void *x, const void *y) {
   return strcmp(((const ArchiveEntry *)x)->name, ((const ArchiveEntry *)y)->name);
}

static int newest_first(const void *x, const void *y) {
   const ArchiveEntry *a = x, *b = y;
   if (a->day != b->day)
      return a->day < b->day ? 1 : -1;
   return -strcmp(a->name, b->name);
}

static void set_problem(ArchiveEntry *e, ArchiveState st, const char *msg) {
   e->state = st;
   if (!e->problem)
      e->problem = strdup(msg);
   e->nproblems++;
}

/* Lists the *.gavel files of dir into a, sorted by name. */
static int list_folder(Archive *a, char *err, size_t errlen) {
   DIR *d = opendir(a->dir);
   if (!d) {
      if (errno == ENOENT)
         return 0;  /* nothing recorded yet: an empty archive */
      snprintf(err, errlen, "%s: %s", a->dir, strerror(errno));
      return -1;
   }
   struct dirent *de;
   while ((de = readdir(d))) {
      size_t len = strlen(de->d_name);
      if (de->d_name[0] == '.' || len < 7 || strcmp(de->d_name + len - 6, ".gavel") != 0)
         continue;
      if (a->count == a->cap) {
         size_t cap = a->cap ? a->cap * 2 : 64;
         ArchiveEntry *n = realloc(a->entries, cap * sizeof *n);
         if (!n) {
            closedir(d);
            snprintf(err, errlen, "out of memory");
            return -1;
         }
         a->entries = n;
         a->cap = cap;
      }
      ArchiveEntry *e = &a->entries[a->count];
      memset(e, 0, sizeof *e);
      size_t pl = strlen(a->dir) + len + 2;
      if (!(e->path = malloc(pl))) {
         closedir(d);
         snprintf(err, errlen, "out of memory");
         return -1;
      }
      snprintf(e->path, pl, "%s/%s", a->dir, de->d_name);
      e->name = e->path + strlen(a->dir) + 1;
      e->day = Archive_nameDay(e->name);
      a->count++;
   }
   closedir(d);
   if (a->count > 1)
      qsort(a->entries, a->count, sizeof *a->entries, by_name);
   return 0;
}

/* Reads one file whole, without a lock; notes whether a writer holds it. */
static int read_file(ArchiveEntry *e, char **buf, size_t *len) {
   char msg[PATH_MAX + 128];
   int fd = open(e->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
   struct stat st;
   if (fd < 0) {
      snprintf(msg, sizeof msg, "%s: cannot open: %s", e->path, strerror(errno));
      set_problem(e, ARCHIVE_UNREADABLE, msg);
      return -1;
   }
   if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      snprintf(msg, sizeof msg, "%s: not a regular file", e->path);
      set_problem(e, ARCHIVE_UNREADABLE, msg);
      close(fd);
      return -1;
   }
   e->size = (int64_t)st.st_size;
   e->mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
   e->locked = Lock_heldByOther(fd) != 0;
   int r = FileIO_readFd(fd, buf, len);
   int saved = errno;
   close(fd);
   if (r != 0) {
      snprintf(msg, sizeof msg, "%s: cannot read: %s", e->path, strerror(saved));
      set_problem(e, ARCHIVE_UNREADABLE, msg);
      return -1;
   }
   return 0;
}

static void scan_one(ArchiveEntry *e, const ArchiveScan *how) {
   char *buf = NULL;
   size_t len = 0;
   if (read_file(e, &buf, &len) != 0)
      return;
   if (how->want && !how->want(how->ud, e, buf, len)) {
      e->state = ARCHIVE_SKIPPED;
      free(buf);
      return;
   }
   free(buf);
   char err[PATH_MAX + 512];
   SessionFileOptions opts = { .io = NULL, .readOnly = 1, .datadir = how->datadir };
   SessionFile *sf = SessionFile_open(e->path, &opts, err, sizeof err);
   if (!sf) {
      set_problem(e, ARCHIVE_UNREADABLE, err);
      return;
   }
   for (size_t k = 0; k < SessionFile_problemCount(sf); k++)
      set_problem(e, ARCHIVE_DAMAGED, SessionFile_problem(sf, k));
   const Session *s = SessionFile_session(sf);
   Archive_summarise(e, s, how->today);
   if (how->visit)
      how->visit(how->ud, e, s);
   SessionFile_close(sf);
}

int Archive_scan(Archive *a, const ArchiveScan *how, char *err, size_t errlen) {
   memset(a, 0, sizeof *a);
   char dir[PATH_MAX];
   if (DataDir_sessions(how->datadir, dir, sizeof dir, err, errlen) != 0)
      return -1;
   if (!(a->dir = strdup(dir))) {
      snprintf(err, errlen, "out of memory");
      return -1;
   }
   if (list_folder(a, err, errlen) != 0)
      return -1;
   for (size_t i = 0; i < a->count; i++) {
      scan_one(&a->entries[i], how);
      if (how->progress)
         how->progress(how->ud, i + 1, a->count);
   }
   if (a->count > 1)
      qsort(a->entries, a->count, sizeof *a->entries, newest_first);
   return 0;
}

/* ---- finding an action's session ----------------------------------- */

typedef struct FindAction {
   const char *id;     /* lower-cased */
   size_t n;
   char *path;         /* the first session that has it */
   char uuid[37];
   size_t found;       /* actions matched, across sessions */
   bool same;          /* every match is the same uuid (copies of a session) */
   char *other;        /* the second session that has it */
} FindAction;

static bool find_want(void *ud, const ArchiveEntry *e, const char *raw, size_t len) {
   const FindAction *f = ud;
   return memmem(raw, len, f->id, f->n) != NULL;
}

static void find_visit(void *ud, const ArchiveEntry *e, const Session *s) {
   FindAction *f = ud;
   for (size_t i = 0; i < s->rec.nactions; i++) {
      const Action *act = &s->rec.actions[i];
      if (strncmp(act->uuid, f->id, f->n) != 0)
         continue;
      if (f->found++ == 0) {
         f->path = strdup(e->path);
         memcpy(f->uuid, act->uuid, sizeof f->uuid);
         f->same = true;
      } else {
         f->same = f->same && strcmp(f->uuid, act->uuid) == 0;
         if (!f->other)
            f->other = strdup(e->path);
      }
   }
}

int Archive_findAction(const char *datadir, const char *id, char *path, size_t pathlen, char *msg,
                       size_t msglen) {
   size_t n = strlen(id);
   char low[37];
   if (n < 4 || n > 36) {
      snprintf(msg, msglen, "an ACTION-ID is 4 to 36 characters of its uuid");
      return -1;
   }
   for (size_t i = 0; i <= n; i++)
      low[i] = (char)tolower((unsigned char)id[i]);
   FindAction f = { .id = low, .n = n };
   ArchiveScan how = { .datadir = datadir, .today = GV_NO_DAY, .want = find_want,
                       .visit = find_visit, .ud = &f };
   Archive a;
   int r = Archive_scan(&a, &how, msg, msglen);
   Archive_free(&a);
   if (r != 0) {
      free(f.path);
      free(f.other);
      return -1;
   }
   if (f.found == 0)
      snprintf(msg, msglen, "no action '%s' in the archive", id);
   else if (f.found > 1 && f.same)
      snprintf(msg, msglen, "action %.8s is in %zu sessions (copies?): %s and %s", f.uuid, f.found,
               f.path ? f.path : "", f.other ? f.other : "");
   else if (f.found > 1)
      snprintf(msg, msglen, "'%s' is the start of %zu actions; give more of the id", id, f.found);
   else if ((size_t)snprintf(path, pathlen, "%s", f.path) >= pathlen)
      snprintf(msg, msglen, "path too long");
   else {
      free(f.path);
      free(f.other);
      return 0;
   }
   free(f.path);
   free(f.other);
   return -1;
}
