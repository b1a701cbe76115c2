/* The one write path: atomic replace, permissions, fault injection, the
 * journal frame scanner, locks and data folder names. */
#include "tests/unit/testutil.h"

#include <zlib.h>

#include "storage/datadir.h"
#include "storage/exportfile.h"
#include "storage/fileio.h"
#include "storage/sessionscan.h"
#include "storage/lock.h"

/* A FileIO whose chosen call fails with ENOSPC after N successes. */
typedef struct Faults {
   int failWrite, failFsync, failRename;  /* 1 = fail the next such call */
   int writes;
   int fsyncs, failFsyncAt;  /* fail the failFsyncAt-th fsync (1 = the first) */
} Faults;

static ssize_t faultyWrite(void *ctx, int fd, const void *buf, size_t len) {
   Faults *f = ctx;
   f->writes++;
   if (f->failWrite) {
      /* Half the bytes reach the disk, then the disk is full. */
      if (len > 1 && f->failWrite == 1) {
         f->failWrite = 2;
         return write(fd, buf, len / 2);
      }
      errno = ENOSPC;
      return -1;
   }
   return write(fd, buf, len);
}

static int faultyFsync(void *ctx, int fd) {
   Faults *f = ctx;
   f->fsyncs++;
   if (f->failFsync || f->fsyncs == f->failFsyncAt) {
      errno = EIO;
      return -1;
   }
   return fsync(fd);
}

static int faultyFdatasync(void *ctx, int fd) {
   return faultyFsync(ctx, fd);
}

static int faultyRename(void *ctx, const char *a, const char *b) {
   Faults *f = ctx;
   if (f->failRename) {
      errno = ENOSPC;
      return -1;
   }
   return rename(a, b);
}

static int faultyFtruncate(void *ctx, int fd, off_t len) {
   (void)ctx;
   return ftruncate(fd, len);
}

static int faultyLink(void *ctx, const char *a, const char *b) {
   Faults *f = ctx;
   if (f->failRename) {
      errno = ENOSPC;
      return -1;
   }
   return link(a, b);
}

static FileIO faulty(Faults *f) {
   return (FileIO){ faultyWrite, faultyFsync, faultyFdatasync, faultyRename, faultyFtruncate,
                    faultyLink, f };
}

static int countEntries(const char *dir) {
   DIR *d = opendir(dir);
   int n = 0;
   struct dirent *e;
   while ((e = readdir(d)))
      if (e->d_name[0] != '.')
         n++;
   closedir(d);
   return n;
}

/* Every '\n' of the text becomes "\r\n", as a file written on Windows. */
static void Fx_crlf(GvBuf *text) {
   GvBuf w = GV_BUF_INIT;
   for (size_t i = 0; i < text->len; i++) {
      if (text->data[i] == '\n')
         GvBuf_putc(&w, '\r');
      GvBuf_putc(&w, text->data[i]);
   }
   GvBuf_free(text);
   *text = w;
}

