/* A session opened from a file holds the file's text: the journal keeps the
 * lines replayed from it as slices of it rather than a second copy, and the
 * interventions the notes read from it (model/floor.h). */
#include "model/session.h"

#include <stdint.h>

bool Session_hold_text(Session *s, char *text, size_t len) {
   return Journal_hold(&s->journal, text, len);
}

bool Session_hold_text_with(Session *s, char *text, size_t len,
                            void (*release)(char *text, size_t len)) {
   return Journal_hold_with(&s->journal, text, len, release);
}
