/* Where `render -o` and `actions -o` put a document. What the path names
 * decides how (see gavel(1), OUTPUT FILES):
 *
 *   nothing yet, or a regular file   replaced atomically (temporary file in
 *                                    the same folder, fsync, rename, folder
 *                                    fsync); an existing file keeps its
 *                                    mode and group, a new one is 0600
 *   a symbolic link (last part)      refused: the link is never followed,
 *                                    so a planted link cannot aim the
 *                                    export at another file; except a link
 *                                    to a character device or a FIFO
 *                                    (/dev/stdout to a terminal or pipe)
 *   /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N
 *                                    written into that open descriptor
 *   a character device or a FIFO     written straight into it (/dev/null,
 *                                    a terminal, a pipe); never replaced
 *   a folder, socket, block device   refused
 */
#ifndef GAVEL_STORAGE_EXPORTFILE_H
#define GAVEL_STORAGE_EXPORTFILE_H

#include <stddef.h>
#include <stdio.h>

#include "storage/fileio.h"

/* Writes buf[0..len) to path as above. 0, or -1 with err saying what
 * failed and that nothing was replaced. */
int ExportFile_write(const FileIO *io, const char *path, const char *buf, size_t len,
                     char *err, size_t errlen);

/* The same, the bytes written by fill into out as they are composed, so a
 * large document is never held whole in memory; a regular file is still
 * replaced only by a complete, synced copy. fill returns 0, or -1 when it
 * could not compose the document: then nothing is replaced (a device or a
 * FIFO may have had part of it). Write errors are out's (ferror). */
typedef int (*ExportFile_fill)(FILE *out, void *ctx);
int ExportFile_writeWith(const FileIO *io, const char *path, ExportFile_fill fill, void *ctx,
                         char *err, size_t errlen);

#endif