static void replace_writes_0600_and_mkdirs_0700(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char sub[PATH_MAX], p[PATH_MAX * 2], err[256];
   snprintf(sub, sizeof sub, "%s/a/b/c", dir);
   umask(022);
   assert_int_equal(FileIO_mkdirs(sub, err, sizeof err), 0);
   struct stat st;
   assert_int_equal(stat(sub, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0700);
   snprintf(p, sizeof p, "%s/a/b", dir);
   assert_int_equal(stat(p, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0700);
   /* Again: an existing folder is fine. */
   assert_int_equal(FileIO_mkdirs(sub, err, sizeof err), 0);

   TestUtil_join(p, sizeof p, sub, "f.txt");
   assert_int_equal(FileIO_replace(FileIO_system(), p, "one\n", 4, err, sizeof err), 0);
   assert_int_equal(stat(p, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0600);
   assert_int_equal(FileIO_replace(FileIO_system(), p, "two\n", 4, err, sizeof err), 0);
   char *text = TestUtil_slurp(p, NULL);
   assert_string_equal(text, "two\n");
   free(text);
   assert_int_equal(countEntries(sub), 1);  /* no temporary left behind */
   TestUtil_rmtree(dir);
   free(dir);
}

static void replace_failure_leaves_old_file(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX], err[256];
   TestUtil_join(p, sizeof p, dir, "s.gavel");
   TestUtil_write(p, "old content\n");
   const char *big = "new content that should never be seen\n";
   for (int which = 0; which < 3; which++) {
      Faults f = { 0 };
      if (which == 0)
         f.failWrite = 1;
      if (which == 1)
         f.failFsync = 1;
      if (which == 2)
         f.failRename = 1;
      FileIO io = faulty(&f);
      err[0] = '\0';
      assert_int_equal(FileIO_replace(&io, p, big, strlen(big), err, sizeof err), -1);
      assert_non_null(strstr(err, "the old file is unchanged"));
      char *text = TestUtil_slurp(p, NULL);
      assert_string_equal(text, "old content\n");
      free(text);
      assert_int_equal(countEntries(dir), 3);  /* data, config, s.gavel: no temporary */
   }
   TestUtil_rmtree(dir);
   free(dir);
}

/* What a composing writer puts out: 100,000 numbered lines (more than any
 * stdio buffer), then 0, or -1 when it cannot finish its document. */
static int composeLines(FILE *out, void *ctx) {
   const int *giveUp = ctx;
   for (int i = 0; i < 100000; i++)
      fprintf(out, "line %d\n", i);
   return *giveUp ? -1 : 0;
}

/* A document written as it is composed replaces the file only when it is
 * complete and written: the whole of it goes through the FileIO; a writer
 * that gives up, or a disk that fills, leaves the old file and no
 * temporary. */
static void export_while_composing(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX], err[512];
   TestUtil_join(p, sizeof p, dir, "out.md");
   TestUtil_write(p, "old content\n");
   int giveUp = 1;
   assert_int_equal(ExportFile_writeWith(FileIO_system(), p, composeLines, &giveUp, err, sizeof err), -1);
   assert_non_null(strstr(err, "the old file is unchanged"));
   char *text = TestUtil_slurp(p, NULL);
   assert_string_equal(text, "old content\n");
   free(text);
   assert_int_equal(countEntries(dir), 3);  /* data, config, out.md: no temporary */

   giveUp = 0;
   Faults f = { 0 };
   f.failWrite = 1;
   FileIO io = faulty(&f);
   assert_int_equal(ExportFile_writeWith(&io, p, composeLines, &giveUp, err, sizeof err), -1);
   assert_non_null(strstr(err, "cannot write"));
   text = TestUtil_slurp(p, NULL);
   assert_string_equal(text, "old content\n");
   free(text);
   assert_int_equal(countEntries(dir), 3);

   Faults ok = { 0 };
   io = faulty(&ok);
   assert_int_equal(ExportFile_writeWith(&io, p, composeLines, &giveUp, err, sizeof err), 0);
   assert_true(ok.writes > 1);  /* written a buffer at a time, through the FileIO */
   size_t len = 0;
   text = TestUtil_slurp(p, &len);
   assert_int_equal(len, 1088890);  /* "line 0\n" .. "line 99999\n" */
   assert_memory_equal(text, "line 0\nline 1\n", 14);
   assert_string_equal(text + len - 11, "line 99999\n");
   free(text);
   struct stat st;
   assert_int_equal(stat(p, &st), 0);
   assert_int_equal(countEntries(dir), 3);
   TestUtil_rmtree(dir);
   free(dir);
}

/* The new copy is synced, renamed, and then its folder is synced, so that
 * the rename itself survives a crash: a failing folder sync is reported. */
static void replace_syncs_the_folder(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX], err[256] = "";
   TestUtil_join(p, sizeof p, dir, "s.gavel");
   TestUtil_write(p, "old content\n");
   Faults f = { .failFsyncAt = 2 };  /* the copy's sync passes, the folder's fails */
   FileIO io = faulty(&f);
   assert_int_equal(FileIO_replace(&io, p, "new\n", 4, err, sizeof err), -1);
   assert_int_equal(f.fsyncs, 2);
   assert_non_null(strstr(err, "the folder could not be synced"));
   char *text = TestUtil_slurp(p, NULL);
   assert_string_equal(text, "new\n");  /* in place; only its durability is in doubt */
   free(text);
   TestUtil_rmtree(dir);
   free(dir);
}

/* A file of n pseudo-random bytes (from seed) at p; its bytes, malloc'd. */
static char *long_file(const char *p, size_t n, unsigned seed) {
   char *want = malloc(n);
   assert_non_null(want);
   unsigned x = seed;
   for (size_t i = 0; i < n; i++) {
      x = x * 1103515245u + 12345u;
      want[i] = (char)(x >> 16);
   }
   FILE *f = fopen(p, "wb");
   assert_non_null(f);
   assert_int_equal(fwrite(want, 1, n, f), n);
   assert_int_equal(fclose(f), 0);
   return want;
}

