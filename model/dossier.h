/* Dossiers: the items of many meetings that are about one file. An item
 * belongs to a dossier by its tag (`item add ... dossier NAME`, `item
 * dossier NUM NAME`) or by a Council document it shares with an item already
 * in it (`7923/17` and `7923/1/17 REV 1` are the same document). The grouping
 * is a union-find over items and their keys: add every item with its keys,
 * then Dossiers_finish() (sorts the keys: O(n log n)), then ask. Pure. */
#ifndef GAVEL_MODEL_DOSSIER_H
#define GAVEL_MODEL_DOSSIER_H

#include <stdbool.h>
#include <stddef.h>

#include "model/agenda.h"
#include "model/docref.h"

/* The key that names one document whatever its revision, addendum or
 * corrigendum: "doc:7923/2017" (two-digit years read as 20YY); free
 * references by their folded text. Into buf; false when it does not fit. */
bool Dossier_docKey(const DocRef *r, char *buf, size_t n);
/* The key of a tag: "tag:" and the folded name (case and accents ignored). */
bool Dossier_tagKey(const char *name, char *buf, size_t n);

typedef struct DossierKey {
   char *key;
   size_t member;
} DossierKey;

typedef struct Dossiers {
   size_t *parent;        /* union-find over members */
   size_t count, cap;
   DossierKey *keys;
   size_t nkeys, keys_cap;
   bool finished;
} Dossiers;

void Dossiers_init(Dossiers *d);
void Dossiers_free(Dossiers *d);
/* A new member (an item of some meeting): its id, or GV_NONE on ENOMEM. */
size_t Dossiers_add(Dossiers *d);
/* Gives member a key (a document or a tag key). false on ENOMEM. */
bool Dossiers_key(Dossiers *d, size_t member, const char *key);
/* Adds an item's tag and document keys to member. false on ENOMEM. */
bool Dossiers_addItem(Dossiers *d, size_t member, const Item *it);
/* Joins members that share a key. */
void Dossiers_finish(Dossiers *d);
/* The group of a member, and of a key (GV_NONE when no member has it). */
size_t Dossiers_group(Dossiers *d, size_t member);
size_t Dossiers_keyGroup(Dossiers *d, const char *key);

#endif
