/* A deliberate edit by hand, sealed again (gavel check --accept). */
#ifndef GAVEL_STORAGE_SESSION_ACCEPT_H
#define GAVEL_STORAGE_SESSION_ACCEPT_H

#include <stddef.h>

#include "storage/fileio.h"

/* gavel check --accept: seals every line of the session at path again
 * (a deliberate edit by hand), in format 2: a line's last field is taken as
 * its old seal when it has the shape of one (a space and 8 lower-case hex
 * digits). Takes the write lock (refused while another gavel writes), keeps
 * a torn last line as it is, and replaces the file atomically with the same
 * mode, owner and group. *resealed gets the number of lines whose seal was
 * missing or wrong. 0, or -1 with err (the file unchanged). */
int SessionAccept_seal(const char *path, const FileIO *io, size_t *resealed, char *err,
                       size_t errlen);

#endif
