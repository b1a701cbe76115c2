#include "storage/stateimage.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/buf.h"
#include "model/session_image.h"
#include "storage/fileio.h"
#include "storage/paths.h"
#include "storage/sessionscan.h"

static const char Magic[12] = "gavel-image\n";
/* 2: the held text inside, mapped at the next open; 3: the byte its NULs
 * stand for in place of the text's CRC (the text is compared with the file). */
#define STATEIMAGE_VERSION 3u

/* The folder of the images: $XDG_CACHE_HOME/gavel/state. */
static int StateImage_dir(char *buf, size_t n) {
   return Paths_user(PATHS_CACHE, "state", buf, n);
}

/* The session's real path: a session opened by another name (a link, a
 * relative path) is the same session. */
static void StateImage_real(const char *sessionPath, char *real) {
   if (!realpath(sessionPath, real))
      snprintf(real, PATH_MAX, "%s", sessionPath);
}

int StateImage_path(const char *sessionPath, char *buf, size_t n) {
   char dir[PATH_MAX], real[PATH_MAX];
   if (StateImage_dir(dir, sizeof dir) != 0)
      return -1;
   StateImage_real(sessionPath, real);
   uint64_t h = Paths_hash(real);
   int w = snprintf(buf, n, "%s/%016llx.image", dir, (unsigned long long)h);
   return w >= 0 && (size_t)w < n ? 0 : -1;
}

static int StateImage_fail(char *why, size_t whylen, const char *path, const char *what) {
   if (why && whylen)
      snprintf(why, whylen, "%s: %s", path, what);
   return -1;
}

int StateImage_load(const char *sessionPath, StateImageFile *img, char *why, size_t whylen) {
   if (StateImage_open(sessionPath, img, why, whylen) != 0)
      return -1;
   if (!StateImage_verify(img)) {
      char path[PATH_MAX];
      if (StateImage_path(sessionPath, path, sizeof path) != 0)
         snprintf(path, sizeof path, "%s", sessionPath);
      StateImage_close(img);
      return StateImage_fail(why, whylen, path, "not a state image, or a damaged one");
   }
   return 0;
}

/* The head's fixed fields before the path, and after it. */
#define HEAD_FRONT (sizeof Magic + 4 + 8 + 4 + 8 + 4)
#define HEAD_BACK (4 + 8 + 8 + 8)

static size_t StateImage_page(void) {
   long p = sysconf(_SC_PAGESIZE);
   return p > 0 ? (size_t)p : 4096;
}

/* n rounded up to a multiple of the page size pg; 0 when it overflows. */
static uint64_t StateImage_round(uint64_t n, size_t pg) {
   return n > UINT64_MAX - pg ? 0 : (n + pg - 1) / pg * pg;
}

int StateImage_verify(const StateImageFile *img) {
   uint32_t sum;
   memcpy(&sum, (const char *)img->map + img->mapLen - 4, 4);
   unsigned long c = SessionScan_crc(img->head, img->headLen);
   return (uint32_t)SessionScan_crcMore(c, img->body, img->bodyLen) == sum;
}

