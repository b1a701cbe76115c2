#include "cli/archive_collect.h"

#include "cli/archive_scan.h"
#include "render/archive_digest.h"

static void ArchiveCollect_visit(void *ud, const ArchiveEntry *e, const ArchiveDigest *d) {
   ArchiveItems_addDigest(ud, e->day, e->path, e->body, d);
}

int ArchiveCollect_items(const CliEnv *env, ArchiveItems *ai) {
   ArchiveItems_init(ai);
   Archive a;
   ArchiveScan how = { .today = ArchiveCli_today(), .digest = ArchiveDigest_build,
                       .visitDigest = ArchiveCollect_visit,
                       .digest_version = ARCHIVE_DIGEST_VERSION, .digest_types = "IPR", .ud = ai };
   if (ArchiveCli_scan(env, &a, &how) != 0)
      return -1;
   ArchiveCli_reportProblems(env, &a);
   Archive_free(&a);
   if (!ArchiveItems_finish(ai)) {
      Cli_fail(env, "out of memory");
      return -1;
   }
   return 0;
}
