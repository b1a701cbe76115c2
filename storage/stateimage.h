/* The state image of a session on disk (model/session_image.h): a cache, the
 * meeting as the replay of the session file's first bytes left it, so that
 * the live screen opens a long session without replaying them. Never the
 * only copy of anything: deleting it costs one full replay.
 *
 *   $XDG_CACHE_HOME/gavel/state/HASH.image   (default ~/.cache/gavel/...)
 *
 * HASH is FNV-1a of the session's real path; the path is inside too. The
 * file: "gavel-image\n", its format version, the length N of the journal
 * prefix it covers, the CRC-32 of those N bytes and their line count, the
 * path, the byte the text's NULs stand for (4 bytes), where the text and
 * the model's image start and the image's length; then, each from a page
 * boundary, the text (the N bytes as the session holds them after their
 * replay: each line ended by a NUL), and the model's image; last the
 * CRC-32 of the head and the model's image (the text has none: it is
 * compared with the session file itself). The text is mapped as the
 * session's held text at the next open, so the file is never cut or
 * written in place:
 * folder 0700, file 0600, written aside and renamed into place (no sync: a
 * torn image fails its checksums and is only ignored). */
#ifndef GAVEL_STORAGE_STATEIMAGE_H
#define GAVEL_STORAGE_STATEIMAGE_H

#include <stddef.h>
#include <stdint.h>

typedef struct StateImageInfo {
   size_t covered;      /* N: bytes of the session file it stands for */
   uint32_t crc;        /* CRC-32 (zlib's) of those bytes */
   long lines;          /* lines in them, the header included */
   char sep;            /* the byte each NUL of the image's text stands for: the
                           blank before a line's seal, or its line end */
} StateImageInfo;

/* The image file of the session at sessionPath (its real path hashed).
 * 0, or -1 when there is no cache folder (no $HOME) or the name is too long. */
int StateImage_path(const char *sessionPath, char *buf, size_t n);

/* An image file as read: mapped, not copied. */
typedef struct StateImageFile {
   StateImageInfo info;
   const char *body;    /* the model's image (model/session_image.h) */
   size_t bodyLen;
   void *map;           /* the model's image and the checksum after it, read-only */
   size_t mapLen;
   void *head;          /* the head, up to the text, read-only */
   size_t headLen;
   int fd;              /* the file, for its text (StateImage_mapText); -1 when closed */
   uint64_t textAt;     /* where the text starts in it */
} StateImageFile;

/* Reads the image of sessionPath into img (StateImage_close it). -1 when
 * there is none, or it is torn, damaged, another format's or another
 * session's (why says which, if why); img then holds nothing. */
int StateImage_load(const char *sessionPath, StateImageFile *img, char *why, size_t whylen);
/* The same in two steps: StateImage_open maps it and checks its header
 * only; StateImage_verify (1 or 0) then checks the checksum of the whole
 * (by another thread, while the session file is read). Nothing in an image
 * opened is to be trusted before it verified. */
int StateImage_open(const char *sessionPath, StateImageFile *img, char *why, size_t whylen);
int StateImage_verify(const StateImageFile *img);
void StateImage_close(StateImageFile *img);

/* The image's text, mapped (copy on write) at the start of len + 1 bytes
 * of memory (len >= N, the session file's length); the rest, from byte N,
 * is zeros, for the file's bytes after N. NULL when it cannot be mapped.
 * Nothing in it is to be trusted before StateImage_fileEquals. */
char *StateImage_mapText(const StateImageFile *img, size_t len);
/* Gives back what StateImage_mapText returned (len as given to it); for
 * Session_hold_text_with. */
void StateImage_unmapText(char *text, size_t len);
/* Does the session file open on fd begin with the N bytes info covers,
 * and are they text[0..N) (StateImage_mapText's) with each NUL put back to
 * info->sep (the N-th a line end)? Read with pread through a small buffer
 * and compared with the text, the file offset untouched; a file shorter
 * than N (cut meanwhile) or a read error is a no. *nuls gets the number of
 * NULs in the text, *where the sum of SessionImage_endMix of their offsets:
 * the caller checks that they are the ends of the image's lines (a NUL
 * damaged into the text where the file has sep is seen only so).
 * Equal, the file is the one the image was written from (the image's
 * writer checked its text against the file's CRC) and the text is sound,
 * with no CRC of either summed here. 1/0. */
int StateImage_fileEquals(const StateImageInfo *info, const char *text, int fd, size_t *nuls,
                          uint64_t *where);

/* Is there a folder for images (made if missing)? 0, or -1: then no image
 * is worth building. */
int StateImage_folder(void);

/* Writes it (replacing any), through a temporary renamed into place: text
 * the N = info->covered bytes of the session's held text, body the model's
 * image. 0 or -1; -1 too when the text with its NULs read as info->sep does
 * not have the CRC info->crc (then the next open could not compare it). */
int StateImage_save(const char *sessionPath, const StateImageInfo *info, const char *text,
                    const char *body, size_t bodyLen);

/* Does text[0..len) (a session file just read) begin with the bytes info
 * covers: at least N bytes, the N-th a line end, the same CRC-32? *crc gets
 * the CRC of the N bytes. */
int StateImage_matches(const StateImageInfo *info, const char *text, size_t len, uint32_t *crc);
/* The same with the CRC of text's first info->covered bytes already known
 * (summed as they were read). */
int StateImage_matchesSummed(const StateImageInfo *info, const char *text, size_t len,
                             uint32_t crc);

#endif
