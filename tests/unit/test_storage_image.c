/* The state image on disk (storage/stateimage.c) and the open that uses it
 * (SessionFile_open with stateImage): a second open reads the image and
 * replays only what follows, and is the same meeting as a full replay; a
 * file changed in the middle, cut, or an image torn, of another version or
 * another build is not used, and the open replays the whole file. */
#include "tests/unit/test_model_fixture.h"

#include <fcntl.h>
#include <sys/stat.h>

#include "model/session_image.h"
#include "storage/fileio.h"
#include "storage/sessionfile.h"
#include "storage/sessionscan.h"
#include "storage/stateimage.h"

typedef struct Img {
   TestFile *tf;
   char cache[PATH_MAX];
   char image[PATH_MAX];
} Img;

/* A session of about 300 kB (past SESSIONFILE_IMAGE_MIN): interventions
 * with long notes, some escaped, positions, drafts, an undo and a redo. */
static void img_newSized(Img *m, int count);
static void img_new(Img *m) {
   img_newSized(m, 300);
}

/* The intervention whose note says "wordz" for "words" (same length), or -1. */
static int Variant = -1;

/* The same with count interventions (about 1 kB each). */
static void img_newSized(Img *m, int count) {
   m->tf = TestFile_new("big.gavel");
   snprintf(m->cache, sizeof m->cache, "%s/cache", m->tf->dir);
   setenv("XDG_CACHE_HOME", m->cache, 1);
   Fx *f = Fx_meeting();
   char line[2048], words[1200];
   size_t w = 0;
   while (w < 1000)
      w += (size_t)snprintf(words + w, sizeof words - w, "Ελλάδα words ");
   const char *codes[] = { "FR", "DE", "EL", "ES", "HU", "AT" };
   for (int i = 0; i < count; i++) {
      snprintf(line, sizeof line, "give %s", codes[i % 6]);
      Fx_run(f, line);
      snprintf(line, sizeof line, "note %d %s%s", i, words, i == Variant ? "wordz" : "words");
      Fx_run(f, line);
      if (i % 7 == 0)
         Fx_run(f, "note escaped \\\\ and\\na second line");
      if (i % 11 == 0) {
         snprintf(line, sizeof line, "pos %s supports text %d", codes[i % 6], i);
         Fx_run(f, line);
      }
      if (i % 13 == 0)
         Fx_run(f, "draft a draft being typed");
      if (i % 17 == 0) {
         Fx_run(f, "undo");
         Fx_run(f, "redo");
      }
      Fx_tick(f, 30);
   }
   char err[512];
   assert_int_equal(SessionFile_create(m->tf->path, f->out.data, f->out.len, NULL, err, sizeof err), 0);
   Fx_free(f);
   assert_int_equal(StateImage_path(m->tf->path, m->image, sizeof m->image), 0);
}

static void img_free(Img *m) {
   TestFile_free(m->tf);
}

static SessionFile *open_sf(const Img *m, int image, int readOnly) {
   SessionFileOptions o = { .stateImage = image, .readOnly = readOnly };
   char err[512];
   SessionFile *sf = SessionFile_open(m->tf->path, &o, err, sizeof err);
   if (!sf)
      fail_msg("%s", err);
   return sf;
}

static char *compacted(SessionFile *sf) {
   GvBuf b = GV_BUF_INIT;
   assert_int_equal(Session_compact(SessionFile_session(sf), &b), GV_OK);
   char *t = strdup(GvBuf_str(&b));
   GvBuf_free(&b);
   return t;
}

/* sf is the meeting a full replay of the file makes. */
static void assert_full_replay(const Img *m, SessionFile *sf) {
   SessionFile *full = open_sf(m, 0, 1);
   char *a = Fx_dump(SessionFile_session(full)), *b = Fx_dump(SessionFile_session(sf));
   assert_string_equal(a, b);
   free(a);
   free(b);
   a = compacted(full);
   b = compacted(sf);
   assert_string_equal(a, b);
   free(a);
   free(b);
   assert_int_equal(SessionFile_lineCount(full), SessionFile_lineCount(sf));
   assert_int_equal(SessionFile_problemCount(full), SessionFile_problemCount(sf));
   for (size_t i = 0; i < SessionFile_problemCount(full); i++)
      assert_string_equal(SessionFile_problem(full, i), SessionFile_problem(sf, i));
   SessionFile_close(full);
}

/* The session file rewritten with one byte of a note changed (its seal
 * then wrong), the first note "Ελλάδα words" from where (0-1) of it on. */
