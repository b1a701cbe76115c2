#include "tui/keys.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "tui/text.h"

static const struct {
   const char *name;
   int key;
} KeyNames[] = {
   { "Enter", KEY_FN(KEY_ENTER) },  { "Esc", TK_ESC },
   { "Tab", TK_TAB },               { "S-Tab", KEY_FN(KEY_BTAB) },
   { "Space", ' ' },                { "Backspace", KEY_FN(KEY_BACKSPACE) },
   { "Delete", KEY_FN(KEY_DC) },    { "Insert", KEY_FN(KEY_IC) },
   { "Home", KEY_FN(KEY_HOME) },    { "End", KEY_FN(KEY_END) },
   { "PgUp", KEY_FN(KEY_PPAGE) },   { "PgDn", KEY_FN(KEY_NPAGE) },
   { "Up", KEY_FN(KEY_UP) },        { "Down", KEY_FN(KEY_DOWN) },
   { "Left", KEY_FN(KEY_LEFT) },    { "Right", KEY_FN(KEY_RIGHT) },
   { "C-Left", TK_CLEFT },          { "C-Right", TK_CRIGHT },
   { "C-Up", TK_CUP },              { "C-Down", TK_CDOWN },
   { "C-Home", TK_CHOME },          { "C-End", TK_CEND },
   { "C-Delete", TK_CDEL },
};

int Keys_parse(const char *name) {
   if (!name || !*name)
      return -1;
   size_t len = strlen(name);
   if (strncmp(name, "M-", 2) == 0 && len > 2) {
      int k = Keys_parse(name + 2);
      return k < 0 || (k & KEY_ALT(0)) ? -1 : KEY_ALT(k);
   }
   for (size_t i = 0; i < sizeof KeyNames / sizeof KeyNames[0]; i++)
      if (strcasecmp(name, KeyNames[i].name) == 0)
         return KeyNames[i].key;
   if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3 && name[1] >= '1' &&
       name[1] <= '9') {
      int f = name[1] - '0';
      if (len == 3) {
         if (name[2] < '0' || name[2] > '9')
            return -1;
         f = f * 10 + (name[2] - '0');
      }
      return f >= 1 && f <= 12 ? KEY_FN(KEY_F(f)) : -1;
   }
   if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && len == 3) {
      char c = name[2];
      if (c >= 'A' && c <= 'Z')
         c = (char)(c - 'A' + 'a');
      if (c >= 'a' && c <= 'z')
         return KEY_CTRL(c);
      return -1;
   }
   uint32_t cp;
   size_t l = Text_decode(name, len, &cp);
   if (l != len || cp < 0x21 || cp == 0x7F || cp == 0xFFFD)
      return -1;
   return (int)cp;
}

const char *Keys_name(int key, char *buf, size_t n) {
   if (key & KEY_ALT(0)) {
      char inner[32];
      snprintf(buf, n, "M-%s", Keys_name(key & ~KEY_ALT(0), inner, sizeof inner));
      return buf;
   }
   for (size_t i = 0; i < sizeof KeyNames / sizeof KeyNames[0]; i++)
      if (KeyNames[i].key == key) {
         snprintf(buf, n, "%s", KeyNames[i].name);
         return buf;
      }
   for (int f = 1; f <= 12; f++)
      if (key == KEY_FN(KEY_F(f))) {
         snprintf(buf, n, "F%d", f);
         return buf;
      }
   if (key >= 1 && key <= 26) {
      snprintf(buf, n, "C-%c", 'a' + key - 1);
      return buf;
   }
   if (!KEY_ISFN(key) && key > 0x20 && key != 0x7F) {
      char u[5];
      size_t l = Text_encode((uint32_t)key, u);
      u[l] = '\0';
      snprintf(buf, n, "%s", u);
      return buf;
   }
   snprintf(buf, n, "<%#x>", (unsigned)key);
   return buf;
}

const char *Keys_refused(int key) {
   if (key == KEY_CTRL('s') || key == KEY_CTRL('q'))
      return "terminals swallow it (XON/XOFF flow control)";
   if (key & KEY_ALT(0))
      return "Alt keys are not read (Esc and the key would come as two keys)";
   return NULL;
}

