/* Keys: one int per key press, names for the config and the help screen,
 * and the map from keys to actions that the config can change.
 *
 * A character is its code point; a curses function key is KEY_FN(code), so
 * that it never collides with a letter such as U+0151. KEY_ALT names Alt
 * keys only to refuse them in the config: Esc and a key typed quickly are
 * two keys here. Nothing in this module needs a terminal. */
#ifndef GAVEL_TUI_KEYS_H
#define GAVEL_TUI_KEYS_H

#include <stddef.h>

#define KEY_FN(k)   (0x1000000 | (k))
#define KEY_ALT(k)  (0x2000000 | (k))
#define KEY_CTRL(c) ((c) & 0x1f)
#define KEY_ISFN(k) (((k) & 0x1000000) != 0)

/* Keys curses has no single code for (found at start-up with key_defined). */
enum {
   TK_ESC = 27,
   TK_TAB = 9,
   TK_CLEFT = KEY_FN(0xF01),
   TK_CRIGHT = KEY_FN(0xF02),
   TK_CUP = KEY_FN(0xF03),
   TK_CDOWN = KEY_FN(0xF04),
   TK_CHOME = KEY_FN(0xF05),
   TK_CEND = KEY_FN(0xF06),
   TK_CDEL = KEY_FN(0xF07),
   /* Bracketed paste: the terminal wraps pasted text in these. */
   TK_PASTE_BEGIN = KEY_FN(0xF10),
   TK_PASTE_END = KEY_FN(0xF11),
};

/* The curses key codes given to the paste brackets with define_key(). */
#define KEYS_CURSES_PASTE_BEGIN (KEY_MAX + 1)
#define KEYS_CURSES_PASTE_END (KEY_MAX + 2)

/* Parses a key name: a character ("n", "?", "É"), or Enter, Esc, Tab,
 * S-Tab, Space, Backspace, Delete, Insert, Home, End, PgUp, PgDn, Up, Down,
 * Left, Right, F1..F12, C-a..C-z, C-Left..., M-KEY. Returns -1 for an
 * unknown name. */
int Keys_parse(const char *name);

/* The name of key, as Keys_parse reads it, into buf. */
const char *Keys_name(int key, char *buf, size_t n);

/* Why a key cannot be bound (terminals swallow it), or NULL. */
const char *Keys_refused(int key);

/* One action of the key table: its config name and default keys ("n F5"). */
typedef struct KeyDef {
   const char *name;
   const char *defaults;
} KeyDef;

#define KEYMAP_MAX 256

typedef struct KeyMap {
   struct { int key, action; } b[KEYMAP_MAX];
   int n;
} KeyMap;

/* Binds every action's default keys. */
void KeyMap_init(KeyMap *map, const KeyDef *defs, int ndefs);

/* Replaces the keys of the action named action with the space-separated key
 * names in value (a key taken from another action leaves it). Returns 0, or
 * -1 with a message in err (unknown action, unknown key, refused key). */
int KeyMap_set(KeyMap *map, const KeyDef *defs, int ndefs, const char *action, const char *value,
               char *err, size_t errlen);

/* The action bound to key, or -1. */
int KeyMap_lookup(const KeyMap *map, int key);

/* "n F5": the keys of action, in binding order, into buf. */
const char *KeyMap_keysOf(const KeyMap *map, int action, char *buf, size_t n);

/* The first key of action, or -1. */
int KeyMap_firstKey(const KeyMap *map, int action);

#endif
