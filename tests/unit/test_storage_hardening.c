/* What a crash or a hostile folder must not do to a session: the torn tail
 * never follows a planted symbolic link and lives beside the real file; the
 * folder is synced after .torn is written and before the session is cut;
 * .torn stays bounded; temporaries of killed writers are swept (and live ones
 * kept); compaction and check --accept keep the session's mode and group; a
 * new folder's parent is synced. */
#include "tests/unit/testutil.h"

#include "storage/fileio.h"
#include "storage/lock.h"
#include "storage/session_accept.h"
#include "storage/sessionfile.h"
#include "storage/sessionscan.h"
#include "storage/tornfile.h"

#define UUID1 "6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11"

/* ---- a FileIO that records what it is asked to do ---------------------- */

typedef struct Op {
   char what;          /* 'w' write, 's' fsync/fdatasync, 't' ftruncate, 'r' rename */
   int isDir;
   ino_t ino;
} Op;

typedef struct Log {
   Op ops[256];
   int n;
} Log;

static void record(Log *l, char what, int fd) {
   struct stat st;
   if (l->n < 256 && fstat(fd, &st) == 0)
      l->ops[l->n++] = (Op){ what, S_ISDIR(st.st_mode), st.st_ino };
}
static ssize_t lWrite(void *ctx, int fd, const void *buf, size_t len) {
   record(ctx, 'w', fd);
   return write(fd, buf, len);
}
static int lSync(void *ctx, int fd) {
   record(ctx, 's', fd);
   return fsync(fd);
}
static int lRename(void *ctx, const char *a, const char *b) {
   Log *l = ctx;
   if (l->n < 256)
      l->ops[l->n++] = (Op){ 'r', 0, 0 };
   return rename(a, b);
}
static int lTruncate(void *ctx, int fd, off_t n) {
   record(ctx, 't', fd);
   return ftruncate(fd, n);
}
static int lLink(void *ctx, const char *a, const char *b) {
   (void)ctx;
   return link(a, b);
}

/* ---- helpers ----------------------------------------------------------- */

typedef TestFile Fixture;

static int setup(void **state) {
   *state = TestFile_new("s.gavel");
   return 0;
}

static int teardown(void **state) {
   TestFile_free(*state);
   return 0;
}

static SessionFile *openWith(const char *path, const FileIO *io, int readOnly) {
   char err[1024];
   SessionFileOptions o = { .io = io, .readOnly = readOnly };
   SessionFile *sf = SessionFile_open(path, &o, err, sizeof err);
   if (!sf)
      fail_msg("%s", err);
   return sf;
}

static void run(SessionFile *sf, const char *line) {
   char msg[512];
   if (SessionFile_run(sf, line, msg, sizeof msg) != SESSIONFILE_DONE)
      fail_msg("'%s': %s", line, msg);
}

/* A session with two commands and a torn tail. */
static void sessionWithTornTail(const char *path, const char *tail) {
   char err[512];
   if (SessionFile_create(path, NULL, 0, NULL, err, sizeof err) != 0)
      fail_msg("%s", err);
   SessionFile *sf = openWith(path, NULL, 0);
   run(sf, "set place Brussels");
   run(sf, "set chair Chair");
   SessionFile_close(sf);
   FILE *f = fopen(path, "ab");
   fputs(tail, f);
   fclose(f);
}

static off_t sizeOf(const char *path) {
   struct stat st;
   assert_int_equal(stat(path, &st), 0);
   return st.st_size;
}

static ino_t inodeOf(const char *path) {
   struct stat st;
   assert_int_equal(stat(path, &st), 0);
   return st.st_ino;
}

/* ---- tests ------------------------------------------------------------- */

