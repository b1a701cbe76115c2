/* The small pieces of English that documents are made of. */
#ifndef GAVEL_RENDER_PHRASE_H
#define GAVEL_RENDER_PHRASE_H

#include <stddef.h>

#include "render/buf.h"

/* "31 May 2017" from an ISO date "2017-05-31" (a longer string such as
 * "2017-05-31T10:00:00" reads its date part). Anything else is copied. */
void Phrase_date(Buf *out, const char *iso);

/* "One" .. "Twenty" (capital) or "one" .. "twenty"; 21 and more as digits. */
void Phrase_count(Buf *out, size_t n, int capital);

/* "HU", "HU and EE", "DE, ES and HU" with last = " and ";
 * "DE, ES, HU" with last = ", ". */
void Phrase_join(Buf *out, const char *const *items, size_t n, const char *last);

/* Upper-cases the first letter (ASCII) of the text from offset on. */
void Phrase_capitalise(Buf *b, size_t offset);

#endif