/* A long file is read in two halves at once (4 MB and more): the same bytes
 * as one read, from wherever the descriptor stands, which ends at the end. */
static void long_file_read_whole(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX];
   TestUtil_join(p, sizeof p, dir, "long");
   size_t n = ((size_t)5 << 20) + 123;
   char *want = long_file(p, n, 7);
   char *got;
   size_t len;
   assert_int_equal(FileIO_readPath(p, &got, &len), 0);
   assert_int_equal(len, n);
   assert_memory_equal(got, want, n);
   assert_int_equal(got[n], '\0');
   free(got);
   /* From where the descriptor stands: before the middle and after it. */
   static const size_t from[] = { 1000, (size_t)3 << 20, ((size_t)5 << 20) + 100 };
   for (size_t k = 0; k < sizeof from / sizeof *from; k++) {
      int fd = open(p, O_RDONLY);
      assert_true(fd >= 0);
      assert_int_equal(lseek(fd, (off_t)from[k], SEEK_SET), (off_t)from[k]);
      assert_int_equal(FileIO_readFd(fd, &got, &len), 0);
      assert_int_equal(len, n - from[k]);
      assert_memory_equal(got, want + from[k], n - from[k]);
      char c;
      assert_int_equal(read(fd, &c, 1), 0);   /* at the end */
      free(got);
      close(fd);
   }
   free(want);
   TestUtil_rmtree(dir);
   free(dir);
}

/* A long file's checksum taken as it is read (FileIORead.sumLen): the CRC
 * of exactly its first sumLen bytes, wherever sumLen falls against the two
 * halves and the pieces each is read in; none for more than the file. */
static void long_file_summed_as_read(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX];
   TestUtil_join(p, sizeof p, dir, "long");
   size_t n = ((size_t)5 << 20) + 123, half = n / 2;
   char *want = long_file(p, n, 11);
   const size_t lens[] = { 1, 1000, (size_t)256 << 10, ((size_t)256 << 10) + 1, half - 1, half,
                           half + 1, half + ((size_t)300 << 10), n - 1, n };
   for (size_t k = 0; k <= sizeof lens / sizeof *lens; k++) {
      size_t want_len = k < sizeof lens / sizeof *lens ? lens[k] : n + 1;
      int fd = open(p, O_RDONLY);
      assert_true(fd >= 0);
      FileIORead rd;
      assert_int_equal(FileIO_readBegin(fd, &rd), 0);
      rd.sumLen = want_len;
      rd.more = SessionScan_crcMore;
      rd.join = SessionScan_crcJoin;
      char *got;
      size_t len;
      assert_int_equal(FileIO_readEnd(&rd, &got, &len), 0);
      assert_int_equal(len, n);
      assert_memory_equal(got, want, n);
      if (want_len > n) {
         assert_int_equal(rd.summed, 0);
      } else {
         assert_int_equal(rd.summed, want_len);
         assert_int_equal(rd.sum, SessionScan_crc(want, want_len));
      }
      free(got);
      close(fd);
   }
   free(want);
   TestUtil_rmtree(dir);
   free(dir);
}

static void writeall_reports_enospc(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX];
   TestUtil_join(p, sizeof p, dir, "w");
   int fd = open(p, O_WRONLY | O_CREAT, 0600);
   Faults f = { .failWrite = 1 };
   FileIO io = faulty(&f);
   errno = 0;
   assert_int_equal(FileIO_writeAll(&io, fd, "abcdef", 6), -1);
   assert_int_equal(errno, ENOSPC);
   close(fd);
   TestUtil_rmtree(dir);
   free(dir);
}

static void scan_splits_and_finds_torn_tail(void **state) {
   (void)state;
   const char *text = "gavel-session 1\nline a\n\nline c\nhalf";
   SessionScan s;
   char err[128];
   assert_int_equal(SessionScan_run(text, strlen(text), &s, err, sizeof err), 0);
   assert_int_equal(s.version, 1);
   assert_int_equal(s.count, 3);
   assert_int_equal(s.lines[0].lineno, 2);
   assert_int_equal(s.lines[1].len, 0);
   assert_int_equal(s.lines[2].lineno, 4);
   assert_true(s.torn);
   assert_int_equal(s.tornLine.lineno, 5);
   assert_int_equal(s.tornLine.len, 4);
   assert_int_equal(s.goodLength, strlen(text) - 4);
   SessionScan_free(&s);

   const char *v9 = "gavel-session 9\n";
   assert_int_equal(SessionScan_run(v9, strlen(v9), &s, err, sizeof err), 0);
   assert_int_equal(s.version, 9);
   assert_false(s.torn);
   SessionScan_free(&s);

   const char *bad = "hello\n";
   assert_int_equal(SessionScan_run(bad, strlen(bad), &s, err, sizeof err), -1);
   assert_non_null(strstr(err, "not a gavel session"));
   SessionScan_free(&s);
   const char *tornHeader = "gavel-sess";
   assert_int_equal(SessionScan_run(tornHeader, strlen(tornHeader), &s, err, sizeof err), -1);
   assert_non_null(strstr(err, "incomplete header"));
   SessionScan_free(&s);
}

