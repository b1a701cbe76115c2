/* Status codes of the model: one X-macro list gives the enum, the names and
 * the generic messages, so they can never drift apart. The precise one-line
 * reason for a refusal ("unknown delegation 'XX'") goes into the caller's
 * msg buffer; GvStatus_message() is the fallback text. */
#ifndef GAVEL_MODEL_STATUS_H
#define GAVEL_MODEL_STATUS_H

#define GV_STATUS_LIST(X) \
   X(OK,             "done") \
   X(NOMEM,          "out of memory") \
   X(EMPTY,          "empty command") \
   X(UNKNOWN_CMD,    "unknown command") \
   X(USAGE,          "wrong arguments") \
   X(BAD_VALUE,      "invalid value") \
   X(BAD_QUOTE,      "unterminated quote") \
   X(BAD_UTF8,       "text is not valid UTF-8") \
   X(BAD_DATE,       "invalid date") \
   X(BAD_TIME,       "invalid time") \
   X(BAD_DOCREF,     "invalid document reference") \
   X(NO_DELEGATION,  "unknown delegation") \
   X(NO_ITEM,        "no such item") \
   X(NO_CURRENT,     "no item is taken up") \
   X(NO_SPEAKER,     "nobody has the floor") \
   X(QUEUE_EMPTY,    "the queue is empty") \
   X(DUPLICATE,      "already there") \
   X(NOT_FOUND,      "not found") \
   X(AMBIGUOUS,      "ambiguous") \
   X(STATE,          "not possible in this state") \
   X(ROSTER,         "the roster could not be loaded") \
   X(NOTHING_UNDO,   "nothing to undo") \
   X(NOTHING_REDO,   "nothing to redo") \
   X(BAD_LINE,       "malformed journal line") \
   X(BAD_HEADER,     "not a gavel session")

typedef enum GvStatus {
#define GV_STATUS_ENUM(name, text) GV_##name,
   GV_STATUS_LIST(GV_STATUS_ENUM)
#undef GV_STATUS_ENUM
   GV_STATUS_COUNT
} GvStatus;

/* "unknown delegation"; never NULL. */
const char *GvStatus_message(GvStatus st);
/* "NO_DELEGATION"; never NULL. */
const char *GvStatus_name(GvStatus st);

#endif
