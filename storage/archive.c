/* memmem for Archive_findAction's quick look at each file. */
#define _GNU_SOURCE
#include "storage/archive.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/date.h"
#include "model/match.h"
#include "model/visible.h"
#include "storage/datadir.h"
#include "storage/fileio.h"
#include "storage/lock.h"
#include "storage/paths.h"
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

/* a's entries newest first. They come sorted by name, which for the usual
 * archive (names starting with the date, each its session's date) is
 * oldest first: then the order is reversed, not sorted again (the same
 * order: newest_first is total, names are unique). */
static void sort_newest_first(Archive *a) {
   size_t n = a->count;
   bool oldest = true;
   for (size_t i = 1; i < n && oldest; i++)
      oldest = newest_first(&a->entries[i], &a->entries[i - 1]) < 0;
   if (!oldest) {
      qsort(a->entries, n, sizeof *a->entries, newest_first);
      return;
   }
   for (size_t i = 0, j = n; i + 1 < j; i++, j--) {
      ArchiveEntry t = a->entries[i];
      a->entries[i] = a->entries[j - 1];
      a->entries[j - 1] = t;
   }
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
      size_t dl = strlen(a->dir), pl = dl + len + 2;
      if (!(e->path = malloc(pl))) {
         closedir(d);
         snprintf(err, errlen, "out of memory");
         return -1;
      }
      /* DIR/NAME, copied (snprintf costs more than the rest of a cached entry) */
      memcpy(e->path, a->dir, dl);
      e->path[dl] = '/';
      memcpy(e->path + dl + 1, de->d_name, len + 1);
      e->name = e->path + dl + 1;
      e->day = Archive_nameDay(e->name);
      a->count++;
   }
   closedir(d);
   if (a->count > 1)
      qsort(a->entries, a->count, sizeof *a->entries, by_name);
   return 0;
}

/* ---- digests and the cache ------------------------------------------ */

int Archive_cachePath(const char *sessionsDir, char *buf, size_t n) {
   char base[PATH_MAX];
   if (Paths_user(PATHS_CACHE, "", base, sizeof base) != 0)
      return -1;
   /* One cache per sessions folder: a hash of its path names it. */
   uint64_t h = Paths_hash(sessionsDir);
   int w = snprintf(buf, n, "%s/archive-%016llx.cache", base, (unsigned long long)h);
   return w >= 0 && (size_t)w < n ? 0 : -1;
}

/* A field of the cache: \ t and newline escaped so that a record is a line. */
static void cache_put(GvBuf *b, const char *s) {
   for (;;) {
      size_t run = strcspn(s, "\\\t\n");  /* copied as it is, up to a byte to escape */
      GvBuf_append(b, s, run);
      s += run;
      if (!*s)
         return;
      GvBuf_puts(b, *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : "\\n");
      s++;
   }
}

static void cache_record(GvBuf *b, char type, size_t n, const char *const *fields) {
   GvBuf_putc(b, type);
   for (size_t k = 0; k < n; k++) {
      GvBuf_putc(b, '\t');
      cache_put(b, fields[k] ? fields[k] : "");
   }
   GvBuf_putc(b, '\n');
}

/* Splits one cache line (without '\n') into a record, unescaped, in one
 * allocation like ArchiveDigest_add. */
bool Archive_parseRecord(const char *line, size_t len, ArchiveDigest *d) {
   if (len < 1)
      return false;
   /* The tabs, found once (the first 32 kept: a record has fewer). */
   size_t n = 0, at[32];
   for (const char *t = line + 1, *end = line + len; (t = memchr(t, '\t', (size_t)(end - t))); t++)
      if (n < 32)
         at[n++] = (size_t)(t - (line + 1));
      else
         n++;
   ArchiveRecord *r = ArchiveDigest_grow(d);
   char **f = r ? malloc((n + 1) * sizeof *f + len + 1) : NULL;
   if (!f)
      return false;
   char *store = (char *)(f + n + 1);
   size_t k = 0, o = 0;
   if (n <= 32 && !memchr(line, '\\', len)) {
      /* No escape (the usual line): the fields are the line cut at its tabs. */
      memcpy(store, line + 1, len - 1);
      store[len - 1] = '\0';
      for (; k < n; k++) {
         store[at[k]] = '\0';
         f[k] = store + at[k] + 1;
      }
      f[n] = NULL;
      *r = (ArchiveRecord){ line[0], n, f };
      d->count++;
      return true;
   }
   for (size_t i = 1; i < len; i++) {
      char c = line[i];
      if (c == '\t') {
         if (k > 0)
            store[o++] = '\0';
         f[k++] = store + o;
      } else if (c == '\\' && i + 1 < len) {
         c = line[++i];
         store[o++] = c == 't' ? '\t' : c == 'n' ? '\n' : c;
      } else {
         store[o++] = c;
      }
   }
   store[o] = '\0';
   f[n] = NULL;
   *r = (ArchiveRecord){ line[0], n, f };
   d->count++;
   return true;
}

/* A checksum of an entry's bytes, so that a cache damaged on disk (a bit
 * flipped, a block of another file) is a miss, never a wrong answer: a
 * Fletcher sum on 64-bit words in eight lanes (the sum of the words and the
 * sum of those sums: a word changed or moved changes both), two lanes a
 * vector where the machine has them, then mixed by multiplication. A search
 * checks every byte of the cache: the loop has no multiply (a quarter of an
 * instruction a byte). */
typedef uint64_t CacheLanes __attribute__((vector_size(16)));

/* The lanes' sums over the 64-byte blocks of p[0..*n), into
 * lanes[0..8) = a0 a1 a2 a3 b0 b1 b2 b3 (two words each); *n becomes the
 * bytes summed. */
