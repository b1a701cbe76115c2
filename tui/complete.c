#include "tui/complete.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const char *const Complete_commands[] = {
   "action", "at", "attend", "deadline", "delete", "done", "edit", "end", "floor", "give",
   "group", "item", "lift", "move", "next", "note", "outcome", "paragraph", "pos", "presents",
   "quit", "redo", "reserve", "roster", "set", "speaker", "tour", "undo", "withdraw", NULL,
};

static const char *const ItemSub[] = { "add", "doc", "title", "move", "drop", "postpone", "join",
                                       NULL };
static const char *const Stances[] = { "supports", "accepts", "flexible", "concerns",
                                       "opposes", "asks", NULL };
static const char *const Statuses[] = { "agreed", "noted", "welcomed", "continued", "postponed",
                                        NULL };
static const char *const Attend[] = { "present", "video", "absent", NULL };
static const char *const ResTypes[] = { "scrutiny", "parliamentary", "linguistic", "substantive",
                                        "general", "waiting", NULL };
static const char *const SetKeys[] = { "body", "date", "place", "chair", "docno", "codes",
                                       "marking", "language", "from", "to", "numbering", "subject",
                                       "type", "on", "doc-date", "header", "access", "style", NULL };
static const char *const Rosters[] = { "eu27", "eu28-2017", NULL };
static const char *const FloorOpts[] = { "first", NULL };
static const char *const ItemOpts[] = { "under", "doc", "kind", "requested", NULL };
static const char *const Kinds[] = { "item", "info", "aob", "heading", NULL };
static const char *const MovePos[] = { "before", "after", NULL };

static void Complete_add(Completion *c, const char *cand, const char *prefix) {
   size_t pl = strlen(prefix);
   if (strncasecmp(cand, prefix, pl) != 0)
      return;
   for (int i = 0; i < c->n && i < COMPLETE_MAX; i++)
      if (strcmp(c->match[i], cand) == 0)
         return;
   if (c->n < COMPLETE_MAX)
      c->match[c->n] = cand;
   c->n++;
}

static void Complete_list(Completion *c, const char *const *list, const char *prefix) {
   for (; *list; list++)
      Complete_add(c, *list, prefix);
}

static void Complete_arr(Completion *c, const char *const *arr, size_t n, const char *prefix) {
   for (size_t i = 0; arr && i < n; i++)
      Complete_add(c, arr[i], prefix);
}

