/* Names and generic messages of the status codes, from the one list. */
#include "model/status.h"

static const char *const Status_messages[] = {
#define GV_STATUS_TEXT(name, text) text,
   GV_STATUS_LIST(GV_STATUS_TEXT)
#undef GV_STATUS_TEXT
};

static const char *const Status_names[] = {
#define GV_STATUS_NAME(name, text) #name,
   GV_STATUS_LIST(GV_STATUS_NAME)
#undef GV_STATUS_NAME
};

const char *GvStatus_message(GvStatus st) {
   if ((unsigned)st >= GV_STATUS_COUNT)
      return "unknown status";
   return Status_messages[st];
}

const char *GvStatus_name(GvStatus st) {
   if ((unsigned)st >= GV_STATUS_COUNT)
      return "UNKNOWN";
   return Status_names[st];
}