static void cache_lanes(const char *p, size_t *n, CacheLanes lanes[8]) {
   CacheLanes a0 = { 1, 2 }, a1 = { 3, 4 }, a2 = { 5, 6 }, a3 = { 7, 8 };
   CacheLanes b0 = { 0, 0 }, b1 = b0, b2 = b0, b3 = b0;
   size_t i = 0;
   for (; i + 64 <= *n; i += 64) {
      CacheLanes w0, w1, w2, w3;
      memcpy(&w0, p + i, 16);
      memcpy(&w1, p + i + 16, 16);
      memcpy(&w2, p + i + 32, 16);
      memcpy(&w3, p + i + 48, 16);
      a0 += w0, b0 += a0;
      a1 += w1, b1 += a1;
      a2 += w2, b2 += a2;
      a3 += w3, b3 += a3;
   }
   *n = i;
   lanes[0] = a0, lanes[1] = a1, lanes[2] = a2, lanes[3] = a3;
   lanes[4] = b0, lanes[5] = b1, lanes[6] = b2, lanes[7] = b3;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define CACHE_WIDE 1
typedef uint64_t CacheWide __attribute__((vector_size(32)));

/* cache_lanes with four words a vector where the processor has AVX2: the
 * same sums (a0 and a1 side by side, a2 and a3), half the instructions. */
__attribute__((target("avx2"))) static void cache_lanesWide(const char *p, size_t *n,
                                                             CacheLanes lanes[8]) {
   CacheWide a01 = { 1, 2, 3, 4 }, a23 = { 5, 6, 7, 8 };
   CacheWide b01 = { 0, 0, 0, 0 }, b23 = b01;
   size_t i = 0;
   for (; i + 64 <= *n; i += 64) {
      CacheWide w01, w23;
      memcpy(&w01, p + i, 32);
      memcpy(&w23, p + i + 32, 32);
      a01 += w01, b01 += a01;
      a23 += w23, b23 += a23;
   }
   *n = i;
   lanes[0] = (CacheLanes){ a01[0], a01[1] }, lanes[1] = (CacheLanes){ a01[2], a01[3] };
   lanes[2] = (CacheLanes){ a23[0], a23[1] }, lanes[3] = (CacheLanes){ a23[2], a23[3] };
   lanes[4] = (CacheLanes){ b01[0], b01[1] }, lanes[5] = (CacheLanes){ b01[2], b01[3] };
   lanes[6] = (CacheLanes){ b23[0], b23[1] }, lanes[7] = (CacheLanes){ b23[2], b23[3] };
}
#endif

static uint64_t cache_hash(const char *p, size_t n) {
   const uint64_t prime = 1099511628211ULL;
   CacheLanes lanes[8];
   size_t i = n;
#ifdef CACHE_WIDE
   if (__builtin_cpu_supports("avx2"))
      cache_lanesWide(p, &i, lanes);
   else
#endif
      cache_lanes(p, &i, lanes);
   uint64_t r = 1469598103934665603ULL ^ n;
   for (int k = 0; k < 8; k++)
      for (int l = 0; l < 2; l++) {
         r = (r ^ lanes[k][l]) * prime;
         r ^= r >> 29;
      }
   for (; i < n; i++)
      r = (r ^ (unsigned char)p[i]) * prime;
   return r ^ (r >> 31);
}

typedef struct CacheEntry {
   const char *name;      /* into the buffer (not NUL-terminated) */
   size_t namelen;
   int64_t size, mtime_ns;
   size_t head;           /* its F line, in the index at the head of the cache */
   size_t sum, sumEnd;    /* its summary line (S), after its F line */
   size_t from, to;       /* its other record lines, among the bodies after the index */
   size_t fto;            /* its folded lines: [to, fto) */
   uint64_t hsum, hrec, hfold; /* cache_hash of the summary line, the other records, the folded lines */
} CacheEntry;

typedef struct Cache {
   char path[PATH_MAX];
   const char *buf;       /* the file, mapped read-only */
   size_t len;
   CacheEntry *e;
   size_t count;
   bool usable;
   int dirfd;             /* the sessions folder, for fstatat; -1: stat the whole path */
} Cache;

/* stat of one file of the folder: by its name in the folder when it is
 * open (one path component to look up, not the whole path). */
static int entry_stat(const Cache *c, const ArchiveEntry *e, struct stat *st) {
   return c->dirfd >= 0 ? fstatat(c->dirfd, e->name, st, 0) : stat(e->path, st);
}

static const char Cache_magic[] = "gavel-archive-cache 6 ";

/* An unsigned number in base 10 or 16 at s (digits only, lower-case hex as
 * the cache writes them, at least one): its end, NULL when there is none or
 * it does not fit. strtoull costs hundreds of instructions; a scan reads
 * seven numbers an entry. */
static const char *cache_unsigned(const char *s, unsigned base, unsigned long long *out) {
   unsigned long long u = 0;
   /* The overflow bound, divided once (not a division a digit). */
   const unsigned long long lim = ULLONG_MAX / base, rem = ULLONG_MAX % base;
   const char *at = s;
   for (;; at++) {
      unsigned d = *at >= '0' && *at <= '9'               ? (unsigned)(*at - '0')
                   : base == 16 && *at >= 'a' && *at <= 'f' ? (unsigned)(*at - 'a' + 10)
                                                            : base;
      if (d >= base)
         break;
      if (u >= lim && (u > lim || d > rem))
         return NULL;
      u = u * base + d;
   }
   *out = u;
   return at == s ? NULL : at;
}

/* Loads the cache; anything wrong with it makes it empty (a miss for all)
 * from the first entry that does not parse. Mapped, not read: a command
 * touches only the pages of the entries it uses. */
static void cache_load(Cache *c, const char *dir, const char *version) {
   memset(c, 0, sizeof *c);
   if (Archive_cachePath(dir, c->path, sizeof c->path) != 0)
      return;
   c->usable = true;
   int fd = open(c->path, O_RDONLY | O_CLOEXEC);
   if (fd < 0)
      return;
   struct stat st;
   if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
       (uint64_t)st.st_size > SIZE_MAX) {
      close(fd);
      return;
   }
   void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
   close(fd);
   if (m == MAP_FAILED)
      return;
   c->buf = m;
   c->len = (size_t)st.st_size;
   size_t ml = strlen(Cache_magic), vl = strlen(version);
   const char *nl = memchr(c->buf, '\n', c->len);
   if (!nl || (size_t)(nl - c->buf) != ml + vl || memcmp(c->buf, Cache_magic, ml) != 0 ||
       memcmp(c->buf + ml, version, vl) != 0)
      return;
   /* The index: each entry's F line and summary line, then "B"; the
    * bodies follow in the same order, each entry's records and folded
    * lines (their offsets summed from the F lines' sizes). */
   size_t cap = 0, at = (size_t)(nl - c->buf) + 1, body = 0;
   bool ended = false;
   while (at < c->len) {
      const char *end = memchr(c->buf + at, '\n', c->len - at);
      if (!end)
         break;
      if (end == c->buf + at + 1 && c->buf[at] == 'B') {
         ended = true;
         at = (size_t)(end - c->buf) + 1;
         break;
      }
      if (at + 2 >= c->len || c->buf[at] != 'F' || c->buf[at + 1] != '\t')
         break;
      /* F \t name \t size \t mtime \t bytes \t folded bytes \t 3 hashes */
      const char *name = c->buf + at + 2, *t1 = memchr(name, '\t', (size_t)(end - name));
      if (!t1)
         break;
      unsigned long long v[7];
      const char *p = t1;
      int k = 0;
      for (; k < 7 && p < end && *p == '\t'; k++) {
         const char *q = cache_unsigned(p + 1, k < 4 ? 10 : 16, &v[k]);
         if (!q)
            break;
         p = q;
      }
      size_t sum = (size_t)(end - c->buf) + 1;
      const char *send = sum + 2 < c->len ? memchr(c->buf + sum, '\n', c->len - sum) : NULL;
      if (k != 7 || p != end || v[0] > INT64_MAX || v[1] > INT64_MAX || !send ||
          c->buf[sum] != 'S' || c->buf[sum + 1] != '\t' || v[2] > c->len || v[3] > c->len ||
          body > c->len)
         break;
      if (c->count == cap) {
         cap = cap ? cap * 2 : 256;
         CacheEntry *n = realloc(c->e, cap * sizeof *n);
         if (!n)
            break;
         c->e = n;
      }
      /* The body's offsets relative to the first body until "B" is met. */
      c->e[c->count++] = (CacheEntry){ name, (size_t)(t1 - name), (int64_t)v[0], (int64_t)v[1], at, sum,
                                       (size_t)(send - c->buf) + 1, body, body + v[2],
                                       body + v[2] + v[3], v[4], v[5], v[6] };
      body += v[2] + v[3];
      at = (size_t)(send - c->buf) + 1;
   }
   /* That each part ends its last line is checked where it is read
    * (cache_ends): here it would touch two pages an entry, all over the
    * file, for a command that reads the index alone. */
   size_t ok = 0;
   for (; ended && ok < c->count; ok++) {
      CacheEntry *e = &c->e[ok];
      if (e->fto > c->len - at)
         break;
      e->from += at, e->to += at, e->fto += at;
   }
   c->count = ok;
}