int Complete_line(const char *line, size_t cursor, const CompleteSource *src, Completion *c) {
   memset(c, 0, sizeof *c);
   size_t len = strlen(line);
   if (cursor > len)
      cursor = len;
   /* The words before the cursor; the last one is being completed. */
   char words[8][64];
   int nw = 0;
   size_t i = 0, start = 0;
   for (;;) {
      while (i < cursor && line[i] == ' ')
         i++;
      start = i;
      while (i < cursor && line[i] != ' ')
         i++;
      if (i >= cursor)
         break;
      if (nw < 8) {
         size_t l = i - start < 63 ? i - start : 63;
         memcpy(words[nw], line + start, l);
         words[nw][l] = '\0';
         nw++;
      }
   }
   char prefix[128];
   size_t pl = cursor - start < sizeof prefix - 1 ? cursor - start : sizeof prefix - 1;
   memcpy(prefix, line + start, pl);
   prefix[pl] = '\0';
   c->start = start;
   c->end = cursor;

   const char *cmd = nw > 0 ? words[0] : NULL;
   const char *prev = nw > 0 ? words[nw - 1] : NULL;
   #define IS(w, s) ((w) && strcasecmp((w), (s)) == 0)
   if (nw == 0) {
      Complete_list(c, Complete_commands, prefix);
   } else if (IS(cmd, "floor")) {
      Complete_arr(c, src->codes, src->ncodes, prefix);
      if (nw >= 2)
         Complete_list(c, FloorOpts, prefix);
   } else if (IS(cmd, "give") || IS(cmd, "withdraw") || IS(cmd, "presents")) {
      if (nw == 1)
         Complete_arr(c, src->codes, src->ncodes, prefix);
   } else if (IS(cmd, "speaker")) {
      if (nw == 2)   /* speaker REF CODE */
         Complete_arr(c, src->codes, src->ncodes, prefix);
   } else if (IS(cmd, "move")) {
      if (nw == 2)   /* move REF before|after REF */
         Complete_list(c, MovePos, prefix);
   } else if (IS(cmd, "attend")) {
      if (nw == 1)
         Complete_arr(c, src->codes, src->ncodes, prefix);
      else if (nw == 2)
         Complete_list(c, Attend, prefix);
   } else if (IS(cmd, "pos")) {
      if (nw == 1)
         Complete_arr(c, src->codes, src->ncodes, prefix);
      else if (nw == 2)
         Complete_list(c, Stances, prefix);
   } else if (IS(cmd, "reserve") || IS(cmd, "lift")) {
      if (nw == 1)
         Complete_arr(c, src->codes, src->ncodes, prefix);
      else if (nw == 2)
         Complete_list(c, ResTypes, prefix);
   } else if (IS(cmd, "action")) {
      if (nw == 1)
         Complete_arr(c, src->codes, src->ncodes, prefix);
   } else if (IS(cmd, "deadline")) {
      if (IS(prev, "by"))
         Complete_arr(c, src->codes, src->ncodes, prefix);
   } else if (IS(cmd, "outcome")) {
      if (nw == 1)
         Complete_list(c, Statuses, prefix);
   } else if (IS(cmd, "set")) {
      if (nw == 1)
         Complete_list(c, SetKeys, prefix);
   } else if (IS(cmd, "roster")) {
      if (nw == 1)
         Complete_list(c, Rosters, prefix);
   } else if (IS(cmd, "item")) {
      if (nw == 1) {
         Complete_list(c, ItemSub, prefix);
         Complete_arr(c, src->items, src->nitems, prefix);
      } else if (IS(words[1], "add")) {
         if (IS(prev, "under"))
            Complete_arr(c, src->items, src->nitems, prefix);
         else if (IS(prev, "kind"))
            Complete_list(c, Kinds, prefix);
         else if (IS(prev, "requested"))
            Complete_arr(c, src->codes, src->ncodes, prefix);
         else if (nw >= 3)
            Complete_list(c, ItemOpts, prefix);
      } else if (IS(words[1], "move")) {
         if (nw == 3)
            Complete_list(c, MovePos, prefix);
         else
            Complete_arr(c, src->items, src->nitems, prefix);
      } else if (nw == 2) {
         Complete_arr(c, src->items, src->nitems, prefix);
      }
   }
   #undef IS

   int shown = c->n < COMPLETE_MAX ? c->n : COMPLETE_MAX;
   if (shown > 0) {
      snprintf(c->common, sizeof c->common, "%s", c->match[0]);
      for (int k = 1; k < shown; k++) {
         size_t j = 0;
         while (c->common[j] && c->match[k][j] &&
                (c->common[j] | 0x20) == (c->match[k][j] | 0x20))
            j++;
         c->common[j] = '\0';
      }
   }
   return c->n;
}

size_t Complete_apply(char *line, size_t cap, const Completion *c) {
   if (c->n == 0)
      return c->end;
   char repl[160];
   if (c->n == 1)
      snprintf(repl, sizeof repl, "%s ", c->match[0]);
   else if (strlen(c->common) >= c->end - c->start)
      snprintf(repl, sizeof repl, "%s", c->common);
   else
      return c->end;
   size_t len = strlen(line), rl = strlen(repl);
   size_t old = c->end - c->start;
   /* A following space is not doubled. */
   if (c->n == 1 && line[c->end] == ' ')
      rl--;
   if (len - old + rl + 1 > cap)
      return c->end;
   memmove(line + c->start + rl, line + c->end, len - c->end + 1);
   memcpy(line + c->start, repl, rl);
   return c->start + rl + (c->n == 1 && rl < strlen(repl) ? 1 : 0);
}