static void check_line_frame(void **state) {
   (void)state;
   char err[128];
   const char *ok = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 set body \"Cyber\"";
   assert_int_equal(SessionScan_checkLine(ok, strlen(ok), err, sizeof err), 0);
   const char *future = "vote 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x=1";
   assert_int_equal(SessionScan_checkLine(future, strlen(future), err, sizeof err), 0);
   const char *badTime = "cmd 2017-05-12 10:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x";
   assert_int_equal(SessionScan_checkLine(badTime, strlen(badTime), err, sizeof err), -1);
   assert_non_null(strstr(err, "bad time"));
   const char *badUuid = "cmd 2017-05-12T10:00:00 nope x";
   assert_int_equal(SessionScan_checkLine(badUuid, strlen(badUuid), err, sizeof err), -1);
   assert_non_null(strstr(err, "bad uuid"));
   /* Right length and dashes, one byte that is no hex digit; a dash moved. */
   const char *upper = "cmd 2017-05-12T10:00:00 6F1C7A2E-0B7F-4A57-9A53-4B8E0F6D2C11 x";
   assert_int_equal(SessionScan_checkLine(upper, strlen(upper), err, sizeof err), 0);
   const char *notHex[] = { "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c1g x",
                            "cmd 2017-05-12T10:00:00 /f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x",
                            "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c-1 x",
                            "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0\xc3\xa9" "6d2c1 x",
                            "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c:1 x" };
   for (size_t i = 0; i < sizeof notHex / sizeof *notHex; i++) {
      assert_int_equal(SessionScan_checkLine(notHex[i], strlen(notHex[i]), err, sizeof err), -1);
      assert_non_null(strstr(err, "bad uuid"));
   }
   /* Every byte of the time and of the uuid, in turn, changed to each of
    * these: refused exactly when the shape is broken. */
   static const char subst[] = "0159aAfFgG-:T /@`{\x7f";
   char line[128];
   const char *base = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x";
   const char *shape = "dddd-dd-ddTdd:dd:dd hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh";
   for (size_t at = 4; at < 4 + strlen(shape); at++)
      for (size_t k = 0; k < sizeof subst - 1; k++) {
         snprintf(line, sizeof line, "%s", base);
         char c = subst[k], want = shape[at - 4];
         line[at] = c;
         int good = want == 'd'   ? c >= '0' && c <= '9'
                    : want == 'h' ? strchr("0123456789abcdefABCDEF", c) != NULL
                                  : c == want;
         if ((SessionScan_checkLine(line, strlen(line), err, sizeof err) == 0) != good)
            fail_msg("'%c' at column %zu: checkLine says %s", c, at + 1, good ? err : "ok");
      }
   /* The frame read in one look: the uuid's 36 bytes end the line or a
    * blank follows them; the type's bytes run up to the first blank. */
   static const struct { const char *line, *why; } frames[] = {
      { "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11", NULL },
      { "cmd:3 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 item add X", NULL },
      { "cmd+ 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 item add X", NULL },
      { "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11x note y", "bad uuid" },
      { "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11\tnote y", "bad uuid" },
      { "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c1", "bad uuid" },
      { "cmd 2017-05-12T10:00:00  6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x", "bad uuid" },
      { "cmd 2017-05-12T10:00:000 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x", "bad time" },
      { "cmd  2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x", "bad time" },
      { "Cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x", "bad record type" },
      { "cmd\t2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x", "bad record type" },
      { "c.d 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x", "bad record type" },
      { " cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 x", "TYPE TIME UUID" },
   };
   for (size_t i = 0; i < sizeof frames / sizeof *frames; i++) {
      int rc = SessionScan_checkLine(frames[i].line, strlen(frames[i].line), err, sizeof err);
      if (rc != (frames[i].why ? -1 : 0) || (frames[i].why && !strstr(err, frames[i].why)))
         fail_msg("'%s': %d %s", frames[i].line, rc, rc ? err : "ok");
   }
   const char *badUtf8 = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 note \xc3\x28";
   assert_int_equal(SessionScan_checkLine(badUtf8, strlen(badUtf8), err, sizeof err), -1);
   assert_non_null(strstr(err, "UTF-8"));
   assert_int_equal(SessionScan_checkLine("", 0, err, sizeof err), -1);
   const char *greek = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 note Ελλάδα";
   assert_int_equal(SessionScan_checkLine(greek, strlen(greek), err, sizeof err), 0);
   const char *surrogate = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 note \xed\xa0\x80";
   assert_int_equal(SessionScan_checkLine(surrogate, strlen(surrogate), err, sizeof err), -1);
   const char *tab = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 note a\tb";
   assert_int_equal(SessionScan_checkLine(tab, strlen(tab), err, sizeof err), 0);
   const char *bell = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 note a\ab";
   assert_int_equal(SessionScan_checkLine(bell, strlen(bell), err, sizeof err), -1);
   assert_non_null(strstr(err, "control character 0x07"));
   /* What is about to be written is checked line by line. */
   char two[256];
   snprintf(two, sizeof two, "%s\n%s\n", ok, bell);
   assert_int_equal(SessionScan_checkLines(two, strlen(two), err, sizeof err), -1);
   assert_non_null(strstr(err, "line 2: control character"));
   snprintf(two, sizeof two, "%s\n%s", ok, ok);
   assert_int_equal(SessionScan_checkLines(two, strlen(two), err, sizeof err), -1);
   assert_non_null(strstr(err, "no final newline"));
}