static const CacheEntry *cache_find(const Cache *c, const char *name) {
   size_t lo = 0, hi = c->count, nl = strlen(name);
   while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      size_t ml = c->e[mid].namelen;
      int r = memcmp(c->e[mid].name, name, ml < nl ? ml : nl);
      if (r == 0)
         r = ml < nl ? -1 : ml > nl ? 1 : 0;
      if (r == 0)
         return &c->e[mid];
      if (r < 0)
         lo = mid + 1;
      else
         hi = mid;
   }
   return NULL;
}

static void cache_free(Cache *c) {
   if (c->buf)
      munmap((void *)c->buf, c->len);
   if (c->dirfd >= 0)
      close(c->dirfd);
   free(c->e);
}

/* Whether the cached lines [from, to) end with a newline (or are none):
 * checked, with their hash, before they are read. */
static bool cache_ends(const Cache *c, size_t from, size_t to) {
   return to == from || c->buf[to - 1] == '\n';
}

/* The digest of a cached entry, only the record types in `types` (NULL:
 * all); false when the lines do not parse. */
static bool cache_digest(const Cache *c, const CacheEntry *ce, ArchiveDigest *d, const char *types) {
   for (size_t at = ce->from; at < ce->to;) {
      const char *end = memchr(c->buf + at, '\n', ce->to - at);
      size_t len = (size_t)(end - (c->buf + at));
      if ((!types || (len && strchr(types, c->buf[at]))) && !Archive_parseRecord(c->buf + at, len, d))
         return false;
      at += len + 1;
   }
   return true;
}

/* The summary record 'S' first in every cached digest. */
static void summary_record(GvBuf *b, const ArchiveEntry *e, const Session *s) {
   char num[10][32];
   snprintf(num[0], 32, "%lld", (long long)e->day);
   snprintf(num[1], 32, "%zu", e->items);
   snprintf(num[2], 32, "%zu", e->interventions);
   snprintf(num[3], 32, "%zu", e->actions);
   snprintf(num[4], 32, "%zu", e->reservations);
   snprintf(num[5], 32, "%zu", e->standing_reservations);
   /* The due days of the open actions: overdue depends on the day of the scan. */
   GvBuf due = GV_BUF_INIT;
   for (size_t i = 0; i < s->rec.nactions; i++)
      if (!s->rec.actions[i].done)
         GvBuf_printf(&due, "%s%lld", due.len ? "," : "", (long long)s->rec.actions[i].due);
   const char *f[10] = { num[0], num[1], num[2], num[3], num[4], num[5], GvBuf_str(&due),
                         e->body ? e->body : "\x01", e->docno ? e->docno : "\x01", e->uuid };
   cache_record(b, 'S', 10, f);
   GvBuf_free(&due);
}

/* A number the cache wrote ("%lld", "%zu") at s, and where it ends: digits
 * read directly (strtoll costs hundreds of instructions, and every scan of
 * the cache reads a dozen a session). Saturates; "" is 0. */
static int64_t cache_num(const char *s, const char **end) {
   bool neg = *s == '-';
   uint64_t u = 0;
   for (s += neg; *s >= '0' && *s <= '9'; s++)
      u = u < UINT64_MAX / 10 ? u * 10 + (uint64_t)(*s - '0') : UINT64_MAX;
   if (end)
      *end = s;
   if (u > (uint64_t)INT64_MAX)
      return neg ? INT64_MIN : INT64_MAX;
   return neg ? -(int64_t)u : (int64_t)u;
}

