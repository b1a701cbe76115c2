#include "render/zip.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* MS-DOS date and time of every member: 1980-01-01 00:00:00. */
enum { ZIP_DOS_TIME = 0, ZIP_DOS_DATE = (0 << 9) | (1 << 5) | 1 };

static void Zip_u16(Buf *b, unsigned v) {
   char c[2] = { (char)(v & 0xFF), (char)((v >> 8) & 0xFF) };
   Buf_addn(b, c, 2);
}

static void Zip_u32(Buf *b, uint32_t v) {
   char c[4] = { (char)(v & 0xFF), (char)((v >> 8) & 0xFF), (char)((v >> 16) & 0xFF),
                 (char)((v >> 24) & 0xFF) };
   Buf_addn(b, c, 4);
}

void Zip_init(Zip *z, FILE *out) {
   memset(z, 0, sizeof *z);
   z->out = out;
   GvBuf_init(&z->central);
}

void Zip_begin(Zip *z, const char *name) {
   ZipMember *m = &z->m;
   memset(m, 0, sizeof *m);
   GvBuf_init(&m->packed);
   m->crc = (uint32_t)crc32(0L, Z_NULL, 0);
   if (z->failed)
      return;
   m->name = strdup(name);
   z_stream *zs = calloc(1, sizeof *zs);
   if (!m->name || !zs)
      abort();
   if (deflateInit2(zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
       Z_OK) {
      free(zs);
      z->failed = 1;
      return;
   }
   m->zs = zs;
}

/* Feeds data to the deflate stream, the compressed bytes to packed. */
static void Zip_pump(Zip *z, const void *data, size_t len, int flush) {
   ZipMember *m = &z->m;
   z_stream *zs = m->zs;
   unsigned char chunk[16384];
   zs->next_in = (Bytef *)(uintptr_t)data;
   zs->avail_in = (uInt)len;
   for (;;) {
      zs->next_out = chunk;
      zs->avail_out = sizeof chunk;
      int rc = deflate(zs, flush);
      if (rc == Z_STREAM_ERROR) {
         z->failed = 1;
         return;
      }
      Buf_addn(&m->packed, (const char *)chunk, sizeof chunk - zs->avail_out);
      if (flush == Z_FINISH ? rc == Z_STREAM_END : zs->avail_out != 0)
         return;
   }
}

void Zip_write(Zip *z, const void *data, size_t len) {
   ZipMember *m = &z->m;
   if (z->failed || !m->zs || len == 0)
      return;
   /* what the 32-bit fields and zlib's uInt can hold */
   if (len >= UINT32_MAX - m->len || len > UINT_MAX) {
      z->failed = 1;
      return;
   }
   m->crc = (uint32_t)crc32(m->crc, (const Bytef *)data, (uInt)len);
   m->len += len;
   Zip_pump(z, data, len, Z_NO_FLUSH);
}

void Zip_end(Zip *z) {
   ZipMember *m = &z->m;
   size_t nameLen = m->name ? strlen(m->name) : 0;
   if (!z->failed && m->zs)
      Zip_pump(z, NULL, 0, Z_FINISH);
   if (m->zs) {
      deflateEnd(m->zs);
      free(m->zs);
   }
   size_t packedLen = m->packed.len;
   if (z->failed || !m->zs || nameLen > 0xFFFF || z->count >= 0xFFFF ||
       packedLen >= UINT32_MAX || z->offset + 30 + nameLen + packedLen >= UINT32_MAX) {
      z->failed = 1;
      free(m->name);
      Buf_free(&m->packed);
      memset(m, 0, sizeof *m);
      return;
   }
   const char *name = m->name;

   /* The fields both headers share, from "version needed" to the name length. */
   Buf common = BUF_INIT;
   Zip_u16(&common, 20);  /* version needed: 2.0, deflate */
   Zip_u16(&common, 0);   /* flags: sizes in the header, no data descriptor */
   Zip_u16(&common, 8);   /* method: deflate */
   Zip_u16(&common, ZIP_DOS_TIME);
   Zip_u16(&common, ZIP_DOS_DATE);
   Zip_u32(&common, m->crc);
   Zip_u32(&common, (uint32_t)packedLen);
   Zip_u32(&common, (uint32_t)m->len);
   Zip_u16(&common, (unsigned)nameLen);
   Zip_u16(&common, 0);   /* extra field length */

   Buf local = BUF_INIT;
   Zip_u32(&local, 0x04034b50);
   Buf_addn(&local, common.data, common.len);
   Buf_addn(&local, name, nameLen);
   fwrite(local.data, 1, local.len, z->out);
   if (packedLen > 0)
      fwrite(m->packed.data, 1, packedLen, z->out);

   Zip_u32(&z->central, 0x02014b50);
   Zip_u16(&z->central, 20);  /* made by: MS-DOS attributes, version 2.0 */
   Buf_addn(&z->central, common.data, common.len);
   Zip_u16(&z->central, 0);   /* comment length */
   Zip_u16(&z->central, 0);   /* disk number */
   Zip_u16(&z->central, 0);   /* internal attributes */
   Zip_u32(&z->central, 0);   /* external attributes */
   Zip_u32(&z->central, (uint32_t)z->offset);
   Buf_addn(&z->central, name, nameLen);

   z->offset += local.len + packedLen;
   z->count++;
   Buf_free(&local);
   Buf_free(&common);
   free(m->name);
   Buf_free(&m->packed);
   memset(m, 0, sizeof *m);
}

void Zip_add(Zip *z, const char *name, const void *data, size_t len) {
   Zip_begin(z, name);
   Zip_write(z, data, len);
   Zip_end(z);
}

int Zip_finish(Zip *z) {
   int rc = z->failed ? -1 : 0;
   if (rc == 0 && z->offset + z->central.len < UINT32_MAX) {
      Buf end = BUF_INIT;
      Zip_u32(&end, 0x06054b50);
      Zip_u16(&end, 0);  /* this disk */
      Zip_u16(&end, 0);  /* the disk with the central directory */
      Zip_u16(&end, (unsigned)z->count);
      Zip_u16(&end, (unsigned)z->count);
      Zip_u32(&end, (uint32_t)z->central.len);
      Zip_u32(&end, (uint32_t)z->offset);
      Zip_u16(&end, 0);  /* comment length */
      if (z->central.len > 0)
         fwrite(z->central.data, 1, z->central.len, z->out);
      fwrite(end.data, 1, end.len, z->out);
      Buf_free(&end);
   } else {
      rc = -1;
   }
   Buf_free(&z->central);
   return rc;
}
