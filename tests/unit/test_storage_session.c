/* The session file: create, append + fdatasync, reopen; torn tails, corrupt
 * lines, unknown record types through compaction, the one-writer lock, a long
 * UTF-8 note, and failed writes that must leave nothing half-done. */
#include "tests/unit/testutil.h"

#include <time.h>

#include "model/session.h"
#include "model/utf8.h"
#include "storage/fileio.h"
#include "storage/sessionfile.h"
#include "storage/sessionscan.h"

#define UUID1 "6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11"
#define UUID2 "0d8a3c4e-7a0b-4b7e-9f8e-1c2d3e4f5a6b"
#define UUID3 "9c1e5a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"

/* ---- a FileIO that fails on demand ----------------------------------- */

typedef struct Faults {
   int failWrite;      /* 1: the next write puts half its bytes, then ENOSPC */
   int failSync;       /* the next N fsync/fdatasync calls fail with EIO */
   int failRename;
} Faults;

static ssize_t fWrite(void *ctx, int fd, const void *buf, size_t len) {
   Faults *f = ctx;
   if (f->failWrite == 1 && len > 1) {
      f->failWrite = 2;
      return write(fd, buf, len / 2);
   }
   if (f->failWrite) {
      errno = ENOSPC;
      return -1;
   }
   return write(fd, buf, len);
}
static int fFsync(void *ctx, int fd) {
   Faults *f = ctx;
   if (f->failSync > 0) {
      f->failSync--;
      errno = EIO;
      return -1;
   }
   return fsync(fd);
}
static int fRename(void *ctx, const char *a, const char *b) {
   Faults *f = ctx;
   if (f->failRename) {
      errno = ENOSPC;
      return -1;
   }
   return rename(a, b);
}
static int fTruncate(void *ctx, int fd, off_t n) {
   (void)ctx;
   return ftruncate(fd, n);
}
static int fLink(void *ctx, const char *a, const char *b) {
   (void)ctx;
   return link(a, b);
}
static FileIO faulty(Faults *f) {
   return (FileIO){ fWrite, fFsync, fFsync, fRename, fTruncate, fLink, f };
}

/* ---- helpers ----------------------------------------------------------- */

typedef TestFile Fixture;

static int setup(void **state) {
   *state = TestFile_new("data/gavel/sessions/2017-05-12-test.gavel");
   return 0;
}

static int teardown(void **state) {
   TestFile_free(*state);
   return 0;
}

static void create(const char *path) {
   char err[512];
   if (SessionFile_create(path, NULL, 0, NULL, err, sizeof err) != 0)
      fail_msg("%s", err);
}

static SessionFile *openRw(const char *path) {
   char err[512];
   SessionFileOptions o = { 0 };
   SessionFile *sf = SessionFile_open(path, &o, err, sizeof err);
   if (!sf)
      fail_msg("%s", err);
   return sf;
}

static SessionFile *openRo(const char *path) {
   char err[512];
   SessionFileOptions o = { .readOnly = 1 };
   SessionFile *sf = SessionFile_open(path, &o, err, sizeof err);
   if (!sf)
      fail_msg("%s", err);
   return sf;
}

static void run(SessionFile *sf, const char *line) {
   char msg[512];
   SessionFileRun r = SessionFile_run(sf, line, msg, sizeof msg);
   if (r != SESSIONFILE_DONE)
      fail_msg("'%s' gave %d: %s", line, (int)r, msg);
}

/* Appends text as it is, to a file of either format. */
static void appendBytes(const char *path, const char *text) {
   FILE *f = fopen(path, "ab");
   assert_non_null(f);
   fputs(text, f);
   fclose(f);
}

/* Appends lines as a writer would: sealed in a format 2 file (a last piece
 * without its newline stays as it is, like a torn write). */
static void appendRaw(const char *path, const char *text) {
   char *head = TestUtil_slurp(path, NULL);
   assert_non_null(head);
   int sealed = strncmp(head, "gavel-session 2\n", 16) == 0;
   free(head);
   const char *end = strrchr(text, '\n');
   size_t whole = end ? (size_t)(end - text) + 1 : 0;
   GvBuf b = GV_BUF_INIT;
   assert_true(SessionScan_seal(&b, text, whole, sealed ? 2 : 1));
   GvBuf_puts(&b, text + whole);
   appendBytes(path, GvBuf_str(&b));
   GvBuf_free(&b);
}

static off_t sizeOf(const char *path) {
   struct stat st;
   assert_int_equal(stat(path, &st), 0);
   return st.st_size;
}

/* A session with a body, two items and item 1 taken up. */
static void fill(const char *path) {
   create(path);
   SessionFile *sf = openRw(path);
   run(sf, "set body \"Horizontal Working Party on Cyber Issues\"");
   run(sf, "item add \"Adoption of the agenda\" doc \"CM 2622/1/17 REV 1\"");
   run(sf, "item add \"E-evidence\"");
   run(sf, "item 1");
   SessionFile_close(sf);
}

