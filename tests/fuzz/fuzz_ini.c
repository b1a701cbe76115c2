/* The INI lexer (Ini_parse) and every reader of every key it found. */
#include <string.h>

#include "storage/ini.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   Ini *ini = Ini_parse((const char *)data, size, "fuzz.ini");
   if (!ini)
      return 0;
   (void)Ini_name(ini);
   for (int s = 0; s < Ini_sectionCount(ini); s++) {
      const char *name = Ini_sectionName(ini, s);
      FUZZ_CHECK(name != NULL, "section %d has no name", s);
      FUZZ_CHECK(Ini_findSection(ini, name) == s, "section '%s' not found again", name);
      (void)Ini_sectionLine(ini, s);
      (void)Ini_line(ini, name, NULL);
      for (int k = 0; k < Ini_keyCount(ini, s); k++) {
         IniKey key = Ini_key(ini, s, k);
         FUZZ_CHECK(key.key && key.value, "key %d of [%s] is NULL", k, name);
         const char *v = Ini_get(ini, name, key.key);
         FUZZ_CHECK(v != NULL, "[%s] %s not found again", name, key.key);
         FUZZ_CHECK(strcmp(v, key.value) == 0, "[%s] %s: '%s' != '%s'", name, key.key, v,
                    key.value);
         (void)Ini_line(ini, name, key.key);
      }
      static const char *const allowed[] = {"name", "kind", "order", NULL};
      Ini_checkKeys(ini, s, allowed);
   }
   for (int e = 0; e < Ini_errorCount(ini); e++)
      FUZZ_CHECK(Ini_error(ini, e) != NULL, "error %d is NULL", e);
   free(Ini_errorText(ini));
   Ini_free(ini);
   return 0;
}