static void torn_never_follows_a_planted_link(void **state) {
   Fixture *fx = *state;
   sessionWithTornTail(fx->path, "cmd 2017-05-12T10:00:00 " UUID1 " set pla");
   off_t before = sizeOf(fx->path);
   char victim[PATH_MAX + 16], torn[PATH_MAX + 16];
   snprintf(victim, sizeof victim, "%s/victim", fx->dir);
   snprintf(torn, sizeof torn, "%s.torn", fx->path);
   TestUtil_write(victim, "precious\n");
   assert_int_equal(symlink(victim, torn), 0);
   SessionFile *sf = openWith(fx->path, NULL, 0);
   /* Not set aside: read-only, with one message that says so. */
   assert_true(SessionFile_readOnly(sf));
   assert_int_equal(SessionFile_problemCount(sf), 0);
   const char *why = SessionFile_readOnlyReason(sf);
   assert_non_null(strstr(why, ":4: incomplete last line"));
   assert_non_null(strstr(why, "left in place"));
   assert_non_null(strstr(why, "symbolic link"));
   assert_null(strstr(why, "set aside in"));
   SessionFile_close(sf);
   char *v = TestUtil_slurp(victim, NULL);
   assert_string_equal(v, "precious\n");
   free(v);
   assert_int_equal(sizeOf(fx->path), before);
}

static void torn_lives_beside_the_real_file(void **state) {
   Fixture *fx = *state;
   char real[PATH_MAX + 16], link[PATH_MAX + 16], want[PATH_MAX + 32], stray[PATH_MAX + 64];
   snprintf(real, sizeof real, "%s/real", fx->dir);
   snprintf(link, sizeof link, "%s/link", fx->dir);
   mkdir(real, 0700);
   mkdir(link, 0700);
   snprintf(fx->path, sizeof fx->path, "%.3000s/s.gavel", real);
   sessionWithTornTail(fx->path, "cmd 2017-05-12T10:00:00 " UUID1 " set pla");
   char via[PATH_MAX + 32];
   snprintf(via, sizeof via, "%s/s.gavel", link);
   assert_int_equal(symlink(fx->path, via), 0);
   SessionFile *sf = openWith(via, NULL, 0);
   assert_false(SessionFile_readOnly(sf));
   SessionFile_close(sf);
   snprintf(want, sizeof want, "%s.torn", fx->path);
   snprintf(stray, sizeof stray, "%s.torn", via);
   struct stat st;
   assert_int_equal(lstat(want, &st), 0);
   assert_int_not_equal(lstat(stray, &st), 0);
}

/* The folder is synced after .torn is written and before the session is cut:
 * else a crash could keep the cut and lose the .torn file's name. */
static void folder_synced_before_the_cut(void **state) {
   Fixture *fx = *state;
   sessionWithTornTail(fx->path, "cmd 2017-05-12T10:00:00 " UUID1 " set pla");
   Log log = { .n = 0 };
   FileIO io = { lWrite, lSync, lSync, lRename, lTruncate, lLink, &log };
   ino_t session = inodeOf(fx->path), folder = inodeOf(fx->dir);
   SessionFile *sf = openWith(fx->path, &io, 0);
   assert_false(SessionFile_readOnly(sf));
   SessionFile_close(sf);
   int cut = -1, dirSync = -1, tornWrite = -1;
   for (int i = 0; i < log.n; i++) {
      if (log.ops[i].what == 't' && log.ops[i].ino == session && cut < 0)
         cut = i;
      if (log.ops[i].what == 's' && log.ops[i].isDir && log.ops[i].ino == folder && dirSync < 0 &&
          tornWrite >= 0)
         dirSync = i;
      if (log.ops[i].what == 'w' && log.ops[i].ino != session && tornWrite < 0)
         tornWrite = i;
   }
   assert_true(tornWrite >= 0);
   assert_true(cut > tornWrite);
   assert_true(dirSync > tornWrite);
   assert_true(dirSync < cut);
}

static void count(void *ud, const char *line) {
   (void)line;
   ++*(int *)ud;
}