int StateImage_open(const char *sessionPath, StateImageFile *img, char *why, size_t whylen) {
   char path[PATH_MAX], real[PATH_MAX];
   memset(img, 0, sizeof *img);
   img->fd = -1;
   if (StateImage_path(sessionPath, path, sizeof path) != 0)
      return StateImage_fail(why, whylen, sessionPath, "no cache folder");
   StateImage_real(sessionPath, real);
   int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
   struct stat st;
   if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      if (fd >= 0)
         close(fd);
      return StateImage_fail(why, whylen, path, "no state image");
   }
   img->fd = fd;
   const size_t pg = StateImage_page();
   const uint64_t len = (uint64_t)st.st_size;
   /* The head, read: room for the longest path. */
   size_t room = (size_t)StateImage_round(HEAD_FRONT + PATH_MAX + HEAD_BACK, pg);
   char *head = malloc(room);
   ssize_t got = head ? pread(fd, head, room, 0) : -1;
   const char *what = NULL;
   uint32_t version = 0, plen = 0, sep = 0;
   uint64_t covered = 0, lines = 0, blen = 0, textAt = 0, bodyAt = 0;
   if (got < (ssize_t)(HEAD_FRONT + HEAD_BACK) || (uintmax_t)st.st_size > SIZE_MAX / 2)
      what = "torn state image";
   else if (memcmp(head, Magic, sizeof Magic) != 0)
      what = "not a state image, or a damaged one";
   if (!what) {
      const char *p = head + sizeof Magic;
      memcpy(&version, p, 4);
      memcpy(&covered, p + 4, 8);
      memcpy(&img->info.crc, p + 12, 4);
      memcpy(&lines, p + 16, 8);
      memcpy(&plen, p + 24, 4);
      p += 28;
      if (version != STATEIMAGE_VERSION || plen != strlen(real) ||
          HEAD_FRONT + plen + HEAD_BACK > (size_t)got || memcmp(p, real, plen) != 0)
         what = "another version's or another session's image";
      else {
         p += plen;
         memcpy(&sep, p, 4);
         memcpy(&textAt, p + 4, 8);
         memcpy(&bodyAt, p + 12, 8);
         memcpy(&blen, p + 20, 8);
      }
   }
   /* The text and the model's image each from a page boundary (the text is
    * mapped whole pages at a time: the end of its last one is in the file),
    * then the checksum, then nothing. */
   if (!what && (textAt != StateImage_round(HEAD_FRONT + plen + HEAD_BACK, pg) || covered == 0 ||
                 covered > len || bodyAt != StateImage_round(textAt + covered, pg) ||
                 bodyAt == 0 || bodyAt > len || len - bodyAt < 4 || blen != len - bodyAt - 4 ||
                 lines > LONG_MAX || lines < 1 || sep == 0 || sep > 0x7f))
      what = "torn state image";
   void *map = MAP_FAILED;
   /* Mapped, not read: the model reads it in place, and the pages are the
    * page cache's (a cache file is only ever replaced by a rename, never
    * cut in place, so the mapping stays whole). */
   if (!what && (map = mmap(NULL, (size_t)(len - bodyAt), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd,
                            (off_t)bodyAt)) == MAP_FAILED)
      what = "cannot be mapped";
   if (what) {
      free(head);
      close(fd);
      memset(img, 0, sizeof *img);
      img->fd = -1;
      return StateImage_fail(why, whylen, path, what);
   }
   img->info.covered = (size_t)covered;
   img->info.lines = (long)lines;
   img->info.sep = (char)sep;
   img->head = head;
   img->headLen = (size_t)textAt;
   img->body = map;
   img->bodyLen = (size_t)blen;
   img->map = map;
   img->mapLen = (size_t)(len - bodyAt);
   img->textAt = textAt;
   return 0;
}

void StateImage_close(StateImageFile *img) {
   /* Only an image opened holds a descriptor (a struct zeroed holds fd 0). */
   if (img->map) {
      munmap(img->map, img->mapLen);
      close(img->fd);
   }
   free(img->head);
   memset(img, 0, sizeof *img);
   img->fd = -1;
}

char *StateImage_mapText(const StateImageFile *img, size_t len) {
   const size_t pg = StateImage_page();
   size_t n = img->info.covered;
   if (!img->map || n == 0 || n > len || len > SIZE_MAX - 2 * pg)
      return NULL;
   size_t cap = (size_t)StateImage_round(len + 1, pg), tlen = (size_t)StateImage_round(n, pg);
   char *r = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (r == MAP_FAILED)
      return NULL;
   /* Read-only while its pages are brought in (a writable private mapping
    * would be populated by copying every page), then writable: a page is
    * copied only where it is written, the one the bytes after N begin in. */
   if (mmap(r, tlen, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, img->fd,
            (off_t)img->textAt) == MAP_FAILED ||
       mprotect(r, tlen, PROT_READ | PROT_WRITE) != 0) {
      munmap(r, cap);
      return NULL;
   }
   return r;
}

