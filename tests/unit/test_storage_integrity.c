/* Damage to a real session file is found: every single-bit flip (each line
 * carries a CRC-32 seal, format 2) and a cut at any offset (only the torn
 * last line is lost). Format 1 files still open and append, and compaction
 * upgrades them; files saved on Windows (BOM, CRLF) open.
 *
 * The real session is the start of the reference meeting
 * (tests/data/reference-meeting.gvs). By default every bit of the header and of a dozen lines of
 * each kind is flipped, and a seeded random sample of the rest; with
 * GAVEL_FLIP_ALL=1 (make torture) every bit and every offset of the file. */
#include "tests/unit/testutil.h"

#include "model/session.h"
#include "storage/roster_file.h"
#include "storage/sessionfile.h"
#include "storage/sessionscan.h"

#define SAMPLE_BITS 1500
#define SAMPLE_CUTS 300
/* The first commands of the meeting: the roster, items, interventions with
 * notes, drafts. Enough of every kind of line, small enough to open fast. */
#define REFERENCE_COMMANDS 90

typedef TestFile Fixture;

static int setup(void **state) {
   *state = TestFile_new("ref.gavel");
   return 0;
}

static int teardown(void **state) {
   TestFile_free(*state);
   return 0;
}

static void fixedUuid(void *ud, char out[37]) {
   unsigned *n = ud;
   snprintf(out, 37, "6f1c7a2e-0b7f-4a57-9a53-%012x", ++*n);
}

static int loadRoster(void *ud, const char *name, GvBuf *lines, char *msg, size_t msglen) {
   (void)ud;
   return RosterFile_loadInto(name, NULL, lines, msg, msglen);
}

/* Writes the start of the reference meeting as a new format 2 session at path. */
static void writeReference(const char *path) {
   /* Rosters come from the source tree. */
   setenv("GAVEL_DATADIR", ".", 1);
   size_t slen = 0;
   char *script = TestUtil_slurp("tests/data/reference-meeting.gvs", &slen);
   assert_non_null(script);
   Session *s = Session_new();
   unsigned counter = 0;
   RunContext ctx = { .now = 17298 * 86400LL + 36000, .new_uuid = fixedUuid,
                      .load_roster = loadRoster, .ud = &counter };
   GvBuf journal = GV_BUF_INIT;
   char msg[512];
   int ran = 0;
   for (char *line = strtok(script, "\n"); line && ran < REFERENCE_COMMANDS;
        line = strtok(NULL, "\n")) {
      while (*line == ' ')
         line++;
      if (!*line || *line == '#')
         continue;
      if (Session_run(s, line, strlen(line), &ctx, &journal, msg, sizeof msg) != GV_OK)
         fail_msg("reference script refused '%s': %s", line, msg);
      ctx.now += 7;
      ran++;
   }
   char err[512];
   if (SessionFile_create(path, journal.data, journal.len, NULL, err, sizeof err) != 0)
      fail_msg("%s", err);
   GvBuf_free(&journal);
   Session_free(s);
   free(script);
}

/* Does a read-only open see something wrong? */
static int damageSeen(const char *path) {
   char err[1024];
   SessionFileOptions o = { .readOnly = 1 };
   SessionFile *sf = SessionFile_open(path, &o, err, sizeof err);
   if (!sf)
      return 1;
   int seen = SessionFile_problemCount(sf) > 0;
   SessionFile_close(sf);
   return seen;
}

static void flipBit(int fd, size_t bit) {
   unsigned char c;
   assert_int_equal(pread(fd, &c, 1, (off_t)(bit / 8)), 1);
   c ^= (unsigned char)(1u << (bit % 8));
   assert_int_equal(pwrite(fd, &c, 1, (off_t)(bit / 8)), 1);
}