/* ---- tests ------------------------------------------------------------- */

static void create_makes_0600_file_in_0700_folders(void **state) {
   Fixture *fx = *state;
   umask(022);
   create(fx->path);
   struct stat st;
   assert_int_equal(stat(fx->path, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0600);
   char dir[PATH_MAX];
   snprintf(dir, sizeof dir, "%s/data/gavel/sessions", fx->dir);
   assert_int_equal(stat(dir, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0700);
   snprintf(dir, sizeof dir, "%s/data/gavel", fx->dir);
   assert_int_equal(stat(dir, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0700);
   char *text = TestUtil_slurp(fx->path, NULL);
   assert_string_equal(text, "gavel-session 2\n");
   free(text);
   /* Never over an existing session. */
   char err[512];
   assert_int_equal(SessionFile_create(fx->path, NULL, 0, NULL, err, sizeof err), -1);
   assert_int_equal(errno, EEXIST);
}

static void append_reopen_and_refusal(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   SessionFile *sf = openRw(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_false(SessionFile_readOnly(sf));
   Session *s = SessionFile_session(sf);
   assert_string_equal(s->meta.body, "Horizontal Working Party on Cyber Issues");
   assert_int_equal(Agenda_count(&s->agenda), 2);
   assert_int_equal(SessionFile_lineCount(sf), 4);
   off_t before = sizeOf(fx->path);
   char msg[512];
   assert_int_equal(SessionFile_run(sf, "item 9", msg, sizeof msg), SESSIONFILE_REFUSED);
   assert_true(strlen(msg) > 0);
   assert_int_equal(sizeOf(fx->path), before);  /* a refusal writes nothing */
   SessionFile_close(sf);
}

static void torn_tail_is_set_aside(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   off_t good = sizeOf(fx->path);
   appendRaw(fx->path, "cmd 2017-05-12T10:00:00 " UUID1 " set pla");

   /* Read-only: reported, ignored, the file untouched. */
   SessionFile *ro = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(ro), 1);
   char want[PATH_MAX + 128];
   snprintf(want, sizeof want, "%s:6: incomplete last line (crash during a write?) set aside",
            fx->path);
   assert_string_equal(SessionFile_problem(ro, 0), want);
   assert_int_equal(SessionFile_lineCount(ro), 4);
   assert_int_equal(Agenda_count(&SessionFile_session(ro)->agenda), 2);
   SessionFile_close(ro);
   assert_true(sizeOf(fx->path) > good);

   /* Writable: the piece goes to FILE.torn, the file is cut back, appends go on. */
   SessionFile *sf = openRw(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 1);
   assert_non_null(strstr(SessionFile_problem(sf, 0), want));
   assert_non_null(strstr(SessionFile_problem(sf, 0), ".torn"));
   assert_false(SessionFile_readOnly(sf));
   assert_int_equal(sizeOf(fx->path), good);
   run(sf, "set place Brussels");
   SessionFile_close(sf);
   char torn[PATH_MAX + 8];
   snprintf(torn, sizeof torn, "%s.torn", fx->path);
   char *kept = TestUtil_slurp(torn, NULL);
   assert_non_null(kept);
   assert_non_null(strstr(kept, "set pla\n"));
   free(kept);
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_string_equal(SessionFile_session(sf)->meta.place, "Brussels");
   SessionFile_close(sf);
}

static void torn_continuation_sets_its_unit_aside(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   off_t good = sizeOf(fx->path);
   /* A unit whose write stopped inside its second continuation line. */
   appendRaw(fx->path, "cmd:2 2017-05-12T10:00:00 " UUID1 " roster test\n"
                       "cmd+ 2017-05-12T10:00:00 " UUID2 " delegation FR kind=ms order=1 name=France\n"
                       "cmd+ 2017-05-12T10:00:00 " UUID3 " delegation D");
   SessionFile *sf = openRw(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 1);
   assert_non_null(strstr(SessionFile_problem(sf, 0), ":6: incomplete last line"));
   assert_int_equal(sizeOf(fx->path), good);
   assert_int_equal(SessionFile_session(sf)->roster.count, 0);
   SessionFile_close(sf);
}

/* A write cut exactly at a line boundary leaves only whole lines: the count in
 * cmd:N tells that the unit is short, and it goes aside like a torn line. */
static void unit_cut_at_a_line_boundary_is_set_aside(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   off_t good = sizeOf(fx->path);
   appendRaw(fx->path, "cmd:3 2017-05-12T10:00:00 " UUID1 " roster test\n"
                       "cmd+ 2017-05-12T10:00:00 " UUID2 " delegation FR kind=ms order=1 name=France\n"
                       "cmd+ 2017-05-12T10:00:00 " UUID3 " delegation DE kind=ms order=2 name=Germany\n");
   SessionFile *sf = openRw(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 1);
   assert_non_null(strstr(SessionFile_problem(sf, 0), ":6: incomplete last line"));
   assert_false(SessionFile_readOnly(sf));
   assert_int_equal(sizeOf(fx->path), good);
   assert_int_equal(SessionFile_session(sf)->roster.count, 0);
   /* Aside byte for byte as they were, though the session replayed them
    * from the buffer it holds. */
   char torn[PATH_MAX + 8];
   snprintf(torn, sizeof torn, "%s.torn", fx->path);
   char *aside = TestUtil_slurp(torn, NULL);
   assert_non_null(aside);
   size_t asideLen = 0;
   free(aside);
   aside = TestUtil_slurp(torn, &asideLen);
   assert_int_equal(strlen(aside), asideLen);   /* no NUL in it */
   assert_non_null(strstr(aside, " roster test "));
   assert_non_null(strstr(aside, " name=France "));
   assert_non_null(strstr(aside, " name=Germany "));
   free(aside);
   run(sf, "set place Brussels");
   SessionFile_close(sf);
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_int_equal(SessionFile_session(sf)->roster.count, 0);
   assert_string_equal(SessionFile_session(sf)->meta.place, "Brussels");
   SessionFile_close(sf);
}

/* After an undo, the lines of a file are applied once at the end of the load
 * (one rebuild): one that does not apply is still named by its line, and the
 * session opens read-only with everything else. */
static void bad_line_after_undo_is_named(void **state) {
   Fixture *fx = *state;
   create(fx->path);
   appendRaw(fx->path, "cmd 2017-05-12T10:00:00 " UUID1 " set place Brussels\n"
                       "cmd 2017-05-12T10:00:01 " UUID2 " undo\n"
                       "cmd 2017-05-12T10:00:02 " UUID3 " set place Luxembourg\n"
                       "cmd 2017-05-12T10:00:03 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c12 floor ZZ\n"
                       "cmd 2017-05-12T10:00:04 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c13 set chair Chair\n");
   SessionFile *sf = openRw(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 1);
   char want[PATH_MAX + 16];
   snprintf(want, sizeof want, "%s:5: ", fx->path);
   assert_memory_equal(SessionFile_problem(sf, 0), want, strlen(want));
   assert_true(SessionFile_readOnly(sf));
   Session *s = SessionFile_session(sf);
   assert_string_equal(s->meta.place, "Luxembourg");
   assert_string_equal(s->meta.chair, "Chair");
   SessionFile_close(sf);
}

static void corrupt_middle_line_opens_read_only(void **state) {
   Fixture *fx = *state;
   create(fx->path);
   appendRaw(fx->path, "cmd 2017-05-12T10:00:00 " UUID1 " set place Brussels\n"
                       "cmd 2017-05-12 garbage here\n"
                       "cmd 2017-05-12T10:01:00 " UUID2 " set chair \"MT Presidency\"\n");
   char *before = TestUtil_slurp(fx->path, NULL);
   SessionFile *sf = openRw(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 1);
   char want[PATH_MAX + 16];
   snprintf(want, sizeof want, "%s:3: ", fx->path);
   assert_memory_equal(SessionFile_problem(sf, 0), want, strlen(want));
   assert_true(SessionFile_readOnly(sf));
   assert_non_null(strstr(SessionFile_readOnlyReason(sf), ":3:"));
   assert_non_null(strstr(SessionFile_readOnlyReason(sf), "read-only"));
   /* The rest is loaded. */
   Session *s = SessionFile_session(sf);
   assert_string_equal(s->meta.place, "Brussels");
   assert_string_equal(s->meta.chair, "MT Presidency");
   /* And nothing writes the file. */
   char msg[512], err[512];
   assert_int_equal(SessionFile_run(sf, "set place Luxembourg", msg, sizeof msg), SESSIONFILE_FAILED);
   assert_non_null(strstr(msg, "read-only"));
   assert_int_equal(SessionFile_compact(sf, err, sizeof err), -1);
   SessionFile_close(sf);
   char *after = TestUtil_slurp(fx->path, NULL);
   assert_string_equal(before, after);
   free(before);
   free(after);

   /* A line the model refuses counts the same. */
   appendRaw(fx->path, "cmd 2017-05-12T10:02:00 " UUID3 " frobnicate the agenda\n");
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 2);
   snprintf(want, sizeof want, "%s:5: ", fx->path);
   assert_memory_equal(SessionFile_problem(sf, 1), want, strlen(want));
   SessionFile_close(sf);
}

/* The checks across lines (copied lines, a draft for nobody) run beside the
 * replay in a long file: each problem is named as in a short one, and all
 * come in file order with the replay's own. */
static void cross_line_damage_in_a_long_file(void **state) {
   Fixture *fx = *state;
   for (int n = 200; n <= 6000; n += 5800) {   /* under and over the threaded size */
      unlink(fx->path);
      create(fx->path);
      GvBuf b = GV_BUF_INIT;
      char line[256];
      for (int i = 0; i < n; i++) {
         int at = i;
         if (i == n / 2)       /* a copied line: the uuid of line 10 again */
            at = 10;
         if (i == n - 1)       /* and the one before */
            at = n - 2;
         if (i == 40)
            snprintf(line, sizeof line, "cmd 2017-05-12T10:00:00 00000000-0000-4000-8000-%012d "
                     "draft #00000000-0000-4000-9000-000000000001 text\n", at);
         else if (i == n / 4)
            snprintf(line, sizeof line, "cmd 2017-05-12T10:00:00 00000000-0000-4000-8000-%012d "
                     "frobnicate\n", at);
         else
            snprintf(line, sizeof line, "vote 2017-05-12T10:00:00 00000000-0000-4000-8000-%012d "
                     "FR yes\n", at);
         GvBuf_puts(&b, line);
      }
      appendRaw(fx->path, GvBuf_str(&b));
      GvBuf_free(&b);
      SessionFile *sf = openRo(fx->path);
      /* Line 1 is the header: record i is on line i + 2. */
      char want[4][PATH_MAX + 160];
      snprintf(want[0], sizeof want[0],
               "%s:42: draft for an intervention that does not exist (#00000000-0000-4000-9000-000000000001)",
               fx->path);
      snprintf(want[1], sizeof want[1], "%s:%d: unknown command 'frobnicate'", fx->path, n / 4 + 2);
      snprintf(want[2], sizeof want[2],
               "%s:%d: uuid 00000000-0000-4000-8000-000000000010 already used on line 12 (a copied line?)",
               fx->path, n / 2 + 2);
      snprintf(want[3], sizeof want[3],
               "%s:%d: uuid 00000000-0000-4000-8000-%012d already used on line %d (a copied line?)",
               fx->path, n + 1, n - 2, n);
      if (SessionFile_problemCount(sf) != 4)
         fail_msg("%d lines: %zu problems", n, SessionFile_problemCount(sf));
      for (size_t k = 0; k < 4; k++)
         assert_string_equal(SessionFile_problem(sf, k), want[k]);
      SessionFile_close(sf);
   }
}

static void newer_version_is_read_only(void **state) {
   Fixture *fx = *state;
   snprintf(fx->path, sizeof fx->path, "%.200s/data/new.gavel", fx->dir);
   TestUtil_write(fx->path, "gavel-session 7\ncmd 2017-05-12T10:00:00 " UUID1 " set place Brussels\n");
   SessionFile *sf = openRw(fx->path);
   assert_true(SessionFile_readOnly(sf));
   assert_non_null(strstr(SessionFile_readOnlyReason(sf), "newer gavel"));
   assert_non_null(strstr(SessionFile_problem(sf, 0), ":1: format version 7"));
   SessionFile_close(sf);
   /* Not a session at all: no view. */
   TestUtil_write(fx->path, "hello\n");
   char err[512];
   assert_null(SessionFile_open(fx->path, NULL, err, sizeof err));
   assert_non_null(strstr(err, ":1: not a gavel session"));
}

static void unknown_type_survives_compaction(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   const char *future = "vote 2017-05-12T10:05:00 " UUID1 " item=1 result=\"agreed\" {x}";
   char line[256];
   snprintf(line, sizeof line, "%s\n", future);
   appendRaw(fx->path, line);
   SessionFile *sf = openRw(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_false(SessionFile_readOnly(sf));
   run(sf, "set place Brussels");
   run(sf, "set place Luxembourg");
   run(sf, "undo");
   char err[512];
   if (SessionFile_compact(sf, err, sizeof err) != 0)
      fail_msg("%s", err);
   /* The session goes on on the new file. */
   run(sf, "set chair \"MT Presidency\"");
   SessionFile_close(sf);
   char *text = TestUtil_slurp(fx->path, NULL);
   assert_memory_equal(text, "gavel-session 2\n", 16);
   /* unchanged, on a line of its own, sealed */
   char sealedLine[300];
   snprintf(sealedLine, sizeof sealedLine, "\n%s %08lx\n", future, SessionScan_crc(future, strlen(future)));
   assert_non_null(strstr(text, sealedLine));
   assert_null(strstr(text, "Luxembourg"));  /* the undone unit is gone */
   free(text);
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   Session *s = SessionFile_session(sf);
   assert_string_equal(s->meta.place, "Brussels");
   assert_string_equal(s->meta.chair, "MT Presidency");
   assert_int_equal(Agenda_count(&s->agenda), 2);
   SessionFile_close(sf);
   struct stat st;
   assert_int_equal(stat(fx->path, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0600);
}

static void second_writer_gets_read_only_view(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   SessionFile *a = openRw(fx->path);
   assert_false(SessionFile_readOnly(a));
   SessionFile *b = openRw(fx->path);
   assert_true(SessionFile_readOnly(b));
   assert_non_null(strstr(SessionFile_readOnlyReason(b), "another gavel"));
   assert_non_null(strstr(SessionFile_readOnlyReason(b), fx->path));
   /* The reader sees everything so far. */
   assert_int_equal(Agenda_count(&SessionFile_session(b)->agenda), 2);
   char msg[512];
   assert_int_equal(SessionFile_run(b, "set place Brussels", msg, sizeof msg), SESSIONFILE_FAILED);
   assert_non_null(strstr(msg, "another gavel"));
   run(a, "set place Brussels");
   SessionFile_close(b);
   /* The writer keeps its lock when a reader closes. */
   SessionFile *c = openRw(fx->path);
   assert_true(SessionFile_readOnly(c));
   SessionFile_close(c);
   SessionFile_close(a);
   c = openRw(fx->path);
   assert_false(SessionFile_readOnly(c));
   assert_string_equal(SessionFile_session(c)->meta.place, "Brussels");
   SessionFile_close(c);
}

static void change_behind_the_lock_stops_writes(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   SessionFile *sf = openRw(fx->path);
   run(sf, "set place Brussels");
   /* Someone appends with an editor while gavel holds the session. */
   appendRaw(fx->path, "cmd 2017-05-12T10:00:00 " UUID1 " set chair \"MT Presidency\"\n");
   char *edited = TestUtil_slurp(fx->path, NULL);
   char msg[512];
   assert_int_equal(SessionFile_run(sf, "set place Luxembourg", msg, sizeof msg), SESSIONFILE_FAILED);
   assert_non_null(strstr(msg, "changed by another program"));
   assert_true(SessionFile_readOnly(sf));
   assert_string_equal(SessionFile_session(sf)->meta.place, "Brussels");  /* rolled back */
   char *now = TestUtil_slurp(fx->path, NULL);
   assert_string_equal(now, edited);  /* their change is intact */
   free(now);
   free(edited);
   SessionFile_close(sf);

   /* An editor that saves by renaming a new file over the old one. */
   sf = openRw(fx->path);
   assert_false(SessionFile_readOnly(sf));
   char other[PATH_MAX + 8];
   snprintf(other, sizeof other, "%s.new", fx->path);
   char *text = TestUtil_slurp(fx->path, NULL);
   TestUtil_write(other, text);
   free(text);
   assert_int_equal(rename(other, fx->path), 0);
   assert_int_equal(SessionFile_run(sf, "set place Rome", msg, sizeof msg), SESSIONFILE_FAILED);
   assert_non_null(strstr(msg, "changed by another program"));
   SessionFile_close(sf);
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_string_equal(SessionFile_session(sf)->meta.place, "Brussels");
   assert_string_equal(SessionFile_session(sf)->meta.chair, "MT Presidency");
   SessionFile_close(sf);
}

/* A shared archive in git: a pull or checkout may rewrite the file in place
 * with the same size (another clone's edit of one line). Only its
 * modification time tells; gavel must not append to the stale view. */
static void same_size_rewrite_stops_writes(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   SessionFile *sf = openRw(fx->path);
   run(sf, "set place Brussels");
   char *text = TestUtil_slurp(fx->path, NULL);
   char *at = strstr(text, "Brussels");
   assert_non_null(at);
   memcpy(at, "Brüssel", strlen("Brussels"));   /* 8 bytes for 8 bytes */
   int fd = open(fx->path, O_WRONLY);
   assert_true(fd >= 0);
   assert_int_equal(pwrite(fd, text, strlen(text), 0), (ssize_t)strlen(text));
   struct timespec later[2] = { { 0, UTIME_OMIT }, { time(NULL) + 5, 0 } };
   assert_int_equal(futimens(fd, later), 0);
   close(fd);
   char msg[512];
   assert_int_equal(SessionFile_run(sf, "set chair \"MT Presidency\"", msg, sizeof msg), SESSIONFILE_FAILED);
   assert_non_null(strstr(msg, "changed by another program"));
   char *now = TestUtil_slurp(fx->path, NULL);
   assert_string_equal(now, text);   /* nothing appended */
   free(now);
   free(text);
   SessionFile_close(sf);
}

static void long_utf8_note_round_trips(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   /* 5,000 characters: Greek, accents, CJK, an emoji and ASCII. */
   static const char *const parts[] = { "Ελλάδα", " ", "Österreich", " ", "日本", " ", "🇪🇺", " ", "ok" };
   char *note = malloc(5000 * 4 + 1);
   size_t len = 0, chars = 0;
   for (size_t k = 0; chars < 5000; k++) {
      const char *p = parts[k % (sizeof parts / sizeof parts[0])];
      for (size_t i = 0; p[i] && chars < 5000;) {
         size_t n = 1;
         while ((p[i + n] & 0xc0) == 0x80)
            n++;
         memcpy(note + len, p + i, n);
         len += n;
         i += n;
         chars++;
      }
   }
   note[len] = '\0';
   assert_int_equal(Utf8_length(note, len), 5000);
   char *cmd = malloc(len + 8);
   snprintf(cmd, len + 8, "note %s", note);
   SessionFile *sf = openRw(fx->path);
   run(sf, cmd);
   SessionFile_close(sf);
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   const Item *it = Agenda_at(&SessionFile_session(sf)->agenda, 0);
   assert_non_null(it->notes);
   assert_string_equal(it->notes, note);
   SessionFile_close(sf);
   free(cmd);
   free(note);
}

static void control_characters_round_trip(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   SessionFile *sf = openRw(fx->path);
   /* Whatever the model does with them (escape or refuse), no raw control
    * byte reaches the file, and what was acknowledged reads back the same. */
   char msg[512];
   SessionFileRun r = SessionFile_run(sf, "note bell \a and\ttab", msg, sizeof msg);
   assert_true(r == SESSIONFILE_DONE || r == SESSIONFILE_REFUSED);
   char *expect = NULL;
   const char *notes = Agenda_at(&SessionFile_session(sf)->agenda, 0)->notes;
   if (r == SESSIONFILE_DONE)
      expect = strdup(notes);
   else
      assert_null(notes);
   SessionFile_close(sf);
   size_t len = 0;
   char *text = TestUtil_slurp(fx->path, &len);
   for (size_t i = 0; i < len; i++)
      assert_true((unsigned char)text[i] >= 0x20 || text[i] == '\n' || text[i] == '\t');
   free(text);
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   notes = Agenda_at(&SessionFile_session(sf)->agenda, 0)->notes;
   if (expect)
      assert_string_equal(notes, expect);
   else
      assert_null(notes);
   SessionFile_close(sf);
   free(expect);
}

static void failed_write_is_refused_and_rolled_back(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   Faults f = { 0 };
   FileIO io = faulty(&f);
   char err[512];
   SessionFileOptions o = { .io = &io };
   SessionFile *sf = SessionFile_open(fx->path, &o, err, sizeof err);
   assert_non_null(sf);
   run(sf, "set place Brussels");
   char *acked = TestUtil_slurp(fx->path, NULL);

   /* The disk fills up halfway through the line. */
   f.failWrite = 1;
   char msg[512];
   assert_int_equal(SessionFile_run(sf, "item add \"Information from the Presidency\"", msg, sizeof msg),
                    SESSIONFILE_FAILED);
   assert_non_null(strstr(msg, strerror(ENOSPC)));
   assert_non_null(strstr(msg, "not recorded"));
   assert_int_equal(Agenda_count(&SessionFile_session(sf)->agenda), 2);  /* rolled back */
   char *now = TestUtil_slurp(fx->path, NULL);
   assert_string_equal(now, acked);  /* the half line was cut off again */
   free(now);

   /* The write goes through but the sync does not: not acknowledged either. */
   f.failWrite = 0;
   f.failSync = 1;
   assert_int_equal(SessionFile_run(sf, "set chair \"MT Presidency\"", msg, sizeof msg),
                    SESSIONFILE_FAILED);
   assert_null(SessionFile_session(sf)->meta.chair);
   now = TestUtil_slurp(fx->path, NULL);
   assert_string_equal(now, acked);
   free(now);
   assert_false(SessionFile_readOnly(sf));

   /* The disk has room again: the session goes on where it was. */
   f.failSync = 0;
   run(sf, "item add \"E-evidence (2)\"");
   SessionFile_close(sf);
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   Session *s = SessionFile_session(sf);
   assert_string_equal(s->meta.place, "Brussels");
   assert_null(s->meta.chair);
   assert_int_equal(Agenda_count(&s->agenda), 3);
   assert_string_equal(Agenda_at(&s->agenda, 2)->title, "E-evidence (2)");
   SessionFile_close(sf);
   free(acked);

   /* A disk that cannot even sync the cut-back: the command is refused and
    * the session turns read-only rather than claim anything. */
   sf = SessionFile_open(fx->path, &o, err, sizeof err);
   f.failSync = 2;
   assert_int_equal(SessionFile_run(sf, "set chair \"MT Presidency\"", msg, sizeof msg),
                    SESSIONFILE_FAILED);
   assert_true(SessionFile_readOnly(sf));
   assert_non_null(strstr(SessionFile_readOnlyReason(sf), "could not be cut back"));
   assert_int_equal(SessionFile_run(sf, "set place Rome", msg, sizeof msg), SESSIONFILE_FAILED);
   SessionFile_close(sf);
   sf = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_int_equal(Agenda_count(&SessionFile_session(sf)->agenda), 3);
   assert_null(SessionFile_session(sf)->meta.chair);
   SessionFile_close(sf);
}

static void follower_refresh_reads_what_was_appended(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   SessionFile *w = openRw(fx->path);
   SessionFile *r = openRo(fx->path);
   char err[512];
   assert_int_equal(SessionFile_refresh(r, err, sizeof err), 0);
   run(w, "set place Brussels");
   run(w, "item add \"AOB\" kind aob");
   assert_int_equal(SessionFile_refresh(r, err, sizeof err), 1);
   Session *s = SessionFile_session(r);
   assert_string_equal(s->meta.place, "Brussels");
   assert_int_equal(Agenda_count(&s->agenda), 3);
   /* Half a line waits for its end. */
   GvBuf whole = GV_BUF_INIT;
   const char *chair = "cmd 2017-05-12T10:00:00 " UUID1 " set chair \"MT Presidency\"\n";
   assert_true(SessionScan_seal(&whole, chair, strlen(chair), 2));
   char *cut = strstr(whole.data, " set cha") + 8;
   char rest[128];
   snprintf(rest, sizeof rest, "%s", cut);
   *cut = '\0';
   appendBytes(fx->path, whole.data);
   GvBuf_free(&whole);
   assert_int_equal(SessionFile_refresh(r, err, sizeof err), 0);
   assert_null(s->meta.chair);
   /* While a writer holds the session, a half line is one being written: a
    * new view leaves it out without calling it a crash. */
   SessionFile *r2 = openRo(fx->path);
   assert_int_equal(SessionFile_problemCount(r2), 0);
   appendBytes(fx->path, rest);
   assert_int_equal(SessionFile_refresh(r2, err, sizeof err), 1);
   assert_string_equal(SessionFile_session(r2)->meta.chair, "MT Presidency");
   SessionFile_close(r2);
   /* The first view gets the end of the line too. */
   assert_int_equal(SessionFile_refresh(r, err, sizeof err), 1);
   assert_string_equal(s->meta.chair, "MT Presidency");
   assert_int_equal(SessionFile_problemCount(r), 0);
   /* A bad line is reported with its line in the file: header + 4 + 2 + 1 + 1. */
   appendRaw(fx->path, "garbage\n");
   assert_int_equal(SessionFile_refresh(r, err, sizeof err), 1);
   assert_int_equal(SessionFile_problemCount(r), 1);
   char want[PATH_MAX + 16];
   snprintf(want, sizeof want, "%s:9: ", fx->path);
   assert_memory_equal(SessionFile_problem(r, 0), want, strlen(want));
   /* A compaction replaces the file: the follower is told to reopen. */
   SessionFile_close(w);
   char other[PATH_MAX + 8];
   snprintf(other, sizeof other, "%s.new", fx->path);
   TestUtil_write(other, "gavel-session 1\n");
   assert_int_equal(rename(other, fx->path), 0);
   w = openRw(fx->path);
   assert_int_equal(SessionFile_refresh(r, err, sizeof err), -1);
   assert_non_null(strstr(err, "open it again"));
   SessionFile_close(r);
   SessionFile_close(w);
}

static void compaction_keeps_the_lock(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   SessionFile *a = openRw(fx->path);
   char err[512];
   assert_int_equal(SessionFile_compact(a, err, sizeof err), 0);
   /* The new file was locked before it took the name. */
   SessionFile *b = openRw(fx->path);
   assert_true(SessionFile_readOnly(b));
   assert_non_null(strstr(SessionFile_readOnlyReason(b), "another gavel"));
   SessionFile_close(b);
   run(a, "set place Brussels");
   SessionFile_close(a);
   b = openRw(fx->path);
   assert_false(SessionFile_readOnly(b));
   assert_string_equal(SessionFile_session(b)->meta.place, "Brussels");
   SessionFile_close(b);
}

static void failed_compaction_leaves_old_file(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   Faults f = { 0 };
   FileIO io = faulty(&f);
   char err[512];
   SessionFileOptions o = { .io = &io };
   SessionFile *sf = SessionFile_open(fx->path, &o, err, sizeof err);
   run(sf, "set place Luxembourg");
   run(sf, "undo");
   char *before = TestUtil_slurp(fx->path, NULL);
   for (int k = 0; k < 3; k++) {
      f.failWrite = k == 0;
      f.failSync = k == 1 ? 1 : 0;
      f.failRename = k == 2;
      assert_int_equal(SessionFile_compact(sf, err, sizeof err), -1);
      assert_non_null(strstr(err, "unchanged"));
      char *after = TestUtil_slurp(fx->path, NULL);
      assert_string_equal(before, after);
      free(after);
   }
   /* No temporary left behind. */
   char dir[PATH_MAX];
   snprintf(dir, sizeof dir, "%s/data/gavel/sessions", fx->dir);
   DIR *d = opendir(dir);
   struct dirent *e;
   int n = 0;
   while ((e = readdir(d)))
      n += e->d_name[0] != '.';
   closedir(d);
   assert_int_equal(n, 1);
   /* And the session still takes commands. */
   f.failWrite = f.failSync = f.failRename = 0;
   run(sf, "set place Brussels");
   SessionFile_close(sf);
   free(before);
}

static void open_named_in_data_folder(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   char err[512];
   SessionFileOptions o = { .readOnly = 1 };
   SessionFile *sf = SessionFile_openNamed(NULL, "2017-05-12-test", &o, err, sizeof err);
   if (!sf)
      fail_msg("%s", err);
   assert_string_equal(SessionFile_path(sf), fx->path);
   SessionFile_close(sf);
   sf = SessionFile_openNamed(NULL, "2017-05-12-test.gavel", &o, err, sizeof err);
   assert_non_null(sf);
   SessionFile_close(sf);
   assert_null(SessionFile_openNamed(NULL, "nope", &o, err, sizeof err));
   assert_non_null(strstr(err, "no such session"));
}

/* A session left to the process's exit lets go of its file and lock at
 * once, and the one left before it is freed then (the ASan build's leak
 * check fails when it is not: only the last one stays reachable). */
static void closed_at_exit_lets_go_of_the_file(void **state) {
   Fixture *fx = *state;
   fill(fx->path);
   SessionFile *a = openRw(fx->path);
   assert_false(SessionFile_readOnly(a));
   SessionFile_closeAtExit(a);
   SessionFile *b = openRw(fx->path);
   assert_false(SessionFile_readOnly(b));   /* a's lock is gone */
   run(b, "set place Brussels");
   SessionFile_closeAtExit(b);              /* frees a */
   SessionFile *c = openRo(fx->path);
   assert_string_equal(SessionFile_session(c)->meta.place, "Brussels");
   SessionFile_closeAtExit(c);              /* frees b; c stays to the end */
   SessionFile_closeAtExit(NULL);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(create_makes_0600_file_in_0700_folders, setup, teardown),
      cmocka_unit_test_setup_teardown(append_reopen_and_refusal, setup, teardown),
      cmocka_unit_test_setup_teardown(closed_at_exit_lets_go_of_the_file, setup, teardown),
      cmocka_unit_test_setup_teardown(torn_tail_is_set_aside, setup, teardown),
      cmocka_unit_test_setup_teardown(torn_continuation_sets_its_unit_aside, setup, teardown),
cmocka_unit_test_setup_teardown(unit_cut_at_a_line_boundary_is_set_aside, setup, teardown),
      cmocka_unit_test_setup_teardown(corrupt_middle_line_opens_read_only, setup, teardown),
      cmocka_unit_test_setup_teardown(bad_line_after_undo_is_named, setup, teardown),
      cmocka_unit_test_setup_teardown(newer_version_is_read_only, setup, teardown),
      cmocka_unit_test_setup_teardown(unknown_type_survives_compaction, setup, teardown),
      cmocka_unit_test_setup_teardown(second_writer_gets_read_only_view, setup, teardown),
      cmocka_unit_test_setup_teardown(change_behind_the_lock_stops_writes, setup, teardown),
      cmocka_unit_test_setup_teardown(same_size_rewrite_stops_writes, setup, teardown),
      cmocka_unit_test_setup_teardown(long_utf8_note_round_trips, setup, teardown),
      cmocka_unit_test_setup_teardown(control_characters_round_trip, setup, teardown),
      cmocka_unit_test_setup_teardown(failed_write_is_refused_and_rolled_back, setup, teardown),
      cmocka_unit_test_setup_teardown(follower_refresh_reads_what_was_appended, setup, teardown),
      cmocka_unit_test_setup_teardown(compaction_keeps_the_lock, setup, teardown),
      cmocka_unit_test_setup_teardown(failed_compaction_leaves_old_file, setup, teardown),
      cmocka_unit_test_setup_teardown(open_named_in_data_folder, setup, teardown),
      cmocka_unit_test_setup_teardown(cross_line_damage_in_a_long_file, setup, teardown),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
