/* SESSION.torn: where a writable open puts the torn tail of a session (a
 * crash mid-append) before it cuts the session back. Bounded: it keeps the
 * newest TORNFILE_KEEP pieces within TORNFILE_MAX_BYTES (the newest piece
 * always whole), and `gavel check` lists every piece it holds. Each piece
 * is preceded by one line
 *
 *   # set aside from line N at YYYY-MM-DDTHH:MM:SS (B bytes)
 *
 * The file is replaced atomically (temporary, fsync, rename, folder fsync),
 * never opened through a symbolic link, and lives beside the real session
 * file (a symlinked session path is resolved first). */
#ifndef GAVEL_STORAGE_TORNFILE_H
#define GAVEL_STORAGE_TORNFILE_H

#include <stddef.h>

#include "storage/fileio.h"

#define TORNFILE_KEEP 16
#define TORNFILE_MAX_BYTES (1024 * 1024)
#define TORNFILE_MARK "# set aside "

/* The .torn path of a session: beside the file that path names (symbolic
 * links resolved), into out. 0, or -1 (too long). */
int TornFile_path(const char *session, char *out, size_t outlen);

/* Adds piece[0..len) (the torn bytes, from session line lineno; at is the
 * local time as text) to torn, dropping the oldest pieces beyond the bound,
 * and syncs the file and its folder. 0, or -1 with why (errno kept). */
int TornFile_add(const FileIO *io, const char *torn, const char *piece, size_t len, long lineno,
                 const char *at, char *why, size_t whylen);

/* Calls report(ud, line) for each piece kept in torn, with its header line
 * ("TORN:K: set aside from line N at ... (B bytes)"). The number of pieces;
 * 0 when there is no file; -1 when it cannot be read (why says so). */
int TornFile_list(const char *torn, void (*report)(void *ud, const char *line), void *ud,
                  char *why, size_t whylen);

#endif