/* .torn keeps the newest pieces only, and check lists every one it keeps. */
static void torn_stays_bounded(void **state) {
   Fixture *fx = *state;
   sessionWithTornTail(fx->path, "");
   char torn[PATH_MAX + 16];
   snprintf(torn, sizeof torn, "%s.torn", fx->path);
   for (int i = 0; i < TORNFILE_KEEP + 5; i++) {
      FILE *f = fopen(fx->path, "ab");
      fprintf(f, "cmd 2017-05-12T10:00:00 " UUID1 " set place piece-%02d", i);
      fclose(f);
      SessionFile_close(openWith(fx->path, NULL, 0));
   }
   char *text = TestUtil_slurp(torn, NULL);
   assert_non_null(text);
   assert_null(strstr(text, "piece-04"));   /* the oldest went */
   assert_non_null(strstr(text, "piece-05"));
   assert_non_null(strstr(text, "piece-20"));
   int marks = 0;
   for (const char *p = text; (p = strstr(p, TORNFILE_MARK)); p++)
      marks++;
   assert_int_equal(marks, TORNFILE_KEEP);
   free(text);
   int listed = 0;
   char err[512];
   assert_int_equal(SessionFile_tornPieces(fx->path, count, &listed, err, sizeof err), TORNFILE_KEEP);
   assert_int_equal(listed, TORNFILE_KEEP);

   /* A piece as big as the bound pushes every older one out. */
   size_t big = TORNFILE_MAX_BYTES;
   char *huge = malloc(big + 1);
   memset(huge, 'x', big);
   huge[big] = '\0';
   FILE *f = fopen(fx->path, "ab");
   fputs(huge, f);
   fclose(f);
   free(huge);
   SessionFile_close(openWith(fx->path, NULL, 0));
   listed = 0;
   assert_int_equal(SessionFile_tornPieces(fx->path, count, &listed, err, sizeof err), 1);
   assert_true(sizeOf(torn) < TORNFILE_MAX_BYTES + 256);
}

/* Temporaries of a killed compaction go with the next writer; a live one
 * (locked by its writer) and any other file stay; a reader touches none. */
static void stale_temporaries_are_swept(void **state) {
   Fixture *fx = *state;
   sessionWithTornTail(fx->path, "");
   char dead[PATH_MAX + 32], deadTorn[PATH_MAX + 32], live[PATH_MAX + 32], other[PATH_MAX + 32];
   snprintf(dead, sizeof dead, "%s.tmp-Ab12Cd", fx->path);
   snprintf(deadTorn, sizeof deadTorn, "%s.torn.tmp-Zz99yy", fx->path);
   snprintf(other, sizeof other, "%s.tmp-notes.txt", fx->path);
   TestUtil_write(dead, "gavel-session 2\n");
   TestUtil_write(deadTorn, "x\n");
   TestUtil_write(other, "mine\n");
   int lfd = FileIO_tempFile(fx->path, live, sizeof live);
   assert_true(lfd >= 0);
   struct stat st;
   SessionFile_close(openWith(fx->path, NULL, 1));
   assert_int_equal(stat(dead, &st), 0);
   SessionFile_close(openWith(fx->path, NULL, 0));
   assert_int_not_equal(stat(dead, &st), 0);
   assert_int_not_equal(stat(deadTorn, &st), 0);
   assert_int_equal(stat(live, &st), 0);
   assert_int_equal(stat(other, &st), 0);
   close(lfd);
   SessionFile_close(openWith(fx->path, NULL, 0));
   assert_int_not_equal(stat(live, &st), 0);
}

/* A group the process may give a file other than its own, or -1. */
static gid_t otherGroup(void) {
   if (geteuid() == 0)
      return getegid() == 4 ? 5 : 4;
   gid_t groups[64];
   int n = getgroups(64, groups);
   for (int i = 0; i < n; i++)
      if (groups[i] != getegid())
         return groups[i];
   return (gid_t)-1;
}

static void rewrites_keep_mode_and_group(void **state) {
   Fixture *fx = *state;
   sessionWithTornTail(fx->path, "");
   assert_int_equal(chmod(fx->path, 0640), 0);
   gid_t g = otherGroup();
   if (g != (gid_t)-1)
      assert_int_equal(chown(fx->path, (uid_t)-1, g), 0);
   struct stat before, after;
   assert_int_equal(stat(fx->path, &before), 0);
   SessionFile *sf = openWith(fx->path, NULL, 0);
   char err[512];
   if (SessionFile_compact(sf, err, sizeof err) != 0)
      fail_msg("%s", err);
   SessionFile_close(sf);
   assert_int_equal(stat(fx->path, &after), 0);
   assert_int_not_equal(after.st_ino, before.st_ino);
   assert_int_equal(after.st_mode & 07777, 0640);
   assert_int_equal(after.st_gid, before.st_gid);
   /* check --accept too. */
   size_t n = 0;
   assert_int_equal(SessionAccept_seal(fx->path, NULL, &n, err, sizeof err), 0);
   assert_int_equal(stat(fx->path, &after), 0);
   assert_int_equal(after.st_mode & 07777, 0640);
   assert_int_equal(after.st_gid, before.st_gid);
   /* A new session is 0600 whatever the umask. */
   mode_t old = umask(0);
   char fresh[PATH_MAX + 16];
   snprintf(fresh, sizeof fresh, "%s/new/f.gavel", fx->dir);
   assert_int_equal(SessionFile_create(fresh, NULL, 0, NULL, err, sizeof err), 0);
   umask(old);
   assert_int_equal(stat(fresh, &after), 0);
   assert_int_equal(after.st_mode & 0777, 0600);
   snprintf(fresh, sizeof fresh, "%s/new", fx->dir);
   assert_int_equal(stat(fresh, &after), 0);
   assert_int_equal(after.st_mode & 0777, 0700);
}

