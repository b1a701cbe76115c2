/* A minimal ZIP writer for document containers (.docx): each member is
 * deflated in memory and written at once with its sizes and CRC-32 in the
 * local header, so the output need not be seekable (a pipe will do). Every
 * member carries the same fixed timestamp (1980-01-01 00:00, the earliest
 * ZIP can say), so the same content gives the same bytes. No ZIP64: a
 * member or the whole archive over 4 GiB is refused. */
#ifndef GAVEL_RENDER_ZIP_H
#define GAVEL_RENDER_ZIP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "render/buf.h"

typedef struct Zip {
   FILE *out;
   Buf central;      /* the central directory, written by Zip_finish */
   uint64_t offset;  /* bytes written so far: the next local header's offset */
   size_t count;
   int failed;       /* too large, too many members, or a deflate error */
} Zip;

void Zip_init(Zip *z, FILE *out);

/* Writes name (ASCII, '/' between folders) holding len bytes of data. */
void Zip_add(Zip *z, const char *name, const void *data, size_t len);

/* Writes the central directory and its end record and frees what Zip
 * holds. 0, or -1 when a member could not be written (the FILE's own
 * errors are the caller's to check with ferror). */
int Zip_finish(Zip *z);

#endif
