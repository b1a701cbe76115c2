/* Council document references. Council numbers are checked strictly:
 *   ST 10876/17   10876/17   CM 2622/1/17 REV 1   WK 4977/17 INIT
 *   WK 10837/2020 INIT   12104/18 ADD 2   7923/1/17 REV 1 COR 1
 * Anything that does not start with a series (ST CM WK SN DS) or a digit, or
 * that holds a parenthesis, is a free reference, kept verbatim:
 * "JOIN(2017) 450 final", "2017/0225(COD)", "non-paper". A list of Council
 * numbers is one reference too: "10279/02 + REV 1", "7923/17 + COR 1",
 * "8946/17, 8947/17 and WK 4977/17" (the fields are the first one's). */
#ifndef GAVEL_MODEL_DOCREF_H
#define GAVEL_MODEL_DOCREF_H

#include <stdbool.h>
#include <stddef.h>

#include "model/status.h"

typedef enum GvDocRefKind {
   GV_DOCREF_COUNCIL,
   GV_DOCREF_FREE,
} GvDocRefKind;

typedef struct DocRef {
   GvDocRefKind kind;
   char series[4];       /* "ST" "CM" "WK" "SN" "DS", or "" when not written */
   unsigned long number; /* 10876 */
   unsigned revision;    /* the middle number of 2622/1/17, else 0 */
   unsigned year;        /* as written: 17 or 2020 */
   unsigned rev;         /* REV n, else 0 */
   unsigned add;         /* ADD n, else 0 */
   unsigned cor;         /* COR n, else 0 */
   bool init;            /* INIT */
   char *text;           /* canonical text: "CM 2622/1/17 REV 1"; free refs verbatim */
} DocRef;

/* Parses s[0..n) (surrounding blanks ignored). On success *ref owns its text
 * (DocRef_free it); on refusal GV_BAD_DOCREF and msg names the problem. */
GvStatus DocRef_parse(const char *s, size_t n, DocRef *ref, char *msg, size_t msglen);
void DocRef_free(DocRef *ref);
bool DocRef_copy(DocRef *dst, const DocRef *src);

#endif
