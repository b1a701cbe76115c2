/* A minimal ZIP writer for document containers (.docx): each member is
 * deflated in memory as it comes (only its compressed bytes are held) and
 * written once complete with its sizes and CRC-32 in the local header, so
 * the output need not be seekable (a pipe will do). Every
 * member carries the same fixed timestamp (1980-01-01 00:00, the earliest
 * ZIP can say), so the same content gives the same bytes. No ZIP64: a
 * member or the whole archive over 4 GiB is refused. */
#ifndef GAVEL_RENDER_ZIP_H
#define GAVEL_RENDER_ZIP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "render/buf.h"

typedef struct ZipMember {
   char *name;
   void *zs;         /* the deflate stream (z_stream) */
   Buf packed;       /* the compressed bytes so far */
   uint64_t len;     /* the uncompressed bytes so far */
   uint32_t crc;
} ZipMember;

typedef struct Zip {
   FILE *out;
   Buf central;      /* the central directory, written by Zip_finish */
   uint64_t offset;  /* bytes written so far: the next local header's offset */
   size_t count;
   int failed;       /* too large, too many members, or a deflate error */
   ZipMember m;      /* the member being written (Zip_begin .. Zip_end) */
} Zip;

void Zip_init(Zip *z, FILE *out);

/* Writes name (ASCII, '/' between folders) holding len bytes of data. */
void Zip_add(Zip *z, const char *name, const void *data, size_t len);

/* The same a piece at a time: Zip_begin, any number of Zip_write, Zip_end
 * (the same bytes as Zip_add of the whole). One member at a time. */
void Zip_begin(Zip *z, const char *name);
void Zip_write(Zip *z, const void *data, size_t len);
void Zip_end(Zip *z);

/* Writes the central directory and its end record and frees what Zip
 * holds. 0, or -1 when a member could not be written (the FILE's own
 * errors are the caller's to check with ferror). */
int Zip_finish(Zip *z);

#endif
