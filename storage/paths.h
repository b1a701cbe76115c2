/* Where gavel's shipped data files are: rosters, themes, agendas.
 *
 * A NAME is looked up as SUB/NAME.ini in these folders, first found wins:
 *   1. $GAVEL_DATADIR                     (a data folder given by hand)
 *   2. the user's data folder: the -D DIR override if given, else
 *      $XDG_DATA_HOME/gavel               (default ~/.local/share/gavel)
 *   3. the running binary's folder, then its parent
 *                                         (a build tree: ./gavel and ./rosters)
 *   4. ../share/gavel beside the binary   (an installed tree, relocatable)
 *   5. the compiled-in GAVEL_DATADIR      (PREFIX/share/gavel)
 * The binary is found through /proc/self/exe, else argv0 if it has a '/'. */
#ifndef GAVEL_STORAGE_PATHS_H
#define GAVEL_STORAGE_PATHS_H

#include <stddef.h>
#include <stdint.h>

/* Is arg a path rather than a name? (it has a '/' or ends in ".ini") */
int Paths_isPath(const char *arg);

/* Where to look besides the fixed places; both may be NULL. */
typedef struct PathsHint {
   const char *argv0;   /* argv[0], used when /proc/self/exe is missing */
   const char *datadir; /* the -D DIR override of $XDG_DATA_HOME/gavel */
} PathsHint;

/* The file SUB/NAME.ini (sub: "rosters", "themes", "agendas") into buf.
 * hint may be NULL. 0, or -1 with err naming every folder tried. */
int Paths_findData(const char *sub, const char *name, const PathsHint *hint, char *buf,
                   size_t n, char *err, size_t errlen);

/* The i-th folder of the search order for SUB into buf (i from 0): 0, or -1
 * when there are no more. Folders that cannot exist are skipped. */
int Paths_dataDir(int i, const char *sub, const PathsHint *hint, char *buf, size_t n);

/* The user's folders of the XDG base directories. */
typedef enum PathsUser { PATHS_DATA, PATHS_CONFIG, PATHS_CACHE } PathsUser;

/* $XDG_DATA_HOME, $XDG_CONFIG_HOME or $XDG_CACHE_HOME, then "/gavel", then
 * "/SUB" unless sub is "" or NULL, into buf; without the variable (or with a
 * relative value, which the XDG spec says to ignore) under $HOME:
 * .local/share, .config, .cache. 0, or -1 when neither is set or the path
 * does not fit. */
int Paths_user(PathsUser which, const char *sub, char *buf, size_t n);

/* FNV-1a of a text: names a cache file after a path. */
uint64_t Paths_hash(const char *text);

#endif