void StateImage_unmapText(char *text, size_t len) {
   if (text)
      munmap(text, (size_t)StateImage_round(len + 1, StateImage_page()));
}

/* Does file[0..n) equal text[0..n) where each NUL of the text stands for
 * sep? *nuls counts the text's NULs, *where sums their offsets (from
 * `from`) mixed. 1/0. */
static int StateImage_sameRun(const char *text, const char *file, size_t n, size_t from, char sep,
                              size_t *nuls, uint64_t *where) {
   while (n > 0) {
      const char *z = memchr(text, '\0', n);
      size_t run = z ? (size_t)(z - text) : n;
      if (memcmp(text, file, run) != 0)
         return 0;
      if (!z)
         return 1;
      if (file[run] != sep)
         return 0;
      ++*nuls;
      *where += SessionImage_endMix(from + run);
      text += run + 1;
      file += run + 1;
      from += run + 1;
      n -= run + 1;
   }
   return 1;
}

int StateImage_fileEquals(const StateImageInfo *info, const char *text, int fd, size_t *nuls,
                          uint64_t *where) {
   /* A small buffer used again and again stays in the processor's cache:
    * the file is compared without 10 MB of fresh pages to fill. */
   enum { PIECE = 64 * 1024 };
   char *b = malloc(PIECE);
   size_t n = info->covered, at = 0;
   int same = b != NULL;
   char last = 0;
   *nuls = 0;
   *where = 0;
   while (same && at < n) {
      size_t want = n - at < PIECE ? n - at : PIECE;
      ssize_t r = pread(fd, b, want, (off_t)at);
      if (r < 0 && errno == EINTR)
         continue;
      if (r <= 0)
         break;
      same = StateImage_sameRun(text + at, b, (size_t)r, at, info->sep, nuls, where);
      last = b[r - 1];
      at += (size_t)r;
   }
   int ok = same && n > 0 && at == n && last == '\n';
   free(b);
   return ok;
}

int StateImage_folder(void) {
   char dir[PATH_MAX], err[PATH_MAX + 64];
   return StateImage_dir(dir, sizeof dir) == 0 && FileIO_mkdirs(dir, err, sizeof err) == 0 ? 0 : -1;
}

/* Zeros up to the next page boundary after `at` bytes written. */
static int StateImage_pad(const FileIO *io, int fd, uint64_t at, size_t pg) {
   static const char zeros[4096];
   uint64_t left = StateImage_round(at, pg) - at;
   while (left > 0) {
      size_t n = left < sizeof zeros ? (size_t)left : sizeof zeros;
      if (FileIO_writeAll(io, fd, zeros, n) != 0)
         return -1;
      left -= n;
   }
   return 0;
}

/* The CRC-32 of text[0..n) with each NUL read as sep. */
static uint32_t StateImage_textCrc(const char *text, size_t n, char sep) {
   unsigned long c = 0;
   while (n > 0) {
      const char *z = memchr(text, '\0', n);
      size_t run = z ? (size_t)(z - text) : n;
      c = SessionScan_crcWide(c, text, run);
      if (!z)
         break;
      c = SessionScan_crcMore(c, &sep, 1);
      text += run + 1;
      n -= run + 1;
   }
   return (uint32_t)c;
}