static void change_a_word(const Img *m, double where) {
   size_t len = 0;
   char *text = TestUtil_slurp(m->tf->path, &len);
   char *at = strstr(text + (size_t)((double)len * where), "Ελλάδα words");
   assert_non_null(at);
   at[strlen("Ελλάδα ")] = 'W';
   FILE *f = fopen(m->tf->path, "wb");
   assert_non_null(f);
   fwrite(text, 1, len, f);
   fclose(f);
   free(text);
}

/* Opened with the image allowed, the image used: the same meeting as a
 * full replay. */
static void assert_used(const Img *m) {
   SessionFile *sf = open_sf(m, 1, 1);
   assert_true(SessionFile_openedFromImage(sf));
   assert_full_replay(m, sf);
   SessionFile_close(sf);
}

/* Opened with the image allowed, the image refused: the whole file replayed.
 * problems: 1 some reported, 0 none, -1 not looked at. */
static void assert_refused(const Img *m, int problems) {
   SessionFile *sf = open_sf(m, 1, 1);
   assert_false(SessionFile_openedFromImage(sf));
   if (problems > 0)
      assert_true(SessionFile_problemCount(sf) > 0);
   else if (problems == 0)
      assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_full_replay(m, sf);
   SessionFile_close(sf);
}

/* Where an image file's parts are (storage/stateimage.h): its text (the N
 * bytes it covers, *covered) from *textAt, the model's image from *bodyAt. */
typedef struct Layout {
   uint64_t covered, textAt, bodyAt;
   uint32_t plen;
} Layout;

static Layout layout(const char *img, size_t len) {
   Layout l;
   assert_true(len > 64);
   assert_memory_equal(img, "gavel-image\n", 12);
   memcpy(&l.covered, img + 16, 8);
   memcpy(&l.plen, img + 36, 4);
   memcpy(&l.textAt, img + 40 + l.plen + 4, 8);
   memcpy(&l.bodyAt, img + 40 + l.plen + 12, 8);
   assert_true(l.textAt > 40 + l.plen && l.textAt + l.covered <= l.bodyAt && l.bodyAt < len);
   return l;
}

/* The image's checksum is recomputed after a change (the head's and the
 * model's image's; the text has none, it is compared with the file), so
 * that the check behind it is the one tried. */
static void reseal(const char *path, char *buf, size_t len) {
   Layout l = layout(buf, len);
   unsigned long c = SessionScan_crc(buf, l.textAt);
   uint32_t sum = (uint32_t)SessionScan_crcMore(c, buf + l.bodyAt, len - 4 - l.bodyAt);
   memcpy(buf + len - 4, &sum, 4);
   FILE *f = fopen(path, "wb");
   fwrite(buf, 1, len, f);
   fclose(f);
}

static void write_file(const char *path, const char *buf, size_t len) {
   FILE *f = fopen(path, "wb");
   assert_non_null(f);
   assert_int_equal(fwrite(buf, 1, len, f), len);
   assert_int_equal(fclose(f), 0);
}

/* Opens with the image, saves it, closes. */
static void warm(const Img *m) {
   SessionFile *sf = open_sf(m, 1, 0);
   assert_int_equal(SessionFile_saveImage(sf), 1);
   SessionFile_close(sf);
}

