/* A digest: what a summary of a session keeps, as records of strings whose
 * meaning the builder gives (render/archive_digest.h). The archive cache
 * (storage/archive.h) stores digests and hands them back without replaying
 * the session. Pure data: no I/O. */
#ifndef GAVEL_MODEL_DIGEST_H
#define GAVEL_MODEL_DIGEST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ArchiveRecord {
   char type;             /* the builder's record kind: 'I', 'A', ... */
   size_t nfields;
   char **fields;         /* nfields strings, then NULL; one allocation */
} ArchiveRecord;

typedef struct ArchiveDigest {
   ArchiveRecord *recs;
   size_t count, cap;
} ArchiveDigest;

/* Appends a record of n fields (NULL reads as ""). false on ENOMEM. */
bool ArchiveDigest_add(ArchiveDigest *d, char type, size_t n, const char *const *fields);
/* Room for one more record (d->recs[d->count]), for a reader that fills it
 * itself in one allocation; NULL on ENOMEM. */
ArchiveRecord *ArchiveDigest_grow(ArchiveDigest *d);
void ArchiveDigest_free(ArchiveDigest *d);

#endif
