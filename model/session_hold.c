/* A session opened from a file holds the file's text: the journal keeps the
 * lines replayed from it as slices of it rather than a second copy. */
#include "model/session.h"

bool Session_hold_text(Session *s, char *text, size_t len) {
   return Journal_hold(&s->journal, text, len);
}
