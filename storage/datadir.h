/* Where sessions live and what they are called.
 *
 *   -D DIR given      DIR/sessions/
 *   else              $XDG_DATA_HOME/gavel/sessions/   ($XDG_DATA_HOME defaults to ~/.local/share)
 *
 * -D DIR stands for the whole gavel data folder ($XDG_DATA_HOME/gavel), so a
 * -D folder has the same layout as the default one.
 * Session files are named YYYY-MM-DD-slug.gavel; a taken name gets -2, -3, ... */
#ifndef GAVEL_STORAGE_DATADIR_H
#define GAVEL_STORAGE_DATADIR_H

#include <stddef.h>

/* The sessions folder for the -D override (NULL for none) into buf.
 * 0, or -1 with err (no HOME and no XDG_DATA_HOME, or too long). */
int DataDir_sessions(const char *override, char *buf, size_t n, char *err, size_t errlen);

/* Writes the slug of title into buf: lower-case ASCII letters and digits,
 * other runs become one '-', at most 40 characters; "session" if empty. */
void DataDir_slug(const char *title, char *buf, size_t n);

/* A free path DIR/DATE-SLUG.gavel (or -2, -3 ...) into buf. date is
 * YYYY-MM-DD. 0, or -1 with err. Only a name: the caller creates the file
 * with O_EXCL and asks again if it lost a race. */
int DataDir_newPath(const char *dir, const char *date, const char *title, char *buf, size_t n,
                    char *err, size_t errlen);

/* The file a SESSION argument means: a path as given when it names a file or
 * contains a '/'; else DIR/NAME, else DIR/NAME.gavel. 0, or -1 with err. */
int DataDir_resolve(const char *dir, const char *name, char *buf, size_t n, char *err,
                    size_t errlen);

#endif