/* The scan checks each line's bytes in its one pass (ScanLine.checked): that
 * must say exactly what SessionScan_checkLine says, for every kind of damage
 * at every place in a line, sealed or not, LF or CRLF. */
static void scan_check_agrees_with_check_line(void **state) {
   (void)state;
   static const char *const bad[] = {
      "\x01", "\x1f", "\x7f", "\r", "\x80", "\xbf", "\xc0\xaf", "\xc1\xbf", "\xc2",
      "\xc3\x28", "\xe0\x80\xaf", "\xe0\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf",
      "\xe2\x82", "\xf0\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80",
      "\xf0\x9f\x98", "\xff", "\t", "\xc3\xa9", "\xe2\x80\x9e", "\xed\x9f\xbf",
      "\xf0\x9f\x98\x80", "\xf4\x8f\xbf\xbf", "\xef\xbb\xbf", " ", "-", "G",
   };
   static const char *const base =
      "cmd 2017-05-12T10:00:00 0b0e6c1e-3f7a-4c8e-9d2b-5a6f7e8d9c0b note said "
      "\xc3\xa9t\xc3\xa9 \xe2\x80\x9e\xce\xba\xcf\x85\xce\xb2\xce\xad\xcf\x81\xce\xbd\xce\xb7\xcf\x83\xce\xb7\xe2\x80\x9c "
      "at length about the draft conclusions";
   size_t blen = strlen(base);
   char err[256];
   for (int sealed = 0; sealed < 2; sealed++) {
      for (int crlf = 0; crlf < 2; crlf++) {
         GvBuf plain = GV_BUF_INIT, text = GV_BUF_INIT;
         /* Every damage at every place of the line (the type, the time, the
          * uuid, the text, its last byte). */
         for (size_t b = 0; b < sizeof bad / sizeof *bad; b++)
            for (size_t at = 0; at <= blen; at++)
               for (size_t over = 0; over < 2 && at + over <= blen; over++) {
                  /* Inserted, or in place of the byte there. */
                  GvBuf_append(&plain, base, at);
                  GvBuf_puts(&plain, bad[b]);
                  GvBuf_append(&plain, base + at + over, blen - at - over);
                  GvBuf_putc(&plain, '\n');
               }
         GvBuf_append(&plain, base, blen);
         GvBuf_putc(&plain, '\n');
         GvBuf_puts(&text, SessionScan_headerFor(sealed ? 2 : 1));
         SessionScan_seal(&text, plain.data, plain.len, sealed ? 2 : 1);
         if (crlf)
            Fx_crlf(&text);
         assert_false(text.failed);
         SessionScan s;
         assert_int_equal(SessionScan_run(text.data, text.len, &s, err, sizeof err), 0);
         assert_int_equal(s.crlf, crlf);
         size_t checked = 0, ok = 0, sealOk = 0;
         for (size_t i = 0; i < s.count; i++) {
            const ScanLine *l = &s.lines[i];
            if (l->seal != SCAN_SEAL_OK && l->seal != SCAN_SEAL_NONE) {
               assert_int_equal(l->checked, 0);
               continue;
            }
            sealOk++;
            int good = SessionScan_checkLine(text.data + l->start, l->len, err, sizeof err) == 0;
            if (good != l->checked)
               fail_msg("line %ld (sealed %d, crlf %d): scan says %d, checkLine says %d (%s)",
                        l->lineno, sealed, crlf, l->checked, good, good ? "" : err);
            checked += l->checked;
            ok += good;
         }
         /* Both kinds are there: sound lines, and lines refused. */
         assert_true(checked > 100);
         assert_true(checked < sealOk);
         SessionScan_free(&s);
         GvBuf_free(&plain);
         GvBuf_free(&text);
      }
   }
}

