#include "storage/archive_done.h"

#include <stdio.h>
#include <string.h>

#include "storage/archive.h"
#include "storage/sessionfile.h"

int ArchiveDone_mark(const char *datadir, const char *id, char *path, size_t pathlen, char *msg,
                     size_t msglen) {
   if (Archive_findAction(datadir, id, path, pathlen, msg, msglen) != 0)
      return -1;
   SessionFileOptions opts = { .io = NULL, .readOnly = 0, .datadir = datadir };
   SessionFile *sf = SessionFile_open(path, &opts, msg, msglen);
   if (!sf)
      return -1;
   int rc = -1;
   if (SessionFile_readOnly(sf)) {
      snprintf(msg, msglen, "action %s not marked: %s", id, SessionFile_readOnlyReason(sf));
   } else {
      char line[160];
      snprintf(line, sizeof line, "done %s", id);
      if (SessionFile_run(sf, line, msg, msglen) == SESSIONFILE_DONE)
         rc = 0;
   }
   SessionFile_close(sf);
   return rc;
}