static void second_open_reads_the_image(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   struct stat st;
   assert_int_not_equal(stat(m.image, &st), 0);
   SessionFile *sf = open_sf(&m, 1, 0);
   assert_false(SessionFile_openedFromImage(sf));
   assert_int_equal(SessionFile_saveImage(sf), 1);
   /* Written once: the same state needs no second image. */
   assert_int_equal(SessionFile_saveImage(sf), 0);
   SessionFile_close(sf);
   assert_int_equal(stat(m.image, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0600);
   char dir[PATH_MAX + 16];
   snprintf(dir, sizeof dir, "%s/gavel/state", m.cache);
   assert_int_equal(stat(dir, &st), 0);
   assert_int_equal(st.st_mode & 0777, 0700);
   /* The image alone: its temporary was renamed into place. */
   size_t files = 0;
   DIR *d = opendir(dir);
   assert_non_null(d);
   for (struct dirent *e; (e = readdir(d));)
      files += e->d_name[0] != '.';
   closedir(d);
   assert_int_equal(files, 1);
   /* Batch opens never read it. */
   sf = open_sf(&m, 0, 1);
   assert_false(SessionFile_openedFromImage(sf));
   SessionFile_close(sf);
   sf = open_sf(&m, 1, 0);
   assert_true(SessionFile_openedFromImage(sf));
   assert_full_replay(&m, sf);
   /* What is run after goes on; undo and redo rebuild from the journal. */
   char msg[256];
   assert_int_equal(SessionFile_run(sf, "floor FR DE", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "note after the image", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "undo", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "undo", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "redo", msg, sizeof msg), SESSIONFILE_DONE);
   assert_full_replay(&m, sf);
   /* Lines run here are copies: no image of them (they would stay copies
    * at every open after). The next open replays them from the file read,
    * and its image has none: the one after has nothing to replay. */
   assert_int_equal(SessionFile_saveImage(sf), 0);
   SessionFile_close(sf);
   sf = open_sf(&m, 1, 1);
   assert_true(SessionFile_openedFromImage(sf));
   assert_full_replay(&m, sf);
   assert_int_equal(SessionFile_session(sf)->journal.ncopies, 0);
   assert_int_equal(SessionFile_saveImage(sf), 1);
   SessionFile_close(sf);
   sf = open_sf(&m, 1, 1);
   assert_true(SessionFile_openedFromImage(sf));
   assert_int_equal(SessionFile_session(sf)->journal.ncopies, 0);
   assert_full_replay(&m, sf);
   SessionFile_close(sf);
   img_free(&m);
}

static void lines_appended_by_another_are_replayed(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   /* Another gavel appends (gavel exec). */
   SessionFile *w = open_sf(&m, 0, 0);
   char msg[256];
   assert_int_equal(SessionFile_run(w, "item add \"Appended later\"", msg, sizeof msg),
                    SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(w, "give DE", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(w, "note appended after the image", msg, sizeof msg),
                    SESSIONFILE_DONE);
   SessionFile_close(w);
   SessionFile *sf = open_sf(&m, 1, 1);
   assert_true(SessionFile_openedFromImage(sf));
   Session *s = SessionFile_session(sf);
   assert_string_equal(s->agenda.items[s->agenda.count - 1].title, "Appended later");
   assert_full_replay(&m, sf);
   SessionFile_close(sf);
   /* Written to: the image's text under the session, the lines after it
    * read in behind it; then run, undone and redone, as after a replay. */
   sf = open_sf(&m, 1, 0);
   assert_true(SessionFile_openedFromImage(sf));
   assert_int_equal(SessionFile_run(sf, "note typed after a warm start", msg, sizeof msg),
                    SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "give FR", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "undo", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "undo", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "undo", msg, sizeof msg), SESSIONFILE_DONE);
   assert_int_equal(SessionFile_run(sf, "redo", msg, sizeof msg), SESSIONFILE_DONE);
   assert_full_replay(&m, sf);
   SessionFile_close(sf);
   /* The image written from a warm start (its text the old image's, mapped,
    * and the lines read in behind it) is the one a cold start writes. */
   sf = open_sf(&m, 1, 1);
   assert_true(SessionFile_openedFromImage(sf));
   assert_int_equal(SessionFile_saveImage(sf), 1);
   size_t warmLen = 0;
   char *warmImg = TestUtil_slurp(m.image, &warmLen);
   /* The session still reads the old image's text, replaced under it. */
   assert_full_replay(&m, sf);
   SessionFile_close(sf);
   assert_int_equal(unlink(m.image), 0);
   sf = open_sf(&m, 1, 1);
   assert_false(SessionFile_openedFromImage(sf));
   assert_int_equal(SessionFile_saveImage(sf), 1);
   SessionFile_close(sf);
   size_t coldLen = 0;
   char *coldImg = TestUtil_slurp(m.image, &coldLen);
   assert_int_equal(warmLen, coldLen);
   assert_memory_equal(warmImg, coldImg, coldLen);
   free(warmImg);
   free(coldImg);
   assert_used(&m);
   img_free(&m);
}

/* The file rewritten in place, to the same size, one note's word changed
 * in the middle (its seal good: a sound session, not the one the image
 * stands for; its size and time may well be the same): the image is not
 * used, and the open is the new file's full replay. */
static void a_same_size_rewrite_is_seen(void **state) {
   (void)state;
   Img other;
   Variant = 150;
   img_new(&other);
   Variant = -1;
   size_t olen = 0;
   char *otext = TestUtil_slurp(other.tf->path, &olen);
   img_free(&other);
   Img m;
   img_new(&m);
   warm(&m);
   size_t len = 0;
   char *text = TestUtil_slurp(m.tf->path, &len);
   assert_int_equal(len, olen);
   size_t first = 0;
   while (first < len && text[first] == otext[first])
      first++;
   assert_true(first > len / 4 && first < len);
   struct stat st;
   assert_int_equal(stat(m.tf->path, &st), 0);
   write_file(m.tf->path, otext, olen);
   struct timespec times[2] = { st.st_atim, st.st_mtim };
   assert_int_equal(utimensat(AT_FDCWD, m.tf->path, times, 0), 0);
   SessionFile *sf = open_sf(&m, 1, 1);
   assert_false(SessionFile_openedFromImage(sf));
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_full_replay(&m, sf);
   char *dump = Fx_dump(SessionFile_session(sf));
   assert_non_null(strstr(dump, "wordz"));
   free(dump);
   SessionFile_close(sf);
   free(text);
   free(otext);
   img_free(&m);
}

/* A live screen started from an image keeps its text mapped: an image
 * written after (by another start) never cuts or writes that file in place,
 * even when the temporary's name is a link to it (a writer killed half-way
 * leaves a temporary; here it is the very file mapped). Cut, the mapped
 * text would fault at its next read. */
static void a_mapped_image_is_never_written_in_place(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   SessionFile *live = open_sf(&m, 1, 1);
   assert_true(SessionFile_openedFromImage(live));
   char *before = Fx_dump(SessionFile_session(live));
   char tmp[PATH_MAX + 16];
   snprintf(tmp, sizeof tmp, "%s.tmp", m.image);
   assert_int_equal(link(m.image, tmp), 0);
   struct stat was;
   assert_int_equal(stat(m.image, &was), 0);
   SessionFile *w = open_sf(&m, 0, 0);
   char msg[256];
   assert_int_equal(SessionFile_run(w, "note one more line", msg, sizeof msg), SESSIONFILE_DONE);
   SessionFile_close(w);
   SessionFile *sf = open_sf(&m, 1, 1);
   assert_true(SessionFile_openedFromImage(sf));
   assert_int_equal(SessionFile_saveImage(sf), 1);
   SessionFile_close(sf);
   struct stat now;
   assert_int_equal(stat(m.image, &now), 0);
   assert_true(now.st_ino != was.st_ino);
   /* The first start's text, read whole: as it was. */
   char *after = Fx_dump(SessionFile_session(live));
   assert_string_equal(before, after);
   free(before);
   free(after);
   SessionFile_close(live);
   assert_used(&m);
   img_free(&m);
}

/* The file cut between the image's open and the check of its bytes: the
 * check reads them (it maps nothing of the session file: no fault to
 * fear), sees them short, and says no; the image's text stays readable. */
static void a_file_cut_during_the_check_is_refused(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   StateImageFile img;
   char why[512];
   assert_int_equal(StateImage_open(m.tf->path, &img, why, sizeof why), 0);
   assert_true(StateImage_verify(&img));
   struct stat st;
   assert_int_equal(stat(m.tf->path, &st), 0);
   size_t size = (size_t)st.st_size;
   char *text = StateImage_mapText(&img, size);
   assert_non_null(text);
   int fd = open(m.tf->path, O_RDONLY);
   assert_true(fd >= 0);
   size_t nuls = 0;
   uint64_t where = 0;
   assert_true(StateImage_fileEquals(&img.info, text, fd, &nuls, &where));
   assert_true(nuls > 0);
   assert_int_equal(truncate(m.tf->path, (off_t)(img.info.covered / 2)), 0);
   assert_false(StateImage_fileEquals(&img.info, text, fd, &nuls, &where));
   assert_int_equal(truncate(m.tf->path, 0), 0);
   assert_false(StateImage_fileEquals(&img.info, text, fd, &nuls, &where));
   close(fd);
   /* The text is the image's, whatever became of the file. */
   size_t ilen = 0;
   char *ifile = TestUtil_slurp(m.image, &ilen);
   assert_true(img.textAt + img.info.covered <= ilen);
   assert_memory_equal(text, ifile + img.textAt, img.info.covered);
   free(ifile);
   assert_int_equal(text[size], '\0');
   StateImage_unmapText(text, size);
   StateImage_close(&img);
   img_free(&m);
}

/* A byte changed in the middle: the line's seal no longer holds, and the
 * open says so, as a full replay does. */
static void a_change_in_the_middle_is_seen(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   change_a_word(&m, 0.5);
   assert_refused(&m, 1);
   img_free(&m);
}

/* A session of 4 MB and more is read in two halves, each summed as it
 * comes in: the image written after a cold open stands for the file's
 * CRC, the next open reads it, and a byte changed in either half is seen. */
static void a_long_session_summed_as_read(void **state) {
   (void)state;
   const double where[] = { 0.25, 0.8 };
   for (int k = 0; k < 2; k++) {
      Img m;
      img_newSized(&m, 4500);
      struct stat st;
      assert_int_equal(stat(m.tf->path, &st), 0);
      assert_true(st.st_size > (off_t)4 << 20);
      warm(&m);
      assert_used(&m);
      change_a_word(&m, where[k]);
      assert_refused(&m, 1);
      img_free(&m);
   }
}

static void a_cut_file_is_replayed_whole(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   size_t len = 0;
   char *text = TestUtil_slurp(m.tf->path, &len);
   /* Cut at a line end well before the image's end. */
   char *nl = memchr(text + len / 2, '\n', len / 2);
   assert_int_equal(truncate(m.tf->path, (off_t)(nl - text) + 1), 0);
   free(text);
   assert_refused(&m, -1);
   img_free(&m);
}


static void a_damaged_image_is_not_used(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   size_t len;
   char *img = TestUtil_slurp(m.image, &len);
   assert_true(len > 64);
   Layout l = layout(img, len);
   /* Torn: cut anywhere, and where its parts meet (in the text, the text's
    * last page, the model's image). */
   size_t cuts[] = { l.textAt, l.textAt + 1, l.textAt + l.covered, l.bodyAt - 1, l.bodyAt,
                     l.bodyAt + 1, len - 4, len - 1 };
   for (size_t k = 0; k < 7 + sizeof cuts / sizeof *cuts; k++) {
      size_t cut = k < 7 ? k * (len / 7) : cuts[k - 7];
      write_file(m.image, img, cut);
      assert_refused(&m, -1);
   }
   /* Longer than written: bytes after its checksum. */
   char *bad = malloc(len + 1);
   memcpy(bad, img, len);
   bad[len] = 0;
   write_file(m.image, bad, len + 1);
   SessionFile *sf = open_sf(&m, 1, 1);
   assert_false(SessionFile_openedFromImage(sf));
   SessionFile_close(sf);
   /* A bit flipped in the head, the text (a NUL a replay left, a byte of a
    * note, the last byte) and the model's image: a checksum says so. */
   const char *nul = memchr(img + l.textAt, '\0', l.covered);
   assert_non_null(nul);
   const char *note = NULL;
   for (size_t i = (size_t)l.textAt; !note && i + 5 <= l.textAt + l.covered; i++)
      if (memcmp(img + i, "words", 5) == 0)
         note = img + i;
   assert_non_null(note);
   size_t flips[] = { 20, (size_t)(nul - img), (size_t)(note - img), l.textAt + l.covered - 1,
                      l.bodyAt + (len - l.bodyAt) / 2 };
   for (size_t k = 0; k < sizeof flips / sizeof *flips; k++) {
      memcpy(bad, img, len);
      bad[flips[k]] ^= 1;
      write_file(m.image, bad, len);
      sf = open_sf(&m, 1, 1);
      if (SessionFile_openedFromImage(sf))
         fail_msg("a bit flipped at byte %zu of the image was not seen", flips[k]);
      assert_int_equal(SessionFile_problemCount(sf), 0);
      assert_full_replay(&m, sf);
      SessionFile_close(sf);
   }
   /* Another format version of the file. */
   memcpy(bad, img, len);
   bad[12] ^= 0x40;
   reseal(m.image, bad, len);
   sf = open_sf(&m, 1, 1);
   assert_false(SessionFile_openedFromImage(sf));
   SessionFile_close(sf);
   /* Another build (a guard size differs in the model's image): refused by
    * the model after the file matched; the open starts again from nothing. */
   memcpy(bad, img, len);
   size_t body = (size_t)l.bodyAt;
   assert_memory_equal(bad + body, "gavel-state", 11);
   bad[body + 12 + 4] ^= 0x10;
   reseal(m.image, bad, len);
   assert_refused(&m, 0);
   /* As written, it is used again. */
   write_file(m.image, img, len);
   sf = open_sf(&m, 1, 1);
   assert_true(SessionFile_openedFromImage(sf));
   SessionFile_close(sf);
   free(bad);
   free(img);
   img_free(&m);
}

/* An image whose every check holds but one found only once the text is
 * there (a note that does not end where its line does): refused then, and
 * the file read again and replayed whole, the text the refused image wrote
 * into gone with it. */
static void an_image_refused_late_is_replayed_whole(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   /* A note that is one slice of the file: where it lies. */
   SessionFile *sf = open_sf(&m, 0, 1);
   Session *s = SessionFile_session(sf);
   uint64_t off = 0;
   uint32_t nlen = 0;
   for (size_t i = 0; i < s->floor.count && !nlen; i++) {
      const Notes *n = &s->floor.list[i].notes;
      const char *t = Notes_piece(n, 0);
      if (!Notes_piece_count(n) && Notes_len(n) > 10 && Session_holds(s, t, Notes_len(n))) {
         off = (uint64_t)(t - s->journal.held);
         nlen = (uint32_t)Notes_len(n);
      }
   }
   SessionFile_close(sf);
   assert_true(nlen > 0);
   size_t len = 0;
   char *img = TestUtil_slurp(m.image, &len);
   unsigned char pat[13];
   pat[0] = 1;
   memcpy(pat + 1, &off, 8);
   memcpy(pat + 9, &nlen, 4);
   char *at = NULL;
   for (size_t i = 0; !at && i + sizeof pat <= len; i++)
      if (memcmp(img + i, pat, sizeof pat) == 0)
         at = img + i;
   assert_non_null(at);
   uint32_t shorter = nlen - 1;
   memcpy(at + 9, &shorter, 4);
   reseal(m.image, img, len);
   free(img);
   assert_refused(&m, 0);
   img_free(&m);
}

/* The text is compared with the file, each of its NULs standing for the
 * blank before a line's seal: a NUL the replay did not put there (the blank
 * between two words of a note, where the file has the same blank) leaves
 * the file equal to the text, and only the count of NULs against the lines
 * that end in them refuses it (or, with a line's NUL put back to its blank,
 * the line not ended by a NUL); a line end where the file had that blank (a
 * seal cut off onto a line of its own, the size the same) is not the byte
 * the NUL stands for. Both: the whole file replayed. */
static void a_nul_the_replay_did_not_put_is_refused(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   size_t len = 0;
   char *img = TestUtil_slurp(m.image, &len);
   Layout l = layout(img, len);
   char *blank = NULL;
   for (size_t i = (size_t)l.textAt; !blank && i + 11 <= l.textAt + l.covered; i++)
      if (memcmp(img + i, "words words", 11) == 0)
         blank = img + i + 5;
   assert_non_null(blank);
   *blank = '\0';
   write_file(m.image, img, len);
   SessionFile *sf = open_sf(&m, 1, 1);
   assert_false(SessionFile_openedFromImage(sf));
   assert_int_equal(SessionFile_problemCount(sf), 0);
   assert_full_replay(&m, sf);
   SessionFile_close(sf);
   /* And a line's NUL put back to its blank: as many NULs as lines, but
    * one line not ended by one. */
   char *end = memchr(blank + 1, '\0', (size_t)(img + l.textAt + l.covered - blank - 1));
   assert_non_null(end);
   *end = ' ';
   write_file(m.image, img, len);
   sf = open_sf(&m, 1, 1);
   assert_false(SessionFile_openedFromImage(sf));
   assert_full_replay(&m, sf);
   SessionFile_close(sf);
   free(img);
   img_free(&m);
}

static void a_line_end_where_a_seal_was_is_refused(void **state) {
   (void)state;
   Img m;
   img_new(&m);
   warm(&m);
   size_t ilen = 0, len = 0;
   char *img = TestUtil_slurp(m.image, &ilen);
   Layout l = layout(img, ilen);
   char *text = TestUtil_slurp(m.tf->path, &len);
   const char *nul = memchr(img + l.textAt + l.covered / 2, '\0', l.covered / 2);
   assert_non_null(nul);
   size_t at = (size_t)(nul - (img + l.textAt));
   assert_int_equal(text[at], ' ');
   text[at] = '\n';
   struct stat st;
   assert_int_equal(stat(m.tf->path, &st), 0);
   write_file(m.tf->path, text, len);
   struct timespec times[2] = { st.st_atim, st.st_mtim };
   assert_int_equal(utimensat(AT_FDCWD, m.tf->path, times, 0), 0);
   assert_refused(&m, 1);
   free(text);
   free(img);
   img_free(&m);
}

/* A session of format 1 (no seals: the NULs stand for its line ends, the
 * '\r' of a CRLF file's) has an image too, and a warm open from it is the
 * full replay. */
static void unsealed_files_have_images_too(void **state) {
   (void)state;
   for (int crlf = 0; crlf < 2; crlf++) {
      Img m;
      img_new(&m);
      size_t len = 0;
      char *text = TestUtil_slurp(m.tf->path, &len);
      GvBuf b = GV_BUF_INIT;
      GvBuf_append(&b, "gavel-session 1", 15);
      GvBuf_append(&b, crlf ? "\r\n" : "\n", crlf ? 2 : 1);
      const char *p = strchr(text, '\n') + 1;
      while (*p) {
         const char *e = strchr(p, '\n');
         assert_non_null(e);
         assert_true(e - p > SESSIONSCAN_SEAL_LEN && e[-SESSIONSCAN_SEAL_LEN] == ' ');
         GvBuf_append(&b, p, (size_t)(e - p) - SESSIONSCAN_SEAL_LEN);
         GvBuf_append(&b, crlf ? "\r\n" : "\n", crlf ? 2 : 1);
         p = e + 1;
      }
      write_file(m.tf->path, b.data, b.len);
      GvBuf_free(&b);
      free(text);
      SessionFile *sf = open_sf(&m, 1, 1);
      assert_int_equal(SessionFile_problemCount(sf), 0);
      assert_int_equal(SessionFile_saveImage(sf), 1);
      SessionFile_close(sf);
      size_t ilen = 0;
      char *img = TestUtil_slurp(m.image, &ilen);
      Layout l = layout(img, ilen);
      assert_int_equal(img[40 + l.plen], crlf ? '\r' : '\n');
      free(img);
      assert_used(&m);
      img_free(&m);
   }
}

/* An image is written only when its text, each NUL read as the byte given
 * for it, is the file (its CRC): the next open compares the two. */
static void an_image_must_stand_for_its_file(void **state) {
   (void)state;
   TestFile *tf = TestFile_new("tiny.gavel");
   char cache[PATH_MAX];
   snprintf(cache, sizeof cache, "%s/cache", tf->dir);
   setenv("XDG_CACHE_HOME", cache, 1);
   const char file[] = "gavel-session 2\nabc def\nghi jkl\n";
   const char held[] = "gavel-session 2\nabc\0def\nghi\0jkl\n";
   size_t n = sizeof file - 1;
   write_file(tf->path, file, n);
   StateImageInfo in = { .covered = n, .crc = (uint32_t)SessionScan_crc(file, n), .lines = 3,
                         .sep = '\n' };
   assert_int_equal(StateImage_save(tf->path, &in, held, "body", 4), -1);
   in.sep = ' ';
   assert_int_equal(StateImage_save(tf->path, &in, held, "body", 4), 0);
   StateImageFile img;
   assert_int_equal(StateImage_open(tf->path, &img, NULL, 0), 0);
   assert_int_equal(img.info.sep, ' ');
   char *text = StateImage_mapText(&img, n);
   assert_non_null(text);
   assert_memory_equal(text, held, n);
   int fd = open(tf->path, O_RDONLY);
   size_t nuls = 0;
   uint64_t where = 0;
   assert_true(StateImage_fileEquals(&img.info, text, fd, &nuls, &where));
   assert_int_equal(nuls, 2);
   assert_true(where == SessionImage_endMix(19) + SessionImage_endMix(27));
   /* The same length, a line end where a NUL stands for a blank. */
   write_file(tf->path, "gavel-session 2\nabc\ndef\nghi jkl\n", n);
   assert_false(StateImage_fileEquals(&img.info, text, fd, &nuls, &where));
   write_file(tf->path, "gavel-session 2\nabc def\nghi jkm\n", n);
   assert_false(StateImage_fileEquals(&img.info, text, fd, &nuls, &where));
   close(fd);
   StateImage_unmapText(text, n);
   StateImage_close(&img);
   TestFile_free(tf);
}

/* The prefix an image covers ends at a line end, and its bytes are those. */
static void the_prefix_must_match(void **state) {
   (void)state;
   const char text[] = "gavel-session 2\nabc def\nghi\n";
   size_t n = strlen(text);
   StateImageInfo in = { .covered = n, .crc = (uint32_t)SessionScan_crc(text, n), .lines = 3 };
   uint32_t crc;
   assert_true(StateImage_matches(&in, text, n, &crc));
   assert_int_equal(crc, in.crc);
   /* Not at a line end, even with the right checksum. */
   in.covered = n - 2;
   in.crc = (uint32_t)SessionScan_crc(text, n - 2);
   assert_false(StateImage_matches(&in, text, n, &crc));
   /* Longer than the file. */
   in.covered = n + 1;
   assert_false(StateImage_matches(&in, text, n, &crc));
   /* One byte changed. */
   in.covered = n;
   in.crc = (uint32_t)SessionScan_crc(text, n);
   char other[sizeof text];
   memcpy(other, text, sizeof text);
   other[18] = 'x';
   assert_false(StateImage_matches(&in, other, n, &crc));
}

/* The open's checksum of a long text in two threads, and its read in two
 * halves, are the same bits as one pass. */
static void long_texts_read_and_summed_in_halves(void **state) {
   (void)state;
   size_t n = ((size_t)9 << 20) + 12345;
   char *t = malloc(n);
   uint64_t r = 88172645463325252ULL;
   for (size_t i = 0; i < n; i++) {
      r ^= r << 13;
      r ^= r >> 7;
      r ^= r << 17;
      t[i] = (char)(r >> 24);
   }
   assert_int_equal(SessionScan_crcWide(0, t, n), SessionScan_crc(t, n));
   unsigned long first = SessionScan_crc(t, 1000);
   assert_int_equal(SessionScan_crcWide(first, t + 1000, n - 1000), SessionScan_crc(t, n));
   TestFile *tf = TestFile_new("long.bin");
   FILE *f = fopen(tf->path, "wb");
   fwrite(t, 1, n, f);
   fclose(f);
   int fd = open(tf->path, O_RDONLY);
   char *buf = NULL;
   size_t len = 0;
   assert_int_equal(FileIO_readFd(fd, &buf, &len), 0);
   assert_int_equal(len, n);
   assert_memory_equal(buf, t, n);
   assert_int_equal(buf[n], '\0');
   free(buf);
   /* From where the descriptor is. */
   assert_int_equal(lseek(fd, 777, SEEK_SET), 777);
   assert_int_equal(FileIO_readFd(fd, &buf, &len), 0);
   assert_int_equal(len, n - 777);
   assert_memory_equal(buf, t + 777, n - 777);
   free(buf);
   close(fd);
   TestFile_free(tf);
   free(t);
}

/* Short sessions get no image. */
static void a_short_session_gets_none(void **state) {
   (void)state;
   TestFile *tf = TestFile_new("small.gavel");
   char cache[PATH_MAX];
   snprintf(cache, sizeof cache, "%s/cache", tf->dir);
   setenv("XDG_CACHE_HOME", cache, 1);
   Fx *f = Fx_meeting();
   char err[256];
   assert_int_equal(SessionFile_create(tf->path, f->out.data, f->out.len, NULL, err, sizeof err), 0);
   Fx_free(f);
   SessionFileOptions o = { .stateImage = 1 };
   SessionFile *sf = SessionFile_open(tf->path, &o, err, sizeof err);
   assert_non_null(sf);
   assert_int_equal(SessionFile_saveImage(sf), 0);
   SessionFile_close(sf);
   char image[PATH_MAX];
   assert_int_equal(StateImage_path(tf->path, image, sizeof image), 0);
   struct stat st;
   assert_int_not_equal(stat(image, &st), 0);
   TestFile_free(tf);
}

int main(void) {
   const struct CMUnitTest tests[] = {
      cmocka_unit_test(second_open_reads_the_image),
      cmocka_unit_test(lines_appended_by_another_are_replayed),
      cmocka_unit_test(a_change_in_the_middle_is_seen),
      cmocka_unit_test(a_long_session_summed_as_read),
      cmocka_unit_test(a_cut_file_is_replayed_whole),
      cmocka_unit_test(a_same_size_rewrite_is_seen),
      cmocka_unit_test(a_file_cut_during_the_check_is_refused),
      cmocka_unit_test(a_mapped_image_is_never_written_in_place),
      cmocka_unit_test(a_damaged_image_is_not_used),
      cmocka_unit_test(an_image_refused_late_is_replayed_whole),
      cmocka_unit_test(a_nul_the_replay_did_not_put_is_refused),
      cmocka_unit_test(a_line_end_where_a_seal_was_is_refused),
      cmocka_unit_test(unsealed_files_have_images_too),
      cmocka_unit_test(an_image_must_stand_for_its_file),
      cmocka_unit_test(the_prefix_must_match),
      cmocka_unit_test(a_short_session_gets_none),
      cmocka_unit_test(long_texts_read_and_summed_in_halves),
   };
   return cmocka_run_group_tests(tests, NULL, NULL);
}