/* A long file is scanned in two halves, by two threads: every line must come
 * out as a scan of it alone says (its place, number, length, seal and
 * check), damage on either side of the cut, the torn tail after it, with LF
 * and CRLF ends. */
static void long_scan_agrees_line_by_line(void **state) {
   (void)state;
   static const char *const bad[] = { "", "\x01", "\xc3", "\xed\xa0\x80", "\r", "\x7f", "G", "" };
   char err[256];
   for (int crlf = 0; crlf < 2; crlf++) {
      GvBuf plain = GV_BUF_INIT, text = GV_BUF_INIT;
      for (int i = 0; plain.len < 1200 * 1024; i++) {
         char line[400];
         int n = snprintf(line, sizeof line,
                          "cmd 2017-05-12T10:%02d:%02d 0b0e6c1e-3f7a-4c8e-9d2b-%012d note %d said "
                          "\xc3\xa9t\xc3\xa9 %.*s",
                          i / 60 % 60, i % 60, i, i, i % 200,
                          "at length about the draft conclusions of the working party, and again "
                          "at length about the draft conclusions of the working party, and again "
                          "at length about the draft conclusions of the working party");
         GvBuf_append(&plain, line, (size_t)n);
         /* Damage in one line in seven, at a place that moves. */
         if (i % 7 == 3)
            GvBuf_puts(&plain, bad[(size_t)i / 7 % (sizeof bad / sizeof *bad)]);
         GvBuf_putc(&plain, '\n');
      }
      GvBuf_puts(&text, SessionScan_header());
      SessionScan_seal(&text, plain.data, plain.len, GV_JOURNAL_VERSION);
      GvBuf_puts(&text, "cmd 2017-05-12T11:00:00 torn");   /* no '\n': torn */
      if (crlf)
         Fx_crlf(&text);
      assert_false(text.failed);
      SessionScan s;
      assert_int_equal(SessionScan_run(text.data, text.len, &s, err, sizeof err), 0);
      assert_int_equal(s.crlf, crlf);
      assert_int_equal(s.torn, 1);
      size_t hlen = strlen(SessionScan_header()) + (size_t)crlf;
      size_t at = hlen, checked = 0;
      for (size_t i = 0; i < s.count; i++) {
         const ScanLine *l = &s.lines[i];
         /* The same line after the header alone: a short scan, one thread. */
         const char *nl = memchr(text.data + at, '\n', text.len - at);
         assert_non_null(nl);
         size_t n = (size_t)(nl - (text.data + at)) + 1;
         GvBuf one = GV_BUF_INIT;
         GvBuf_append(&one, text.data, hlen);
         GvBuf_append(&one, text.data + at, n);
         SessionScan o;
         assert_int_equal(SessionScan_run(one.data, one.len, &o, err, sizeof err), 0);
         assert_int_equal(o.count, 1);
         if (l->start != at || l->lineno != (long)i + 2 || l->len != o.lines[0].len ||
             l->seal != o.lines[0].seal || l->checked != o.lines[0].checked ||
             l->after != o.lines[0].after)
            fail_msg("line %zu (crlf %d): start %zu/%zu lineno %ld len %zu/%zu seal %d/%d "
                     "checked %d/%d", i + 2, crlf, l->start, at, l->lineno, l->len,
                     o.lines[0].len, l->seal, o.lines[0].seal, l->checked, o.lines[0].checked);
         checked += l->checked;
         SessionScan_free(&o);
         GvBuf_free(&one);
         at += n;
      }
      /* Every line was there, then the torn tail. */
      assert_int_equal(s.goodLength, at);
      assert_int_equal(s.tornLine.start, at);
      assert_int_equal(s.tornLine.lineno, (long)s.count + 2);
      assert_true(checked > s.count / 2 && checked < s.count);
      SessionScan_free(&s);
      GvBuf_free(&plain);
      GvBuf_free(&text);
   }
}

