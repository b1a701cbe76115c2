/* House style files (styles/NAME.ini): every choice where the Secretariat's
 * documents differ (model/style.h; doc/gavel-styles.5). A file sets the keys
 * it likes; the others keep the council style's values.
 *
 *   [style]
 *   description = The Council Secretariat's outcome of proceedings
 *
 *   [document]
 *   numbering = numeric
 *   also-took-the-floor = protocol
 *
 * A NAME is looked up first in $XDG_CONFIG_HOME/gavel/styles/NAME.ini (the
 * user's own, default ~/.config/gavel/styles), then as styles/NAME.ini in the
 * data folders (storage/paths.h); a PATH is read as it is. */
#ifndef GAVEL_STORAGE_STYLE_FILE_H
#define GAVEL_STORAGE_STYLE_FILE_H

#include <stddef.h>

#include "model/style.h"
#include "storage/paths.h"

/* Parses buf[0..len) read from the file called name into st (which keeps
 * its values where the file is silent or wrong). Returns 0, or -1 with every
 * problem in *errors as "name:line: message\n..." (free it). */
int StyleFile_parse(const char *buf, size_t len, const char *name, Style *st, char **errors);

/* Loads the style NAME or the file at PATH over the council defaults. 0, or
 * -1 with *errors (free it): not found, or the file's problems. */
int StyleFile_load(const char *name_or_path, const PathsHint *hint, Style *st, char **errors);

#endif