int StateImage_save(const char *sessionPath, const StateImageInfo *info, const char *text,
                    const char *body, size_t bodyLen) {
   char path[PATH_MAX], real[PATH_MAX], dir[PATH_MAX], err[PATH_MAX + 64];
   if (!text || info->covered == 0 || StateImage_path(sessionPath, path, sizeof path) != 0 ||
       StateImage_dir(dir, sizeof dir) != 0 || FileIO_mkdirs(dir, err, sizeof err) != 0)
      return -1;
   StateImage_real(sessionPath, real);
   const size_t pg = StateImage_page();
   GvBuf b = GV_BUF_INIT;
   uint32_t version = STATEIMAGE_VERSION, plen = (uint32_t)strlen(real), crc = info->crc;
   uint32_t sep = (unsigned char)info->sep;
   uint64_t covered = info->covered, lines = (uint64_t)info->lines, blen = bodyLen;
   uint64_t textAt = StateImage_round(HEAD_FRONT + plen + HEAD_BACK, pg);
   uint64_t bodyAt = StateImage_round(textAt + covered, pg);
   /* The text with its NULs put back to sep must be the file's bytes (their
    * CRC): the next open compares the file with the text, not with a CRC. */
   if (sep == 0 || sep > 0x7f || StateImage_textCrc(text, info->covered, info->sep) != crc)
      return -1;
   GvBuf_append(&b, Magic, sizeof Magic);
   GvBuf_append(&b, (const char *)&version, 4);
   GvBuf_append(&b, (const char *)&covered, 8);
   GvBuf_append(&b, (const char *)&crc, 4);
   GvBuf_append(&b, (const char *)&lines, 8);
   GvBuf_append(&b, (const char *)&plen, 4);
   GvBuf_append(&b, real, plen);
   GvBuf_append(&b, (const char *)&sep, 4);
   GvBuf_append(&b, (const char *)&textAt, 8);
   GvBuf_append(&b, (const char *)&bodyAt, 8);
   GvBuf_append(&b, (const char *)&blen, 8);
   while (!b.failed && b.len < textAt)
      GvBuf_append(&b, "", 1);
   /* The text and the body are written from where they are, not copied
    * behind the head: a second copy would be the live screen's peak memory. */
   uint32_t sum = (uint32_t)SessionScan_crcMore(SessionScan_crc(b.data, b.len), body, bodyLen);
   if (b.failed) {
      GvBuf_free(&b);
      return -1;
   }
   /* One temporary name per image: a writer killed half-way leaves one
    * file, which the next write takes over, not one more each time. Taken
    * over by a file of its own (unlinked, then created anew), never cut
    * or written in place: a file renamed into place may be mapped by a
    * live screen (its text), and cut under it, it would fault. (Two
    * writers at once may rename each other's file: a file renamed unfinished
    * fails its checksums and is refused.) */
   char tmp[PATH_MAX + 16];
   snprintf(tmp, sizeof tmp, "%s.tmp", path);
   unlink(tmp);
   int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
   const FileIO *io = FileIO_system();
   int r = fd < 0 || fchmod(fd, 0600) != 0 || FileIO_writeAll(io, fd, b.data, b.len) != 0 ||
                 FileIO_writeAll(io, fd, text, info->covered) != 0 ||
                 StateImage_pad(io, fd, textAt + covered, pg) != 0 ||
                 FileIO_writeAll(io, fd, body, bodyLen) != 0 ||
                 FileIO_writeAll(io, fd, (const char *)&sum, 4) != 0
             ? -1
             : 0;
   if (fd >= 0 && close(fd) != 0)
      r = -1;
   if (r == 0 && rename(tmp, path) != 0)
      r = -1;
   if (r != 0 && fd >= 0)
      unlink(tmp);
   GvBuf_free(&b);
   return r;
}

int StateImage_matches(const StateImageInfo *info, const char *text, size_t len, uint32_t *crc) {
   size_t n = info->covered;
   if (n == 0 || n > len || text[n - 1] != '\n')
      return 0;
   *crc = (uint32_t)SessionScan_crcWide(0, text, n);
   return *crc == info->crc;
}

int StateImage_matchesSummed(const StateImageInfo *info, const char *text, size_t len,
                             uint32_t crc) {
   size_t n = info->covered;
   return n > 0 && n <= len && text[n - 1] == '\n' && crc == info->crc;
}