/* The seal is zlib's CRC-32 whatever way it is computed (long lines are
 * folded 16 bytes at a time where the processor can): every length, every
 * alignment. */
static void crc_is_zlibs(void **state) {
   (void)state;
   static unsigned char buf[1400];
   unsigned x = 12345;
   for (size_t i = 0; i < sizeof buf; i++) {
      x = x * 1103515245u + 12345u;
      buf[i] = (unsigned char)(x >> 16);
   }
   for (size_t off = 0; off < 16; off++)
      for (size_t len = 0; len + off <= sizeof buf; len += len < 200 ? 1 : 37) {
         unsigned long want = crc32(0L, buf + off, (uInt)len);
         if (SessionScan_crc((const char *)buf + off, len) != want)
            fail_msg("CRC of %zu bytes at offset %zu: %08lx, zlib says %08lx", len, off,
                     SessionScan_crc((const char *)buf + off, len), want);
      }
   /* Going on from a CRC that is not zlib's start: every length of the rest. */
   for (size_t head = 1; head < 40; head += 13)
      for (size_t len = 0; head + len <= 300; len++) {
         unsigned long first = crc32(0L, buf, (uInt)head);
         unsigned long want = crc32(first, buf + head, (uInt)len);
         assert_int_equal(SessionScan_crcMore(first, (const char *)buf + head, len), want);
      }
}

/* A sealed line of every length from 0 to 300 bytes, at every alignment,
 * is found sound against zlib's CRC, and found damaged with any one bit of
 * it changed (short lines and long ones are checked by different paths). */
static void unseal_every_length(void **state) {
   (void)state;
   static char buf[400];
   unsigned x = 777;
   for (size_t off = 0; off < 16; off += 5)
      for (size_t n = 0; n <= 300; n++) {
         char *line = buf + off;
         for (size_t i = 0; i < n; i++) {
            x = x * 1103515245u + 12345u;
            line[i] = (char)(0x20 + (x >> 16) % 95);
         }
         snprintf(line + n, 10, " %08lx", crc32(0L, (const Bytef *)line, (uInt)n) & 0xffffffffUL);
         size_t len = n + SESSIONSCAN_SEAL_LEN, got;
         if (SessionScan_unseal(line, len, &got) != SCAN_SEAL_OK || got != n)
            fail_msg("a sound seal of %zu bytes at offset %zu not read", n, off);
         for (size_t i = 0; i < n; i += n < 80 ? 1 : 7) {
            unsigned char bit = (unsigned char)(1u << (i % 7));
            line[i] ^= (char)bit;
            ScanSeal seal = SessionScan_unseal(line, len, &got);
            line[i] ^= (char)bit;
            if (seal != SCAN_SEAL_BAD || got != len)
               fail_msg("byte %zu of %zu changed, at offset %zu: seal %d", i, n, off, (int)seal);
         }
      }
}

/* A seal is exactly " " and the CRC in 8 lower-case hex digits: each digit
 * read at its place, and anything else is no seal at all. */
static void seal_read_digit_by_digit(void **state) {
   (void)state;
   const char *content = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 note caf\xc3\xa9";
   char line[256];
   size_t n = strlen(content), got;
   snprintf(line, sizeof line, "%s %08lx", content, SessionScan_crc(content, n) & 0xffffffffUL);
   size_t len = strlen(line);
   assert_int_equal(SessionScan_unseal(line, len, &got), SCAN_SEAL_OK);
   assert_int_equal(got, n);
   for (size_t i = len - 8; i < len; i++) {
      char keep = line[i];
      /* Another digit at this place: a seal that does not match. */
      line[i] = keep == '7' ? '8' : '7';
      assert_int_equal(SessionScan_unseal(line, len, &got), SCAN_SEAL_BAD);
      assert_int_equal(got, len);
      line[i] = keep == 'a' ? 'b' : 'a';
      assert_int_equal(SessionScan_unseal(line, len, &got), SCAN_SEAL_BAD);
      /* Not a lower-case hex digit: no seal. */
      static const char notHex[] = "gA/:`G\x80 ";
      for (size_t k = 0; k < sizeof notHex - 1; k++) {
         line[i] = notHex[k];
         assert_int_equal(SessionScan_unseal(line, len, &got), SCAN_SEAL_MISSING);
      }
      line[i] = keep;
   }
   /* Every CRC value reads back: seals of many lines, each OK. */
   for (int k = 0; k < 2000; k++) {
      snprintf(line, sizeof line, "%s %d", content, k * 7919);
      n = strlen(line);
      snprintf(line + n, sizeof line - n, " %08lx", SessionScan_crc(line, n) & 0xffffffffUL);
      assert_int_equal(SessionScan_unseal(line, strlen(line), &got), SCAN_SEAL_OK);
      assert_int_equal(got, n);
   }
}

