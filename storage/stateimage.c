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
#include "storage/fileio.h"
#include "storage/paths.h"
#include "storage/sessionscan.h"

static const char Magic[12] = "gavel-image\n";
#define STATEIMAGE_VERSION 1u

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

int StateImage_verify(const StateImageFile *img) {
   const char *buf = img->map;
   size_t len = img->mapLen;
   uint32_t sum;
   memcpy(&sum, buf + len - 4, 4);
   return (uint32_t)SessionScan_crc(buf, len - 4) == sum;
}

int StateImage_open(const char *sessionPath, StateImageFile *img, char *why, size_t whylen) {
   char path[PATH_MAX], real[PATH_MAX];
   memset(img, 0, sizeof *img);
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
   size_t len = (size_t)st.st_size;
   const size_t head = sizeof Magic + 4 + 8 + 4 + 8 + 4;
   if ((uintmax_t)st.st_size < head + 8 + 4 || (uintmax_t)st.st_size > SIZE_MAX / 2) {
      close(fd);
      return StateImage_fail(why, whylen, path, "torn state image");
   }
   /* Mapped, not read: the model reads it in place, and the pages are the
    * page cache's (a cache file is only ever replaced by a rename, never
    * cut in place, so the mapping stays whole). */
   void *map = mmap(NULL, len, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
   close(fd);
   if (map == MAP_FAILED)
      return StateImage_fail(why, whylen, path, "cannot be mapped");
   const char *buf = map, *p = buf, *end = buf + len;
   /* The checksum of everything before it comes last (StateImage_verify). */
   end -= 4;
   const char *what = NULL;
   if (memcmp(p, Magic, sizeof Magic) != 0)
      what = "not a state image, or a damaged one";
   uint32_t version = 0, plen = 0;
   uint64_t covered = 0, lines = 0, blen = 0;
   if (!what) {
      p += sizeof Magic;
      memcpy(&version, p, 4);
      memcpy(&covered, p + 4, 8);
      memcpy(&img->info.crc, p + 12, 4);
      memcpy(&lines, p + 16, 8);
      memcpy(&plen, p + 24, 4);
      p += 28;
      if (version != STATEIMAGE_VERSION || plen > (size_t)(end - p) || plen != strlen(real) ||
          memcmp(p, real, plen) != 0)
         what = "another version's or another session's image";
   }
   if (!what) {
      p += plen;
      if ((size_t)(end - p) < 8)
         what = "torn state image";
      else
         memcpy(&blen, p, 8);
      p += 8;
      if (!what && (blen != (uint64_t)(end - p) || covered > SIZE_MAX || lines > LONG_MAX ||
                    lines < 1))
         what = "torn state image";
   }
   if (what) {
      munmap(map, len);
      memset(img, 0, sizeof *img);
      return StateImage_fail(why, whylen, path, what);
   }
   img->info.covered = (size_t)covered;
   img->info.lines = (long)lines;
   img->body = p;
   img->bodyLen = (size_t)blen;
   img->map = map;
   img->mapLen = len;
   return 0;
}

void StateImage_close(StateImageFile *img) {
   if (img->map)
      munmap(img->map, img->mapLen);
   memset(img, 0, sizeof *img);
}

int StateImage_folder(void) {
   char dir[PATH_MAX], err[PATH_MAX + 64];
   return StateImage_dir(dir, sizeof dir) == 0 && FileIO_mkdirs(dir, err, sizeof err) == 0 ? 0 : -1;
}

int StateImage_save(const char *sessionPath, const StateImageInfo *info, const char *body,
                    size_t bodyLen) {
   char path[PATH_MAX], real[PATH_MAX], dir[PATH_MAX], err[PATH_MAX + 64];
   if (StateImage_path(sessionPath, path, sizeof path) != 0 || StateImage_dir(dir, sizeof dir) != 0 ||
       FileIO_mkdirs(dir, err, sizeof err) != 0)
      return -1;
   StateImage_real(sessionPath, real);
   GvBuf b = GV_BUF_INIT;
   uint32_t version = STATEIMAGE_VERSION, plen = (uint32_t)strlen(real), crc = info->crc;
   uint64_t covered = info->covered, lines = (uint64_t)info->lines, blen = bodyLen;
   GvBuf_append(&b, Magic, sizeof Magic);
   GvBuf_append(&b, (const char *)&version, 4);
   GvBuf_append(&b, (const char *)&covered, 8);
   GvBuf_append(&b, (const char *)&crc, 4);
   GvBuf_append(&b, (const char *)&lines, 8);
   GvBuf_append(&b, (const char *)&plen, 4);
   GvBuf_append(&b, real, plen);
   GvBuf_append(&b, (const char *)&blen, 8);
   /* The body is written from where it is, not copied behind the head: a
    * second copy of it would be the live screen's peak memory. */
   uint32_t sum = (uint32_t)SessionScan_crcMore(SessionScan_crc(b.data, b.len), body, bodyLen);
   if (b.failed) {
      GvBuf_free(&b);
      return -1;
   }
   /* One temporary name per image: a writer killed half-way leaves one
    * file, which the next write takes over, not one more each time. (Two
    * writers at once may spoil it: the checksum then refuses the image.) */
   char tmp[PATH_MAX + 16];
   snprintf(tmp, sizeof tmp, "%s.tmp", path);
   int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
   const FileIO *io = FileIO_system();
   int r = fd < 0 || fchmod(fd, 0600) != 0 || FileIO_writeAll(io, fd, b.data, b.len) != 0 ||
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