static bool summary_from(ArchiveEntry *e, const ArchiveRecord *r, int64_t today) {
   if (r->type != 'S' || r->nfields != 10)
      return false;
   e->day = cache_num(r->fields[0], NULL);
   e->items = (size_t)cache_num(r->fields[1], NULL);
   e->interventions = (size_t)cache_num(r->fields[2], NULL);
   e->actions = (size_t)cache_num(r->fields[3], NULL);
   e->reservations = (size_t)cache_num(r->fields[4], NULL);
   e->standing_reservations = (size_t)cache_num(r->fields[5], NULL);
   e->open_actions = e->overdue_actions = 0;
   for (const char *p = r->fields[6]; *p;) {
      const char *q;
      long long due = cache_num(p, &q);
      e->open_actions++;
      if (today != GV_NO_DAY && due != GV_NO_DAY && due < today)
         e->overdue_actions++;
      p = *q == ',' ? q + 1 : q;
      if (q == p && *p)
         break;
   }
   e->body = strcmp(r->fields[7], "\x01") ? strdup(r->fields[7]) : NULL;
   e->docno = strcmp(r->fields[8], "\x01") ? strdup(r->fields[8]) : NULL;
   e->uuid = strdup(r->fields[9]);
   e->cached = true;
   return true;
}

/* Each line of p[0..n) (all end in '\n') folded (Match_fold), then padded
 * to the length of its source: the folded lines start where their records
 * do. The padding is the line's marks (Match_foldMarks: capitals, which no
 * folded term holds), or spaces when it cannot have them (a search term
 * never ends in a blank): it never makes a match. The type letter that starts a folded line stays a
 * capital when its record has no escape and nothing that Visible_append
 * would change: a search then shows its text as it is. */
static bool fold_lines(GvBuf *out, const char *p, size_t n) {
   for (size_t at = 0; at < n;) {
      const char *nl = memchr(p + at, '\n', n - at);
      size_t len = nl ? (size_t)(nl - (p + at)) : n - at, from = out->len;
      if (!Match_fold(out, p + at, len))
         return false;
      if (len && !memchr(p + at, '\\', len) && Visible_isClean(p + at, len, VISIBLE_TAB))
         out->data[from] = p[at];
      size_t pad = len - (out->len - from);
      if (pad) {
         /* The marks of the bytes folded away in the padding (no folded
          * text has a capital), or spaces when there are none to give. */
         size_t at0 = out->len;
         if (!GvBuf_append(out, p + at, pad))  /* room */
            return false;
         if (Match_foldMarks(p + at, len, out->data + at0, pad) != pad)
            memset(out->data + at0, ' ', pad);
      }
      GvBuf_putc(out, '\n');
      at += len + 1;
   }
   return !out->failed;
}

/* A cache hit: the entry filled in and the digest visited, without reading
 * the file. false: a miss (the caller replays). */