static void second_lock_refused_with_reason(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char p[PATH_MAX], why[256];
   TestUtil_join(p, sizeof p, dir, "s.gavel");
   TestUtil_write(p, "gavel-session 1\n");
   int a = open(p, O_RDWR), b = open(p, O_RDWR);
   assert_int_equal(Lock_tryWrite(a, p, why, sizeof why), LOCK_TAKEN);
   assert_int_equal(Lock_tryWrite(b, p, why, sizeof why), LOCK_BUSY);
   assert_non_null(strstr(why, "another gavel"));
   assert_non_null(strstr(why, "read-only"));
   close(a);  /* the lock goes with the holder */
   assert_int_equal(Lock_tryWrite(b, p, why, sizeof why), LOCK_TAKEN);
   close(b);
   TestUtil_rmtree(dir);
   free(dir);
}

static void datadir_names(void **state) {
   (void)state;
   char *dir = TestUtil_tmpdir();
   char buf[PATH_MAX], err[256], want[PATH_MAX * 2];
   assert_int_equal(DataDir_sessions(NULL, buf, sizeof buf, err, sizeof err), 0);
   snprintf(want, sizeof want, "%s/data/gavel/sessions", dir);
   assert_string_equal(buf, want);
   assert_int_equal(DataDir_sessions("/x/y", buf, sizeof buf, err, sizeof err), 0);
   assert_string_equal(buf, "/x/y/sessions");

   DataDir_slug("Horizontal Working Party on Cyber Issues", buf, sizeof buf);
   assert_string_equal(buf, "horizontal-working-party-on-cyber-issues");
   DataDir_slug("  Ελλάδα / É-v 2 ", buf, sizeof buf);
   assert_string_equal(buf, "v-2");
   DataDir_slug("", buf, sizeof buf);
   assert_string_equal(buf, "session");

   char sdir[PATH_MAX];
   snprintf(sdir, sizeof sdir, "%s/data", dir);
   assert_int_equal(DataDir_newPath(sdir, "2017-05-12", "HWP Cyber", buf, sizeof buf, err, sizeof err), 0);
   snprintf(want, sizeof want, "%s/2017-05-12-hwp-cyber.gavel", sdir);
   assert_string_equal(buf, want);
   TestUtil_write(buf, "x");
   assert_int_equal(DataDir_newPath(sdir, "2017-05-12", "HWP Cyber", buf, sizeof buf, err, sizeof err), 0);
   snprintf(want, sizeof want, "%s/2017-05-12-hwp-cyber-2.gavel", sdir);
   assert_string_equal(buf, want);

   assert_int_equal(DataDir_resolve(sdir, "2017-05-12-hwp-cyber", buf, sizeof buf, err, sizeof err), 0);
   snprintf(want, sizeof want, "%s/2017-05-12-hwp-cyber.gavel", sdir);
   assert_string_equal(buf, want);
   assert_int_equal(DataDir_resolve(sdir, "nothing", buf, sizeof buf, err, sizeof err), -1);
   assert_non_null(strstr(err, "no such session"));
   TestUtil_rmtree(dir);
   free(dir);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(replace_writes_0600_and_mkdirs_0700),
      cmocka_unit_test(replace_failure_leaves_old_file),
      cmocka_unit_test(replace_syncs_the_folder),
      cmocka_unit_test(export_while_composing),
      cmocka_unit_test(writeall_reports_enospc),
      cmocka_unit_test(long_file_read_whole),
      cmocka_unit_test(scan_splits_and_finds_torn_tail),
      cmocka_unit_test(check_line_frame),
      cmocka_unit_test(crc_is_zlibs),
      cmocka_unit_test(unseal_every_length),
      cmocka_unit_test(seal_read_digit_by_digit),
      cmocka_unit_test(scan_check_agrees_with_check_line),
      cmocka_unit_test(long_scan_agrees_line_by_line),
      cmocka_unit_test(long_file_summed_as_read),
      cmocka_unit_test(second_lock_refused_with_reason),
      cmocka_unit_test(datadir_names),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