static void every_single_bit_flip_is_detected(void **state) {
   Fixture *fx = *state;
   writeReference(fx->path);
   size_t len = 0;
   char *text = TestUtil_slurp(fx->path, &len);
   assert_non_null(text);
   assert_int_equal(damageSeen(fx->path), 0);

   /* Which bits: all (GAVEL_FLIP_ALL), or every bit of the header and of the
    * first line of each kind (cmd, cmd:N, cmd+, a long note) and the last
    * line, and a random sample of the rest. */
   int all = getenv("GAVEL_FLIP_ALL") && strcmp(getenv("GAVEL_FLIP_ALL"), "1") == 0;
   size_t nbits = len * 8;
   unsigned char *pick = calloc(nbits, 1);
   assert_non_null(pick);
   const char *kinds[] = { "gavel-session ", "\ncmd:", "\ncmd+ ", " note " };
   for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
      const char *at = strstr(text, kinds[k]);
      assert_non_null(at);
      while (at > text && at[-1] != '\n' && *at != '\n')
         at--;
      if (*at == '\n')
         at++;
      size_t from = (size_t)(at - text), to = from;
      while (to < len && text[to] != '\n')
         to++;
      for (size_t b = from * 8; b < (to + 1) * 8 && b < nbits; b++)
         pick[b] = 1;
   }
   size_t lastStart = len - 1;
   while (lastStart > 0 && text[lastStart - 1] != '\n')
      lastStart--;
   for (size_t b = lastStart * 8; b < nbits; b++)
      pick[b] = 1;
   srand(12);
   for (int i = 0; i < SAMPLE_BITS; i++)
      pick[((size_t)rand() * 7919u + (size_t)rand()) % nbits] = 1;

   int fd = open(fx->path, O_RDWR);
   assert_true(fd >= 0);
   size_t tried = 0, seen = 0;
   long firstMissed = -1;
   for (size_t b = 0; b < nbits; b++) {
      if (!all && !pick[b])
         continue;
      flipBit(fd, b);
      tried++;
      if (damageSeen(fx->path))
         seen++;
      else if (firstMissed < 0)
         firstMissed = (long)b;
      flipBit(fd, b);
   }
   close(fd);
   printf("bit flips: %zu of %zu detected (%.2f%%) in a %zu-byte session\n", seen, tried,
          100.0 * (double)seen / (double)tried, len);
   if (seen != tried)
      fail_msg("bit %ld (byte %ld) flipped without a word", firstMissed, firstMissed / 8);
   /* And the file is whole again. */
   assert_int_equal(damageSeen(fx->path), 0);
   free(pick);
   free(text);
}

/* A cut at any offset (a crash, a full disk) loses at most the last line:
 * the file opens, the only problem is the torn tail, and every complete line
 * before it is loaded. */
static void a_cut_anywhere_loses_only_the_torn_line(void **state) {
   Fixture *fx = *state;
   writeReference(fx->path);
   size_t len = 0;
   char *text = TestUtil_slurp(fx->path, &len);
   int all = getenv("GAVEL_FLIP_ALL") && strcmp(getenv("GAVEL_FLIP_ALL"), "1") == 0;
   size_t headerLen = (size_t)(strchr(text, '\n') - text) + 1;
   char cut[PATH_MAX + 8];
   snprintf(cut, sizeof cut, "%s.cut", fx->path);
   srand(34);
   size_t tried = 0;
   for (size_t i = 0; all ? i <= len : i < SAMPLE_CUTS; i++) {
      size_t at = all ? i : (i < 200 ? i : (size_t)rand() % (len + 1));
      int fd = open(cut, O_WRONLY | O_CREAT | O_TRUNC, 0600);
      assert_true(fd >= 0);
      assert_int_equal(write(fd, text, at), (ssize_t)at);
      close(fd);
      char err[1024];
      SessionFileOptions o = { .readOnly = 1 };
      SessionFile *sf = SessionFile_open(cut, &o, err, sizeof err);
      tried++;
      if (at < headerLen) {
         /* Not even a header: refused with a message, never half-opened. */
         if (sf)
            SessionFile_close(sf);
         else
            assert_true(strlen(err) > 0);
         continue;
      }
      if (!sf)
         fail_msg("cut at %zu: %s", at, err);
      for (size_t k = 0; k < SessionFile_problemCount(sf); k++)
         if (!strstr(SessionFile_problem(sf, k), "incomplete last line"))
            fail_msg("cut at %zu: %s", at, SessionFile_problem(sf, k));
      /* Every complete line up to the cut is in, but for a unit the cut
       * split (it goes aside whole). */
      size_t complete = 0;
      for (size_t k = headerLen; k < at; k++)
         complete += text[k] == '\n';
      size_t loaded = SessionFile_lineCount(sf);
      assert_true(loaded <= complete);
      if (loaded < complete)
         assert_true(SessionFile_problemCount(sf) == 1);
      SessionFile_close(sf);
   }
   printf("cuts: %zu offsets of a %zu-byte session, each lost at most its last line\n", tried, len);
   free(text);
}

/* A format 1 file (no seals) opens read-write, its appends stay format 1,
 * and compaction upgrades it to format 2. */
static void format1_opens_appends_and_compaction_upgrades(void **state) {
   Fixture *fx = *state;
   TestUtil_write(fx->path, "gavel-session 1\n"
                            "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 set place Brussels\n");
   char err[512], msg[512];
   SessionFileOptions o = { 0 };
   SessionFile *sf = SessionFile_open(fx->path, &o, err, sizeof err);
   assert_non_null(sf);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_false(SessionFile_readOnly(sf));
   assert_int_equal(SessionFile_run(sf, "set chair Chair", msg, sizeof msg), SESSIONFILE_DONE);
   char *text = TestUtil_slurp(fx->path, NULL);
   assert_memory_equal(text, "gavel-session 1\n", 16);
   /* The appended line has no seal: it ends with the payload. */
   assert_non_null(strstr(text, " set chair Chair\n"));
   free(text);
   if (SessionFile_compact(sf, err, sizeof err) != 0)
      fail_msg("%s", err);
   assert_int_equal(SessionFile_run(sf, "set place Luxembourg", msg, sizeof msg), SESSIONFILE_DONE);
   SessionFile_close(sf);
   text = TestUtil_slurp(fx->path, NULL);
   assert_memory_equal(text, "gavel-session 2\n", 16);
   const char *l = strstr(text, " set place Luxembourg ");
   assert_non_null(l);
   assert_int_equal(strlen(l), strlen(" set place Luxembourg ") + 9);
   free(text);
   o.readOnly = 1;
   sf = SessionFile_open(fx->path, &o, err, sizeof err);
   assert_non_null(sf);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_string_equal(SessionFile_session(sf)->meta.chair, "Chair");
   assert_string_equal(SessionFile_session(sf)->meta.place, "Luxembourg");
   SessionFile_close(sf);
}

