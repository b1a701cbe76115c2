/* F_OFD_SETLK is a GNU extension in glibc's headers. */
#define _GNU_SOURCE 1
#include "storage/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int Lock_fcntl(int fd, short type, int *ofd) {
   struct flock fl;
   memset(&fl, 0, sizeof fl);
   fl.l_type = type;
   fl.l_whence = SEEK_SET;
   fl.l_start = 0;
   fl.l_len = 0;  /* the whole file, however long it grows */
#ifdef F_OFD_SETLK
   *ofd = 1;
   if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
      return 0;
   if (errno != EINVAL)
      return -1;
   /* An old kernel: fall back to process-associated locks. */
#endif
   *ofd = 0;
   return fcntl(fd, F_SETLK, &fl);
}

LockResult Lock_tryWrite(int fd, const char *path, char *why, size_t whylen) {
   int ofd = 0;
   if (Lock_fcntl(fd, F_WRLCK, &ofd) == 0)
      return LOCK_TAKEN;
   if (errno == EACCES || errno == EAGAIN) {
      /* Name the holder when the kernel can tell (classic locks carry a pid). */
      struct flock fl;
      memset(&fl, 0, sizeof fl);
      fl.l_type = F_WRLCK;
      fl.l_whence = SEEK_SET;
      pid_t pid = -1;
#ifdef F_OFD_GETLK
      if (ofd && fcntl(fd, F_OFD_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
         pid = fl.l_pid;
#endif
      if (!ofd && fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
         pid = fl.l_pid;
      if (pid > 0)
         snprintf(why, whylen, "%s: another gavel (process %ld) is writing this session; opened read-only",
                  path, (long)pid);
      else
         snprintf(why, whylen, "%s: another gavel is writing this session (the file is locked); opened read-only",
                  path);
      return LOCK_BUSY;
   }
   snprintf(why, whylen, "%s: cannot lock the session (%s); opened read-only", path, strerror(errno));
   return LOCK_ERROR;
}

int Lock_heldByOther(int fd) {
   struct flock fl;
   memset(&fl, 0, sizeof fl);
   fl.l_type = F_WRLCK;
   fl.l_whence = SEEK_SET;
#ifdef F_OFD_GETLK
   if (fcntl(fd, F_OFD_GETLK, &fl) == 0)
      return fl.l_type != F_UNLCK;
   memset(&fl, 0, sizeof fl);
   fl.l_type = F_WRLCK;
   fl.l_whence = SEEK_SET;
#endif
   if (fcntl(fd, F_GETLK, &fl) == 0)
      return fl.l_type != F_UNLCK;
   return 0;
}

void Lock_release(int fd) {
   int ofd = 0;
   (void)Lock_fcntl(fd, F_UNLCK, &ofd);
}