static bool scan_cached(ArchiveEntry *e, const ArchiveScan *how, const Cache *c, const CacheEntry *ce,
                        bool checked) {
   struct stat st;
   int fd = -1;
   if (checked) {
      /* order_check has stat'ed the file and checked its summary line. */
      st.st_mode = S_IFREG;
      st.st_size = (off_t)ce->size;
      st.st_mtim.tv_sec = (time_t)(ce->mtime_ns / 1000000000);
      st.st_mtim.tv_nsec = (long)(ce->mtime_ns % 1000000000);
   } else if (how->no_locks ? entry_stat(c, e, &st) != 0
                     : (fd = open(e->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0 || fstat(fd, &st) != 0) {
      if (fd >= 0)
         close(fd);
      return false;
   }
   bool ok = S_ISREG(st.st_mode) && st.st_size == ce->size &&
             (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec == ce->mtime_ns;
   if (ok) {
      e->size = ce->size;
      e->mtime_ns = ce->mtime_ns;
      e->locked = fd >= 0 && Lock_heldByOther(fd) != 0;
   }
   if (fd >= 0)
      close(fd);
   if (!ok)
      return false;
   ArchiveDigest d = { 0 };
   /* The summary line first: the entry is listed whatever follows. Each
    * part is checked against its hash only when read (a list reads the
    * summaries alone). */
   CacheEntry first = *ce;
   first.from = ce->sum, first.to = ce->sumEnd;
   CacheEntry rest = *ce;
   if (!checked && cache_hash(c->buf + first.from, first.to - first.from) != ce->hsum)
      return false;
   /* A search looks at the folded lines first: when none can match, the
    * records are never read, and not checked (the folded lines are). */
   bool folded = how->visitDigest && how->visitFolded && ce->fto > ce->to &&
                 cache_ends(c, ce->to, ce->fto) &&
                 cache_hash(c->buf + ce->to, ce->fto - ce->to) == ce->hfold;
   bool none = folded && how->foldedCould &&
               !how->foldedCould(how->ud, c->buf + ce->to, ce->fto - ce->to);
   if (how->visitDigest && !none &&
       (!cache_ends(c, rest.from, rest.to) || cache_hash(c->buf + rest.from, rest.to - rest.from) != ce->hrec))
      return false;
   if (!cache_digest(c, &first, &d, NULL) || d.count != 1 || !summary_from(e, &d.recs[0], how->today)) {
      ArchiveDigest_free(&d);
      return false;
   }
   ArchiveDigest_free(&d);
   if (!how->visitDigest)
      return true;
   /* A search reads the folded lines kept beside the records (when they
    * are whole) and picks the few records that can match. */
   if (none) {
      e->state = ARCHIVE_SKIPPED;
      return true;
   }
   if (folded) {
      int r = how->visitFolded(how->ud, e, c->buf + rest.from, rest.to - rest.from, c->buf + ce->to,
                               ce->fto - ce->to);
      if (r >= 0) {
         if (r > 0)
            e->state = ARCHIVE_SKIPPED;
         return true;
      }
   }
   /* The quick look of a search runs on the cached records as on a file. */
   if (how->want && !how->want(how->ud, e, c->buf + rest.from, rest.to - rest.from)) {
      e->state = ARCHIVE_SKIPPED;
      return true;
   }
   if (!cache_digest(c, &rest, &d, how->digest_types)) {
      ArchiveDigest_free(&d);
      return true;  /* listed; its records unreadable: as if it had none */
   }
   how->visitDigest(how->ud, e, &d);
   ArchiveDigest_free(&d);
   return true;
}

/* The index (magic line, each entry's F and summary lines, "B"), then the
 * bodies in the same order. */
static void cache_write(const Cache *c, const char *version, const Archive *a, char **texts,
                        size_t *lens, char **bodies, size_t *blens) {
   GvBuf b = GV_BUF_INIT;
   GvBuf_printf(&b, "%s%s\n", Cache_magic, version);
   for (size_t i = 0; i < a->count; i++)
      if (texts[i])
         GvBuf_append(&b, texts[i], lens[i]);
   GvBuf_append(&b, "B\n", 2);
   for (size_t i = 0; i < a->count; i++)
      if (texts[i])
         GvBuf_append(&b, bodies[i], blens[i]);
   char dir[PATH_MAX], err[PATH_MAX + 256];
   snprintf(dir, sizeof dir, "%s", c->path);
   char *slash = strrchr(dir, '/');
   if (!b.failed && slash) {
      *slash = '\0';
      if (FileIO_mkdirs(dir, err, sizeof err) == 0)
         FileIO_replace(FileIO_system(), c->path, b.data, b.len, err, sizeof err);
   }
   GvBuf_free(&b);
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
   if (!buf) {
      close(fd);  /* no quick look wanted: SessionFile_open reads it */
      return 0;
   }
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

static void scan_one(ArchiveEntry *e, const ArchiveScan *how, GvBuf *cacheText, size_t *indexLen) {
   char *buf = NULL;
   size_t len = 0;
   if (read_file(e, how->want ? &buf : NULL, &len) != 0)
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
   if (how->digest) {
      ArchiveDigest d = { 0 };
      how->digest(s, &d);
      if (how->visitDigest)
         how->visitDigest(how->ud, e, &d);
      if (cacheText && e->state == ARCHIVE_OK) {
         /* F NAME SIZE MTIME BYTES FOLDED HASH HASH HASH and the summary
          * line (S) go to the index at the head of the cache (*indexLen
          * bytes of cacheText); the body (the rest) holds BYTES of the
          * other records, then FOLDED bytes of the same lines
          * case- and accent-folded (Match_fold), for a search to look
          * through as it is, each padded to the length of its record so
          * that a line found there is at the same offset in the records. */
         GvBuf recs = GV_BUF_INIT, fold = GV_BUF_INIT;
         summary_record(&recs, e, s);
         size_t first = recs.len;
         for (size_t k = 0; k < d.count; k++)
            cache_record(&recs, d.recs[k].type, d.recs[k].nfields,
                         (const char *const *)d.recs[k].fields);
         if (!recs.failed && !fold_lines(&fold, recs.data + first, recs.len - first))
            fold.failed = true;
         GvBuf_printf(cacheText, "F\t");
         cache_put(cacheText, e->name);
         GvBuf_printf(cacheText, "\t%lld\t%lld\t%zu\t%zu\t%llx\t%llx\t%llx\n", (long long)e->size,
                      (long long)e->mtime_ns, recs.len - first, fold.len,
                      (unsigned long long)cache_hash(recs.data ? recs.data : "", first),
                      (unsigned long long)cache_hash(recs.data ? recs.data + first : "", recs.len - first),
                      (unsigned long long)cache_hash(fold.data ? fold.data : "", fold.len));
         GvBuf_append(cacheText, recs.data ? recs.data : "", first);
         *indexLen = cacheText->len;
         GvBuf_append(cacheText, recs.data ? recs.data + first : "", recs.len - first);
         GvBuf_append(cacheText, fold.data ? fold.data : "", fold.len);
         if (recs.failed || fold.failed)
            cacheText->failed = true;
         GvBuf_free(&recs);
         GvBuf_free(&fold);
      }
      ArchiveDigest_free(&d);
   }
   SessionFile_close(sf);
}

/* Whether the entries [from, to) of a are cache hits, each file stat'ed
 * unchanged and its summary line checked: their cache entries into ces,
 * their days into day. For the order in which to visit them newest first
 * (day, then file name ascending: the order a search prints), known only
 * when every one is (the day of a file to replay is not known before it is
 * replayed). */
static bool order_check(const Archive *a, const Cache *c, const CacheEntry **ces, int64_t *day,
                        size_t from, size_t to) {
   bool ok = true;
   for (size_t i = from; ok && i < to; i++) {
      const CacheEntry *ce = ces[i] = cache_find(c, a->entries[i].name);
      struct stat st;
      ok = ce && entry_stat(c, &a->entries[i], &st) == 0 && S_ISREG(st.st_mode) && st.st_size == ce->size &&
           (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec == ce->mtime_ns;
      const char *line = ok ? c->buf + ce->sum : NULL;
      const char *nl = ok ? memchr(line, '\n', ce->sumEnd - ce->sum) : NULL;
      ok = nl && nl - line > 2 && line[0] == 'S' && line[1] == '\t' &&
           cache_hash(line, (size_t)(nl - line) + 1) == ce->hsum;
      const char *q = line;
      if (ok)
         day[i] = cache_num(line + 2, &q);
      ok = ok && q > line + 2 && *q == '\t';
   }
   return ok;
}

/* The order newest first from the entries' days (day, then file name
 * ascending). NULL without memory. */
static size_t *order_days(const int64_t *day, size_t n) {
   size_t *order = malloc((n + 1) * sizeof *order);
   if (!order)
      return NULL;
   /* Days rising with the names (the usual archive): each day's run, from
    * the last, in name order; else sorted. */
   bool rising = true;
   for (size_t i = 1; i < n && rising; i++)
      rising = day[i - 1] <= day[i];
   size_t k = 0;
   if (rising) {
      for (size_t end = n; end > 0;) {
         size_t start = end - 1;
         while (start > 0 && day[start - 1] == day[end - 1])
            start--;
         for (size_t i = start; i < end; i++)
            order[k++] = i;
         end = start;
      }
   } else {
      for (size_t i = 0; i < n; i++)
         order[i] = i;
      /* By day, descending, names in order within a day: a merge sort
       * (stable, O(n log n)). */
      size_t *tmp = malloc((n + 1) * sizeof *tmp);
      if (!tmp) {
         free(order);
         return NULL;
      }
      for (size_t w = 1; w < n; w *= 2)
         for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t x = lo, y = mid, o = lo;
            while (x < mid || y < hi)
               tmp[o++] = y >= hi || (x < mid && day[order[x]] >= day[order[y]]) ? order[x++] : order[y++];
            memcpy(order + lo, tmp + lo, (hi - lo) * sizeof *order);
         }
      free(tmp);
   }
   return order;
}

/* One session of a scan: from the cache when it can (ce), else replayed,
 * its cache text noted in texts and lens. */
typedef struct ScanState {
   Archive *a;
   const ArchiveScan *how;
   const Cache *cache;
   bool useCache, checked;  /* checked: the sessions' stat and summary seen (order_check) */
   char **texts;            /* each entry's index lines (F, S) and body, for the cache */
   size_t *lens;
   char **bodies;
   size_t *blens;
   size_t hits;             /* cache hits */
   bool dirty;              /* something replayed for the cache */
} ScanState;

static void scan_visit(ScanState *st, size_t i, const CacheEntry *ce) {
   ArchiveEntry *e = &st->a->entries[i];
   if (ce && scan_cached(e, st->how, st->cache, ce, st->checked)) {
      st->hits++;
      /* Copied as it is: its index lines, its body. */
      st->texts[i] = (char *)st->cache->buf + ce->head;
      st->lens[i] = ce->sumEnd - ce->head;
      st->bodies[i] = (char *)st->cache->buf + ce->from;
      st->blens[i] = ce->fto - ce->from;
      return;
   }
   GvBuf t = GV_BUF_INIT;
   size_t indexLen = 0;
   scan_one(e, st->how, st->useCache ? &t : NULL, &indexLen);
   if (st->useCache && t.len && !t.failed && indexLen) {
      st->texts[i] = t.data;
      st->lens[i] = indexLen;
      st->bodies[i] = t.data + indexLen;
      st->blens[i] = t.len - indexLen;
      st->dirty = true;
      /* Owned: freed below (marked by being outside the cache buffer). */
   } else {
      GvBuf_free(&t);
   }
}

/* An ordered visit shared by two threads. The second is started before
 * the folder is listed: it lists it while the first loads the cache; both
 * then check the entries (order_check), taking SCAN_CHECKS at a time under
 * the lock, and the second waits for the order. The sessions are then cut into parts of about the same size (in
 * cache bytes); the scanning thread takes them from the newest (lo), the
 * second from the oldest (hi), each its next under the lock, until they
 * meet. The second visits its parts with its own visitor (mine.ud) and
 * stops at the first session it cannot take from the cache (stopPart,
 * stopAt): the scanning thread goes on from there the usual way once it
 * has merged the parts before. When the second thread gets no processor,
 * the first takes every part. */
#define SCAN_CHECKS 32

typedef struct ScanShare {
   pthread_t thread;
   pthread_mutex_t lock;
   pthread_cond_t cond;
   int stage;               /* told: 0 wait, 1 check, 2 visit (nparts; 0: none) */
   int lister;              /* who lists the folder: 0 not yet taken, 1 this thread, 2 the first */
   bool listed;             /* listed by this thread (listRc, listErr) */
   bool finished;           /* this thread has done all it will do */
   int listRc;
   char listErr[PATH_MAX + 256];
   size_t checkNext;        /* the entries to check: [checkNext, a->count), taken SCAN_CHECKS at a time */
   bool checking;           /* the second thread is checking some */
   bool checkOk;            /* every entry checked passed */
   int64_t *day;
   const CacheEntry **ces;
   size_t lo, hi;           /* parts [lo, hi) not taken yet */
   size_t bounds[ARCHIVE_SPLIT_PARTS + 1]; /* part k: order[bounds[k] .. bounds[k + 1]) */
   size_t nparts;
   const size_t *order;
   void *other;             /* the second visitor */
   ArchiveScan mine;        /* the second thread's visit (its ud) */
   ScanState st;            /* its hits and texts */
   size_t stopPart, stopAt; /* where it stopped (stopPart == nparts: it did not) */
} ScanShare;

/* Checks entries SCAN_CHECKS at a time until none is left; the second
 * thread (worker) says when it is checking some. */
static void share_check(ScanShare *sh, bool worker) {
   size_t n = sh->st.a->count;
   for (;;) {
      pthread_mutex_lock(&sh->lock);
      size_t from = sh->checkNext, to = from + SCAN_CHECKS < n ? from + SCAN_CHECKS : n;
      sh->checkNext = to;
      if (worker)
         sh->checking = from < to;
      pthread_mutex_unlock(&sh->lock);
      if (from >= to)
         return;
      bool ok = order_check(sh->st.a, sh->st.cache, sh->ces, sh->day, from, to);
      pthread_mutex_lock(&sh->lock);
      if (!ok) {
         sh->checkOk = false;
         sh->checkNext = n;  /* no order: the rest need no check */
      }
      if (worker) {
         sh->checking = false;
         pthread_cond_broadcast(&sh->cond);
      }
      pthread_mutex_unlock(&sh->lock);
   }
}

/* The second thread's last act: the first, waiting for it, goes on at
 * once (the thread is detached: its exit is not waited for). */
static void *share_finish(ScanShare *sh) {
   pthread_mutex_lock(&sh->lock);
   sh->finished = true;
   pthread_cond_broadcast(&sh->cond);
   pthread_mutex_unlock(&sh->lock);
   return NULL;
}

static void *scan_share(void *arg) {
   ScanShare *sh = arg;
   /* The listing, unless the first thread has taken it (it got to it
    * first: this one started late). */
   pthread_mutex_lock(&sh->lock);
   bool mine = sh->lister == 0;
   if (mine)
      sh->lister = 1;
   pthread_mutex_unlock(&sh->lock);
   int rc = mine ? list_folder(sh->st.a, sh->listErr, sizeof sh->listErr) : 0;
   pthread_mutex_lock(&sh->lock);
   sh->listRc = rc;
   sh->listed = true;
   pthread_cond_broadcast(&sh->cond);
   while (sh->stage == 0)
      pthread_cond_wait(&sh->cond, &sh->lock);
   int stage = sh->stage;
   pthread_mutex_unlock(&sh->lock);
   if (stage == 1)
      share_check(sh, true);
   pthread_mutex_lock(&sh->lock);
   while (sh->stage < 2)
      pthread_cond_wait(&sh->cond, &sh->lock);
   pthread_mutex_unlock(&sh->lock);
   for (;;) {
      pthread_mutex_lock(&sh->lock);
      size_t k = sh->lo < sh->hi ? --sh->hi : sh->nparts;
      pthread_mutex_unlock(&sh->lock);
      if (k == sh->nparts)
         return share_finish(sh);
      sh->mine.part(sh->mine.ud, k);
      for (size_t j = sh->bounds[k]; j < sh->bounds[k + 1]; j++) {
         size_t i = sh->order[j];
         ArchiveEntry *e = &sh->st.a->entries[i];
         if (!scan_cached(e, &sh->mine, sh->st.cache, sh->ces[i], true)) {
            sh->stopPart = k, sh->stopAt = j;
            return share_finish(sh);
         }
         const CacheEntry *ce = sh->ces[i];
         sh->st.hits++;
         sh->st.texts[i] = (char *)sh->st.cache->buf + ce->head;
         sh->st.lens[i] = ce->sumEnd - ce->head;
         sh->st.bodies[i] = (char *)sh->st.cache->buf + ce->from;
         sh->st.blens[i] = ce->fto - ce->from;
      }
   }
}

/* A second thread for an ordered visit of a's archive, when worth one
 * (two processors or more, one of them free by the load average,
 * ARCHIVE_SPLIT_BYTES of cache, no progress line to keep): started on
 * listing the folder (the scanning thread loads the cache meanwhile).
 * NULL: none, the folder not listed. */
static ScanShare *share_start(Archive *a, const ArchiveScan *how, const Cache *cache) {
   if (!how->split || !how->part || !how->merge || !how->join || how->progress)
      return NULL;
   /* GAVEL_THREADS=1: never; 2: always (tests). Else only when a processor
    * is free, by the load average below the number of processors (a run of
    * searches counts about one itself): a second thread on a busy machine
    * costs more than it gives (its share waits for a processor, the first
    * waits for it). */
   const char *env = getenv("GAVEL_THREADS");
   if (env && strcmp(env, "1") == 0)
      return NULL;
   if (!(env && strcmp(env, "2") == 0)) {
      long cpus = sysconf(_SC_NPROCESSORS_ONLN);
      double load;
      char path[PATH_MAX];
      struct stat st;
      if (cpus < 2 || getloadavg(&load, 1) != 1 || load >= (double)cpus ||
          Archive_cachePath(a->dir, path, sizeof path) != 0 || stat(path, &st) != 0 ||
          (uint64_t)st.st_size < ARCHIVE_SPLIT_BYTES)
         return NULL;
   }
   ScanShare *sh = calloc(1, sizeof *sh);
   if (!sh)
      return NULL;
   sh->other = how->split(how->ud, ARCHIVE_SPLIT_PARTS);
   if (sh->other && pthread_mutex_init(&sh->lock, NULL) == 0) {
      if (pthread_cond_init(&sh->cond, NULL) == 0) {
         sh->mine = *how;
         sh->mine.ud = sh->other;
         sh->st = (ScanState){ .a = a, .how = &sh->mine, .cache = cache };
         if (pthread_create(&sh->thread, NULL, scan_share, sh) == 0) {
            pthread_detach(sh->thread);
            return sh;
         }
         pthread_cond_destroy(&sh->cond);
      }
      pthread_mutex_destroy(&sh->lock);
   }
   if (sh->other)
      how->join(how->ud, sh->other);
   free(sh);
   return NULL;
}

/* The folder listed: by the second thread (waited for), or here when it
 * has not started on it yet. 0, or -1 with err. */
static int share_listed(ScanShare *sh, char *err, size_t errlen) {
   pthread_mutex_lock(&sh->lock);
   bool mine = sh->lister == 0;
   if (mine)
      sh->lister = 2;
   pthread_mutex_unlock(&sh->lock);
   if (mine)
      return list_folder(sh->st.a, err, errlen);
   pthread_mutex_lock(&sh->lock);
   while (!sh->listed)
      pthread_cond_wait(&sh->cond, &sh->lock);
   pthread_mutex_unlock(&sh->lock);
   if (sh->listRc != 0)
      snprintf(err, errlen, "%s", sh->listErr);
   return sh->listRc;
}

/* Checks the entries with the second thread (st its visit's state, ces
 * and day as order_check fills them): whether every one passed. */
static bool share_checked(ScanShare *sh, const ScanState *st, const CacheEntry **ces, int64_t *day) {
   pthread_mutex_lock(&sh->lock);
   sh->st = *st;
   sh->st.how = &sh->mine;
   sh->st.hits = 0;
   sh->ces = ces, sh->day = day;
   sh->checkNext = 0;
   sh->checkOk = true;
   sh->stage = 1;
   pthread_cond_broadcast(&sh->cond);
   pthread_mutex_unlock(&sh->lock);
   share_check(sh, false);
   pthread_mutex_lock(&sh->lock);
   while (sh->checking)
      pthread_cond_wait(&sh->cond, &sh->lock);
   bool ok = sh->checkOk;
   pthread_mutex_unlock(&sh->lock);
   return ok;
}

/* Tells the second thread to visit the parts of order (NULL: none). */
static void share_go(ScanShare *sh, const size_t *order, size_t n) {
   sh->nparts = 0;
   if (order) {
      size_t total = 0, k = 0, sum = 0;
      for (size_t j = 0; j < n; j++)
         total += sh->ces[order[j]]->fto - sh->ces[order[j]]->from;
      sh->bounds[0] = 0;
      for (size_t j = 0; j < n; j++) {
         sum += sh->ces[order[j]]->fto - sh->ces[order[j]]->from;
         if (sum * ARCHIVE_SPLIT_PARTS >= total * (k + 1) && k + 1 < ARCHIVE_SPLIT_PARTS)
            sh->bounds[++k] = j + 1;
      }
      if (sh->bounds[k] < n)
         sh->bounds[++k] = n;
      sh->nparts = k;
   }
   sh->order = order;
   sh->lo = 0, sh->hi = sh->nparts;
   sh->stopPart = sh->nparts;
   pthread_mutex_lock(&sh->lock);
   sh->stage = 2;
   pthread_cond_broadcast(&sh->cond);
   pthread_mutex_unlock(&sh->lock);
}

/* Waits for the second thread: its parts merged in order after the first's
 * (and the sessions it stopped at visited here), its visitor freed. */
static void share_end(ScanShare *sh, ScanState *st) {
   const ArchiveScan *how = st->how;
   pthread_mutex_lock(&sh->lock);
   while (!sh->finished)
      pthread_cond_wait(&sh->cond, &sh->lock);
   pthread_mutex_unlock(&sh->lock);
   pthread_cond_destroy(&sh->cond);
   pthread_mutex_destroy(&sh->lock);
   st->hits += sh->st.hits;
   for (size_t k = sh->lo; k < sh->nparts; k++) {
      how->merge(how->ud, sh->other, k);
      if (k == sh->stopPart)
         for (size_t j = sh->stopAt; j < sh->bounds[k + 1]; j++)
            scan_visit(st, sh->order[j], sh->ces[sh->order[j]]);
   }
   how->join(how->ud, sh->other);
   free(sh);
}

/* The sessions in order: in parts shared with the second thread when
 * there is one (sh), else one after the other. */
static void scan_ordered(ScanState *st, const size_t *order, const CacheEntry *const *ces,
                         ScanShare *sh) {
   const ArchiveScan *how = st->how;
   size_t n = st->a->count;
   if (!sh) {
      for (size_t j = 0; j < n; j++) {
         scan_visit(st, order[j], ces[order[j]]);
         if (how->progress)
            how->progress(how->ud, j + 1, n);
      }
      return;
   }
   share_go(sh, order, n);
   for (;;) {
      pthread_mutex_lock(&sh->lock);
      size_t k = sh->lo < sh->hi ? sh->lo++ : sh->nparts;
      pthread_mutex_unlock(&sh->lock);
      if (k == sh->nparts)
         break;
      for (size_t j = sh->bounds[k]; j < sh->bounds[k + 1]; j++)
         scan_visit(st, order[j], ces[order[j]]);
   }
   share_end(sh, st);
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
   const char *nc = getenv("GAVEL_NO_CACHE");
   bool useCache = how->digest && how->digest_version && !how->no_cache && !(nc && *nc && *nc != '0');
   Cache cache;
   memset(&cache, 0, sizeof cache);
   cache.dirfd = -1;
   /* A search newest first may share the scan with a second thread, which
    * then lists the folder while the cache is loaded here. */
   ScanShare *sh = useCache && how->newestFirst && how->no_locks ? share_start(a, how, &cache) : NULL;
   if (!sh && list_folder(a, err, errlen) != 0)
      return -1;
   char **texts = NULL, **bodies = NULL;
   size_t *lens = NULL, *blens = NULL;
   if (useCache) {
      cache_load(&cache, a->dir, how->digest_version);
      cache.dirfd = open(a->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
   }
   ScanState st = { .a = a, .how = how, .cache = &cache };
   if (sh && share_listed(sh, err, errlen) != 0) {
      share_go(sh, NULL, 0);
      share_end(sh, &st);
      cache_free(&cache);
      return -1;
   }
   if (useCache) {
      texts = calloc(a->count + 1, sizeof *texts);
      lens = calloc(a->count + 1, sizeof *lens);
      bodies = calloc(a->count + 1, sizeof *bodies);
      blens = calloc(a->count + 1, sizeof *blens);
      useCache = cache.usable && texts && lens && bodies && blens;
   }
   /* Newest first when asked and every session is a cache hit (a search
    * then prints as it goes). */
   size_t *order = NULL;
   const CacheEntry **ces = NULL;
   int64_t *day = NULL;
   st.useCache = useCache, st.texts = texts, st.lens = lens, st.bodies = bodies, st.blens = blens;
   if (useCache && how->newestFirst && how->no_locks && a->count > 0 &&
       (ces = calloc(a->count, sizeof *ces)) && (day = malloc(a->count * sizeof *day))) {
      /* With the second thread, when there is one (and more than one session). */
      if (sh && a->count < 2) {
         share_go(sh, NULL, 0);
         share_end(sh, &st);
         sh = NULL;
      }
      bool ok = sh ? share_checked(sh, &st, ces, day) : order_check(a, &cache, ces, day, 0, a->count);
      order = ok ? order_days(day, a->count) : NULL;
   }
   if (how->ordered)
      how->ordered(how->ud, order != NULL);
   st.checked = order != NULL;
   if (order) {
      scan_ordered(&st, order, ces, sh);
   } else {
      if (sh) {
         share_go(sh, NULL, 0);
         share_end(sh, &st);
      }
      for (size_t i = 0; i < a->count; i++) {
         scan_visit(&st, i, useCache ? cache_find(&cache, a->entries[i].name) : NULL);
         if (how->progress)
            how->progress(how->ud, i + 1, a->count);
      }
   }
   size_t hits = st.hits;
   bool dirty = st.dirty;
   free(order);
   free(ces);
   free(day);
   if (useCache) {
      /* Rewritten when something new was digested or an entry went stale
       * (its file changed or is gone); a damaged file, never cached, does
       * not make every scan rewrite it. */
      if (dirty || hits != cache.count)
         cache_write(&cache, how->digest_version, a, texts, lens, bodies, blens);
      for (size_t i = 0; i < a->count; i++)
         if (texts[i] && !(cache.buf && texts[i] >= cache.buf && texts[i] < cache.buf + cache.len))
            free(texts[i]);
   }
   free(texts);
   free(lens);
   free(bodies);
   free(blens);
   cache_free(&cache);
   sort_newest_first(a);
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
