/* House style keys and their values. */
#include "model/style.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

void Style_default(Style *st) {
   memset(st, 0, sizeof *st);
   st->numbering = GV_NUMBERING_NUMERIC;
   st->also_order = STYLE_ORDER_PROTOCOL;
   st->item_documents = true;
   st->deadline_joins = true;
   snprintf(st->heading_mark, sizeof st->heading_mark, "%s", "\xE2\x80\x93");   /* – */
}

static const char *const Keys[] = {
   "numbering", "attendance", "videoconference", "also-took-the-floor", "deadline-year",
   "subject-again", "item-documents", "information-points", "deadline-paragraph", "chair",
   "heading-mark", "verbs",
};

const char *Style_key(size_t i) {
   return i < sizeof Keys / sizeof *Keys ? Keys[i] : NULL;
}

/* value is one of two words: *out = (value == yes_word). */
static int two(const char *key, const char *value, const char *no_word, const char *yes_word, bool *out,
               char *msg, size_t msglen) {
   if (strcasecmp(value, no_word) == 0)
      *out = false;
   else if (strcasecmp(value, yes_word) == 0)
      *out = true;
   else {
      snprintf(msg, msglen, "%s is '%s' or '%s', not '%.40s'", key, no_word, yes_word, value);
      return -1;
   }
   return 0;
}

int Style_set(Style *st, const char *key, const char *value, char *msg, size_t msglen) {
   bool b;
   if (strcasecmp(key, "numbering") == 0) {
      if (strcasecmp(value, "numbers") == 0)
         value = "numeric";
      if (two(key, value, "numeric", "letters", &b, msg, msglen))
         return -1;
      st->numbering = b ? GV_NUMBERING_LETTERS : GV_NUMBERING_NUMERIC;
      return 0;
   }
   if (strcasecmp(key, "attendance") == 0)
      return two(key, value, "codes", "names", &st->attendance_names, msg, msglen);
   if (strcasecmp(key, "videoconference") == 0)
      return two(key, value, "by", "in", &st->video_in, msg, msglen);
   if (strcasecmp(key, "also-took-the-floor") == 0) {
      if (strcasecmp(value, "protocol") == 0)
         st->also_order = STYLE_ORDER_PROTOCOL;
      else if (strcasecmp(value, "speaking") == 0)
         st->also_order = STYLE_ORDER_SPEAKING;
      else if (strcasecmp(value, "alphabetical") == 0)
         st->also_order = STYLE_ORDER_ALPHABETICAL;
      else {
         snprintf(msg, msglen, "%s is 'protocol', 'speaking' or 'alphabetical', not '%.40s'", key, value);
         return -1;
      }
      return 0;
   }
   if (strcasecmp(key, "deadline-year") == 0) {
      if (two(key, value, "other-years", "always", &b, msg, msglen))
         return -1;
      st->deadline_year = b;
      return 0;
   }
   if (strcasecmp(key, "subject-again") == 0)
      return two(key, value, "repeat", "pronoun", &st->subject_pronoun, msg, msglen);
   if (strcasecmp(key, "item-documents") == 0)
      return two(key, value, "no", "yes", &st->item_documents, msg, msglen);
   if (strcasecmp(key, "information-points") == 0)
      return two(key, value, "paragraphs", "headings", &st->info_headings, msg, msglen);
   if (strcasecmp(key, "deadline-paragraph") == 0)
      return two(key, value, "own", "last", &st->deadline_joins, msg, msglen);
   if (strcasecmp(key, "chair") == 0)
      return two(key, value, "phrase", "name", &st->chair_name, msg, msglen);
   if (strcasecmp(key, "heading-mark") == 0) {
      if (strlen(value) >= sizeof st->heading_mark) {
         snprintf(msg, msglen, "heading-mark is at most %zu bytes", sizeof st->heading_mark - 1);
         return -1;
      }
      snprintf(st->heading_mark, sizeof st->heading_mark, "%s", value);
      return 0;
   }
   if (strcasecmp(key, "verbs") == 0) {
      if (strlen(value) >= sizeof st->verbs) {
         snprintf(msg, msglen, "verbs is at most %zu bytes", sizeof st->verbs - 1);
         return -1;
      }
      snprintf(st->verbs, sizeof st->verbs, "%s", value);
      return 0;
   }
   char known[256];
   size_t used = 0;
   for (size_t i = 0; Style_key(i) && used < sizeof known; i++)
      used += (size_t)snprintf(known + used, sizeof known - used, "%s%s", i ? ", " : "", Style_key(i));
   snprintf(msg, msglen, "unknown key '%.40s' (known: %s)", key, known);
   return -1;
}
