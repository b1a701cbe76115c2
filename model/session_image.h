/* A session's replayed state as bytes: what opening a long session would
 * otherwise rebuild line by line, written once and read back in one pass
 * (storage/stateimage.c keeps it on disk, beside a hash of the file it
 * stands for). It holds what model/session_copy.c copies (meta, roster,
 * agenda, floor, records, clock) and the journal: lines and notes that are
 * slices of the held text become offsets into it; copies and text of their
 * own are written out. Undo checkpoints are not: an undo after a read
 * rebuilds from the journal, as after a load that took none.
 *
 * The bytes are this build's (native byte order and sizes, checked by a
 * guard): a cache, never an exchange format. */
#ifndef GAVEL_MODEL_SESSION_IMAGE_H
#define GAVEL_MODEL_SESSION_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/buf.h"
#include "model/session.h"

/* The image's own version: one more at every change of what it holds. */
#define GV_IMAGE_VERSION 1

/* Appends the image of s to out. False when s cannot be imaged (it is
 * loading, or a note lies in text the session does not own or hold) or
 * out of memory. */
bool SessionImage_write(const Session *s, GvBuf *out);

/* Reads image[0..len) into s, a fresh session (Session_new) that holds the
 * text (Session_hold_text) whose first `covered` bytes are the ones the
 * image was written from: the lines and notes it names there become slices
 * of it again (the byte after each line a NUL, as a replay leaves it). Any
 * damage (a cut, an offset or index out of range, another build's image) is
 * refused: false, with msg saying what; s must then be freed (its held text
 * may have NULs in it). */
bool SessionImage_read(Session *s, const void *image, size_t len, size_t covered, char *msg,
                       size_t msglen);

/* The same in two steps, for a text still being read meanwhile (by another
 * thread): SessionImage_readAhead reads the image into s, whose held text
 * it neither reads nor writes (it only places the lines and notes in it);
 * once text[0..covered) is all there, SessionImage_settle ends the lines
 * with NULs and checks the notes (false: refused, s must be freed, its text
 * may have NULs in it). Both free pending, or leave none on failure.
 * SessionImage_abandon gives up between the two: it frees s (and pending)
 * but not the text it holds, which stays the caller's, untouched. */
typedef struct SessionImagePending SessionImagePending;
bool SessionImage_readAhead(Session *s, const void *image, size_t len, size_t covered,
                            SessionImagePending **pending, char *msg, size_t msglen);
bool SessionImage_settle(Session *s, SessionImagePending *pending, char *msg, size_t msglen);
/* Instead of SessionImage_settle, for a text that must not be written nor
 * even read here (a mapping shared with the page cache, written by a
 * replay before, compared meanwhile by another thread): *ends gets the
 * number of lines that lie in the text and *where the sum of
 * SessionImage_endMix of their ends, the offsets where their NULs must be;
 * false when a note does not end where a line does. The caller checks that
 * the text's NULs are those (their count and sum), and only then uses s.
 * Frees pending. */
bool SessionImage_settleShared(Session *s, SessionImagePending *pending, size_t *ends,
                               uint64_t *where);
/* The offset `at` of a NUL, mixed: summed over a set of offsets, it tells
 * one set from another. */
uint64_t SessionImage_endMix(uint64_t at);
void SessionImage_abandon(Session *s, SessionImagePending *pending);

#endif