/* check --accept seals a hand edit again; the content stays as edited. */
static void accept_seals_a_hand_edit(void **state) {
   Fixture *fx = *state;
   sessionWithTornTail(fx->path, "");
   size_t len = 0;
   char *text = TestUtil_slurp(fx->path, &len);
   char *b = strstr(text, "Brussels");
   memcpy(b, "Bruxelle", 8);
   TestUtil_write(fx->path, text);
   free(text);
   SessionFile *sf = openWith(fx->path, NULL, 1);
   assert_int_equal(SessionFile_problemCount(sf), 1);
   assert_non_null(strstr(SessionFile_problem(sf, 0), ":2: checksum mismatch"));
   SessionFile_close(sf);
   char err[512];
   size_t n = 0;
   assert_int_equal(SessionAccept_seal(fx->path, NULL, &n, err, sizeof err), 0);
   assert_int_equal(n, 1);
   sf = openWith(fx->path, NULL, 1);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_string_equal(SessionFile_session(sf)->meta.place, "Bruxelle");
   SessionFile_close(sf);
   /* Refused while another gavel writes. */
   sf = openWith(fx->path, NULL, 0);
   assert_int_equal(SessionAccept_seal(fx->path, NULL, &n, err, sizeof err), -1);
   assert_non_null(strstr(err, "another gavel"));
   SessionFile_close(sf);
}

static void mkdirs_syncs_each_new_folders_parent(void **state) {
   Fixture *fx = *state;
   Log log = { .n = 0 };
   FileIO io = { lWrite, lSync, lSync, lRename, lTruncate, lLink, &log };
   char p[PATH_MAX + 32], err[256];
   snprintf(p, sizeof p, "%s/a", fx->dir);
   mkdir(p, 0700);
   snprintf(p, sizeof p, "%s/a/b/c", fx->dir);
   assert_int_equal(FileIO_mkdirsWith(&io, p, err, sizeof err), 0);
   /* b is new (its parent a is synced), c is new (b is synced); a existed. */
   char a[PATH_MAX + 16], ab[PATH_MAX + 16];
   snprintf(a, sizeof a, "%s/a", fx->dir);
   snprintf(ab, sizeof ab, "%s/a/b", fx->dir);
   int syncedA = 0, syncedAB = 0, syncedTop = 0;
   for (int i = 0; i < log.n; i++) {
      if (log.ops[i].what != 's' || !log.ops[i].isDir)
         continue;
      syncedA |= log.ops[i].ino == inodeOf(a);
      syncedAB |= log.ops[i].ino == inodeOf(ab);
      syncedTop |= log.ops[i].ino == inodeOf(fx->dir);
   }
   assert_true(syncedA);
   assert_true(syncedAB);
   assert_false(syncedTop);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(torn_never_follows_a_planted_link, setup, teardown),
      cmocka_unit_test_setup_teardown(torn_lives_beside_the_real_file, setup, teardown),
      cmocka_unit_test_setup_teardown(folder_synced_before_the_cut, setup, teardown),
      cmocka_unit_test_setup_teardown(torn_stays_bounded, setup, teardown),
      cmocka_unit_test_setup_teardown(stale_temporaries_are_swept, setup, teardown),
      cmocka_unit_test_setup_teardown(rewrites_keep_mode_and_group, setup, teardown),
      cmocka_unit_test_setup_teardown(accept_seals_a_hand_edit, setup, teardown),
      cmocka_unit_test_setup_teardown(mkdirs_syncs_each_new_folders_parent, setup, teardown),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
