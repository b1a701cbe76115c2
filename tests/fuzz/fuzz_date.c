/* Dates and times typed in commands and read from the journal: Date_parse
 * (with and without a reference day), Time_parse_hms, Time_parse_iso. What
 * parses must format and parse back to the same value. The first byte picks
 * the reference day, the rest is the text. */
#include <string.h>

#include "model/date.h"
#include "tests/fuzz/fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
   char msg[256];
   int64_t day, back, secs, t, t2;
   int64_t ref = GV_NO_DAY;
   if (size > 0) {
      if (data[0] & 1)
         ref = Date_days_from_civil(2017, 5, 12) + (int64_t)(data[0] >> 1) * 97;
      data++;
      size--;
   }
   const char *s = (const char *)data;

   if (Date_parse(s, size, ref, &day, msg, sizeof msg) == GV_OK) {
      int64_t y;
      unsigned m, d;
      char iso[11], lng[24];
      Date_civil_from_days(day, &y, &m, &d);
      FUZZ_CHECK(Date_valid(y, m, d), "accepted an invalid date %lld-%u-%u", (long long)y, m, d);
      if (y >= 1 && y <= 9999) {
         Date_format_iso(day, iso);
         FUZZ_CHECK(Date_parse(iso, strlen(iso), GV_NO_DAY, &back, msg, sizeof msg) == GV_OK,
                    "'%s' refused: %s", iso, msg);
         FUZZ_CHECK(back == day, "'%s' reparses to another day", iso);
      }
      /* "31 May 2017" is parsed with a four-digit year only. */
      if (y >= 1000 && y <= 9999) {
         Date_format_long(day, lng);
         FUZZ_CHECK(Date_parse(lng, strlen(lng), GV_NO_DAY, &back, msg, sizeof msg) == GV_OK,
                    "'%s' refused: %s", lng, msg);
         FUZZ_CHECK(back == day, "'%s' reparses to another day", lng);
      }
      (void)Date_weekday(day);
   }
   if (Time_parse_hms(s, size, &secs, msg, sizeof msg) == GV_OK)
      FUZZ_CHECK(secs >= 0 && secs < GV_DAY_SECONDS, "time of day out of range: %lld",
                 (long long)secs);
   if (Time_parse_iso(s, size, &t) == GV_OK) {
      char iso[20], hm[9];
      Time_format_iso(t, iso);
      Time_format_hm(t, true, hm);
      FUZZ_CHECK(Time_parse_iso(iso, strlen(iso), &t2) == GV_OK && t2 == t,
                 "'%s' does not reparse to the same time", iso);
   }
   return 0;
}