/* Saved by a Windows editor: a byte order mark and CRLF line ends. */
static void bom_and_crlf_sessions_open(void **state) {
   Fixture *fx = *state;
   const char *line = "cmd 2017-05-12T10:00:00 6f1c7a2e-0b7f-4a57-9a53-4b8e0f6d2c11 set place Brussels";
   char text[512];
   snprintf(text, sizeof text, "\xEF\xBB\xBFgavel-session 2\r\n%s %08lx\r\n", line,
            SessionScan_crc(line, strlen(line)));
   TestUtil_write(fx->path, text);
   char err[512], msg[512];
   SessionFileOptions o = { 0 };
   SessionFile *sf = SessionFile_open(fx->path, &o, err, sizeof err);
   if (!sf)
      fail_msg("%s", err);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_false(SessionFile_readOnly(sf));
   assert_string_equal(SessionFile_session(sf)->meta.place, "Brussels");
   assert_int_equal(SessionFile_run(sf, "set chair Chair", msg, sizeof msg), SESSIONFILE_DONE);
   SessionFile_close(sf);
   o.readOnly = 1;
   sf = SessionFile_open(fx->path, &o, err, sizeof err);
   assert_non_null(sf);
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_string_equal(SessionFile_session(sf)->meta.chair, "Chair");
   SessionFile_close(sf);
   /* A stray CR in a file with LF line ends is still a control character. */
   snprintf(text, sizeof text, "gavel-session 1\n%s\r\n", line);
   TestUtil_write(fx->path, text);
   sf = SessionFile_open(fx->path, &o, err, sizeof err);
   assert_non_null(sf);
   assert_int_equal(SessionFile_problemCount(sf), 1);
   assert_non_null(strstr(SessionFile_problem(sf, 0), ":2: control character 0x0d"));
   SessionFile_close(sf);
}

/* The frame's TIME and UUID: every byte value at each of their places (and
 * at the blank after the UUID), with and without a PAYLOAD after it. The
 * line is sound exactly when the byte is one its place takes. */
static void frame_every_byte_at_every_place(void **state) {
   (void)state;
   static const char shape[] = "dddd-dd-ddTdd:dd:dd hhhhhhhh-hhhh-hhhh-hhhh-hhhhhhhhhhhh";
   static const char *const lines[] = {
      "cmd 2017-05-12T09:30:00 6be302d5-0065-4006-8065-00000000abcd note x",
      "cmd+ 2017-05-12T09:30:00 6BE302D5-0065-4006-8065-00000000ABCD",
   };
   for (size_t n = 0; n < 2; n++) {
      char line[128];
      size_t len = strlen(lines[n]), t = (size_t)(strchr(lines[n], ' ') - lines[n]) + 1, got = 0;
      memcpy(line, lines[n], len + 1);
      char err[256];
      assert_int_equal(SessionScan_checkLine(line, len, err, sizeof err), 0);
      for (size_t i = 0; i < 57 && t + i < len; i++) {
         char keep = line[t + i];
         for (int b = 0; b < 256; b++) {
            char c = i < 56 ? shape[i] : ' ';
            bool fits = c == 'd'   ? b >= '0' && b <= '9'
                        : c == 'h' ? (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') ||
                                        (b >= 'A' && b <= 'F')
                                   : b == c;
            line[t + i] = (char)b;
            int rc = SessionScan_checkLine(line, len, err, sizeof err);
            if ((rc == 0) != fits)
               fail_msg("line %zu, byte 0x%02x at place %zu of the TIME and UUID: %s", n, b, i,
                        rc == 0 ? "taken" : err);
            got += rc == 0;
         }
         line[t + i] = keep;
      }
      assert_true(got > 0);
   }
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(frame_every_byte_at_every_place),
      cmocka_unit_test_setup_teardown(every_single_bit_flip_is_detected, setup, teardown),
      cmocka_unit_test_setup_teardown(a_cut_anywhere_loses_only_the_torn_line, setup, teardown),
      cmocka_unit_test_setup_teardown(format1_opens_appends_and_compaction_upgrades, setup, teardown),
      cmocka_unit_test_setup_teardown(bom_and_crlf_sessions_open, setup, teardown),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