static void KeyMap_unbindKey(KeyMap *map, int key) {
   for (int i = 0; i < map->n; i++)
      if (map->b[i].key == key) {
         memmove(&map->b[i], &map->b[i + 1], (size_t)(map->n - i - 1) * sizeof map->b[0]);
         map->n--;
         i--;
      }
}

static void KeyMap_bind(KeyMap *map, int key, int action) {
   KeyMap_unbindKey(map, key);
   if (map->n < KEYMAP_MAX) {
      map->b[map->n].key = key;
      map->b[map->n].action = action;
      map->n++;
   }
}

/* Splits value on spaces and parses each name; 0 or -1 with err. */
static int KeyMap_parseList(const char *value, int *keys, int *nkeys, int max, char *err,
                            size_t errlen) {
   *nkeys = 0;
   const char *p = value;
   while (*p) {
      while (*p == ' ' || *p == '\t')
         p++;
      if (!*p)
         break;
      const char *e = p;
      while (*e && *e != ' ' && *e != '\t')
         e++;
      char name[64];
      size_t l = (size_t)(e - p);
      if (l >= sizeof name)
         l = sizeof name - 1;
      memcpy(name, p, l);
      name[l] = '\0';
      int k = Keys_parse(name);
      if (k < 0) {
         snprintf(err, errlen, "unknown key '%s' (keys are like n, A, ?, F5, C-e, M-x, Enter, PgUp)",
                  name);
         return -1;
      }
      const char *why = Keys_refused(k);
      if (why) {
         snprintf(err, errlen, "key '%s' cannot be bound: %s", name, why);
         return -1;
      }
      if (*nkeys < max)
         keys[(*nkeys)++] = k;
      p = e;
   }
   return 0;
}

void KeyMap_init(KeyMap *map, const KeyDef *defs, int ndefs) {
   map->n = 0;
   for (int a = 0; a < ndefs; a++) {
      int keys[8], nk = 0;
      char err[128];
      if (defs[a].defaults && KeyMap_parseList(defs[a].defaults, keys, &nk, 8, err, sizeof err) == 0)
         for (int i = 0; i < nk; i++)
            KeyMap_bind(map, keys[i], a);
   }
}

int KeyMap_set(KeyMap *map, const KeyDef *defs, int ndefs, const char *action, const char *value,
               char *err, size_t errlen) {
   int a = -1;
   for (int i = 0; i < ndefs; i++)
      if (strcmp(defs[i].name, action) == 0)
         a = i;
   if (a < 0) {
      snprintf(err, errlen, "unknown action '%s' in [keys]", action);
      return -1;
   }
   int keys[8], nk = 0;
   if (KeyMap_parseList(value, keys, &nk, 8, err, errlen) != 0)
      return -1;
   for (int i = 0; i < map->n; i++)
      if (map->b[i].action == a) {
         memmove(&map->b[i], &map->b[i + 1], (size_t)(map->n - i - 1) * sizeof map->b[0]);
         map->n--;
         i--;
      }
   for (int i = 0; i < nk; i++)
      KeyMap_bind(map, keys[i], a);
   return 0;
}

int KeyMap_lookup(const KeyMap *map, int key) {
   for (int i = 0; i < map->n; i++)
      if (map->b[i].key == key)
         return map->b[i].action;
   return -1;
}

const char *KeyMap_keysOf(const KeyMap *map, int action, char *buf, size_t n) {
   size_t used = 0;
   buf[0] = '\0';
   for (int i = 0; i < map->n; i++)
      if (map->b[i].action == action) {
         char name[32];
         Keys_name(map->b[i].key, name, sizeof name);
         int w = snprintf(buf + used, n - used, "%s%s", used ? " " : "", name);
         if (w < 0 || (size_t)w >= n - used)
            break;
         used += (size_t)w;
      }
   return buf;
}

int KeyMap_firstKey(const KeyMap *map, int action) {
   for (int i = 0; i < map->n; i++)
      if (map->b[i].action == action)
         return map->b[i].key;
   return -1;
}
